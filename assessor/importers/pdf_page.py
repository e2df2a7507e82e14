"""One PDF page as lines of text pieces and rectangles that may be boxes (no pdfium here)."""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass
from typing import Any

from assessor.importers.document import BoxKind

_LEADERS = ("....", "……", ". . . .")  # a table of contents' dot leaders
_MARKER_TEXT = re.compile(r"^[\d\s,]*\d[\d\s,]*$")


@dataclass(slots=True)
class Piece:
    """One text object in page space."""

    x0: float
    x1: float
    y0: float
    y1: float
    base: float
    size: float
    text: str
    bold: bool


@dataclass(slots=True)
class Rect:
    """A filled or outlined rectangle that may be a box."""

    x0: float
    y0: float
    x1: float
    y1: float
    kind: BoxKind
    colour: tuple[int, int, int]
    box_id: int | None = None


@dataclass
class Line:
    """Text objects on one baseline, as items: ("t", text, bold) or ("m", digits, False)."""

    items: list[tuple[str, str, bool]]
    x0: float
    x1: float
    top: float
    base: float
    size: float
    tail_gap: float = 0.0  # the gap before the last text object, in em (a TOC's page number)
    tail: str = ""  # the last text object's text
    text: str = ""  # without markers
    bold: bool = False  # every visible character is bold
    toc: bool = False  # dot leaders, or a page number far to the right

    def __post_init__(self) -> None:
        texts = [(t, b) for k, t, b in self.items if k == "t" and t.strip()]
        self.text = "".join(t for k, t, _ in self.items if k == "t").strip()
        self.bold = bool(texts) and all(b for _, b in texts)
        ends_number = self.tail.strip().isdigit() and self.tail_gap > 2.0
        leaders = any(leader in self.text for leader in _LEADERS)
        self.toc = leaders or (ends_number and len(self.text) > 6)


@dataclass
class Page:
    """One page's lines and rectangles, before blocks are made."""

    number: int
    width: float
    height: float
    lines: list[Line]
    rects: list[Rect]
    rules: list[tuple[float, float, float]]  # thin horizontal paths: x0, x1, y
    rotated: int = 0  # text objects set aside because they do not run left to right


# --- Lines ---------------------------------------------------------------------------------


def lines_of(pieces: list[Piece]) -> list[Line]:
    """Pieces grouped by baseline (top to bottom), each line's pieces ordered by x."""
    pieces.sort(key=lambda p: -p.base)
    groups: list[list[Piece]] = []
    base = size = 0.0
    for p in pieces:
        if groups and abs(base - p.base) <= 0.5 * max(size, p.size):
            groups[-1].append(p)
            if p.size > size:
                base, size = p.base, p.size
        else:
            groups.append([p])
            base, size = p.base, p.size
    return [_line(g) for g in groups]


def _line(group: list[Piece]) -> Line:
    if len(group) == 1:  # most lines of a word processor's print are one object
        p = group[0]
        return Line([("t", p.text, p.bold)], p.x0, p.x1, p.y1, p.base, p.size, 0.0, p.text)
    group.sort(key=lambda p: p.x0)
    body = max(group, key=lambda p: (p.size, len(p.text)))
    size, base = body.size, body.base
    items: list[tuple[str, str, bool]] = []
    tail_gap = 0.0
    tail = ""
    seen: set[tuple[str, int, int]] = set()
    prev: Piece | None = None
    for p in group:
        key = (p.text, round(p.x0), round(p.base))
        if key in seen:  # some printers draw the same text twice
            continue
        seen.add(key)
        raised = p.size <= 0.8 * size and p.base - base >= 0.12 * size
        gap = (p.x0 - prev.x1) / max(size, 1.0) if prev else 0.0
        if raised and _MARKER_TEXT.match(p.text):
            digits = [d for d in re.split(r"[\s,]+", p.text) if d]
            if items and items[-1][0] == "m" and gap <= 0.2 * p.size / size:
                items[-1] = ("m", items[-1][1] + digits[0], False)
                digits = digits[1:]
            for d in digits:
                items.append(("m", d, False))
        else:
            text = p.text
            if (
                prev is not None
                and gap > 0.18
                and not raised
                and not text[:1].isspace()
                and not (items and items[-1][0] == "t" and items[-1][1][-1:].isspace())
            ):
                text = " " + text
            if items and items[-1][0] == "t" and items[-1][2] == p.bold:
                items[-1] = ("t", items[-1][1] + text, p.bold)
            else:
                items.append(("t", text, p.bold))
            tail_gap, tail = gap, p.text
        prev = p
    top = max(p.y1 for p in group)
    return Line(items, group[0].x0, max(p.x1 for p in group), top, base, size, tail_gap, tail)


# --- Boxes ---------------------------------------------------------------------------------


def _box_kind(rgb: tuple[int, ...]) -> BoxKind | None:
    r, g, b = (c / 255 for c in rgb[:3])
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    if s < 0.05:
        return None if v > 0.96 else "box"
    deg = h * 360
    if deg <= 65 or deg >= 340:
        return "follow_up"
    if 170 <= deg <= 260:
        return "practice"
    return "box"


def rects_of(
    paths: list[tuple[tuple[float, ...], tuple[int, ...], tuple[int, ...]]],
    width: float,
    height: float,
) -> tuple[list[Rect], list[tuple[float, float, float]]]:
    """Boxes (merged where they touch) and thin horizontal rules of a page."""
    rects: list[Rect] = []
    rules: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float, tuple[int, ...]]] = []
    page_area = width * height
    for (x0, y0, x1, y1), fill, stroke in paths:
        w, h = x1 - x0, y1 - y0
        if h < 2 or w < 2:
            if h < 2 and w >= 20:
                rules.append((x0, x1, (y0 + y1) / 2))
            elif w < 2 and h >= 6:
                vertical.append(((x0 + x1) / 2, y0, y1, stroke or fill))
            continue
        if w * h > 0.85 * page_area:
            continue
        colour: tuple[int, ...] = ()
        kind: BoxKind | None = None
        if fill and fill[3] > 0:
            kind, colour = _box_kind(fill), fill[:3]
        if kind is None and stroke and stroke[3] > 0 and w >= 6 and h >= 6:
            kind, colour = _box_kind(stroke) or "box", stroke[:3]
        if kind is not None:
            rects.append(Rect(x0, y0, x1, y1, kind, (colour[0], colour[1], colour[2])))
    rects += _outlined(rules, vertical)
    return _merge(rects), rules


def _outlined(
    rules: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float, tuple[int, ...]]],
) -> list[Rect]:
    """Rectangles drawn as separate thin lines: two verticals with a rule across their top."""
    merged: list[list[Any]] = []
    for x, y0, y1, colour in sorted(vertical, key=lambda v: (round(v[0]), -v[2])):
        last = merged[-1] if merged else None
        if last and abs(last[0] - x) < 1.5 and y1 >= last[1] - 2:
            last[1] = min(last[1], y0)
        else:
            merged.append([x, y0, y1, colour])
    out: list[Rect] = []
    for i, (lx, ly0, ly1, colour) in enumerate(merged):
        for rx, ry0, ry1, _ in merged[i + 1 :]:
            if rx - lx < 30 or abs(ry0 - ly0) > 3 or abs(ry1 - ly1) > 3:
                continue
            if any(x0 <= lx + 2 and x1 >= rx - 2 and abs(y - ly1) < 3 for x0, x1, y in rules):
                kind = _box_kind(colour) if colour else None
                out.append(Rect(lx, ly0, rx, ly1, kind or "box", (0, 0, 0)))
                break
    return out


def _merge(rects: list[Rect]) -> list[Rect]:
    """Same-coloured rectangles that touch (shaded paragraphs, table cells) become one."""
    out: list[Rect] = []
    for r in sorted(rects, key=lambda r: -r.y1):
        for o in out:
            if o.colour != r.colour or o.kind != r.kind:
                continue
            touch_v = r.y1 >= o.y0 - 2 and r.y0 <= o.y1 + 2
            touch_h = r.x1 >= o.x0 - 2 and r.x0 <= o.x1 + 2
            overlap_h = min(o.x1, r.x1) - max(o.x0, r.x0) > 0.8 * min(o.x1 - o.x0, r.x1 - r.x0)
            overlap_v = min(o.y1, r.y1) - max(o.y0, r.y0) > 0.8 * min(o.y1 - o.y0, r.y1 - r.y0)
            if (touch_v and overlap_h) or (touch_h and overlap_v):
                o.x0, o.y0 = min(o.x0, r.x0), min(o.y0, r.y0)
                o.x1, o.y1 = max(o.x1, r.x1), max(o.y1, r.y1)
                break
        else:
            out.append(r)
    # an outline around a shaded box is the same box
    return [
        r
        for r in out
        if not any(
            o is not r
            and o.kind != "box"
            and r.kind == "box"
            and abs(o.x0 - r.x0) < 3
            and abs(o.x1 - r.x1) < 3
            and abs(o.y0 - r.y0) < 3
            and abs(o.y1 - r.y1) < 3
            for o in out
        )
    ]
