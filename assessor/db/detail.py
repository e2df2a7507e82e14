"""One recommendation's detail (text, codes, observations, follow-ups, rating, scale levels),
in a fixed handful of statements."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    Integer,
    and_,
    bindparam,
    func,
    select,
)
from sqlalchemy.orm import Session

from assessor.db.models import (
    Assessment,
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
)
from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.domain.values import (
    AssessmentInfo,
    FollowUpInfo,
    Level,
    ObservationInfo,
    RecommendationDetail,
)


def rating_levels(session: Session, factsheet_id: int) -> tuple[Level, ...]:
    """The levels of the scale a factsheet's round is rated on, in order."""
    rows = session.execute(
        select(RatingLevel.key, RatingLevel.label, RatingLevel.color, RatingLevel.label_fr)
        .join(MonitoringRound, MonitoringRound.rating_scale_id == RatingLevel.scale_id)
        .join(Factsheet, Factsheet.round_id == MonitoringRound.id)
        .where(Factsheet.id == factsheet_id)
        .order_by(RatingLevel.position)
    )
    return tuple(Level(key, label, color, label_fr or "") for key, label, color, label_fr in rows)


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
            Assessment.version,
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
            FollowUp.received_precision,
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
     rating, comment, status, updated_at, updated_by, assessment_id, version) = row  # fmt: skip
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
        assessment = AssessmentInfo(
            rating, label, comment, status, updated_at, updated_by, version or 1
        )
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
