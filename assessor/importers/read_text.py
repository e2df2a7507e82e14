"""Plain-text factsheets, such as ``pdftotext`` writes them: no markup at all.

What Markdown marks, plain text leaves to evidence. Pages are separated by form feeds; a
running header and page numbers repeat at the top or foot of pages and are set aside. Footnote
texts are lines that begin with their number, in sequence (1, 2, 3 …), mostly at the foot of a
page; footnote markers are digits glued to the word or full stop before them ("them.7") —
taken as markers only when they continue that same sequence, so that "Article 20(2)" or
"14 years" stay text.
"""

from __future__ import annotations

import re
from collections import Counter

from assessor.importers.document import Document, split_fused
from assessor.importers.text_lines import (
    Line,
    Paragraph,
    Span,
    attach_lone_markers,
    split_paragraph,
)

_FOOTNOTE_LINE = re.compile(r"^\s{0,12}(\d{1,3})(?:\s+|(?=[A-Z«“\"]))(\S.*)$")
_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})\s*$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:/|of|sur|de)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.I,
)
#: Digits glued to the word or punctuation before them, not to a code ("II-6") or a number.
_GLUED = re.compile(r"(?<=[^\s\d\-–/(\[#§,])(\d{1,6})(?=[\s,;:.)”\"’'»]|$)")
#: How far ahead of the expected footnote a marker may be (one footnote text may be missed).
_AHEAD = 3


def read_plain_text(text: str, name: str = "") -> Document:
    """The document model of a plain-text factsheet."""
    pages = [p.split("\n") for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\f")]
    furniture = _furniture(pages)
    dropped = 0
    lines: list[tuple[int, str]] = []  # (line number, text); "" ends a paragraph
    number = 0
    for page in pages:
        edge = _edges(page)
        for i, raw in enumerate(page):
            number += 1
            key = _furniture_key(raw)
            if i in edge and (key in furniture or _PAGE_NUMBER.match(raw)):
                dropped += 1
                continue
            lines.append((number, raw.rstrip()))
        number += 0
        lines.append((number, ""))  # a page ends a paragraph; the structure repairs the cut
    footnotes, body = _footnotes(lines)
    blocks = []
    for paragraph in _paragraphs(body, set(footnotes)):
        blocks += split_paragraph(paragraph, footnotes)
    blocks = attach_lone_markers(blocks)
    return Document(blocks, footnotes, source="text", pages=len(pages), furniture=dropped)


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _edges(page: list[str]) -> set[int]:
    """Indexes of the first and last three non-empty lines of a page."""
    filled = [i for i, ln in enumerate(page) if ln.strip()]
    return set(filled[:3] + filled[-3:])


def _furniture(pages: list[list[str]]) -> set[str]:
    """Lines that stand at the top or foot of many pages: a running header or footer."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_furniture_key(page[i]) for i in _edges(page)})
    return {k for k, n in seen.items() if k and n >= max(3, len(pages) // 3)}


def _footnotes(lines: list[tuple[int, str]]) -> tuple[dict[int, str], list[tuple[int, str]]]:
    """Footnote texts in their numbering sequence, and the body lines without them."""
    footnotes: dict[int, str] = {}
    body: list[tuple[int, str]] = []
    expected = 1
    current: int | None = None  # the footnote whose text goes on on the next line
    pending_number: int | None = None  # a number alone on its line, its text below
    for index, (number, raw) in enumerate(lines):
        m = _FOOTNOTE_LINE.match(raw)
        alone = _NUMBER_ONLY.match(raw)
        if m and expected <= int(m.group(1)) < expected + _AHEAD and _starts_note(lines, index):
            current = int(m.group(1))
            footnotes[current] = m.group(2).strip()
            expected = current + 1
            continue
        if alone and expected <= int(alone.group(1)) < expected + _AHEAD:
            pending_number = int(alone.group(1))
            continue
        if pending_number is not None and raw.strip():
            current = pending_number
            footnotes[current] = raw.strip()
            expected = current + 1
            pending_number = None
            continue
        if pending_number is not None:
            body.append((number, str(pending_number)))
            pending_number = None
        if current is not None and raw.strip() and not _starts_body(raw):
            footnotes[current] += " " + raw.strip()
            continue
        current = None
        body.append((number, raw))
    return footnotes, body


def _starts_note(lines: list[tuple[int, str]], index: int) -> bool:
    """A line "7 Recommendation II-6." starts a footnote when it opens a paragraph."""
    return index == 0 or not lines[index - 1][1].strip() or bool(
        _FOOTNOTE_LINE.match(lines[index - 1][1])
    )


def _starts_body(raw: str) -> bool:
    """After a footnote, a blank-less line that is plainly the body again."""
    return len(raw) - len(raw.lstrip()) > 12


def _paragraphs(lines: list[tuple[int, str]], defined: set[int]) -> list[Paragraph]:
    """Blank-line separated paragraphs, their lines as spans with footnote markers found."""
    out: list[Paragraph] = []
    current: Paragraph | None = None
    expected = 1
    for number, raw in lines:
        if not raw.strip():
            current = None
            continue
        spans, expected = _spans(raw, defined, expected)
        line = Line(spans, f"line {number}", hard_break=False)
        if current is None:
            current = Paragraph("para")
            out.append(current)
        current.lines.append(line)
    return out


def _spans(raw: str, defined: set[int], expected: int) -> tuple[list[Span], int]:
    """A line's text and the markers glued into it that continue the footnote sequence."""
    spans: list[Span] = []
    pos = 0
    for m in _GLUED.finditer(raw):
        numbers = split_fused(m.group(1), defined, expected)
        if not numbers or not expected <= numbers[0] < expected + _AHEAD:
            continue
        spans.append(Span(raw[pos : m.start()]))
        spans.append(Span(m.group(1), marker=True))
        pos = m.end()
        expected = numbers[-1] + 1
    spans.append(Span(raw[pos:]))
    return spans, expected
