"""The rating widget: the round's scale as a row of labelled, coloured buttons (keys 1…N, 0)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from assessor.domain.scales import NOT_RATED_LABELS, level_label, level_labels
from assessor.domain.values import Level
from assessor.i18n import current_language
from assessor.ui.style import NOT_RATED_COLOR, text_color_on


def level_style(color: str) -> str:
    """The style sheet of a level's button: its colour as a left edge always, filled when chosen.

    Only a complete border (every side, with a background) makes the style sheet engine draw
    the box itself: a lone ``border-left`` is ignored by Fusion and the native styles, and the
    colour showed only once the button was checked. Text keeps the palette's colours, so it
    reads on light and dark palettes; a chosen button gets the text colour its fill needs.
    """
    fill = QColor(color)
    ink = text_color_on(fill).name()
    edge = f"border-left: 6px solid {fill.name()};"
    return (
        "QPushButton { border: 1px solid palette(mid); border-radius: 3px; "
        f"background: palette(button); padding: 5px 6px; {edge} }}"
        f"QPushButton:hover {{ background: palette(midlight); {edge} }}"
        f"QPushButton:pressed {{ background: palette(mid); {edge} }}"
        f"QPushButton:checked {{ background: {fill.name()}; color: {ink}; font-weight: bold; "
        f"border-color: {fill.darker(130).name()}; {edge} }}"
        # A focus ring that does not move the text: one pixel more border, one less padding.
        f"QPushButton:focus {{ border: 2px solid palette(highlight); padding: 4px 5px; {edge} }}"
    )


class RatingButton(QPushButton):
    """A level's button: its key digit always shown, then as much of its short label as fits.

    The full label is the tooltip and the accessible name. On a narrow window the label is
    cut with "…" after the digit ("3 Not impl…"), never before it (". Not implemente").
    """

    def __init__(self, digit: str, short: str, full: str, mnemonic: bool) -> None:
        super().__init__()
        self.digit, self.short, self.full = digit, short, full
        self._mnemonic = mnemonic
        self.setCheckable(True)
        self.setAccessibleName(full)
        self.setToolTip(self.tr("{label} — key {digit}").format(label=full, digit=digit))
        self._fit()

    def shown_text(self) -> str:
        """The text as drawn (without the mnemonic's ampersand)."""
        return self.text().replace("&", "", 1) if self._mnemonic else self.text()

    def _bold_metrics(self) -> QFontMetrics:
        bold = self.font()
        bold.setBold(True)  # as it is drawn when chosen: the widest it gets
        return QFontMetrics(bold)

    def room(self) -> int:
        """The width the text may take inside the border, padding and colour edge."""
        return self.width() - BUTTON_CHROME

    def _fit(self) -> None:
        metrics = self._bold_metrics()
        head = f"{self.digit} "
        label = metrics.elidedText(
            self.short,
            Qt.TextElideMode.ElideRight,
            max(0, self.room() - metrics.horizontalAdvance(head)),
        )
        if not label.strip("…"):  # not even a letter: the digit alone
            label = ""
        text = (("&" if self._mnemonic else "") + head + label).rstrip()
        if text != self.text():
            self.setText(text)

    def minimum_text_width(self) -> int:
        """Room for the digit and the first letters of the label ("3 Not…")."""
        metrics = self._bold_metrics()
        return metrics.horizontalAdvance(f"{self.digit} {self.short[:3]}…") + BUTTON_CHROME

    def whole_text_width(self) -> int:
        """Room for the digit and the whole short label."""
        return (
            self._bold_metrics().horizontalAdvance(f"{self.digit} {self.short}") + BUTTON_CHROME + 4
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


#: The colour edge, padding and border of a level's button, left and right (see level_style),
#: and a pixel or two of the style's own margin.
BUTTON_CHROME = 6 + 2 * 6 + 1 + 3


class RatingWidget(QWidget):
    """One checkable button per level and one to clear; emits ``rating_chosen(key or None)``."""

    rating_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rating"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str | None, RatingButton] = {}
        self._levels: tuple[Level, ...] = ()
        self._current: str | None = None
        self._blank = False  # nothing shown: no button checked

    def set_levels(self, levels: Sequence[Level]) -> bool:
        """Offer a scale's levels; rebuilt (True) only when the scale differs."""
        if tuple(levels) == self._levels:
            return False
        self._levels = tuple(levels)
        for button in self.buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons = {}
        # In the window's language: the scale's French labels (its own, else the preset's).
        lang = current_language()
        shorts = level_labels(levels, lang, short=True)
        entries: list[tuple[str | None, str, str, str, str]] = [
            (lv.key, str(n), short, level_label(lv, lang), lv.color)
            for n, (lv, short) in enumerate(zip(levels, shorts, strict=True), 1)
        ]
        not_rated = NOT_RATED_LABELS.get(lang, NOT_RATED_LABELS["en"])
        entries.append((None, "0", not_rated, not_rated, NOT_RATED_COLOR))
        for key, digit, short, full, color in entries:
            # Past nine levels the digits are no longer keys: no mnemonic then.
            button = RatingButton(digit, short, full, mnemonic=len(levels) <= 9)
            # Shares the row's width with the others rather than widen the whole window; the
            # button that clears keeps its whole (short) text, as no colour tells it apart.
            wide = QSizePolicy.Policy.Ignored if key is not None else QSizePolicy.Policy.Minimum
            button.setSizePolicy(wide, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(
                button.minimum_text_width() if key is not None else button.whole_text_width()
            )
            button.setStyleSheet(level_style(color))
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            self._group.addButton(button)
            self._layout.addWidget(button)
            self.buttons[key] = button
        if self._blank:
            self.show_nothing()
        else:
            self.set_rating(self._current)
        return True

    def levels(self) -> tuple[Level, ...]:
        """The levels offered, in order (key n rates with the n-th)."""
        return self._levels

    def set_rating(self, key: str | None) -> None:
        """Show ``key`` as chosen (None: not yet rated), without emitting anything."""
        self._current = key
        self._blank = False
        button = self.buttons.get(key) or self.buttons.get(None)
        if button is not None:
            button.setChecked(True)

    def show_nothing(self) -> None:
        """No recommendation shown: no button is checked (not even "not yet rated")."""
        self._current = None
        self._blank = True
        # An exclusive group keeps one button checked; it lets go only while not exclusive.
        self._group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self._group.setExclusive(True)

    def rating(self) -> str | None:
        """The key shown as chosen."""
        return self._current

    def _choose(self, key: str | None) -> None:
        self.rating_chosen.emit(key)
