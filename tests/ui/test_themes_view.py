"""The themed recommendations view: add, edit, link, reorder, delete, undo, jump to a code."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.services import browsing
from assessor.ui.main_window import MainWindow


def _themes(win: MainWindow):  # type: ignore[no-untyped-def]
    return browsing.themes(win.db, win.themes.factsheet_id)  # type: ignore[arg-type]


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


def _first_item(win: MainWindow):  # type: ignore[no-untyped-def]
    return next(item for theme in _themes(win) for item in theme.items)


def test_links_are_checked_and_saved_as_typed_without_unknown_codes(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(1)
    view = window.themes
    item = _first_item(window)
    view.select("item", item.id)
    view.links_edit.setFocus()
    view.links_edit.selectAll()
    qtbot.keyClicks(view.links_edit, "II-6, iii-3, XX-99, foo")

    # Saved after a pause, with no Enter and no leaving the field; unknown codes are left out.
    qtbot.waitUntil(lambda: _first_item(window).links == ("II-6", "III-3"), timeout=3000)
    assert view.links_problem.isVisible()
    assert "XX-99 and foo are not codes of this factsheet" in view.links_problem.text()
    # What is typed stays as typed, the cursor where it was: typing goes on.
    assert view.links_edit.text() == "II-6, iii-3, XX-99, foo"
    assert view.links_edit.hasFocus()
    qtbot.keyClicks(view.links_edit, " V-11")
    qtbot.waitUntil(lambda: _first_item(window).links == ("II-6", "III-3", "V-11"), timeout=3000)
    assert view.links_edit.text() == "II-6, iii-3, XX-99, foo V-11"

    view.links_edit.setText("II-6, III-3")
    view.flush()  # switching away saves at once
    assert not view.links_problem.isVisible()
    assert _first_item(window).links == ("II-6", "III-3")
    view.links_edit.setText("XX-99")
    view.links_edit.editingFinished.emit()
    assert _first_item(window).links == ()
    assert view.links_problem.text().startswith("⚠ XX-99 is not a code of this factsheet")


def test_move_buttons_are_disabled_at_the_ends(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(1)
    view = window.themes
    themes = _themes(window)
    view.select("theme", themes[0].id)
    assert not view.up_button.isEnabled() and view.down_button.isEnabled()
    view.select("theme", themes[-1].id)
    assert view.up_button.isEnabled() and not view.down_button.isEnabled()
    theme = next(t for t in themes if len(t.items) >= 2)
    view.select("item", theme.items[0].id)
    assert not view.up_button.isEnabled() and view.down_button.isEnabled()
    view.select("item", theme.items[-1].id)
    assert view.up_button.isEnabled() and not view.down_button.isEnabled()
    view.move_chosen(-1)  # now in the middle (or first of two)
    assert view.down_button.isEnabled()


def test_a_jump_clears_an_old_no_such_code_message(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(1)
    view = window.themes
    view.links_label.linkActivated.emit("XX-99")
    assert "No recommendation has the code XX-99" in window.statusBar().currentMessage()
    view.links_label.linkActivated.emit("II-8")
    assert window.tabs.currentIndex() == 0
    assert window.workbench.detail is not None and window.workbench.detail.codes == ("II-8",)
    assert "No recommendation has the code" not in window.statusBar().currentMessage()


def test_choosing_another_row_saves_what_was_typed_to_its_own_row(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(1)
    view = window.themes
    theme = next(t for t in _themes(window) if len(t.items) >= 2)
    first, second = theme.items[0], theme.items[1]
    view.select("item", first.id)
    view.text_edit.setFocus()
    view.text_edit.selectAll()
    qtbot.keyClicks(view.text_edit, "Typed in the first.")
    view.links_edit.setText("V-11")  # both still waiting for the pause
    view.select("item", second.id)
    items = {i.id: i for t in _themes(window) for i in t.items}
    assert (items[first.id].text, items[first.id].links) == ("Typed in the first.", ("V-11",))
    assert (items[second.id].text, items[second.id].links) == (second.text, second.links)


def test_digits_on_the_themes_tab_search_the_themes_and_rate_nothing(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """The rating keys belong to the workbench: on the Themes tab, "II-3" is type-ahead."""
    wb = window.workbench
    shown = wb.detail
    assert shown is not None and shown.assessment.rating is None
    assert any(action.isEnabled() for action in window.rate_menu.actions())
    assert window.correct_action.isEnabled()
    window.tabs.setCurrentIndex(1)
    view = window.themes
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_2)  # type-ahead: the second theme
    current = view.tree.currentItem()
    assert current is not None and current.text(0).startswith("2. ")
    qtbot.keyClicks(view.tree, "II-3")
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    qtbot.keyClick(view.tree, Qt.Key.Key_0)
    assert browsing.detail(window.db, shown.id).assessment.rating is None  # type: ignore[union-attr]
    assert window.stack.count() == 0
    assert not any(action.isEnabled() for action in window.rate_menu.actions())
    assert not window.correct_action.isEnabled()
    # Stepping (F8: next unrated) brings the workbench forward; there the keys rate again.
    qtbot.keyClick(view.tree, Qt.Key.Key_F8)
    assert window.tabs.currentIndex() == 0
    assert wb.detail is not None and wb.detail.id != shown.id
    assert all(action.isEnabled() for action in window.rate_menu.actions())
    assert window.correct_action.isEnabled()
    wb.tree.setFocus()
    qtbot.keyClick(wb.tree, Qt.Key.Key_1)
    assert browsing.detail(window.db, wb.detail.id).assessment.rating is not None  # type: ignore[union-attr]
