"""Importing a filled-in questionnaire: preview (compare with the database), then apply.

``preview_questionnaire`` reads the file (pure importer) and classifies every row as new,
changed, unchanged or rejected, with the reason, without writing anything. ``apply_questionnaire``
writes the new and changed follow-ups in one transaction; each replaced follow-up stays in the
history, superseded at the import's date, and the new one's source names the file.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from assessor.db.engine import Database
from assessor.db.models import (
    FollowUp,
    Recommendation,
)
from assessor.fileio import atomic_write_bytes
from assessor.i18n import _
from assessor.importers.questionnaire import (
    read_questionnaire,
)
from assessor.services.assessments import current_follow_up, supersede_follow_up
from assessor.services.cancel import Cancel, check
from assessor.services.changes import Changes
from assessor.services.errors import ServiceError
from assessor.services.questionnaire_matching import preview_parsed
from assessor.services.questionnaire_preview import (
    ANSWER_CHARS,
    CHANGED,
    LOCKED,
    NEW,
    REJECTED,
    STATUSES,
    UNCHANGED,
    PreviewRow,
    QuestionnairePreview,
    QuestionnaireReport,
    answer_of,
    codes_label,
    source_label,
)

__all__ = [
    "ANSWER_CHARS",
    "CHANGED",
    "LOCKED",
    "NEW",
    "REJECTED",
    "STATUSES",
    "UNCHANGED",
    "PreviewRow",
    "QuestionnairePreview",
    "QuestionnaireReport",
    "answer_of",
    "apply_questionnaire",
    "codes_label",
    "import_questionnaire",
    "preview_parsed",
    "preview_questionnaire",
    "save_report",
    "source_label",
]


def preview_questionnaire(
    db: Database,
    path: str | os.PathLike[str],
    party: str | None = None,
    cancel: Cancel | None = None,
) -> QuestionnairePreview:
    """Read a questionnaire file and say what importing it would do; nothing is written.

    ``cancel`` is checked between reading the file and comparing it with the database.
    """
    parsed = read_questionnaire(Path(path))
    check(cancel)
    return preview_parsed(db, parsed, party)


def apply_questionnaire(
    db: Database,
    preview: QuestionnairePreview,
    by: str = "",
    at: datetime | None = None,
    cancel: Cancel | None = None,
) -> QuestionnaireReport:
    """Write a preview's new and changed follow-ups in one transaction; history is kept.

    ``cancel`` is checked per row and before the commit: a cancelled import writes nothing.
    """
    check(cancel)
    at = at or datetime.now(UTC)
    source = source_label(preview.source)
    rows = preview.to_apply
    reopened: set[int] = set()
    with db.transaction() as session:
        ids = [r.recommendation_id for r in rows if r.recommendation_id is not None]
        recs: dict[int, Recommendation] = {}
        for i in range(0, len(ids), 500):
            recs.update(
                (rec.id, rec)
                for rec in session.scalars(
                    select(Recommendation)
                    .where(Recommendation.id.in_(ids[i : i + 500]))
                    .options(selectinload(Recommendation.follow_ups))
                )
            )
        for row in rows:
            check(cancel)  # per row: Cancel rolls the whole import back
            rec = recs.get(row.recommendation_id or -1)
            current = current_follow_up(rec) if rec is not None else None
            seen = (row.old_text, row.old_state_status, row.old_references)
            if rec is None or _fields(current) != seen:
                # Someone edited it since the preview: applying would overwrite unseen work.
                which = row.code or _("row {row}").format(row=row.row)
                raise ServiceError(
                    _(
                        "The follow-up of {which} changed since the preview was made; preview "
                        "the questionnaire again."
                    ).format(which=which)
                )
            supersede_follow_up(
                session,
                rec,
                row.new_text,
                source,
                by,
                at,
                state_status=row.new_state_status,
                references=row.new_references,
                reopened=reopened,
            )
        check(cancel)  # the last moment to stop: nothing is committed yet
    changes = Changes(
        recommendations=frozenset(r.recommendation_id for r in rows if r.recommendation_id),
        reopened=frozenset(reopened),
    )
    return QuestionnaireReport(preview, len(rows), at, source, changes)


def _fields(follow_up: FollowUp | None) -> tuple[str, str, str]:
    """A stored follow-up as (text, State's status, references), "" for what it lacks."""
    if follow_up is None:
        return ("", "", "")
    return (follow_up.text, follow_up.state_status or "", follow_up.state_references or "")


def import_questionnaire(
    db: Database,
    path: str | os.PathLike[str],
    party: str | None = None,
    by: str = "",
    cancel: Cancel | None = None,
) -> QuestionnaireReport:
    """Preview and apply a questionnaire in one go (the command line's ``import FILE.xlsx``)."""
    preview = preview_questionnaire(db, path, party, cancel)
    return apply_questionnaire(db, preview, by, cancel=cancel)


def save_report(text: str, path: str | os.PathLike[str]) -> None:
    """Save an import or preview report as UTF-8 text (atomically)."""
    atomic_write_bytes(path, (text.rstrip("\n") + "\n").encode("utf-8"), shared=True)
