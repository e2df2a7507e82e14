"""Undo commands: each redo and undo is one service call, run through the op runner.

A command whose service call fails (or changes nothing) marks itself obsolete, so Qt drops it
from the stack instead of keeping a step that would undo nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand

from assessor.domain.values import CORRECTED_SOURCE, CORRECTION_UNDONE_SOURCE
from assessor.services import assessments, themes
from assessor.services.changes import NOTHING, Changes
from assessor.services.opening import Handle
from assessor.ui.ops import USER_ERRORS, OpRunner, changes_of

#: Comment edits to one recommendation merge into one undo step (the id is Qt's merge key).
COMMENT_MERGE_ID = 1001


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


@dataclass
class Context:
    """What every command needs: the database, the op runner, the id map, who edits."""

    db: Handle
    runner: OpRunner
    by: str = ""
    ids: IdMap = field(default_factory=IdMap)


class ServiceCommand(QUndoCommand):
    """An undo step made of two service calls: ``do`` and ``undo_call``."""

    def __init__(self, text: str, ctx: Context) -> None:
        super().__init__(text)
        self.ctx, self.runner, self.db, self.ids, self.by = ctx, ctx.runner, ctx.db, ctx.ids, ctx.by

    def _call(self, call: Callable[[], Any]) -> Any:
        result = self.runner.run(self.text(), call)
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


class AssessmentCommand(ServiceCommand):
    """An edit of an assessment whose undo also puts back when it was last saved, and by whom.

    What depends on that moment comes back with the fields: a follow-up newer than the rating
    is marked again once the edit that cleared the mark is undone.
    """

    def __init__(self, text: str, ctx: Context, rec_id: int) -> None:
        super().__init__(text, ctx)
        self.rec_id = rec_id
        self.stamp: assessments.Stamp | None = None

    def redo(self) -> None:
        try:
            self.stamp = assessments.saved_stamp(self.db, self.rec_id)
        except USER_ERRORS:  # the edit itself reports what is wrong, through the op runner
            self.stamp = None
        super().redo()


class SetRating(AssessmentCommand):
    """Rate a recommendation (None clears the rating)."""

    def __init__(
        self, ctx: Context, rec_id: int, old: str | None, new: str | None, label: str
    ) -> None:
        super().__init__(f"Rate {label}", ctx, rec_id)
        self.old, self.new = old, new

    def do(self) -> Changes:
        return assessments.rate(self.db, self.rec_id, self.new, by=self.by)

    def undo_call(self) -> Changes:
        return assessments.rate(self.db, self.rec_id, self.old, by=self.by, stamp=self.stamp)


class SetComment(AssessmentCommand):
    """Replace the comment on a recommendation; consecutive edits merge into one step."""

    def __init__(self, ctx: Context, rec_id: int, old: str, new: str, label: str) -> None:
        super().__init__(f"Edit comment on {label}", ctx, rec_id)
        self.old, self.new = old, new

    def id(self) -> int:
        return COMMENT_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetComment) or other.rec_id != self.rec_id:
            return False
        self.new = other.new  # the merged step undoes to where this one started (its stamp)
        return True

    def do(self) -> Changes:
        return assessments.set_comment(self.db, self.rec_id, self.new, by=self.by)

    def undo_call(self) -> Changes:
        return assessments.set_comment(self.db, self.rec_id, self.old, by=self.by, stamp=self.stamp)


class SetStatus(AssessmentCommand):
    """Mark an assessment draft or final."""

    def __init__(self, ctx: Context, rec_id: int, old: str, new: str, label: str) -> None:
        super().__init__(f"Mark {label} {new}", ctx, rec_id)
        self.old, self.new = old, new

    def do(self) -> Changes:
        return assessments.set_status(self.db, self.rec_id, self.new, by=self.by)

    def undo_call(self) -> Changes:
        return assessments.set_status(self.db, self.rec_id, self.old, by=self.by, stamp=self.stamp)


class KeepRating(AssessmentCommand):
    """The rating stands after a newer follow-up; undo marks the follow-up as newer again."""

    def __init__(self, ctx: Context, rec_id: int, label: str) -> None:
        super().__init__(f"Keep the rating of {label}", ctx, rec_id)

    def do(self) -> Changes:
        return assessments.keep_rating(self.db, self.rec_id, by=self.by)

    def undo_call(self) -> Changes:
        if self.stamp is None:
            return NOTHING
        return assessments.undo_keep_rating(self.db, self.rec_id, self.stamp, by=self.by)


@dataclass(frozen=True)
class StateFields:
    """The State's own status and references of a follow-up version (None: it gave none)."""

    status: str | None = None
    references: str | None = None


class EditFollowUp(ServiceCommand):
    """Correct the State's follow-up; undo restores it (both versions stay in history).

    With ``old_state`` and ``new_state``, the State's status and references are corrected
    too; without, they stay as they are.
    """

    def __init__(
        self,
        ctx: Context,
        rec_id: int,
        old: str,
        new: str,
        label: str,
        old_state: StateFields | None = None,
        new_state: StateFields | None = None,
    ) -> None:
        super().__init__(f"Correct follow-up of {label}", ctx)
        self.rec_id, self.old, self.new = rec_id, old, new
        self.old_state, self.new_state = old_state, new_state

    def _edit(self, text: str, state: StateFields | None, source: str) -> Changes:
        given = state is not None and self.old_state is not None and self.new_state is not None
        return assessments.edit_follow_up(
            self.db,
            self.rec_id,
            text,
            source,
            by=self.by,
            # "" clears: a status the State never gave is put back as none.
            state_status=(state.status or "") if given and state else None,
            references=(state.references or "") if given and state else None,
        )

    def do(self) -> Changes:
        return self._edit(self.new, self.new_state, CORRECTED_SOURCE)

    def undo_call(self) -> Changes:
        return self._edit(self.old, self.old_state, CORRECTION_UNDONE_SOURCE)


class AddTheme(ServiceCommand):
    """Add a theme at the end."""

    def __init__(self, ctx: Context, factsheet_id: int, title: str) -> None:
        super().__init__(f"Add theme “{title}”", ctx)
        self.factsheet_id, self.title = factsheet_id, title
        self.original: int | None = None
        self.position: int | None = None

    def do(self) -> Any:
        created = themes.add_theme(
            self.db, self.factsheet_id, self.title, self.position, by=self.by
        )
        if self.original is None:
            self.original = created.id
        self.ids.moved("theme", self.original, created.id)
        self.position = created.position
        return created

    def undo_call(self) -> Any:
        assert self.original is not None
        return themes.delete_theme(self.db, self.ids.current("theme", self.original), by=self.by)


class RenameTheme(ServiceCommand):
    """Rename a theme."""

    def __init__(self, ctx: Context, theme_id: int, old: str, new: str) -> None:
        super().__init__(f"Rename theme to “{new}”", ctx)
        self.theme_id, self.old, self.new = theme_id, old, new

    def do(self) -> Any:
        return themes.rename_theme(
            self.db, self.ids.current("theme", self.theme_id), self.new, by=self.by
        )

    def undo_call(self) -> Any:
        return themes.rename_theme(
            self.db, self.ids.current("theme", self.theme_id), self.old, by=self.by
        )


class DeleteTheme(ServiceCommand):
    """Delete a theme and its items; undo re-creates them where they were."""

    def __init__(self, ctx: Context, theme_id: int, title: str) -> None:
        super().__init__(f"Delete theme “{title}”", ctx)
        self.theme_id = theme_id
        self.deleted: themes.DeletedTheme | None = None

    def do(self) -> Any:
        self.deleted = themes.delete_theme(
            self.db, self.ids.current("theme", self.theme_id), by=self.by
        )
        return self.deleted

    def undo_call(self) -> Any:
        d = self.deleted
        assert d is not None
        created = themes.add_theme(
            self.db, d.factsheet_id, d.title, d.position, d.items, by=self.by
        )
        self.ids.moved("theme", self.theme_id, created.id)
        return created


class MoveTheme(ServiceCommand):
    """Move a theme up or down."""

    def __init__(self, ctx: Context, theme_id: int, old: int, new: int) -> None:
        super().__init__("Move theme", ctx)
        self.theme_id, self.old, self.new = theme_id, old, new

    def do(self) -> Any:
        return themes.move_theme(
            self.db, self.ids.current("theme", self.theme_id), self.new, by=self.by
        )

    def undo_call(self) -> Any:
        return themes.move_theme(
            self.db, self.ids.current("theme", self.theme_id), self.old, by=self.by
        )


class AddItem(ServiceCommand):
    """Add a recommendation to a theme."""

    def __init__(self, ctx: Context, theme_id: int, text: str, links: tuple[str, ...] = ()) -> None:
        super().__init__("Add recommendation to theme", ctx)
        self.theme_id, self.text_, self.links = theme_id, text, links
        self.original: int | None = None
        self.position: int | None = None

    def do(self) -> Any:
        theme_id = self.ids.current("theme", self.theme_id)
        created = themes.add_theme_item(
            self.db, theme_id, self.text_, self.links, self.position, by=self.by
        )
        if self.original is None:
            self.original = created.id
        self.ids.moved("item", self.original, created.id)
        self.position = created.position
        return created

    def undo_call(self) -> Any:
        assert self.original is not None
        return themes.delete_theme_item(
            self.db, self.ids.current("item", self.original), by=self.by
        )


class EditItem(ServiceCommand):
    """Change a theme item's text and/or links; consecutive text edits merge."""

    def __init__(
        self, ctx: Context, item_id: int, text: str | None, links: tuple[str, ...] | None
    ) -> None:
        super().__init__("Edit recommendation of theme", ctx)
        self.item_id, self.new_text, self.new_links = item_id, text, links
        self.old: themes.ItemEdited | None = None

    def do(self) -> Any:
        item = self.ids.current("item", self.item_id)
        edited = themes.edit_theme_item(self.db, item, self.new_text, self.new_links, by=self.by)
        if self.old is None:
            self.old = edited
        return edited

    def undo_call(self) -> Any:
        assert self.old is not None
        item = self.ids.current("item", self.item_id)
        return themes.edit_theme_item(
            self.db, item, self.old.old_text, self.old.old_links, by=self.by
        )


class DeleteItem(ServiceCommand):
    """Delete a theme item; undo re-creates it where it was."""

    def __init__(self, ctx: Context, item_id: int) -> None:
        super().__init__("Delete recommendation of theme", ctx)
        self.item_id = item_id
        self.deleted: themes.DeletedThemeItem | None = None

    def do(self) -> Any:
        self.deleted = themes.delete_theme_item(
            self.db, self.ids.current("item", self.item_id), by=self.by
        )
        return self.deleted

    def undo_call(self) -> Any:
        d = self.deleted
        assert d is not None
        theme_id = self.ids.current("theme", d.theme_id)
        created = themes.add_theme_item(
            self.db, theme_id, d.item.text, d.item.links, d.position, by=self.by
        )
        self.ids.moved("item", self.item_id, created.id)
        return created


class MoveItem(ServiceCommand):
    """Move a theme item up or down within its theme."""

    def __init__(self, ctx: Context, item_id: int, old: int, new: int) -> None:
        super().__init__("Move recommendation of theme", ctx)
        self.item_id, self.old, self.new = item_id, old, new

    def do(self) -> Any:
        return themes.move_theme_item(
            self.db, self.ids.current("item", self.item_id), self.new, by=self.by
        )

    def undo_call(self) -> Any:
        return themes.move_theme_item(
            self.db, self.ids.current("item", self.item_id), self.old, by=self.by
        )


class BackToDraft(ServiceCommand):
    """Final assessments a newer follow-up sent back to draft; undo makes them final again.

    Pushed after the import or questionnaire that did it: its first redo is that import's.
    """

    def __init__(self, ctx: Context, rec_ids: Sequence[int], label: str) -> None:
        super().__init__(f"Back to draft: {label}", ctx)
        self.rec_ids = tuple(rec_ids)
        self.rec_id = self.rec_ids[0] if len(self.rec_ids) == 1 else None
        self._first = True

    def redo(self) -> None:
        if self._first:  # done already, in the import's transaction
            self._first = False
            return
        super().redo()

    def do(self) -> Changes:
        return assessments.set_statuses(self.db, self.rec_ids, "draft", by=self.by)

    def undo_call(self) -> Changes:
        return assessments.set_statuses(self.db, self.rec_ids, "final", by=self.by)
