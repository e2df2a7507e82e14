"""Read-side queries: plain frozen values (``assessor.domain.values``) for views, CLI and exporters.

Each function takes an open Session and runs a fixed handful of queries whatever the size of
the factsheet, so that views stay fast with tens of thousands of recommendations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    TextClause,
    and_,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session

from assessor.db.detail import rating_levels, recommendation_detail
from assessor.db.follow_up_state import (
    CurrentFollowUp,
    current_follow_up_exists,
    follow_up_newer_than_rating,
)
from assessor.db.models import (
    Assessment,
    Change,
    Factsheet,
    MonitoringRound,
    Party,
    Recommendation,
    Theme,
    ThemeItem,
)
from assessor.db.tree_rows import current_follow_ups, tree_rows
from assessor.domain.scope import IN_SCOPE_VERBS, SNIPPET_CHARS, snippet
from assessor.domain.values import (
    ASSESSOR_SOURCES,
    AssessmentInfo,
    Facet,
    FactsheetSummary,
    FollowUpInfo,
    HistoryEntry,
    Level,
    ObservationInfo,
    RecommendationDetail,
    ThemeInfo,
    ThemeItemInfo,
    TreeRow,
)


def list_factsheets(session: Session) -> list[FactsheetSummary]:
    """Every factsheet with its counts, by Party name then round."""
    in_scope = Recommendation.verb.in_(IN_SCOPE_VERBS)
    rated = Assessment.rating.is_not(None)

    def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    counts = (
        select(
            Recommendation.factsheet_id,
            func.count(Recommendation.id),
            count_if(Recommendation.verb == "require"),
            count_if(Recommendation.verb == "request"),
            count_if(Recommendation.verb == "invite"),
            count_if(current_follow_up_exists()),
            count_if(rated),
            count_if(in_scope),
            count_if(and_(in_scope, rated)),
        )
        .outerjoin(Assessment, Assessment.recommendation_id == Recommendation.id)
        .where(Recommendation.retired_at.is_(None))
        .group_by(Recommendation.factsheet_id)
    )
    by_factsheet = {row[0]: tuple(int(n) for n in row[1:]) for row in session.execute(counts)}
    sheets = session.execute(
        select(Factsheet.id, Party.name, MonitoringRound.title, Factsheet.title)
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .order_by(Party.name, MonitoringRound.title)
    )
    return [
        FactsheetSummary(fid, party, round_title, title, *by_factsheet.get(fid, (0,) * 8))
        for fid, party, round_title, title in sheets
    ]


def many_rows(
    session: Session,
    statement: Select[*tuple[Any, ...]] | TextClause,
    params: Mapping[str, Any] | None = None,
) -> Sequence[Sequence[Any]]:
    """Every row of a statement that returns thousands of small rows.

    On SQLite (sqlite3 and SQLCipher) through the driver's cursor: a Result row each costs
    more than the query itself (a third of a search over 10,000 recommendations). Elsewhere
    the portable way.
    """
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        return session.execute(statement, dict(params or {})).all()
    compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params(dict(params or {}))
    driver = session.connection().connection.dbapi_connection
    assert driver is not None
    args = [values[name] for name in compiled.positiontup or ()]
    rows: Sequence[Sequence[Any]] = driver.execute(str(compiled), args).fetchall()
    return rows


def recommendation_facets(session: Session) -> list[Facet]:
    """Every current recommendation's verb, scope, rating and follow-up flag, in one query.

    The tree counts what its filters let through in factsheets it has not read in from these.
    """
    query = (
        select(
            Recommendation.id,
            Recommendation.factsheet_id,
            Recommendation.verb,
            Recommendation.scope,
            Assessment.rating,
            current_follow_up_exists(),
            follow_up_newer_than_rating(),
        )
        .outerjoin(Assessment, Assessment.recommendation_id == Recommendation.id)
        .where(Recommendation.retired_at.is_(None))
    )
    return [
        Facet(rid, fid, verb, scope, rating, bool(fu), bool(new))
        for rid, fid, verb, scope, rating, fu, new in many_rows(session, query)
    ]


def history(session: Session, entity: str, entity_id: int) -> list[HistoryEntry]:
    """The recorded changes of one entity ("recommendation", "theme", …), oldest first."""
    rows = session.execute(
        select(Change.field, Change.old, Change.new, Change.at, Change.by)
        .where(Change.entity == entity, Change.entity_id == entity_id)
        .order_by(Change.at, Change.id)
    )
    return [HistoryEntry(*row) for row in rows]


def themes(session: Session, factsheet_id: int) -> list[ThemeInfo]:
    """The assessor's themes of a factsheet with their items, in order (two queries)."""
    theme_rows = session.execute(
        select(Theme.id, Theme.position, Theme.title)
        .where(Theme.factsheet_id == factsheet_id)
        .order_by(Theme.position, Theme.id)
    ).all()
    items: dict[int, list[ThemeItemInfo]] = defaultdict(list)
    for tid, iid, pos, text, links in session.execute(
        select(
            ThemeItem.theme_id, ThemeItem.id, ThemeItem.position, ThemeItem.text, ThemeItem.links
        )
        .join(Theme, Theme.id == ThemeItem.theme_id)
        .where(Theme.factsheet_id == factsheet_id)
        .order_by(ThemeItem.position, ThemeItem.id)
    ):
        items[tid].append(ThemeItemInfo(iid, pos, text, tuple(links or ())))
    return [ThemeInfo(tid, pos, title, tuple(items[tid])) for tid, pos, title in theme_rows]


__all__ = [
    "ASSESSOR_SOURCES",
    "IN_SCOPE_VERBS",
    "SNIPPET_CHARS",
    "AssessmentInfo",
    "CurrentFollowUp",
    "FactsheetSummary",
    "FollowUpInfo",
    "HistoryEntry",
    "Level",
    "ObservationInfo",
    "RecommendationDetail",
    "ThemeInfo",
    "ThemeItemInfo",
    "TreeRow",
    "current_follow_up_exists",
    "current_follow_ups",
    "follow_up_newer_than_rating",
    "history",
    "list_factsheets",
    "many_rows",
    "rating_levels",
    "recommendation_detail",
    "recommendation_facets",
    "snippet",
    "themes",
    "tree_rows",
]
