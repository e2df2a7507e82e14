"""The State's follow-up: the current text, where it came from, earlier versions on demand."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from assessor.domain.scales import NOT_RATED_LABEL
from assessor.domain.values import FollowUpInfo, HistoryEntry, Level, RecommendationDetail, as_utc
from assessor.ui.style import highlight_html


def when(moment: datetime | None) -> str:
    """A date as people write it ("1 March 2025")."""
    if moment is None:
        return "an unknown date"
    return f"{moment.day} {moment:%B %Y}"


#: How the history names the recorded fields of a recommendation.
FIELD_NAMES = {
    "rating": "Rating",
    "rating_kept": "Rating kept after a newer follow-up",
    "comment": "Comment",
    "status": "Status",
    "follow_up": "Follow-up",
    "follow_up_state_status": "State's status",
    "follow_up_references": "References",
    "text": "Recommendation text (re-import)",
}
#: Fields whose values are choices, shown without quotes.
UNQUOTED = ("rating", "status", "follow_up_state_status")
#: How much of an old or new text a history line shows.
HISTORY_CHARS = 160


def local_time(moment: datetime) -> str:
    """A recorded moment in the user's local time ("3 Mar 2026 14:05")."""
    local = as_utc(moment).astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"


def _value(field: str, value: str | None, levels: Sequence[Level]) -> str:
    if value is None or value == "":
        return "<i>none</i>" if field != "rating" else f"<i>{html.escape(NOT_RATED_LABEL)}</i>"
    if field == "rating":
        value = next((lv.label for lv in levels if lv.key == value), value)
    flat = " ".join(value.split())
    if len(flat) > HISTORY_CHARS:
        flat = flat[:HISTORY_CHARS].rsplit(" ", 1)[0] + "…"
    return f"“{html.escape(flat)}”" if field not in UNQUOTED else html.escape(flat)


def changes_html(entries: Sequence[HistoryEntry], levels: Sequence[Level]) -> str:
    """The recorded changes, newest first: when, by whom, which field, old → new."""
    if not entries:
        return "<p style='color:gray'>No change recorded yet.</p>"
    rows = []
    for e in reversed(entries):
        who = html.escape(e.by) if e.by else "<i>unknown</i>"
        name = FIELD_NAMES.get(e.field, e.field.replace("_", " ").capitalize())
        if e.field == "rating_kept":  # nothing changed but the review: the rating that stands
            change = _value("rating", e.new, levels) if e.new is not None else "<i>undone</i>"
        else:
            change = f"{_value(e.field, e.old, levels)} → {_value(e.field, e.new, levels)}"
        rows.append(
            f"<tr><td style='padding-right:8px'><small>{local_time(e.at)}<br>{who}</small></td>"
            f"<td><b>{html.escape(name)}</b>: {change}</td></tr>"
        )
    return "<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"


def _version_html(info: FollowUpInfo, words: Sequence[str], heading: str) -> str:
    source = html.escape(info.source or "unknown source")
    return (
        f"<p style='margin-bottom:0'><small><b>{heading}</b> — {source}, received "
        f"{when(info.received_at)}"
        + (f", replaced {when(info.superseded_at)}" if info.superseded_at else "")
        + "</small></p>"
        + _state_html(info)
        + highlight_html(info.text, words)
    )


def _state_html(info: FollowUpInfo) -> str:
    """The State's own status and references, a small line above the text; none if neither."""
    line = info.state_line
    if not line:
        return ""
    return f"<p style='margin-top:2px;margin-bottom:0'><small>{html.escape(line)}</small></p>"


class FollowUpPane(QWidget):
    """Shows the follow-up; emits ``edit_requested`` for "Edit…"."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("<b>State’s follow-up</b>")
        self.history_button = QPushButton("Hi&story")  # Alt+H is the Help menu's
        self.history_button.setCheckable(True)
        self.history_button.setAccessibleName("Show the history")
        self.history_button.setToolTip(
            "Earlier versions of this follow-up, and every recorded change of the rating, "
            "comment, status and follow-up: when and by whom"
        )
        self.edit_button = QPushButton("E&dit…")  # Alt+E is the Edit menu's
        self.edit_button.setAccessibleName("Correct the follow-up")
        self.edit_button.setToolTip(
            "Correct an import error; the current text is kept in the history"
        )
        self.browser = QTextBrowser()
        # A scroll bar that comes and goes makes every step lay the text out twice.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
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
        self._html: str | None = None
        self._read_only = False
        #: Reads a recommendation's recorded changes; asked only when the history is shown.
        self.load_history: Callable[[int], Sequence[HistoryEntry]] | None = None
        self._render()

    def set_read_only(self, on: bool) -> None:
        """Hide the way to correct the follow-up (the database is open read-only)."""
        self._read_only = on
        self.edit_button.setVisible(not on)

    def _set_html(self, text: str) -> None:
        # Unchanged content (no follow-up, again) is not parsed and laid out again.
        if text != self._html:
            self._html = text
            self.browser.setHtml(text)

    def show_detail(self, detail: RecommendationDetail | None, words: Sequence[str] = ()) -> None:
        """Show a recommendation's follow-up (None: nothing chosen)."""
        self._detail, self._words = detail, words
        self._render()

    def _render(self) -> None:
        detail = self._detail
        self.edit_button.setEnabled(detail is not None and not self._read_only)
        older = detail.follow_up_history if detail else ()
        # Always available: ratings and comments have a history even without older versions.
        self.history_button.setEnabled(detail is not None)
        self.history_button.setText(f"Hi&story ({len(older)})" if older else "Hi&story")
        if detail is None:
            self._set_html("")
            return
        parts = []
        if detail.follow_up is None:
            parts.append(
                "<p style='color:gray'>The State gave no follow-up to this recommendation.</p>"
            )
        else:
            parts.append(_version_html(detail.follow_up, self._words, "Current"))
        if self.history_button.isChecked():
            if older:
                parts.append("<hr><h4>Earlier versions (newest first)</h4>")
                for n, info in enumerate(reversed(older)):
                    parts.append(_version_html(info, self._words, f"Version {len(older) - n}"))
            if self.load_history is not None:
                # Read only now: the step to the next recommendation does not pay for it.
                entries = self.load_history(detail.id)
                parts.append("<hr><h4>Changes (newest first)</h4>")
                parts.append(changes_html(entries, detail.levels))
        self._set_html("".join(parts))
