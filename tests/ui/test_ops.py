"""The op runner: a success emits one change set, an error is shown, Cancel stops a job."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from assessor.exporters.pdf_summary import write_pdf_summary
from assessor.services.cancel import Cancel, Cancelled
from assessor.services.changes import Changes
from assessor.services.errors import ServiceError
from assessor.services.opening import Handle
from assessor.ui import dialogs
from assessor.ui.ops import OpRunner


@pytest.fixture
def runner(qtbot) -> OpRunner:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    return OpRunner(parent)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message, *a: told.append(message))
    return told


def test_a_call_that_writes_emits_its_changes_once(runner: OpRunner, shown: list[str]) -> None:
    emitted: list[Changes] = []
    runner.changed.connect(emitted.append)
    result = runner.run("Rate", lambda: Changes.of_recommendations([7]))
    assert result == Changes.of_recommendations([7])
    assert emitted == [Changes.of_recommendations([7])] and not shown


def test_an_error_is_shown_and_nothing_is_emitted(runner: OpRunner, shown: list[str]) -> None:
    emitted: list[Changes] = []
    runner.changed.connect(emitted.append)

    def fail() -> Changes:
        raise ServiceError("That recommendation is gone.")

    assert runner.run("Rate", fail) is None
    assert shown == ["That recommendation is gone."] and not emitted


def test_a_background_job_ends_in_on_done_and_one_changed(qtbot, runner: OpRunner) -> None:  # type: ignore[no-untyped-def]
    emitted: list[Changes] = []
    runner.changed.connect(emitted.append)
    got: list[Changes] = []
    runner.run_in_background(
        "Import", "Importing…", lambda _c: Changes.of_factsheets([3]), got.append
    )
    qtbot.waitUntil(lambda: bool(got))
    assert got == [Changes.of_factsheets([3])] and emitted == got and not runner.busy


def test_cancel_before_the_job_starts_runs_nothing(
    qtbot, runner: OpRunner, shown: list[str]
) -> None:  # type: ignore[no-untyped-def]
    release, ran, done = threading.Event(), [], []
    runner.run_in_background("Backup", "Backing up…", lambda _c: release.wait(5), done.append)
    runner.run_in_background("Export", "Exporting…", lambda _c: ran.append("ran"), done.append)
    runner.cancel_all()  # the second job is still queued behind the first
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert not ran and not shown


def test_cancel_during_a_job_stops_it_at_its_next_check(
    qtbot, runner: OpRunner, shown: list[str]
) -> None:  # type: ignore[no-untyped-def]
    started, units = threading.Event(), []
    done: list[object] = []
    tokens: list[Cancel] = []

    def job(cancel: Cancel) -> None:
        tokens.append(cancel)
        started.set()
        for unit in range(10_000):
            cancel.check()
            units.append(unit)
            threading.Event().wait(0.001)

    runner.run_in_background("Export", "Exporting…", job, done.append)
    assert started.wait(5)
    runner.cancel_all()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert tokens[0].requested and len(units) < 10_000
    assert not done and not shown


class _CancelAfter(Cancel):
    """A token that asks to stop after it has been checked ``n`` times."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.left = n

    def check(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.request()
        super().check()


def test_a_cancelled_pdf_export_leaves_no_file(real_db: Handle, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    with pytest.raises(Cancelled):
        write_pdf_summary(real_db, target, scope="all", cancel=_CancelAfter(5))
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if "summary" in p.name]


def test_cancel_pressed_during_an_export_ends_it_and_says_so(
    qtbot, real_db: Handle, tmp_path: Path, shown: list[str]
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMainWindow, QProgressDialog, QPushButton

    from assessor.exporters.json_export import write_json

    window = QMainWindow()
    qtbot.addWidget(window)
    runner = OpRunner(window)
    target = tmp_path / "export.json"
    in_export, pressed = threading.Event(), threading.Event()

    class Pausing:
        """The runner's token, pausing at the export's second check until Cancel is pressed."""

        def __init__(self, token: Cancel) -> None:
            self.token, self.checks = token, 0

        def check(self) -> None:
            self.checks += 1
            if self.checks == 2:
                in_export.set()
                pressed.wait(5)
            self.token.check()

    done: list[object] = []
    failed: list[BaseException] = []
    told: list[str] = []
    runner.cancelled.connect(told.append)
    runner.run_in_background(
        "Export JSON",
        "Exporting…",
        lambda cancel: write_json(real_db, target, Pausing(cancel)),  # type: ignore[arg-type]
        done.append,
        failed.append,
    )
    assert in_export.wait(5)  # the export is under way
    (progress,) = window.findChildren(QProgressDialog)
    (button,) = progress.findChildren(QPushButton)
    button.click()  # the dialog's Cancel button
    pressed.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert not done and isinstance(failed[0], Cancelled) and not shown  # no "Exported", no error
    assert told == ["Export JSON: cancelled; nothing was written."]
    assert window.statusBar().currentMessage() == told[0]
    assert not [p for p in tmp_path.iterdir() if "export" in p.name]


def test_a_job_that_finished_before_cancel_is_reported_done(qtbot, runner: OpRunner) -> None:  # type: ignore[no-untyped-def]
    done: list[object] = []
    told: list[str] = []
    runner.cancelled.connect(told.append)

    def job(cancel: Cancel) -> str:
        cancel.request()  # Cancel pressed after the job's last check: the work was done
        return "written"

    runner.run_in_background("Export", "Exporting…", job, done.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert done == ["written"] and told == ["Export: what was done before Cancel is kept."]
