"""What a factsheet file will become, shown before anything is written (window and --dry-run).

The review is plain data (:class:`ReviewLine`) built from the parsed factsheet alone, so the
command line prints it and the window draws it as a tree, from the same rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from assessor.domain.scope import snippet
from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedPractice,
    ParsedRecommendation,
)
from assessor.wording import plural

LANGUAGES = {"en": "English", "fr": "French"}
SECTION_KINDS = {
    "specific": "specific to the Party",
    "generic": "generic",
    "promising_practices": "promising practices",
    "difficulties": "difficulties",
    "text": "text",
}


@dataclass(frozen=True)
class ReviewLine:
    """One line of the review: its depth in the tree, what it is, and its text."""

    depth: int
    kind: str  # chapter | section | recommendation | follow_up | practice
    text: str
    detail: str = ""  # for a recommendation: verb and scope
    follow_up: str = ""  # for a recommendation: the start of its follow-up


def headline(parsed: ParsedFactsheet) -> list[str]:
    """The review's first lines: what the file is, how much of it was placed, the counts."""
    verbs = Counter(r.verb for r in parsed.recommendations)
    by_verb = ", ".join(f"{verbs.get(v, 0)} {v}" for v in ("require", "request", "invite"))
    codes = sum(len(r.codes) for r in parsed.recommendations)
    practices = sum(
        1 for c in parsed.chapters for s in c.sections for i in s.items
        if isinstance(i, ParsedPractice)
    )  # fmt: skip
    language = LANGUAGES.get(parsed.language, parsed.language)
    source = f"{parsed.source_format}, {language}" if parsed.source_format else language
    return [
        f"Factsheet of {parsed.party} — {parsed.round_title} ({source})",
        parsed.placement_line(),
        f"{plural(len(parsed.chapters), 'chapter')}, "
        f"{plural(len(parsed.recommendations), 'recommendation')} ({by_verb}) carrying "
        f"{plural(codes, 'code')}; {plural(parsed.follow_ups, 'follow-up')} from "
        f"{plural(parsed.boxes, 'box', 'boxes')}; {plural(practices, 'promising practice')}",
    ]


def review_tree(parsed: ParsedFactsheet) -> list[ReviewLine]:
    """Chapters → sections → recommendations with their follow-ups, and the practices."""
    out: list[ReviewLine] = []
    for chapter in parsed.chapters:
        out.append(ReviewLine(0, "chapter", f"{chapter.number}. {chapter.title}"))
        for section in chapter.sections:
            if section.kind == "text" and not section.recommendations:
                continue
            title = section.title or SECTION_KINDS.get(section.kind, section.kind).capitalize()
            out.append(ReviewLine(1, "section", title, SECTION_KINDS.get(section.kind, "")))
            for item in section.items:
                if isinstance(item, ParsedRecommendation):
                    out.append(
                        ReviewLine(
                            2,
                            "recommendation",
                            ", ".join(item.codes),
                            f"{item.verb} · {item.scope}",
                            snippet(item.follow_up or "", 90),
                        )
                    )
                elif isinstance(item, ParsedPractice):
                    out.append(ReviewLine(2, "practice", snippet(item.text, 90)))
    return out


def review_text(parsed: ParsedFactsheet) -> str:
    """The whole review as text, for ``assessor import FILE --dry-run``."""
    lines = headline(parsed)
    for line in review_tree(parsed):
        pad = "  " * (line.depth + 1)
        if line.kind == "recommendation":
            follow = f"follow-up: {line.follow_up}" if line.follow_up else "no follow-up"
            lines.append(f"{pad}{line.text:<18} {line.detail:<18} {follow}")
        elif line.kind == "practice":
            lines.append(f"{pad}promising practice: {line.text}")
        elif line.kind == "section":
            lines.append(f"{pad}{line.text} [{line.detail}]")
        else:
            lines.append(f"{pad}{line.text}")
    if parsed.unplaced:
        lines.append(f"Not placed ({len(parsed.unplaced)}):")
        lines += [f"  {u.where}: {snippet(u.text, 120)}" for u in parsed.unplaced]
    if parsed.warnings:
        lines.append(f"Warnings ({len(parsed.warnings)}):")
        lines += [f"  {w}" for w in parsed.warnings]
    return "\n".join(lines)
