"""What a factsheet's preamble says: its title, the Party, the round, when follow-ups came."""

from __future__ import annotations

import re
from datetime import date

from assessor.importers.document import Block
from assessor.importers.factsheet_data import (
    ParsedChapter,
)
from assessor.importers.vocabulary import Vocabulary


def read_preamble(
    blocks: list[Block], chapters: list[ParsedChapter], words: Vocabulary
) -> tuple[str, str | None, str, str]:
    """Title, Party, round and the preamble's text, all read from the document."""
    texts = [b.text for b in blocks]
    title = next((b.text for b in blocks if b.kind == "heading"), "")
    party = None
    for t in texts:
        m = words.compliance_re.search(t)
        if m:
            title, party = t, m.group(1).strip()
            break
    specific = [s.title for c in chapters for s in c.sections if s.kind == "specific"]
    if party is None:
        found = (words.specific_to_re.search(t) for t in specific)
        m = next((f for f in found if f), None)
        party = m.group(1).strip().rstrip(".") if m else None
    if party:
        party = _proper_case(party, "\n".join(specific) + "\n" + "\n".join(texts))
    round_title = ""
    for i, t in enumerate(texts):
        m = words.round_re.search(t)
        if m:
            topic = texts[i + 1] if t.rstrip().endswith(":") and i + 1 < len(texts) else ""
            topic = topic.strip("“”\"'«» ")
            ordinal = m.group(1).replace(" ", "")
            name = f"{ordinal} {' '.join(m.group(0)[len(m.group(1)) :].split()).lower()}"
            round_title = name + (f": {topic}" if topic else "")
            break
    return (
        title or f"Factsheet – {party or ''}",
        party,
        round_title or "Monitoring round",
        "\n\n".join(texts),
    )


def _proper_case(name: str, context: str) -> str:
    """The Party's name as the body writes it (“ALBANIA” in a title is “Albania”)."""
    found = re.findall(re.escape(name), context, re.I)
    mixed = [f for f in found if not f.isupper()]
    if mixed:
        return max(set(mixed), key=mixed.count)
    small = {"of", "the", "and", "de", "la", "du", "des", "et"}
    return " ".join(w if w.lower() in small else w.capitalize() for w in name.lower().split())


def received_date(preamble: str, words: Vocabulary) -> date | None:
    m = words.received_re.search(preamble)
    if not m:
        return None
    months = [mo.casefold() for mo in words.months]
    return date(int(m.group(2)), months.index(m.group(1).casefold()) + 1, 1)
