"""Edits by others appear in an open window: the database's mark, polled every few seconds.

Another rapporteur on the same server, or the command line writing the file a read-only
window shows, moves the database's mark (``services.watching``). Every ``POLL_MS`` the window
asks, off the GUI thread, what changed since its mark, and refreshes what that touched — the
tree's rows and counts, the panes of the recommendation shown, the themes — exactly as after
its own edits (``on_changed``). Polling works on SQLite and PostgreSQL alike.

Never in the middle of an edit: while a comment waits to be saved, a theme's text is being
typed, a dialog is open or a long job runs, the refresh waits for the next tick (the mark is
not moved, so nothing is missed). The cursor and the text being typed stay as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QStatusBar, QWidget

from assessor.services import watching
from assessor.services.changes import Changes
from assessor.ui.ops import describe_error

if TYPE_CHECKING:
    from assessor.services.opening import Handle
    from assessor.ui.ops import OpRunner
    from assessor.ui.themes_view import ThemesView
    from assessor.ui.workbench import Workbench

#: How often the window asks whether others changed the database.
POLL_MS = 3000


class Watched(Protocol):
    """The window as live updates see it."""

    @property
    def db(self) -> Handle: ...
    @property
    def runner(self) -> OpRunner: ...
    @property
    def workbench(self) -> Workbench: ...
    @property
    def themes(self) -> ThemesView: ...
    def statusBar(self) -> QStatusBar: ...
    def on_changed(self, changes: Changes) -> None: ...
    def installEventFilter(self, watcher: QObject) -> None: ...


class LiveUpdates(QObject):
    """Polls the database's mark and refreshes the window when others moved it."""

    #: Others' changes were shown (the change set): tests wait for it.
    applied = Signal(object)

    def __init__(self, win: Watched, interval_ms: int = POLL_MS) -> None:
        super().__init__(win if isinstance(win, QObject) else None)
        self.win = win
        self.mark: watching.Mark | None = None
        self._asking = False
        self._told_failure = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        win.installEventFilter(self)  # the window closing stops the polling

    def start(self) -> None:
        """Take the database's mark now and poll from it."""
        try:
            self.mark = watching.mark(self.win.db)
        except Exception as exc:  # said in the status bar, tried again at the next tick
            self._failed(exc)
        self.timer.start()

    def stop(self) -> None:
        """No more polling (the window closes, or lets go of the database)."""
        self.timer.stop()

    def editing(self) -> bool:
        """Whether the user is in the middle of something a refresh must not disturb."""
        if self.win.workbench.assessment.has_pending_comment or self.win.runner.busy:
            return True
        if QApplication.activeModalWidget() is not None:
            return True
        focus = QApplication.focusWidget()
        themes: QWidget = self.win.themes
        return isinstance(focus, QLineEdit | QPlainTextEdit) and themes.isAncestorOf(focus)

    def poll(self) -> None:
        """Ask (off the GUI thread) what changed since the mark; refresh when it moved."""
        if self._asking or not self.timer.isActive() or self.editing():
            return
        if self.mark is None:
            self.start()
            return
        since, db = self.mark, self.win.db
        self._asking = True
        self.win.runner.run_quietly(
            lambda: watching.changes_since(db, since), self._answered, self._failed
        )

    def _answered(self, answer: tuple[watching.Mark, Changes]) -> None:
        self._asking = False
        if not self.timer.isActive() or self.editing():
            return  # asked again at the next tick, from the same mark
        self.mark, changes = answer
        if self._told_failure:
            self._told_failure = False
            self.win.statusBar().clearMessage()
        if changes:
            self.win.on_changed(changes)
            self.applied.emit(changes)

    def _failed(self, exc: BaseException) -> None:
        self._asking = False
        if not self._told_failure:  # once, not every few seconds
            self._told_failure = True
            message = self.tr("Others' changes cannot be shown now: {why}").format(
                why=describe_error(exc)
            )
            self.win.statusBar().showMessage(message, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.win and event.type() == QEvent.Type.Close:
            self.stop()
        return super().eventFilter(watched, event)
