"""The rating widget: the round's scale as a row of labelled, coloured buttons (keys 1…N, 0)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from assessor.domain.scales import NOT_RATED_LABEL
from assessor.domain.values import Level
from assessor.ui.style import NOT_RATED_COLOR, short_labels, text_color_on


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
        f"background: palette(button); padding: 5px 8px; {edge} }}"
        f"QPushButton:hover {{ background: palette(midlight); {edge} }}"
        f"QPushButton:pressed {{ background: palette(mid); {edge} }}"
        f"QPushButton:checked {{ background: {fill.name()}; color: {ink}; font-weight: bold; "
        f"border-color: {fill.darker(130).name()}; {edge} }}"
        # A focus ring that does not move the text: one pixel more border, one less padding.
        f"QPushButton:focus {{ border: 2px solid palette(highlight); padding: 4px 7px; {edge} }}"
    )


class RatingWidget(QWidget):
    """One checkable button per level and one to clear; emits ``rating_chosen(key or None)``."""

    rating_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Rating")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str | None, QPushButton] = {}
        self._levels: tuple[Level, ...] = ()
        self._current: str | None = None
        self._blank = False  # nothing shown: no button checked
        self._texts: tuple[list[str], list[str]] = ([], [])

    def set_levels(self, levels: Sequence[Level]) -> None:
        """Offer a scale's levels (rebuilt only when the scale differs)."""
        if tuple(levels) == self._levels:
            return
        self._levels = tuple(levels)
        for button in self.buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons = {}
        entries: list[tuple[str | None, str, str, str]] = [
            (lv.key, f"&{n} {lv.label}", str(n), lv.color) for n, lv in enumerate(levels, 1)
        ]
        entries.append((None, f"&0 {NOT_RATED_LABEL}", "0", NOT_RATED_COLOR))
        for key, text, shortcut, color in entries:
            button = QPushButton(text.replace("&", "", 1) if len(levels) > 9 else text)
            button.setCheckable(True)
            button.setAccessibleName(text.replace("&", "").split(" ", 1)[1])
            button.setToolTip(f"{button.accessibleName()} — key {shortcut}")
            # May shrink below its text on a narrow window rather than widen the whole window;
            # the button that clears keeps its whole (short) text, as no colour tells it apart.
            wide = QSizePolicy.Policy.Ignored if key is not None else QSizePolicy.Policy.Minimum
            button.setSizePolicy(wide, QSizePolicy.Policy.Fixed)
            bold = button.font()
            bold.setBold(True)  # as it is drawn when chosen
            button.setMinimumWidth(
                QFontMetrics(bold).horizontalAdvance(f"0 {NOT_RATED_LABEL}") + 36
                if key is None
                else button.fontMetrics().averageCharWidth() * 11 + 20
            )
            button.setStyleSheet(level_style(color))
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            self._group.addButton(button)
            self._layout.addWidget(button)
            self.buttons[key] = button
        full = [b.text() for b in self.buttons.values()]
        shorts = [*short_labels([lv.label for lv in levels]), NOT_RATED_LABEL]
        self._texts = (
            full,
            [
                f"&{n} {label}"
                for n, label in zip([*range(1, len(levels) + 1), 0], shorts, strict=True)
            ],
        )
        self._fit_texts()
        if self._blank:
            self.show_nothing()
        else:
            self.set_rating(self._current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_texts()

    def _fit_texts(self) -> None:
        """Full labels when they fit, short ones ("2 Partly") on a narrow window: never clipped."""
        if not self.buttons or not self._texts[0]:
            return
        buttons = list(self.buttons.values())
        metrics = buttons[0].fontMetrics()
        needed = sum(metrics.horizontalAdvance(t.replace("&", "")) + 64 for t in self._texts[0])
        texts = self._texts[0] if needed <= self.width() else self._texts[1]
        for button, text in zip(buttons, texts, strict=True):
            if button.text() != text:
                button.setText(text)

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
