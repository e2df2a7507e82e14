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

pytestmark = pytest.mark.skipif(not print_preview.qtpdf_available(), reason="no QtPdf")


def small_pdf(pages: int = 3) -> bytes:
    """A PDF of a few numbered pages."""
    out = io.BytesIO()
    canvas = Canvas(out)
    for n in range(pages):
        canvas.drawString(72, 720, f"Page {n + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def wait_loaded(qtbot, preview: print_preview.PdfPreview) -> None:  # type: ignore[no-untyped-def]
    """Wait until QtPdf has read the document."""
    ready = print_preview.QPdfDocument.Status.Ready
    qtbot.waitUntil(lambda: preview.document.status() == ready, timeout=5000)


def test_preview_shows_pages_and_zooms(qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = print_preview.preview_pdf(small_pdf(3), title="Summary")
    assert preview is not None
    qtbot.addWidget(preview)
    wait_loaded(qtbot, preview)
    assert preview.document.pageCount() == 3
    assert preview.isVisible() and preview.windowTitle() == "Summary"
    screen = preview.screen().availableGeometry()
    assert preview.frameGeometry().height() <= screen.height()  # fits a laptop's screen
    before = preview.view.zoomFactor()
    preview.zoom(1.25)
    assert preview.view.zoomFactor() == pytest.approx(before * 1.25)


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
    wait_loaded(qtbot, preview)
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
    wait_loaded(qtbot, preview)
    assert preview.document.pageCount() == len(PdfReader(io.BytesIO(pdf)).pages)
    assert preview.windowTitle() == "summary.pdf"


def test_without_qtpdf_the_system_viewer_opens_a_private_copy(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(print_preview, "qtpdf_available", lambda: False)
    monkeypatch.setattr(print_preview, "open_url", lambda url: opened.append(url) or True)
    assert print_preview.preview_pdf(small_pdf(1)) is None
    path = Path(opened[0].toLocalFile())
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    path.unlink()
    path.parent.rmdir()
