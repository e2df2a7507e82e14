"""The Themes tab's editor: a theme's title, or an item's text and its links to codes.

Pages, in order: nothing chosen, a theme, an item (``EMPTY``, ``THEME``, ``ITEM``). Saving is
the themes view's; this is the widgets only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

EMPTY, THEME, ITEM = 0, 1, 2


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label whose mnemonic puts the keyboard in ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setWordWrap(True)  # a long French label wraps rather than widen the window
    return label


class ThemeEditor(QStackedWidget):
    """The editor beside the themes list, one page per kind of row chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Theme title"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Recommendation text"))
        self.links_edit = QLineEdit()
        self.links_edit.setAccessibleName(self.tr("Linked recommendation codes"))
        self.links_edit.setPlaceholderText(self.tr("Codes of the Committee, e.g. II-6, III-3"))
        self.links_problem = QLabel()
        self.links_problem.setAccessibleName(self.tr("Codes not found"))
        self.links_problem.setWordWrap(True)
        # Bold with a sign rather than a colour: legible on light and dark palettes alike.
        self.links_problem.setStyleSheet("QLabel { font-weight: bold; }")
        self.links_problem.hide()
        self.links_label = QLabel()
        self.links_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.links_label.setWordWrap(True)
        theme_page = QWidget()
        tl = QVBoxLayout(theme_page)
        tl.addWidget(buddy_label(self.tr("Theme t&itle"), self.title_edit))
        tl.addWidget(self.title_edit)
        tl.addStretch(1)
        item_page = QWidget()
        il = QVBoxLayout(item_page)
        il.addWidget(
            buddy_label(self.tr("Recommendation te&xt (saved as you type)"), self.text_edit)
        )
        il.addWidget(self.text_edit, 1)
        il.addWidget(
            buddy_label(self.tr("&Linked to the Committee’s recommendations"), self.links_edit)
        )
        il.addWidget(self.links_edit)
        il.addWidget(self.links_problem)
        il.addWidget(self.links_label)
        empty_page = QLabel(self.tr("Choose a theme or a recommendation on the left, or add one."))
        empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_page.setWordWrap(True)
        for page in (empty_page, theme_page, item_page):
            self.addWidget(page)
