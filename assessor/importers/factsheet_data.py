"""The plain data a factsheet parses into: what the import service writes to the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assessor.i18n import _, ngettext, words
from assessor.importers.common import ImportWarning


@dataclass
class ParsedObservation:
    """The Committee's observation and the report paragraphs it cites."""

    text: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class ParsedRecommendation:
    """A recommendation bullet with its codes, verb, scope and the State's follow-up."""

    codes: list[str]
    verb: str  # require | request | invite
    scope: str  # specific | generic
    text: str
    chapter: str
    paragraphs: list[str] = field(default_factory=list)
    follow_up: str | None = None


@dataclass
class ParsedPractice:
    """A promising practice (a blue box)."""

    text: str


@dataclass
class ParsedNote:
    """Any other text of a section: a paragraph, a sub-heading, a footnote, unplaced text."""

    text: str
    kind: str = "text"  # text | heading | footnote | unplaced
    where: str | None = None  # for unplaced text: where it stood in the file


@dataclass(frozen=True)
class Unplaced:
    """Text the structural reader could not place, and where it stood."""

    where: str
    text: str


SectionItem = ParsedObservation | ParsedRecommendation | ParsedPractice | ParsedNote


@dataclass
class ParsedSection:
    """A section of a chapter, its items in document order."""

    kind: str  # specific | generic | promising_practices | difficulties | text
    title: str
    items: list[SectionItem] = field(default_factory=list)

    @property
    def recommendations(self) -> list[ParsedRecommendation]:
        """The section's recommendations in order."""
        return [i for i in self.items if isinstance(i, ParsedRecommendation)]


@dataclass
class ParsedChapter:
    """A chapter (I … XI) and its sections."""

    number: str
    title: str
    sections: list[ParsedSection] = field(default_factory=list)

    @property
    def recommendations(self) -> list[ParsedRecommendation]:
        """The chapter's recommendations in order."""
        return [r for s in self.sections for r in s.recommendations]


@dataclass
class ParsedFactsheet:
    """A whole factsheet, ready to be written, and what the parser had to say about it."""

    party: str
    title: str
    round_title: str
    preamble: str
    chapters: list[ParsedChapter]
    follow_ups_received: date | None = None
    warnings: list[ImportWarning] = field(default_factory=list)
    language: str = "en"
    source_format: str = ""  # PDF, Word, Markdown, text
    unplaced: list[Unplaced] = field(default_factory=list)
    placed_share: float = 1.0  # of the document's characters, how much was placed
    box_labels: int = 0  # "Follow-up actions" labels seen
    boxes: int = 0  # follow-up boxes opened

    @property
    def follow_ups(self) -> int:
        """How many recommendations have a follow-up."""
        return sum(1 for r in self.recommendations if r.follow_up)

    def placement_line(self) -> str:
        """“99.6 % of the text placed; 2 paragraphs not placed”."""
        share = _("{percent} of the text placed").format(
            percent=f"{words().number(self.placed_share * 100, 1)} %"
        )
        n = len(self.unplaced)
        if not n:
            return share
        return ngettext(
            "{share}; {n} paragraph not placed", "{share}; {n} paragraphs not placed", n
        ).format(share=share, n=n)

    @property
    def recommendations(self) -> list[ParsedRecommendation]:
        """Every recommendation in document order."""
        return [r for c in self.chapters for r in c.recommendations]
