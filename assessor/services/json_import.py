"""Importing an assessor-json export into an empty database, in one transaction.

The rows get the ids the export gives (the database is empty, so none is taken), so that the
history's references stay right and exporting again gives the same document apart from its
``exported_at``. Merging into a database that holds work is ``services/merge.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

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
    RatingLevel,
    RatingScale,
    Recommendation,
    RecommendationCode,
    Section,
    Theme,
    ThemeItem,
    utcnow,
)
from assessor.domain.scales import DEFAULT_PRESET
from assessor.i18n import _
from assessor.importers.common import ImportRejected
from assessor.importers.json_file import ParsedAssessment, read_json_file
from assessor.services.changes import Changes
from assessor.services.errors import ServiceError

JSON = dict[str, Any]
#: Tables whose ids the export carries and the import keeps.
_KEPT_IDS = ("factsheet", "chapter", "section", "recommendation", "theme", "theme_item")


@dataclass(frozen=True)
class JsonImportReport:
    """What an import of an export wrote."""

    name: str
    version: str
    factsheets: int
    recommendations: int
    history: int
    changes: Changes


def database_is_empty(session: Session) -> bool:
    """True when the database holds no Party, round, factsheet or recorded change."""
    for model in (Party, MonitoringRound, Factsheet, Change):
        if session.scalar(select(func.count()).select_from(model)):
            return False
    return True


def import_json_file(db: Database, path: str | Path) -> JsonImportReport:
    """Read an assessor-json file (``ImportRejected`` when it cannot be) and import it."""
    return import_assessment(db, read_json_file(path))


def import_assessment(db: Database, parsed: ParsedAssessment) -> JsonImportReport:
    """Write a validated export into an empty database, in one transaction."""
    with db.transaction() as s:
        if not database_is_empty(s):
            raise ServiceError(
                _(
                    "{name}: an export can only be imported into an empty database, and "
                    "{location} already holds work; to bring a colleague's work into yours, ask "
                    "for a package (assessor export package) and merge that (assessor merge "
                    "FILE.assessor)."
                ).format(name=parsed.name, location=db.location)
            )
        writer = _Writer(s, parsed.name)
        sheet_ids = [writer.factsheet(sheet) for sheet in parsed.data["factsheets"]]
        history = parsed.data.get("history") or []
        for change in history:
            writer.change(change)
        s.flush()
        _advance_sequences(s)
        return JsonImportReport(
            name=parsed.name,
            version="{}.{}".format(*parsed.version),
            factsheets=len(sheet_ids),
            recommendations=writer.recommendations,
            history=len(history),
            changes=Changes.of_factsheets(sheet_ids),
        )


def _advance_sequences(session: Session) -> None:
    """On PostgreSQL, move each id sequence past the ids given explicitly (SQLite needs not)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in _KEPT_IDS:
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


class _Writer:
    """Turns the export's dicts into rows, keeping ids, order and timestamps."""

    def __init__(self, session: Session, name: str) -> None:
        self.session = session
        self.name = name
        self.rounds: dict[str, tuple[MonitoringRound, list[tuple[str, str, str, str | None]]]] = {}
        self.parties: dict[str, Party] = {}
        self.recommendations = 0

    def moment(self, value: str | None, where: str) -> datetime | None:
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError as e:
            raise ImportRejected(
                _("{name}: {where}: “{value}” is not a date and time; the file is damaged.").format(
                    name=self.name, where=where, value=value
                )
            ) from e

    def round(self, sheet: JSON) -> MonitoringRound:
        # A file before 1.2 has no label_fr: None, as a level migrated without one.
        levels = [
            (lv["key"], lv["label"], lv.get("color") or "#9e9e9e", lv.get("label_fr"))
            for lv in sheet["rating_scale"]
        ]
        title = sheet["round"]
        if title in self.rounds:
            rnd, known = self.rounds[title]
            if known != levels:
                raise ImportRejected(
                    _(
                        "{name}: the factsheets of the round “{title}” give different rating "
                        "scales; the file is damaged."
                    ).format(name=self.name, title=title)
                )
            return rnd
        preset = sheet.get("rating_scale_preset") or DEFAULT_PRESET
        scale = RatingScale(preset=preset, name=sheet.get("rating_scale_name") or preset)
        scale.levels = [
            RatingLevel(key=k, label=label, label_fr=french, color=color, position=i)
            for i, (k, label, color, french) in enumerate(levels)
        ]
        rnd = MonitoringRound(title=title, rating_scale=scale)
        self.session.add(rnd)
        self.rounds[title] = (rnd, levels)
        return rnd

    def factsheet(self, sheet: JSON) -> int:
        name = sheet["party"]
        party = self.parties.get(name)
        if party is None:
            party = self.parties[name] = Party(name=name)
        row = Factsheet(
            id=sheet.get("id"),
            party=party,
            round=self.round(sheet),
            title=sheet["title"],
            preamble=sheet.get("preamble") or "",
            source=sheet.get("source") or "",
            imported_at=self.moment(sheet.get("imported_at"), "imported_at") or utcnow(),
            language=sheet.get("language"),
        )
        self.session.add(row)
        try:
            self.session.flush()
        except Exception as e:  # two factsheets of one Party and round
            raise ImportRejected(
                _(
                    "{name}: the factsheet of {party} for “{round}” is given twice, or "
                    "its id is; the file is damaged."
                ).format(name=self.name, party=name, round=sheet["round"])
            ) from e
        keys = {lv["key"] for lv in sheet["rating_scale"]}
        position = 0
        for c_pos, chapter in enumerate(sheet["chapters"]):
            ch = Chapter(
                id=chapter.get("id"),
                factsheet_id=row.id,
                number=chapter["number"],
                title=chapter["title"],
                position=c_pos,
            )
            self.session.add(ch)
            for s_pos, section in enumerate(chapter["sections"]):
                sec = Section(
                    id=section.get("id"),
                    chapter=ch,
                    kind=section["kind"],
                    title=section["title"],
                    position=s_pos,
                )
                self.session.add(sec)
                for i_pos, item in enumerate(section["items"]):
                    if item["type"] == "recommendation":
                        self.recommendation(row, sec, item, i_pos, position, keys)
                        position += 1
                    else:
                        self.section_item(sec, item, i_pos)
        for key in ("unplaced_recommendations", "retired_recommendations"):
            for item in sheet.get(key) or []:
                self.recommendation(row, None, item, 0, position, keys)
                position += 1
        for t_pos, theme in enumerate(sheet["assessor_recommendations"]):
            t = Theme(id=theme.get("id"), factsheet_id=row.id, position=t_pos, title=theme["theme"])
            t.items = [
                ThemeItem(
                    id=i.get("id"), position=n, text=i["text"], links=list(i.get("links") or [])
                )
                for n, i in enumerate(theme["items"])
            ]
            self.session.add(t)
        self.session.flush()
        return row.id

    def section_item(self, section: Section, item: JSON, position: int) -> None:
        kind = item["type"]
        if kind == "observation":
            section.observations.append(
                Observation(
                    position=position,
                    text=item["text"],
                    paragraphs=list(item.get("paragraphs") or []),
                )
            )
        elif kind == "promising_practice":
            section.practices.append(PromisingPractice(position=position, text=item["text"]))
        else:
            body = item["text"]
            if kind == "footnote" and item.get("number") is not None:
                body = f"[{item['number']}] {body}"
            section.notes.append(Note(position=position, text=body, kind=kind))

    def recommendation(
        self,
        sheet: Factsheet,
        section: Section | None,
        item: JSON,
        section_position: int,
        position: int,
        keys: set[str],
    ) -> None:
        codes = list(item["codes"])
        where = _("the recommendation {code} of {party}").format(
            code=codes[0], party=sheet.party.name
        )
        rec = Recommendation(
            id=item.get("id"),
            factsheet_id=sheet.id,
            section=section,
            chapter_number=item["chapter"],
            position=item["position"] if isinstance(item.get("position"), int) else position,
            section_position=section_position,
            verb=item["verb"],
            scope=item["scope"],
            text=item["text"],
            paragraphs=list(item.get("paragraphs") or []),
            retired_at=self.moment(item.get("retired_at"), where),
        )
        if item.get("uid"):
            rec.uid = item["uid"]
        rec.codes = [
            RecommendationCode(factsheet_id=sheet.id, code=code, position=n)
            for n, code in enumerate(codes)
        ]
        versions = [
            (
                v["text"],
                v.get("source"),
                v.get("received_at"),
                v.get("recorded_at"),
                v.get("superseded_at"),
                v.get("state_status"),
                v.get("references"),
            )
            for v in item.get("follow_up_history") or []
        ]
        if item.get("follow_up") is not None:
            versions.append(
                (
                    item["follow_up"],
                    item.get("follow_up_source"),
                    item.get("follow_up_received_at"),
                    item.get("follow_up_recorded_at"),
                    None,
                    item.get("follow_up_state_status"),
                    item.get("follow_up_references"),
                )
            )
        for body, source, received, recorded, superseded, status, refs in versions:
            rec.follow_ups.append(
                FollowUp(
                    text=body,
                    source=source or "",
                    received_at=self.moment(received, where) or utcnow(),
                    recorded_at=self.moment(recorded, where),
                    superseded_at=self.moment(superseded, where),
                    state_status=status,
                    state_references=refs,
                )
            )
        a = item.get("assessment") or {}
        if a.get("updated_at") is not None:
            rating = a.get("rating")
            if rating is not None and rating not in keys:
                raise ImportRejected(
                    _(
                        "{name}: {where} is rated “{rating}”, which is not a level of its "
                        "rating scale; the file is damaged."
                    ).format(name=self.name, where=where, rating=rating)
                )
            rec.assessment = Assessment(
                rating=rating,
                comment=a.get("comment") or "",
                status=a.get("status") or "draft",
                updated_at=self.moment(a["updated_at"], where),
                updated_by=a.get("updated_by") or "",
            )
        self.session.add(rec)
        self.recommendations += 1

    def change(self, change: JSON) -> None:
        self.session.add(
            Change(
                entity=change["entity"],
                entity_id=change["entity_id"],
                field=change["field"],
                old=change.get("old"),
                new=change.get("new"),
                at=self.moment(change["at"], "history"),
                by=change.get("by") or "",
            )
        )
