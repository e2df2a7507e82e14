"""What others changed since a moment: a cheap mark to poll, and the change set since a mark.

Several writers share a server (or a window reads a file the command line writes): an open
window asks every few seconds whether the database moved. The mark is the newest history
entry (every assessment, follow-up and theme change records one) and the factsheets'
fingerprint (an import or a removal); both are read through primary keys, so a poll costs a
few index look-ups on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import Change, Factsheet, Theme, ThemeItem
from assessor.services.changes import Changes

#: More history entries than this since the mark: the window simply reloads everything.
MANY = 2000


@dataclass(frozen=True)
class Mark:
    """Where the database stood: its newest history entry and its factsheets."""

    last_change: int
    factsheets: tuple[int, int, datetime | None]


def _mark(s: Session) -> Mark:
    last = s.scalar(select(func.max(Change.id))) or 0
    count, newest, imported = s.execute(
        select(func.count(Factsheet.id), func.max(Factsheet.id), func.max(Factsheet.imported_at))
    ).one()
    return Mark(int(last), (int(count or 0), int(newest or 0), imported))


def mark(db: Database) -> Mark:
    """The database's mark now (compare it with a later one to know whether it moved)."""
    with db.reading() as s:
        return _mark(s)


def changes_since(db: Database, since: Mark) -> tuple[Mark, Changes]:
    """The mark now and what changed after ``since``: the recommendations, themes, factsheets.

    Whoever made them: the caller's own saves are in it too (refreshing them again is harmless).
    """
    with db.reading() as s:
        now = _mark(s)
        if now == since:
            return now, Changes()
        if now.factsheets != since.factsheets or now.last_change - since.last_change > MANY:
            return now, Changes.of_factsheets(frozenset(s.scalars(select(Factsheet.id))))
        rows = s.execute(
            select(Change.entity, Change.entity_id)
            .where(Change.id > since.last_change, Change.id <= now.last_change)
            .distinct()
        ).all()
        recommendations = {i for e, i in rows if e == "recommendation"}
        theme_ids = {i for e, i in rows if e == "theme"}
        item_ids = {i for e, i in rows if e == "theme_item"}
        sheets = {i for e, i in rows if e == "factsheet"}
        themes: dict[int, int] = {}
        items: dict[int, int] = {}
        if theme_ids:
            found = s.execute(select(Theme.id, Theme.factsheet_id).where(Theme.id.in_(theme_ids)))
            themes = {theme_id: sheet_id for theme_id, sheet_id in found}
        if item_ids:
            found = s.execute(
                select(ThemeItem.id, Theme.factsheet_id)
                .join(Theme, ThemeItem.theme_id == Theme.id)
                .where(ThemeItem.id.in_(item_ids))
            )
            items = {item_id: sheet_id for item_id, sheet_id in found}
        sheets |= set(themes.values()) | set(items.values())
        if len(themes) < len(theme_ids) or len(items) < len(item_ids):
            # A theme or item deleted since is found nowhere: every factsheet's themes, then.
            sheets |= set(s.scalars(select(Factsheet.id)))
        return now, Changes(recommendations=frozenset(recommendations), themes=frozenset(sheets))
