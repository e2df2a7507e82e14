"""Paints tree rows (drawn by ``tree_row_painter``) from a cache of the rows painted."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from assessor.ui.tree_model import FactsheetTreeModel
from assessor.ui.tree_row_painter import PAD, Look, paint_row, row_of

#: Rows kept painted: a screenful many times over (a row is some 45 kB of pixels).
CACHED_ROWS = 400
#: Looks kept: a row's states (selected, focused, hovered…) at the sizes the tree had lately.
CACHED_LOOKS = 32


class TreeDelegate(QStyledItemDelegate):
    """Draws one row per recommendation or heading; uniform heights keep scrolling cheap."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = QFontMetrics(option.font).height() + 2 * PAD + 2
        return QSize(200, height)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Painting a row costs ~0.3 ms of Python; stepping scrolls the tree at every step, and
        # a repaint of the whole viewport (30 rows) would blow the 16 ms budget. Rows are
        # painted once into a pixmap and reused until anything they show changes (the key).
        self._pixmaps: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        # What rows of one state, size, palette and font share (tree_row_painter.Look).
        self._looks: dict[tuple[object, ...], Look] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        model = index.model()
        shown = (
            model.paint_key(index)
            if isinstance(model, FactsheetTreeModel)
            else (index.internalId(), index.data(Qt.ItemDataRole.DisplayRole))
        )
        ratio = painter.device().devicePixelRatioF()
        look_key = (
            option.state.value,
            rect.width(),
            rect.height(),
            option.palette.cacheKey(),
            option.font.key(),
            ratio,
        )
        key = (*shown, *look_key)  # one call into the model rather than one per role
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            look = self._looks.get(look_key)
            if look is None:
                if len(self._looks) >= CACHED_LOOKS:
                    self._looks.clear()
                look = self._looks[look_key] = Look(self, option, index, ratio)
            pixmap = paint_row(look, row_of(index))
            self._pixmaps[key] = pixmap
            if len(self._pixmaps) > CACHED_ROWS:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), pixmap)
