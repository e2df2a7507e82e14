"""File → Send assessment… and Merge a colleague's assessment… on the real window: the
conflict screen, its choices, Apply as one undo step, Cancel writing nothing."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from assessor.db.engine import open_database
from assessor.domain.merge import Choice, Kind, MergePlan
from assessor.exporters.package import write_package
from assessor.importers.package_file import PassphraseNeeded, read_package
from assessor.services import assessments, browsing
from assessor.ui import dialogs, exchange_actions, merge_dialog
from assessor.ui.dialogs import SendOptions
from assessor.ui.main_window import MainWindow
from assessor.ui.merge_dialog import MergeDialog, summary_html
from tests.questionnaire_helpers import dump


def _trigger(win: MainWindow, name: str) -> None:
    action = win.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def _rec(win: MainWindow, code: str) -> int:
    with win.db.reading() as s:
        return assessments.find_by_code(s, code).id


def _assessment(win: MainWindow, code: str) -> tuple[str | None, str]:
    detail = browsing.detail(win.db, _rec(win, code))
    assert detail is not None
    return detail.assessment.rating, detail.assessment.comment


@pytest.fixture
def package(window: MainWindow, template_db: Path, tmp_path: Path) -> Path:
    """Ann's package, made from a copy of the same database and rated differently from mine."""
    path = tmp_path / "ann.sqlite"
    shutil.copy(template_db, path)
    ann = open_database(path)
    assessments.rate_by_code(
        ann, "II-6", "implemented", comment="Ann: the code is adopted.", by="Ann"
    )
    assessments.rate_by_code(ann, "II-8", "partly", by="Ann")
    assessments.rate_by_code(ann, "III-15", "implemented", by="Ann")  # only theirs
    assessments.rate_by_code(ann, "IV-4", "partly", by="Ann")  # the same on both sides
    assessments.rate_by_code(ann, "II-9", None, comment="Ann's note on II-9.", by="Ann")
    out = tmp_path / "Ann.assessor"
    write_package(ann, out, by="Ann")
    ann.close()
    mine = window.db
    assessments.rate_by_code(
        mine, "II-6", "not_implemented", comment="Bob: not adopted yet.", by="Bob"
    )
    assessments.rate_by_code(mine, "II-8", "not_implemented", by="Bob")
    assessments.rate_by_code(mine, "IV-4", "partly", by="Bob")
    assessments.rate_by_code(mine, "II-9", None, comment="Bob's note on II-9.", by="Bob")
    return out


def _key(dialog: MergeDialog, code: str, subject: str) -> str:
    return next(d.key for d in dialog.plan.differences if d.label == code and d.subject == subject)


def test_conflicts_chosen_one_by_one_then_applied_as_one_undo_step(
    qtbot, window: MainWindow, package: Path, monkeypatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_merge_file", lambda *a: str(package))
    seen: dict[str, object] = {}

    def choose(parent: object, plan: MergePlan, labels: dict[str, str]) -> dict[str, Choice]:
        dialog = MergeDialog(plan, labels, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        conflicts = {(d.label, d.subject) for d in plan.conflicts}
        assert conflicts == {
            ("II-6", "rating"),
            ("II-6", "comment"),
            ("II-8", "rating"),
            ("II-9", "comment"),
        }
        # Only conflicts by default; Apply waits for every choice and says how many are left.
        assert dialog.only_conflicts.isChecked()
        assert set(dialog.shown_keys()) == {d.key for d in plan.conflicts}
        assert not dialog.apply_button.isEnabled()
        assert dialog.remaining.text() == "4 conflicts still need a choice"
        summary = dialog.summary.text()
        assert "Ann's package of" in summary and "conflicts: 4" in summary
        assert "Agreement on the 3 ratings you both gave" in summary and "33 %" in summary

        # A rating: side by side, keep mine or take theirs (keeping both makes no sense).
        dialog.select(_key(dialog, "II-6", "rating"))
        assert "Not implemented" in dialog.mine_text.toPlainText()
        assert "Bob" in dialog.mine_text.toPlainText()
        assert "Implemented satisfactorily" in dialog.theirs_text.toPlainText()
        assert not dialog.choice_buttons[Choice.BOTH].isVisible()
        qtbot.mouseClick(dialog.choice_buttons[Choice.THEIRS], Qt.MouseButton.LeftButton)
        # The choice moves on to the next conflict without one: II-6's comment.
        current = dialog.current()
        assert current is not None and (current.label, current.subject) == ("II-6", "comment")
        assert "Bob: not adopted yet." in dialog.mine_text.toPlainText()
        assert "Ann: the code is adopted." in dialog.theirs_text.toPlainText()
        assert dialog.choice_buttons[Choice.BOTH].isVisible()
        qtbot.mouseClick(dialog.choice_buttons[Choice.BOTH], Qt.MouseButton.LeftButton)
        dialog.select(_key(dialog, "II-8", "rating"))
        qtbot.mouseClick(dialog.choice_buttons[Choice.MINE], Qt.MouseButton.LeftButton)
        assert not dialog.apply_button.isEnabled()
        assert dialog.remaining.text() == "1 conflict still needs a choice"
        dialog.select(_key(dialog, "II-9", "comment"))
        qtbot.mouseClick(dialog.choice_buttons[Choice.THEIRS], Qt.MouseButton.LeftButton)
        assert dialog.apply_button.isEnabled()
        # Nothing is written until Apply.
        assert _assessment(window, "II-6") == ("not_implemented", "Bob: not adopted yet.")
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted
        seen["source"] = plan.source
        return dict(dialog.choices)

    monkeypatch.setattr(merge_dialog, "ask_merge_choices", choose)
    _trigger(window, "merge_assessment")
    qtbot.waitUntil(lambda: window.stack.count() == 1, timeout=30000)
    qtbot.waitUntil(lambda: not window.runner.busy)

    rating, comment = _assessment(window, "II-6")
    assert rating == "implemented"  # theirs taken
    assert comment.index("Bob: not adopted yet.") < comment.index("Ann: the code is adopted.")
    assert "— Bob, 20" in comment and "— Ann, 20" in comment  # both kept, each signed
    assert _assessment(window, "II-8")[0] == "not_implemented"  # mine kept
    assert _assessment(window, "II-9")[1] == "Ann's note on II-9."
    assert _assessment(window, "III-15")[0] == "implemented"  # only theirs: taken
    history = browsing.history(window.db, _rec(window, "III-15"))
    assert any(f"merged from {seen['source']}" in h.by for h in history)
    assert "Merged 4 changes" in window.statusBar().currentMessage()

    # One undo step takes the whole merge back; redo applies it again.
    assert window.stack.undoText() == f"Merge {seen['source']}"
    window.undo()
    assert window.stack.index() == 0
    assert _assessment(window, "II-6") == ("not_implemented", "Bob: not adopted yet.")
    assert _assessment(window, "III-15")[0] is None
    assert _assessment(window, "II-9")[1] == "Bob's note on II-9."
    window.redo()
    assert _assessment(window, "II-6")[0] == "implemented"
    assert _assessment(window, "III-15")[0] == "implemented"


def test_cancel_writes_nothing(qtbot, window: MainWindow, package: Path, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_merge_file", lambda *a: str(package))
    before = dump(window.db)
    shown: list[MergeDialog] = []

    def press_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(50, press_cancel)
            return
        shown.append(dialog)
        dialog.choose_all(Choice.THEIRS)  # choices made, then thought better of
        dialog.cancel_button.click()

    # The real screen, modal: a timer presses Cancel once it is up.
    original = merge_dialog.ask_merge_choices

    def ask(*args: object) -> object:
        QTimer.singleShot(0, press_cancel)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(merge_dialog, "ask_merge_choices", ask)
    _trigger(window, "merge_assessment")
    qtbot.waitUntil(lambda: bool(shown) and not window.runner.busy, timeout=30000)
    qtbot.waitUntil(lambda: "Nothing was merged" in window.statusBar().currentMessage())
    assert dump(window.db) == before
    assert window.stack.count() == 0


def test_for_all_buttons_the_filter_and_the_size(qtbot, window: MainWindow, package: Path) -> None:
    from assessor.services.merge import prepare_merge

    plan = prepare_merge(window.db, read_package(package))
    dialog = MergeDialog(plan, {"implemented": "Implemented satisfactorily"}, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # It fits a 1024×600 screen.
    assert dialog.width() <= 1024 and dialog.height() <= 600
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600

    dialog.choose_all(Choice.MINE)
    assert dialog.apply_button.isEnabled() and set(dialog.choices.values()) == {Choice.MINE}
    qtbot.mouseClick(dialog.all_theirs, Qt.MouseButton.LeftButton)
    assert set(dialog.choices.values()) == {Choice.THEIRS}

    # Without the filter, what is taken or kept without asking is listed too, not choosable.
    dialog.only_conflicts.setChecked(False)
    assert len(dialog.shown_keys()) == len(plan.differences) > len(plan.conflicts)
    taken = next(d for d in plan.differences if d.kind is Kind.ONLY_THEIRS)
    dialog.select(taken.key)
    assert not dialog.choice_buttons[Choice.THEIRS].isEnabled()
    assert "theirs is taken" in dialog.note.text()


def test_a_newer_factsheet_is_offered_as_a_reimport(window: MainWindow, package: Path) -> None:
    from assessor.services.merge import prepare_merge

    plan = prepare_merge(window.db, read_package(package))
    newer = dataclasses.replace(plan.factsheets[0], reimport_offered=True)
    text = summary_html(dataclasses.replace(plan, factsheets=(newer,)))
    assert "Offered as a re-import" in text and "File → Import" in text


def test_send_writes_a_package_that_opens(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    asked: list[str] = []

    def save_path(_parent: object, _title: str, suggested: str, _filters: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "for-ann")

    monkeypatch.setattr(
        dialogs, "ask_send_options", lambda *a: SendOptions(party="Albania", protect=True)
    )
    monkeypatch.setattr(dialogs, "ask_save_path", save_path)
    monkeypatch.setattr(dialogs, "ask_package_passphrase", lambda *a, **k: "correct horse")
    _trigger(window, "send_assessment")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    target = tmp_path / "for-ann.assessor"  # the suffix is added
    assert asked == [f"Albania-{date.today().isoformat()}.assessor"]
    assert target.is_file() and str(target) in window.statusBar().currentMessage()
    with pytest.raises(PassphraseNeeded):
        read_package(target)
    opened = read_package(target, "correct horse")
    assert opened.manifest["parties"] == ["Albania"] and opened.encrypted


def test_suggested_names() -> None:
    day = date(2026, 5, 1)
    assert exchange_actions.suggested_name("Albania", day) == "Albania-2026-05-01.assessor"
    assert exchange_actions.suggested_name("Bosnia and Herzegovina", day).startswith(
        "Bosnia-and-Herzegovina-"
    )
    assert exchange_actions.suggested_name(None, day) == "all-Parties-2026-05-01.assessor"
