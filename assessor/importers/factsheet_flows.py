"""The structural reader's first pass: every block routed to a flow (a section's body, a
follow-up box, a promising-practice box), with page breaks repaired on the way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assessor.i18n import _
from assessor.importers.common import ImportWarning
from assessor.importers.document import Block
from assessor.importers.factsheet_cues import Footnote, has_bold_verb
from assessor.importers.factsheet_sections import Flow, RoutedSection
from assessor.importers.roman_numerals import roman_value
from assessor.importers.vocabulary import Vocabulary

#: How many blocks a sentence cut by a page break may wait for its continuation.
CONTINUATION_WINDOW = 20


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
class RoutedChapter:
    number: str
    title: str
    sections: list[RoutedSection] = field(default_factory=list)
    heading_starts: set[str] = field(default_factory=set)


def _first_words(text: str, n: int = 3) -> str:
    return " ".join(text.casefold().split()[:n])


class FlowRouter:
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
        self.chapters: list[RoutedChapter] = []
        self.current: Flow | None = None
        # Flows whose last block stops mid-sentence, oldest first, with the block count then:
        # a page break that splits two boxes continues the older one first.
        self.open: list[tuple[Flow, int]] = []
        self.count = 0
        self.labels = 0  # box labels seen ("Follow-up actions:")
        self.boxes = 0  # follow-up boxes opened

    # -- structure -------------------------------------------------------------------------
    def finish(self) -> None:
        """Close every flow still open: the document has ended."""
        self._expire(everything=True)

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
        self.chapters.append(RoutedChapter(number, title))
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
                            _(
                                "a box ends mid-sentence (“…{text}”) and no continuation "
                                "was found; check it against the original"
                            ).format(text=last.text[-50:]),
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
