"""Second pass of the factsheet parser: a section's blocks become items, boxes get attached.

A recommendation is whatever text a footnote naming a code ("Recommendation II-6") closes,
together with the lead-in it continues (a bullet ending with a colon, a list it introduces).
Observations are the paragraphs that cite the implementation report ("Para. 50"), and in a
section specific to the Party, the uncited paragraphs too. A follow-up box belongs to the
recommendation closed last before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from assessor.i18n import _
from assessor.importers.common import ImportWarning
from assessor.importers.document import Block
from assessor.importers.factsheet_cues import Footnote, bold_verb, verb_of
from assessor.importers.factsheet_data import (
    ParsedNote,
    ParsedObservation,
    ParsedPractice,
    ParsedRecommendation,
    ParsedSection,
    SectionItem,
)
from assessor.importers.vocabulary import Vocabulary


@dataclass(eq=False)  # flows are compared by identity: each is one place in the document
class Flow:
    """Where blocks go: a section's body, or a box (follow-up or promising practice)."""

    kind: str  # body | follow_up | practice
    section: RoutedSection
    blocks: list[Block] = field(default_factory=list)
    anchor: int = 0  # for a follow-up: how many body blocks preceded it
    where: str = ""
    box_id: int | None = None  # the drawn box it reads, where the format draws boxes


@dataclass(eq=False)
class RoutedSection:
    """A section as the first pass found it: its body and its boxes."""

    kind: str
    title: str
    body: Flow | None = None
    boxes: list[Flow] = field(default_factory=list)


def _joins_next(block: Block) -> bool:
    """True when a block leads into the next one (ends with a colon, comma, or mid-sentence)."""
    text = block.text.rstrip("”\"’' ")
    if block.ends_with_marker:
        return False
    return not text or text[-1] in ":,;" or text[-1].isalnum()


def _paragraph_join(blocks: list[Block]) -> str:
    return "\n\n".join(b.text for b in blocks if b.text)


class _Classifier:
    def __init__(
        self,
        section: RoutedSection,
        chapter: str,
        footnotes: dict[int, Footnote],
        previous: list[ParsedRecommendation],
        words: Vocabulary,
        warnings: list[ImportWarning],
    ) -> None:
        self.section = section
        self.words = words
        self.chapter = chapter
        self.footnotes = footnotes
        self.warnings = warnings
        self.items: list[SectionItem] = []
        self.pending: list[Block] = []
        self.governing: str | None = None
        self.governing_all = False
        self.cited: list[str] = []  # paragraphs cited since the last recommendation
        # The paragraphs of the observations the last recommendation answers: one that follows
        # it directly ("It also requests …") answers the same ones, as the finding pane shows.
        self.answered: list[str] = []
        self.listing: ParsedObservation | None = None  # an observation whose list is open
        # (index of the body block that closed it, recommendation), for attaching boxes
        # Only the last recommendation of earlier sections can take a box (it precedes them all).
        self.closed: list[tuple[int, ParsedRecommendation]] = (
            [(-1, previous[-1])] if previous else []
        )

    # -- helpers ---------------------------------------------------------------------------
    def _notes(self, block: Block) -> tuple[list[str], list[str], list[Footnote]]:
        codes: list[str] = []
        paragraphs: list[str] = []
        explanations: list[Footnote] = []
        for n in block.numbers:
            note = self.footnotes.get(n)
            if note is None:
                continue
            codes += [c for c in note.codes if c not in codes]
            paragraphs += [p for p in note.paragraphs if p not in paragraphs]
            if note.explanatory:
                explanations.append(note)
        return codes, paragraphs, explanations

    def _footnote_items(self, explanations: list[Footnote]) -> None:
        for note in explanations:
            self.items.append(ParsedNote(f"[{note.number}] {note.text}", "footnote"))

    def _flush(self) -> None:
        """Pending blocks that no recommendation claimed become observations or notes."""
        observing = self.section.kind in ("specific", "difficulties")
        for block in self.pending:
            last = self.items[-1] if self.items else None
            if observing:
                if isinstance(last, ParsedObservation) and self._continues(last, block):
                    last.text += "\n\n" + block.text
                else:
                    self.items.append(ParsedObservation(block.text))
            else:
                self.items.append(ParsedNote(block.text))
        self.pending = []

    def _continues(self, observation: ParsedObservation, block: Block) -> bool:
        """True when a bullet belongs to the list an observation introduced (“… Albania has:”)."""
        if block.kind != "bullet":
            self.listing = None
            return False
        if observation.text.rstrip().endswith((":", ";")):
            self.listing = observation
        return self.listing is observation

    def _governs(self, block: Block) -> bool:
        """A sentence like “the Committee **requires** Albania:” that introduces bullets."""
        text = block.text.rstrip()
        return (
            block.kind == "para"
            and text.endswith(":")
            and (
                verb_of([block], self.words) is not None
                or re.search(rf"\b(?:{self.words.committee})\s*:$", text) is not None
            )
        )

    # -- the pass ------------------------------------------------------------------------
    def run(self) -> ParsedSection:
        body = self.section.body
        assert body is not None
        if body.kind == "practice":
            return self._practices(body)
        for index, block in enumerate(body.blocks):
            self._feed(index, block)
        self._flush()
        result = ParsedSection(self.section.kind, self.section.title, self.items)
        for box in self.section.boxes:
            self._attach(box)
        return result

    def _feed(self, index: int, block: Block) -> None:
        if block.kind == "heading":
            self._flush()
            self.items.append(ParsedNote(block.text, "heading"))
            return
        codes, paragraphs, explanations = self._notes(block)
        if codes:
            lead: list[Block] = []
            while self.pending and _joins_next(self.pending[-1]):
                lead.insert(0, self.pending.pop())
            self._flush()
            blocks = [*lead, block]
            raw = " ".join(b.text for b in blocks)
            own = verb_of(blocks, self.words)
            verb = own or self.governing
            if verb is None and self.closed and self.closed[-1][0] >= 0:
                verb = self.closed[-1][1].verb  # a list item continuing the previous sentence
            unknown = bold_verb(blocks, self.words)[1] if own is None else None
            if unknown is not None or verb is None:
                verb = verb or "request"
                if unknown:
                    said = _(
                        "the verb “{unknown}” of {codes} is not require / request / invite; "
                        "taken as “{verb}”: check it"
                    )
                else:
                    said = _(
                        "no verb of {codes} is require / request / invite; taken as “{verb}”: "
                        "check it"
                    )
                self.warnings.append(
                    ImportWarning(
                        said.format(unknown=unknown, codes=", ".join(codes), verb=verb),
                        where=block.where,
                    )
                )
            answered = self.answered = self.cited or self.answered
            rec = ParsedRecommendation(
                codes=codes,
                verb=verb,
                scope=self._scope(raw),
                text=_paragraph_join(blocks),
                chapter=self.chapter,
                paragraphs=[*answered, *[p for p in paragraphs if p not in answered]],
            )
            self.items.append(rec)
            self.closed.append((index, rec))
            self.cited = []
            self._footnote_items(explanations)
        elif paragraphs:
            self._flush()
            last = self.items[-1] if self.items else None
            if isinstance(last, ParsedObservation) and self._continues(last, block):
                last.text += "\n\n" + block.text
                last.paragraphs += [p for p in paragraphs if p not in last.paragraphs]
            else:
                self.items.append(ParsedObservation(block.text, paragraphs))
            self.cited += [p for p in paragraphs if p not in self.cited]
            self._footnote_items(explanations)
        elif self._governs(block):
            self._flush()
            self.governing = verb_of([block], self.words) or self.governing
            self.governing_all = bool(re.search(self.words.all_parties, block.text, re.I))
            self.items.append(ParsedNote(block.text))
            self._footnote_items(explanations)
        else:
            self.pending.append(block)
            self._footnote_items(explanations)

    def _scope(self, raw: str) -> str:
        if self.section.kind in ("specific", "generic"):
            return self.section.kind
        generic = self.governing_all or bool(re.search(self.words.all_parties, raw, re.I))
        return "generic" if generic else "specific"

    def _practices(self, body: Flow) -> ParsedSection:
        leads = [b for b in body.blocks if b.text.rstrip().endswith(":") and b.kind == "para"]
        practice = [b for b in body.blocks if b not in leads]
        items: list[SectionItem] = [ParsedNote(b.text) for b in leads]
        if practice:
            items.append(ParsedPractice(_paragraph_join(practice)))
        return ParsedSection(self.section.kind, self.section.title, items)

    def _attach(self, box: Flow) -> None:
        text = _paragraph_join(box.blocks)
        if not text:
            return
        # The recommendation closed last before the box (boxes come in order: search from the end).
        cut = bisect.bisect_left(self.closed, box.anchor, key=lambda pair: pair[0])
        before = [rec for _, rec in self.closed[max(0, cut - 1) : cut]]
        if not before:
            self.items.append(ParsedNote(text, "unplaced", where=box.where))
            self.warnings.append(
                ImportWarning(
                    _("a follow-up box follows no recommendation; kept as unplaced text"),
                    where=box.where,
                )
            )
            return
        rec = before[-1]
        if rec.follow_up:
            rec.follow_up += "\n\n" + text
            self.warnings.append(
                ImportWarning(
                    _("a second follow-up box for {codes} was appended to the first").format(
                        codes=", ".join(rec.codes)
                    ),
                    where=box.where,
                )
            )
        else:
            rec.follow_up = text


def classify_section(
    section: RoutedSection,
    chapter: str,
    footnotes: dict[int, Footnote],
    previous: list[ParsedRecommendation],
    words: Vocabulary,
    warnings: list[ImportWarning],
) -> ParsedSection:
    """Turn a section's routed blocks into items; attach its boxes to recommendations."""
    return _Classifier(section, chapter, footnotes, previous, words, warnings).run()
