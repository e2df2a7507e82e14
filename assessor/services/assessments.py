"""Assessing recommendations: rating, comment and status (the follow-up: ``follow_ups``).

Every public function here is one user action: one transaction, a Change row for each field it
changes, and a ``Changes`` value back. Calling one with what is already stored changes nothing
and records nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import (
    Assessment,
    Factsheet,
    MonitoringRound,
    RatingLevel,
    Recommendation,
    utcnow,
)
from assessor.db.presets import find_level
from assessor.domain.scales import (
    NOT_RATED_LABELS,
    NamedLevel,
    fold_words,
    level_label,
    level_labels,
    match_level,
)
from assessor.domain.values import MANUAL_SOURCE as MANUAL_SOURCE
from assessor.i18n import _, current_language
from assessor.sanitize import clean_text
from assessor.services.changes import NOTHING, Changes
from assessor.services.code_lookup import find_by_code
from assessor.services.conflicts import SaveConflict, check, saving
from assessor.services.errors import ServiceError
from assessor.services.follow_ups import ENTITY
from assessor.services.follow_ups import back_to_draft as back_to_draft
from assessor.services.follow_ups import current_follow_up as current_follow_up
from assessor.services.follow_ups import edit_follow_up as edit_follow_up
from assessor.services.follow_ups import recommendation as _recommendation
from assessor.services.follow_ups import supersede_follow_up as supersede_follow_up
from assessor.services.history import record

#: The statuses an assessment can have.
STATUSES = ("draft", "final")
#: When an assessment was last saved, and by whom.
Stamp = tuple[datetime, str]

# Sentinel meaning "leave this field as it is" (None is a meaningful rating: not rated).
_KEEP = object()


def _scale_id(session: Session, rec: Recommendation) -> int:
    scale_id = session.scalar(
        select(MonitoringRound.rating_scale_id)
        .join(Factsheet, Factsheet.round_id == MonitoringRound.id)
        .where(Factsheet.id == rec.factsheet_id)
    )
    assert scale_id is not None  # a factsheet always has a round, and a round a scale
    return scale_id


#: What clears a rating, besides the number 0 (any case).
CLEAR_WORDS = (
    *(fold_words(label) for label in NOT_RATED_LABELS.values()),
    "not_rated",
    "none",
)


def parse_rating(text: str, levels: Sequence[NamedLevel]) -> str | None:
    """The level key ``text`` names, as in the window: its number (1…N, 0 clears), key or label
    (English or French, full or short, see ``domain.scales.match_level``).

    ``levels`` are in the scale's order. None means "not rated"; anything else is an error that
    lists the choices, and so is an empty text (it is never taken as a silent clear).
    """
    wanted = text.strip().casefold()
    if wanted == "0" or fold_words(wanted) in CLEAR_WORDS:
        return None
    if wanted.isdigit() and 1 <= int(wanted) <= len(levels):
        return levels[int(wanted) - 1].key
    key = match_level(text, levels)
    if key is not None:
        return key
    lang = current_language()
    names = level_labels(levels, lang, short=True) if lang == "fr" else [lv.key for lv in levels]
    fulls = [level_label(lv, lang) for lv in levels]
    choices = ", ".join(
        f"{n} {name}" if name == full else f"{n} {name} ({full})"
        for n, (name, full) in enumerate(zip(names, fulls, strict=True), 1)
    )
    if wanted:
        refused = _(
            "“{rating}” is not a rating of this scale; use one of: {choices}, or 0 to clear."
        )
    else:
        refused = _("the rating is empty; use one of: {choices}, or 0 to clear.")
    raise ServiceError(refused.format(rating=text.strip(), choices=choices))


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
        raise ServiceError(
            _("“{status}” is not a status; use “draft” or “final”.").format(status=status)
        )
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
        return level_label(level, current_language()) if level else key


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
