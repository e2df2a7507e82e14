"""The pages' lines laid out into the document model: furniture, footnotes, boxes, blocks."""

from __future__ import annotations

import itertools
import math
import re
import statistics

from assessor.i18n import _, ngettext
from assessor.importers.common import ImportWarning
from assessor.importers.document import Block, BlockKind, Document
from assessor.importers.pdf_page import Line, Page, Rect

_BULLETS = "•◦▪▫‣●○■□►▶➢✓·-–—*"
_LIST_NUMBER = re.compile(r"^(\d{1,2}|[a-z])[.)]$")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|sur|/|de)\s*\d{1,4})?$", re.I
)
_WORDS = re.compile(r"[^\s.,;:)\]”’\"']")  # more than punctuation after a marker
_SPACES = re.compile(r"\s+")
_FOOTNOTE_START = re.compile(r"^(\d{1,4})(?:[.)]?\s+|\t|$)")


class Layout:
    """Furniture, footnotes, boxes and blocks from the pages' lines."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self.footnotes: dict[int, str] = {}
        self.furniture = 0
        self.box_ids = 0
        weights: dict[float, int] = {}
        for page in pages:
            for line in page.lines:
                key = round(line.size * 2) / 2
                weights[key] = weights.get(key, 0) + len(line.text)
        self.body = max(weights, key=lambda k: weights[k]) if weights else 10.0

    def document(self) -> Document:
        """The document model of all pages."""
        furniture = self._furniture()
        bodies: list[tuple[Page, list[Line]]] = []
        for page in self.pages:
            lines = [ln for ln in page.lines if id(ln) not in furniture]
            self.furniture += len(page.lines) - len(lines)
            bodies.append((page, self._take_footnotes(page, lines)))
        self.spacing = self._spacing([lines for _, lines in bodies])
        sizes = sorted(
            {round(ln.size * 2) / 2 for _, lines in bodies for ln in lines}
            - {s for s in [self.body]},
            reverse=True,
        )
        self.levels = {s: i + 1 for i, s in enumerate(s for s in sizes if s > self.body * 1.08)}
        # list nesting: the rank of the glyph's indent among the glyphs' (numbers apart)
        indents: dict[bool, set[int]] = {False: set(), True: set()}
        for _index, lines in bodies:
            for ln in lines:
                found = _bullet(ln)
                if found:
                    indents[found[1]].add(round(ln.x0 / 6))
        self.indents = {
            (numbered, x): i + 1
            for numbered, xs in indents.items()
            for i, x in enumerate(sorted(xs))
        }
        blocks: list[Block] = []
        for page, lines in bodies:
            blocks += self._blocks(page, lines)
        return Document(
            blocks=blocks,
            footnotes=self.footnotes,
            warnings=self._warnings(),
            source="PDF",
            pages=len(self.pages),
            furniture=self.furniture,
        )

    def _warnings(self) -> list[ImportWarning]:
        out = []
        for page in self.pages:
            where = _("page {n}").format(n=page.number)
            if not page.lines:
                out.append(
                    ImportWarning(_("the page has no text (an image or a scan?)"), where=where)
                )
            if page.rotated:
                out.append(ImportWarning(
                    ngettext(
                        "text set sideways or upside down was left out ({n} piece)",
                        "text set sideways or upside down was left out ({n} pieces)",
                        page.rotated,
                    ).format(n=page.rotated),
                    where=where,
                ))  # fmt: skip
        return out

    def _furniture(self) -> set[int]:
        """Lines repeated at the top or bottom of many pages, and page numbers there."""
        seen: dict[str, list[tuple[int, float]]] = {}
        band: list[tuple[Page, Line, str]] = []
        for page in self.pages:
            for line in page.lines:
                if line.base > page.height * 0.9 or line.top < page.height * 0.08:
                    key = _SPACES.sub(" ", re.sub(r"\d+", "#", line.text.lower())).strip()
                    band.append((page, line, key))
                    seen.setdefault(key, []).append((page.number, line.base))
        need = max(2, math.ceil(0.4 * len(self.pages)))
        repeated: set[str] = set()
        for key, places in seen.items():
            buckets: dict[int, set[int]] = {}
            for number, y in places:
                buckets.setdefault(round(y / 4), set()).add(number)
            for bucket, numbers in buckets.items():
                near = numbers | buckets.get(bucket - 1, set()) | buckets.get(bucket + 1, set())
                if len(near) >= need:
                    repeated.add(key)
                    break
        keys = {id(line): key for _, line, key in band}
        out: set[int] = set()
        for page in self.pages:
            # from each edge inwards, up to the first line that is not furniture
            for order in (page.lines, page.lines[::-1]):
                for line in order:
                    found = keys.get(id(line))
                    if found is None or (line.items and line.items[0][0] == "m"):
                        break
                    if found not in repeated and not _PAGE_NUMBER.match(line.text):
                        break
                    out.add(id(line))
        return out

    def _take_footnotes(self, page: Page, lines: list[Line]) -> list[Line]:
        """The page's body lines; its footnote lines go into ``self.footnotes``."""
        small = [ln.size <= 0.92 * self.body and _inside(page.rects, ln) is None for ln in lines]
        start = len(lines)
        while start > 0 and small[start - 1]:
            start -= 1
        left = min((ln.x0 for ln in lines), default=0.0)
        rule = max(
            (
                y
                for x0, x1, y in page.rules
                if x1 - x0 <= 0.6 * page.width and abs(x0 - left) < 40 and y < page.height / 2
            ),
            default=None,
        )
        if rule is not None:
            below = next((i for i, ln in enumerate(lines) if ln.top < rule + 1), len(lines))
            if below < len(lines) and all(small[below:]):
                start = below
        area = lines[start:]
        if not area:
            return lines
        if rule is None and not any(_footnote_number(ln, None) is not None for ln in area):
            return lines
        last = max(self.footnotes) if self.footnotes else None
        for line in area:
            number = _footnote_number(line, last)
            text = _footnote_text(line, number is not None)
            if number is not None:
                self.footnotes[number] = text
                last = number
            elif last is not None and text:
                self.footnotes[last] = _join(self.footnotes[last], text)
        return lines[:start]

    def _spacing(self, pages: list[list[Line]]) -> float:
        deltas = [
            a.base - b.base
            for lines in pages
            for a, b in itertools.pairwise(lines)
            if abs(a.size - self.body) < 0.6 and abs(b.size - self.body) < 0.6
            and 0 < a.base - b.base < 2.2 * self.body
        ]  # fmt: skip
        return (statistics.median(deltas) if deltas else 1.2 * self.body) / self.body

    def _blocks(self, page: Page, lines: list[Line]) -> list[Block]:
        blocks: list[Block] = []
        current: list[Line] = []
        kind: BlockKind = "para"
        level = heading = 0
        box: Rect | None = None
        for line in lines:
            line_box = _inside(page.rects, line)
            size_key = round(line.size * 2) / 2
            line_level = self.levels.get(size_key, 0)
            toc = line.toc
            prev = current[-1] if current else None
            start = (
                prev is None
                or line_box is not box
                or line_level != heading
                or (toc and (prev.toc or kind != "para"))
                or (prev.toc and not toc)
                or prev.base - line.base
                > self.spacing * max(prev.size, line.size) + 0.4 * line.size
                or (prev.bold and not line.bold and kind != "bullet")
            )
            found = _bullet(line)
            bullet = found[0] if found else None
            if found and found[1] and not start and prev and prev.text[-1:] not in ".:;!?":
                bullet = None  # "2." inside a sentence wrapped onto a new line is no list number
            start = start or bullet is not None
            if start:
                if current:
                    blocks.append(self._block(page, current, kind, level, box))
                current = []
                box, heading = line_box, line_level
                if bullet is not None and found is not None:
                    kind, level = "bullet", self.indents.get((found[1], round(line.x0 / 6)), 1)
                    k, t, b = line.items[bullet]
                    line.items[bullet] = (k, _strip_bullet(t), b)
                elif line_level:
                    kind, level = "heading", line_level
                else:
                    kind, level = "para", 0
            current.append(line)
        if current:
            blocks.append(self._block(page, current, kind, level, box))
        return blocks

    def _block(
        self, page: Page, lines: list[Line], kind: BlockKind, level: int, box: Rect | None
    ) -> Block:
        text = ""
        strong: list[str] = []
        run = ""
        markers: list[str] = []
        ends_with_marker = False
        chars = bold_chars = 0
        for line in lines:
            piece = ""
            for k, t, b in line.items:
                if k == "m":
                    markers.append(t)
                    ends_with_marker = True
                    continue
                visible = t.strip()
                if ends_with_marker and visible and _WORDS.search(visible):
                    ends_with_marker = False
                piece += t
                chars += len(visible)
                if b and visible:
                    bold_chars += len(visible)
                    run = f"{run} {visible}" if run else visible
                elif visible and run:
                    strong.append(_SPACES.sub(" ", run))
                    run = ""
            text = _join(text, _SPACES.sub(" ", piece).strip())
        if run:
            strong.append(_SPACES.sub(" ", run))
        if box is not None and box.box_id is None:
            self.box_ids += 1
            box.box_id = self.box_ids
        return Block(
            kind=kind,
            text=text,
            where=_("page {n}").format(n=page.number),
            level=level,
            bold=chars > 0 and bold_chars == chars,
            strong=strong,
            box=box.kind if box else None,
            box_id=box.box_id if box else None,
            markers=markers,
            ends_with_marker=ends_with_marker,
            page=page.number,
            toc=any(ln.toc for ln in lines),
        )


def _join(text: str, piece: str) -> str:
    """Two lines joined by a space; a hyphen ending a word ("Gender-", "2020-") joins the next
    line without one, the hyphen kept (a word processor breaks lines after a hyphen)."""
    if not text:
        return piece
    if not piece:
        return text
    if text.endswith("-") and text[-2:-1].isalnum() and piece[:1].isalnum():
        return text + piece
    return f"{text} {piece}"


def _inside(rects: list[Rect], line: Line) -> Rect | None:
    cx = (line.x0 + line.x1) / 2
    cy = line.base + 0.3 * line.size
    best: Rect | None = None
    for r in rects:
        inside = r.x0 - 1 <= cx <= r.x1 + 1 and r.y0 - 1 <= cy <= r.y1 + 1
        if inside and (best is None or _area(r) < _area(best)):
            best = r
    return best


def _area(r: Rect) -> float:
    return (r.x1 - r.x0) * (r.y1 - r.y0)


def _bullet(line: Line) -> tuple[int, bool] | None:
    """The item holding the line's bullet glyph or list number, and whether it is a number."""
    for i, (k, t, _size) in enumerate(line.items):
        if k != "t":
            return None
        s = t.strip()
        if not s:
            continue
        head = s.split(maxsplit=1)
        first = head[0]
        if len(first) == 1 and (first in _BULLETS or "\ue000" <= first <= "\uf8ff"):
            return (i, False) if len(head) > 1 or i + 1 < len(line.items) else None
        if _LIST_NUMBER.match(first) and len(head) > 1 and first[:1].isdigit():
            return i, True
        return None
    return None


def _strip_bullet(text: str) -> str:
    s = text.lstrip()
    return s.split(maxsplit=1)[1] if len(s.split(maxsplit=1)) > 1 else ""


def _footnote_number(line: Line, last: int | None) -> int | None:
    first = next((it for it in line.items if it[0] == "m" or it[1].strip()), None)
    if first is None:
        return None
    if first[0] == "m":
        return int(first[1]) if first[1].isdigit() else None
    m = _FOOTNOTE_START.match(first[1].lstrip())
    if m is None:
        return None
    number = int(m.group(1))
    if last is None or number == last + 1 or first[1].lstrip()[len(m.group(1)) :][:1] in "\t.)":
        return number
    return None


def _footnote_text(line: Line, numbered: bool) -> str:
    items = list(line.items)
    if numbered:
        i = next(i for i, it in enumerate(items) if it[0] == "m" or it[1].strip())
        if items[i][0] == "m":
            items.pop(i)
        else:
            t = items[i][1].lstrip()
            m = _FOOTNOTE_START.match(t)
            items[i] = ("t", t[m.end() if m else 0 :], items[i][2])
    return _SPACES.sub(" ", "".join(t for k, t, _ in items if k == "t")).strip()
