"""Round to round: what was said of the same code in the Party's previous monitoring round.

When a Party's factsheet of a new round is in the database, each recommendation can show the
rating and comment given to the same code in the round before ("last round: Partly
implemented — …"), and the rapporteur can carry them over as a starting draft. The carried
values are recorded in the history as "carried over from ROUND".

Which round came before: the first number in the rounds' titles ("2nd monitoring round" → 2)
when both have one, else the order in which the factsheets were imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Integer, and_, bindparam, select
from sqlalchemy.orm import Session, aliased

from assessor.db.engine import Database
from assessor.db.models import (
    Assessment,
    Factsheet,
    MonitoringRound,
    RatingLevel,
    Recommendation,
    RecommendationCode,
    utcnow,
)
from assessor.i18n import _
from assessor.sanitize import clean_text
from assessor.services.changes import NOTHING, Changes
from assessor.services.errors import ServiceError
from assessor.services.history import record


@dataclass(frozen=True)
class PreviousAssessment:
    """The assessment of the same code in the Party's previous round."""

    round: str
    #: The recommendation of the previous round, and its codes.
    recommendation_id: int
    codes: tuple[str, ...]
    rating: str | None
    #: The rating's label on the previous round's scale.
    rating_label: str | None
    comment: str
    status: str
    updated_at: datetime | None
    updated_by: str
    #: Whether the rating is a level of this round's scale too (else only the comment carries).
    rating_carries: bool


def _round_number(title: str) -> int | None:
    found = re.search(r"\d+", title)
    return int(found.group()) if found else None


class _Unknown:
    """Not told which factsheet came before: it is looked up."""


UNKNOWN = _Unknown()


#: A factsheet as the choice of the round before needs it: id, round id, round title, imported.
_SheetRow = tuple[int, int, str, datetime]


def _previous_sheet_id(s: Session, factsheet_id: int) -> int | None:
    rows: list[_SheetRow] = [
        (fid, rid, title, at)
        for fid, rid, title, at in s.execute(
            select(Factsheet.id, Factsheet.round_id, MonitoringRound.title, Factsheet.imported_at)
            .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
            .where(
                Factsheet.party_id
                == select(Factsheet.party_id).where(Factsheet.id == factsheet_id).scalar_subquery()
            )
        )
    ]
    sheet = next((r for r in rows if r[0] == factsheet_id), None)
    if sheet is None:
        return None
    others = [r for r in rows if r[0] != sheet[0] and r[1] != sheet[1]]
    here = _round_number(sheet[2])
    numbered = [r for r in others if _round_number(r[2]) is not None]
    if here is not None and numbered:
        before = [r for r in numbered if (_round_number(r[2]) or 0) < here]
        found = max(before, key=lambda r: _round_number(r[2]) or 0, default=None)
    else:
        found = max((r for r in others if r[3] < sheet[3]), key=lambda r: r[3], default=None)
    return found[0] if found else None


def previous_factsheet(db: Database, factsheet_id: int) -> int | None:
    """The Party's factsheet of the round before this factsheet's; None if there is none.

    A window asks once per factsheet and passes it to ``previous_assessment``: a step to the
    next recommendation then costs nothing where there is no earlier round.
    """
    with db.reading() as s:
        return _previous_sheet_id(s, factsheet_id)


@cache
def _statements() -> tuple[Any, Any]:
    """The two statements of a look-up, built once with bound parameters (see ``_find``).

    The window asks at every step into a Party with an earlier round: building the selects
    cost more than running them, and seven ORM statements took 1.2 ms a step.
    """
    rid, prev, fid = (bindparam(n, type_=Integer) for n in ("rid", "prev", "fid"))
    mine, old = aliased(RecommendationCode), aliased(RecommendationCode)
    # The recommendation's factsheet, and for each of its codes (in order) the previous
    # round's recommendation carrying the same code, if any.
    candidates = (
        select(Recommendation.factsheet_id, old.recommendation_id)
        .select_from(Recommendation)
        .outerjoin(mine, mine.recommendation_id == Recommendation.id)
        .outerjoin(old, and_(old.factsheet_id == prev, old.code == mine.code))
        .where(Recommendation.id == rid)
        .order_by(mine.position, mine.id)
    )

    def label_in(factsheet: Any) -> Any:
        return (
            select(RatingLevel.label)
            .join(MonitoringRound, MonitoringRound.rating_scale_id == RatingLevel.scale_id)
            .join(Factsheet, Factsheet.round_id == MonitoringRound.id)
            .where(Factsheet.id == factsheet, RatingLevel.key == Assessment.rating)
            .limit(1)
            .scalar_subquery()
        )

    round_title = (
        select(MonitoringRound.title)
        .join(Factsheet, Factsheet.round_id == MonitoringRound.id)
        .where(Factsheet.id == prev)
        .scalar_subquery()
    )
    # The old recommendation's assessment, one row per code (in order), with the round's
    # title and the rating's label on the old scale and on the new one (None: not a level).
    assessed = (
        select(
            Assessment.rating,
            Assessment.comment,
            Assessment.status,
            Assessment.updated_at,
            Assessment.updated_by,
            RecommendationCode.code,
            round_title,
            label_in(prev),
            label_in(fid),
        )
        .join(
            RecommendationCode, RecommendationCode.recommendation_id == Assessment.recommendation_id
        )
        .where(Assessment.recommendation_id == rid)
        .order_by(RecommendationCode.position, RecommendationCode.id)
    )
    return candidates, assessed


def _find(
    s: Session, recommendation_id: int, previous_id: int | _Unknown | None
) -> PreviousAssessment | None:
    candidates_q, assessed_q = _statements()
    conn = s.connection()  # plain rows, without the ORM's per-statement bookkeeping
    known = None if isinstance(previous_id, _Unknown) else previous_id
    rows = conn.execute(candidates_q, {"rid": recommendation_id, "prev": known}).all()
    if not rows:
        raise ServiceError(
            _("Recommendation #{recommendation_id} does not exist.").format(
                recommendation_id=recommendation_id
            )
        )
    factsheet_id = rows[0][0]
    if isinstance(previous_id, _Unknown):
        previous_id = _previous_sheet_id(s, factsheet_id)
        if previous_id is not None:
            rows = conn.execute(candidates_q, {"rid": recommendation_id, "prev": previous_id}).all()
    if previous_id is None:
        return None
    # The bullet carrying the most of the codes (its first code breaking ties).
    candidates = [old for _fid, old in rows if old is not None]
    if not candidates:
        return None
    old_id = max(dict.fromkeys(candidates), key=candidates.count)
    found = conn.execute(assessed_q, {"rid": old_id, "prev": previous_id, "fid": factsheet_id})
    assessed = found.all()
    if not assessed:
        return None
    rating, comment, status, updated_at, updated_by, _code, title, old_label, new_label = assessed[
        0
    ]
    if rating is None and not comment:
        return None
    return PreviousAssessment(
        round=title or "",
        recommendation_id=old_id,
        codes=tuple(row[5] for row in assessed),
        rating=rating,
        rating_label=old_label if rating else None,
        comment=comment,
        status=status,
        updated_at=updated_at,
        updated_by=updated_by,
        rating_carries=rating is not None and new_label is not None,
    )


def previous_assessment(
    db: Database, recommendation_id: int, previous_sheet: int | _Unknown | None = UNKNOWN
) -> PreviousAssessment | None:
    """The rating and comment given to the same code in the previous round; None if none.

    ``previous_sheet``: the previous round's factsheet when the caller knows it already
    (``previous_factsheet``; None: there is none).
    """
    with db.reading() as s:
        return _find(s, recommendation_id, previous_sheet)


def carry_over(
    db: Database, recommendation_id: int, by: str = "", *, replace: bool = False
) -> Changes:
    """Start this recommendation's assessment from the previous round's, as a draft.

    The rating is carried when this round's scale has its level; the comment always. Refused
    when the recommendation is already assessed, unless ``replace``.
    """
    with db.transaction() as s:
        previous = _find(s, recommendation_id, UNKNOWN)
        rec = s.get(Recommendation, recommendation_id)
        assert rec is not None  # _find refused an unknown one
        if previous is None:
            raise ServiceError(
                _("The same code has no rating or comment in an earlier round: nothing to carry.")
            )
        a = rec.assessment
        old = (a.rating, a.comment, a.status) if a else (None, "", "draft")
        if (old[0] is not None or old[1]) and not replace:
            raise ServiceError(
                _(
                    "This recommendation is already rated or commented; carrying over would "
                    "replace that."
                )
            )
        rating = previous.rating if previous.rating_carries else old[0]
        new = (rating, clean_text(previous.comment).strip(), "draft")
        if new == old:
            return NOTHING
        at = utcnow()
        carried = f"carried over from {previous.round}"
        signer = (f"{by}, {carried}" if by else carried)[:200]
        _write(s, rec, old, new, at, signer)
        a = rec.assessment
        assert a is not None
        a.updated_at, a.updated_by = at, signer
    return Changes(recommendations=frozenset({recommendation_id}))


#: An assessment's fields as carried: rating key (or None), comment, status.
Fields = tuple[str | None, str, str]


def _write(
    s: Session, rec: Recommendation, old: Fields, new: Fields, at: datetime, by: str
) -> None:
    for name, before, after in zip(("rating", "comment", "status"), old, new, strict=True):
        record(s, "recommendation", rec.id, name, before, after, at, by)
    a = rec.assessment
    if a is None:
        a = Assessment(recommendation=rec, comment="", status="draft")
        s.add(a)
    a.rating, a.comment, a.status = new


def assessment_fields(db: Database, recommendation_id: int) -> Fields:
    """The rating, comment and status stored now (what an undo of a carry-over puts back)."""
    with db.reading() as s:
        a = s.scalar(select(Assessment).where(Assessment.recommendation_id == recommendation_id))
        return (a.rating, a.comment, a.status) if a else (None, "", "draft")


def undo_carry_over(
    db: Database,
    recommendation_id: int,
    fields: Fields,
    stamp: tuple[datetime, str] | None,
    by: str = "",
) -> Changes:
    """Put back the rating, comment and status a carry-over replaced, and when they were saved.

    ``stamp`` is when the assessment was last saved before (None: never), so that what depends
    on it (a follow-up newer than the rating) comes back too. Recorded in the history.
    """
    with db.transaction() as s:
        rec = s.get(Recommendation, recommendation_id)
        if rec is None:
            raise ServiceError(
                _("Recommendation #{recommendation_id} does not exist.").format(
                    recommendation_id=recommendation_id
                )
            )
        a = rec.assessment
        now: Fields = (a.rating, a.comment, a.status) if a else (None, "", "draft")
        if now == fields:
            return NOTHING
        at = utcnow()
        _write(s, rec, now, fields, at, by)
        a = rec.assessment
        assert a is not None
        a.updated_at, a.updated_by = stamp if stamp is not None else (at, by)
    return Changes(recommendations=frozenset({recommendation_id}))
