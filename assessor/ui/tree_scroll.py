"""Rows in view: whether a row is in sight, and keeping the row read in view with context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtWidgets import QAbstractItemView, QTreeView

#: Rows kept visible above and below the recommendation shown when stepping through the tree.
CONTEXT_ROWS = 3


def scroll_with_context(tree: QTreeView, index: QModelIndex) -> None:
    """Bring a row into view with a few rows of context around it.

    Stepping one row at a time would otherwise scroll (and repaint) the whole tree at every
    step once the edge is reached. A row that leaves the margin at the bottom is brought up
    to the top margin (and the reverse), so the tree scrolls about once a screen and the
    rows around the one being read stay visible.
    """
    parent = index.parent()
    while parent.isValid():
        tree.expand(parent)
        parent = parent.parent()
    rect = tree.visualRect(index)
    margin = CONTEXT_ROWS * rect.height()
    view = tree.viewport().rect()
    if rect.isEmpty():  # not laid out yet: let the view place it
        tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    elif rect.bottom() > view.bottom() - margin:
        tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        _nudge(tree, index, lambda r: r.top() >= view.top() + margin, -1)
    elif rect.top() < view.top() + margin:
        tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtBottom)
        _nudge(tree, index, lambda r: r.bottom() <= view.bottom() - margin, +1)


def _nudge(
    tree: QTreeView, index: QModelIndex, placed: Callable[[QRect], bool], direction: int
) -> None:
    """Scroll step by step in a direction until the row is placed (or the end is reached)."""
    bar = tree.verticalScrollBar()
    for _ in range(CONTEXT_ROWS * 4):  # a few single steps, whatever the scroll mode
        if placed(tree.visualRect(index)):
            return
        value = bar.value()
        bar.setValue(value + direction * bar.singleStep())
        if bar.value() == value:
            return


def in_sight(tree: QTreeView, index: QModelIndex) -> bool:
    """Whether a row can be seen: no branch above it is folded."""
    parent = index.parent()
    while parent.isValid():
        if not tree.isExpanded(parent):
            return False
        parent = parent.parent()
    return True
