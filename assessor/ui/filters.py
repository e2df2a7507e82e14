"""The bar of filter controls above the factsheet tree (the state it edits is `domain.filters`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.filters import FOLLOW_UP_CHOICES, SCOPE_CHOICES, VERB_CHOICES, FilterState
from assessor.domain.scales import NOT_RATED_LABELS, level_label
from assessor.domain.values import Level
from assessor.i18n import current_language
from assessor.ui.translation import QT_TRANSLATE_NOOP

#: How long typing in the search box pauses before the search runs.
SEARCH_DELAY_MS = 250
#: The domain's choices (English), marked for the window's catalogue; shown through tr().
CHOICE_WORDS = (
    QT_TRANSLATE_NOOP("FilterBar", "All verbs"),
    QT_TRANSLATE_NOOP("FilterBar", "Require + request (in scope)"),
    QT_TRANSLATE_NOOP("FilterBar", "Require (R)"),
    QT_TRANSLATE_NOOP("FilterBar", "Request (Q)"),
    QT_TRANSLATE_NOOP("FilterBar", "Invite (I)"),
    QT_TRANSLATE_NOOP("FilterBar", "Specific and generic"),
    QT_TRANSLATE_NOOP("FilterBar", "Specific"),
    QT_TRANSLATE_NOOP("FilterBar", "Generic"),
    QT_TRANSLATE_NOOP("FilterBar", "Any follow-up"),
    QT_TRANSLATE_NOOP("FilterBar", "With a follow-up"),
    QT_TRANSLATE_NOOP("FilterBar", "Without a follow-up"),
    QT_TRANSLATE_NOOP("FilterBar", "↻ Newer than the rating"),
)


class FilterCounts(QObject):
    """The count's words (Qt's lupdate reads a plural only from ``self.tr``)."""

    def all(self, total: int) -> str:
        return self.tr("All %n recommendation(s)", "", total)

    def showing(self, total: int) -> str:
        return self.tr("Showing {shown} of %n recommendation(s)", "", total)


class SearchEdit(QLineEdit):
    """The search box: Esc clears the search, and a second Esc leaves the box."""

    cleared = Signal()
    leave_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if self.text():
                self.clear()
                self.cleared.emit()
            else:
                self.leave_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    """Search box, filter choices and the count of what is shown."""

    filters_changed = Signal(object)
    #: Esc in an empty search box: the keyboard should go back to the tree.
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchEdit()
        self.search.setPlaceholderText(self.tr("Search texts, follow-ups and comments (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setToolTip(self.tr("Esc clears the search; Esc again goes back to the tree."))
        self.verb = self._combo(self.tr("Verb filter"), VERB_CHOICES)
        self.scope = self._combo(self.tr("Scope filter"), SCOPE_CHOICES)
        self.rating = self._combo(self.tr("Rating filter"), (("all", self.tr("Any rating")),))
        self.follow_up = self._combo(self.tr("Follow-up filter"), FOLLOW_UP_CHOICES)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Shown recommendations"))
        self.count.setWordWrap(True)  # a longer count must not widen the pane
        self.clear = QPushButton(self.tr("Clear filters"))
        self.clear.setAccessibleName(self.tr("Clear filters"))
        self.clear.clicked.connect(self.reset)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.verb, 0, 0)
        grid.addWidget(self.scope, 0, 1)
        grid.addWidget(self.rating, 1, 0)
        grid.addWidget(self.follow_up, 1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(grid)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._emit)
        self.search.cleared.connect(self._emit)  # Esc: everything again at once, no pause
        self.search.leave_requested.connect(self.leave_requested)
        for combo in (self.verb, self.scope, self.rating, self.follow_up):
            combo.currentIndexChanged.connect(self._emit)
        self._quiet = False
        self._levels: tuple[Level, ...] | None = None
        self._update_clear()

    def _combo(self, name: str, choices: Sequence[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        for key, label in choices:
            combo.addItem(self.tr(label), key)
        return combo

    def set_levels(self, levels: Sequence[Level]) -> None:
        """Offer the rating levels of the shown factsheet's scale (rebuilt only if it differs)."""
        if tuple(levels) == self._levels:
            return  # every step passes the levels; rebuilding the combo costs a relayout
        self._levels = tuple(levels)
        current = self.rating.currentData()
        self._quiet = True
        self.rating.clear()
        lang = current_language()
        self.rating.addItem(self.tr("Any rating"), "all")
        self.rating.addItem(NOT_RATED_LABELS.get(lang, NOT_RATED_LABELS["en"]), "unrated")
        for level in levels:
            self.rating.addItem(level_label(level, lang), level.key)
        index = self.rating.findData(current)
        self.rating.setCurrentIndex(max(index, 0))
        self._quiet = False

    def state(self) -> FilterState:
        """The filter state the controls show."""
        return FilterState(
            verb=self.verb.currentData() or "all",
            scope=self.scope.currentData() or "all",
            rating=self.rating.currentData() or "all",
            follow_up=self.follow_up.currentData() or "all",
            query=self.search.text().strip(),
        )

    def set_state(self, state: FilterState) -> None:
        """Show ``state`` in the controls and emit it once."""
        self._quiet = True
        for combo, value in (
            (self.verb, state.verb),
            (self.scope, state.scope),
            (self.rating, state.rating),
            (self.follow_up, state.follow_up),
        ):
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
        self.search.setText(state.query)
        self._quiet = False
        self._emit()

    def reset(self) -> None:
        """Show everything again."""
        self.set_state(replace(FilterState()))

    def show_count(self, shown: int, total: int) -> None:
        """Say how many recommendations are shown."""
        if shown == total:
            self.count.setText(FilterCounts().all(total))
        else:
            self.count.setText(FilterCounts().showing(total).format(shown=shown))

    def _update_clear(self) -> None:
        self.clear.setEnabled(self.state().is_active)

    def _emit(self) -> None:
        if self._quiet:
            return
        self._timer.stop()
        self._update_clear()
        self.filters_changed.emit(self.state())


__all__ = ["FilterBar", "Qt", "SearchEdit"]
