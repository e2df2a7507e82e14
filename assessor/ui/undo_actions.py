"""Edit → Undo and Redo from the window, and the undoable step a newer follow-up makes when it
sends final assessments back to draft; each says in the status bar what it did."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from assessor.ui import undo

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi


def undo_last(win: WindowApi) -> None:
    """Undo the last edit (a comment being typed is saved first, so it is what is undone)."""
    win.workbench.assessment.flush()
    win.themes.flush()
    stack = win.stack
    if stack.canUndo():
        done = translate("undo_actions", "Undone: {step}")
        _step(win, done, stack.undoText(), stack.index() - 1, stack.undo)


def redo_last(win: WindowApi) -> None:
    """Redo the last undone edit."""
    stack = win.stack
    if stack.canRedo():
        _step(
            win,
            translate("undo_actions", "Redone: {step}"),
            stack.redoText(),
            stack.index(),
            stack.redo,
        )


def _step(win: WindowApi, done: str, text: str, at: int, call: Callable[[], None]) -> None:
    """Undo or redo, then say what (``done``: "Undone: {step}"); the recommendation changed may
    be out of sight."""
    command = win.stack.command(at)
    # Read before the call: a step that fails is dropped (and deleted) by the stack.
    rec_id = getattr(command, "rec_id", None)
    call()
    message = done.format(step=text)
    if isinstance(rec_id, int) and win.workbench.hides(rec_id):
        message += translate(
            "undo_actions", " — not shown here: hidden by the search and filters (Ctrl+Shift+L)"
        )
    win.statusBar().showMessage(message, 8000)


def back_to_draft(win: WindowApi, rec_ids: list[int]) -> None:
    """Final assessments a newer follow-up sent back to draft: said, and undoable."""
    codes = [win.workbench.codes_of(rec_id) for rec_id in rec_ids]
    label = ", ".join(codes[:3])
    if len(codes) > 3:
        label = translate("undo_actions", "{codes} and {more} more").format(
            codes=label, more=len(codes) - 3
        )
    win.stack.push(undo.BackToDraft(win.ctx, rec_ids, label))
    win.statusBar().showMessage(
        translate(
            "undo_actions",
            "Back to draft: {codes} — a newer follow-up came in after the final rating "
            "(Undo makes it final again).",
        ).format(codes=label),
        10000,
    )
