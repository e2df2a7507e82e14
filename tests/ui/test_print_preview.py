"""Smoke tests of the PDF preview and printing (offscreen; native dialogs replaced)."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrinter
from reportlab.pdfgen.canvas import Canvas

from assessor.db.engine import open_database
from assessor.exporters.pdf_summary import summary_pdf_bytes, write_pdf_summary
from assessor.services.imports import import_file
from assessor.ui import print_preview

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def small_pdf(pages: int = 3) -> bytes:
    """A PDF of a few numbered pages."""
    out = io.BytesIO()
    canvas = Canvas(out)
    for n in range(pages):
        canvas.drawString(72, 720, f"Page {n + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_preview_shows_pages_zooms_and_says_which_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = print_preview.preview_pdf(small_pdf(3), title="Summary")
    assert preview is not None
    qtbot.addWidget(preview)
    qtbot.waitExposed(preview)
    assert preview.document.page_count() == 3 and len(preview.pages) == 3
    assert preview.isVisible() and preview.windowTitle() == "Summary"
    screen = preview.screen().availableGeometry()
    assert preview.frameGeometry().height() <= screen.height()  # fits a laptop's screen
    qtbot.waitUntil(lambda: preview.page_label.text().strip() == "Page 1 of 3")
    first = preview.pages[0].pixmap()
    assert not first.isNull() and first.width() > 300  # drawn, as wide as the window
    image = first.toImage()
    assert image.pixelColor(5, 5).lightness() > 240  # a white page
    before = preview.scale()
    preview.zoom(1.25)
    assert preview.scale() == pytest.approx(before * 1.25)
    qtbot.waitUntil(lambda: preview.pages[0].width() > first.width() / first.devicePixelRatio())
    # Scrolled to the end, the indicator follows.
    bar = preview.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: preview.page_label.text().strip() == "Page 3 of 3")
    assert not preview.pages[2].pixmap().isNull()


def test_print_paints_every_page(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "printed.pdf"

    def fake_printer(parent):  # type: ignore[no-untyped-def]
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(print_preview, "ask_printer", fake_printer)
    preview = print_preview.PdfPreview(small_pdf(2))
    qtbot.addWidget(preview)
    assert preview.print_() == 2
    assert len(PdfReader(target).pages) == 2

    monkeypatch.setattr(print_preview, "ask_printer", lambda parent: None)
    assert preview.print_() == 0  # cancelled: nothing printed


def test_summary_of_the_seed_previews(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "seed.sqlite")
    import_file(db, EXAMPLES / "factsheet-albania-2nd-round.md")
    pdf = summary_pdf_bytes(db)
    write_pdf_summary(db, tmp_path / "summary.pdf")
    db.close()
    preview = print_preview.show_pdf(tmp_path / "summary.pdf")
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.document.page_count() == len(PdfReader(io.BytesIO(pdf)).pages)
    assert preview.windowTitle() == "summary.pdf"


def test_without_pdfium_the_system_viewer_opens_a_private_copy(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(print_preview, "in_app_available", lambda: False)
    monkeypatch.setattr(print_preview, "open_url", lambda url: opened.append(url) or True)
    assert print_preview.preview_pdf(small_pdf(1)) is None
    path = Path(opened[0].toLocalFile())
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    path.unlink()
    path.parent.rmdir()


def test_the_application_needs_no_qtpdf() -> None:
    source = Path(print_preview.__file__).read_text("utf-8")
    assert "PySide6.QtPdf" not in source
