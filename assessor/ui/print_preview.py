"""Showing and printing a generated PDF: QtPdf's viewer when present, else the system viewer.

The window's File → Print… renders the summary to bytes (``summary_pdf_bytes``) and calls
:func:`preview_pdf`; File → Export PDF summary… writes the file, then may call
:func:`show_pdf` on it. The confidential summary is kept in memory for the preview; only the
system-viewer fallback needs a file, written to a private temporary folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QToolBar, QVBoxLayout, QWidget

try:  # QtPdf is an optional part of some PySide6 builds (and of distribution packages).
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

PdfSource = bytes | str | os.PathLike[str]


def qtpdf_available() -> bool:
    """Whether this PySide6 has QtPdf, so that PDFs can be shown inside the application."""
    return QPdfDocument is not None and QPdfView is not None


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """Ask which printer to use (the native dialog; tests replace this); None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def open_url(url: QUrl) -> bool:
    """Open a URL with the system's handler (tests replace this)."""
    return QDesktopServices.openUrl(url)


def _bytes_of(source: PdfSource) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


def private_copy(pdf: bytes, name: str = "summary.pdf") -> Path:
    """Write ``pdf`` into a new folder only the user can read (for an external viewer)."""
    folder = Path(tempfile.mkdtemp(prefix="assessor-"))  # created 0700
    path = folder / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pdf)
    return path


def load_document(source: PdfSource, parent: QWidget | None = None) -> QPdfDocument:
    """A QPdfDocument loaded from bytes or a file (the bytes stay in memory)."""
    assert QPdfDocument is not None
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)  # parented, so it lives as long as the document reads it
    buffer.setData(QByteArray(_bytes_of(source)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` on ``printer``; return the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = painter.viewport()
            # Rendered straight at the printer's pixel size, so text stays sharp on paper.
            size = document.pagePointSize(index).toSize()
            size.scale(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image: QImage = document.render(index, size)
            painter.drawImage(target.topLeft(), image)
            printed += 1
    finally:
        painter.end()
    return printed


class PdfPreview(QDialog):
    """A PDF shown page after page, with zoom and a Print… button."""

    def __init__(
        self, source: PdfSource, title: str = "Print preview", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert QPdfView is not None
        self.setWindowTitle(title)
        # A page wide and as tall as the screen allows (a laptop's 768 pixels included).
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        height = min(960, available.height() - 60) if available is not None else 700
        self.resize(820, max(height, 400))
        self.document = load_document(source, self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        toolbar = QToolBar(self)
        self.print_action = QAction("Print…", self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_)
        zoom_in = QAction("Zoom in", self)
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: self.zoom(1.25))
        zoom_out = QAction("Zoom out", self)
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: self.zoom(0.8))
        fit = QAction("Fit width", self)
        fit.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        close = QAction("Close", self)
        close.triggered.connect(self.reject)
        for action in (self.print_action, zoom_in, zoom_out, fit, close):
            toolbar.addAction(action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.view)

    def zoom(self, factor: float) -> None:
        """Zoom by ``factor`` from the current scale."""
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(6.0, self.view.zoomFactor() * factor)))

    def print_(self) -> int:
        """Ask for a printer and print the document; return the pages printed (0 if cancelled)."""
        printer = ask_printer(self)
        if printer is None:
            return 0
        return print_document(self.document, printer)


def preview_pdf(
    source: PdfSource, parent: QWidget | None = None, title: str = "Print preview"
) -> PdfPreview | None:
    """Show a PDF for reading and printing; without QtPdf, open it in the system viewer.

    Returns the (non-modal, already shown) preview, or None when the system viewer was used.
    """
    if qtpdf_available():
        preview = PdfPreview(source, title, parent)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()
        return preview
    path = Path(source) if not isinstance(source, bytes) else private_copy(source)
    open_url(QUrl.fromLocalFile(str(path)))
    return None


def show_pdf(path: str | os.PathLike[str], parent: QWidget | None = None) -> PdfPreview | None:
    """Show an exported PDF file (File → Export PDF summary… then "Open")."""
    return preview_pdf(Path(path), parent, title=Path(path).name)
