"""The structural reader: a factsheet's document model becomes chapters, sections and items.

Whatever the format (see :mod:`assessor.importers.readers`), the reader gets the same
:class:`~assessor.importers.document.Document`. It works in two passes. The first
(:meth:`_Reader.feed`) routes every block to a *flow*: the body of the current section, a
follow-up box, or a promising-practice box — by the box drawn around it where the format shows
boxes, else by the box's label — and repairs page breaks on the way. The second
(:func:`~assessor.importers.factsheet_sections.classify_section`) turns a section's body into
observations, recommendations and notes, and attaches each box to the recommendation it follows.
The words it relies on come from the document language's vocabulary. Parsing never writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from assessor.importers.common import ImportRejected, ImportWarning
from assessor.importers.document import Block, Document, resolve_markers
from assessor.importers.factsheet_cues import Footnote, has_bold_verb, parse_footnote
from assessor.importers.factsheet_data import (
    ParsedChapter,
    ParsedFactsheet,
    ParsedNote,
    ParsedRecommendation,
    Unplaced,
)
from assessor.importers.factsheet_sections import Flow, RoutedSection, classify_section
from assessor.importers.vocabulary import Vocabulary, detect_language
from assessor.sanitize import clean_text

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
#: How many blocks a sentence cut by a page break may wait for its continuation.
CONTINUATION_WINDOW = 20


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral (I … L); 0 when it is not a well-formed one."""
    total = 0
    values = [ROMAN_VALUES.get(ch, 0) for ch in numeral.upper()]
    if not values or 0 in values:
        return 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total if to_roman(total) == numeral.upper() else 0


def to_roman(value: int) -> str:
    """The Roman numeral of 1 … 89."""
    out = ""
    for v, s in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= v:
            out += s
            value -= v
    return out


def cut_mid_sentence(block: Block, words: Vocabulary) -> bool:
    """True when a dangling block ends in a way no sentence ends: a function word or a comma."""
    text = block.text.rstrip()
    last = text.split()[-1:] if text else []
    return bool(last) and (text.endswith(",") or last[0].casefold() in words.function_words)


def section_kind(title: str, words: Vocabulary) -> str | None:
    """The kind of section a heading opens, or None if it is not a section heading."""
    t = re.sub(r"\s+", " ", title.strip().rstrip(":.").strip())
    if len(t) > 400 or not t:
        return None
    if re.match(words.generic_section, t, re.I):
        return "generic"
    if re.match(words.specific_section, t, re.I):
        return "specific"
    if words.practice_re.match(t):
        return "promising_practices"
    if re.match(words.difficulties_section, t, re.I) and len(t) < 120:
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

    def __init__(
        self,
        footnotes: dict[int, Footnote],
        words: Vocabulary,
        warnings: list[ImportWarning],
        drawn_boxes: bool,
    ) -> None:
        self.footnotes = footnotes
        self.words = words
        self.warnings = warnings
        # Where the format draws boxes (PDF, Word), a box is what is drawn, not a guess.
        self.drawn_boxes = drawn_boxes
        self.chapter_re = re.compile(
            rf"^(?:(?:{words.chapter_word})\s+)?([IVXL]{{1,6}})\s*[.)–:-]\s*(\S.*)$", re.I
        )
        self.preamble: list[Block] = []
        self.chapters: list[_Chapter] = []
        self.current: Flow | None = None
        # Flows whose last block stops mid-sentence, oldest first, with the block count then:
        # a page break that splits two boxes continues the older one first.
        self.open: list[tuple[Flow, int]] = []
        self.count = 0
        self.labels = 0  # box labels seen ("Follow-up actions:")
        self.boxes = 0  # follow-up boxes opened

    # -- structure -------------------------------------------------------------------------
    def _chapter_heading(self, block: Block) -> tuple[str, str] | None:
        if "\n" in block.text or block.toc or block.kind == "bullet" or len(block.text) > 250:
            return None
        m = self.chapter_re.match(block.text)
        if not m or m.group(1) != m.group(1).upper():
            return None
        number = m.group(1)
        value = roman_value(number)
        if not value or (
            block.kind == "para"
            and not block.bold
            and block.dangling is False
            and block.text.rstrip().endswith(".")
        ):
            return None
        last = roman_value(self.chapters[-1].number) if self.chapters else 0
        if value > last or (value == 1 and self._only_empty_chapters()):
            return number, m.group(2).strip().rstrip(":").strip()
        return None

    def _only_empty_chapters(self) -> bool:
        # A table of contents read as headings looks like a run of chapters with no footnoted
        # text, each holding a line or two at most.
        blocks = [
            b for c in self.chapters for s in c.sections for f in (s.body, *s.boxes) if f
            for b in f.blocks
        ]  # fmt: skip
        return (
            bool(self.chapters)
            and not any(b.numbers for b in blocks)
            and sum(1 for b in blocks if not b.toc) <= 3 * len(self.chapters) + 6
        )

    def _start_chapter(self, number: str, title: str, block: Block) -> None:
        self._expire(everything=True)
        if number == "I" and self.chapters:
            self.preamble.extend(
                Block("para", f"{c.number}. {c.title}", block.where) for c in self.chapters
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
            return self._start_section("text", "")
        section = chapter.sections[-1]
        assert section.body is not None
        return section.body

    def _start_box(self, block: Block) -> Flow:
        body = self._body()
        section = body.section
        box = Flow("follow_up", section, anchor=len(body.blocks), where=block.where)
        section.boxes.append(box)
        self.current = box
        self.boxes += 1
        return box

    # -- page breaks ---------------------------------------------------------------------
    def _expire(self, everything: bool = False) -> None:
        keep = []
        for flow, when in self.open:
            if everything or self.count - when > CONTINUATION_WINDOW:
                last = flow.blocks[-1]
                if flow.kind != "body" and cut_mid_sentence(last, self.words):
                    self.warnings.append(
                        ImportWarning(
                            f"a box ends mid-sentence (“…{last.text[-50:]}”) and no continuation "
                            "was found; check it against the original",
                            where=last.where,
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
        words = self.words
        if block.numbers or words.body_re.search(text) or has_bold_verb(block, words):
            return True
        if words.verb_after_committee_re.search(text):
            return True
        if block.kind == "bullet" and block.starts_lower:
            return True  # the Committee's bullets run on from its sentence; the State's don't
        single = "\n" not in text and len(text) < 300
        if single and self._sub_heading(text):
            return True
        return single and _first_words(text) in self.chapters[-1].heading_starts

    def _sub_heading(self, text: str) -> bool:
        """“On the sexual extortion of children:”, “Sur …:” — the Committee's sub-headings."""
        return bool(re.match(r"(?:On|Sur|Concernant|En ce qui concerne)\s", text)) and (
            text.endswith(":") and len(text) < 160
        )

    # -- routing -------------------------------------------------------------------------
    def feed(self, block: Block) -> None:
        """Route one block."""
        self.count += 1
        self._expire()
        chapter = self._chapter_heading(block)
        if chapter:
            self._start_chapter(*chapter, block)
            return
        if not self.chapters:
            self.preamble.append(block)
            return
        for part in self._split_label(block):
            self._feed_one(part)

    def _split_label(self, block: Block) -> list[Block]:
        """A label on the same line as its text (“Follow-up actions: These …”) is two blocks."""
        m = self.words.follow_up_lead_re.match(block.text)
        if not m or (block.kind == "heading" and len(block.text) < 40):
            return [block]
        label = replace(block, text=block.text[: m.end()].strip(), markers=[], numbers=[],
                        strong=[], ends_with_marker=False)  # fmt: skip
        rest = replace(block, text=block.text[m.end() :].strip(), kind="para", bold=False)
        return [label, rest]

    def _feed_one(self, block: Block) -> None:
        text = block.text
        if block.kind == "heading":
            self.chapters[-1].heading_starts.add(_first_words(text))
        single = block.kind != "bullet" and "\n" not in text
        if single and self.words.follow_up_re.match(text):
            self.labels += 1
            self._start_box(block)
            return
        if self.drawn_boxes and block.box is not None:
            self._boxed(block)
            return
        kind = section_kind(text, self.words) if single else None
        if kind and (block.kind == "heading" or block.bold or len(text) < 300):
            self._start_section(kind, text.rstrip(":").strip())
            return
        if block.kind == "heading":
            flow = self._body()
            self.current = flow
            flow.blocks.append(block)
            return
        self._route(block)

    def _boxed(self, block: Block) -> None:
        """A block inside a drawn box: the box's colour (or label) says whose it is."""
        current = self.current
        if block.box == "practice" or (
            block.box == "box" and self.words.practice_re.match(block.text)
        ):
            if self.words.practice_re.match(block.text):
                self.labels += 1
                if current is not None and current.kind == "practice" and not current.blocks:
                    return
            if current is None or current.kind != "practice" or current.box_id != block.box_id:
                if current is None or current.kind != "practice":
                    self._start_section("promising_practices", "")
                assert self.current is not None
                self.current.box_id = block.box_id
            assert self.current is not None
            self.current.blocks.append(block)
            return
        if (
            current is not None
            and current.kind == "follow_up"
            and (current.box_id in (None, block.box_id) or not self._new_box(current, block))
        ):
            current.box_id = block.box_id
            self._append(current, block)
            return
        if block.box == "box" and not self._follows_recommendation(self._body()):
            self._route(replace(block, box=None))
            return
        box = self._start_box(block)
        box.box_id = block.box_id
        self._append(box, block)

    def _new_box(self, current: Flow, block: Block) -> bool:
        """A box drawn after another: a new one, unless it continues the last across a page."""
        if not current.blocks:
            return False
        last = current.blocks[-1]
        # Nothing stood between the two drawings: a box that a page break cut goes on.
        return last.page is None or last.page == block.page

    def _append(self, flow: Flow, block: Block) -> None:
        last = flow.blocks[-1] if flow.blocks else None
        if last is not None and last.dangling and block.starts_lower and block.kind == "para":
            last.absorb(block)
        else:
            flow.blocks.append(block)
        self.current = flow
        self._mark_open(flow)

    def _route(self, block: Block) -> None:
        current = self.current or self._body()
        if self.drawn_boxes and current.kind != "body" and current.blocks:
            current = self._body()  # a drawn box ends where its drawing ends
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
            if (
                current.kind == "follow_up"
                and not self._looks_like_body(block)
                and len(block.text) < 120
                and not block.dangling
            ):
                last.absorb(block)
                self._mark_open(current)
                return
        boxed = current.kind in ("follow_up", "practice")
        if (boxed and self._looks_like_body(block)) or (
            current.kind == "practice" and current.section.kind != "promising_practices"
        ):
            current = self._body()
        elif (
            current.kind == "body"
            and block.bold
            and not self.drawn_boxes  # where boxes are drawn, an undrawn bold line is no box
            and self._follows_recommendation(current)
        ):
            current = self._start_box(block)  # an unlabelled (bold) follow-up box
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
        candidates = [f for f, _ in self.open if not block.numbers or f.kind == "body"]
        if self.drawn_boxes:
            candidates = [f for f in candidates if f.kind == "body"]
        if not candidates:
            return None
        certain = [f for f in candidates if cut_mid_sentence(f.blocks[-1], self.words)]
        chosen = certain[0] if certain else current if current in candidates else candidates[-1]
        self.open = [(f, w) for f, w in self.open if f is not chosen]
        return chosen

    def _heading_like(self, block: Block) -> bool:
        """A plain line that the document elsewhere marks as a heading (“Jurisdiction …”)."""
        text = block.text
        if block.kind != "para" or block.numbers or "\n" in text or len(text) > 300:
            return False
        if self._sub_heading(text):
            return not has_bold_verb(block, self.words) and "Commit" not in text
        return _first_words(text) in self.chapters[-1].heading_starts

    def _follows_recommendation(self, body: Flow) -> bool:
        for block in reversed(body.blocks):
            if block.kind == "heading":
                return False
            return any(self.footnotes.get(n, Footnote(n, "")).codes for n in block.numbers)
        return False


def parse_document(document: Document, party: str | None = None) -> ParsedFactsheet:
    """Read a factsheet's structure from its document model (pure: nothing is written)."""
    for block in document.blocks:  # no control or invisible character reaches a code or text
        block.text = clean_text(block.text)
        block.strong = [clean_text(t) for t in block.strong]
    document.footnotes = {n: clean_text(t) for n, t in document.footnotes.items()}
    resolve_markers(document)
    words = detect_language([b.text for b in document.blocks], list(document.footnotes.values()))
    footnotes = {n: parse_footnote(n, t, words) for n, t in document.footnotes.items()}
    warnings = list(document.warnings)
    drawn = any(b.box is not None for b in document.blocks)
    reader = _Reader(footnotes, words, warnings, drawn)
    for block in document.blocks:
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
            section = classify_section(sec, ch.number, footnotes, previous, words, warnings)
            if section.items:
                parsed.sections.append(section)
            previous.extend(section.recommendations)
        chapters.append(parsed)
    if not any(c.recommendations for c in chapters):
        raise ImportRejected(
            "This does not look like a factsheet: no recommendation footnotes "
            "(“Recommendation II-6”) were found."
        )
    title, found_party, round_title, preamble = _read_preamble(reader.preamble, chapters, words)
    party_name = (party or found_party or "").strip()
    if not party_name:
        raise ImportRejected(
            "The Party could not be read from the factsheet; give it with --party."
        )
    _check_codes(chapters, warnings)
    _set_aside_repeated_codes(chapters, warnings)
    _unnamed_codes(chapters, footnotes, warnings)
    unplaced = _unplaced(chapters, footnotes, document)
    total = sum(len(b.text) for b in document.blocks) + sum(
        len(t) for t in document.footnotes.values()
    )
    lost = sum(len(u.text) for u in unplaced)
    if reader.labels and reader.boxes < reader.labels:
        warnings.append(ImportWarning(f"{reader.labels} box labels but {reader.boxes} boxes"))
    return ParsedFactsheet(
        party=party_name,
        title=title,
        round_title=round_title,
        preamble=preamble,
        chapters=chapters,
        follow_ups_received=_received(preamble, words),
        warnings=warnings,
        language=words.language,
        source_format=document.source,
        unplaced=unplaced,
        placed_share=1.0 if not total else max(0.0, (total - lost) / total),
        box_labels=reader.labels,
        boxes=reader.boxes,
    )


def _unplaced(
    chapters: list[ParsedChapter], footnotes: dict[int, Footnote], document: Document
) -> list[Unplaced]:
    """Text that landed nowhere: boxes that answer nothing, footnotes no marker names."""
    out: list[Unplaced] = []
    for chapter in chapters:
        for section in chapter.sections:
            for item in section.items:
                if isinstance(item, ParsedNote) and item.kind == "unplaced":
                    out.append(Unplaced(item.where or f"chapter {chapter.number}", item.text))
    named = {n for b in document.blocks for n in b.numbers}
    for number, note in sorted(footnotes.items()):
        if number not in named and note.text:
            out.append(Unplaced(f"footnote {number}", note.text))
    return out


def _unnamed_codes(
    chapters: list[ParsedChapter], footnotes: dict[int, Footnote], warnings: list[ImportWarning]
) -> None:
    """Footnotes naming codes that no recommendation carries: their markers were not found, so
    those recommendations are missing and the follow-ups around them may sit on a neighbour."""
    taken = {c for ch in chapters for r in ch.recommendations for c in r.codes}
    missing: dict[str, None] = {}
    for note in footnotes.values():
        missing.update((c, None) for c in note.codes if c not in taken)
    if not missing:
        return
    codes = list(missing)
    chapters_named = ", ".join(dict.fromkeys(c.split("-")[0] for c in codes))
    shown = ", ".join(codes[:12]) + (", …" if len(codes) > 12 else "")
    warnings.append(
        ImportWarning(
            f"footnotes name {shown}, but no recommendation in the text carries their markers: "
            "those recommendations are missing, and a follow-up near them may stand on a "
            f"neighbour — check chapter {chapters_named} against the original"
        )
    )


def _read_preamble(
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


def _received(preamble: str, words: Vocabulary) -> date | None:
    m = words.received_re.search(preamble)
    if not m:
        return None
    months = [mo.casefold() for mo in words.months]
    return date(int(m.group(2)), months.index(m.group(1).casefold()) + 1, 1)


def _set_aside_repeated_codes(chapters: list[ParsedChapter], warnings: list[ImportWarning]) -> None:
    """A code named a second time (a bullet duplicated, a factsheet pasted twice) is not taken
    again: that recommendation keeps its other codes, or becomes unplaced text; one warning
    names the repeated codes."""
    seen: set[str] = set()
    repeated: list[str] = []
    for chapter in chapters:
        for section in chapter.sections:
            for index, item in enumerate(section.items):
                if not isinstance(item, ParsedRecommendation):
                    continue
                again = [c for c in item.codes if c in seen]
                seen.update(item.codes)
                if not again:
                    continue
                repeated += [c for c in again if c not in repeated]
                item.codes = [c for c in item.codes if c not in again]
                if not item.codes:
                    text = item.text + (f"\n\n{item.follow_up}" if item.follow_up else "")
                    where = f"{', '.join(again)} named again"
                    section.items[index] = ParsedNote(text, "unplaced", where=where)
    if repeated:
        shown = ", ".join(repeated[:12]) + (", …" if len(repeated) > 12 else "")
        warnings.append(
            ImportWarning(
                f"{len(repeated)} recommendation codes are named more than once ({shown}); "
                "each is kept where first named and the repeats are listed as unplaced text "
                "(a bullet repeated, or a file pasted twice?)"
            )
        )


def _check_codes(chapters: list[ParsedChapter], warnings: list[ImportWarning]) -> None:
    """Codes whose numeral is not their chapter's: a chapter heading was likely missed."""
    for chapter in chapters:
        strays = [
            code
            for rec in chapter.recommendations
            for code in rec.codes
            if code.split("-")[0] != chapter.number
        ]
        if strays:
            shown = ", ".join(strays[:8]) + (", …" if len(strays) > 8 else "")
            warnings.append(
                ImportWarning(
                    f"{len(strays)} recommendation codes stand in chapter {chapter.number} "
                    f"({shown}); check the chapter headings"
                )
            )


def parse_factsheet(text: str, party: str | None = None) -> ParsedFactsheet:
    """Parse a factsheet's text (Markdown or plain text) into plain data (pure)."""
    from assessor.importers.readers import read_text_document

    return parse_document(read_text_document(text), party)
