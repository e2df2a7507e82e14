"""SQL conditions on a recommendation's follow-ups, shared by the read-side queries."""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Exists,
    and_,
    exists,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from assessor.db.models import (
    Assessment,
    FollowUp,
    Recommendation,
)
from assessor.domain.values import (
    ASSESSOR_SOURCES,
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

    For a query joining Recommendation to Assessment; the same rule as
    ``domain.values.arrived_after`` (versions the assessor typed are not news from the State).
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
