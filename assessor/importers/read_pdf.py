"""PDF factsheets read into the document model from pypdfium2's page objects.

A page is read as its objects, not its characters: each text object gives its text, font, size,
bounds and baseline; each path object its bounds, colours and whether it is filled or stroked.
Text objects are grouped into lines by baseline; a small, raised run of digits is a footnote
marker; the small lines under the footnote rule are footnotes; lines repeated at the top or
bottom of many pages are furniture; coloured rectangles are boxes; lines become blocks where the
spacing, a bullet glyph, the size or a box changes.

Measured (best of 5, this machine) before choosing: on a 25-page LibreOffice print, pypdfium2's
bare text (``get_text_range`` per page) 22 ms; visiting every page object with its text, font
and bounds 34 ms; per-character text-page calls (unicode, box, size, owning object) 116 ms —
hence objects. On the generated 27-page A4 factsheet, ``FPDFTextObj_GetText`` for its 1,613 text
objects costs 22 ms (it scans the page's characters for each object), cutting the page text
where ``FPDFText_GetTextObject`` changes (a galloping search) 11 ms — hence the cut. Calling
pdfium with plain addresses instead of pypdfium2's wrapped pointers saves another third of the
walk. ``bench/read_pdf_bench.py``: read_pdf takes 1.9–2.3 × the bare text extraction of the
same file (A4 27 pages: 38 ms bare, 72 ms read_pdf; Letter 32 pages: 39 / 77 ms; reportlab 29
pages: 25 / 57 ms; French 16 pages: 23 / 44 ms).
"""

from __future__ import annotations

import colorsys
import ctypes
import itertools
import math
import re
import statistics
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from assessor.importers.common import ImportRejected, ImportWarning
from assessor.importers.document import Block, BlockKind, BoxKind, Document

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PAGES = 2000
MIN_TEXT_CHARS = 50

_BULLETS = "•◦▪▫‣●○■□►▶➢✓·-–—*"
_LIST_NUMBER = re.compile(r"^(\d{1,2}|[a-z])[.)]$")
_LEADERS = ("....", "……", ". . . .")  # a table of contents' dot leaders
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|sur|/|de)\s*\d{1,4})?$", re.I
)
_WORDS = re.compile(r"[^\s.,;:)\]”’\"']")  # more than punctuation after a marker
_BOLD_NAME = re.compile(r"bold|semibold|demi|black|heavy", re.I)
_SPACES = re.compile(r"\s+")
_MARKER_TEXT = re.compile(r"^[\d\s,]*\d[\d\s,]*$")
_FOOTNOTE_START = re.compile(r"^(\d{1,4})(?:[.)]?\s+|\t|$)")


@dataclass(slots=True)
class _Piece:
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
class _Rect:
    """A filled or outlined rectangle that may be a box."""

    x0: float
    y0: float
    x1: float
    y1: float
    kind: BoxKind
    colour: tuple[int, int, int]
    box_id: int | None = None


@dataclass
class _Line:
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
class _Page:
    """One page's lines and rectangles, before blocks are made."""

    number: int
    width: float
    height: float
    lines: list[_Line]
    rects: list[_Rect]
    rules: list[tuple[float, float, float]]  # thin horizontal paths: x0, x1, y
    rotated: int = 0  # text objects set aside because they do not run left to right


def read_pdf(data: bytes, name: str) -> Document:
    """The document model of a PDF factsheet; refuses a damaged, locked or scanned file."""
    if len(data) > MAX_PDF_BYTES:
        raise ImportRejected(
            f"{name}: the PDF is too large ({len(data) / 1024 / 1024:.0f} MB; at most "
            f"{MAX_PDF_BYTES // 1024 // 1024} MB)."
        )
    if not data.strip():
        raise ImportRejected(f"{name}: the file is empty.")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ImportRejected(
                f"{name} is protected by a password; open it in a PDF reader, save a copy "
                "without a password, and import that."
            ) from None
        raise ImportRejected(f"{name}: this is not a PDF file, or it is damaged.") from None
    try:
        count = len(pdf)
        if count == 0:
            raise ImportRejected(f"{name}: the PDF has no pages.")
        if count > MAX_PAGES:
            raise ImportRejected(
                f"{name}: the PDF has {count} pages, more than the {MAX_PAGES} a factsheet "
                "may have."
            )
        pages = [_read_page(pdf, i) for i in range(count)]
    except (pdfium.PdfiumError, ValueError, OSError, ctypes.ArgumentError) as exc:
        raise ImportRejected(f"{name}: the PDF is damaged and cannot be read ({exc}).") from None
    finally:
        pdf.close()
    chars = sum(len(line.text) for page in pages for line in page.lines)
    if chars < MIN_TEXT_CHARS:
        raise ImportRejected(
            f"{name} has no text layer (it looks scanned); run OCR on it or ask the "
            "Secretariat for the Word file."
        )
    return _Layout(pages).document()


# --- Objects -------------------------------------------------------------------------------

_Matrix = tuple[float, float, float, float, float, float]


def _compose(inner: _Matrix, outer: _Matrix | None) -> _Matrix:
    """inner then outer (PDF row-vector convention)."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)  # fmt: skip


def _apply_box(m: _Matrix | None, box: tuple[float, ...]) -> tuple[float, ...]:
    if m is None:
        return box
    x0, y0, x1, y1 = box
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(m[0] * x + m[2] * y + m[4])
        ys.append(m[1] * x + m[3] * y + m[5])
    return min(xs), min(ys), max(xs), max(ys)


def _typed(name: str, restype: Any, *argtypes: Any) -> Any:
    """A pdfium function taking and returning handles as plain addresses.

    pypdfium2's prototypes wrap every handle in a ctypes pointer; the walk over thousands of
    objects per document is a third faster with addresses (ints) throughout.
    """
    return ctypes.cast(getattr(pdfium_c, name), ctypes.CFUNCTYPE(restype, *argtypes))


_P = ctypes.c_void_p
_FLOAT = ctypes.POINTER(ctypes.c_float)
_UINT = ctypes.POINTER(ctypes.c_uint)
_INT = ctypes.POINTER(ctypes.c_int)
_page_count = _typed("FPDFPage_CountObjects", ctypes.c_int, _P)
_page_object = _typed("FPDFPage_GetObject", _P, _P, ctypes.c_int)
_form_count = _typed("FPDFFormObj_CountObjects", ctypes.c_int, _P)
_form_object = _typed("FPDFFormObj_GetObject", _P, _P, ctypes.c_ulong)
_object_type = _typed("FPDFPageObj_GetType", ctypes.c_int, _P)
_object_bounds = _typed("FPDFPageObj_GetBounds", ctypes.c_int, _P, _FLOAT, _FLOAT, _FLOAT, _FLOAT)
_object_matrix = _typed(
    "FPDFPageObj_GetMatrix", ctypes.c_int, _P, ctypes.POINTER(pdfium_c.FS_MATRIX)
)
_fill_colour = _typed("FPDFPageObj_GetFillColor", ctypes.c_int, _P, _UINT, _UINT, _UINT, _UINT)
_stroke_colour = _typed("FPDFPageObj_GetStrokeColor", ctypes.c_int, _P, _UINT, _UINT, _UINT, _UINT)
_draw_mode = _typed("FPDFPath_GetDrawMode", ctypes.c_int, _P, _INT, _INT)
_font_size = _typed("FPDFTextObj_GetFontSize", ctypes.c_int, _P, _FLOAT)
_text_font = _typed("FPDFTextObj_GetFont", _P, _P)
_render_mode = _typed("FPDFTextObj_GetTextRenderMode", ctypes.c_int, _P)
_object_text = _typed(
    "FPDFTextObj_GetText", ctypes.c_ulong, _P, _P, ctypes.POINTER(ctypes.c_ushort), ctypes.c_ulong
)
_font_name = _typed(
    "FPDFFont_GetBaseFontName", ctypes.c_size_t, _P, ctypes.c_char_p, ctypes.c_size_t
)
_font_weight = _typed("FPDFFont_GetWeight", ctypes.c_int, _P)
_font_flags = _typed("FPDFFont_GetFlags", ctypes.c_int, _P)
_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_FILL_STROKE = pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE


class _Reader:
    """Collects one page's text pieces and paths through pdfium's raw object API."""

    def __init__(self, textpage: int) -> None:
        self.textpage = textpage
        self.fonts: dict[int, bool] = {}
        self.runs = _object_runs(textpage)
        self.pieces: list[_Piece] = []
        self.paths: list[tuple[tuple[float, ...], tuple[int, ...], tuple[int, ...]]] = []
        self.buf = (ctypes.c_ushort * 2048)()
        self.f = [ctypes.c_float() for _ in range(4)]
        self.u = [ctypes.c_uint() for _ in range(4)]
        self.matrix = pdfium_c.FS_MATRIX()
        self.size = ctypes.c_float()
        self.fill = ctypes.c_int()
        self.stroke = ctypes.c_int()
        self.rotated = 0

    def walk(self, parent: int, form: bool, outer: _Matrix | None, depth: int) -> None:
        """Visit the objects of a page or form, recursing into forms with their matrices."""
        count, get = (_form_count, _form_object) if form else (_page_count, _page_object)
        x0, y0, x1, y1 = self.f
        for i in range(count(parent)):
            obj = get(parent, i)
            if not obj:
                continue
            kind = _object_type(obj)
            if kind == _FORM:
                if depth < 8:
                    self.walk(obj, True, _compose(self._matrix(obj), outer), depth + 1)
                continue
            if kind not in (_TEXT, _PATH) or not _object_bounds(obj, x0, y0, x1, y1):
                continue
            bounds: tuple[float, ...] = (x0.value, y0.value, x1.value, y1.value)
            if outer is not None:
                bounds = _apply_box(outer, bounds)
            if kind == _TEXT:
                self._text(obj, outer, bounds)
            else:
                self._path(obj, bounds)

    def _matrix(self, obj: int) -> _Matrix:
        m = self.matrix
        if not _object_matrix(obj, m):
            return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _text(self, obj: int, outer: _Matrix | None, bounds: tuple[float, ...]) -> None:
        text = self.runs.get(obj, "") if self.runs is not None else self._own_text(obj)
        if not text.strip():
            return
        m = self.matrix
        if not _object_matrix(obj, m):
            return
        a, b, c, d, f = m.a, m.b, m.c, m.d, m.f
        if outer is not None:
            a, b, c, d, _, f = _compose((a, b, c, d, m.e, f), outer)
        if abs(b) > 0.2 * abs(a) or a < 0:
            self.rotated += 1  # vertical or upside-down text (a margin note, a stamp)
            return
        _font_size(obj, self.size)
        size = self.size.value * math.hypot(c, d)
        if size <= 0.5:
            return
        font = _text_font(obj) or 0
        bold = self.fonts.get(font)
        if bold is None:
            bold = self.fonts[font] = _font_bold(font)
        if not bold:
            bold = _render_mode(obj) == _FILL_STROKE
        if not text.isprintable():
            text = text.translate(_CONTROLS)
        x0, y0, x1, y1 = bounds
        self.pieces.append(_Piece(x0, x1, y0, y1, f, size, text, bold))

    def _own_text(self, obj: int) -> str:
        size = ctypes.sizeof(self.buf)
        n = _object_text(obj, self.textpage, self.buf, size)
        if n > size:
            self.buf = (ctypes.c_ushort * (n // 2 + 1))()
            n = _object_text(obj, self.textpage, self.buf, ctypes.sizeof(self.buf))
        return ctypes.string_at(self.buf, n - 2).decode("utf-16-le", "replace") if n > 2 else ""

    def _path(self, obj: int, bounds: tuple[float, ...]) -> None:
        _draw_mode(obj, self.fill, self.stroke)
        r, g, b, a = self.u
        fill: tuple[int, ...] = ()
        stroke: tuple[int, ...] = ()
        if self.fill.value and _fill_colour(obj, r, g, b, a):
            fill = (r.value, g.value, b.value, a.value)
        if self.stroke.value and _stroke_colour(obj, r, g, b, a):
            stroke = (r.value, g.value, b.value, a.value)
        if fill or stroke:
            self.paths.append((bounds, fill, stroke))


#: pdfium's marks for a hyphen at a line end (\x02, \ufffe) and line breaks, as text.
_CONTROLS = str.maketrans({"\x02": "-", "\ufffe": "-", "\r": " ", "\n": " ", "\t": " "})
_TEXT_OBJECT_AT = _typed("FPDFText_GetTextObject", _P, _P, ctypes.c_int)
_char_count = _typed("FPDFText_CountChars", ctypes.c_int, _P)
_page_text = _typed(
    "FPDFText_GetText",
    ctypes.c_int,
    _P,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.POINTER(ctypes.c_ushort),
)


def _object_runs(textpage: int) -> dict[int, str] | None:
    """Each text object's text, cut from the page's text where the owning object changes.

    FPDFTextObj_GetText scans the page's characters for each object (quadratic in a page's
    objects); the page's text in one call, cut by a galloping search for where the owning
    object changes, costs a few calls per object. None when the page text does not map one
    code unit per character (characters beyond the BMP): then each object is asked.
    """
    count = _char_count(textpage)
    if count <= 0:
        return {}
    buf = (ctypes.c_ushort * (count + 1))()
    n = _page_text(textpage, 0, count, buf)
    text = ctypes.string_at(buf, 2 * max(n - 1, 0)).decode("utf-16-le", "replace")
    if len(text) != count:
        return None
    at = _TEXT_OBJECT_AT
    runs: dict[int, str] = {}
    i = 0
    while i < count:
        key = at(textpage, i)
        if not key:
            i += 1
            continue
        lo, hi, step = i, i + 1, 1
        while hi < count and at(textpage, hi) == key:
            lo, step = hi, step * 2
            hi = lo + step
        hi = min(hi, count)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if at(textpage, mid) == key:
                lo = mid
            else:
                hi = mid
        runs[key] = runs.get(key, "") + text[i : lo + 1]
        i = lo + 1
    return runs


def _font_bold(font: int) -> bool:
    if not font:
        return False
    buf = ctypes.create_string_buffer(256)
    _font_name(font, buf, 256)
    name = buf.value.decode("latin-1", "replace")
    weight = _font_weight(font)
    flags = _font_flags(font)
    return bool(_BOLD_NAME.search(name)) or weight >= 600 or bool(flags & (1 << 18))


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _Page:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            reader = _Reader(ctypes.cast(textpage.raw, _P).value or 0)
            reader.walk(ctypes.cast(page.raw, _P).value or 0, False, None, 0)
        finally:
            textpage.close()
    finally:
        page.close()
    lines = _lines(reader.pieces)
    rects, rules = _rects(reader.paths, width, height)
    return _Page(index + 1, width, height, lines, rects, rules, reader.rotated)


# --- Lines ---------------------------------------------------------------------------------


def _lines(pieces: list[_Piece]) -> list[_Line]:
    """Pieces grouped by baseline (top to bottom), each line's pieces ordered by x."""
    pieces.sort(key=lambda p: -p.base)
    groups: list[list[_Piece]] = []
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


def _line(group: list[_Piece]) -> _Line:
    if len(group) == 1:  # most lines of a word processor's print are one object
        p = group[0]
        return _Line([("t", p.text, p.bold)], p.x0, p.x1, p.y1, p.base, p.size, 0.0, p.text)
    group.sort(key=lambda p: p.x0)
    body = max(group, key=lambda p: (p.size, len(p.text)))
    size, base = body.size, body.base
    items: list[tuple[str, str, bool]] = []
    tail_gap = 0.0
    tail = ""
    seen: set[tuple[str, int, int]] = set()
    prev: _Piece | None = None
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
    return _Line(items, group[0].x0, max(p.x1 for p in group), top, base, size, tail_gap, tail)


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


def _rects(
    paths: list[tuple[tuple[float, ...], tuple[int, ...], tuple[int, ...]]],
    width: float,
    height: float,
) -> tuple[list[_Rect], list[tuple[float, float, float]]]:
    """Boxes (merged where they touch) and thin horizontal rules of a page."""
    rects: list[_Rect] = []
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
            rects.append(_Rect(x0, y0, x1, y1, kind, (colour[0], colour[1], colour[2])))
    rects += _outlined(rules, vertical)
    return _merge(rects), rules


def _outlined(
    rules: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float, tuple[int, ...]]],
) -> list[_Rect]:
    """Rectangles drawn as separate thin lines: two verticals with a rule across their top."""
    merged: list[list[Any]] = []
    for x, y0, y1, colour in sorted(vertical, key=lambda v: (round(v[0]), -v[2])):
        last = merged[-1] if merged else None
        if last and abs(last[0] - x) < 1.5 and y1 >= last[1] - 2:
            last[1] = min(last[1], y0)
        else:
            merged.append([x, y0, y1, colour])
    out: list[_Rect] = []
    for i, (lx, ly0, ly1, colour) in enumerate(merged):
        for rx, ry0, ry1, _ in merged[i + 1 :]:
            if rx - lx < 30 or abs(ry0 - ly0) > 3 or abs(ry1 - ly1) > 3:
                continue
            if any(x0 <= lx + 2 and x1 >= rx - 2 and abs(y - ly1) < 3 for x0, x1, y in rules):
                kind = _box_kind(colour) if colour else None
                out.append(_Rect(lx, ly0, rx, ly1, kind or "box", (0, 0, 0)))
                break
    return out


def _merge(rects: list[_Rect]) -> list[_Rect]:
    """Same-coloured rectangles that touch (shaded paragraphs, table cells) become one."""
    out: list[_Rect] = []
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


# --- Layout --------------------------------------------------------------------------------


class _Layout:
    """Furniture, footnotes, boxes and blocks from the pages' lines."""

    def __init__(self, pages: list[_Page]) -> None:
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
        bodies: list[tuple[_Page, list[_Line]]] = []
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
        for _, lines in bodies:
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
            where = f"page {page.number}"
            if not page.lines:
                out.append(ImportWarning("the page has no text (an image or a scan?)", where=where))
            if page.rotated:
                out.append(ImportWarning(
                    f"text set sideways or upside down was left out ({page.rotated} pieces)",
                    where=where,
                ))  # fmt: skip
        return out

    def _furniture(self) -> set[int]:
        """Lines repeated at the top or bottom of many pages, and page numbers there."""
        seen: dict[str, list[tuple[int, float]]] = {}
        band: list[tuple[_Page, _Line, str]] = []
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

    def _take_footnotes(self, page: _Page, lines: list[_Line]) -> list[_Line]:
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

    def _spacing(self, pages: list[list[_Line]]) -> float:
        deltas = [
            a.base - b.base
            for lines in pages
            for a, b in itertools.pairwise(lines)
            if abs(a.size - self.body) < 0.6 and abs(b.size - self.body) < 0.6
            and 0 < a.base - b.base < 2.2 * self.body
        ]  # fmt: skip
        return (statistics.median(deltas) if deltas else 1.2 * self.body) / self.body

    def _blocks(self, page: _Page, lines: list[_Line]) -> list[Block]:
        blocks: list[Block] = []
        current: list[_Line] = []
        kind: BlockKind = "para"
        level = heading = 0
        box: _Rect | None = None
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
        self, page: _Page, lines: list[_Line], kind: BlockKind, level: int, box: _Rect | None
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
            where=f"page {page.number}",
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


def _inside(rects: list[_Rect], line: _Line) -> _Rect | None:
    cx = (line.x0 + line.x1) / 2
    cy = line.base + 0.3 * line.size
    best: _Rect | None = None
    for r in rects:
        inside = r.x0 - 1 <= cx <= r.x1 + 1 and r.y0 - 1 <= cy <= r.y1 + 1
        if inside and (best is None or _area(r) < _area(best)):
            best = r
    return best


def _area(r: _Rect) -> float:
    return (r.x1 - r.x0) * (r.y1 - r.y0)


def _bullet(line: _Line) -> tuple[int, bool] | None:
    """The item holding the line's bullet glyph or list number, and whether it is a number."""
    for i, (k, t, _) in enumerate(line.items):
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


def _footnote_number(line: _Line, last: int | None) -> int | None:
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


def _footnote_text(line: _Line, numbered: bool) -> str:
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
