"""The walk over a PDF page's objects through pdfium's raw API: text pieces, paths, fonts."""

from __future__ import annotations

import ctypes
import math
import re
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from assessor.importers.pdf_page import Page, Piece, lines_of, rects_of

_BOLD_NAME = re.compile(r"bold|semibold|demi|black|heavy", re.I)


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
        self.pieces: list[Piece] = []
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
        self.pieces.append(Piece(x0, x1, y0, y1, f, size, text, bold))

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


def read_page(pdf: pdfium.PdfDocument, index: int) -> Page:
    """Page ``index`` (from 0) as its lines and rectangles."""
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
    lines = lines_of(reader.pieces)
    rects, rules = rects_of(reader.paths, width, height)
    return Page(index + 1, width, height, lines, rects, rules, reader.rotated)
