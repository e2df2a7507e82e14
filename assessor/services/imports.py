"""Importing files: detect the kind, parse (pure), then write everything in one transaction."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from assessor.db.engine import Database
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
    Theme,
    ThemeItem,
)
from assessor.db.presets import scale_from_preset
from assessor.domain.scales import DEFAULT_PRESET, PRESETS
from assessor.domain.values import ASSESSOR_SOURCES, as_utc
from assessor.importers.common import MAX_TEXT_BYTES, ImportRejected, check_size, decode_text
from assessor.importers.document import Document
from assessor.importers.factsheet import parse_document
from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedNote,
    ParsedObservation,
    ParsedPractice,
    ParsedRecommendation,
)
from assessor.importers.readers import (
    MAX_DOCUMENT_BYTES,
    file_format,
    read_document,
    read_text_document,
)
from assessor.importers.recommendations import (
    ThemedRecommendations,
    looks_like_recommendations,
    parse_recommendations,
)
from assessor.importers.vocabulary import VOCABULARIES
from assessor.sanitize import clean_text, has_unwanted
from assessor.services.cancel import Cancel, Cancelled
from assessor.services.changes import NOTHING, Changes
from assessor.wording import plural

KINDS = ("factsheet", "recommendations")
#: How a follow-up from a factsheet names where it came from ("factsheet albania.md").
FACTSHEET_SOURCE = "factsheet "


@dataclass(frozen=True)
class ImportReport:
    """What an import did, for the command line and the window."""

    kind: str
    source: str
    party: str
    factsheet_id: int
    created: bool = True
    chapters: int = 0
    by_verb: dict[str, int] = field(default_factory=dict)
    codes: int = 0
    follow_ups: int = 0
    practices: int = 0
    themes: int = 0
    items: int = 0
    warnings: tuple[str, ...] = ()
    #: What changed, in words ("II-6: text updated"), for the report and the command line.
    changed_lines: tuple[str, ...] = ()
    #: "99.6 % of the text placed; 2 paragraphs not placed", and those paragraphs.
    placement: str = ""
    unplaced: tuple[str, ...] = ()

    @property
    def changes(self) -> Changes:
        """What the import changed, for the views: the factsheet and its themes, reloaded."""
        return Changes.of_factsheets([self.factsheet_id]).merge(
            Changes.of_themes([self.factsheet_id])
        )

    def summary(self) -> str:
        """A few lines saying what was imported, what changed and what to check."""
        lines = []
        if self.kind == "factsheet":
            verbs = ", ".join(
                f"{self.by_verb.get(v, 0)} {v}" for v in ("require", "request", "invite")
            )
            action = "Imported" if self.created else "Re-imported"
            lines.append(f"{action} the factsheet of {self.party} from {self.source}:")
            recommendations = plural(sum(self.by_verb.values()), "recommendation")
            lines.append(
                f"  {plural(self.chapters, 'chapter')}, {recommendations} "
                f"({verbs}) carrying {plural(self.codes, 'code')}"
            )
            lines.append(
                f"  {plural(self.follow_ups, 'follow-up')}, "
                f"{plural(self.practices, 'promising practice')}"
            )
            if self.placement:
                lines.append(f"  {self.placement}")
        else:
            lines.append(
                f"Imported {plural(self.themes, 'theme')} with "
                f"{plural(self.items, 'recommendation')} for {self.party} from {self.source}"
            )
        if self.changed_lines:
            lines.append(f"Changes ({len(self.changed_lines)}):")
            lines += [f"  {c}" for c in self.changed_lines]
        if self.unplaced:
            lines.append(f"Not placed ({len(self.unplaced)}), kept as unplaced text:")
            lines += [f"  {u}" for u in self.unplaced]
        if self.warnings:
            lines.append(f"Warnings ({len(self.warnings)}):")
            lines += [f"  {w}" for w in self.warnings]
        return "\n".join(lines)


def detect_kind(text: str) -> str | None:
    """``factsheet``, ``recommendations``, or None when the text is neither.

    Invisible characters are ignored, as the parser ignores them: a zero-width space inside
    "II-6" must not make a factsheet unrecognisable.
    """
    words = "|".join(v.recommendation_word for v in VOCABULARIES.values())
    if re.search(rf"(?:{words})\s+[IVXL]+\s*[-–]\s*\d+", _visible(text), re.I):
        return "factsheet"
    return "recommendations" if _reads_like_themes(text) else None


def _visible(text: str) -> str:
    """The text without the controls and invisible characters ``clean_text`` removes."""
    return clean_text(text) if has_unwanted(text) else text


def _reads_like_themes(text: str) -> bool:
    """Whether text is a rapporteur's themed recommendations rather than any other document.

    Guessing wrong would replace the Party's themes with, say, a README, so the bar is high
    (``--kind recommendations`` bypasses it): prose that says what should be done, with no
    code, links or inline markup, nearly every item a sentence of some length.
    """
    if re.search(r"```|`[^`\n]+`|\]\([^)]*\)|<https?://", text):
        return False
    if not re.search(r"\b(recommend\w*|should|must|ensur\w+|strengthen\w*)\b", text, re.I):
        return False
    if not looks_like_recommendations(text):
        return False
    items = [i.text for t in parse_recommendations(text).themes for i in t.items]
    prose = [i for i in items if len(i) >= 80 and i.rstrip()[-1:] in ".!?;:"]
    return len(items) >= 2 and len(prose) >= 0.8 * len(items)


@dataclass(frozen=True)
class PreparedImport:
    """A file read, recognised and parsed, ready to be written (nothing touched yet)."""

    kind: str
    source: str
    party: str | None
    scale: str | None
    factsheet: ParsedFactsheet | None = None
    themes: ThemedRecommendations | None = None
    #: The file's text, to check which Parties it names against the database's.
    text: str = ""


def prepare_import(
    path: str | Path, kind: str | None = None, party: str | None = None, scale: str | None = None
) -> PreparedImport:
    """Read and parse a file without any database: bad input is refused before anything opens.

    The format is told by the content, never the name: a PDF or Word file is a factsheet; a
    text file is a factsheet (Markdown or plain text) or the assessor's themed recommendations.
    """
    p = Path(path)
    if kind is not None and kind not in KINDS:
        raise ImportRejected(f"Unknown kind {kind!r}; use one of: {', '.join(KINDS)}.")
    if scale is not None and scale not in PRESETS:
        raise ImportRejected(f"Unknown rating scale {scale!r}; use one of: {', '.join(PRESETS)}.")
    check_size(p, MAX_DOCUMENT_BYTES, "for an import")
    data = p.read_bytes()
    if file_format(data) != "text":
        if kind == "recommendations":
            raise ImportRejected(
                f"{p.name}: themed recommendations are read from a text file; this is a "
                "PDF or Word document."
            )
        document = read_document(data, p.name)
        parsed = _parse(document, party, p.name)
        text = "\n".join(b.text for b in document.blocks)
        return PreparedImport("factsheet", p.name, party, scale, factsheet=parsed, text=text)
    if len(data) > MAX_TEXT_BYTES:
        check_size(p, MAX_TEXT_BYTES, "for a text import")
    text = _decode(data, p.name)
    detected = detect_kind(text)
    kind = kind or detected
    if kind is None:
        raise ImportRejected(
            f"{p.name}: this is neither a factsheet (chapters I., II., … with footnotes naming "
            "recommendations) nor a list of themed recommendations."
        )
    if kind == "factsheet":
        parsed = _parse(read_text_document(text), party, p.name)
        return PreparedImport(kind, p.name, party, scale, factsheet=parsed, text=text)
    # Forcing the kind skips the prose test, never the shape: themes replace the Party's own.
    if detected == "factsheet" or not looks_like_recommendations(text):
        raise ImportRejected(
            f"{p.name}: this does not read as themed recommendations (headings, each with "
            "recommendations under it); the Party's themes were left as they are."
        )
    return PreparedImport(kind, p.name, party, scale, themes=parse_recommendations(text), text=text)


def _decode(data: bytes, name: str) -> str:
    """The file's text; a damaged UTF-16 file is refused in a sentence, not a codec error."""
    try:
        return decode_text(data, name)
    except UnicodeDecodeError as exc:  # only UTF-16 is decoded strictly: UTF-8 falls back
        raise ImportRejected(
            f"{name}: the UTF-16 text is damaged ({exc.reason} at byte {exc.start}); save it "
            "again as UTF-8 or UTF-16 text and import that."
        ) from None


def _parse(document: Document, party: str | None, name: str) -> ParsedFactsheet:
    try:
        return parse_document(document, party)
    except ImportRejected as exc:
        raise ImportRejected(f"{name}: {exc}") from None


def write_import(db: Database, prepared: PreparedImport) -> ImportReport:
    """Write a prepared import in one transaction."""
    with db.transaction() as session:
        if prepared.factsheet is not None:
            return write_factsheet(session, prepared.factsheet, prepared.source, prepared.scale)
        assert prepared.themes is not None
        return write_themes(session, prepared.themes, prepared.source, prepared.party)


def import_file(
    db: Database,
    path: str | Path,
    kind: str | None = None,
    party: str | None = None,
    scale: str | None = None,
) -> ImportReport:
    """Import a factsheet or a themed-recommendations file; nothing is written if it fails."""
    return write_import(db, prepare_import(path, kind, party, scale))


def _start(text: str, n: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1].rstrip() + "…"


def _now() -> datetime:
    return datetime.now(UTC)


def write_factsheet(
    session: Session, parsed: ParsedFactsheet, source: str, scale: str | None = None
) -> ImportReport:
    """Write a parsed factsheet; a re-import keeps ratings, ids and replaced follow-ups.

    ``scale`` names the rating scale preset of the round; a round keeps its scale once anything
    in it is rated.
    """
    party = session.scalar(select(Party).where(Party.name == parsed.party))
    if party is None:
        party = Party(name=parsed.party)
        session.add(party)
    scale_changes: list[str] = []
    rnd = session.scalar(select(MonitoringRound).where(MonitoringRound.title == parsed.round_title))
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
    factsheet.imported_at = _now()
    session.flush()
    writer = _FactsheetWriter(session, factsheet, parsed, source)
    writer.write()
    return ImportReport(
        kind="factsheet",
        source=source,
        party=parsed.party,
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
        unplaced=tuple(f"{u.where}: {_start(u.text)}" for u in parsed.unplaced),
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
            f"The round is rated on the {old.name} ({rated} ratings); a round keeps its scale "
            "once anything is rated, so nothing was imported."
        )
    rnd.rating_scale = scale_from_preset(session, preset)
    session.flush()
    session.delete(old)
    return f"rating scale of the round: {old.name} → {rnd.rating_scale.name}"


class _FactsheetWriter:
    """Writes the structure anew and carries recommendations over, matched by code."""

    def __init__(
        self, session: Session, factsheet: Factsheet, parsed: ParsedFactsheet, source: str
    ) -> None:
        self.session = session
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
        self.changes: list[str] = []
        self.by_code: dict[str, Recommendation] = {}
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
        for rec in {id(r): r for r in existing}.values():
            if id(rec) not in self.seen and rec.retired_at is None:
                rec.retired_at = _now()
                rec.section = None
                codes = ", ".join(self._old_codes(rec)) or f"#{rec.id}"
                self.changes.append(
                    f"{codes}: no longer in the factsheet; kept (retired) with its rating"
                )
        self.session.flush()

    def _old_codes(self, rec: Recommendation) -> list[str]:
        return [code for code, r in self.by_code.items() if r is rec]

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
                self.changes.append(f"{label}: new recommendation")
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
                self.changes.append(f"{label}: text updated")
            if rec.verb != item.verb:
                self.changes.append(f"{label}: verb {rec.verb} → {item.verb}")
            if rec.retired_at is not None:
                rec.retired_at = None
                self.changes.append(f"{label}: back in the factsheet")
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
                self.changes.append(f"{label}: no follow-up in this file; the previous one is kept")
            return
        if current is not None and current.text == text:
            return
        if any(f.text == text for f in rec.follow_ups):
            # The file repeats a version that was replaced since: the file is the older one.
            self.changes.append(
                f"{label}: this file's follow-up is an earlier version; the current one"
                + (f" ({current.source}) is kept" if current else ", none (withdrawn), stays so")
            )
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
                    recorded_at=now,
                    superseded_at=now,
                )
            )
            self.changes.append(
                f"{label}: the current follow-up ({current.source}) is newer than this file's and "
                "is kept; the file's text is added to the history"
            )
            return
        if current is not None:
            current.superseded_at = _now()
            self.changes.append(
                f"{label}: follow-up replaced (the previous text is kept in history)"
            )
        elif rec.id is not None:  # an existing recommendation answered for the first time
            self.changes.append(f"{label}: follow-up added")
        rec.follow_ups.append(FollowUp(text=text, source=self.source, received_at=self.received))


def target_factsheet(session: Session, party: str | None) -> Factsheet:
    """The factsheet themed recommendations go to: the Party's newest, or the only Party's."""
    query = select(Factsheet).join(Party).order_by(Factsheet.imported_at.desc())
    if party:
        query = query.where(Party.name.ilike(party.strip()))
    found = session.scalars(query).all()
    if not found:
        raise ImportRejected(
            f"No factsheet of {party} is in the database; import the factsheet first."
            if party
            else "Import a factsheet first: themed recommendations are attached to one."
        )
    if len({f.party_id for f in found}) > 1:
        raise ImportRejected("The database holds several Parties; choose one with --party.")
    return found[0]


def write_themes(
    session: Session, parsed: ThemedRecommendations, source: str, party: str | None
) -> ImportReport:
    """Replace a factsheet's themed recommendations; the previous ones go to history."""
    factsheet = target_factsheet(session, party)
    old = session.scalars(
        select(Theme).where(Theme.factsheet_id == factsheet.id).order_by(Theme.position)
    ).all()
    if old:
        before = [
            {"theme": t.title, "items": [{"text": i.text, "links": i.links} for i in t.items]}
            for t in old
        ]
        session.add(
            Change(
                entity="factsheet",
                entity_id=factsheet.id,
                field="themes",
                old=json.dumps(before, ensure_ascii=False),
                new=None,
                by=f"recommendations {source}",
            )
        )
        for row in old:
            session.delete(row)
        session.flush()
    for t_pos, parsed_theme in enumerate(parsed.themes):
        title = parsed_theme.title or "Untitled"
        new = Theme(factsheet_id=factsheet.id, position=t_pos, title=title)
        new.items = [
            ThemeItem(position=n, text=i.text, links=list(i.links))
            for n, i in enumerate(parsed_theme.items)
        ]
        session.add(new)
    session.flush()
    return ImportReport(
        kind="recommendations",
        source=source,
        party=factsheet.party.name,
        factsheet_id=factsheet.id,
        themes=len(parsed.themes),
        items=sum(len(t.items) for t in parsed.themes),
        warnings=tuple(str(w) for w in parsed.warnings),
        changed_lines=(f"{len(old)} earlier themes replaced (kept in history)",) if old else (),
    )


@dataclass(frozen=True)
class ImportBatch:
    """The files one import wrote, each in its own transaction, and what they changed."""

    reports: tuple[ImportReport, ...]
    changes: Changes


def write_imports(
    db: Database, prepared: Sequence[PreparedImport], cancel: Cancel | None = None
) -> ImportBatch:
    """Write prepared files one transaction each; Cancel stops between files (before the first:
    ``Cancelled``, nothing written)."""
    reports: list[ImportReport] = []
    for item in prepared:
        if cancel is not None and cancel.requested:
            if not reports:
                raise Cancelled()
            break
        reports.append(write_import(db, item))
    changes = NOTHING
    for report in reports:
        changes = changes.merge(report.changes)
    return ImportBatch(tuple(reports), changes)
