"""Two writers, one assessment: the later save is refused, told of the first, and kept.

Every assessment has a ``version`` raised by each update (the mapper's ``version_id_col``: an
``UPDATE … WHERE id = ? AND version = ?``). A caller that says which version it last saw
(``expected_version``) gets a ``SaveConflict`` when the row changed since: who changed it and
when, their values and mine. The refused values are recorded in the history (``<field>_not_saved``:
theirs → mine), so after the writer chooses both texts are there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from assessor.db.engine import Database
from assessor.db.models import Change, Recommendation, utcnow
from assessor.db.presets import find_level
from assessor.domain.scales import NOT_RATED_LABEL
from assessor.domain.values import as_utc
from assessor.i18n import _
from assessor.services.changes import Changes
from assessor.services.errors import ServiceError
from assessor.services.history import record

#: The entity under which assessment changes are recorded (as in ``assessments``).
ENTITY = "recommendation"
#: The assessed fields a conflict is about.
FIELDS = ("rating", "comment", "status", "rating_kept")
#: Suffix of the history field recording a refused value (theirs → mine).
NOT_SAVED = "_not_saved"
#: How many times a save whose row changed under it (between reading and writing) is tried.
ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class Edit:
    """One field's change: stored values (a rating is its key), and the words for them."""

    field: str
    old: str | None
    new: str | None
    old_text: str
    new_text: str


class SaveConflict(ServiceError):
    """The assessment changed since the caller read it; the caller's change was not saved."""

    def __init__(
        self,
        recommendation_id: int,
        code: str,
        by: str,
        at: datetime,
        version: int,
        theirs: tuple[Edit, ...],
        mine: tuple[Edit, ...],
    ) -> None:
        self.recommendation_id = recommendation_id
        self.code = code
        #: Who saved the version now stored, and when.
        self.by = by
        self.at = at
        #: The version now stored: saving again with it is choosing.
        self.version = version
        #: What they changed since the version the caller saw (old → new), and what the caller
        #: wanted instead (stored → refused).
        self.theirs = theirs
        self.mine = mine
        super().__init__(self.sentence())

    def sentence(self) -> str:
        """One plain sentence: who changed what, when, and that both are kept."""
        who = self.by or _("Someone")
        local = as_utc(self.at).astimezone()
        what = "; ".join(_summary(e) for e in self.theirs)
        if what:
            said = _(
                "{who} changed {code} at {time} ({what}) after you opened it; your change "
                "was not saved — both are kept in the history: open it again to keep yours, take "
                "theirs, or merge the comments."
            )
        else:
            said = _(
                "{who} changed {code} at {time} after you opened it; your change "
                "was not saved — both are kept in the history: open it again to keep yours, take "
                "theirs, or merge the comments."
            )
        return said.format(who=who, code=self.code, time=f"{local:%H:%M}", what=what)


def _summary(edit: Edit) -> str:
    if edit.field == "comment":
        return _("comment edited")
    if edit.field == "rating_kept":
        return _("rating kept")
    return f"{edit.field}: {edit.old_text} → {edit.new_text}"


def _words(session: Session, rec: Recommendation, field: str, value: str | None) -> str:
    if field in ("rating", "rating_kept"):
        if value is None:
            return NOT_RATED_LABEL
        from assessor.services.assessments import _scale_id  # one module, split for size

        level = find_level(session, _scale_id(session, rec), value)
        return level.label if level else value
    return value or ""


def _edit(session: Session, rec: Recommendation, field: str, old: str | None, new: str | None):
    return Edit(field, old, new, _words(session, rec, field, old), _words(session, rec, field, new))


def _their_edits(session: Session, rec: Recommendation, saves: int) -> list[Change]:
    """The Change rows of the last ``saves`` saves of the assessment, oldest first."""
    rows = session.scalars(
        select(Change)
        .where(Change.entity == ENTITY, Change.entity_id == rec.id, Change.field.in_(FIELDS))
        .order_by(Change.id.desc())
        .limit(30 * max(saves, 1))
    ).all()
    groups: list[tuple[datetime, str]] = []
    kept: list[Change] = []
    for row in rows:
        key = (row.at, row.by)
        if key not in groups:
            if len(groups) == max(saves, 1):
                break
            groups.append(key)
        kept.append(row)
    return kept[::-1]


def check(
    session: Session,
    rec: Recommendation,
    expected_version: int | None,
    mine: dict[str, str | None],
) -> SaveConflict | None:
    """The conflict of saving ``mine`` (field → stored value) over ``expected_version``.

    None when the caller did not say which version it saw, or the row still has it (0: no
    assessment saved yet).
    """
    current = rec.assessment
    version = current.version if current is not None else 0
    if expected_version is None or expected_version == version:
        return None
    assert current is not None  # a version was seen, so one was saved
    firsts: dict[str, Change] = {}
    lasts: dict[str, Change] = {}
    rows = _their_edits(session, rec, version - expected_version)
    for row in rows:
        firsts.setdefault(row.field, row)
        lasts[row.field] = row
    theirs = tuple(
        _edit(session, rec, f, firsts[f].old, lasts[f].new) for f in FIELDS if f in firsts
    )
    stored = {"rating": current.rating, "comment": current.comment, "status": current.status}
    refused = tuple(
        _edit(session, rec, f, stored.get(f, current.rating), value) for f, value in mine.items()
    )
    by, at = (rows[-1].by, rows[-1].at) if rows else (current.updated_by, current.updated_at)
    code = rec.codes[0].code if rec.codes else f"#{rec.id}"
    return SaveConflict(rec.id, code, by, at, version, theirs, refused)


def keep_refused(db: Database, conflict: SaveConflict, by: str) -> None:
    """Record the refused values in the history (stored → refused), beside theirs."""
    at = utcnow()
    with db.transaction() as s:
        for e in conflict.mine:
            record(s, ENTITY, conflict.recommendation_id, e.field + NOT_SAVED, e.old, e.new, at, by)


def saving(db: Database, work: Callable[[Session], Changes | SaveConflict], by: str) -> Changes:
    """Run ``work`` in a transaction; a conflict it finds is recorded, then raised.

    A row changed by another writer between reading and writing (the version check of the
    update, or the assessment made twice at once) is tried again: the next reading sees the
    other's save, and ``work`` finds the conflict (or, without a version, saves over it as
    before).
    """
    for attempt in range(ATTEMPTS):
        try:
            with db.transaction() as s:
                outcome = work(s)
        except (StaleDataError, IntegrityError):
            if attempt == ATTEMPTS - 1:
                raise ServiceError(
                    _(
                        "The assessment kept changing under this save (others are saving it at "
                        "the same moment); nothing was saved — try again."
                    )
                ) from None
            continue
        if isinstance(outcome, SaveConflict):
            keep_refused(db, outcome, by)
            raise outcome
        return outcome
    raise AssertionError("unreachable")  # pragma: no cover
