"""PDF factsheets read into the document model from pypdfium2's page objects.

A page is read as its objects, not its characters: each text object gives its text, font, size,
bounds and baseline; each path object its bounds, colours and whether it is filled or stroked.
Text objects are grouped into lines by baseline; a small, raised run of digits is a footnote
marker; the small lines under the footnote rule are footnotes; lines repeated at the top or
bottom of many pages are furniture; coloured rectangles are boxes; lines become blocks where the
spacing, a bullet glyph, the size or a box changes.

This module checks the input and runs the steps: ``pdf_objects`` walks a page's objects,
``pdf_page`` groups them into lines and rectangles, ``pdf_layout`` makes the blocks.

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

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from assessor.i18n import _
from assessor.importers.common import ImportRejected
from assessor.importers.document import Document
from assessor.importers.pdf_layout import Layout
from assessor.importers.pdf_objects import read_page

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PAGES = 2000
MIN_TEXT_CHARS = 50


def read_pdf(data: bytes, name: str) -> Document:
    """The document model of a PDF factsheet; refuses a damaged, locked or scanned file."""
    if len(data) > MAX_PDF_BYTES:
        raise ImportRejected(
            _("{name}: the PDF is too large ({size:.0f} MB; at most {limit} MB).").format(
                name=name, size=len(data) / 1024 / 1024, limit=MAX_PDF_BYTES // 1024 // 1024
            )
        )
    if not data.strip():
        raise ImportRejected(_("{name}: the file is empty.").format(name=name))
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ImportRejected(
                _(
                    "{name} is protected by a password; open it in a PDF reader, save a copy "
                    "without a password, and import that."
                ).format(name=name)
            ) from None
        raise ImportRejected(
            _("{name}: this is not a PDF file, or it is damaged.").format(name=name)
        ) from None
    try:
        count = len(pdf)
        if count == 0:
            raise ImportRejected(_("{name}: the PDF has no pages.").format(name=name))
        if count > MAX_PAGES:
            raise ImportRejected(
                _(
                    "{name}: the PDF has {count} pages, more than the {limit} a factsheet may have."
                ).format(name=name, count=count, limit=MAX_PAGES)
            )
        pages = [read_page(pdf, i) for i in range(count)]
    except (pdfium.PdfiumError, ValueError, OSError, ctypes.ArgumentError) as exc:
        raise ImportRejected(
            _("{name}: the PDF is damaged and cannot be read ({error}).").format(
                name=name, error=exc
            )
        ) from None
    finally:
        pdf.close()
    chars = sum(len(line.text) for page in pages for line in page.lines)
    if chars < MIN_TEXT_CHARS:
        raise ImportRejected(
            _(
                "{name} has no text layer (it looks scanned); run OCR on it or ask the "
                "Secretariat for the Word file."
            ).format(name=name)
        )
    return Layout(pages).document()


# --- Layout --------------------------------------------------------------------------------
