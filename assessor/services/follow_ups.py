"""The State's follow-up of a recommendation: its versions, corrections and what they reopen.

A new version never replaces the old one: the old one is marked superseded and stays in the
history. A version from the State (not a correction typed by the assessor) sends a final
assessment back to draft. ``assessments`` gives these names too, for its callers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import FollowUp, Recommendation, utcnow
from assessor.domain.values import ASSESSOR_SOURCES, MANUAL_SOURCE
from assessor.i18n import _
from assessor.sanitize import clean_text
from assessor.services.changes import NOTHING, Changes
from assessor.services.errors import ServiceError
from assessor.services.history import record

#: The entity name under which assessment and follow-up changes are recorded.
ENTITY = "recommendation"


def recommendation(session: Session, recommendation_id: int) -> Recommendation:
    """The recommendation with that id, or a plain refusal."""
    rec = session.get(Recommendation, recommendation_id)
    if rec is None:
        raise ServiceError(
            _(
                "Recommendation #{recommendation_id} does not exist (a re-import may have removed "
                "it)."
            ).format(recommendation_id=recommendation_id)
        )
    return rec


def current_follow_up(rec: Recommendation) -> FollowUp | None:
    """The follow-up version in force (the newest one not superseded), or None."""
    current = [f for f in rec.follow_ups if f.superseded_at is None]
    return current[-1] if current else None


def back_to_draft(session: Session, rec: Recommendation, at: datetime, by: str = "") -> bool:
    """A final assessment goes back to draft: a follow-up newer than its rating came in.

    Recorded in the history as a change of status; when the assessment was last saved is kept,
    so the follow-up stays newer than the rating (marked ↻ until reviewed). Returns whether the
    status changed. For use inside the transaction that brings the follow-up.
    """
    assessment = rec.assessment
    if assessment is None or assessment.status != "final":
        return False
    record(session, ENTITY, rec.id, "status", "final", "draft", at, by)
    assessment.status = "draft"
    return True


def supersede_follow_up(
    session: Session,
    rec: Recommendation,
    text: str,
    source: str,
    by: str = "",
    at: datetime | None = None,
    *,
    state_status: str | None = None,
    references: str | None = None,
    reopened: set[int] | None = None,
) -> bool:
    """Make ``text`` the current follow-up, keeping the previous one as history.

    Empty text withdraws the current follow-up without adding a new one. ``state_status`` and
    ``references`` (the State's, from a questionnaire) are kept from the current version when
    None, cleared when empty; a change of either alone is a new version too. Returns whether
    anything changed. For use inside a transaction (imports share it). A new version from
    the State (not a correction) sends a final assessment back to draft; its recommendation
    is added to ``reopened`` when given.
    """
    at = at or utcnow()
    new_text = clean_text(text).strip()
    current = current_follow_up(rec)
    old_text = current.text if current else None
    old_status = current.state_status if current else None
    old_refs = current.state_references if current else None
    new_status = old_status if state_status is None else clean_text(state_status).strip() or None
    new_refs = old_refs if references is None else clean_text(references).strip() or None
    if not new_text:
        new_status = new_refs = None
    if ((old_text or ""), old_status, old_refs) == (new_text, new_status, new_refs):
        return False
    # Earlier versions stay: only their superseded_at is set, so history is never lost.
    for version in rec.follow_ups:
        if version.superseded_at is None:
            version.superseded_at = at
    if new_text:
        session.add(
            FollowUp(
                recommendation=rec,
                text=new_text,
                source=source.strip() or MANUAL_SOURCE,
                received_at=at,
                recorded_at=utcnow(),  # when it came in: what the review mark compares
                state_status=new_status,
                state_references=new_refs,
            )
        )
    record(session, ENTITY, rec.id, "follow_up", old_text, new_text or None, at, by)
    record(session, ENTITY, rec.id, "follow_up_state_status", old_status, new_status, at, by)
    record(session, ENTITY, rec.id, "follow_up_references", old_refs, new_refs, at, by)
    from_state = (source.strip() or MANUAL_SOURCE) not in ASSESSOR_SOURCES
    if new_text and from_state and back_to_draft(session, rec, at, by) and reopened is not None:
        reopened.add(rec.id)
    return True


def edit_follow_up(
    db: Database,
    recommendation_id: int,
    text: str,
    source: str = "",
    by: str = "",
    *,
    state_status: str | None = None,
    references: str | None = None,
) -> Changes:
    """Replace the State's follow-up of a recommendation; the previous version is kept.

    ``state_status`` and ``references`` (the State's own) are kept as they are when None,
    cleared when empty, as in ``supersede_follow_up``.
    """
    with db.transaction() as s:
        rec = recommendation(s, recommendation_id)
        changed = supersede_follow_up(
            s, rec, text, source, by, state_status=state_status, references=references
        )
        return Changes.of_recommendations([rec.id]) if changed else NOTHING
