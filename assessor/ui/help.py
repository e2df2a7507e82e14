"""Help → User guide (F1) and About: the guide is read from the bundled Markdown, offline."""

from __future__ import annotations

import html
import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from assessor import __version__
from assessor.resources import user_guide_path


class UserGuide(QDialog):
    """The user guide in a window of its own, beside the main window (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Assessor user guide")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)
        guide = user_guide_path()
        if guide is None:
            self.browser.setHtml(
                "<p>The user guide is not part of this installation. It is the file "
                "<code>docs/user-guide.md</code> of Assessor's source.</p>"
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
    return (
        f"<h3>Assessor {html.escape(__version__)}</h3>"
        "<p>Assessing how States follow up the Lanzarote Committee's recommendations: "
        "factsheets, ratings, questionnaires, summaries. Everything stays on this computer.</p>"
        f"<p>Database: <code>{html.escape(database)}</code></p>"
        f"<p><small>Python {html.escape(platform.python_version())}, Qt for Python "
        f"{html.escape(pyside_version)}, {html.escape(sys.platform)}. "
        "PDF fonts: DejaVu (free licence, bundled).</small></p>"
    )
