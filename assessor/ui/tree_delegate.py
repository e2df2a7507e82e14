"""Paints tree rows: verb badge, codes, text and rating chip; progress on headings."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from assessor.ui.style import text_color_on, verb_badge
from assessor.ui.tree_model import (
    ROLE_CODES,
    ROLE_FINAL,
    ROLE_KIND,
    ROLE_PROGRESS,
    ROLE_RATING_COLOR,
    ROLE_RATING_LABEL,
    ROLE_VERB,
    FactsheetTreeModel,
)
from assessor.ui.tree_text import FINAL_MARK, REVIEW_MARK

PAD = 4
#: Rows kept painted: a screenful many times over (a row is a few kB of pixels).
CACHED_ROWS = 400


def selected_text(opt: QStyleOptionViewItem) -> bool:
    """Whether the row is drawn selected (its marks then take the highlighted text colour)."""
    return bool(opt.state & QStyle.StateFlag.State_Selected)


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
        key = (
            *shown,  # one call into the model rather than one per role
            option.state.value,
            rect.width(),
            rect.height(),
            option.palette.cacheKey(),
            option.font.key(),
            painter.device().devicePixelRatioF(),
        )
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            ratio = painter.device().devicePixelRatioF()
            pixmap = QPixmap(rect.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(QPoint(0, 0), rect.size())
            row_painter = QPainter(pixmap)
            self._paint_row(row_painter, local, index)
            row_painter.end()
            self._pixmaps[key] = pixmap
            if len(self._pixmaps) > CACHED_ROWS:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        text = opt.text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        fg = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(fg)
        if not selected:
            dim.setAlphaF(0.65)
        rect = opt.rect.adjusted(PAD, 0, -PAD, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        kind = index.data(ROLE_KIND)
        if kind == "recommendation":
            self._paint_recommendation(painter, opt, index, rect, fg, dim)
        else:
            self._paint_heading(painter, opt, index, rect, text, fg, dim, kind)
        painter.restore()

    def _paint_heading(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        text: str,
        fg: QColor,
        dim: QColor,
        kind: str,
    ) -> None:
        font = QFont(opt.font)
        font.setBold(kind in ("factsheet", "chapter"))
        progress = index.data(ROLE_PROGRESS) or ""
        metrics = QFontMetrics(opt.font)
        progress_width = metrics.horizontalAdvance(progress) + 2 * PAD if progress else 0
        if progress:
            painter.setPen(dim)
            painter.setFont(opt.font)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, progress
            )
        painter.setFont(font)
        painter.setPen(fg)
        title_rect = rect.adjusted(0, 0, -progress_width, 0)
        elided = QFontMetrics(font).elidedText(
            text, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
        )

    def _paint_recommendation(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        fg: QColor,
        dim: QColor,
    ) -> None:
        metrics = QFontMetrics(opt.font)
        h = metrics.height()
        letter, fill = verb_badge(index.data(ROLE_VERB))
        badge = QRect(rect.left(), rect.center().y() - h // 2, h + 2, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, 3, 3)
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color_on(fill))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, letter)

        # The rating chip has one width for every row so that chips line up in a column; on a
        # narrow tree it gives up to a third of the row, its label cut ("Not impl…"), so that
        # the codes and the start of the text stay readable.
        full = metrics.horizontalAdvance("Not implemented") + 3 * PAD
        least = metrics.horizontalAdvance("Partly") + 3 * PAD
        chip_width = min(full, max(least, opt.rect.width() // 3))
        chip = QRect(rect.right() - chip_width, rect.center().y() - h // 2 - 1, chip_width, h + 2)
        label = str(index.data(ROLE_RATING_LABEL) or "")
        review = label.startswith(REVIEW_MARK)  # a follow-up newer than the rating
        label = label.removeprefix(REVIEW_MARK).strip()
        if label:
            color = QColor(index.data(ROLE_RATING_COLOR) or "#757575")
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(chip, h // 2, h // 2)
            painter.setPen(text_color_on(color))
            painter.setFont(opt.font)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, chip_width - 2 * PAD)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown)

        if not label:  # unrated rows give the chip's room to the text
            chip = QRect(rect.right(), chip.top(), 0, chip.height())
        if review:  # the mark stands before the chip, in the text's colour: never cut
            mark_width = metrics.horizontalAdvance(REVIEW_MARK) + PAD
            mark = QRect(chip.left() - mark_width - PAD, chip.top(), mark_width, chip.height())
            painter.setFont(bold)
            painter.setPen(fg)
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, REVIEW_MARK)
            chip = chip.adjusted(-mark_width - PAD, 0, 0, 0)
        if index.data(ROLE_FINAL):  # final at a glance: a check before the chip (and ↻)
            mark_width = metrics.horizontalAdvance(FINAL_MARK) + PAD
            mark = QRect(chip.left() - mark_width - PAD, chip.top(), mark_width, chip.height())
            painter.setFont(bold)
            painter.setPen(QColor("#2e7d32") if not selected_text(opt) else fg)
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, FINAL_MARK)
            chip = chip.adjusted(-mark_width - PAD, 0, 0, 0)
        left = badge.right() + 2 * PAD
        codes = index.data(ROLE_CODES) or ""
        painter.setFont(bold)
        painter.setPen(fg)
        codes_width = QFontMetrics(bold).horizontalAdvance(codes)
        text_rect = QRect(left, rect.top(), chip.left() - left - 2 * PAD, rect.height())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, codes
        )
        painter.setFont(opt.font)
        painter.setPen(dim if label else fg)
        snippet_rect = text_rect.adjusted(codes_width + 2 * PAD, 0, 0, 0)
        node_text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        snippet = node_text[len(codes) :].strip()
        elided = metrics.elidedText(
            snippet, Qt.TextElideMode.ElideRight, max(0, snippet_rect.width())
        )
        painter.drawText(
            snippet_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
        )
