"""A factsheet's tree as flat rows (chapters, sections, items), in a fixed handful of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.orm import Session

from assessor.db.follow_up_state import (
    CurrentFollowUp,
    current_follow_up_exists,
    follow_up_newer_than_rating,
)
from assessor.db.models import (
    Assessment,
    Chapter,
    FollowUp,
    Recommendation,
    RecommendationCode,
    Section,
)
from assessor.domain.scope import SNIPPET_CHARS, snippet
from assessor.domain.values import (
    TreeRow,
    received_text,
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


def current_follow_up_received(session: Session, factsheet_id: int) -> dict[int, str]:
    """When each recommendation's current follow-up was received, as precise as its source."""
    return {
        rec_id: received_text(received_at, precision)
        for rec_id, (received_at, precision) in current_follow_up_received_at(
            session, factsheet_id
        ).items()
    }


def current_follow_up_received_at(
    session: Session, factsheet_id: int
) -> dict[int, tuple[datetime | None, str]]:
    """When each current follow-up was received and how precisely ("day", "month")."""
    found: dict[int, tuple[datetime | None, str]] = {}
    for rec_id, received_at, precision in session.execute(
        select(FollowUp.recommendation_id, FollowUp.received_at, FollowUp.received_precision)
        .join(Recommendation, Recommendation.id == FollowUp.recommendation_id)
        .where(Recommendation.factsheet_id == factsheet_id, FollowUp.superseded_at.is_(None))
        .order_by(FollowUp.received_at, FollowUp.id)
    ):
        found[rec_id] = (received_at, precision or "day")  # the newest, as the pane shows
    return found


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
            Assessment.status,
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
    for rid, sid, chapter, verb, scope, text, rating, has_fu, new, status in session.execute(
        recs_query
    ):
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
            status == "final",
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
