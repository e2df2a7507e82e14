"""The one document model every factsheet reader produces, whatever the file's format.

A reader (Markdown, plain text, Word, PDF) turns its file into a :class:`Document`: the body as
a list of :class:`Block` in reading order, each with the cues its format gives (heading level,
whole-block or partial bold, list item, the box drawn or shaded around it and its colour, the
footnote markers it carries, its page), and the footnote texts by number. The structural reader
(:mod:`assessor.importers.factsheet`) reasons only about this model, never about a format.

Footnote markers are kept as the digits the file shows (``"3536"`` may be footnotes 35 and 36
fused by a conversion); :func:`resolve_markers` splits them against the footnotes defined.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Literal

from assessor.i18n import _
from assessor.importers.common import ImportWarning

BlockKind = Literal["heading", "para", "bullet"]
#: What a box drawn around text says by its colour: orange for the State's follow-up, blue for
#: a promising practice; "box" when a box is drawn but its colour says neither.
BoxKind = Literal["follow_up", "practice", "box"]
TERMINAL = ".!?:;…"


@dataclass(eq=False)  # a block is one place in the document, compared by identity
class Block:
    """A heading, paragraph or list item of the document's body, with its cues."""

    kind: BlockKind
    text: str  # plain text, markers removed, lines joined (a kept line break is "\n")
    where: str  # for messages: "line 12", "page 3", "paragraph 40"
    level: int = 0  # heading level (1 = largest), or list nesting
    bold: bool = False  # the whole block is bold (a label, an unlabelled box, a bold heading)
    strong: list[str] = field(default_factory=list)  # the bold fragments inside the text
    box: BoxKind | None = None  # drawn or shaded around the block
    box_id: int | None = None  # blocks of the same drawn box (one per page part) share it
    markers: list[str] = field(default_factory=list)  # footnote markers, as written
    numbers: list[int] = field(default_factory=list)  # the footnotes they name (resolved)
    ends_with_marker: bool = False  # a marker closes the text (a footnoted sentence)
    page: int | None = None
    toc: bool = False  # a table-of-contents line (dot leaders or a page number after a tab)

    @property
    def dangling(self) -> bool:
        """True when the block stops mid-sentence (a page break likely cut it)."""
        if self.kind == "heading" or self.ends_with_marker:
            return False
        text = self.text.rstrip("”\"’')]* ")
        return bool(text) and text[-1] not in TERMINAL

    @property
    def starts_lower(self) -> bool:
        """True when the block's first letter is lower case (it continues a sentence)."""
        for ch in self.text:
            if ch.isalpha():
                return ch.islower()
            if ch.isdigit():
                return False
        return False

    def absorb(self, other: Block) -> None:
        """Join the continuation ``other`` to this block (a sentence cut by a page break)."""
        text = self.text.rstrip()
        if text.endswith("-") and text[-2:-1].isalpha() and other.starts_lower:
            self.text = text[:-1] + other.text.lstrip()  # a word broken at the line end
        else:
            self.text = f"{text} {other.text.lstrip()}"
        self.strong.extend(other.strong)
        self.markers.extend(other.markers)
        self.numbers.extend(other.numbers)
        self.ends_with_marker = other.ends_with_marker


@dataclass
class Document:
    """A factsheet as one reader saw it: body blocks, footnote texts, and what reading said."""

    blocks: list[Block]
    footnotes: dict[int, str]
    warnings: list[ImportWarning] = field(default_factory=list)
    source: str = ""  # the format's name, for the review: "PDF", "Word", "Markdown", "text"
    pages: int | None = None
    #: Text the reader set aside as page furniture (running headers, page numbers), counted
    #: so that the review can say how much of the file's text was placed.
    furniture: int = 0


def split_fused(digits: str, defined: set[int], expected: int) -> list[int] | None:
    """Split a fused marker (``3536``) into defined footnote numbers, preferring the sequence."""
    if digits.isdigit() and int(digits) in defined:
        return [int(digits)]
    if not digits.isdigit() or len(digits) > 12:
        return None
    run, n = "", expected
    while len(run) < len(digits):  # "56575859" after 55 is 56, 57, 58, 59: the sequence wins
        run += str(n)
        n += 1
    if run == digits and len(digits) > len(str(expected)):
        return list(range(expected, n))

    def splits(rest: str) -> list[list[int]]:
        if not rest:
            return [[]]
        out = []
        for cut in range(1, min(len(rest), 4) + 1):
            if rest[0] == "0" or int(rest[:cut]) not in defined:
                continue
            out += [[int(rest[:cut]), *tail] for tail in splits(rest[cut:])]
        return out

    candidates = [c for c in splits(digits) if len(c) > 1]
    if not candidates:
        return None

    def score(parts: list[int]) -> tuple[bool, bool, bool, int]:
        increasing = all(b > a for a, b in itertools.pairwise(parts)) and parts[0] >= expected
        consecutive = all(b == a + 1 for a, b in itertools.pairwise(parts))
        return (increasing, parts[0] == expected, consecutive, -len(parts))

    return max(candidates, key=score)


def resolve_markers(document: Document) -> None:
    """Turn every block's markers into footnote numbers, warning about undefined ones."""
    defined = set(document.footnotes)
    expected = 1
    for block in document.blocks:
        block.numbers = []
        for digits in block.markers:
            numbers = split_fused(digits, defined, expected)
            if numbers is None:
                document.warnings.append(
                    ImportWarning(
                        _("footnote marker {digits} has no footnote text").format(digits=digits),
                        where=block.where,
                    )
                )
                continue
            block.numbers.extend(numbers)
            expected = max(expected, numbers[-1] + 1)
