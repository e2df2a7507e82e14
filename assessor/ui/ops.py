"""The op runner: every service call from the window goes through here (Anki's CollectionOp).

It catches the errors a user can cause and shows them in one dialog, emits one
``changed(changes)`` signal after each successful write so that views refresh what changed,
and runs long work (imports, exports) on a worker thread behind a cancellable progress dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from assessor.importers.common import ImportRejected
from assessor.services.cancel import Cancel, Cancelled
from assessor.services.changes import Changes
from assessor.services.errors import ServiceError
from assessor.services.opening import DatabaseError, is_storage_error
from assessor.ui import dialogs

T = TypeVar("T")
log = logging.getLogger(__name__)

#: Errors whose message is written for the user and shown as is.
USER_ERRORS = (ServiceError, DatabaseError, ImportRejected, OSError, UnicodeError)


def is_said(exc: BaseException) -> bool:
    """Whether ``exc`` is the user's or the database's (locked, gone, damaged), not a bug."""
    return isinstance(exc, USER_ERRORS) or is_storage_error(exc)


def describe_error(exc: BaseException) -> str:
    """One plain message for the user from any exception a service may raise."""
    if isinstance(exc, USER_ERRORS):
        return str(exc)
    if is_storage_error(exc):
        # Usually "database is locked" (another program holds it) or a damaged file.
        return QCoreApplication.translate(
            "ops",
            "The database could not be written or read ({kind}). Nothing was changed. "
            "Details: {details}",
        ).format(kind=exc.__class__.__name__, details=exc)
    return QCoreApplication.translate(
        "ops", "Unexpected error ({kind}: {details}). Nothing was changed."
    ).format(kind=exc.__class__.__name__, details=exc)


def changes_of(result: object) -> Changes | None:
    """The change set a service returned, directly or as its ``changes`` field."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else None


class _WorkerSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Worker(QRunnable):
    def __init__(self, job: Callable[[Cancel], Any], cancel: Cancel) -> None:
        super().__init__()
        self.job, self.cancel, self.signals = job, cancel, _WorkerSignals()

    def run(self) -> None:
        try:
            self.cancel.check()  # cancelled while it waited behind another job: never started
            result = self.job(self.cancel)
        except BaseException as exc:  # reported on the GUI thread, never lost in the worker
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class OpRunner(QObject):
    """Runs service calls for the window; emits ``changed`` after each one that wrote."""

    changed = Signal(object)
    #: True while background work runs (the window disables editing meanwhile).
    busy_changed = Signal(bool)
    #: What a Cancel came to, in words (also shown in the parent window's status bar).
    cancelled = Signal(str)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one long job at a time: they all write
        self._running: list[_Worker] = []
        self._quiet: list[_Worker] = []  # kept referenced until their signals are delivered
        self._reading_failed = False

    def cancel_all(self) -> None:
        """Ask every running or queued job to stop at its next check (as Cancel does)."""
        for worker in self._running:
            worker.cancel.request()

    @property
    def busy(self) -> bool:
        """Whether background work is running."""
        return bool(self._running)

    def _tell_cancelled(self, message: str) -> None:
        """Say that a job was cancelled: the ``cancelled`` signal and the status bar."""
        self.cancelled.emit(message)
        if isinstance(self._parent, QMainWindow):
            self._parent.statusBar().showMessage(message, 10000)

    def run(self, title: str, call: Callable[[], T]) -> T | None:
        """Call a service now; on failure show why and return None, else return its result."""
        try:
            result = call()
        except Exception as exc:
            self._show_failure(title, exc)
            return None
        changes = changes_of(result)
        if changes:
            self.changed.emit(changes)
        return result

    def read(self, call: Callable[[], T], default: T, title: str = "") -> T:
        """A read on the GUI thread (the tree, a recommendation, a list): its result, or
        ``default`` once the error dialog has said in plain words why it failed (the database
        gone, locked, damaged) — never a traceback in Qt's hook."""
        try:
            return call()
        except Exception as exc:
            if not self._reading_failed:  # reads failing while its dialog is open say it once
                self._reading_failed = True
                try:
                    self._show_failure(title or self.tr("Reading the database"), exc)
                finally:
                    self._reading_failed = False
            return default

    def _show_failure(self, title: str, exc: BaseException) -> None:
        """Log what the user cannot fix, and show the plain-words error dialog."""
        if not isinstance(exc, USER_ERRORS):
            log.error("%s failed", title, exc_info=exc)
        dialogs.show_error(self._parent, title, describe_error(exc))

    def run_in_background(
        self,
        title: str,
        label: str,
        job: Callable[[Cancel], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``job`` on a worker thread behind a progress dialog; ``on_done`` gets its result.

        If it fails, the error dialog says why, then ``on_failed`` (if given) gets the exception
        to put the window right (a cancelled job calls it too, with no dialog).

        ``job`` receives a token that Cancel requests; the services it calls check it between
        units of work (rows, files, pages) and raise ``Cancelled``, which ends the job with
        nothing written: ``on_done`` is not called (no "Exported" message) and the status bar
        says it was cancelled. A job that returns although Cancel was asked for (its last check
        had passed, or it keeps the files written before: an import of several) is reported by
        ``on_done`` as done, because it was, and ``cancelled`` says so.
        """
        cancel = Cancel()
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._parent)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # quick jobs finish without a flash of a dialog
        progress.setAutoClose(False)
        progress.canceled.connect(cancel.request)
        worker = _Worker(job, cancel)
        self._running.append(worker)
        self.busy_changed.emit(True)

        def finish() -> None:
            progress.reset()
            progress.deleteLater()
            self._running.remove(worker)
            self.busy_changed.emit(bool(self._running))

        def done(result: object) -> None:
            finish()
            changes = changes_of(result)
            if changes:
                self.changed.emit(changes)
            on_done(result)  # type: ignore[arg-type]
            if cancel.requested:
                self.cancelled.emit(
                    self.tr("{title}: what was done before Cancel is kept.").format(title=title)
                )

        def failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled):
                self._tell_cancelled(
                    self.tr("{title}: cancelled; nothing was written.").format(title=title)
                )
            else:
                self._show_failure(title, exc)
            if on_failed is not None:
                on_failed(exc)

        worker.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        worker.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self._pool.start(worker)

    def run_quietly(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Run housekeeping (the periodic backup) on the worker thread, with no dialog.

        It queues behind any long job, so it never overlaps a write of the user's.
        """
        worker = _Worker(lambda _cancel: job(), Cancel())
        self._quiet.append(worker)

        def finish() -> None:
            self._quiet.remove(worker)

        def done(result: object) -> None:
            finish()
            on_done(result)  # type: ignore[arg-type]

        def failed(exc: BaseException) -> None:
            finish()
            log.warning("Background work failed", exc_info=exc)
            on_failed(exc)

        worker.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        worker.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self._pool.start(worker)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until background work is done (closing the window, tests)."""
        return self._pool.waitForDone(msecs)
