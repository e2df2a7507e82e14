"""The "↻ Newer than the rating" filter: its matches in sight after a restart, its count kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt

from assessor.db.engine import Database, open_database
from assessor.domain.filters import FilterState
from assessor.services import assessments, browsing
from assessor.services.imports import import_file
from assessor.ui.main_window import MainWindow
from tests.ui.conftest import FACTSHEET

NEWER = FilterState(follow_up="newer")


@pytest.fixture
def two_parties(tmp_path: Path) -> Iterator[Database]:
    """Albania and Montenegro, II-6 and IV-4 of each rated, then a newer answer of the State."""
    db = open_database(tmp_path / "two-parties.sqlite")
    import_file(db, FACTSHEET)
    import_file(db, FACTSHEET, party="Montenegro")
    for sheet in browsing.factsheets(db):
        for code in ("II-6", "IV-4"):
            rec = browsing.recommendation_for_code(db, sheet.id, code)
            assert rec is not None
            assessments.rate(db, rec, "partly", by="Maria")
            assessments.edit_follow_up(db, rec, "The law was adopted.", "questionnaire q.xlsx")
    yield db
    db.close()


def _window(qtbot, db: Database, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def _in_sight(win: MainWindow, rec_id: int) -> bool:
    index = win.workbench.model.index_of_recommendation(rec_id)
    parent = index.parent()
    while parent.isValid():
        if not win.workbench.tree.isExpanded(parent):
            return False
        parent = parent.parent()
    return index.isValid()


def _matches(db: Database) -> list[int]:
    found = []
    for sheet in browsing.factsheets(db):
        for code in ("II-6", "IV-4"):
            rec = browsing.recommendation_for_code(db, sheet.id, code)
            assert rec is not None
            found.append(rec)
    return found


def test_after_a_restart_the_matches_are_in_sight(
    qtbot, two_parties: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    first = _window(qtbot, two_parties, settings)
    first.workbench.filters.set_state(NEWER)
    assert first.workbench.filters.count.text() == "Showing 4 of 162 recommendations"
    first.workbench.tree.collapseAll()
    first.close()

    again = _window(qtbot, two_parties, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    wb = again.workbench
    assert wb.filters.state() == NEWER
    assert wb.filters.count.text() == "Showing 4 of 162 recommendations"
    assert all(_in_sight(again, rec) for rec in _matches(two_parties))  # both Parties open


def test_keep_this_rating_takes_one_off_the_count(
    qtbot, two_parties: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, two_parties, settings)
    wb = win.workbench
    wb.filters.set_state(NEWER)
    rec = _matches(two_parties)[0]
    assert wb.select_recommendation(rec)
    assert wb.filters.count.text() == "Showing 4 of 162 recommendations"
    qtbot.mouseClick(wb.assessment.keep, Qt.MouseButton.LeftButton)
    assert wb.filters.count.text() == "Showing 3 of 162 recommendations"
    assert wb.model.index_of_recommendation(rec) != QModelIndex()  # the row stays while worked on
    win.undo()
    assert wb.filters.count.text() == "Showing 4 of 162 recommendations"
