"""Tree rows: parts copied from a look's tiles are the pixels drawn in place; the cache follows
what a row shows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeView

from assessor.db.engine import Database
from assessor.services import assessments, browsing
from assessor.ui.tree_delegate import TreeDelegate
from assessor.ui.tree_model import FactsheetTreeModel
from assessor.ui.tree_row_painter import Look, paint_row, row_of

S = QStyle.StateFlag
STATES = (
    S.State_Enabled | S.State_Active,
    S.State_Enabled | S.State_Active | S.State_Selected,
    S.State_Enabled | S.State_Selected,  # the window in the background
    S.State_Enabled | S.State_Active | S.State_Selected | S.State_HasFocus,
    S.State_Enabled | S.State_Active | S.State_MouseOver,
)


def _tree(db: Database) -> tuple[QTreeView, FactsheetTreeModel, list[QModelIndex]]:
    model = FactsheetTreeModel(
        lambda fid: browsing.tree(db, fid), lambda fid: browsing.levels(db, fid)
    )
    model.set_factsheets(browsing.factsheets(db))
    model.ensure_loaded(model.factsheet_ids()[0])
    tree = QTreeView()
    tree.setModel(model)
    tree.setItemDelegate(TreeDelegate(tree))
    tree.expandAll()
    rows, index = [], model.index(0, 0)
    while index.isValid():
        rows.append(index)
        index = tree.indexBelow(index)
    return tree, model, rows


def _option(tree: QTreeView, state: QStyle.StateFlag, width: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    tree.initViewItemOption(option)
    option.rect = QRect(0, 0, width, 26)
    option.state = state
    return option


def _image(tree: QTreeView, option: QStyleOptionViewItem, index: QModelIndex) -> QImage:
    image = QImage(option.rect.width(), 26, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    tree.itemDelegate().paint(painter, option, index)
    painter.end()
    return image


def test_badges_and_chips_copied_from_tiles_are_the_pixels_drawn_in_place(
    real_db: Database,
) -> None:
    fid = browsing.factsheets(real_db)[0].id
    for code, level in (("II-6", "partly"), ("II-4", "implemented"), ("IV-4", "not_implemented")):
        rec = browsing.recommendation_for_code(real_db, fid, code)
        assert rec is not None
        assessments.rate(real_db, rec, level, by="T")
    tree, _model, rows = _tree(real_db)
    recommendations = [i for i in rows if row_of(i).kind == "recommendation"]
    assert any(row_of(i).label for i in recommendations)  # rated rows: chips drawn
    delegate = tree.itemDelegate()
    assert isinstance(delegate, TreeDelegate)
    for state in STATES:
        for width in (440, 160):
            option = _option(tree, state, width)
            tiled = Look(delegate, option, rows[0], 1.0)
            direct = Look(delegate, option, rows[0], 1.0)
            direct.tiled = False
            for index in rows:
                row = row_of(index)
                assert paint_row(tiled, row).toImage() == paint_row(direct, row).toImage()


def test_a_row_is_painted_again_when_what_it_shows_changes(real_db: Database) -> None:
    tree, model, rows = _tree(real_db)
    index = next(i for i in rows if row_of(i).codes == "II-6")
    option = _option(tree, S.State_Enabled | S.State_Active, 440)
    before = _image(tree, option, index)
    assert _image(tree, option, index) == before  # from the cache: the same pixels
    rec = row_of(index)
    assert rec.label == ""
    node = model.node(index)
    assert node is not None
    model.update_recommendations({node.id: ("partly", False, False, False)})
    rated = _image(tree, option, index)
    assert rated != before  # the chip is drawn
    selected = _image(
        tree, _option(tree, S.State_Enabled | S.State_Active | S.State_Selected, 440), index
    )
    assert selected != rated


def test_the_chip_column_is_sized_by_the_window_languages_labels() -> None:
    from assessor.ui.tree_row_painter import chip_samples

    assert chip_samples("en") == ("Not implemented", "Partly")
    # The French chips are longer: sized on English, « Pas mise en œuvre » was cut at 1366 px.
    assert chip_samples("fr") == ("Pas mise en œuvre", "Partiellement")
