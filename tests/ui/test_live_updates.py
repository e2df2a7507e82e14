"""Edits by others appear in the open window without restarting it (polled every few seconds).

The other writer is a service call on the window's database, as the command line (or a
window on the same server) would make; the poll runs every 50 ms here.
"""

from __future__ import annotations

import pytest

from assessor.db.opening import open_database
from assessor.services import assessments, browsing
from assessor.services.imports import import_file
from assessor.ui import conflict_dialog
from assessor.ui.conflict_dialog import KEEP_MINE, Resolution
from assessor.ui.main_window import MainWindow
from assessor.ui.tree_model import ROLE_RATING
from tests.ui.conftest import FACTSHEET


def _rec(window: MainWindow, code: str) -> int:
    sheet = window.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, sheet, code)
    assert rec_id is not None
    return rec_id


@pytest.fixture
def fast(window: MainWindow) -> MainWindow:
    """The window polling every 50 ms."""
    window.live.timer.setInterval(50)
    return window


def test_a_rating_by_someone_else_reaches_the_tree_and_the_counts(qtbot, fast: MainWindow) -> None:  # type: ignore[no-untyped-def]
    rec = _rec(fast, "II-6")
    shown = fast.workbench.detail
    assert shown is not None and shown.id != rec
    assert "0 of 22 in scope rated" in fast.progress_label.text()

    assessments.rate(fast.db, rec, "partly", by="Ann")

    index = lambda: fast.workbench.model.index_of_recommendation(rec)  # noqa: E731
    qtbot.waitUntil(lambda: index().data(ROLE_RATING) == "partly", timeout=5000)
    qtbot.waitUntil(lambda: "1 of 22 in scope rated" in fast.progress_label.text())
    assert fast.workbench.detail is not None and fast.workbench.detail.id == shown.id  # cursor kept
    assert fast.stack.count() == 0  # not an edit of this window's: nothing to undo


def test_the_shown_recommendation_follows_and_its_next_save_is_no_conflict(
    qtbot, fast: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[object] = []
    monkeypatch.setattr(conflict_dialog, "ask_resolution", lambda *a, **k: asked.append(a))
    pane = fast.workbench.assessment
    rec = pane.recommendation_id
    assert rec is not None

    assessments.set_comment(fast.db, rec, "Ann's note.", by="Ann")

    qtbot.waitUntil(lambda: pane.comment.toPlainText() == "Ann's note.", timeout=5000)
    assert "by Ann" in pane.saved.text()
    # The window now shows Ann's version: saving over it is no conflict.
    pane.comment.setPlainText("Ann's note. And mine.")
    pane.flush()
    assert asked == []
    assert browsing.detail(fast.db, rec).assessment.comment == "Ann's note. And mine."  # type: ignore[union-attr]


def test_a_comment_being_typed_is_never_replaced(
    qtbot, fast: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    pane = fast.workbench.assessment
    rec = pane.recommendation_id
    assert rec is not None
    pane.comment.setFocus()
    pane.comment.setPlainText("I am typing this")  # the save waits for a pause in typing
    assert pane.has_pending_comment
    applied: list[object] = []
    fast.live.applied.connect(applied.append)

    assessments.rate(fast.db, rec, "implemented", by="Ann")
    assert fast.live.editing()
    qtbot.wait(300)  # several polls
    assert applied == [] and pane.comment.toPlainText() == "I am typing this"

    # The typed comment is saved over the version shown: the dialog, keep mine.
    monkeypatch.setattr(conflict_dialog, "ask_resolution", lambda *a, **k: Resolution(KEEP_MINE))
    pane.flush()
    stored = browsing.detail(fast.db, rec).assessment  # type: ignore[union-attr]
    assert (stored.rating, stored.comment) == ("implemented", "I am typing this")
    qtbot.waitUntil(lambda: pane.rating.buttons["implemented"].isChecked(), timeout=5000)
    assert pane.comment.toPlainText() == "I am typing this"


def test_polling_stops_with_the_window(qtbot, fast: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert fast.live.timer.isActive()
    fast.close()
    assert not fast.live.timer.isActive()


# --- on a real server ------------------------------------------------------------------------


@pytest.fixture
def server_window(qtbot, new_database, settings):  # type: ignore[no-untyped-def]
    """A window on a database of the test server, and a second handle (another rapporteur)."""
    db = new_database()
    if db.path is not None:
        pytest.skip("needs a PostgreSQL server: ASSESSOR_TEST_DATABASE_URL (make test-postgres)")
    import_file(db, FACTSHEET)
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    win.live.timer.setInterval(50)
    other = open_database(db.url.render_as_string(hide_password=False), backup=False)
    yield win, other
    win.close()
    other.close()


def test_on_a_server_another_rapporteurs_save_appears_then_conflicts(
    qtbot, server_window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    win, other = server_window
    pane = win.workbench.assessment
    rec = pane.recommendation_id
    assert rec is not None
    assessments.set_comment(other, rec, "Ann's note.", by="Ann")
    qtbot.waitUntil(lambda: pane.comment.toPlainText() == "Ann's note.", timeout=5000)

    asked: list[object] = []
    monkeypatch.setattr(
        conflict_dialog, "ask_resolution", lambda *a, **k: asked.append(a) or Resolution(KEEP_MINE)
    )
    win.live.stop()  # the window does not see the next save of Ann's before it saves
    assessments.set_comment(other, rec, "Ann's second note.", by="Ann")
    pane.comment.setPlainText("Bob's note.")
    pane.flush()
    assert len(asked) == 1
    assert browsing.detail(other, rec).assessment.comment == "Bob's note."  # type: ignore[union-attr]
    fields = [e.field for e in browsing.history(other, rec)]
    assert "comment_not_saved" in fields
