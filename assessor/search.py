"""Searching recommendations by their texts: SQLite's FTS5 or PostgreSQL's tsvector index when
present, portable LIKE otherwise.

The one place that knows about full-text indexes (DESIGN.md: SQLite-only features behind one
module, with their PostgreSQL counterpart: migrations 0002 and 0006). A recommendation matches
when every word of the query (as a word prefix, any case, accents ignored) occurs in one of:
its text, an observation that leads to it (the last group of observations before it in its
section, as the finding pane shows them), its current follow-up, the rapporteur's comment.
On PostgreSQL a word also matches by its English or French stem.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, inspect, select, text
from sqlalchemy.orm import QueryableAttribute, Session

from assessor.db.engine import Database
from assessor.db.models import Assessment, FollowUp, Observation, Recommendation
from assessor.db.queries import many_rows

#: The texts searched, as named in results and the user guide.
FIELDS = ("recommendation", "observation", "follow_up", "comment")

_WORD = re.compile(r"\w+", re.UNICODE)
#: The generated tsvector column of each searched table on PostgreSQL (migration 0006).
PG_DOCUMENT = "search_document"
# Whether an engine's database has a full-text index; asked once per engine.
_fts_by_engine: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def query_words(query: str) -> list[str]:
    """The words of a search query, in order, without repeats (punctuation is ignored)."""
    return list(dict.fromkeys(w.casefold() for w in _WORD.findall(query)))


def has_fts(engine: Engine) -> bool:
    """Whether the database has a full-text index (FTS5, migration 0002; tsvector, 0006)."""
    known = _fts_by_engine.get(engine)
    if known is None:
        if engine.dialect.name == "sqlite":
            known = inspect(engine).has_table("fts_recommendation")
        elif engine.dialect.name == "postgresql":
            columns = inspect(engine).get_columns("recommendation")
            known = any(c["name"] == PG_DOCUMENT for c in columns)
        else:
            known = False
        _fts_by_engine[engine] = known
    return known


def _fts_query(words: Iterable[str]) -> str:
    # Each word quoted (so FTS5 operators typed by the user are plain text) and as a prefix.
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


# An observation leads to a recommendation after it unless a later observation group (one
# with a recommendation between it and the observation) comes between them; the same rule as
# ``queries.recommendation_detail``.
def _leads(o: str, r: str) -> str:
    """SQL: observation ``o`` leads to recommendation ``r`` (names of the tables or aliases)."""
    return f"""{o}.position < {r}.section_position AND NOT EXISTS (
    SELECT 1 FROM observation o3
     WHERE o3.section_id = {o}.section_id
       AND o3.position > {o}.position AND o3.position < {r}.section_position
       AND EXISTS (SELECT 1 FROM recommendation r2
                    WHERE r2.section_id = {o}.section_id
                      AND r2.section_position > {o}.position
                      AND r2.section_position < o3.position))"""


def _fts_ids(session: Session, factsheet_id: int | None, words: list[str]) -> set[int]:
    where_sheet = "" if factsheet_id is None else " AND r.factsheet_id = :fid"
    sql = f"""
        SELECT r.id FROM fts_recommendation f JOIN recommendation r ON r.id = f.rowid
         WHERE fts_recommendation MATCH :q{where_sheet}
        UNION
        SELECT r.id FROM fts_observation f JOIN observation o ON o.id = f.rowid
          JOIN recommendation r ON r.section_id = o.section_id
         WHERE fts_observation MATCH :q{where_sheet}
           AND {_leads("o", "r")}
        UNION
        SELECT r.id FROM fts_follow_up f JOIN follow_up u ON u.id = f.rowid
          JOIN recommendation r ON r.id = u.recommendation_id
         WHERE fts_follow_up MATCH :q AND u.superseded_at IS NULL{where_sheet}
        UNION
        SELECT r.id FROM fts_assessment f JOIN assessment a ON a.id = f.rowid
          JOIN recommendation r ON r.id = a.recommendation_id
         WHERE fts_assessment MATCH :q{where_sheet}
    """
    params: dict[str, object] = {"q": _fts_query(words)}
    if factsheet_id is not None:
        params["fid"] = factsheet_id
    # Thousands of ids for a common word.
    return {row[0] for row in many_rows(session, text(sql), params)}


def _pg_tsquery(words: list[str]) -> tuple[str, dict[str, object]]:
    """SQL for a tsquery matching every word, and its parameters.

    A word matches as a word prefix of the plain text (as FTS5's ``"word"*``) or as its English
    or French stem; accents and case are folded as in the index (``assessor_fold``, 0006).
    """
    parts: list[str] = []
    params: dict[str, object] = {}
    for i, word in enumerate(words):
        w = f"assessor_fold(:w{i})"
        parts.append(
            f"(to_tsquery('simple', quote_literal({w}) || ':*')"
            f" || plainto_tsquery('english', {w}) || plainto_tsquery('french', {w}))"
        )
        params[f"w{i}"] = word
    return " && ".join(parts), params


def _pg_ids(session: Session, factsheet_id: int | None, words: list[str]) -> set[int]:
    where_sheet = "" if factsheet_id is None else " AND r.factsheet_id = :fid"
    query, params = _pg_tsquery(words)
    doc = PG_DOCUMENT
    sql = f"""
        WITH q AS (SELECT {query} AS query)
        SELECT r.id FROM q, recommendation r
         WHERE r.{doc} @@ q.query{where_sheet}
        UNION
        SELECT r.id FROM q, observation o JOIN recommendation r ON r.section_id = o.section_id
         WHERE o.{doc} @@ q.query{where_sheet}
           AND {_leads("o", "r")}
        UNION
        SELECT r.id FROM q, follow_up u JOIN recommendation r ON r.id = u.recommendation_id
         WHERE u.{doc} @@ q.query AND u.superseded_at IS NULL{where_sheet}
        UNION
        SELECT r.id FROM q, assessment a JOIN recommendation r ON r.id = a.recommendation_id
         WHERE a.{doc} @@ q.query{where_sheet}
    """
    if factsheet_id is not None:
        params["fid"] = factsheet_id
    return {row[0] for row in many_rows(session, text(sql), params)}


def _like_ids(session: Session, factsheet_id: int | None, words: list[str]) -> set[int]:
    # Substring rather than word-prefix matching: close enough, and portable everywhere.
    def all_words(column: QueryableAttribute[str]) -> list[ColumnElement[bool]]:
        return [column.ilike(f"%{w}%") for w in words]

    def scoped(query: Select[Any]) -> Select[Any]:
        if factsheet_id is None:
            return query
        return query.where(Recommendation.factsheet_id == factsheet_id)

    queries: list[Select[Any]] = [
        select(Recommendation.id).where(and_(*all_words(Recommendation.text))),
        select(Recommendation.id)
        .join(Observation, Observation.section_id == Recommendation.section_id)
        .where(and_(*all_words(Observation.text)), text(_leads("observation", "recommendation"))),
        select(Recommendation.id)
        .join(FollowUp, FollowUp.recommendation_id == Recommendation.id)
        .where(FollowUp.superseded_at.is_(None), and_(*all_words(FollowUp.text))),
        select(Recommendation.id)
        .join(Assessment, Assessment.recommendation_id == Recommendation.id)
        .where(and_(*all_words(Assessment.comment))),
    ]
    found: set[int] = set()
    for query in queries:
        found.update(session.scalars(scoped(query)))
    return found


def search_ids(
    session: Session, query: str, factsheet_id: int | None = None, use_fts: bool | None = None
) -> set[int]:
    """The ids of the recommendations matching ``query`` (in one factsheet, if given)."""
    words = query_words(query)
    if not words:
        return set()
    if use_fts is None:
        bind = session.get_bind()
        use_fts = isinstance(bind, Engine) and has_fts(bind)
    if use_fts:
        if session.get_bind().dialect.name == "postgresql":
            return _pg_ids(session, factsheet_id, words)
        return _fts_ids(session, factsheet_id, words)
    return _like_ids(session, factsheet_id, words)


def search(db: Database, query: str, factsheet_id: int | None = None) -> set[int]:
    """The ids of the recommendations matching ``query``, read in a session of their own."""
    use_fts = has_fts(db.engine)
    with db.reading() as session:
        return search_ids(session, query, factsheet_id, use_fts)
