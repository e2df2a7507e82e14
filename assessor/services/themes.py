"""The assessor's own themed recommendations: add, rename, move, edit and delete.

Every function is one transaction, recorded as Change rows (entity "theme" or "theme_item"),
and returns what the UI's undo command needs to reverse it: the new id of what it created, the
old value of what it edited, the plain data of what it deleted (re-create it with
``add_theme``/``add_theme_item`` at the returned position).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import Factsheet, Theme, ThemeItem, utcnow
from assessor.i18n import _
from assessor.sanitize import clean_text
from assessor.services.changes import NOTHING, Changes
from assessor.services.errors import ServiceError
from assessor.services.history import record


@dataclass(frozen=True)
class ThemeItemData:
    """A theme item as plain data."""

    text: str
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Created:
    """A theme or theme item was created: its id and position."""

    id: int
    position: int
    changes: Changes


@dataclass(frozen=True)
class Renamed:
    """A theme's title changed; ``old_title`` undoes it."""

    old_title: str
    changes: Changes


@dataclass(frozen=True)
class Moved:
    """A theme or item moved; move it back to ``old_position`` (in ``old_theme_id``)."""

    old_position: int
    new_position: int
    changes: Changes
    old_theme_id: int | None = None
    new_theme_id: int | None = None


@dataclass(frozen=True)
class ItemEdited:
    """A theme item's text or links changed; the old values undo it."""

    old_text: str
    old_links: tuple[str, ...]
    changes: Changes


@dataclass(frozen=True)
class DeletedTheme:
    """A deleted theme, with everything needed to re-create it where it was."""

    factsheet_id: int
    position: int
    title: str
    items: tuple[ThemeItemData, ...]
    changes: Changes


@dataclass(frozen=True)
class DeletedThemeItem:
    """A deleted theme item, with everything needed to re-create it where it was."""

    theme_id: int
    position: int
    item: ThemeItemData
    changes: Changes


def _clean_title(title: str) -> str:
    cleaned = " ".join(clean_text(title).split())
    if not cleaned:
        raise ServiceError(_("A theme needs a title."))
    return cleaned


def _clean_text(text: str) -> str:
    cleaned = clean_text(text).strip()
    if not cleaned:
        raise ServiceError(_("A recommendation of a theme cannot be empty."))
    return cleaned


def _clean_links(links: Sequence[str]) -> list[str]:
    # Links name Committee codes; keep their order, drop blanks and repeats.
    codes = (clean_text(code).strip() for code in links)
    return list(dict.fromkeys(code for code in codes if code))


def _theme(session: Session, theme_id: int) -> Theme:
    theme = session.get(Theme, theme_id)
    if theme is None:
        raise ServiceError(_("Theme #{theme_id} no longer exists.").format(theme_id=theme_id))
    return theme


def _item(session: Session, item_id: int) -> ThemeItem:
    item = session.get(ThemeItem, item_id)
    if item is None:
        raise ServiceError(
            _("This recommendation of a theme (#{item_id}) no longer exists.").format(
                item_id=item_id
            )
        )
    return item


def _themes_of(session: Session, factsheet_id: int) -> list[Theme]:
    return list(
        session.scalars(
            select(Theme)
            .where(Theme.factsheet_id == factsheet_id)
            .order_by(Theme.position, Theme.id)
        )
    )


def _renumber(rows: Sequence[Theme | ThemeItem]) -> None:
    # Positions stay 0…n-1 so that "the same position" means the same place after an undo.
    for i, row in enumerate(rows):
        if row.position != i:
            row.position = i


def _insert_at(rows: list[Theme | ThemeItem], row: Theme | ThemeItem, position: int | None) -> int:
    index = len(rows) if position is None else max(0, min(position, len(rows)))
    rows.insert(index, row)
    _renumber(rows)
    return index


def add_theme(
    db: Database,
    factsheet_id: int,
    title: str,
    position: int | None = None,
    items: Sequence[ThemeItemData] = (),
    by: str = "",
) -> Created:
    """Add a theme (at the end, or at ``position``), optionally with items (to undo a delete)."""
    clean = _clean_title(title)
    with db.transaction() as s:
        if s.get(Factsheet, factsheet_id) is None:
            raise ServiceError(
                _("Factsheet #{factsheet_id} no longer exists.").format(factsheet_id=factsheet_id)
            )
        theme = Theme(factsheet_id=factsheet_id, title=clean, position=0)
        theme.items = [
            ThemeItem(text=_clean_text(it.text), links=_clean_links(it.links), position=i)
            for i, it in enumerate(items)
        ]
        siblings: list[Theme | ThemeItem] = list(_themes_of(s, factsheet_id))
        index = _insert_at(siblings, theme, position)
        s.add(theme)
        s.flush()
        at = utcnow()
        record(s, "theme", theme.id, "created", None, clean, at, by)
        for item in theme.items:
            record(s, "theme_item", item.id, "created", None, item.text, at, by)
        return Created(theme.id, index, Changes.of_themes([factsheet_id]))


def rename_theme(db: Database, theme_id: int, title: str, by: str = "") -> Renamed:
    """Change a theme's title."""
    clean = _clean_title(title)
    with db.transaction() as s:
        theme = _theme(s, theme_id)
        old = theme.title
        if old == clean:
            return Renamed(old, NOTHING)
        record(s, "theme", theme.id, "title", old, clean, utcnow(), by)
        theme.title = clean
        return Renamed(old, Changes.of_themes([theme.factsheet_id]))


def delete_theme(db: Database, theme_id: int, by: str = "") -> DeletedTheme:
    """Delete a theme and its items; the result holds what re-creates them."""
    with db.transaction() as s:
        theme = _theme(s, theme_id)
        factsheet_id, position, title = theme.factsheet_id, theme.position, theme.title
        items = tuple(ThemeItemData(it.text, tuple(it.links)) for it in theme.items)
        at = utcnow()
        for it in theme.items:
            record(s, "theme_item", it.id, "deleted", it.text, None, at, by)
        record(s, "theme", theme.id, "deleted", title, None, at, by)
        s.delete(theme)
        s.flush()
        _renumber(_themes_of(s, factsheet_id))
        return DeletedTheme(factsheet_id, position, title, items, Changes.of_themes([factsheet_id]))


def move_theme(db: Database, theme_id: int, position: int, by: str = "") -> Moved:
    """Move a theme to ``position`` among its factsheet's themes."""
    with db.transaction() as s:
        theme = _theme(s, theme_id)
        siblings: list[Theme | ThemeItem] = list(_themes_of(s, theme.factsheet_id))
        old = siblings.index(theme)
        siblings.remove(theme)
        new = _insert_at(siblings, theme, position)
        if new == old:
            return Moved(old, new, NOTHING)
        # Only the moved theme is recorded: its neighbours' shifts follow from it.
        record(s, "theme", theme.id, "position", old, new, utcnow(), by)
        return Moved(old, new, Changes.of_themes([theme.factsheet_id]))


def _items_of(session: Session, theme_id: int) -> list[ThemeItem]:
    return list(
        session.scalars(
            select(ThemeItem)
            .where(ThemeItem.theme_id == theme_id)
            .order_by(ThemeItem.position, ThemeItem.id)
        )
    )


def add_theme_item(
    db: Database,
    theme_id: int,
    text: str,
    links: Sequence[str] = (),
    position: int | None = None,
    by: str = "",
) -> Created:
    """Add a recommendation to a theme (at the end, or at ``position``)."""
    clean = _clean_text(text)
    with db.transaction() as s:
        theme = _theme(s, theme_id)
        item = ThemeItem(theme_id=theme.id, text=clean, links=_clean_links(links), position=0)
        siblings: list[Theme | ThemeItem] = list(_items_of(s, theme.id))
        index = _insert_at(siblings, item, position)
        s.add(item)
        s.flush()
        at = utcnow()
        record(s, "theme_item", item.id, "created", None, clean, at, by)
        if item.links:
            record(s, "theme_item", item.id, "links", None, item.links, at, by)
        return Created(item.id, index, Changes.of_themes([theme.factsheet_id]))


def edit_theme_item(
    db: Database,
    item_id: int,
    text: str | None = None,
    links: Sequence[str] | None = None,
    by: str = "",
) -> ItemEdited:
    """Change a theme item's text and/or links (None leaves a field as it is)."""
    with db.transaction() as s:
        item = _item(s, item_id)
        old_text, old_links = item.text, tuple(item.links)
        new_text = old_text if text is None else _clean_text(text)
        new_links = list(old_links) if links is None else _clean_links(links)
        at: datetime = utcnow()
        changed = record(s, "theme_item", item.id, "text", old_text, new_text, at, by)
        changed |= record(s, "theme_item", item.id, "links", list(old_links), new_links, at, by)
        if not changed:
            return ItemEdited(old_text, old_links, NOTHING)
        item.text = new_text
        item.links = new_links  # a new list, so the JSON column is seen as changed
        return ItemEdited(old_text, old_links, Changes.of_themes([item.theme.factsheet_id]))


def delete_theme_item(db: Database, item_id: int, by: str = "") -> DeletedThemeItem:
    """Delete a theme item; the result holds what re-creates it where it was."""
    with db.transaction() as s:
        item = _item(s, item_id)
        theme_id, position = item.theme_id, item.position
        data = ThemeItemData(item.text, tuple(item.links))
        factsheet_id = item.theme.factsheet_id
        record(s, "theme_item", item.id, "deleted", item.text, None, utcnow(), by)
        s.delete(item)
        s.flush()
        _renumber(_items_of(s, theme_id))
        return DeletedThemeItem(theme_id, position, data, Changes.of_themes([factsheet_id]))


def move_theme_item(
    db: Database, item_id: int, position: int, theme_id: int | None = None, by: str = ""
) -> Moved:
    """Move a theme item to ``position``, within its theme or into ``theme_id``."""
    with db.transaction() as s:
        item = _item(s, item_id)
        source = item.theme
        target = source if theme_id is None else _theme(s, theme_id)
        if target.factsheet_id != source.factsheet_id:
            raise ServiceError(_("A recommendation can only move between themes of one factsheet."))
        old_siblings: list[Theme | ThemeItem] = list(_items_of(s, source.id))
        old = old_siblings.index(item)
        old_siblings.remove(item)
        if target is source:
            new = _insert_at(old_siblings, item, position)
        else:
            _renumber(old_siblings)
            item.theme_id = target.id
            item.theme = target
            # Autoflush may already list the item under its new theme: leave it out first.
            others: list[Theme | ThemeItem] = [i for i in _items_of(s, target.id) if i is not item]
            new = _insert_at(others, item, position)
        if target is source and new == old:
            return Moved(old, new, NOTHING, source.id, source.id)
        at = utcnow()
        record(s, "theme_item", item.id, "theme_id", source.id, target.id, at, by)
        record(s, "theme_item", item.id, "position", old, new, at, by)
        return Moved(old, new, Changes.of_themes([source.factsheet_id]), source.id, target.id)
