"""Classifying a questionnaire's rows against the database: matched by hidden id, then code;
new, changed, unchanged or rejected, with the reason. Nothing is written."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from assessor.exporters.document_words import status_key, status_labels, verb_label
from assessor.exporters.questionnaire import previous_follow_up
from assessor.exporters.xlsx_common import cell_text
from assessor.i18n import LANGUAGES, N_, _, current_language, words
from assessor.importers.questionnaire import (
    AnsweredRow,
    ParsedQuestionnaire,
    is_uid,
)
from assessor.services.errors import ServiceError
from assessor.services.questionnaire_preview import (
    CHANGED,
    LOCKED,
    NEW,
    REJECTED,
    UNCHANGED,
    PreviewRow,
    QuestionnairePreview,
    answer_of,
    codes_label,
)


@dataclass
class KnownRecommendation:
    """A recommendation of the factsheet as a row is compared with it."""

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


def _factsheet(session: Session, parsed: ParsedQuestionnaire, party: str | None) -> int:
    if party is not None and party.strip().casefold() != parsed.party.casefold():
        raise ServiceError(
            _(
                "{source}: this questionnaire is for {party}, not {other}; "
                "choose the right file or Party."
            ).format(source=parsed.source, party=parsed.party, other=party.strip())
        )
    rows = session.execute(
        select(Factsheet.id, MonitoringRound.title)
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .where(Party.name == parsed.party)
    ).all()
    if not rows:
        raise ServiceError(
            _(
                "{source}: this questionnaire is for {party}, which has no factsheet "
                "in this database."
            ).format(source=parsed.source, party=parsed.party)
        )
    same_round = [fid for fid, title in rows if title == parsed.round]
    if same_round:
        return same_round[0]
    if parsed.round:
        raise ServiceError(
            _(
                "{source}: this questionnaire is for another monitoring round of "
                "{party} than the ones in this database."
            ).format(source=parsed.source, party=parsed.party)
        )
    return max(fid for fid, _ in rows)


def _known(session: Session, factsheet_id: int) -> dict[str, KnownRecommendation]:
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
    by_id: dict[int, KnownRecommendation] = {}
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
        by_id[rec_id] = KnownRecommendation(
            rec_id, uid, factsheet_id, tuple(codes[rec_id]), label, verb, text
        )
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
            # A questionnaire exported before the status was kept apart shows the text alone;
            # one in French shows the status and references in French.
            known.versions.add(text)
            known.versions.update(
                previous_follow_up(text, state_status, references, words(lang))
                for lang in LANGUAGES
            )
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


def _locked_edits(row: AnsweredRow, known: KnownRecommendation) -> list[str]:
    expected = {
        "code": {cell_text(", ".join(known.codes))},
        "chapter": {cell_text(known.chapter)},
        # The verb as the questionnaire's language wrote it ("require", « exige »).
        "verb": {cell_text(verb_label(known.verb, words(lang))) for lang in LANGUAGES},
    }
    edited = [label for attr, label in LOCKED if getattr(row, attr) not in expected[attr]]
    if row.recommendation != cell_text(known.text):
        edited.append(N_("Recommendation"))
    if row.previous not in {cell_text(v) for v in known.versions}:
        edited.append(N_("Previous follow-up"))
    return edited


def _classify(
    row: AnsweredRow,
    known: KnownRecommendation | None,
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
            REJECTED,
            _("row {first} already answers this recommendation, so this row is not taken").format(
                first=first
            ),
        )
    edited = _locked_edits(row, known)
    if edited:
        notes.append(
            _("locked cells differ from the database and were ignored: {cells}").format(
                cells=", ".join(_(label) for label in edited)
            )
        )
    if row.state_status and status_key(row.state_status) is None:
        reason = _("“{status}” is not a status; use one of: {statuses}, or leave it empty").format(
            status=row.state_status, statuses=", ".join(status_labels(words(current_language())))
        )
        return out(REJECTED, reason)
    tail = "".join(f"; {n}" for n in notes)
    answer = _prefilled(answer, known.current)
    if not row.follow_up and (not row.has_answer or answer[1:] == known.current[1:]):
        # Nothing written, or only the status and references the export pre-filled.
        if known.current[0]:
            reason = _("no answer: the existing follow-up is kept")
        else:
            reason = _("no answer")
        return out(UNCHANGED, reason + tail)
    if not row.follow_up:
        if not known.current[0]:
            return out(
                REJECTED,
                _(
                    "a status or references, but no follow-up yet to attach them to; write the "
                    "follow-up too"
                ),
            )
        # Only the status or references: what the State now says of its current follow-up.
        answer = (known.current[0], answer[1], answer[2])
        reason = _(
            "the State's status or references change; the text stays as it is (the "
            "previous version is kept in the history)"
        )
        return out(CHANGED, reason + tail)
    if answer == known.current:
        return out(UNCHANGED, _("the same as the current follow-up") + tail)
    if not known.current[0]:
        return out(NEW, _("a first follow-up") + tail)
    if answer[0] == known.current[0]:
        reason = _(
            "the same text with another status or references; the current version is kept "
            "in the history"
        )
        return out(CHANGED, reason + tail)
    reason = _("replaces the current follow-up, which is kept in the history")
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
    row: AnsweredRow, known: dict[str, KnownRecommendation], elsewhere: set[str]
) -> tuple[KnownRecommendation | None, str]:
    """The recommendation a row's hidden ID names, or None and why the row cannot be matched.

    Only the hidden ID matches: a row without one (added by hand, or its ID cleared) is never
    matched by its code, which would put the answer on whatever recommendation that code is now.
    """
    if not row.uid:
        return None, _(
            "no hidden ID (a row added by hand, or its ID cleared), so it cannot be matched to "
            "a recommendation; rows are matched by their hidden ID only, never by their code"
        )
    if not is_uid(row.uid):
        return None, _(
            "its hidden ID “{id}” is not one Assessor writes (edited?), so it cannot "
            "be matched to a recommendation"
        ).format(id=row.uid[:40])
    match = known.get(row.uid)
    if match is not None:
        return match, ""
    if row.uid in elsewhere:
        return None, _("its hidden ID belongs to another factsheet (another Party or round)")
    return None, _("unknown hidden ID “{id}”: not a recommendation of this database").format(
        id=row.uid[:40]
    )


def _codes(cell: str) -> set[str]:
    return {code.strip().upper() for code in cell.split(",") if code.strip()}


def _shows(row: AnsweredRow, known: KnownRecommendation) -> bool:
    """Whether the row's visible Code cell names the recommendation its hidden ID names."""
    return _codes(row.code) == {code.upper() for code in known.codes}


def _disagreeing(row: AnsweredRow, known: KnownRecommendation) -> PreviewRow:
    """A row whose hidden ID and visible code name different recommendations: taken for neither.

    The State answered the row it saw (its code and text), but the ID says another; applying it
    to either could put an answer on the wrong recommendation, so a person must decide.
    """
    shown = codes_label(row.code) or _("(no code)")
    hidden = ", ".join(known.codes) or _("(no code)")
    reason = _(
        "its hidden ID is that of {hidden}, but the row shows {shown}: the hidden IDs were "
        "moved or the code edited, so the row is applied to neither {shown} nor {hidden}"
    ).format(hidden=hidden, shown=shown)
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
