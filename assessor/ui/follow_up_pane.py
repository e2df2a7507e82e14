"""The State's follow-up: the current text, where it came from, earlier versions on demand."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from assessor.domain.scales import NOT_RATED_LABELS, level_label
from assessor.domain.values import (
    CORRECTED_SOURCE,
    CORRECTION_UNDONE_SOURCE,
    MANUAL_SOURCE,
    FollowUpInfo,
    HistoryEntry,
    Level,
    RecommendationDetail,
    as_utc,
    choice_label,
)
from assessor.i18n import current_language
from assessor.i18n import words as language_words
from assessor.ui.style import Translated, highlight_html
from assessor.ui.translation import QT_TRANSLATE_NOOP, local_text

translate = QCoreApplication.translate


def when(moment: datetime | None, precision: str = "day") -> str:
    """A date as people write it in the window's language ("1 March 2025", « 1er mars 2025 »)."""
    if moment is None:
        return translate("follow_up_pane", "an unknown date")
    return language_words(current_language()).date(moment, precision)


#: Where a follow-up came from, as stored (a prefix and a file's name, or the assessor's words).
SOURCE_PREFIXES = {
    "factsheet ": QT_TRANSLATE_NOOP("follow_up_pane", "factsheet {file}"),
    "questionnaire ": QT_TRANSLATE_NOOP("follow_up_pane", "questionnaire {file}"),
}
SOURCE_WORDS = Translated(
    "follow_up_pane",
    {
        MANUAL_SOURCE: QT_TRANSLATE_NOOP("follow_up_pane", "edited by hand"),
        CORRECTED_SOURCE: QT_TRANSLATE_NOOP("follow_up_pane", "corrected by hand"),
        CORRECTION_UNDONE_SOURCE: QT_TRANSLATE_NOOP("follow_up_pane", "correction undone"),
    },
)


def source_text(source: str) -> str:
    """A stored source in the window's language ("factsheet a.md" → « fiche a.md »)."""
    for prefix, said in SOURCE_PREFIXES.items():
        if source.startswith(prefix):
            return translate("follow_up_pane", said).format(file=source.removeprefix(prefix))
    return SOURCE_WORDS.get(source, source)


#: How the history names the recorded fields of a recommendation.
FIELD_NAMES = Translated(
    "follow_up_pane",
    {
        "rating": QT_TRANSLATE_NOOP("follow_up_pane", "Rating"),
        "rating_kept": QT_TRANSLATE_NOOP("follow_up_pane", "Rating kept after a newer follow-up"),
        "comment": QT_TRANSLATE_NOOP("follow_up_pane", "Comment"),
        "status": QT_TRANSLATE_NOOP("follow_up_pane", "Status"),
        "follow_up": QT_TRANSLATE_NOOP("follow_up_pane", "Follow-up"),
        "follow_up_state_status": QT_TRANSLATE_NOOP("follow_up_pane", "State's status"),
        "follow_up_references": QT_TRANSLATE_NOOP("follow_up_pane", "References"),
        "text": QT_TRANSLATE_NOOP("follow_up_pane", "Recommendation text (re-import)"),
    },
)
#: Fields whose values are choices, shown without quotes.
UNQUOTED = ("rating", "status", "follow_up_state_status")
#: How much of an old or new text a history line shows.
HISTORY_CHARS = 160


def local_time(moment: datetime) -> str:
    """A recorded moment in the user's local time ("3 Mar 2026 14:05")."""
    # Month names in the window's language ("3 Mar 2026 14:05", « 3 mars 2026 14:05 »).
    return local_text(as_utc(moment).astimezone(), "d MMM yyyy HH:mm")


def _value(field: str, value: str | None, levels: Sequence[Level]) -> str:
    if value is None or value == "":
        if field != "rating":
            return translate("follow_up_pane", "<i>none</i>")
        not_rated = NOT_RATED_LABELS.get(current_language(), NOT_RATED_LABELS["en"])
        return f"<i>{html.escape(not_rated)}</i>"
    if field == "rating":
        lang = current_language()
        value = next((level_label(lv, lang) for lv in levels if lv.key == value), value)
    elif field in ("status", "follow_up_state_status"):
        value = choice_label(value)  # « définitive », « en cours »
    flat = " ".join(value.split())
    if len(flat) > HISTORY_CHARS:
        flat = flat[:HISTORY_CHARS].rsplit(" ", 1)[0] + "…"
    return f"“{html.escape(flat)}”" if field not in UNQUOTED else html.escape(flat)


def changes_html(entries: Sequence[HistoryEntry], levels: Sequence[Level]) -> str:
    """The recorded changes, newest first: when, by whom, which field, old → new."""
    if not entries:
        return translate("follow_up_pane", "<p style='color:gray'>No change recorded yet.</p>")
    rows = []
    for e in reversed(entries):
        who = html.escape(e.by) if e.by else translate("follow_up_pane", "<i>unknown</i>")
        name = FIELD_NAMES.get(e.field, e.field.replace("_", " ").capitalize())
        if e.field == "rating_kept":  # nothing changed but the review: the rating that stands
            change = (
                _value("rating", e.new, levels)
                if e.new is not None
                else translate("follow_up_pane", "<i>undone</i>")
            )
        else:
            change = f"{_value(e.field, e.old, levels)} → {_value(e.field, e.new, levels)}"
        rows.append(
            f"<tr><td style='padding-right:8px'><small>{local_time(e.at)}<br>{who}</small></td>"
            "<td>"
            + translate("follow_up_pane", "<b>{field}</b>: {change}").format(
                field=html.escape(name), change=change
            )
            + "</td></tr>"
        )
    return "<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"


def _source_line(info: FollowUpInfo) -> str:
    """Where a version came from and when: "questionnaire q.xlsx, received 3 March 2025"."""
    source = html.escape(
        source_text(info.source) if info.source else translate("follow_up_pane", "unknown source")
    )
    received = when(info.received_at, info.received_precision)
    month = info.received_precision == "month"  # « reçu en mars 2025 », « reçu le 3 mars 2025 »
    if info.superseded_at:
        said = (
            translate("follow_up_pane", "{source}, received {month}, replaced {replaced}")
            if month
            else translate("follow_up_pane", "{source}, received {received}, replaced {replaced}")
        )
        return said.format(
            source=source, month=received, received=received, replaced=when(info.superseded_at)
        )
    if month:
        return translate("follow_up_pane", "{source}, received {month}").format(
            source=source, month=received
        )
    return translate("follow_up_pane", "{source}, received {received}").format(
        source=source, received=received
    )


def _version_html(info: FollowUpInfo, words: Sequence[str], heading: str) -> str:
    return (
        f"<p style='margin-bottom:0'><small><b>{heading}</b> — {_source_line(info)}</small></p>"
        + _state_html(info)
        + highlight_html(info.text, words)
    )


#: How much of a folded earlier version the timeline shows.
FOLDED_CHARS = 110


def _folded_html(info: FollowUpInfo, number: int, words: Sequence[str], is_open: bool) -> str:
    """One earlier version in the timeline: a line that opens or folds it, its text if open."""
    arrow = "▾" if is_open else "▸"
    head = (
        f"<p style='margin-top:6px;margin-bottom:0'><a href='version:{info.id}' "
        f"style='text-decoration:none'>{arrow} <b>"
        + translate("follow_up_pane", "Version {number}").format(number=number)
        + "</b></a>"
        f" <small>— {_source_line(info)}</small></p>"
    )
    if is_open:
        return head + _state_html(info) + highlight_html(info.text, words)
    flat = " ".join(info.text.split())
    if len(flat) > FOLDED_CHARS:
        flat = flat[:FOLDED_CHARS].rsplit(" ", 1)[0] + "…"
    return head + f"<p style='color:gray;margin-top:0'><small>{html.escape(flat)}</small></p>"


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
        self.title = QLabel(self.tr("<b>State’s follow-up</b>"))
        self.history_button = QPushButton(self.tr("Hi&story"))  # Alt+H is the Help menu's
        self.history_button.setCheckable(True)
        self.history_button.setAccessibleName(self.tr("Show the history"))
        self.history_button.setToolTip(
            self.tr(
                "Earlier versions of this follow-up, and every recorded change of the rating, "
                "comment, status and follow-up: when and by whom"
            )
        )
        self.edit_button = QPushButton(self.tr("E&dit…"))  # Alt+E is the Edit menu's
        self.edit_button.setAccessibleName(self.tr("Correct the follow-up"))
        self.edit_button.setToolTip(
            self.tr("Correct an import error; the current text is kept in the history")
        )
        self.browser = QTextBrowser()
        # A scroll bar that comes and goes makes every step lay the text out twice.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.setAccessibleName(self.tr("State’s follow-up"))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.history_button)
        header.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.browser)
        self.browser.setOpenLinks(False)  # a version's line opens or folds it
        self.browser.anchorClicked.connect(self._link)
        self.history_button.toggled.connect(lambda _on: self._render())
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self._detail: RecommendationDetail | None = None
        self._words: Sequence[str] = ()
        self._html: str | None = None
        self._read_only = False
        #: The earlier versions opened in the timeline (folded otherwise), by follow-up id.
        self.opened: set[int] = set()
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
        if detail is None or self._detail is None or detail.id != self._detail.id:
            self.opened = set()  # another recommendation: its earlier versions start folded
        self._detail, self._words = detail, words
        self._render()

    def toggle_version(self, follow_up_id: int) -> None:
        """Open an earlier version in the timeline, or fold it again."""
        self.opened ^= {follow_up_id}
        bar = self.browser.verticalScrollBar()
        at = bar.value()  # the click stays where it was, not back at the top
        self._render()
        bar.setValue(at)

    def _link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "version" and value.isdigit():
            self.toggle_version(int(value))

    def _render(self) -> None:
        detail = self._detail
        self.edit_button.setEnabled(detail is not None and not self._read_only)
        older = detail.follow_up_history if detail else ()
        # Always available: ratings and comments have a history even without older versions.
        self.history_button.setEnabled(detail is not None)
        self.history_button.setText(
            self.tr("Hi&story ({count})").format(count=len(older)) if older else self.tr("Hi&story")
        )
        if detail is None:
            self._set_html("")
            return
        parts = []
        if detail.follow_up is None:
            parts.append(
                self.tr(
                    "<p style='color:gray'>The State gave no follow-up to this recommendation.</p>"
                )
            )
        else:
            parts.append(_version_html(detail.follow_up, self._words, self.tr("Current")))
        # The whole record, newest first: every earlier answer with its source and date,
        # folded to a line (opened by a click, or all of them with History).
        showing_all = self.history_button.isChecked()
        if older:
            parts.append(
                "<hr><h4 style='margin-bottom:0'>"
                + self.tr("Earlier versions (newest first)")
                + "</h4>"
            )
            for n, info in enumerate(reversed(older)):
                is_open = showing_all or info.id in self.opened
                parts.append(_folded_html(info, len(older) - n, self._words, is_open))
        if showing_all and self.load_history is not None:
            # Read only now: the step to the next recommendation does not pay for it.
            entries = self.load_history(detail.id)
            parts.append("<hr><h4>" + self.tr("Changes (newest first)") + "</h4>")
            parts.append(changes_html(entries, detail.levels))
        self._set_html("".join(parts))
