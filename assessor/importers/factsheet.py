"""Parse a factsheet (Markdown or plain text converted from the Committee's PDF) into plain data.

The parser works in two passes. The first (:meth:`_Reader.feed`) routes every block to a
*flow*: the body of the current section, a follow-up box, or a promising-practice box, and
repairs page breaks on the way. The second (:func:`_classify`) turns a section's body into
observations, recommendations and notes, and attaches each box to the recommendation it follows.
Parsing never writes anything; see :mod:`assessor.services.imports` for that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assessor.importers.common import ImportRejected, ImportWarning
from assessor.importers.factsheet_data import (
    ParsedChapter,
    ParsedFactsheet,
    ParsedRecommendation,
)
from assessor.importers.factsheet_sections import Flow, RoutedSection, classify_section
from assessor.importers.factsheet_text import VERB_BOLD_RE, Block, Footnote, lex

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]  # fmt: skip
CHAPTER_RE = re.compile(r"^(?:Chapter\s+)?([IVXL]{1,5})\s*[.)–-]\s*(\S.*)$")
FOLLOW_UP_RE = re.compile(r"^follow[\s-]*up(?:\s+actions?)?(?:\s+taken)?\s*[:.]?$", re.I)
BODY_RE = re.compile(
    r"\b(?:Lanzarote\s+)?Committee\s+(?:also\s+|however\s+|therefore\s+|further\s+)?"
    r"(?:observes|observed|notes|noted|notices|highlights|recognises|recognizes|finds|found"
    r"|acknowledges|considers|welcomes|identifies|calls|regrets|requires|requests|invites)\b"
    r"|the\s+Committee\s*:\s*$|\bIt\s+also\s+(?:requires|requests|invites)\b",
    re.I,
)
RECEIVED_RE = re.compile(
    r"information submitted by .{0,80}? in ((?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)) (\d{4})",
    re.I | re.S,
)
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]  # fmt: skip
#: How many blocks a sentence cut by a page break may wait for its continuation.
CONTINUATION_WINDOW = 20
#: Words no sentence ends with: a paragraph ending with one was certainly cut.
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for with from into onto upon about as than that which who whom
    whose where when while and or but nor if because since although though whether is are was
    were be been being has have had will would shall should can could may might must do does
    did not their its his her our your this these those such both each every all any some no
    other another more most also very further only between among within without through during
    before after under over against including via per""".split()
)


def cut_mid_sentence(block: Block) -> bool:
    """True when a dangling block ends in a way no sentence ends: a function word or a comma."""
    text = block.text.rstrip()
    words = text.split()
    return bool(words) and (text.endswith(",") or words[-1].casefold() in FUNCTION_WORDS)


def section_kind(title: str) -> str | None:
    """The kind of section a heading opens, or None if it is not a section heading."""
    t = re.sub(r"\s+", " ", title.strip().rstrip(":.").strip()).casefold()
    if len(t) > 400 or not t:
        return None
    if t.startswith("generic recommendations"):
        return "generic"
    if re.match(r"(main |key )?observations and recommendations\b", t) or (
        t.startswith("recommendations") and "specific to" in t
    ):
        return "specific"
    if re.fullmatch(r"(national |other )?promising practices?", t):
        return "promising_practices"
    if re.match(r"difficult(y|ies)\b", t) and len(t) < 120:
        return "difficulties"
    return None


@dataclass
class _Chapter:
    number: str
    title: str
    sections: list[RoutedSection] = field(default_factory=list)
    heading_starts: set[str] = field(default_factory=set)


def _first_words(text: str, n: int = 3) -> str:
    return " ".join(text.casefold().split()[:n])


class _Reader:
    """First pass: route blocks to flows, repairing sentences cut by page breaks."""

    def __init__(self, footnotes: dict[int, Footnote], warnings: list[ImportWarning]) -> None:
        self.footnotes = footnotes
        self.warnings = warnings
        self.preamble: list[Block] = []
        self.chapters: list[_Chapter] = []
        self.current: Flow | None = None
        # Flows whose last block stops mid-sentence, oldest first, with the block count then:
        # a page break that splits two boxes continues the older one first.
        self.open: list[tuple[Flow, int]] = []
        self.count = 0

    # -- structure -------------------------------------------------------------------------
    def _chapter_heading(self, block: Block) -> tuple[str, str] | None:
        if "\n" in block.text or re.search(r"\.{4,}|\t\d+\s*$", block.raw):
            return None
        m = CHAPTER_RE.match(block.text)
        if not m or block.kind == "bullet":
            return None
        number = m.group(1)
        expected = ROMAN[len(self.chapters)] if len(self.chapters) < len(ROMAN) else None
        if number == expected or (number == "I" and self._only_empty_chapters()):
            return number, m.group(2).strip().rstrip(":").strip()
        return None

    def _only_empty_chapters(self) -> bool:
        # A table of contents without page numbers looks like a run of empty chapters.
        return bool(self.chapters) and all(not c.sections for c in self.chapters)

    def _start_chapter(self, number: str, title: str, line: int) -> None:
        self._expire(everything=True)
        if number == "I" and self.chapters:
            self.preamble.extend(
                Block("para", f"{c.number}. {c.title}", line) for c in self.chapters
            )
            self.chapters.clear()
        self.chapters.append(_Chapter(number, title))
        self.current = None

    def _start_section(self, kind: str, title: str) -> Flow:
        chapter = self.chapters[-1]
        section = RoutedSection(kind, title)
        section.body = Flow("practice" if kind == "promising_practices" else "body", section)
        chapter.sections.append(section)
        self.current = section.body
        return section.body

    def _body(self) -> Flow:
        chapter = self.chapters[-1]
        if not chapter.sections:
            return self._start_section("text", "Introduction")
        section = chapter.sections[-1]
        assert section.body is not None
        return section.body

    def _start_box(self, block: Block) -> None:
        body = self._body()
        section = body.section
        box = Flow("follow_up", section, anchor=len(body.blocks), line=block.line)
        section.boxes.append(box)
        self.current = box

    # -- page breaks ---------------------------------------------------------------------
    def _expire(self, everything: bool = False) -> None:
        keep = []
        for flow, when in self.open:
            if everything or self.count - when > CONTINUATION_WINDOW:
                last = flow.blocks[-1]
                if flow.kind != "body" and cut_mid_sentence(last):
                    self.warnings.append(
                        ImportWarning(
                            f"a box ends mid-sentence (“…{last.text[-50:]}”) and no continuation "
                            "was found; check it against the PDF",
                            last.line,
                        )
                    )
            else:
                keep.append((flow, when))
        self.open = keep

    def _mark_open(self, flow: Flow) -> None:
        self.open = [(f, w) for f, w in self.open if f is not flow]
        if flow.blocks and flow.blocks[-1].dangling:
            self.open.append((flow, self.count))

    def _looks_like_body(self, block: Block) -> bool:
        """True when a block cannot belong to the State's box: the Committee speaks again."""
        text = block.text
        if block.markers or BODY_RE.search(block.raw) or VERB_BOLD_RE.search(block.raw):
            return True
        if block.kind == "bullet" and block.starts_lower:
            return True  # the Committee's bullets run on from its sentence; the State's don't
        single = "\n" not in text and len(text) < 300
        if single and re.match(r"On\s", text) and text.endswith(":") and len(text) < 160:
            return True
        return single and _first_words(text) in self.chapters[-1].heading_starts

    # -- routing -------------------------------------------------------------------------
    def feed(self, block: Block) -> None:
        """Route one block."""
        self.count += 1
        self._expire()
        chapter = self._chapter_heading(block)
        if chapter:
            self._start_chapter(*chapter, block.line)
            return
        if not self.chapters:
            self.preamble.append(block)
            return
        text = block.text
        if block.kind == "heading":
            self.chapters[-1].heading_starts.add(_first_words(text))
        single = block.kind != "bullet" and "\n" not in text
        if single and FOLLOW_UP_RE.match(text):
            self._start_box(block)
            return
        kind = section_kind(text) if single else None
        if kind and (block.kind == "heading" or block.bold or len(text) < 300):
            self._start_section(kind, text.rstrip(":").strip())
            return
        if block.kind == "heading":
            flow = self._body()
            self.current = flow
            flow.blocks.append(block)
            return
        self._route(block)

    def _route(self, block: Block) -> None:
        current = self.current or self._body()
        if block.kind == "para" and block.starts_lower and self.open:
            target = self._continued_flow(block, current)
            if target is not None:
                target.blocks[-1].absorb(block)
                self.current = target
                self._mark_open(target)
                return
        if self._heading_like(block):
            block.kind = "heading"
            current = self._body()
            current.blocks.append(block)
            self.current = current
            self._mark_open(current)
            return
        last = current.blocks[-1] if current.blocks else None
        if last is not None and last.dangling and block.kind == "para":
            if current.kind == "body" and not block.bold:
                last.absorb(block)  # the body never interleaves with itself
                self._mark_open(current)
                return
            if current.kind == "follow_up" and not self._looks_like_body(block):
                short = len(block.text) < 120 and not block.dangling
                if short:
                    last.absorb(block)
                    self._mark_open(current)
                    return
        if current.kind == "follow_up" and self._looks_like_body(block):
            current = self._body()
        elif current.kind == "body" and block.bold and self._follows_recommendation(current):
            self._start_box(block)  # an unlabelled (bold) follow-up box
            current = self.current or current
        current.blocks.append(block)
        self.current = current
        self._mark_open(current)

    def _continued_flow(self, block: Block, current: Flow) -> Flow | None:
        """Which open flow a lower-case paragraph continues.

        Footnote markers mean the Committee's text (boxes have none). Otherwise a paragraph
        certainly cut (ending with “of”, “will”, a comma) wins over one that may simply lack
        its full stop, the oldest first: a page break that splits two boxes continues the
        older one first. Failing that, the most recent open flow.
        """
        candidates = [f for f, _ in self.open if not block.markers or f.kind == "body"]
        if not candidates:
            return None
        certain = [f for f in candidates if cut_mid_sentence(f.blocks[-1])]
        chosen = certain[0] if certain else current if current in candidates else candidates[-1]
        self.open = [(f, w) for f, w in self.open if f is not chosen]
        return chosen

    def _heading_like(self, block: Block) -> bool:
        """A plain line that the document elsewhere marks as a heading (“Jurisdiction …”)."""
        text = block.text
        if block.kind != "para" or block.markers or "\n" in text or len(text) > 300:
            return False
        if re.match(r"On\s", text) and text.endswith(":") and len(text) < 160:
            return not VERB_BOLD_RE.search(block.raw) and "Committee" not in text
        return _first_words(text) in self.chapters[-1].heading_starts

    def _follows_recommendation(self, body: Flow) -> bool:
        for block in reversed(body.blocks):
            if block.kind == "heading":
                return False
            return any(self.footnotes.get(n, Footnote(n, "")).codes for n in block.markers)
        return False


def parse_factsheet(text: str, party: str | None = None) -> ParsedFactsheet:
    """Parse a factsheet's text into chapters, sections, items and warnings (pure)."""
    lexed = lex(text)
    warnings = list(lexed.warnings)
    reader = _Reader(lexed.footnotes, warnings)
    for block in lexed.blocks:
        reader.feed(block)
    reader._expire(everything=True)
    if not reader.chapters:
        raise ImportRejected(
            "This does not look like a factsheet: no chapters (I., II., …) were found."
        )
    chapters: list[ParsedChapter] = []
    for ch in reader.chapters:
        parsed = ParsedChapter(ch.number, ch.title)
        previous: list[ParsedRecommendation] = []
        for sec in ch.sections:
            section = classify_section(sec, ch.number, lexed.footnotes, previous, warnings)
            if section.items:
                parsed.sections.append(section)
            previous.extend(section.recommendations)
        chapters.append(parsed)
    if not any(c.recommendations for c in chapters):
        raise ImportRejected(
            "This does not look like a factsheet: no recommendation footnotes "
            "(“Recommendation II-6”) were found."
        )
    title, found_party, round_title, preamble = _read_preamble(reader.preamble, chapters)
    party_name = (party or found_party or "").strip()
    if not party_name:
        raise ImportRejected(
            "The Party could not be read from the factsheet; give it with --party."
        )
    _check_codes(chapters, warnings)
    return ParsedFactsheet(
        party=party_name,
        title=title,
        round_title=round_title,
        preamble=preamble,
        chapters=chapters,
        follow_ups_received=_received(preamble),
        warnings=warnings,
    )


def _read_preamble(
    blocks: list[Block], chapters: list[ParsedChapter]
) -> tuple[str, str | None, str, str]:
    """Title, Party, round and the preamble's text, all read from the document."""
    texts = [b.text for b in blocks]
    title = next((t for b, t in zip(blocks, texts, strict=True) if b.kind == "heading"), "")
    party = None
    for t in texts:
        m = re.search(r"compliance procedure\s*[–—-]\s*(.+)$", t, re.I)
        if m:
            title, party = t, m.group(1).strip()
            break
    specific = [s.title for c in chapters for s in c.sections if s.kind == "specific"]
    if party is None:
        m = next((re.search(r"specific to (.+)$", t) for t in specific if "specific to" in t), None)
        party = m.group(1).strip().rstrip(".") if m else None
    if party:
        party = _proper_case(party, "\n".join(s for s in specific) + "\n" + "\n".join(texts))
    round_title = ""
    for i, t in enumerate(texts):
        m = re.search(r"(\d+\s*(?:st|nd|rd|th))\s+monitoring round", t, re.I)
        if m:
            topic = texts[i + 1] if t.rstrip().endswith(":") and i + 1 < len(texts) else ""
            topic = topic.strip("“”\"' ")
            round_title = f"{m.group(1).replace(' ', '')} monitoring round" + (
                f": {topic}" if topic else ""
            )
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
    small = {"of", "the", "and"}
    return " ".join(w if w.lower() in small else w.capitalize() for w in name.lower().split())


def _received(preamble: str) -> date | None:
    m = RECEIVED_RE.search(preamble)
    return date(int(m.group(2)), MONTHS.index(m.group(1).lower()) + 1, 1) if m else None


def _check_codes(chapters: list[ParsedChapter], warnings: list[ImportWarning]) -> None:
    seen: set[str] = set()
    for chapter in chapters:
        for rec in chapter.recommendations:
            for code in rec.codes:
                if code in seen:
                    warnings.append(ImportWarning(f"recommendation {code} appears twice"))
                seen.add(code)
                if code.split("-")[0] != chapter.number:
                    warnings.append(
                        ImportWarning(f"recommendation {code} is in chapter {chapter.number}")
                    )
