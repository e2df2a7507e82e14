"""Two writers in the window: another session saves first, the window's save gets the dialog.

The other session is a service call on the same database (as the command line, or a second
window on a server, would make); the window then saves over the version it showed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assessor.services import assessments, browsing
from assessor.services.conflicts import SaveConflict
from assessor.ui import conflict_dialog
from assessor.ui.conflict_dialog import (
    KEEP_MINE,
    TAKE_THEIRS,
    ConflictDialog,
    Resolution,
)
from assessor.ui.main_window import MainWindow


def _shown(window: MainWindow) -> int:
    detail = window.workbench.detail
    assert detail is not None
    return detail.id


def _stored(window: MainWindow, rec_id: int):  # type: ignore[no-untyped-def]
    detail = browsing.detail(window.db, rec_id)
    assert detail is not None
    return detail.assessment


def _history(window: MainWindow, rec_id: int) -> list[tuple[str, str | None, str | None]]:
    return [(e.field, e.old, e.new) for e in browsing.history(window.db, rec_id)]


def _answer(
    monkeypatch: pytest.MonkeyPatch, resolution: Resolution
) -> list[tuple[SaveConflict, bool]]:
    asked: list[tuple[SaveConflict, bool]] = []

    def ask(_parent: object, conflict: SaveConflict, _me: str, can_merge: bool) -> Resolution:
        asked.append((conflict, can_merge))
        return resolution

    monkeypatch.setattr(conflict_dialog, "ask_resolution", ask)
    return asked


def _type_comment(window: MainWindow, text: str) -> None:
    pane = window.workbench.assessment
    pane.comment.setPlainText(text)
    pane.flush()


def test_keep_mine_saves_over_theirs_and_undo_puts_theirs_back(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _shown(window)
    window.ctx.by = "Bob"
    asked = _answer(monkeypatch, Resolution(KEEP_MINE))
    assessments.set_comment(window.db, rec, "Ann's text.", by="Ann")  # the other session

    _type_comment(window, "Bob's text.")

    ((conflict, can_merge),) = asked
    assert conflict.by == "Ann" and can_merge
    assert _stored(window, rec).comment == "Bob's text."
    assert window.workbench.assessment.comment.toPlainText() == "Bob's text."
    history = _history(window, rec)
    assert ("comment", "", "Ann's text.") in history
    assert ("comment_not_saved", "Ann's text.", "Bob's text.") in history
    assert ("comment", "Ann's text.", "Bob's text.") in history
    # Undo puts theirs back, not the empty comment Bob first saw.
    assert window.stack.count() == 1
    window.undo()
    assert _stored(window, rec).comment == "Ann's text."
    window.redo()
    assert _stored(window, rec).comment == "Bob's text."


def test_take_theirs_drops_mine_shows_theirs_and_keeps_mine_in_the_history(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _shown(window)
    asked = _answer(monkeypatch, Resolution(TAKE_THEIRS))
    assessments.rate(window.db, rec, "partly", by="Ann")

    window.workbench.rate_current(1)  # "implemented"

    assert len(asked) == 1 and not asked[0][1]  # a rating: nothing to merge by hand
    assert _stored(window, rec).rating == "partly"
    assert window.workbench.assessment.rating.buttons["partly"].isChecked()
    assert window.stack.count() == 0  # nothing of mine to undo
    assert ("rating_not_saved", "partly", "implemented") in _history(window, rec)
    # The next save is made over theirs, without a conflict.
    window.workbench.rate_current(3)
    assert _stored(window, rec).rating == "not_implemented"
    assert len(asked) == 1


def test_merge_by_hand_through_the_dialog_saves_both_signed(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    rec = _shown(window)
    window.ctx.by = "Bob"
    dialogs: list[ConflictDialog] = []

    def ask(parent: object, conflict: SaveConflict, me: str, can_merge: bool) -> Resolution:
        dialog = ConflictDialog(conflict, me, can_merge)
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        assert dialog.theirs.toPlainText() == "Ann's text."
        assert dialog.mine.toPlainText() == "Bob's text."
        assert dialog.merge.isVisibleTo(dialog) and not dialog.editor_box.isVisibleTo(dialog)
        dialog.merge.click()
        assert dialog.editor_box.isVisibleTo(dialog)
        prefilled = dialog.editor.toPlainText()
        assert "Ann's text." in prefilled and "— Ann, " in prefilled
        assert "Bob's text." in prefilled and "— Bob" in prefilled
        dialog.editor.setPlainText("Ann's and Bob's text, merged.")
        dialog.save_merged.click()
        return dialog.resolution()

    monkeypatch.setattr(conflict_dialog, "ask_resolution", ask)
    assessments.set_comment(window.db, rec, "Ann's text.", by="Ann")

    _type_comment(window, "Bob's text.")

    assert len(dialogs) == 1
    assert _stored(window, rec).comment == "Ann's and Bob's text, merged."
    texts = {t for _f, old, new in _history(window, rec) for t in (old, new)}
    assert {"Ann's text.", "Bob's text.", "Ann's and Bob's text, merged."} <= texts
    window.undo()
    assert _stored(window, rec).comment == "Ann's text."


def test_without_another_save_there_is_no_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _shown(window)
    asked = _answer(monkeypatch, Resolution(TAKE_THEIRS))
    _type_comment(window, "First.")
    _type_comment(window, "First, then more.")
    window.workbench.rate_current(2)
    window.undo()
    window.undo()
    assert asked == [] and _stored(window, rec).comment == ""


def test_an_undo_over_someone_elses_later_save_asks_too(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _shown(window)
    asked = _answer(monkeypatch, Resolution(TAKE_THEIRS))
    window.workbench.rate_current(1)
    assessments.rate(window.db, rec, "partly", by="Ann")  # after mine

    window.undo()

    assert len(asked) == 1
    assert _stored(window, rec).rating == "partly"  # theirs stands
    assert window.stack.count() == 0


def test_the_dialog_buttons_and_its_picture(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rec = _shown(window)
    assessments.assess(window.db, rec, "partly", "Ann's first comment.", by="Ann")
    seen = _stored(window, rec).version
    assessments.set_comment(
        window.db, rec, "Ann: the law of 2020 answers this.", by="Ann", expected_version=seen
    )
    with pytest.raises(SaveConflict) as caught:
        assessments.set_comment(
            window.db,
            rec,
            "Bob: the law is not yet applied by the courts.",
            by="Bob",
            expected_version=seen,
        )
    for button, choice in (("keep_mine", KEEP_MINE), ("take_theirs", TAKE_THEIRS)):
        dialog = ConflictDialog(caught.value, "Bob", True)
        qtbot.addWidget(dialog)
        getattr(dialog, button).click()
        assert dialog.resolution() == Resolution(choice)
    closed = ConflictDialog(caught.value, "Bob", False)
    qtbot.addWidget(closed)
    assert not closed.merge.isVisibleTo(closed)
    closed.reject()
    assert closed.resolution().choice == TAKE_THEIRS  # mine is in the history anyway

    shown = ConflictDialog(caught.value, "Bob", True)
    qtbot.addWidget(shown)
    shown.show()
    shown.merge.click()
    qtbot.waitExposed(shown)
    # docs/images/conflict-dialog.png is this picture (ASSESSOR_SCREENSHOT_DIR=docs/images).
    folder = Path(os.environ.get("ASSESSOR_SCREENSHOT_DIR") or tmp_path)
    assert shown.grab().save(str(folder / "conflict-dialog.png"))


def test_marking_final_after_someone_elses_rating_keeps_both(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _shown(window)
    asked = _answer(monkeypatch, Resolution(KEEP_MINE))
    assessments.rate(window.db, rec, "partly", by="Ann")

    window.workbench.assessment.final.setChecked(True)  # Bob marks it final, unaware

    ((conflict, can_merge),) = asked
    assert [e.field for e in conflict.theirs] == ["rating"] and not can_merge
    stored = _stored(window, rec)
    assert (stored.rating, stored.status) == ("partly", "final")  # theirs and mine
    window.undo()
    stored = _stored(window, rec)
    assert (stored.rating, stored.status) == ("partly", "draft")  # Ann's rating stays


def test_the_same_value_as_theirs_is_no_conflict(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = _shown(window)
    asked = _answer(monkeypatch, Resolution(KEEP_MINE))
    assessments.set_status(window.db, rec, "final", by="Ann")
    window.workbench.assessment.final.setChecked(True)  # what Ann did: nothing to save
    assert asked == [] and window.stack.count() == 0
