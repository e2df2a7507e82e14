"""A tab widget that does not repaint the whole window when a label inside it changes.

A ``QTabWidget`` answers every layout request from below (a label of the assessment pane got
a new text, so its layout was redone, and its parents' after it) by laying its tab bar and page
out again **and repainting itself whole** — with everything in it: the whole window. On the
workbench that was a third to a half of each step to the next recommendation. The request
changes nothing for the tab widget when the sizes it lays out by are the same: then it is
dropped. A resize, a new tab, a font or style change still lay the tabs out (the tab widget
does those itself, not through this request).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget


class QuietTabWidget(QTabWidget):
    """A ``QTabWidget`` that drops layout requests changing none of its sizes."""

    def __init__(self) -> None:
        super().__init__()
        self._sizes: tuple[tuple[int, int], ...] | None = None
        self._hint_sizes: tuple[tuple[int, int], ...] | None = None
        #: Layout requests let through and dropped (for the benchmark and the tests).
        self.passed = self.dropped = 0

    def _layout_sizes(self) -> tuple[tuple[int, int], ...]:
        """What the tab widget lays its bar and page out by: the bar's hints and its own size."""
        bar = self.tabBar()
        return tuple(
            (size.width(), size.height())
            for size in (bar.sizeHint(), bar.minimumSizeHint(), self.size())
        )

    def _hints(self) -> tuple[tuple[int, int], ...]:
        return tuple(
            (size.width(), size.height()) for size in (self.sizeHint(), self.minimumSizeHint())
        )

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.LayoutRequest:
            sizes, hints = self._layout_sizes(), self._hints()
            if sizes == self._sizes:
                # Nothing to lay out again here; the window above still hears of new hints.
                if hints != self._hint_sizes:
                    self._hint_sizes = hints
                    self.updateGeometry()
                self.dropped += 1
                return True
            self._sizes, self._hint_sizes = sizes, hints
            self.passed += 1
        return super().event(e)
