"""What every undo command is built on: the context (database, runner, who edits), the id map,
and ``ServiceCommand`` (a step made of two service calls).

A command whose service call fails (or changes nothing) marks itself obsolete, so Qt drops it
from the stack instead of keeping a step that would undo nothing. The commands themselves are
in ``undo`` (and, for the assessment, ``assessment_commands``), where the window finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand

from assessor.services.opening import Handle
from assessor.ui.ops import OpRunner, changes_of


class IdMap:
    """Where themes and items went: an undo that re-creates a row gives it a new id.

    Commands keep the id they first knew; ``current`` follows the chain of re-creations.
    """

    def __init__(self) -> None:
        self._next: dict[tuple[str, int], int] = {}

    def current(self, kind: str, known: int) -> int:
        """The id the row once known as ``known`` has now."""
        seen = {known}
        while (kind, known) in self._next:
            known = self._next[(kind, known)]
            if known in seen:  # SQLite may reuse a freed id: never loop
                break
            seen.add(known)
        return known

    def moved(self, kind: str, known: int, now: int) -> None:
        """Record that the row once known as ``known`` was re-created with id ``now``."""
        before = self.current(kind, known)
        if before != now:
            self._next[(kind, before)] = now


def _unknown_version(_rec_id: int) -> int | None:
    return None


@dataclass
class Context:
    """What every command needs: the database, the op runner, the id map, who edits."""

    db: Handle
    runner: OpRunner
    by: str = ""
    ids: IdMap = field(default_factory=IdMap)
    #: The version of a recommendation's assessment the window shows (None: unknown, no check).
    seen: Callable[[int], int | None] = _unknown_version
    #: The version this window's own last save of an assessment left (recommendation id →
    #: version): an undo or redo is saved over it, so that only others' saves conflict.
    known: dict[int, int] = field(default_factory=dict)


class ServiceCommand(QUndoCommand):
    """An undo step made of two service calls: ``do`` and ``undo_call``."""

    def __init__(self, text: str, ctx: Context) -> None:
        super().__init__(text)
        self.ctx, self.runner, self.db, self.ids, self.by = ctx, ctx.runner, ctx.db, ctx.ids, ctx.by

    def _call(self, call: Callable[[], Any]) -> Any:
        return self._judged(self.runner.run(self.text(), call))

    def _judged(self, result: Any) -> Any:
        changes = changes_of(result) if result is not None else None
        if result is None or (changes is not None and not changes):
            self.setObsolete(True)
        return result

    def do(self) -> Any:
        """The service call that makes the change."""
        raise NotImplementedError

    def undo_call(self) -> Any:
        """The service call that reverses it."""
        raise NotImplementedError

    def redo(self) -> None:
        self._call(self.do)

    def undo(self) -> None:
        self._call(self.undo_call)
