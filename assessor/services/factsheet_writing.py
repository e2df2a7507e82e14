"""Writing a parsed factsheet: a re-import keeps ratings, ids and replaced follow-ups."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from assessor.db.models import (
    Assessment,
    Change,
    Chapter,
    Factsheet,
    FollowUp,
    MonitoringRound,
    Note,
    Observation,
    Party,
    PromisingPractice,
    Recommendation,
    RecommendationCode,
    Section,
)
from assessor.db.presets import scale_from_preset
from assessor.domain.scales import DEFAULT_PRESET
from assessor.domain.scope import snippet
from assessor.domain.values import ASSESSOR_SOURCES, as_utc
from assessor.i18n import _, ngettext
from assessor.importers.common import ImportRejected
from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedNote,
    ParsedObservation,
    ParsedPractice,
    ParsedRecommendation,
)
from assessor.services.assessments import back_to_draft
from assessor.services.cancel import Cancel, check
from assessor.services.import_report import ImportReport
from assessor.services.records import party_named, round_titled

#: How a follow-up from a factsheet names where it came from ("factsheet albania.md").
FACTSHEET_SOURCE = "factsheet "


def _now() -> datetime:
    return datetime.now(UTC)


def write_factsheet(
    session: Session,
    parsed: ParsedFactsheet,
    source: str,
    scale: str | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Write a parsed factsheet; a re-import keeps ratings, ids and replaced follow-ups.

    ``scale`` names the rating scale preset of the round; a round keeps its scale once anything
    in it is rated. ``cancel`` is checked per section: ``Cancelled`` leaves the transaction to
    roll back.
    """
    party = party_named(session, parsed.party)  # "Albanie" is the Albania already here
    if party is None:
        party = Party(name=parsed.party)
        session.add(party)
    scale_changes: list[str] = []
    rnd = round_titled(session, parsed.round_title)  # "2e cycle de suivi" is the 2nd round
    if rnd is None:
        rnd = MonitoringRound(
            title=parsed.round_title,
            rating_scale=scale_from_preset(session, scale or DEFAULT_PRESET),
        )
        session.add(rnd)
    elif scale is not None and rnd.rating_scale.preset != scale:
        scale_changes.append(_change_scale(session, rnd, scale))
    session.flush()
    factsheet = session.scalar(
        select(Factsheet).where(Factsheet.party_id == party.id, Factsheet.round_id == rnd.id)
    )
    created = factsheet is None
    if factsheet is None:
        factsheet = Factsheet(party=party, round=rnd, title=parsed.title)
        session.add(factsheet)
    factsheet.title, factsheet.preamble, factsheet.source = parsed.title, parsed.preamble, source
    factsheet.language = parsed.language  # the documents' default language for this Party
    factsheet.imported_at = _now()
    session.flush()
    writer = _FactsheetWriter(session, factsheet, parsed, source, cancel)
    writer.write()
    return ImportReport(
        kind="factsheet",
        source=source,
        party=party.name,
        factsheet_id=factsheet.id,
        created=created,
        chapters=len(parsed.chapters),
        by_verb=dict(Counter(r.verb for r in parsed.recommendations)),
        codes=sum(len(r.codes) for r in parsed.recommendations),
        follow_ups=sum(1 for r in parsed.recommendations if r.follow_up),
        practices=sum(
            1
            for c in parsed.chapters
            for s in c.sections
            for i in s.items
            if isinstance(i, ParsedPractice)
        ),
        warnings=tuple(str(w) for w in parsed.warnings),
        changed_lines=(*scale_changes, *writer.changes) if not created else tuple(scale_changes),
        placement=parsed.placement_line(),
        unplaced=tuple(f"{u.where}: {snippet(u.text, 120)}" for u in parsed.unplaced),
        reopened=tuple(writer.reopened),
    )


def _change_scale(session: Session, rnd: MonitoringRound, preset: str) -> str:
    """Give a round another preset scale, refused once anything in the round is rated."""
    old = rnd.rating_scale
    rated = session.scalar(
        select(func.count())
        .select_from(Assessment)
        .join(Recommendation, Recommendation.id == Assessment.recommendation_id)
        .join(Factsheet, Factsheet.id == Recommendation.factsheet_id)
        .where(Factsheet.round_id == rnd.id, Assessment.rating.is_not(None))
    )
    if rated:
        raise ImportRejected(
            ngettext(
                "The round is rated on the {name} ({n} rating); a round keeps its scale "
                "once anything is rated, so nothing was imported.",
                "The round is rated on the {name} ({n} ratings); a round keeps its scale "
                "once anything is rated, so nothing was imported.",
                rated,
            ).format(name=old.name, n=rated)
        )
    rnd.rating_scale = scale_from_preset(session, preset)
    session.flush()
    session.delete(old)
    return _("rating scale of the round: {old} → {new}").format(
        old=old.name, new=rnd.rating_scale.name
    )


class _FactsheetWriter:
    """Writes the structure anew and carries recommendations over, matched by code."""

    def __init__(
        self,
        session: Session,
        factsheet: Factsheet,
        parsed: ParsedFactsheet,
        source: str,
        cancel: Cancel | None = None,
    ) -> None:
        self.session = session
        self.cancel = cancel
        self.factsheet = factsheet
        self.parsed = parsed
        self.source = f"{FACTSHEET_SOURCE}{source}"
        self.received = (
            datetime(
                parsed.follow_ups_received.year, parsed.follow_ups_received.month, 1, tzinfo=UTC
            )
            if parsed.follow_ups_received
            else _now()
        )
        # A factsheet names the month the follow-ups were received in, never the day.
        self.precision = "month" if parsed.follow_ups_received else "day"
        self.changes: list[str] = []
        #: Recommendations whose final assessment went back to draft (a newer follow-up).
        self.reopened: list[int] = []
        self.by_code: dict[str, Recommendation] = {}
        self.old_codes: dict[int, list[str]] = {}  # id() of a recommendation → its codes before
        self.seen: set[int] = set()  # id() of the recommendations this import wrote

    def write(self) -> None:
        fid = self.factsheet.id
        existing = self.session.scalars(
            select(Recommendation)
            .where(Recommendation.factsheet_id == fid)
            .options(selectinload(Recommendation.codes), selectinload(Recommendation.follow_ups))
        ).all()
        for rec in existing:
            for code in rec.codes:
                self.by_code[code.code] = rec
                self.old_codes.setdefault(id(rec), []).append(code.code)
            rec.codes = []  # re-attached below; flushed first so (factsheet, code) stays unique
            # Detached here, not only by the database's ON DELETE SET NULL: the new sections may
            # reuse the old ids, and the ORM writes only what it saw change.
            rec.section = None
        for chapter in list(self.factsheet.chapters):
            self.session.delete(chapter)  # the database cascades to sections and their items
        self.session.flush()
        position = 0
        for c_pos, parsed_chapter in enumerate(self.parsed.chapters):
            chapter = Chapter(
                factsheet_id=fid,
                number=parsed_chapter.number,
                title=parsed_chapter.title,
                position=c_pos,
            )
            self.session.add(chapter)
            for s_pos, parsed_section in enumerate(parsed_chapter.sections):
                check(self.cancel)  # per section: a cancelled import rolls back
                section = Section(
                    kind=parsed_section.kind, title=parsed_section.title, position=s_pos
                )
                chapter.sections.append(section)
                for i_pos, item in enumerate(parsed_section.items):
                    if isinstance(item, ParsedRecommendation):
                        self._recommendation(item, section, i_pos, position)
                        position += 1
                    elif isinstance(item, ParsedObservation):
                        section.observations.append(
                            Observation(position=i_pos, text=item.text, paragraphs=item.paragraphs)
                        )
                    elif isinstance(item, ParsedPractice):
                        section.practices.append(PromisingPractice(position=i_pos, text=item.text))
                    elif isinstance(item, ParsedNote):
                        section.notes.append(Note(position=i_pos, text=item.text, kind=item.kind))
        self.session.flush()  # the codes this import gave, before the retired take theirs back
        taken = {code for rec in existing if id(rec) in self.seen for code in self._old_codes(rec)}
        taken |= {c for item in self.parsed.recommendations for c in item.codes}
        retired: list[str] = []
        for rec in existing:
            if id(rec) in self.seen:
                continue
            # A retired recommendation keeps its codes, so that a later file naming them brings
            # it back with its rating, comment and history (a truncated file must cost nothing).
            old = [c for c in self._old_codes(rec) if c not in taken]
            rec.codes = [
                RecommendationCode(factsheet_id=self.factsheet.id, code=code, position=n)
                for n, code in enumerate(old)
            ]
            if rec.retired_at is None:
                rec.retired_at = _now()
                rec.section = None
                retired.append(", ".join(old) or f"#{rec.id}")
        if len(retired) > 5:  # a truncated or wrong file, likely: said first, in one line
            shown = "; ".join(retired[:12]) + ("; …" if len(retired) > 12 else "")
            self.changes.insert(
                0,
                ngettext(
                    "{n} recommendation no longer in this file ({codes}): retired, kept with its "
                    "rating and comment; a file naming it again brings it back",
                    "{n} recommendations no longer in this file ({codes}): retired, kept with "
                    "their ratings and comments; a file naming them again brings them back",
                    len(retired),
                ).format(n=len(retired), codes=shown),
            )
        else:
            self.changes += [
                _("{codes}: no longer in the factsheet; kept (retired) with its rating").format(
                    codes=codes
                )
                for codes in retired
            ]
        self.session.flush()

    def _old_codes(self, rec: Recommendation) -> list[str]:
        return self.old_codes.get(id(rec), [])

    def _recommendation(
        self, item: ParsedRecommendation, section: Section, i_pos: int, position: int
    ) -> None:
        rec = next((self.by_code[c] for c in item.codes if c in self.by_code), None)
        label = ", ".join(item.codes)
        if rec is not None and id(rec) in self.seen:
            rec = None  # two new bullets matched one old one: the second is new
        if rec is None:
            rec = Recommendation(factsheet_id=self.factsheet.id, text=item.text)
            self.session.add(rec)
            if self.by_code:
                self.changes.append(_("{label}: new recommendation").format(label=label))
        else:
            if rec.text != item.text:
                self.session.add(
                    Change(
                        entity="recommendation",
                        entity_id=rec.id,
                        field="text",
                        old=rec.text,
                        new=item.text,
                        by=self.source,
                    )
                )
                self.changes.append(_("{label}: text updated").format(label=label))
            if rec.verb != item.verb:
                self.changes.append(
                    _("{label}: verb {old} → {new}").format(
                        label=label, old=rec.verb, new=item.verb
                    )
                )
            if rec.retired_at is not None:
                rec.retired_at = None
                self.changes.append(_("{label}: back in the factsheet").format(label=label))
        rec.section, rec.section_position, rec.position = section, i_pos, position
        rec.chapter_number, rec.verb, rec.scope = item.chapter, item.verb, item.scope
        rec.text, rec.paragraphs = item.text, item.paragraphs
        self.seen.add(id(rec))
        rec.codes = [
            RecommendationCode(factsheet_id=self.factsheet.id, code=code, position=n)
            for n, code in enumerate(item.codes)
        ]
        self._follow_up(rec, item.follow_up, label)

    def _follow_up(self, rec: Recommendation, text: str | None, label: str) -> None:
        current = next((f for f in rec.follow_ups if f.superseded_at is None), None)
        if text is None:
            if current is not None:
                self.changes.append(
                    _("{label}: no follow-up in this file; the previous one is kept").format(
                        label=label
                    )
                )
            return
        if current is not None and current.text == text:
            return
        replaced_since = current is None or (
            not current.source.startswith(FACTSHEET_SOURCE)
            or as_utc(current.received_at) > self.received
        )
        if replaced_since and any(f.text == text for f in rec.follow_ups):
            # The file repeats a version that a newer one replaced since (the State's answer,
            # a correction, a later factsheet): the file is the older one. A factsheet of the
            # same date that replaced it (a truncated copy, say) does not outrank this file.
            if current:
                said = _(
                    "{label}: this file's follow-up is an earlier version; the current one "
                    "({source}) is kept"
                )
            else:
                said = _(
                    "{label}: this file's follow-up is an earlier version; the current one, none "
                    "(withdrawn), stays so"
                )
            self.changes.append(said.format(label=label, source=current.source if current else ""))
            return
        # The State's newest word on it, corrections typed by the assessor set aside: a
        # correction is dated when typed, not when the State wrote.
        from_state = [f for f in rec.follow_ups if f.source not in ASSESSOR_SOURCES]
        newest = max(from_state, key=lambda f: as_utc(f.received_at), default=None)
        if (
            current is not None
            and newest is not None
            and not newest.source.startswith(FACTSHEET_SOURCE)
            and as_utc(newest.received_at) > self.received
        ):
            # A questionnaire answer newer than the file stays current (corrected or not);
            # the file's text goes into the history so that nothing is lost.
            now = _now()  # recorded and replaced at once: never the current follow-up
            rec.follow_ups.append(
                FollowUp(
                    text=text,
                    source=self.source,
                    received_at=self.received,
                    received_precision=self.precision,
                    recorded_at=now,
                    superseded_at=now,
                )
            )
            self.changes.append(
                _(
                    "{label}: the current follow-up ({source}) is newer than this file's and "
                    "is kept; the file's text is added to the history"
                ).format(label=label, source=current.source)
            )
            return
        if current is not None:
            current.superseded_at = _now()
            self.changes.append(
                _("{label}: follow-up replaced (the previous text is kept in history)").format(
                    label=label
                )
            )
        elif rec.id is not None:  # an existing recommendation answered for the first time
            self.changes.append(_("{label}: follow-up added").format(label=label))
        rec.follow_ups.append(
            FollowUp(
                text=text,
                source=self.source,
                received_at=self.received,
                received_precision=self.precision,
            )
        )
        if rec.id is not None and back_to_draft(self.session, rec, _now()):
            self.reopened.append(rec.id)
            self.changes.append(
                _("{label}: final assessment back to draft (a newer follow-up)").format(label=label)
            )
