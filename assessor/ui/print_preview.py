"""Showing and printing a generated PDF: pages rendered by pdfium, else the system viewer.

The window's File → Print… renders the summary to bytes (``summary_pdf_bytes``) and calls
:func:`preview_pdf`; File → Export PDF summary… writes the file, then may call
:func:`show_pdf` on it. The confidential summary is kept in memory for the preview; only the
system-viewer fallback needs a file, written to a private temporary folder.

The pages are drawn by pypdfium2 (which reads factsheet PDFs too), not QtPdf: the application
then needs only PySide6-Essentials. A page is rendered when it comes into view, at the zoom
shown; printing renders each page at the printer's resolution.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

try:  # a dependency; the fallback keeps the summary readable should its library fail to load
    import pypdfium2 as pdfium
except ImportError:  # pragma: no cover - depends on the installation
    pdfium = None

PdfSource = bytes | str | os.PathLike[str]
#: Points per inch (PDF page sizes are in points).
POINTS = 72.0
#: The gap between pages (and around them), in pixels.
PAGE_GAP = 12


def in_app_available() -> bool:
    """Whether PDFs can be shown inside the application (pypdfium2 loads)."""
    return pdfium is not None


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


class PdfPages:
    """A PDF in memory: its pages' sizes and each page rendered as a QImage."""

    def __init__(self, source: PdfSource) -> None:
        assert pdfium is not None
        self._pdf = pdfium.PdfDocument(_bytes_of(source))
        self.sizes = [self._pdf[i].get_size() for i in range(len(self._pdf))]

    def page_count(self) -> int:
        """How many pages the document has."""
        return len(self.sizes)

    def render(self, index: int, scale: float) -> QImage:
        """Page ``index`` at ``scale`` pixels per point (white, RGB)."""
        bitmap = self._pdf[index].render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        fmt = (
            QImage.Format.Format_RGBX8888
            if bitmap.mode == "RGBX"
            else QImage.Format.Format_RGBA8888
            if bitmap.mode == "RGBA"
            else QImage.Format.Format_RGB888
        )
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()  # owns its pixels: the bitmap's buffer goes with the bitmap


def load_document(source: PdfSource) -> PdfPages:
    """The PDF's pages, from bytes or a file (the bytes stay in memory)."""
    return PdfPages(source)


def print_document(document: PdfPages, printer: QPrinter) -> int:
    """Paint every page of ``document`` on ``printer``; return the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for index in range(document.page_count()):
            if index:
                printer.newPage()
            target = painter.viewport()
            # Rendered straight at the printer's pixel size, so text stays sharp on paper.
            width, height = document.sizes[index]
            scale = min(target.width() / width, target.height() / height)
            painter.drawImage(target.topLeft(), document.render(index, scale))
            printed += 1
    finally:
        painter.end()
    return printed


class PdfPreview(QDialog):
    """A PDF shown page after page, with zoom, a page indicator and a Print… button."""

    def __init__(self, source: PdfSource, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Print preview"))
        # A page wide and as tall as the screen allows (a laptop's 768 pixels included).
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        height = min(960, available.height() - 60) if available is not None else 700
        self.resize(820, max(height, 400))
        self.document = load_document(source)
        #: Pixels per point shown; None follows the width of the window ("Fit width").
        self.zoom_factor: float | None = None
        self._rendered: dict[int, float] = {}  # page → the scale it is drawn at

        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget()
        holder.setBackgroundRole(QPalette.ColorRole.Dark)  # pages on grey, as viewers show them
        holder.setAutoFillBackground(True)
        self.column = QVBoxLayout(holder)
        self.column.setSpacing(PAGE_GAP)
        self.column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages: list[QLabel] = []
        for n in range(self.document.page_count()):
            page = QLabel()
            page.setAccessibleName(self.tr("Page {n}").format(n=n + 1))
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            page.setStyleSheet("QLabel { background: white; }")
            self.column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)
        self.area.setWidget(holder)

        self.page_label = QLabel()
        self.page_label.setAccessibleName(self.tr("Page shown"))
        toolbar = QToolBar(self)
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_)
        zoom_in = QAction(self.tr("Zoom in"), self)
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: self.zoom(1.25))
        zoom_out = QAction(self.tr("Zoom out"), self)
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: self.zoom(0.8))
        fit = QAction(self.tr("Fit width"), self)
        fit.triggered.connect(self.fit_width)
        close = QAction(self.tr("Close"), self)
        close.triggered.connect(self.reject)
        for action in (self.print_action, zoom_in, zoom_out, fit, close):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(self.page_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.area)
        self.area.verticalScrollBar().valueChanged.connect(lambda _v: self._update_view())
        self.area.viewport().installEventFilter(self)
        self._layout_pages()

    # --- zoom ----------------------------------------------------------------------------
    def scale(self) -> float:
        """Pixels per point now: the zoom chosen, or the one that fits the widest page."""
        if self.zoom_factor is not None:
            return self.zoom_factor
        widest = max((w for w, _h in self.document.sizes), default=POINTS * 8.27)
        room = self.area.viewport().width() - 2 * PAGE_GAP - 4
        return max(0.2, room / widest)

    def zoom(self, factor: float) -> None:
        """Zoom by ``factor`` from the current scale."""
        self.zoom_factor = max(0.2, min(6.0, self.scale() * factor))
        self._layout_pages()

    def fit_width(self) -> None:
        """Show the pages as wide as the window."""
        self.zoom_factor = None
        self._layout_pages()

    def _layout_pages(self) -> None:
        scale = self.scale()
        for n, page in enumerate(self.pages):
            width, height = self.document.sizes[n]
            size = QSize(round(width * scale), round(height * scale))
            if page.size() != size or self._rendered.get(n) != scale:
                page.setFixedSize(size)
                page.clear()
                self._rendered.pop(n, None)
        # Once the column has its new height: draw what is in view, say which page it is.
        QTimer.singleShot(0, self._update_view)

    # --- what is in view -----------------------------------------------------------------
    def visible_pages(self) -> list[int]:
        """The pages at least partly in view."""
        top = self.area.verticalScrollBar().value()
        bottom = top + self.area.viewport().height()
        return [
            n
            for n, page in enumerate(self.pages)
            if page.y() < bottom and page.y() + page.height() > top
        ]

    def current_page(self) -> int:
        """The page most of the view shows (0-based)."""
        top = self.area.verticalScrollBar().value()
        middle = top + self.area.viewport().height() / 2
        for n, page in enumerate(self.pages):
            if page.y() + page.height() + PAGE_GAP / 2 >= middle:
                return n
        return max(0, len(self.pages) - 1)

    def _update_view(self) -> None:
        scale = self.scale()
        ratio = self.devicePixelRatioF()
        for n in self.visible_pages():
            if self._rendered.get(n) != scale:
                image = self.document.render(n, scale * ratio)
                image.setDevicePixelRatio(ratio)
                self.pages[n].setPixmap(QPixmap.fromImage(image))
                self._rendered[n] = scale
        count = self.document.page_count()
        self.page_label.setText(
            self.tr("  Page {page} of {count}").format(page=self.current_page() + 1, count=count)
            if count
            else ""
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The pages follow the width of the view itself (fit width), once it has its size.
        if (
            watched is self.area.viewport()
            and event.type() == QEvent.Type.Resize
            and self.zoom_factor is None
        ):
            self._layout_pages()
        return super().eventFilter(watched, event)

    def print_(self) -> int:
        """Ask for a printer and print the document; return the pages printed (0 if cancelled)."""
        printer = ask_printer(self)
        if printer is None:
            return 0
        return print_document(self.document, printer)


def preview_pdf(
    source: PdfSource, parent: QWidget | None = None, title: str = ""
) -> PdfPreview | None:
    """Show a PDF for reading and printing; without pdfium, open it in the system viewer.

    Returns the (non-modal, already shown) preview, or None when the system viewer was used.
    """
    if in_app_available():
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
