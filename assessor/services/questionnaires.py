"""Importing a filled-in questionnaire: preview (compare with the database), then apply.

``preview_questionnaire`` reads the file (pure importer) and classifies every row as new,
changed, unchanged or rejected, with the reason, without writing anything. ``apply_questionnaire``
writes the new and changed follow-ups in one transaction; each replaced follow-up stays in the
history, superseded at the import's date, and the new one's source names the file.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor.db.engine import Database
from assessor.db.models import (
    Chapter,
    Factsheet,
    FollowUp,
    MonitoringRound,
    Party,
    Recommendation,
    RecommendationCode,
)
from assessor.domain.scope import snippet
from assessor.domain.values import state_line
from assessor.exporters.questionnaire import STATE_STATUSES, previous_follow_up
from assessor.exporters.xlsx_common import cell_text
from assessor.fileio import atomic_write_bytes
from assessor.importers.questionnaire import (
    AnsweredRow,
    ParsedQuestionnaire,
    is_uid,
    read_questionnaire,
)
from assessor.services.assessments import current_follow_up, supersede_follow_up
from assessor.services.changes import NOTHING, Changes
from assessor.services.errors import ServiceError
from assessor.wording import plural

NEW, CHANGED, UNCHANGED, REJECTED = "new", "changed", "unchanged", "rejected"
STATUSES = (NEW, CHANGED, UNCHANGED, REJECTED)
#: How much of an answer, or of the follow-up it replaces, a preview line shows.
ANSWER_CHARS = 200
#: The locked columns compared with the database to notice edits, and how they are named.
LOCKED = (("code", "Code"), ("chapter", "Chapter"), ("verb", "Type"))


@dataclass(frozen=True)
class PreviewRow:
    """One questionnaire row and what importing it would do.

    ``new_*`` is what the State wrote in the row (shown even when the row is not taken);
    ``old_*`` is the current follow-up it would replace.
    """

    row: int
    code: str
    status: str
    reason: str
    recommendation_id: int | None = None
    old_text: str = ""
    new_text: str = ""
    old_state_status: str = ""
    old_references: str = ""
    new_state_status: str = ""
    new_references: str = ""

    @property
    def new_state_line(self) -> str:
        """The State's status and references given in the row, on one line."""
        return state_line(self.new_state_status, self.new_references)

    @property
    def old_state_line(self) -> str:
        """The current follow-up's status and references, on one line."""
        return state_line(self.old_state_status, self.old_references)

    def detail_lines(self, limit: int | None = ANSWER_CHARS) -> list[str]:
        """What the State wrote and what it replaces, cut to ``limit`` characters (None: all)."""

        def cut(text: str) -> str:
            return snippet(text, limit) if limit else text

        lines = []
        if self.new_text or self.new_state_line:
            lines.append(f"Answer: {cut(self.new_text)}" if self.new_text else "Answer: (none)")
            if self.new_state_line:
                lines.append(self.new_state_line)
        if self.status in (NEW, CHANGED):
            if self.old_text:
                lines.append(f"Replaces: {cut(self.old_text)}")
                if self.old_state_line:
                    lines.append(f"(was {self.old_state_line})")
            else:
                lines.append("Replaces: no follow-up yet")
        return lines


@dataclass(frozen=True)
class QuestionnairePreview:
    """What importing a questionnaire would do, row by row; plain data for the CLI and window."""

    source: str
    party: str
    round: str
    factsheet_id: int
    rows: tuple[PreviewRow, ...]
    warnings: tuple[str, ...] = ()

    def count(self, status: str) -> int:
        """How many rows have ``status``."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def counts(self) -> dict[str, int]:
        """Row counts by status, in the order new, changed, unchanged, rejected."""
        return {s: self.count(s) for s in STATUSES}

    @property
    def to_apply(self) -> tuple[PreviewRow, ...]:
        """The rows applying would write (new and changed)."""
        return tuple(r for r in self.rows if r.status in (NEW, CHANGED))

    def summary(self) -> str:
        """One line: the file, the Party and the counts."""
        counts = ", ".join(f"{n} {s}" for s, n in self.counts.items())
        return f"{self.source} ({self.party}): {plural(len(self.rows), 'row')} — {counts}."

    def text(self) -> str:
        """The preview as a plain-text report, one line per row worth reading."""
        lines = [f"Questionnaire {self.source}", f"Party: {self.party}", f"Round: {self.round}"]
        lines.append(self.summary())
        lines += [f"Warning: {w}" for w in self.warnings]
        for r in self.rows:
            lines.append(f"  row {r.row} {r.code or '(no code)'}: {r.status} — {r.reason}")
            if r.status != UNCHANGED:
                lines += [f"      {line}" for line in r.detail_lines()]
        return "\n".join(lines)


@dataclass(frozen=True)
class QuestionnaireReport:
    """What applying a questionnaire did."""

    preview: QuestionnairePreview
    applied: int
    at: datetime
    source: str
    changes: Changes = field(default=NOTHING)

    def text(self) -> str:
        """The import report as plain text, to show or to save."""
        head = [
            f"Imported {plural(self.applied, 'follow-up')} from "
            f"{self.preview.source} "
            f"on {self.at.astimezone(UTC):%Y-%m-%d %H:%M} UTC (source “{self.source}”)."
        ]
        return "\n".join([*head, self.preview.text()])


@dataclass
class _Known:
    id: int
    uid: str
    factsheet_id: int
    codes: tuple[str, ...]
    chapter: str
    verb: str
    text: str
    #: The current follow-up: text, State's status, references ("" when none).
    current: tuple[str, str, str] = ("", "", "")
    #: Every version as the "Previous follow-up" cell may show it.
    versions: set[str] = field(default_factory=set)


def source_label(file_name: str) -> str:
    """The source recorded on follow-ups taken from a questionnaire file."""
    return f"questionnaire {file_name}"


def answer_of(row: AnsweredRow) -> tuple[str, str, str]:
    """The follow-up an answered row gives: text, State's status (as in the list), references.

    The status and references are fields of their own, never added to the text.
    """
    wanted = row.state_status.casefold()
    status = next((s for s in STATE_STATUSES if s == wanted), row.state_status)
    return row.follow_up, status, row.references


def codes_label(cell: str) -> str:
    """Every code a Code cell names, as the preview shows them: "III-16, III-18"."""
    return ", ".join(code.strip() for code in cell.split(",") if code.strip())


def _factsheet(session: Session, parsed: ParsedQuestionnaire, party: str | None) -> int:
    if party is not None and party.strip().casefold() != parsed.party.casefold():
        raise ServiceError(
            f"{parsed.source}: this questionnaire is for {parsed.party}, not {party.strip()}; "
            "choose the right file or Party."
        )
    rows = session.execute(
        select(Factsheet.id, MonitoringRound.title)
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .where(Party.name == parsed.party)
    ).all()
    if not rows:
        raise ServiceError(
            f"{parsed.source}: this questionnaire is for {parsed.party}, which has no factsheet "
            "in this database."
        )
    same_round = [fid for fid, title in rows if title == parsed.round]
    if same_round:
        return same_round[0]
    if parsed.round:
        raise ServiceError(
            f"{parsed.source}: this questionnaire is for another monitoring round of "
            f"{parsed.party} than the ones in this database."
        )
    return max(fid for fid, _ in rows)


def _known(session: Session, factsheet_id: int) -> dict[str, _Known]:
    titles = dict(
        session.execute(
            select(Chapter.number, Chapter.title).where(Chapter.factsheet_id == factsheet_id)
        ).all()
    )
    codes: dict[int, list[str]] = defaultdict(list)
    for rec_id, code in session.execute(
        select(RecommendationCode.recommendation_id, RecommendationCode.code)
        .where(RecommendationCode.factsheet_id == factsheet_id)
        .order_by(RecommendationCode.recommendation_id, RecommendationCode.position)
    ):
        codes[rec_id].append(code)
    by_id: dict[int, _Known] = {}
    for rec_id, uid, chapter, verb, text in session.execute(
        select(
            Recommendation.id,
            Recommendation.uid,
            Recommendation.chapter_number,
            Recommendation.verb,
            Recommendation.text,
        ).where(Recommendation.factsheet_id == factsheet_id, Recommendation.retired_at.is_(None))
    ):
        title = titles.get(chapter, "")
        label = f"{chapter}. {title}" if title else chapter
        by_id[rec_id] = _Known(rec_id, uid, factsheet_id, tuple(codes[rec_id]), label, verb, text)
        by_id[rec_id].versions.add("")
    for rec_id, text, state_status, references, superseded in session.execute(
        select(
            FollowUp.recommendation_id,
            FollowUp.text,
            FollowUp.state_status,
            FollowUp.state_references,
            FollowUp.superseded_at,
        )
        .join(Recommendation, Recommendation.id == FollowUp.recommendation_id)
        .where(Recommendation.factsheet_id == factsheet_id)
        .order_by(FollowUp.id)
    ):
        known = by_id.get(rec_id)
        if known is not None:
            # A questionnaire exported before the status was kept apart shows the text alone.
            known.versions.update({text, previous_follow_up(text, state_status, references)})
            if superseded is None:
                known.current = (text, state_status or "", references or "")
    return {k.uid: k for k in by_id.values()}


def _foreign_uids(session: Session, uids: list[str]) -> set[str]:
    """Which of ``uids`` exist in the database at all (in any factsheet, retired or not)."""
    found: set[str] = set()
    for i in range(0, len(uids), 500):
        found.update(
            session.scalars(
                select(Recommendation.uid).where(Recommendation.uid.in_(uids[i : i + 500]))
            )
        )
    return found


def _locked_edits(row: AnsweredRow, known: _Known) -> list[str]:
    expected = {
        "code": cell_text(", ".join(known.codes)),
        "chapter": cell_text(known.chapter),
        "verb": cell_text(known.verb),
    }
    edited = [label for attr, label in LOCKED if getattr(row, attr) != expected[attr]]
    if row.recommendation != cell_text(known.text):
        edited.append("Recommendation")
    if row.previous not in {cell_text(v) for v in known.versions}:
        edited.append("Previous follow-up")
    return edited


def _classify(
    row: AnsweredRow,
    known: _Known | None,
    how: str,
    claimed: dict[int, int],
) -> PreviewRow:
    code = codes_label(row.code)
    answer = answer_of(row)
    if known is None:
        return _preview_row(row.row, code, REJECTED, how, None, ("", "", ""), answer)

    def out(status: str, reason: str) -> PreviewRow:
        # Every row carries what the State wrote and what it would replace, to be judged.
        assert known is not None
        return _preview_row(row.row, code, status, reason, known.id, known.current, answer)

    code = ", ".join(known.codes) or code
    notes = list(row.notes)
    if how:
        notes.insert(0, how)
    if row.problems:
        return out(REJECTED, "; ".join(row.problems))
    first = claimed.setdefault(known.id, row.row)
    if first != row.row:
        return out(
            REJECTED, f"row {first} already answers this recommendation, so this row is not taken"
        )
    edited = _locked_edits(row, known)
    if edited:
        notes.append(f"locked cells differ from the database and were ignored: {', '.join(edited)}")
    if row.state_status and row.state_status.casefold() not in STATE_STATUSES:
        reason = (
            f"“{row.state_status}” is not a status; use one of: {', '.join(STATE_STATUSES)}, "
            "or leave it empty"
        )
        return out(REJECTED, reason)
    tail = "".join(f"; {n}" for n in notes)
    answer = _prefilled(answer, known.current)
    if not row.follow_up and (not row.has_answer or answer[1:] == known.current[1:]):
        # Nothing written, or only the status and references the export pre-filled.
        reason = "no answer: the existing follow-up is kept" if known.current[0] else "no answer"
        return out(UNCHANGED, reason + tail)
    if not row.follow_up:
        if not known.current[0]:
            return out(
                REJECTED,
                "a status or references, but no follow-up yet to attach them to; write the "
                "follow-up too",
            )
        # Only the status or references: what the State now says of its current follow-up.
        answer = (known.current[0], answer[1], answer[2])
        reason = "the State's status or references change; the text stays as it is (the "
        return out(CHANGED, reason + "previous version is kept in the history)" + tail)
    if answer == known.current:
        return out(UNCHANGED, "the same as the current follow-up" + tail)
    if not known.current[0]:
        return out(NEW, "a first follow-up" + tail)
    if answer[0] == known.current[0]:
        reason = "the same text with another status or references; the current version is kept "
        return out(CHANGED, reason + "in the history" + tail)
    reason = "replaces the current follow-up, which is kept in the history"
    return out(CHANGED, reason + tail)


def _prefilled(answer: tuple[str, str, str], current: tuple[str, str, str]) -> tuple[str, str, str]:
    """The answer with the status and references cells read back as the export wrote them.

    The export pre-fills both with the current follow-up's, escaped as every cell is (a
    leading ``=`` quoted, very long text cut); such a cell left as it was means the current value.
    """
    text, status, references = answer
    if status == cell_text(current[1]):
        status = current[1]
    if references == cell_text(current[2]):
        references = current[2]
    return text, status, references


def _preview_row(
    number: int,
    code: str,
    status: str,
    reason: str,
    recommendation_id: int | None,
    old: tuple[str, str, str],
    new: tuple[str, str, str],
) -> PreviewRow:
    return PreviewRow(
        number,
        code,
        status,
        reason,
        recommendation_id,
        old_text=old[0],
        new_text=new[0],
        old_state_status=old[1],
        old_references=old[2],
        new_state_status=new[1],
        new_references=new[2],
    )


def _match(
    row: AnsweredRow, known: dict[str, _Known], elsewhere: set[str]
) -> tuple[_Known | None, str]:
    """The recommendation a row's hidden ID names, or None and why the row cannot be matched.

    Only the hidden ID matches: a row without one (added by hand, or its ID cleared) is never
    matched by its code, which would put the answer on whatever recommendation that code is now.
    """
    if not row.uid:
        return None, (
            "no hidden ID (a row added by hand, or its ID cleared), so it cannot be matched to "
            "a recommendation; rows are matched by their hidden ID only, never by their code"
        )
    if not is_uid(row.uid):
        return None, (
            f"its hidden ID “{row.uid[:40]}” is not one Assessor writes (edited?), so it cannot "
            "be matched to a recommendation"
        )
    match = known.get(row.uid)
    if match is not None:
        return match, ""
    if row.uid in elsewhere:
        return None, "its hidden ID belongs to another factsheet (another Party or round)"
    return None, f"unknown hidden ID “{row.uid[:40]}”: not a recommendation of this database"


def _codes(cell: str) -> set[str]:
    return {code.strip().upper() for code in cell.split(",") if code.strip()}


def _shows(row: AnsweredRow, known: _Known) -> bool:
    """Whether the row's visible Code cell names the recommendation its hidden ID names."""
    return _codes(row.code) == {code.upper() for code in known.codes}


def _disagreeing(row: AnsweredRow, known: _Known) -> PreviewRow:
    """A row whose hidden ID and visible code name different recommendations: taken for neither.

    The State answered the row it saw (its code and text), but the ID says another; applying it
    to either could put an answer on the wrong recommendation, so a person must decide.
    """
    shown = codes_label(row.code) or "(no code)"
    hidden = ", ".join(known.codes) or "(no code)"
    reason = (
        f"its hidden ID is that of {hidden}, but the row shows {shown}: the hidden IDs were "
        f"moved or the code edited, so the row is applied to neither {shown} nor {hidden}"
    )
    reason = "; ".join((*row.problems, reason))
    return _preview_row(row.row, shown, REJECTED, reason, None, ("", "", ""), answer_of(row))


def preview_parsed(
    db: Database, parsed: ParsedQuestionnaire, party: str | None = None
) -> QuestionnairePreview:
    """Compare an already-read questionnaire with the database; nothing is written."""
    with db.reading() as session:
        factsheet_id = _factsheet(session, parsed, party)
        known = _known(session, factsheet_id)
        missing = [r.uid for r in parsed.rows if r.uid and r.uid not in known]
        elsewhere = _foreign_uids(session, missing) if missing else set()
    claimed: dict[int, int] = {}
    rows = []
    for row in parsed.rows:
        match, how = _match(row, known, elsewhere)
        if match is not None and not _shows(row, match):
            rows.append(_disagreeing(row, match))
            continue
        rows.append(_classify(row, match, how, claimed))
    return QuestionnairePreview(
        parsed.source, parsed.party, parsed.round, factsheet_id, tuple(rows), parsed.warnings
    )


def preview_questionnaire(
    db: Database, path: str | os.PathLike[str], party: str | None = None
) -> QuestionnairePreview:
    """Read a questionnaire file and say what importing it would do; nothing is written."""
    return preview_parsed(db, read_questionnaire(Path(path)), party)


def apply_questionnaire(
    db: Database, preview: QuestionnairePreview, by: str = "", at: datetime | None = None
) -> QuestionnaireReport:
    """Write a preview's new and changed follow-ups in one transaction; history is kept."""
    at = at or datetime.now(UTC)
    source = source_label(preview.source)
    rows = preview.to_apply
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
            rec = recs.get(row.recommendation_id or -1)
            current = current_follow_up(rec) if rec is not None else None
            seen = (row.old_text, row.old_state_status, row.old_references)
            if rec is None or _fields(current) != seen:
                # Someone edited it since the preview: applying would overwrite unseen work.
                raise ServiceError(
                    f"The follow-up of {row.code or f'row {row.row}'} changed since the preview "
                    "was made; preview the questionnaire again."
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
            )
    changes = Changes.of_recommendations(r.recommendation_id for r in rows if r.recommendation_id)
    return QuestionnaireReport(preview, len(rows), at, source, changes)


def _fields(follow_up: FollowUp | None) -> tuple[str, str, str]:
    """A stored follow-up as (text, State's status, references), "" for what it lacks."""
    if follow_up is None:
        return ("", "", "")
    return (follow_up.text, follow_up.state_status or "", follow_up.state_references or "")


def import_questionnaire(
    db: Database, path: str | os.PathLike[str], party: str | None = None, by: str = ""
) -> QuestionnaireReport:
    """Preview and apply a questionnaire in one go (the command line's ``import FILE.xlsx``)."""
    return apply_questionnaire(db, preview_questionnaire(db, path, party), by)


def save_report(text: str, path: str | os.PathLike[str]) -> None:
    """Save an import or preview report as UTF-8 text (atomically)."""
    atomic_write_bytes(path, (text.rstrip("\n") + "\n").encode("utf-8"))
