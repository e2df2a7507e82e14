"""The themed recommendations view: add, edit, link, reorder, delete, undo, jump to a code."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.services import workbench
from assessor.ui.main_window import MainWindow


def _themes(win: MainWindow):  # type: ignore[no-untyped-def]
    return workbench.themes(win.db, win.themes.factsheet_id)  # type: ignore[arg-type]


def test_add_edit_link_move_delete_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.themes
    window.tabs.setCurrentIndex(1)
    assert len(_themes(window)) == 4
    view.add_theme()
    assert [t.title for t in _themes(window)][-1] == "New theme"
    view.title_edit.setText("Data collection")
    view.title_edit.editingFinished.emit()
    assert _themes(window)[-1].title == "Data collection"

    view.add_item()
    view.text_edit.selectAll()
    qtbot.keyClicks(view.text_edit, "Collect data on CSGSIV cases.")
    view.flush()
    view.links_edit.setText("ii-6, III-3")
    view.links_edit.editingFinished.emit()
    item = _themes(window)[-1].items[0]
    assert (item.text, item.links) == ("Collect data on CSGSIV cases.", ("II-6", "III-3"))

    view.select("theme", _themes(window)[-1].id)
    view.move_chosen(-1)
    assert _themes(window)[-2].title == "Data collection"
    view.delete()
    assert "Data collection" not in [t.title for t in _themes(window)]
    window.undo()  # the theme comes back with its item, where it was
    back = _themes(window)[-2]
    assert back.title == "Data collection" and back.items[0].links == ("II-6", "III-3")
    window.undo()  # the move
    assert _themes(window)[-1].title == "Data collection"


def test_a_link_jumps_to_the_recommendation(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(1)
    view = window.themes
    view.links_label.linkActivated.emit("II-8")
    assert window.tabs.currentIndex() == 0
    assert window.workbench.detail is not None and window.workbench.detail.codes == ("II-8",)
    assert view.factsheet_id is not None
    qtbot.keyClick(window.workbench.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
