"""Paints one tree row (verb badge, codes, text, rating chip; progress on headings) into a pixmap.

A row new to the delegate's pixmap cache costs what is drawn in it, and a step that scrolls the
tree brings some twenty new rows at once (the step's p95, docs/performance.md). What every row
of one look shares — its font, palette, state and size — is made once in a ``Look``: fonts and
metrics, colours, where the badge and the chip go, the row's background (the style's panel:
selection, focus), and the badge and chip of each verb and rating drawn over that background,
copied in whole. A new row then costs its codes and its text.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from assessor.domain.scales import DEFAULT_PRESET, PRESETS
from assessor.i18n import current_language
from assessor.ui import tree_text
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

Index = QModelIndex | QPersistentModelIndex

PAD = 4
LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignCenter
ELIDE = Qt.TextElideMode.ElideRight
FINAL_COLOR = "#2e7d32"


def chip_samples(lang: str) -> tuple[str, str]:
    """The chips the column is sized by, in the window's language: the default scale's widest
    short label shown whole ("Not implemented", « Pas mise en œuvre ») and the least it gives
    room for ("Partly", « Partiellement »)."""
    levels = {lv.key: lv for lv in PRESETS[DEFAULT_PRESET][1]}

    def short(key: str) -> str:
        level = levels[key]
        return level.short_fr if lang == "fr" and level.short_fr else level.short

    return short("not_implemented"), short("partly")


class Row(NamedTuple):
    """What a row shows (the model's answers, read once)."""

    kind: str
    verb: str | None
    codes: str
    title: str
    #: The chip's label, "↻ " before it when a follow-up is newer than the rating.
    label: str
    color: str | None
    progress: str
    final: bool


def row_of(index: Index) -> Row:
    """What the row at ``index`` shows: from the tree's node in one go, else role by role."""
    model = index.model()
    node = model.node(index) if isinstance(model, FactsheetTreeModel) else None
    if node is not None:
        assert isinstance(model, FactsheetTreeModel)
        label, color = tree_text.chip(node, model.levels_of(node.factsheet_id)) or ("", None)
        progress = ""
        if node.kind in ("factsheet", "chapter"):
            progress = model.data(index, ROLE_PROGRESS) or ""
        return Row(
            node.kind, node.verb, node.codes, node.title, label, color, progress, bool(node.final)
        )
    kind = str(index.data(ROLE_KIND) or "")
    codes = str(index.data(ROLE_CODES) or "")
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    return Row(
        kind,
        index.data(ROLE_VERB),
        codes,
        text[len(codes) :].strip() if kind == "recommendation" else text,
        str(index.data(ROLE_RATING_LABEL) or ""),
        index.data(ROLE_RATING_COLOR),
        str(index.data(ROLE_PROGRESS) or ""),
        bool(index.data(ROLE_FINAL)),
    )


class Look:
    """What every row of one font, palette, state and size shares, made once."""

    def __init__(
        self,
        delegate: QStyledItemDelegate,
        option: QStyleOptionViewItem,
        index: Index,
        ratio: float,
    ) -> None:
        size = option.rect.size()
        self.ratio = ratio
        # Tiles are copied by device pixels: exact only where a logical pixel is whole ones.
        self.tiled = ratio == int(ratio)
        self.font = QFont(option.font)
        self.bold = QFont(option.font)
        self.bold.setBold(True)
        self.regular = QFont(option.font)  # a section's title: never bold
        self.regular.setBold(False)
        self.regular_metrics = QFontMetrics(self.regular)
        self.metrics, self.bold_metrics = QFontMetrics(self.font), QFontMetrics(self.bold)
        state = option.state
        self.selected = bool(state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        self.fg = option.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if self.selected else QPalette.ColorRole.Text,
        )
        self.dim = QColor(self.fg)
        if not self.selected:
            self.dim.setAlphaF(0.65)
        self.final_pen = QColor(FINAL_COLOR) if not self.selected else self.fg
        local = QRect(QPoint(0, 0), size)
        self.rect = rect = local.adjusted(PAD, 0, -PAD, 0)
        h = self.h = self.metrics.height()
        self.badge = QRect(rect.left(), rect.center().y() - h // 2, h + 2, h)
        # The rating chip has one width for every row so that chips line up in a column; on a
        # narrow tree it gives up to a third of the row, its label cut ("Not impl…"), so that
        # the codes and the start of the text stay readable.
        widest, narrowest = chip_samples(current_language())
        full = self.metrics.horizontalAdvance(widest) + 3 * PAD
        least = self.metrics.horizontalAdvance(narrowest) + 3 * PAD
        self.chip_width = min(full, max(least, local.width() // 3))
        self.chip = QRect(
            rect.right() - self.chip_width, rect.center().y() - h // 2 - 1, self.chip_width, h + 2
        )
        self.review_width = self.metrics.horizontalAdvance(REVIEW_MARK) + PAD
        self.final_width = self.metrics.horizontalAdvance(FINAL_MARK) + PAD
        # The style's panel under the row (selection, focus), as the default delegate draws it.
        opt = QStyleOptionViewItem(option)
        delegate.initStyleOption(opt, index)
        opt.text = ""
        opt.rect = local
        self.background = QPixmap(size * ratio)
        self.background.setDevicePixelRatio(ratio)
        self.background.fill(Qt.GlobalColor.transparent)
        painter = QPainter(self.background)
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.end()
        self._tiles: dict[tuple[object, ...], QPixmap] = {}

    def tile(self, key: tuple[object, ...], rect: QRect, draw: object) -> QPixmap:
        """A part of the row (``rect``) drawn by ``draw(painter)`` over the row's background."""
        found = self._tiles.get(key)
        if found is None:
            canvas = QPixmap(self.background)
            painter = QPainter(canvas)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw(painter)  # type: ignore[operator]
            painter.end()
            r = self.ratio
            found = canvas.copy(
                QRect(
                    int(rect.x() * r),
                    int(rect.y() * r),
                    int(rect.width() * r),
                    int(rect.height() * r),
                )
            )
            found.setDevicePixelRatio(r)
            self._tiles[key] = found
        return found


def paint_row(look: Look, row: Row) -> QPixmap:
    """The row drawn on a copy of its look's background."""
    pixmap = QPixmap(look.background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if row.kind == "recommendation":
        _recommendation(painter, look, row)
    else:
        _heading(painter, look, row)
    painter.end()
    return pixmap


def _heading(painter: QPainter, look: Look, row: Row) -> None:
    rect, progress = look.rect, row.progress
    progress_width = look.metrics.horizontalAdvance(progress) + 2 * PAD if progress else 0
    if progress:
        painter.setPen(look.dim)
        painter.setFont(look.font)
        painter.drawText(rect, RIGHT, progress)
    strong = row.kind in ("factsheet", "chapter")
    font = look.bold if strong else look.regular
    painter.setFont(font)
    painter.setPen(look.fg)
    title_rect = rect.adjusted(0, 0, -progress_width, 0)
    # As the item view's display text: a line break in a title is drawn as a line separator.
    title = row.title.replace("\n", "\u2028")
    metrics = look.bold_metrics if strong else look.regular_metrics
    painter.drawText(title_rect, LEFT, metrics.elidedText(title, ELIDE, title_rect.width()))


def _put(painter: QPainter, look: Look, key: tuple[object, ...], rect: QRect, draw: object) -> None:
    """Draw a part of the row: copied from its tile where it can be, else drawn here."""
    if look.tiled:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawPixmap(rect.topLeft(), look.tile(key, rect, draw))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    else:
        draw(painter)  # type: ignore[operator]


def _mark(painter: QPainter, look: Look, chip: QRect, width: int, pen: QColor, text: str) -> QRect:
    """Draw a mark (bold, never cut) just before ``chip``; the chip's room grown to hold it."""
    mark = QRect(chip.left() - width - PAD, chip.top(), width, chip.height())
    painter.setFont(look.bold)
    painter.setPen(pen)
    painter.drawText(mark, CENTER, text)
    return chip.adjusted(-width - PAD, 0, 0, 0)


def _recommendation(painter: QPainter, look: Look, row: Row) -> None:
    metrics, h, rect = look.metrics, look.h, look.rect
    letter, fill = verb_badge(row.verb)
    badge = look.badge

    def draw_badge(p: QPainter) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(badge, 3, 3)
        p.setFont(look.bold)
        p.setPen(text_color_on(fill))
        p.drawText(badge, CENTER, letter)

    _put(painter, look, ("badge", letter, fill.rgba()), badge, draw_badge)
    chip = look.chip
    review = row.label.startswith(REVIEW_MARK)  # a follow-up newer than the rating
    label = row.label.removeprefix(REVIEW_MARK).strip()
    if label:
        color = QColor(row.color or "#757575")

        def draw_chip(p: QPainter) -> None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawRoundedRect(chip, h // 2, h // 2)
            p.setPen(text_color_on(color))
            p.setFont(look.font)
            p.drawText(chip, CENTER, metrics.elidedText(label, ELIDE, look.chip_width - 2 * PAD))

        _put(painter, look, ("chip", label, color.rgba()), chip, draw_chip)
    else:  # unrated rows give the chip's room to the text
        chip = QRect(rect.right(), chip.top(), 0, chip.height())
    if review:  # the mark stands before the chip, in the text's colour: never cut
        chip = _mark(painter, look, chip, look.review_width, look.fg, REVIEW_MARK)
    if row.final:  # final at a glance: a check before the chip (and ↻)
        chip = _mark(painter, look, chip, look.final_width, look.final_pen, FINAL_MARK)
    left = badge.right() + 2 * PAD
    codes = row.codes
    painter.setFont(look.bold)
    painter.setPen(look.fg)
    text_rect = QRect(left, rect.top(), chip.left() - left - 2 * PAD, rect.height())
    painter.drawText(text_rect, LEFT, codes)
    painter.setFont(look.font)
    painter.setPen(look.dim if label else look.fg)
    snippet_rect = text_rect.adjusted(look.bold_metrics.horizontalAdvance(codes) + 2 * PAD, 0, 0, 0)
    elided = metrics.elidedText(row.title.strip(), ELIDE, max(0, snippet_rect.width()))
    painter.drawText(snippet_rect, LEFT, elided)
