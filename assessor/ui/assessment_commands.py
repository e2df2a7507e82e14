"""The assessment's undo steps: rate, comment, draft/final, keep the rating.

Each saves over the assessment's version it last saw (the one the window showed when the step
was made, then the one its own last save left). When someone else saved in between, the
service refuses (``SaveConflict``) and ``conflict_dialog`` asks what to do: keep mine (saved
again over their version; undoing it then puts theirs back), take theirs (the step is dropped),
or merge the comments by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from assessor.services import assessments
from assessor.services.changes import NOTHING, Changes
from assessor.services.conflicts import SaveConflict
from assessor.ui import conflict_dialog
from assessor.ui.ops import is_said
from assessor.ui.undo_base import Context, ServiceCommand

translate = QCoreApplication.translate

#: Comment edits to one recommendation merge into one undo step (the id is Qt's merge key).
COMMENT_MERGE_ID = 1001


class AssessmentCommand(ServiceCommand):
    """An edit of an assessment whose undo also puts back when it was last saved, and by whom.

    What depends on that moment comes back with the fields: a follow-up newer than the rating
    is marked again once the edit that cleared the mark is undone.
    """

    #: The assessed field the command changes (its ``old`` and ``new``), for a conflict.
    field = ""
    old: Any
    new: Any

    def __init__(self, text: str, ctx: Context, rec_id: int) -> None:
        super().__init__(text, ctx)
        self.rec_id = rec_id
        self.stamp: assessments.Stamp | None = None
        #: The assessment's version this step last saw (shown when it was made, then left by
        #: its last save): saving over another is a conflict, settled in ``conflict_dialog``.
        self.seen: int | None = ctx.seen(rec_id)
        #: A conflict was settled by saving again: this step is not merged with the next.
        self.resolved = False
        self._made = False

    def redo(self) -> None:
        self.stamp = self._stamp_now()
        super().redo()

    def _stamp_now(self) -> assessments.Stamp | None:
        try:
            return assessments.saved_stamp(self.db, self.rec_id)
        except Exception as exc:  # the edit itself reports what is wrong, through the op runner
            if not is_said(exc):
                raise
            return None

    def _call(self, call: Callable[[], Any]) -> Any:
        if self._made:  # undo, redo: over what this window's own last save left
            self.seen = self.ctx.known.get(self.rec_id, self.seen)
        self._made = True
        result = self.runner.run(self.text(), lambda: conflict_dialog.conflict_or(call))
        if isinstance(result, SaveConflict):
            undoing = call == self.undo_call
            if not conflict_dialog.settle(self, result, undoing):
                return None  # theirs taken: this step is dropped (mine stays in the history)
            return self._call(call)
        if result is not None:
            try:
                self.seen = assessments.assessment_version(self.db, self.rec_id)
                self.ctx.known[self.rec_id] = self.seen
            except Exception as exc:  # the database's (locked, gone): saved, version unknown
                if not is_said(exc):
                    raise
                self.seen = None
                self.ctx.known.pop(self.rec_id, None)  # not checked until read again
        return self._judged(result)

    def take_over(self, conflict: SaveConflict, undoing: bool, merged: str | None) -> None:
        """Save again over the version now stored; the reverse step then puts theirs back."""
        self.resolved, self.seen = True, conflict.version
        self.ctx.known[self.rec_id] = conflict.version
        stored = {e.field: e.old for e in conflict.mine}
        if self.field in stored and hasattr(self, "old"):  # KeepRating has no values
            value = stored[self.field]
            value = value if self.field == "rating" else value or ""  # None: not rated
            if undoing:
                self.new = value
            else:
                self.old = value
        if merged is not None:
            self.new = merged
        if not undoing:
            self.stamp = self._stamp_now()


class SetRating(AssessmentCommand):
    """Rate a recommendation (None clears the rating)."""

    def __init__(
        self, ctx: Context, rec_id: int, old: str | None, new: str | None, label: str
    ) -> None:
        super().__init__(translate("undo", "Rate {label}").format(label=label), ctx, rec_id)
        self.old, self.new = old, new

    field = "rating"

    def do(self) -> Changes:
        return assessments.rate(
            self.db, self.rec_id, self.new, by=self.by, expected_version=self.seen
        )

    def undo_call(self) -> Changes:
        return assessments.rate(
            self.db, self.rec_id, self.old, by=self.by, stamp=self.stamp, expected_version=self.seen
        )


class SetComment(AssessmentCommand):
    """Replace the comment on a recommendation; consecutive edits merge into one step."""

    def __init__(self, ctx: Context, rec_id: int, old: str, new: str, label: str) -> None:
        super().__init__(
            translate("undo", "Edit comment on {label}").format(label=label), ctx, rec_id
        )
        self.old, self.new = old, new

    def id(self) -> int:
        return COMMENT_MERGE_ID

    field = "comment"

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetComment) or other.rec_id != self.rec_id:
            return False
        if other.isObsolete() or other.resolved or self.resolved:
            return False  # a failed save, or one over someone else's: a step of its own
        self.new = other.new  # the merged step undoes to where this one started (its stamp)
        self.seen = other.seen
        return True

    def do(self) -> Changes:
        return assessments.set_comment(
            self.db, self.rec_id, self.new, by=self.by, expected_version=self.seen
        )

    def undo_call(self) -> Changes:
        return assessments.set_comment(
            self.db, self.rec_id, self.old, by=self.by, stamp=self.stamp, expected_version=self.seen
        )


class SetStatus(AssessmentCommand):
    """Mark an assessment draft or final."""

    def __init__(self, ctx: Context, rec_id: int, old: str, new: str, label: str) -> None:
        text = (
            translate("undo", "Mark {label} final")
            if new == "final"
            else translate("undo", "Mark {label} draft")
        )
        super().__init__(text.format(label=label), ctx, rec_id)
        self.old, self.new = old, new

    field = "status"

    def do(self) -> Changes:
        return assessments.set_status(
            self.db, self.rec_id, self.new, by=self.by, expected_version=self.seen
        )

    def undo_call(self) -> Changes:
        return assessments.set_status(
            self.db, self.rec_id, self.old, by=self.by, stamp=self.stamp, expected_version=self.seen
        )


class KeepRating(AssessmentCommand):
    """The rating stands after a newer follow-up; undo marks the follow-up as newer again."""

    def __init__(self, ctx: Context, rec_id: int, label: str) -> None:
        super().__init__(
            translate("undo", "Keep the rating of {label}").format(label=label), ctx, rec_id
        )

    field = "rating_kept"

    def do(self) -> Changes:
        return assessments.keep_rating(self.db, self.rec_id, by=self.by, expected_version=self.seen)

    def undo_call(self) -> Changes:
        if self.stamp is None:
            return NOTHING
        return assessments.undo_keep_rating(self.db, self.rec_id, self.stamp, by=self.by)
