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

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import (
    Assessment,
    Factsheet,
    RatingLevel,
    Recommendation,
    RecommendationCode,
    utcnow,
)
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


def _previous_sheet(s: Session, sheet: Factsheet) -> Factsheet | None:
    others = [
        f
        for f in s.scalars(select(Factsheet).where(Factsheet.party_id == sheet.party_id))
        if f.id != sheet.id and f.round_id != sheet.round_id
    ]
    here = _round_number(sheet.round.title)
    numbered = [f for f in others if _round_number(f.round.title) is not None]
    if here is not None and numbered:
        before = [f for f in numbered if (_round_number(f.round.title) or 0) < here]
        return max(before, key=lambda f: _round_number(f.round.title) or 0, default=None)
    before = [f for f in others if f.imported_at < sheet.imported_at]
    return max(before, key=lambda f: f.imported_at, default=None)


def _levels(s: Session, sheet: Factsheet) -> dict[str, str]:
    rows = s.execute(
        select(RatingLevel.key, RatingLevel.label).where(
            RatingLevel.scale_id == sheet.round.rating_scale_id
        )
    )
    return {key: label for key, label in rows}


def _find(s: Session, recommendation_id: int) -> tuple[Recommendation, PreviousAssessment | None]:
    rec = s.get(Recommendation, recommendation_id)
    if rec is None:
        raise ServiceError(f"Recommendation #{recommendation_id} does not exist.")
    sheet = s.get(Factsheet, rec.factsheet_id)
    assert sheet is not None
    previous = _previous_sheet(s, sheet)
    if previous is None:
        return rec, None
    codes = [c.code for c in rec.codes]
    rows = s.execute(
        select(RecommendationCode.code, RecommendationCode.recommendation_id).where(
            RecommendationCode.factsheet_id == previous.id, RecommendationCode.code.in_(codes)
        )
    ).all()
    by_code = {code: rid for code, rid in rows}
    # The bullet carrying the most of the codes (its first code breaking ties).
    candidates = [by_code[c] for c in codes if c in by_code]
    if not candidates:
        return rec, None
    old_id = max(dict.fromkeys(candidates), key=candidates.count)
    old = s.get(Recommendation, old_id)
    assert old is not None
    a: Assessment | None = old.assessment
    if a is None or (a.rating is None and not a.comment):
        return rec, None
    old_levels, new_levels = _levels(s, previous), _levels(s, sheet)
    return rec, PreviousAssessment(
        round=previous.round.title,
        recommendation_id=old.id,
        codes=tuple(c.code for c in old.codes),
        rating=a.rating,
        rating_label=old_levels.get(a.rating) if a.rating else None,
        comment=a.comment,
        status=a.status,
        updated_at=a.updated_at,
        updated_by=a.updated_by,
        rating_carries=a.rating is not None and a.rating in new_levels,
    )


def previous_assessment(db: Database, recommendation_id: int) -> PreviousAssessment | None:
    """The rating and comment given to the same code in the previous round; None if none."""
    with db.reading() as s:
        return _find(s, recommendation_id)[1]


def carry_over(
    db: Database, recommendation_id: int, by: str = "", *, replace: bool = False
) -> Changes:
    """Start this recommendation's assessment from the previous round's, as a draft.

    The rating is carried when this round's scale has its level; the comment always. Refused
    when the recommendation is already assessed, unless ``replace``.
    """
    with db.transaction() as s:
        rec, previous = _find(s, recommendation_id)
        if previous is None:
            raise ServiceError(
                "The same code has no rating or comment in an earlier round: nothing to carry."
            )
        a = rec.assessment
        old = (a.rating, a.comment, a.status) if a else (None, "", "draft")
        if (old[0] is not None or old[1]) and not replace:
            raise ServiceError(
                "This recommendation is already rated or commented; carrying over would "
                "replace that."
            )
        rating = previous.rating if previous.rating_carries else old[0]
        new = (rating, clean_text(previous.comment).strip(), "draft")
        if new == old:
            return NOTHING
        at = utcnow()
        carried = f"carried over from {previous.round}"
        signer = (f"{by}, {carried}" if by else carried)[:200]
        for name, before, after in zip(("rating", "comment", "status"), old, new, strict=True):
            record(s, "recommendation", rec.id, name, before, after, at, signer)
        if a is None:
            a = Assessment(recommendation=rec, comment="", status="draft")
            s.add(a)
        a.rating, a.comment, a.status = new
        a.updated_at, a.updated_by = at, signer
    return Changes(recommendations=frozenset({recommendation_id}))
