"""Assessing recommendations: rating, comment, status and the State's follow-up.

Every public function here is one user action: one transaction, a Change row for each field it
changes, and a ``Changes`` value back. Calling one with what is already stored changes nothing
and records nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import (
    Assessment,
    Factsheet,
    FollowUp,
    MonitoringRound,
    RatingLevel,
    Recommendation,
    utcnow,
)
from assessor.db.presets import find_level
from assessor.domain.scales import NOT_RATED_LABEL
from assessor.domain.values import ASSESSOR_SOURCES, MANUAL_SOURCE
from assessor.sanitize import clean_text
from assessor.services.changes import NOTHING, Changes
from assessor.services.code_lookup import find_by_code
from assessor.services.conflicts import SaveConflict, check, saving
from assessor.services.errors import ServiceError
from assessor.services.history import record

#: The statuses an assessment can have.
STATUSES = ("draft", "final")
#: When an assessment was last saved, and by whom.
Stamp = tuple[datetime, str]
#: The entity name under which assessment and follow-up changes are recorded.
ENTITY = "recommendation"

# Sentinel meaning "leave this field as it is" (None is a meaningful rating: not rated).
_KEEP = object()


def _recommendation(session: Session, recommendation_id: int) -> Recommendation:
    rec = session.get(Recommendation, recommendation_id)
    if rec is None:
        raise ServiceError(
            f"Recommendation #{recommendation_id} does not exist (a re-import may have removed it)."
        )
    return rec


def _scale_id(session: Session, rec: Recommendation) -> int:
    scale_id = session.scalar(
        select(MonitoringRound.rating_scale_id)
        .join(Factsheet, Factsheet.round_id == MonitoringRound.id)
        .where(Factsheet.id == rec.factsheet_id)
    )
    assert scale_id is not None  # a factsheet always has a round, and a round a scale
    return scale_id


class NamedLevel(Protocol):
    """A level of a scale as the window and the database both have it."""

    @property
    def key(self) -> str: ...

    @property
    def label(self) -> str: ...


#: What clears a rating, besides the number 0 (any case).
CLEAR_WORDS = (NOT_RATED_LABEL.casefold(), "not_rated", "none")


def parse_rating(text: str, levels: Sequence[NamedLevel]) -> str | None:
    """The level key ``text`` names, as in the window: its number (1…N, 0 clears), key or label.

    ``levels`` are in the scale's order. None means "not rated"; anything else is an error that
    lists the choices, and so is an empty text (it is never taken as a silent clear).
    """
    wanted = text.strip().casefold()
    if wanted == "0" or wanted in CLEAR_WORDS:
        return None
    if wanted.isdigit() and 1 <= int(wanted) <= len(levels):
        return levels[int(wanted) - 1].key
    for level in levels:
        if wanted and wanted in (level.key.casefold(), level.label.casefold()):
            return level.key
    choices = ", ".join(f"{n} {lv.key} ({lv.label})" for n, lv in enumerate(levels, 1))
    given = f"“{text.strip()}” is not a rating of this scale" if wanted else "the rating is empty"
    raise ServiceError(f"{given}; use one of: {choices}, or 0 to clear.")


def resolve_rating(session: Session, scale_id: int, rating: str | None) -> str | None:
    """The level key that ``rating`` (number, key or label, see ``parse_rating``) names.

    None (from code, never typed) means not rated.
    """
    if rating is None:
        return None
    levels = session.scalars(
        select(RatingLevel).where(RatingLevel.scale_id == scale_id).order_by(RatingLevel.position)
    ).all()
    return parse_rating(rating, levels)


def _normalize_status(status: str) -> str:
    wanted = clean_text(status).strip().casefold()
    if wanted not in STATUSES:
        raise ServiceError(f"“{status}” is not a status; use “draft” or “final”.")
    return wanted


def _apply(
    session: Session,
    rec: Recommendation,
    *,
    rating: object = _KEEP,
    comment: str | None = None,
    status: str | None = None,
    by: str,
    stamp: Stamp | None = None,
    expected_version: int | None = None,
) -> bool | SaveConflict:
    """Change the assessment's fields that differ; return whether anything changed.

    ``rating`` must already be a resolved key (or None) when given. ``stamp``, when an undo
    gives one, is the "last saved" moment and author to put back instead of now and ``by``.
    With ``expected_version`` (the version the caller last saw), a row changed since is not
    changed: the conflict is returned instead (see ``conflicts``).
    """
    current = rec.assessment
    old_rating = current.rating if current else None
    old_comment = current.comment if current else ""
    old_status = current.status if current else "draft"
    new_rating = old_rating if rating is _KEEP else rating
    new_comment = old_comment if comment is None else clean_text(comment).strip()
    new_status = old_status if status is None else status
    assert new_rating is None or isinstance(new_rating, str)
    if (new_rating, new_comment, new_status) == (old_rating, old_comment, old_status):
        return False
    mine = {
        name: value
        for name, value, old in (
            ("rating", new_rating, old_rating),
            ("comment", new_comment, old_comment),
            ("status", new_status, old_status),
        )
        if value != old
    }
    conflict = check(session, rec, expected_version, mine)
    if conflict is not None:
        return conflict
    at = utcnow()
    # Created only now, so that a no-op leaves no empty assessment behind.
    assessment = current or Assessment(recommendation=rec, comment="", status="draft")
    record(session, ENTITY, rec.id, "rating", old_rating, new_rating, at, by)
    record(session, ENTITY, rec.id, "comment", old_comment, new_comment, at, by)
    record(session, ENTITY, rec.id, "status", old_status, new_status, at, by)
    assessment.rating = new_rating
    assessment.comment = new_comment
    assessment.status = new_status
    assessment.updated_at, assessment.updated_by = stamp if stamp is not None else (at, by)
    session.add(assessment)
    return True


def _outcome(rec: Recommendation, changed: bool | SaveConflict) -> Changes | SaveConflict:
    if isinstance(changed, SaveConflict):
        return changed
    return Changes.of_recommendations([rec.id]) if changed else NOTHING


def rate(
    db: Database,
    recommendation_id: int,
    rating: str | None,
    by: str = "",
    stamp: Stamp | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Set (or with None, clear) the rating of a recommendation, by key or label.

    ``expected_version`` (here and below) is the assessment's version the caller last saw (0:
    none saved yet): when it changed since, ``SaveConflict`` says by whom, and nothing is
    changed. None saves over whatever is stored (a one-shot command reads and writes at once).
    """

    def work(s: Session) -> Changes | SaveConflict:
        rec = _recommendation(s, recommendation_id)
        key = resolve_rating(s, _scale_id(s, rec), rating)
        changed = _apply(s, rec, rating=key, by=by, stamp=stamp, expected_version=expected_version)
        return _outcome(rec, changed)

    return saving(db, work, by)


def set_comment(
    db: Database,
    recommendation_id: int,
    comment: str,
    by: str = "",
    stamp: Stamp | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Replace the rapporteur's comment on a recommendation."""

    def work(s: Session) -> Changes | SaveConflict:
        rec = _recommendation(s, recommendation_id)
        changed = _apply(
            s, rec, comment=comment, by=by, stamp=stamp, expected_version=expected_version
        )
        return _outcome(rec, changed)

    return saving(db, work, by)


def assessment_version(db: Database, recommendation_id: int) -> int:
    """The assessment's version now stored (0 before anything was saved)."""
    with db.reading() as s:
        a = _recommendation(s, recommendation_id).assessment
        return a.version if a is not None else 0


def saved_stamp(db: Database, recommendation_id: int) -> Stamp | None:
    """When the assessment was last saved, and by whom (None before anything was saved).

    An undo puts it back with the fields, so that what depends on it ("a follow-up newer than
    the rating") comes back too.
    """
    with db.reading() as s:
        a = _recommendation(s, recommendation_id).assessment
        return (a.updated_at, a.updated_by) if a is not None else None


def undo_keep_rating(db: Database, recommendation_id: int, stamp: Stamp, by: str = "") -> Changes:
    """Take back "keep this rating": the assessment's last-saved moment is put back."""
    with db.transaction() as s:
        rec = _recommendation(s, recommendation_id)
        assessment = rec.assessment
        if assessment is None or assessment.rating is None:
            return NOTHING  # keeping did nothing either
        record(s, ENTITY, rec.id, "rating_kept", assessment.rating, None, utcnow(), by)
        assessment.updated_at, assessment.updated_by = stamp
        return Changes.of_recommendations([rec.id])


def keep_rating(
    db: Database, recommendation_id: int, by: str = "", expected_version: int | None = None
) -> Changes:
    """The rating stands after the State's newer follow-up was read.

    The assessment is saved again (so the follow-up is no longer newer than it) and the
    history records who kept which rating, and when.
    """

    def work(s: Session) -> Changes | SaveConflict:
        rec = _recommendation(s, recommendation_id)
        assessment = rec.assessment
        if assessment is None or assessment.rating is None:
            return NOTHING
        conflict = check(s, rec, expected_version, {"rating_kept": assessment.rating})
        if conflict is not None:
            return conflict
        at = utcnow()
        record(s, ENTITY, rec.id, "rating_kept", None, assessment.rating, at, by)
        assessment.updated_at, assessment.updated_by = at, by
        return Changes.of_recommendations([rec.id])

    return saving(db, work, by)


def set_status(
    db: Database,
    recommendation_id: int,
    status: str,
    by: str = "",
    stamp: Stamp | None = None,
    expected_version: int | None = None,
) -> Changes:
    """Mark an assessment "draft" or "final"."""
    wanted = _normalize_status(status)

    def work(s: Session) -> Changes | SaveConflict:
        rec = _recommendation(s, recommendation_id)
        changed = _apply(
            s, rec, status=wanted, by=by, stamp=stamp, expected_version=expected_version
        )
        return _outcome(rec, changed)

    return saving(db, work, by)


def assess(
    db: Database,
    recommendation_id: int,
    rating: str | None,
    comment: str | None = None,
    status: str | None = None,
    by: str = "",
    expected_version: int | None = None,
) -> Changes:
    """Set rating, and optionally comment and status, of a recommendation in one action."""
    wanted_status = None if status is None else _normalize_status(status)

    def work(s: Session) -> Changes | SaveConflict:
        rec = _recommendation(s, recommendation_id)
        key = resolve_rating(s, _scale_id(s, rec), rating)
        changed = _apply(
            s,
            rec,
            rating=key,
            comment=comment,
            status=wanted_status,
            by=by,
            expected_version=expected_version,
        )
        return _outcome(rec, changed)

    return saving(db, work, by)


def rate_by_code(
    db: Database,
    code: str,
    rating: str | None,
    comment: str | None = None,
    party: str | None = None,
    by: str = "",
) -> Changes:
    """Rate (and optionally comment) the recommendation with ``code``: the CLI's ``rate``."""
    with db.transaction() as s:
        rec = find_by_code(s, code, party)
        key = resolve_rating(s, _scale_id(s, rec), rating)
        changed = _apply(s, rec, rating=key, comment=comment, by=by)
        return Changes.of_recommendations([rec.id]) if changed else NOTHING


def rating_label_by_code(db: Database, code: str, party: str | None = None) -> str | None:
    """The label of the rating of the recommendation with ``code``; None when it is not rated."""
    with db.reading() as s:
        rec = find_by_code(s, code, party)
        key = rec.assessment.rating if rec.assessment else None
        if key is None:
            return None
        level = find_level(s, _scale_id(s, rec), key)
        return level.label if level else key


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


def set_statuses(db: Database, ids: Sequence[int], status: str, by: str = "") -> Changes:
    """Set several assessments' status, keeping when they were last saved.

    The undo (and redo) of the draft-again that a newer follow-up brought: the rating's date,
    which the ↻ mark compares with the follow-up's, is not moved by it.
    """
    wanted = _normalize_status(status)
    changed: list[int] = []
    with db.transaction() as s:
        at = utcnow()
        for rec_id in ids:
            assessment = _recommendation(s, rec_id).assessment
            if assessment is None or assessment.status == wanted:
                continue
            record(s, ENTITY, rec_id, "status", assessment.status, wanted, at, by)
            assessment.status = wanted
            changed.append(rec_id)
    return Changes.of_recommendations(changed)


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
    db: Database, recommendation_id: int, text: str, source: str = "", by: str = ""
) -> Changes:
    """Replace the State's follow-up of a recommendation; the previous version is kept."""
    with db.transaction() as s:
        rec = _recommendation(s, recommendation_id)
        changed = supersede_follow_up(s, rec, text, source, by)
        return Changes.of_recommendations([rec.id]) if changed else NOTHING
