"""A digit typed in the factsheet tree while the Rate menu's keys are off (the cursor is not on
the recommendation shown) is stopped and explained, rather than letting the tree jump to a row
starting with that digit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeView


class DigitKeys(QObject):
    """Watches the tree's keys: ``explain()`` runs for a digit when ``on_shown()`` is False."""

    def __init__(
        self, tree: QTreeView, on_shown: Callable[[], bool], explain: Callable[[], None]
    ) -> None:
        super().__init__(tree)
        self.tree, self.on_shown, self.explain = tree, on_shown, explain
        tree.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A digit reaches the tree only when the Rate menu's keys are off: say why, rather
        # than let the tree jump to a row starting with that digit.
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and not self.on_shown()
        ):
            self.explain()
            return True
        return super().eventFilter(watched, event)
