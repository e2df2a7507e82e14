"""Undo commands: each redo and undo is one service call, run through the op runner.

A command whose service call fails (or changes nothing) marks itself obsolete, so Qt drops it
from the stack instead of keeping a step that would undo nothing. The base of every command is
in ``undo_base``; the assessment's steps (with their conflicts) in ``assessment_commands``,
named here too, where the window and the tests find every step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from assessor.domain.values import CORRECTED_SOURCE, CORRECTION_UNDONE_SOURCE
from assessor.services import assessments, themes
from assessor.services.changes import Changes
from assessor.ui.assessment_commands import (  # noqa: F401
    COMMENT_MERGE_ID,
    AssessmentCommand,
    KeepRating,
    SetComment,
    SetRating,
    SetStatus,
)
from assessor.ui.undo_base import Context, IdMap, ServiceCommand  # noqa: F401

translate = QCoreApplication.translate


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
        super().__init__(translate("undo", "Correct follow-up of {label}").format(label=label), ctx)
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
        super().__init__(translate("undo", "Add theme “{title}”").format(title=title), ctx)
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
        super().__init__(translate("undo", "Rename theme to “{title}”").format(title=new), ctx)
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
        super().__init__(translate("undo", "Delete theme “{title}”").format(title=title), ctx)
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
        super().__init__(translate("undo", "Move theme"), ctx)
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
        super().__init__(translate("undo", "Add recommendation to theme"), ctx)
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
        super().__init__(translate("undo", "Edit recommendation of theme"), ctx)
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
        super().__init__(translate("undo", "Delete recommendation of theme"), ctx)
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
        super().__init__(translate("undo", "Move recommendation of theme"), ctx)
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
        super().__init__(translate("undo", "Back to draft: {codes}").format(codes=label), ctx)
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
