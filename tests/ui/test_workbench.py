"""Driving the real window on the imported example: pick, rate, comment, undo, filter, search."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction

from assessor.services import browsing
from assessor.ui.main_window import MainWindow
from assessor.ui.tree_model import ROLE_RATING


def _rec_by_code(win: MainWindow, code: str) -> int:
    sheet = win.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(win.db, sheet, code)
    assert rec_id is not None
    return rec_id


def _click_recommendation(qtbot, win: MainWindow, code: str) -> int:  # type: ignore[no-untyped-def]
    rec_id = _rec_by_code(win, code)
    tree = win.workbench.tree
    index = win.workbench.model.index_of_recommendation(rec_id)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert win.workbench.detail is not None and win.workbench.detail.id == rec_id
    return rec_id


def test_opens_on_the_first_recommendation_with_counts(window: MainWindow) -> None:
    wb = window.workbench
    assert wb.detail is not None and wb.detail.codes == ("II-1", "II-3")
    assert "All 81 recommendations" in wb.filters.count.text()
    assert "0 of 22 in scope rated" in window.progress_label.text()
    assert window.db.location in window.path_label.text()


def test_pick_rate_from_keyboard_then_undo_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    rec_id = _click_recommendation(qtbot, window, "II-6")
    assert "Recommendation II-6" in wb.finding.browser.toPlainText()
    assert "Ministry of Justice" in wb.follow_up.browser.toPlainText()
    wb.tree.setFocus()
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)
    detail = browsing.detail(window.db, rec_id)
    assert detail is not None and detail.assessment.rating == "partly"
    assert wb.model.index_of_recommendation(rec_id).data(ROLE_RATING) == "partly"
    assert wb.assessment.rating.buttons["partly"].isChecked()
    assert "1 of 22 in scope rated" in window.progress_label.text()

    qtbot.keyClick(wb.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert browsing.detail(window.db, rec_id).assessment.rating is None  # type: ignore[union-attr]
    assert wb.model.index_of_recommendation(rec_id).data(ROLE_RATING) is None
    qtbot.keyClick(
        wb.tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert browsing.detail(window.db, rec_id).assessment.rating == "partly"  # type: ignore[union-attr]
    qtbot.keyClick(wb.tree, Qt.Key.Key_0)
    assert browsing.detail(window.db, rec_id).assessment.rating is None  # type: ignore[union-attr]


def test_comment_is_saved_after_typing_pauses_and_undoes_as_one_step(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    rec_id = _click_recommendation(qtbot, window, "II-8")
    box = wb.assessment.comment
    box.setFocus()
    qtbot.keyClicks(box, "Draft law pending.")
    assert browsing.detail(window.db, rec_id).assessment.comment == ""  # type: ignore[union-attr]

    def saved() -> None:
        assert browsing.detail(window.db, rec_id).assessment.comment == "Draft law pending."  # type: ignore[union-attr]

    qtbot.waitUntil(saved, timeout=3000)
    qtbot.keyClicks(box, " Ask again")
    # Undo in the comment box saves what is typed, then undoes the whole typing session.
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert browsing.detail(window.db, rec_id).assessment.comment == ""  # type: ignore[union-attr]
    assert box.toPlainText() == ""
    window.redo()
    assert box.toPlainText() == "Draft law pending. Ask again"


def test_switching_recommendation_saves_the_comment_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    rec_id = _click_recommendation(qtbot, window, "II-8")
    qtbot.keyClicks(wb.assessment.comment, "Typed, not yet saved")
    qtbot.keyClick(wb.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert wb.detail is not None and wb.detail.id != rec_id
    assert browsing.detail(window.db, rec_id).assessment.comment == "Typed, not yet saved"  # type: ignore[union-attr]


def test_status_and_scope_mark(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    _click_recommendation(qtbot, window, "II-1")  # an invite
    assert "Outside the compliance scope" in wb.assessment.scope_mark.text()
    rec_id = _click_recommendation(qtbot, window, "II-6")
    assert "In compliance scope" in wb.assessment.scope_mark.text()
    wb.assessment.final.click()
    assert browsing.detail(window.db, rec_id).assessment.status == "final"  # type: ignore[union-attr]
    window.undo()
    assert browsing.detail(window.db, rec_id).assessment.status == "draft"  # type: ignore[union-attr]
    assert not wb.assessment.final.isChecked()


def test_navigation_next_previous_and_next_unrated(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    _click_recommendation(qtbot, window, "II-1")
    qtbot.keyClick(wb.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert wb.detail is not None and wb.detail.codes == ("II-6",)
    qtbot.keyClick(wb.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert wb.detail.codes == ("II-1", "II-3")
    qtbot.keyClick(wb.tree, Qt.Key.Key_F8)
    assert wb.detail.codes == ("II-6",) and wb.detail.in_scope
    qtbot.keyClick(wb.tree, Qt.Key.Key_1)
    qtbot.keyClick(wb.tree, Qt.Key.Key_F8)
    assert wb.detail.codes == ("II-8",)


def test_filters_show_counts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    bar = window.workbench.filters
    bar.verb.setCurrentIndex(bar.verb.findData("in_scope"))
    assert bar.count.text() == "Showing 22 of 81 recommendations"
    assert bar.clear.isEnabled()
    bar.verb.setCurrentIndex(bar.verb.findData("invite"))
    assert bar.count.text() == "Showing 59 of 81 recommendations"
    bar.follow_up.setCurrentIndex(bar.follow_up.findData("with"))
    shown, _total = window.workbench.model.shown_count()
    assert shown == 1  # of the 23 follow-ups, one answers an invite
    bar.rating.setCurrentIndex(bar.rating.findData("unrated"))
    assert window.workbench.model.shown_count()[0] == shown  # nothing rated yet
    bar.reset()
    assert bar.count.text() == "All 81 recommendations"


def test_search_filters_and_highlights(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    qtbot.keyClick(wb.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert wb.filters.search.hasFocus()
    qtbot.keyClicks(wb.filters.search, "criminal code")
    qtbot.waitUntil(lambda: wb.filters.count.text().startswith("Showing"), timeout=3000)
    shown = wb.model.shown_recommendations(wb.model.factsheet_ids()[0])
    assert 0 < len(shown) < 81
    wb.select_recommendation(_rec_by_code(window, "II-6"))
    assert "background:#ffe066" in wb.follow_up.browser.toHtml().replace(" ", "").lower() or (
        "#ffe066" in wb.follow_up.browser.toHtml()
    )
    wb.filters.search.clear()
    qtbot.waitUntil(lambda: wb.filters.count.text() == "All 81 recommendations", timeout=3000)


def test_follow_up_correction_and_history(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assessor.ui import dialogs
    from assessor.ui.follow_up_edit import Correction

    wb = window.workbench
    rec_id = _click_recommendation(qtbot, window, "II-6")
    original = wb.detail.follow_up.text  # type: ignore[union-attr]
    assert wb.follow_up.history_button.text() == "Hi&story"  # no earlier version yet
    window.ctx.by = "Maria Rossi"
    monkeypatch.setattr(
        dialogs,
        "ask_follow_up_correction",
        lambda _parent, _title, _text, state: Correction("Corrected by the rapporteur.", state),
    )
    wb.follow_up.edit_button.click()
    wb.tree.setFocus()
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)  # a rating too: the history shows every kind
    assert "Corrected by the rapporteur." in wb.follow_up.browser.toPlainText()
    assert wb.follow_up.history_button.text() == "Hi&story (1)"
    wb.follow_up.history_button.click()
    text = wb.follow_up.browser.toPlainText()
    assert "Earlier versions" in text and original.split("\n")[0] in text
    # Who and when, newest first: the rating (by its label), then the follow-up correction.
    changes = text.split("Changes (newest first)", 1)[1]
    assert changes.count("Maria Rossi") == 2
    assert changes.index("Rating") < changes.index("Follow-up")
    assert "Partly implemented" in changes
    wb.follow_up.history_button.click()
    window.undo()  # the rating
    window.undo()  # the correction
    detail = browsing.detail(window.db, rec_id)
    assert detail is not None and detail.follow_up is not None
    assert detail.follow_up.text == original.strip()
    assert len(detail.follow_up_history) == 2  # nothing is lost: both versions kept


def test_stepping_keeps_context_and_scrolls_rarely(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    _click_recommendation(qtbot, window, "II-1")
    bar, view = wb.tree.verticalScrollBar(), wb.tree.viewport().rect()
    row = wb.tree.visualRect(wb.tree.currentIndex()).height()
    scrolls, steps, last = 0, 0, bar.value()
    while steps < 60:
        before = wb.detail
        qtbot.keyClick(wb.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        if wb.detail is before:
            break  # the last recommendation
        steps += 1
        rect = wb.tree.visualRect(wb.tree.currentIndex())
        assert view.contains(rect), f"step {steps}: the row shown is out of view"
        if bar.value() < bar.maximum():  # rows of context below, unless at the end
            assert rect.bottom() <= view.bottom() - 2 * row, f"step {steps}: no context below"
        scrolls += bar.value() != last
        last = bar.value()
    assert steps == 60
    assert 0 < scrolls <= steps // 6  # about once a screen, not at every step


def _search(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    wb = win.workbench
    qtbot.keyClick(wb.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(wb.filters.search, text)
    qtbot.waitUntil(lambda: wb.filters.search.text().strip() == wb.filters.state().query)
    qtbot.waitUntil(lambda: not wb.filters._timer.isActive(), timeout=3000)


def test_a_filter_hiding_the_shown_recommendation_clears_the_panes(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    rec_id = _click_recommendation(qtbot, window, "II-6")
    _search(qtbot, window, "zzzqqq")
    assert wb.filters.count.text() == "Showing 0 of 81 recommendations"
    assert wb.detail is None
    assert "II-6" not in wb.finding.browser.toPlainText()
    assert "No recommendation shown matches" in wb.finding.browser.toPlainText()
    assert "Ministry of Justice" not in wb.follow_up.browser.toPlainText()
    assert not wb.assessment.isEnabled()
    assert not any(action.isEnabled() for action in window.rate_menu.actions())
    wb.tree.setFocus()
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)
    wb.rate_current(2)
    assert browsing.detail(window.db, rec_id).assessment.rating is None  # type: ignore[union-attr]

    # Clearing the search shows the recommendation again, rated from the keyboard as before.
    wb.filters.search.clear()
    qtbot.waitUntil(lambda: wb.filters.count.text() == "All 81 recommendations", timeout=3000)
    assert wb.detail is not None and wb.detail.id == rec_id
    assert wb.tree.currentIndex() == wb.model.index_of_recommendation(rec_id)
    wb.tree.setFocus()
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)
    assert browsing.detail(window.db, rec_id).assessment.rating == "partly"  # type: ignore[union-attr]


def test_the_hidden_recommendation_comes_back_only_when_a_filter_shows_it(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    bar = wb.filters
    rec_id = _click_recommendation(qtbot, window, "II-6")  # a request
    bar.verb.setCurrentIndex(bar.verb.findData("invite"))
    assert wb.detail is None and "Choose a recommendation" in wb.finding.browser.toPlainText()
    bar.verb.setCurrentIndex(bar.verb.findData("require"))  # still hidden
    assert wb.detail is None
    bar.verb.setCurrentIndex(bar.verb.findData("in_scope"))  # shown again
    assert wb.detail is not None and wb.detail.id == rec_id

    # A recommendation chosen while filtered replaces the remembered one.
    bar.verb.setCurrentIndex(bar.verb.findData("invite"))
    other = _click_recommendation(qtbot, window, "II-1")
    bar.reset()
    assert wb.detail is not None and wb.detail.id == other


def test_escape_in_the_search_clears_it_then_goes_back_to_the_tree(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    rec_id = _click_recommendation(qtbot, window, "II-6")
    _search(qtbot, window, "zzzqqq")
    assert wb.filters.count.text() == "Showing 0 of 81 recommendations"
    qtbot.keyClick(wb.filters.search, Qt.Key.Key_Escape)
    assert wb.filters.search.text() == ""
    assert wb.filters.count.text() == "All 81 recommendations"  # at once, not after a pause
    assert wb.filters.search.hasFocus()
    assert wb.detail is not None and wb.detail.id == rec_id
    qtbot.keyClick(wb.filters.search, Qt.Key.Key_Escape)
    assert wb.tree.hasFocus()


def test_with_nothing_shown_no_rating_is_checked_and_undo_says_what_it_did(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    buttons = wb.assessment.rating.buttons
    rec_id = _click_recommendation(qtbot, window, "II-6")
    wb.tree.setFocus()
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)
    assert buttons["partly"].isChecked()
    _search(qtbot, window, "zzzqqq")  # hides II-6: nothing is shown
    assert wb.detail is None
    assert not any(button.isChecked() for button in buttons.values())

    # Undo changes II-6, out of sight: the status bar says what, and that it is hidden.
    window.undo()
    assert browsing.detail(window.db, rec_id).assessment.rating is None  # type: ignore[union-attr]
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone: Rate II-6") and "hidden by the search" in message
    assert not any(button.isChecked() for button in buttons.values())
    window.redo()
    message = window.statusBar().currentMessage()
    assert message.startswith("Redone: Rate II-6") and "hidden by the search" in message

    # Shown again: its rating is checked, and an undo names it without the warning.
    qtbot.keyClick(wb.filters.search, Qt.Key.Key_Escape)
    assert wb.detail is not None and wb.detail.id == rec_id
    assert buttons["partly"].isChecked()
    window.undo()
    assert window.statusBar().currentMessage() == "Undone: Rate II-6"
    assert buttons[None].isChecked()


def _expanded_titles(win: MainWindow) -> set[str]:
    """The titles of the expanded rows of the tree (every level)."""
    model, tree = win.workbench.model, win.workbench.tree
    out: set[str] = set()
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if tree.isExpanded(index):
            out.add(str(index.data()))
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    return out


def test_clearing_the_search_restores_the_tree_and_clears_old_messages(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    sheet = wb.model.index_of_factsheet(wb.model.factsheet_ids()[0])
    chapters = [wb.model.index(r, 0, sheet) for r in range(wb.model.rowCount(sheet))]
    wb.tree.expand(chapters[2])  # opened by hand before searching
    before = _expanded_titles(window)
    assert str(chapters[2].data()) in before and str(chapters[4].data()) not in before

    _search(qtbot, window, "criminal code")
    assert wb.filters.count.text().startswith("Showing")
    qtbot.keyClick(wb.filters.search, Qt.Key.Key_Escape)  # Esc clears the search
    assert _expanded_titles(window) == before

    window.workbench.filters.verb.setCurrentIndex(1)  # a filter, then the Clear button
    wb.filters.clear.click()
    assert _expanded_titles(window) == before

    # A message about the filtered tree goes when the filters change.
    _search(qtbot, window, "zzzqqq")
    window.findChild(QAction, "next_unrated").trigger()  # nothing shown is unrated
    assert "Every recommendation in scope shown here is rated" in (
        window.statusBar().currentMessage()
    )
    qtbot.keyClick(wb.filters.search, Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage() == ""


def test_a_follow_up_newer_than_the_rating_is_marked_until_reviewed(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from assessor.db.models import Recommendation
    from assessor.services import assessments
    from assessor.services.changes import Changes
    from assessor.ui.tree_model import ROLE_RATING_LABEL

    wb = window.workbench
    rec_id = _click_recommendation(qtbot, window, "II-6")
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)
    assert wb.assessment.review_row.isHidden()
    with window.db.transaction() as s:
        rec = s.get(Recommendation, rec_id)
        assert rec is not None
        assessments.supersede_follow_up(s, rec, "The law was adopted.", "questionnaire q.xlsx")
    window.on_changed(Changes.of_recommendations([rec_id]))
    index = wb.model.index_of_recommendation(rec_id)
    assert str(index.data(ROLE_RATING_LABEL)).startswith("↻")
    assert not wb.assessment.review_row.isHidden()
    assert "changed after this rating" in wb.assessment.review.text()
    bar = wb.filters
    bar.follow_up.setCurrentIndex(bar.follow_up.findData("newer"))
    assert bar.count.text() == "Showing 1 of 81 recommendations"

    # Re-rating clears the mark; undoing the new rating brings the mark back with it.
    qtbot.keyClick(wb.tree, Qt.Key.Key_3)
    assert wb.assessment.review_row.isHidden()
    qtbot.keyClick(wb.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not wb.assessment.review_row.isHidden()
    assert str(wb.model.index_of_recommendation(rec_id).data(ROLE_RATING_LABEL)).startswith("↻")

    qtbot.mouseClick(wb.assessment.keep, Qt.MouseButton.LeftButton)
    assert wb.assessment.review_row.isHidden()
    assert window.stack.undoText().startswith("Keep the rating of II-6")
    qtbot.keyClick(wb.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not wb.assessment.review_row.isHidden()  # a mistaken Keep can be taken back
    qtbot.keyClick(
        wb.tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert wb.assessment.review_row.isHidden()
    assert not str(wb.model.index_of_recommendation(rec_id).data(ROLE_RATING_LABEL)).startswith("↻")
    wb.apply_filters(bar.state())  # rows stay put while worked on; a new filtering drops it
    assert bar.count.text() == "Showing 0 of 81 recommendations"
    assert browsing.detail(window.db, rec_id).assessment.rating == "partly"  # type: ignore[union-attr]
