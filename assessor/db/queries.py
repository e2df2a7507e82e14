"""Read-side queries: plain frozen values (``assessor.domain.values``) for views, CLI and exporters.

Each function takes an open Session and runs a fixed handful of queries whatever the size of
the factsheet, so that views stay fast with tens of thousands of recommendations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Exists,
    Integer,
    Select,
    TextClause,
    and_,
    bindparam,
    case,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from assessor.db.models import (
    Assessment,
    Change,
    Chapter,
    Factsheet,
    FollowUp,
    MonitoringRound,
    Observation,
    Party,
    RatingLevel,
    Recommendation,
    RecommendationCode,
    Section,
    Theme,
    ThemeItem,
)
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


def current_follow_up_exists() -> Exists:
    """Whether a recommendation has a current follow-up (a correlated EXISTS: portable, and it
    uses the follow_up.recommendation_id index)."""
    return (
        select(FollowUp.id)
        .where(FollowUp.recommendation_id == Recommendation.id, FollowUp.superseded_at.is_(None))
        .exists()
    )


#: A current follow-up: its text, the State's own status and its references.
CurrentFollowUp = tuple[str, str | None, str | None]


def follow_up_newer_than_rating() -> ColumnElement[bool]:
    """Rated, and a version of the follow-up from the State came in after the assessment was
    last saved.

    For a query joining Recommendation to Assessment; the same rule as ``rows.arrived_after``
    (versions the assessor typed are not news from the State).
    """
    version = aliased(FollowUp)
    return and_(
        Assessment.rating.is_not(None),
        exists()
        .where(
            version.recommendation_id == Recommendation.id,
            version.source.not_in(ASSESSOR_SOURCES),
            version.recorded_at > Assessment.updated_at,
            # Current at some time: not a version put straight into the history.
            or_(version.superseded_at.is_(None), version.superseded_at > version.recorded_at),
        )
        .correlate(Recommendation, Assessment),
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


def rating_levels(session: Session, factsheet_id: int) -> tuple[Level, ...]:
    """The levels of the scale a factsheet's round is rated on, in order."""
    rows = session.execute(
        select(RatingLevel.key, RatingLevel.label, RatingLevel.color)
        .join(MonitoringRound, MonitoringRound.rating_scale_id == RatingLevel.scale_id)
        .join(Factsheet, Factsheet.round_id == MonitoringRound.id)
        .where(Factsheet.id == factsheet_id)
        .order_by(RatingLevel.position)
    )
    return tuple(Level(*row) for row in rows)


@cache
def _detail_statements() -> tuple[Any, Any, Any, Any]:
    """The detail's four statements, built once: stepping through recommendations reuses them.

    Building a select with twenty columns costs more than running it on SQLite; with bound
    parameters the same objects serve every recommendation (and their compiled form is cached).
    """
    rid = bindparam("rid", type_=Integer)
    sid = bindparam("sid", type_=Integer)
    pos = bindparam("pos", type_=Integer)
    main = (
        select(
            Recommendation.id,
            Recommendation.uid,
            Recommendation.factsheet_id,
            Recommendation.chapter_number,
            Recommendation.section_id,
            Recommendation.section_position,
            Recommendation.text,
            Recommendation.verb,
            Recommendation.scope,
            Recommendation.paragraphs,
            Recommendation.retired_at,
            Party.name,
            Chapter.title,
            Section.kind,
            Section.title,
            Assessment.rating,
            Assessment.comment,
            Assessment.status,
            Assessment.updated_at,
            Assessment.updated_by,
            Assessment.id,
        )
        .join(Factsheet, Factsheet.id == Recommendation.factsheet_id)
        .join(Party, Party.id == Factsheet.party_id)
        .outerjoin(
            Chapter,
            and_(
                Chapter.factsheet_id == Factsheet.id,
                Chapter.number == Recommendation.chapter_number,
            ),
        )
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .outerjoin(Assessment, Assessment.recommendation_id == Recommendation.id)
        .where(Recommendation.id == rid)
        .limit(1)
    )
    codes = (
        select(RecommendationCode.code)
        .where(RecommendationCode.recommendation_id == rid)
        .order_by(RecommendationCode.position, RecommendationCode.id)
    )
    follow_ups = (
        select(
            FollowUp.id,
            FollowUp.text,
            FollowUp.source,
            FollowUp.received_at,
            FollowUp.superseded_at,
            FollowUp.state_status,
            FollowUp.state_references,
            FollowUp.recorded_at,
        )
        .where(FollowUp.recommendation_id == rid)
        .order_by(FollowUp.received_at, FollowUp.id)
    )
    # The observations leading to a recommendation: the last group before it (see
    # ``recommendation_detail``), in one statement.
    last = (
        select(func.max(Observation.position))
        .where(Observation.section_id == sid, Observation.position < pos)
        .scalar_subquery()
    )
    start = (
        select(func.coalesce(func.max(Recommendation.section_position), -1))
        .where(Recommendation.section_id == sid, Recommendation.section_position < last)
        .scalar_subquery()
    )
    observations = (
        select(Observation.text, Observation.paragraphs)
        .where(
            Observation.section_id == sid, Observation.position < pos, Observation.position > start
        )
        .order_by(Observation.position, Observation.id)
    )
    return main, codes, follow_ups, observations


def recommendation_detail(
    session: Session, rec_id: int, levels: tuple[Level, ...] | None = None
) -> RecommendationDetail | None:
    """The recommendation with its context, follow-ups and assessment; None if it is gone.

    Four small prepared queries whatever the database's size (the window steps through
    recommendations with it); ``levels``, when the caller already has the scale's levels,
    saves a fifth.

    A recommendation answers the observations just above it (the last group before it); one
    that follows another recommendation directly ("It also requests …") shares its
    predecessor's observations. ``assessor.search`` applies the same rule.
    """
    main, codes_q, follow_ups_q, observations_q = _detail_statements()
    # Through the connection: plain rows, without the ORM's per-statement bookkeeping.
    conn = session.connection()
    row = conn.execute(main, {"rid": rec_id}).first()
    if row is None:
        return None
    (rid, uid, factsheet_id, chapter_number, section_id, section_position, text, verb, scope,
     paragraphs, retired_at, party, chapter_title, section_kind, section_title,
     rating, comment, status, updated_at, updated_by, assessment_id) = row  # fmt: skip
    codes = tuple(conn.execute(codes_q, {"rid": rid}).scalars())
    versions = [FollowUpInfo(*f) for f in conn.execute(follow_ups_q, {"rid": rid})]
    current = [f for f in versions if f.superseded_at is None]
    observations = (
        tuple(
            ObservationInfo(obs[0], tuple(obs[1] or ()))
            for obs in conn.execute(observations_q, {"sid": section_id, "pos": section_position})
        )
        if section_id is not None and section_kind is not None
        else ()
    )
    if levels is None:
        levels = rating_levels(session, factsheet_id)
    assessment = AssessmentInfo()
    if assessment_id is not None:
        label = next((lv.label for lv in levels if lv.key == rating), None)
        assessment = AssessmentInfo(rating, label, comment, status, updated_at, updated_by)
    return RecommendationDetail(
        id=rid,
        uid=uid,
        factsheet_id=factsheet_id,
        party=party,
        chapter_number=chapter_number,
        chapter_title=chapter_title or "",
        section_id=section_id if section_kind is not None else None,
        section_kind=section_kind,
        section_title=section_title,
        observations=observations,
        text=text,
        codes=codes,
        verb=verb,
        scope=scope,
        paragraphs=tuple(paragraphs or ()),
        in_scope=verb in IN_SCOPE_VERBS,
        retired_at=retired_at,
        follow_up=current[-1] if current else None,
        follow_up_history=tuple(f for f in versions if f.superseded_at),
        assessment=assessment,
        levels=levels,
    )


def _codes_by_recommendation(session: Session, factsheet_id: int) -> dict[int, tuple[str, ...]]:
    rows = session.execute(
        select(RecommendationCode.recommendation_id, RecommendationCode.code)
        .where(RecommendationCode.factsheet_id == factsheet_id)
        .order_by(RecommendationCode.recommendation_id, RecommendationCode.position)
    )
    grouped: dict[int, list[str]] = defaultdict(list)
    for rec_id, code in rows:
        grouped[rec_id].append(code)
    return {k: tuple(v) for k, v in grouped.items()}


def current_follow_ups(session: Session, factsheet_id: int) -> dict[int, CurrentFollowUp]:
    """Each recommendation's current follow-up: text, the State's status and references."""
    found: dict[int, CurrentFollowUp] = {}
    for rec_id, text, state_status, references in session.execute(
        select(
            FollowUp.recommendation_id,
            FollowUp.text,
            FollowUp.state_status,
            FollowUp.state_references,
        )
        .join(Recommendation, Recommendation.id == FollowUp.recommendation_id)
        .where(Recommendation.factsheet_id == factsheet_id, FollowUp.superseded_at.is_(None))
        .order_by(FollowUp.received_at, FollowUp.id)
    ):
        found[rec_id] = (text, state_status, references)  # the newest, as the detail pane shows
    return found


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


def tree_rows(session: Session, factsheet_id: int, include_retired: bool = False) -> list[TreeRow]:
    """The factsheet as a flat, ordered list of chapter, section and recommendation rows."""
    chapters = session.execute(
        select(Chapter.id, Chapter.number, Chapter.title)
        .where(Chapter.factsheet_id == factsheet_id)
        .order_by(Chapter.position, Chapter.id)
    ).all()
    sections = session.execute(
        select(Section.id, Section.chapter_id, Section.kind, Section.title)
        .join(Chapter, Chapter.id == Section.chapter_id)
        .where(Chapter.factsheet_id == factsheet_id)
        .order_by(Section.position, Section.id)
    ).all()
    recs_query = (
        select(
            Recommendation.id,
            Recommendation.section_id,
            Recommendation.chapter_number,
            Recommendation.verb,
            Recommendation.scope,
            func.substr(Recommendation.text, 1, SNIPPET_CHARS * 2),
            Assessment.rating,
            current_follow_up_exists(),
            follow_up_newer_than_rating(),
        )
        .outerjoin(Assessment, Assessment.recommendation_id == Recommendation.id)
        .where(Recommendation.factsheet_id == factsheet_id)
        .order_by(Recommendation.section_position, Recommendation.position, Recommendation.id)
    )
    if not include_retired:
        recs_query = recs_query.where(Recommendation.retired_at.is_(None))
    codes = _codes_by_recommendation(session, factsheet_id)

    recs_by_section: dict[int | None, list[TreeRow]] = defaultdict(list)
    loose_by_chapter: dict[str, list[TreeRow]] = defaultdict(list)
    section_ids = {s.id for s in sections}
    for rid, sid, chapter, verb, scope, text, rating, has_fu, new in session.execute(recs_query):
        row = TreeRow(
            "recommendation",
            rid,
            f"r{rid}",
            f"s{sid}",
            2,
            snippet(text or ""),
            chapter,
            None,
            codes.get(rid, ()),
            verb,
            scope,
            rating,
            bool(has_fu),
            bool(new),
        )
        if sid in section_ids:
            recs_by_section[sid].append(row)
        else:  # its section was removed by a re-import: show it under its chapter
            loose_by_chapter[chapter].append(row)

    sections_by_chapter: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for sid, cid, kind, title in sections:
        sections_by_chapter[cid].append((sid, kind, title))
    out: list[TreeRow] = []
    for cid, number, title in chapters:
        key = f"c{cid}"
        out.append(TreeRow("chapter", cid, key, None, 0, title, chapter_number=number))
        for sid, kind, stitle in sections_by_chapter[cid]:
            out.append(TreeRow("section", sid, f"s{sid}", key, 1, stitle, number, kind))
            out.extend(recs_by_section[sid])
        out.extend(replace(r, parent_key=key, depth=1) for r in loose_by_chapter.pop(number, []))
    # A recommendation whose chapter is gone too is still shown, at the top level.
    for rows in loose_by_chapter.values():
        out.extend(replace(r, parent_key=None, depth=0) for r in rows)
    return out


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
    "AssessmentInfo",
    "FactsheetSummary",
    "FollowUpInfo",
    "HistoryEntry",
    "Level",
    "ObservationInfo",
    "RecommendationDetail",
    "ThemeInfo",
    "ThemeItemInfo",
    "TreeRow",
    "history",
    "list_factsheets",
    "rating_levels",
    "recommendation_detail",
    "themes",
    "tree_rows",
]
