"""The State's follow-up: the current text, where it came from, earlier versions on demand."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from assessor.db.rows import FollowUpInfo, RecommendationDetail
from assessor.ui.style import highlight_html


def when(moment: datetime | None) -> str:
    """A date as people write it ("1 March 2025")."""
    if moment is None:
        return "an unknown date"
    return f"{moment.day} {moment:%B %Y}"


def _version_html(info: FollowUpInfo, words: Sequence[str], heading: str) -> str:
    source = html.escape(info.source or "unknown source")
    return (
        f"<p style='margin-bottom:0'><small><b>{heading}</b> — {source}, received "
        f"{when(info.received_at)}"
        + (f", replaced {when(info.superseded_at)}" if info.superseded_at else "")
        + "</small></p>"
        + highlight_html(info.text, words)
    )


class FollowUpPane(QWidget):
    """Shows the follow-up; emits ``edit_requested`` for "Edit…"."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("<b>State’s follow-up</b>")
        self.history_button = QPushButton("&History")
        self.history_button.setCheckable(True)
        self.history_button.setAccessibleName("Show earlier versions of the follow-up")
        self.history_button.setToolTip("Show the earlier versions of this follow-up")
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setAccessibleName("Correct the follow-up")
        self.edit_button.setToolTip(
            "Correct an import error; the current text is kept in the history"
        )
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("State’s follow-up")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.history_button)
        header.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.browser)
        self.history_button.toggled.connect(lambda _on: self._render())
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self._detail: RecommendationDetail | None = None
        self._words: Sequence[str] = ()
        self._render()

    def show_detail(self, detail: RecommendationDetail | None, words: Sequence[str] = ()) -> None:
        """Show a recommendation's follow-up (None: nothing chosen)."""
        self._detail, self._words = detail, words
        self._render()

    def _render(self) -> None:
        detail = self._detail
        self.edit_button.setEnabled(detail is not None)
        older = detail.follow_up_history if detail else ()
        self.history_button.setEnabled(bool(older))
        self.history_button.setText(f"&History ({len(older)})" if older else "&History")
        if detail is None:
            self.browser.setHtml("")
            return
        parts = []
        if detail.follow_up is None:
            parts.append(
                "<p style='color:gray'>The State gave no follow-up to this recommendation.</p>"
            )
        else:
            parts.append(_version_html(detail.follow_up, self._words, "Current"))
        if older and self.history_button.isChecked():
            parts.append("<hr><h4>Earlier versions (newest first)</h4>")
            for n, info in enumerate(reversed(older)):
                parts.append(_version_html(info, self._words, f"Version {len(older) - n}"))
        self.browser.setHtml("".join(parts))
