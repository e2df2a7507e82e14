"""Help → User guide (F1) and About: the guide is read from the bundled Markdown, offline."""

from __future__ import annotations

import html
import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QByteArray, QCoreApplication, QSize, QUrl
from PySide6.QtGui import (
    QImage,
    QPixmap,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from assessor import __version__
from assessor.i18n import current_language
from assessor.resources import user_guide_path


class GuideBrowser(QTextBrowser):
    """A text browser whose images fit its width (the guide's screenshots are 1366 px wide).

    An image wider than the page is laid out at the page's width, its aspect ratio kept, and
    fitted again whenever the window is resized; a narrower one keeps its own size.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._natural: dict[str, QSize] = {}
        self._fitting = False
        self.sourceChanged.connect(self._new_source)

    def _new_source(self) -> None:
        self._natural.clear()  # names are relative to the page shown
        self.fit_images()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_images()

    def _natural_size(self, name: str) -> QSize:
        """An image's own size (read once), empty if it cannot be read."""
        if name not in self._natural:
            data = self.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
            if isinstance(data, QImage | QPixmap):
                size = data.size()
            elif isinstance(data, QByteArray | bytes):
                size = QImage.fromData(data).size()
            else:
                size = QSize()
            self._natural[name] = size
        return self._natural[name]

    def fit_images(self) -> None:
        """Lay every image out at most as wide as the page, keeping its aspect ratio."""
        if self._fitting:
            return
        self._fitting = True
        try:
            doc = self.document()
            room = max(1, self.viewport().width() - 2 * int(doc.documentMargin()) - 4)
            # Gathered first: changing a format splits and merges the fragments being walked.
            changes: list[tuple[int, int, QTextImageFormat]] = []
            block = doc.begin()
            while block.isValid():
                it = block.begin()
                while not it.atEnd():
                    fragment = it.fragment()
                    it += 1
                    fmt = fragment.charFormat()
                    if not fmt.isImageFormat():
                        continue
                    image = fmt.toImageFormat()
                    natural = self._natural_size(image.name())
                    if natural.isEmpty():
                        continue
                    width = min(natural.width(), room)
                    height = natural.height() * width / natural.width()
                    if (image.width(), image.height()) != (width, height):
                        image.setWidth(width)
                        image.setHeight(height)
                        changes.append((fragment.position(), fragment.length(), image))
                block = block.next()
            cursor = QTextCursor(doc)
            for position, length, image in changes:
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
        finally:
            self._fitting = False


class UserGuide(QDialog):
    """The user guide in a window of its own, beside the main window (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assessor user guide"))
        self.browser = GuideBrowser(self)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        # The guide in the window's language (docs/user-guide.fr.md), else the English one.
        guide = user_guide_path(current_language())
        if guide is None:
            self.browser.setHtml(
                self.tr(
                    "<p>The user guide is not part of this installation. It is the file "
                    "<code>docs/user-guide.md</code> of Assessor's source.</p>"
                )
            )
        else:
            self.browser.setSearchPaths([str(guide.parent)])  # its images
            self.browser.setSource(
                QUrl.fromLocalFile(str(guide)), QTextDocument.ResourceType.MarkdownResource
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 80), min(900, screen.height() - 80))


def about_html(database: str) -> str:
    """What the About box says: the version, the database, what it runs on."""
    about = QCoreApplication.translate(
        "about",
        "<p>Assessing how States follow up the Lanzarote Committee's recommendations: "
        "factsheets, ratings, questionnaires, summaries. Everything stays on this computer.</p>"
        "<p>Database: <code>{database}</code></p>"
        "<p><small>Python {python}, Qt for Python {qt}, {platform}. "
        "PDF fonts: DejaVu (free licence, bundled).</small></p>",
    )
    return f"<h3>Assessor {html.escape(__version__)}</h3>" + about.format(
        database=html.escape(database),
        python=html.escape(platform.python_version()),
        qt=html.escape(pyside_version),
        platform=html.escape(sys.platform),
    )
