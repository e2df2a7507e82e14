"""Rating keys act only on the selected recommendation; stepping starts from the tree's cursor.

The steps of issue 13's first finding, on two Parties: the example (Albania) and a copy of it
named Montenegro.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction

from assessor.db.engine import Database
from assessor.services import browsing
from assessor.services.changes import Changes
from assessor.services.imports import import_file
from assessor.ui import dialogs
from assessor.ui.main_window import MainWindow
from assessor.ui.workbench import SELECT_TO_RATE
from tests.ui.conftest import FACTSHEET


def _montenegro(tmp_path: Path) -> Path:
    path = tmp_path / "factsheet-montenegro-2nd-round.md"
    text = FACTSHEET.read_text(encoding="utf-8")
    path.write_text(text.replace("ALBANIA", "MONTENEGRO").replace("Albania", "Montenegro"), "utf-8")
    return path


def _fid(db: Database, party: str) -> int:
    return next(s.id for s in browsing.factsheets(db) if s.party == party)


@pytest.fixture
def two(window: MainWindow, tmp_path: Path) -> MainWindow:
    """Albania and Montenegro, Albania's II-6 shown and selected."""
    report = import_file(window.db, _montenegro(tmp_path))
    window.on_changed(Changes.of_factsheets([report.factsheet_id]))
    assert [s.party for s in window.workbench.model.factsheets()] == ["Albania", "Montenegro"]
    _select(window, "Albania", "II-6")
    return window


def _rec(win: MainWindow, party: str, code: str) -> int:
    rec_id = browsing.recommendation_for_code(win.db, _fid(win.db, party), code)
    assert rec_id is not None
    return rec_id


def _select(win: MainWindow, party: str, code: str) -> int:
    rec_id = _rec(win, party, code)
    assert win.workbench.select_recommendation(rec_id, _fid(win.db, party))
    win.workbench.tree.setFocus()
    return rec_id


def _put_cursor(win: MainWindow, index: QModelIndex) -> None:
    win.workbench.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def _rating(win: MainWindow, rec_id: int) -> str | None:
    detail = browsing.detail(win.db, rec_id)
    assert detail is not None
    return detail.assessment.rating


def _rate_actions(win: MainWindow) -> list[QAction]:
    return [a for a in win.rate_menu.actions() if not a.isSeparator()]


def test_a_key_on_the_party_node_rates_nothing_and_says_why(qtbot, two: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win, wb = two, two.workbench
    albania_ii6 = _rec(win, "Albania", "II-6")
    assert wb.can_rate() and all(a.isEnabled() for a in _rate_actions(win))
    _put_cursor(win, wb.model.index_of_factsheet(_fid(win.db, "Montenegro")))
    assert wb.detail is not None and wb.detail.id == albania_ii6  # still shown in the panes
    assert not wb.can_rate()
    assert not any(b.isEnabled() for b in wb.assessment.rating.buttons.values())
    assert not wb.assessment.final.isEnabled()
    assert not any(a.isEnabled() for a in _rate_actions(win))
    assert win.statusBar().currentMessage() == SELECT_TO_RATE
    win.statusBar().clearMessage()
    qtbot.keyClick(wb.tree, Qt.Key.Key_3)
    assert _rating(win, albania_ii6) is None
    assert win.statusBar().currentMessage() == SELECT_TO_RATE
    wb.rate_current(3)  # the Rate menu's slot, were it reached, refuses too
    assert _rating(win, albania_ii6) is None

    # Back on the recommendation: the keys rate it.
    _put_cursor(win, wb.model.index_of_recommendation(albania_ii6))
    assert wb.can_rate() and all(b.isEnabled() for b in wb.assessment.rating.buttons.values())
    qtbot.keyClick(wb.tree, Qt.Key.Key_3)
    assert _rating(win, albania_ii6) == "not_implemented"


def test_a_section_or_chapter_under_the_cursor_disables_rating(two: MainWindow) -> None:
    win, wb = two, two.workbench
    shown = wb.tree.currentIndex()
    section = shown.parent()
    _put_cursor(win, section)
    assert not wb.can_rate() and not wb.assessment.rating.isEnabled()
    _put_cursor(win, section.parent())
    assert not wb.can_rate()


def test_folding_the_branch_of_the_shown_recommendation_disables_rating(
    qtbot, two: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    win, wb = two, two.workbench
    rec_id = _rec(win, "Albania", "II-6")
    chapter = wb.tree.currentIndex().parent().parent()
    wb.tree.collapse(chapter)
    assert not wb.can_rate()
    assert not any(a.isEnabled() for a in _rate_actions(win))
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)
    assert _rating(win, rec_id) is None
    wb.tree.expand(chapter)
    _put_cursor(win, wb.model.index_of_recommendation(rec_id))
    assert wb.can_rate()


def test_next_and_previous_start_from_the_cursor_across_parties(qtbot, two: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win, wb = two, two.workbench
    montenegro = _fid(win.db, "Montenegro")
    wb.model.ensure_loaded(montenegro)
    first = wb.model.shown_recommendations(montenegro)[0]
    # Alt+Down on a Montenegro section goes to that section's first recommendation.
    node = wb.model.recommendation_node(first)
    assert node is not None and node.parent is not None
    wb.tree.expand(wb.model.index_of_factsheet(montenegro))
    section = wb.model.index_of_recommendation(first).parent()
    assert section.data(Qt.ItemDataRole.DisplayRole) == node.parent.title
    _put_cursor(win, section)
    qtbot.keyClick(wb.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert wb.detail is not None and wb.detail.id == first and wb.detail.party == "Montenegro"
    assert wb.can_rate()
    qtbot.keyClick(wb.tree, Qt.Key.Key_2)
    assert _rating(win, first) == "partly"
    assert _rating(win, _rec(win, "Albania", "II-6")) is None

    # Alt+Up from the Montenegro node goes to Albania's last recommendation.
    _put_cursor(win, wb.model.index_of_factsheet(montenegro))
    qtbot.keyClick(wb.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    albania = _fid(win.db, "Albania")
    assert wb.detail is not None and wb.detail.party == "Albania"
    assert wb.detail.id == wb.model.shown_recommendations(albania)[-1]

    # Alt+Down from the Montenegro node: its first recommendation, not Albania's next one.
    _put_cursor(win, wb.model.index_of_factsheet(montenegro))
    qtbot.keyClick(wb.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert wb.detail is not None and wb.detail.id == first


def test_next_unrated_starts_from_the_cursor(qtbot, two: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win, wb = two, two.workbench
    montenegro = _fid(win.db, "Montenegro")
    _put_cursor(win, wb.model.index_of_factsheet(montenegro))
    qtbot.keyClick(wb.tree, Qt.Key.Key_F8)
    assert wb.detail is not None and wb.detail.party == "Montenegro" and wb.detail.in_scope
    assert wb.detail.assessment.rating is None


def test_go_to_code_finds_a_code_as_typed(qtbot, two: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win, wb = two, two.workbench
    monkeypatch.setattr(dialogs, "ask_code", lambda *_a: "iv 5")
    action = win.findChild(QAction, "go_to_code")
    assert action.shortcut().toString() == "Ctrl+G"
    _select(win, "Montenegro", "II-6")
    action.trigger()
    assert wb.detail is not None and wb.detail.codes == ("IV-5",)
    assert wb.detail.party == "Montenegro"  # the Party being worked on first
    assert wb.can_rate()
    monkeypatch.setattr(dialogs, "ask_code", lambda *_a: "the law")
    action.trigger()
    assert "not a code" in win.statusBar().currentMessage()
    monkeypatch.setattr(dialogs, "ask_code", lambda *_a: "IX-99")
    action.trigger()
    assert win.statusBar().currentMessage() == "No recommendation has the code IX-99."
