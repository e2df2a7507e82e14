"""A plain-text file's pages, without their furniture: running headers and page numbers.

Pages are separated by form feeds (as ``pdftotext`` writes them); a line that stands at the top
or foot of many pages is a running header or footer, a bare number near the page's own is its
number. Both are set aside, and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:/|of|sur|de)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.I,
)
_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})\s*$")


@dataclass
class TextLine:
    """A line of the file with its number, for messages."""

    number: int
    text: str


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _edges(page: list[str]) -> set[int]:
    """Indexes of the first and last three non-empty lines of a page."""
    filled = [i for i, ln in enumerate(page) if ln.strip()]
    return set(filled[:3] + filled[-3:])


def without_furniture(pages: list[list[str]]) -> tuple[list[TextLine | None], int]:
    """The lines of every page (None for a page break) without running headers and numbers."""
    repeated: set[str] = set()
    if len(pages) >= 3:
        seen: Counter[str] = Counter()
        for page in pages:
            seen.update({_furniture_key(page[i]) for i in _edges(page)})
        repeated = {k for k, n in seen.items() if k and n >= max(3, len(pages) // 3)}
    out: list[TextLine | None] = []
    dropped = 0
    number = 0
    for index, page in enumerate(pages):
        edges = _edges(page)
        for i, raw in enumerate(page):
            number += 1
            if i in edges and (_furniture_key(raw) in repeated or _page_number(raw, index)):
                dropped += 1
                continue
            out.append(TextLine(number, raw.rstrip()))
        out.append(None)
    return out, dropped


def _page_number(raw: str, index: int) -> bool:
    """A page number: a bare number close to the page's own, or "Page 3 of 22"."""
    if not _PAGE_NUMBER.match(raw):
        return False
    digits = re.findall(r"\d+", raw)
    if not _NUMBER_ONLY.match(raw):
        return True
    return bool(digits) and abs(int(digits[0]) - (index + 1)) <= 2
