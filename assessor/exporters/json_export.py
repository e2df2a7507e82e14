"""The interchange JSON export (``formats/assessor-json.md``): a complete dump of a database.

The contract's minimum fields are always present under their documented names; ids, uids,
timestamps, follow-up history and the change history are added beside them.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor.db.engine import Database
from assessor.db.models import (
    Change,
    Chapter,
    Factsheet,
    MonitoringRound,
    Party,
    RatingScale,
    Recommendation,
    Section,
    Theme,
    utcnow,
)
from assessor.domain.values import arrived_after, as_utc
from assessor.fileio import atomic_write_bytes
from assessor.services.cancel import Cancel, check

FORMAT = "assessor-json/1"
#: The format's version: the major number is the one in ``FORMAT``; a minor version only adds
#: fields (1.1: recommendation ``position``, follow-up ``recorded_at``, ``rating_scale_name``;
#: 1.2: a level's ``label_fr``, the factsheet's ``language``), so a reader of 1.x reads every
#: 1.y, and a file of 1.0 lacks only what 1.1 and 1.2 added.
VERSION = "1.2"
#: How the importer keeps a footnote's number in a note's text ("[35] Para. 444.").
_FOOTNOTE = re.compile(r"\[(\d+)\]\s*")

JSON = dict[str, Any]


def iso(moment: datetime | None) -> str | None:
    """A timestamp as ISO 8601 UTC with a ``Z`` (SQLite hands back naive UTC datetimes)."""
    if moment is None:
        return None
    return as_utc(moment).astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _recommendation(rec: Recommendation) -> JSON:
    versions = sorted(rec.follow_ups, key=lambda f: (f.received_at, f.id))
    current = [f for f in versions if f.superseded_at is None]
    follow_up = current[-1] if current else None
    a = rec.assessment
    return {
        "type": "recommendation",
        "id": rec.id,
        "uid": rec.uid,
        "position": rec.position,
        "codes": [c.code for c in rec.codes],
        "verb": rec.verb,
        "scope": rec.scope,
        "chapter": rec.chapter_number,
        "text": rec.text,
        "paragraphs": list(rec.paragraphs or []),
        "follow_up": follow_up.text if follow_up else None,
        "follow_up_state_status": follow_up.state_status if follow_up else None,
        "follow_up_references": follow_up.state_references if follow_up else None,
        "follow_up_source": follow_up.source if follow_up else None,
        "follow_up_received_at": iso(follow_up.received_at) if follow_up else None,
        "follow_up_recorded_at": iso(follow_up.recorded_at) if follow_up else None,
        "follow_up_history": [
            {
                "text": f.text,
                "state_status": f.state_status,
                "references": f.state_references,
                "source": f.source,
                "received_at": iso(f.received_at),
                "recorded_at": iso(f.recorded_at),
                "superseded_at": iso(f.superseded_at),
            }
            for f in versions
            if f.superseded_at is not None
        ],
        # Always an object, so readers need not test for null before reading the rating.
        "assessment": {
            "rating": a.rating if a else None,
            "comment": a.comment if a else "",
            "status": a.status if a else "draft",
            "updated_at": iso(a.updated_at) if a else None,
            "updated_by": a.updated_by if a else "",
            # The rule of the window's ↻ (domain.values.arrived_after; in SQL follow_up_state).
            "follow_up_after_rating": bool(
                a is not None
                and a.rating is not None
                and a.updated_at is not None
                and arrived_after(versions, a.updated_at, whole_seconds=True)
            ),
        },
        "retired_at": iso(rec.retired_at),
    }


def _section(section: Section, recs: list[Recommendation]) -> JSON:
    # Observations, recommendations, practices and notes share one position numbering.
    ranked: list[tuple[int, int, JSON]] = []
    for o in section.observations:
        ranked.append(
            (o.position, 0, {"type": "observation", "text": o.text, "paragraphs": o.paragraphs})
        )
    for r in recs:
        ranked.append((r.section_position, 1, _recommendation(r)))
    for p in section.practices:
        ranked.append((p.position, 2, {"type": "promising_practice", "text": p.text}))
    for n in section.notes:
        ranked.append((n.position, 3, _note(n.kind or "text", n.text)))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return {
        "id": section.id,
        "kind": section.kind,
        "title": section.title,
        "items": [item for _, _, item in ranked],
    }


def _note(kind: str, text: str) -> JSON:
    """Any other text; a footnote's number is a field of its own, never part of the text."""
    numbered = _FOOTNOTE.match(text) if kind == "footnote" else None
    if numbered is None:
        return {"type": kind, "text": text}
    return {"type": kind, "number": numbered[1], "text": text[numbered.end() :]}


def _themes(themes: list[Theme]) -> list[JSON]:
    return [
        {
            "id": t.id,
            "theme": t.title,
            "items": [{"id": i.id, "text": i.text, "links": list(i.links or [])} for i in t.items],
        }
        for t in themes
    ]


def _factsheet(session: Session, sheet: Factsheet) -> JSON:
    recs = session.scalars(
        select(Recommendation)
        .where(Recommendation.factsheet_id == sheet.id)
        .order_by(Recommendation.position, Recommendation.id)
        .options(
            selectinload(Recommendation.codes),
            selectinload(Recommendation.follow_ups),
            selectinload(Recommendation.assessment),
        )
    ).all()
    chapters = session.scalars(
        select(Chapter)
        .where(Chapter.factsheet_id == sheet.id)
        .order_by(Chapter.position, Chapter.id)
        .options(
            selectinload(Chapter.sections).selectinload(Section.observations),
            selectinload(Chapter.sections).selectinload(Section.practices),
            selectinload(Chapter.sections).selectinload(Section.notes),
        )
    ).all()
    section_ids = {s.id for c in chapters for s in c.sections}
    by_section: dict[int, list[Recommendation]] = defaultdict(list)
    retired: list[Recommendation] = []
    unplaced: list[Recommendation] = []
    for rec in recs:
        if rec.retired_at is not None:
            retired.append(rec)
        elif rec.section_id in section_ids:
            by_section[rec.section_id].append(rec)
        else:
            unplaced.append(rec)  # its section is gone: exported rather than lost
    themes = session.scalars(
        select(Theme)
        .where(Theme.factsheet_id == sheet.id)
        .order_by(Theme.position, Theme.id)
        .options(selectinload(Theme.items))
    ).all()
    scale = sheet.round.rating_scale
    return {
        "id": sheet.id,
        "party": sheet.party.name,
        "title": sheet.title,
        "round": sheet.round.title,
        "preamble": sheet.preamble,
        "source": sheet.source,
        "imported_at": iso(sheet.imported_at),
        "language": sheet.language,
        "rating_scale_preset": scale.preset,
        "rating_scale_name": scale.name,
        "rating_scale": [
            {"key": lv.key, "label": lv.label, "label_fr": lv.label_fr, "color": lv.color}
            for lv in scale.levels
        ],
        "chapters": [
            {
                "id": c.id,
                "number": c.number,
                "title": c.title,
                "sections": [_section(s, by_section.get(s.id, [])) for s in c.sections],
            }
            for c in chapters
        ],
        "unplaced_recommendations": [_recommendation(r) for r in unplaced],
        "retired_recommendations": [_recommendation(r) for r in retired],
        "assessor_recommendations": _themes(list(themes)),
    }


def _owned(sheets: list[JSON]) -> set[tuple[str, int]]:
    """The (entity, id) pairs of the history that belong to these exported factsheets."""
    owned: set[tuple[str, int]] = set()
    for sheet in sheets:
        owned.add(("factsheet", sheet["id"]))
        recs = [i for c in sheet["chapters"] for sec in c["sections"] for i in sec["items"]]
        recs += sheet["unplaced_recommendations"] + sheet["retired_recommendations"]
        owned.update(("recommendation", r["id"]) for r in recs if r["type"] == "recommendation")
        for theme in sheet["assessor_recommendations"]:
            owned.add(("theme", theme["id"]))
            owned.update(("theme_item", i["id"]) for i in theme["items"])
    return owned


def _changes(session: Session, owned: set[tuple[str, int]] | None = None) -> list[JSON]:
    rows = session.scalars(select(Change).order_by(Change.at, Change.id))
    if owned is not None:
        rows = (c for c in rows if (c.entity, c.entity_id) in owned)  # type: ignore[assignment]
    return [
        {
            "entity": c.entity,
            "entity_id": c.entity_id,
            "field": c.field,
            "old": c.old,
            "new": c.new,
            "at": iso(c.at),
            "by": c.by,
        }
        for c in rows
    ]


def export_json(db: Database, party: str | None = None, cancel: Cancel | None = None) -> JSON:
    """The whole database (or one Party's factsheets) as a dict following assessor-json/1.

    With ``party`` (its exact name) only that Party's factsheets are written, with the history
    of what they hold. ``cancel`` is checked per factsheet (raising ``Cancelled``).
    """
    with db.reading() as s:
        query = (
            select(Factsheet)
            .join(Party, Party.id == Factsheet.party_id)
            .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
            .order_by(Party.name, MonitoringRound.title)
        )
        if party is not None:
            query = query.where(Party.name == party)
        sheets = s.scalars(
            query.options(
                selectinload(Factsheet.party),
                selectinload(Factsheet.round)
                .selectinload(MonitoringRound.rating_scale)
                .selectinload(RatingScale.levels),
            )
        ).all()
        exported = []
        for sheet in sheets:
            check(cancel)
            exported.append(_factsheet(s, sheet))
        check(cancel)
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": iso(utcnow()),
            "factsheets": exported,
            "history": _changes(s, None if party is None else _owned(exported)),
        }


def dumps(data: JSON) -> bytes:
    """The export as UTF-8 JSON text: indented, non-ASCII kept readable, ending in a newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_json(db: Database, path: str | os.PathLike[str], cancel: Cancel | None = None) -> JSON:
    """Export the database to ``path`` atomically; return what was written.

    ``cancel`` is checked per factsheet and before writing; a cancelled export leaves no file.
    """
    data = export_json(db, cancel=cancel)
    text = dumps(data)
    check(cancel)
    atomic_write_bytes(path, text, shared=True)
    return data
