"""Edit → Undo and Redo from the window, and the undoable step a newer follow-up makes when it
sends final assessments back to draft; each says in the status bar what it did."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assessor.ui import undo

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi


def undo_last(win: WindowApi) -> None:
    """Undo the last edit (a comment being typed is saved first, so it is what is undone)."""
    win.workbench.assessment.flush()
    win.themes.flush()
    stack = win.stack
    if stack.canUndo():
        _step(win, "Undone", stack.undoText(), stack.index() - 1, stack.undo)


def redo_last(win: WindowApi) -> None:
    """Redo the last undone edit."""
    stack = win.stack
    if stack.canRedo():
        _step(win, "Redone", stack.redoText(), stack.index(), stack.redo)


def _step(win: WindowApi, done: str, text: str, at: int, call: Callable[[], None]) -> None:
    """Undo or redo, then say what: the recommendation changed may be out of sight."""
    command = win.stack.command(at)
    # Read before the call: a step that fails is dropped (and deleted) by the stack.
    rec_id = getattr(command, "rec_id", None)
    call()
    message = f"{done}: {text}"
    if isinstance(rec_id, int) and win.workbench.hides(rec_id):
        message += " — not shown here: hidden by the search and filters (Ctrl+Shift+L)"
    win.statusBar().showMessage(message, 8000)


def back_to_draft(win: WindowApi, rec_ids: list[int]) -> None:
    """Final assessments a newer follow-up sent back to draft: said, and undoable."""
    codes = [win.workbench.codes_of(rec_id) for rec_id in rec_ids]
    label = ", ".join(codes[:3]) + (f" and {len(codes) - 3} more" if len(codes) > 3 else "")
    win.stack.push(undo.BackToDraft(win.ctx, rec_ids, label))
    win.statusBar().showMessage(
        f"Back to draft: {label} — a newer follow-up came in after the final rating "
        "(Undo makes it final again).",
        10000,
    )
