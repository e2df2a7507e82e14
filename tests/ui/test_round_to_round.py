"""Round to round in the window: two rounds of one Party, the last round, Carry over, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from assessor.db.engine import Database, open_database
from assessor.services import assessments, browsing
from assessor.services.imports import import_file
from assessor.ui import dialogs
from assessor.ui.main_window import MainWindow
from tests.ui.conftest import FACTSHEET

LONG = "The draft law on online grooming is pending before Parliament. " * 4


@pytest.fixture
def two_rounds(tmp_path: Path) -> Iterator[Database]:
    """Albania's 1st round (II-6 rated and commented), then its 2nd round, in one database."""
    first = tmp_path / "albania-1st.md"
    first.write_text(
        FACTSHEET.read_text(encoding="utf-8").replace(
            "2<sup>nd</sup> Monitoring Round", "1<sup>st</sup> Monitoring Round"
        ),
        encoding="utf-8",
    )
    db = open_database(tmp_path / "two-rounds.sqlite")
    import_file(db, first)
    old = _rec(db, 0, "II-6")
    assessments.rate(db, old, "partly", by="Maria")
    assessments.set_comment(db, old, LONG, by="Maria")
    import_file(db, FACTSHEET)
    yield db
    db.close()


def _rec(db: Database, n: int, code: str) -> int:
    sheet = browsing.factsheets(db)[n].id
    rec_id = browsing.recommendation_for_code(db, sheet, code)
    assert rec_id is not None
    return rec_id


@pytest.fixture
def win(qtbot, two_rounds: Database, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(two_rounds, settings)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _show(win: MainWindow, n: int, code: str) -> int:
    rec_id = _rec(win.db, n, code)
    assert win.workbench.select_recommendation(rec_id, browsing.factsheets(win.db)[n].id)
    return rec_id


def _fields(win: MainWindow, rec_id: int) -> tuple[str | None, str, str]:
    detail = browsing.detail(win.db, rec_id)
    assert detail is not None
    a = detail.assessment
    return a.rating, a.comment, a.status


def test_the_last_round_shows_carries_over_and_undoes(win: MainWindow) -> None:
    finding = win.workbench.finding
    _show(win, 0, "II-6")  # the 1st round has nothing before it
    assert finding.last_round_row.isHidden()
    rec_id = _show(win, 1, "II-6")
    assert not finding.last_round_row.isHidden()
    line = finding.last_round.text()
    assert line.startswith("Last round: Partly implemented — The draft law on online grooming")
    assert line.endswith("…") and len(line) < len(LONG)
    tip = finding.last_round.toolTip()
    assert "1st monitoring round" in tip and "Maria" in tip
    assert tip.count("pending before Parliament") == 4  # the whole comment
    _show(win, 1, "II-4")  # not assessed in the 1st round: no line
    assert finding.last_round_row.isHidden()

    rec_id = _show(win, 1, "II-6")
    win.ctx.by = "Jonas"
    finding.carry_button.click()
    assert _fields(win, rec_id) == ("partly", LONG.strip(), "draft")
    assert win.workbench.assessment.rating.buttons["partly"].isChecked()
    assert "online grooming" in win.workbench.assessment.comment.toPlainText()
    history = browsing.history(win.db, rec_id)
    assert {h.field for h in history} >= {"rating", "comment"}
    assert all(h.by.startswith("Jonas, carried over from 1st monitoring round") for h in history)
    assert win.stack.undoText() == "Carry over the last round to II-6"

    win.undo()
    assert _fields(win, rec_id) == (None, "", "draft")
    assert win.workbench.assessment.comment.toPlainText() == ""
    assert not finding.last_round_row.isHidden()  # still there to carry again
    win.stack.redo()
    assert _fields(win, rec_id) == ("partly", LONG.strip(), "draft")


def test_an_assessment_begun_is_replaced_only_when_asked(
    win: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec_id = _show(win, 1, "II-6")
    assessments.rate(win.db, rec_id, "not_implemented", by="Jonas")
    win.workbench.show_recommendation(rec_id)
    asked: list[str] = []

    def no(_parent: object, _title: str, message: str) -> bool:
        asked.append(message)
        return False

    monkeypatch.setattr(dialogs, "confirm", no)
    count = win.stack.count()
    win.workbench.finding.carry_button.click()
    assert asked and "already rated or commented" in asked[0]
    assert _fields(win, rec_id)[0] == "not_implemented" and win.stack.count() == count

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    win.workbench.finding.carry_button.click()
    assert _fields(win, rec_id)[0] == "partly"
    win.undo()
    assert _fields(win, rec_id) == ("not_implemented", "", "draft")


def test_carry_over_acts_only_on_the_selected_recommendation(win: MainWindow) -> None:
    wb = win.workbench
    rec_id = _show(win, 1, "II-6")
    wb.tree.setCurrentIndex(wb.model.index_of_factsheet(browsing.factsheets(win.db)[1].id))
    messages: list[str] = []
    wb.message.connect(messages.append)
    wb.finding.carry_button.click()
    assert _fields(win, rec_id) == (None, "", "draft")
    assert any("Select the recommendation" in m for m in messages)


def test_read_only_hides_carry_over(win: MainWindow) -> None:
    _show(win, 1, "II-6")
    win.workbench.set_read_only(True)
    assert win.workbench.finding.carry_button.isHidden()
    assert not win.workbench.finding.last_round_row.isHidden()


def test_a_rating_of_another_scale_carries_only_the_comment(
    qtbot, tmp_path: Path, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "albania-1st.md"
    first.write_text(
        FACTSHEET.read_text(encoding="utf-8").replace(
            "2<sup>nd</sup> Monitoring Round", "1<sup>st</sup> Monitoring Round"
        ),
        encoding="utf-8",
    )
    db = open_database(tmp_path / "scales.sqlite")
    try:
        import_file(db, first, scale="fatf")
        assessments.rate(db, _rec(db, 0, "II-6"), "largely", by="Maria")
        assessments.rate(db, _rec(db, 0, "II-8"), "compliant", by="Maria")
        assessments.set_comment(db, _rec(db, 0, "II-8"), "Adopted in 2024.", by="Maria")
        import_file(db, FACTSHEET)  # the 2nd round on GRECO's scale
        w = MainWindow(db, settings)
        qtbot.addWidget(w)
        w.show()
        finding = w.workbench.finding
        _show(w, 1, "II-6")
        assert finding.last_round.text().startswith("Last round: Largely compliant (not on")
        assert not finding.carry_button.isEnabled()  # nothing would carry
        rec_id = _show(w, 1, "II-8")
        assert "only the comment carries over" in finding.last_round.text()
        assert finding.carry_button.isEnabled()
        finding.carry_button.click()
        assert _fields(w, rec_id) == (None, "Adopted in 2024.", "draft")
        w.close()
    finally:
        db.close()
