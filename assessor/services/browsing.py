"""What the window and the command line browse: factsheets, facets, the tree, details and history.

The window never holds a Session (DESIGN.md); it calls these, which wrap ``assessor.db.queries``
and add the few look-ups the workbench needs (refreshing some rows, following a code link).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from assessor.db import queries
from assessor.db.engine import Database
from assessor.db.models import Assessment, Recommendation, RecommendationCode
from assessor.domain.values import (
    Facet,
    FactsheetSummary,
    HistoryEntry,
    Level,
    RecommendationDetail,
    ThemeInfo,
    TreeRow,
)
from assessor.importers.common import find_codes


def factsheets(db: Database) -> list[FactsheetSummary]:
    """Every factsheet with its counts."""
    with db.reading() as s:
        return queries.list_factsheets(s)


def facets(db: Database) -> list[Facet]:
    """What the tree's filters look at in every current recommendation (no texts)."""
    with db.reading() as s:
        return queries.recommendation_facets(s)


def tree(db: Database, factsheet_id: int) -> list[TreeRow]:
    """A factsheet's chapters, sections and recommendations as flat ordered rows."""
    with db.reading() as s:
        return queries.tree_rows(s, factsheet_id)


def levels(db: Database, factsheet_id: int) -> tuple[Level, ...]:
    """The rating levels of a factsheet's round."""
    with db.reading() as s:
        return queries.rating_levels(s, factsheet_id)


def detail(
    db: Database, recommendation_id: int, levels: tuple[Level, ...] | None = None
) -> RecommendationDetail | None:
    """Everything the panes show about one recommendation; None if it no longer exists.

    ``levels``: the scale's levels when the caller already has them (one query fewer).
    """
    with db.reading() as s:
        return queries.recommendation_detail(s, recommendation_id, levels)


def themes(db: Database, factsheet_id: int) -> list[ThemeInfo]:
    """The assessor's themes of a factsheet with their items."""
    with db.reading() as s:
        return queries.themes(s, factsheet_id)


def history(db: Database, recommendation_id: int) -> list[HistoryEntry]:
    """The recorded changes of a recommendation's assessment and follow-up, oldest first."""
    with db.reading() as s:
        return queries.history(s, "recommendation", recommendation_id)


def theme_history(db: Database, theme_id: int, item_ids: Iterable[int]) -> list[HistoryEntry]:
    """The recorded changes of a theme and of its items, oldest first."""
    with db.reading() as s:
        entries = queries.history(s, "theme", theme_id)
        for item_id in item_ids:
            entries += queries.history(s, "theme_item", item_id)
    return sorted(entries, key=lambda e: e.at)


def recommendation_states(
    db: Database, ids: Iterable[int]
) -> dict[int, tuple[str | None, bool, bool, bool]]:
    """(rating key, has a current follow-up, follow-up newer than the rating, final) of some
    recommendations, in one query."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    with db.reading() as s:
        rows = s.execute(
            select(
                Recommendation.id,
                Assessment.rating,
                queries.current_follow_up_exists(),
                queries.follow_up_newer_than_rating(),
                Assessment.status,
            )
            .outerjoin(Assessment, Assessment.recommendation_id == Recommendation.id)
            .where(Recommendation.id.in_(wanted))
        )
        return {
            rid: (rating, bool(fu), bool(new), status == "final")
            for rid, rating, fu, new, status in rows
        }


def recommendation_for_code(db: Database, factsheet_id: int, code: str) -> int | None:
    """The id of the recommendation of a factsheet carrying ``code`` ("II-6"), or None."""
    found = find_codes(code)
    wanted = found[0] if len(found) == 1 else code.strip().upper()
    with db.reading() as s:
        return s.scalar(
            select(RecommendationCode.recommendation_id).where(
                RecommendationCode.factsheet_id == factsheet_id, RecommendationCode.code == wanted
            )
        )
