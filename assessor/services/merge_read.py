"""The two sides of a merge read into one light shape: what is compared, and its history.

Theirs comes from an assessor-json document (a package) or, for another database file, like
mine: straight from the database with a few queries (the full export of 10,000 recommendations
takes seconds, the comparison needs a fraction of it). Both readings give the same plan (a test
compares a file's with its package's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import (
    Assessment,
    Change,
    Factsheet,
    FollowUp,
    MonitoringRound,
    Party,
    RatingLevel,
    Recommendation,
    RecommendationCode,
    Theme,
    ThemeItem,
)
from assessor.domain.merge import Side
from assessor.exporters.json_export import iso

#: The assessment fields merged one by one, and the follow-up.
FIELDS = ("rating", "comment", "status", "follow_up")
JSON = dict[str, Any]


@dataclass
class RecState:
    """One recommendation as a merge sees it."""

    id: int
    uid: str | None
    codes: tuple[str, ...]
    text: str
    #: The current value of each field, with who set it when.
    sides: dict[str, Side] = field(default_factory=dict)
    #: Every value each field had before (from the history), for finding a common base.
    past: dict[str, set[str | None]] = field(default_factory=lambda: defaultdict(set))
    #: The current follow-up's State's status and references (compared with its text).
    follow_up_state: tuple[str | None, str | None] = (None, None)
    #: The current follow-up's source and the State's date.
    follow_up_meta: tuple[str | None, str | None] = (None, None)
    #: Every earlier version of the follow-up as (text, State's status, references), "" for
    #: what it lacks: a version differing only by its status is one this side moved on from.
    follow_up_versions: set[tuple[str | None, str, str]] = field(default_factory=set)

    @property
    def follow_up_full(self) -> tuple[str | None, str, str]:
        """The current follow-up as (text, State's status, references), "" for what it lacks."""
        status, refs = self.follow_up_state
        return (self.sides["follow_up"].value, status or "", refs or "")


@dataclass
class ThemeState:
    """A theme of the assessor's own recommendations and its items."""

    id: int
    title: str
    #: (item id, text, links)
    items: list[tuple[int, str, tuple[str, ...]]]


@dataclass
class SheetState:
    """One factsheet as a merge sees it."""

    id: int
    party: str
    round: str
    imported_at: str | None
    source: str
    levels: list[str]
    recs: list[RecState]
    themes: list[ThemeState]
    #: Earlier texts of each theme item (by item id), from the history.
    item_past: dict[int, set[str | None]] = field(default_factory=lambda: defaultdict(set))


def through_merge(by: str | None) -> bool:
    """A history entry a merge (or its undo) wrote: the colleague's values passing through.

    Such values are not ones this side once had and moved on from, so they never stand in for
    a common base (else undoing a merge would make the next merge keep mine against theirs).
    """
    text = by or ""
    return "merged from " in text or text.endswith("undo of a merge")


def _sides_from_history(
    recs: dict[int, RecState],
    changes: Iterable[tuple[int, str, str | None, str | None, str, str | None]],
) -> None:
    """Fill ``past`` and the who/when of each field from (id, field, old, new, by, at) rows."""
    for rec_id, name, old, new, by, at in changes:
        rec = recs.get(rec_id)
        if rec is None or name not in FIELDS:
            continue
        if not through_merge(by):
            rec.past[name].update((old, new))
        side = rec.sides.get(name)
        if side is not None and side.value == new:
            rec.sides[name] = Side(side.value, by, at)


# --- theirs: from an export ---------------------------------------------------------------


def sheets_from_export(data: JSON) -> list[SheetState]:
    """Every factsheet of an assessor-json document."""
    history: dict[tuple[str, int], list[JSON]] = defaultdict(list)
    for change in data.get("history") or []:
        history[(change["entity"], change["entity_id"])].append(change)
    sheets = []
    for sheet in data["factsheets"]:
        items = [i for c in sheet["chapters"] for s in c["sections"] for i in s["items"]]
        items += sheet.get("unplaced_recommendations") or []
        items += sheet.get("retired_recommendations") or []
        recs: dict[int, RecState] = {}
        for n, item in enumerate(i for i in items if i["type"] == "recommendation"):
            rec_id = item.get("id", -1 - n)
            recs[rec_id] = _rec_from_export(rec_id, item)
        rows = (
            (rid, c["field"], c.get("old"), c.get("new"), c.get("by") or "", c.get("at"))
            for rid in recs
            for c in history.get(("recommendation", rid), ())
        )
        _sides_from_history(recs, rows)
        themes: list[ThemeState] = []
        state = SheetState(
            id=sheet.get("id", 0),
            party=sheet["party"],
            round=sheet["round"],
            imported_at=sheet.get("imported_at"),
            source=sheet.get("source") or "",
            levels=[lv["key"] for lv in sheet["rating_scale"]],
            recs=list(recs.values()),
            themes=themes,
        )
        for t_n, theme in enumerate(sheet["assessor_recommendations"]):
            entries = []
            for i_n, item in enumerate(theme["items"]):
                item_id = item.get("id", -1 - i_n)
                entries.append((item_id, item["text"], tuple(item.get("links") or ())))
                for c in history.get(("theme_item", item_id), ()):
                    if c["field"] in ("text", "created") and not through_merge(c.get("by")):
                        state.item_past[item_id].update((c.get("old"), c.get("new")))
            themes.append(ThemeState(theme.get("id", -1 - t_n), theme["theme"], entries))
        sheets.append(state)
    return sheets


def _rec_from_export(rec_id: int, item: JSON) -> RecState:
    a = item.get("assessment") or {}
    at, by = a.get("updated_at"), a.get("updated_by") or ""
    rec = RecState(rec_id, item.get("uid"), tuple(item["codes"]), item["text"])
    rec.sides["rating"] = Side(a.get("rating"), by, at)
    rec.sides["comment"] = Side(a.get("comment") or "", by, at)
    rec.sides["status"] = Side(a.get("status") or "draft", by, at)
    source, received = item.get("follow_up_source"), item.get("follow_up_received_at")
    rec.sides["follow_up"] = Side(item.get("follow_up"), source or "", received)
    rec.follow_up_state = (item.get("follow_up_state_status"), item.get("follow_up_references"))
    rec.follow_up_meta = (source, received)
    for version in item.get("follow_up_history") or []:
        rec.past["follow_up"].add(version["text"])
        rec.follow_up_versions.add(
            (version["text"], version.get("state_status") or "", version.get("references") or "")
        )
    return rec


# --- mine: from the database --------------------------------------------------------------


def sheets_from_database(session: Session) -> list[SheetState]:
    """Every factsheet of the open database, read with one query per kind of row."""
    sheets: dict[int, SheetState] = {}
    rows = session.execute(
        select(
            Factsheet.id,
            Party.name,
            MonitoringRound.title,
            Factsheet.imported_at,
            Factsheet.source,
            MonitoringRound.rating_scale_id,
        )
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
    ).all()
    levels: dict[int, list[str]] = defaultdict(list)
    for scale_id, key in session.execute(
        select(RatingLevel.scale_id, RatingLevel.key).order_by(RatingLevel.position)
    ):
        levels[scale_id].append(key)
    for fid, party, title, imported_at, source, scale_id in rows:
        sheets[fid] = SheetState(
            fid, party, title, iso(imported_at), source, levels[scale_id], [], []
        )
    codes: dict[int, list[str]] = defaultdict(list)
    for rid, code in session.execute(
        select(RecommendationCode.recommendation_id, RecommendationCode.code).order_by(
            RecommendationCode.recommendation_id, RecommendationCode.position
        )
    ):
        codes[rid].append(code)
    recs: dict[int, RecState] = {}
    for rid, fid, uid, body in session.execute(
        select(
            Recommendation.id, Recommendation.factsheet_id, Recommendation.uid, Recommendation.text
        ).order_by(Recommendation.factsheet_id, Recommendation.position, Recommendation.id)
    ):
        rec = RecState(rid, uid, tuple(codes[rid]), body)
        rec.sides = {
            "rating": Side(None),
            "comment": Side(""),
            "status": Side("draft"),
            "follow_up": Side(None),
        }
        recs[rid] = rec
        sheets[fid].recs.append(rec)
    for rid, rating, comment, status, at, by in session.execute(
        select(
            Assessment.recommendation_id,
            Assessment.rating,
            Assessment.comment,
            Assessment.status,
            Assessment.updated_at,
            Assessment.updated_by,
        )
    ):
        rec = recs[rid]
        when = iso(at)
        rec.sides["rating"] = Side(rating, by, when)
        rec.sides["comment"] = Side(comment, by, when)
        rec.sides["status"] = Side(status, by, when)
    for rid, text, source, received, superseded, state, refs in session.execute(
        select(
            FollowUp.recommendation_id,
            FollowUp.text,
            FollowUp.source,
            FollowUp.received_at,
            FollowUp.superseded_at,
            FollowUp.state_status,
            FollowUp.state_references,
        ).order_by(FollowUp.received_at, FollowUp.id)
    ):
        rec = recs[rid]
        if superseded is not None:
            rec.past["follow_up"].add(text)
            rec.follow_up_versions.add((text, state or "", refs or ""))
            continue
        rec.sides["follow_up"] = Side(text, source, iso(received))
        rec.follow_up_state = (state, refs)
        rec.follow_up_meta = (source, iso(received))
    _sides_from_history(
        recs,
        (
            (rid, name, old, new, by, iso(at))
            for rid, name, old, new, by, at in session.execute(
                select(Change.entity_id, Change.field, Change.old, Change.new, Change.by, Change.at)
                .where(Change.entity == "recommendation", Change.field.in_(FIELDS))
                .order_by(Change.at, Change.id)
            )
        ),
    )
    themes: dict[int, ThemeState] = {}
    for tid, fid, title in session.execute(
        select(Theme.id, Theme.factsheet_id, Theme.title).order_by(Theme.position, Theme.id)
    ):
        themes[tid] = ThemeState(tid, title, [])
        sheets[fid].themes.append(themes[tid])
    item_sheet: dict[int, SheetState] = {}
    for iid, tid, text, links in session.execute(
        select(ThemeItem.id, ThemeItem.theme_id, ThemeItem.text, ThemeItem.links).order_by(
            ThemeItem.position, ThemeItem.id
        )
    ):
        themes[tid].items.append((iid, text, tuple(links or ())))
        item_sheet[iid] = next(s for s in sheets.values() if themes[tid] in s.themes)
    for iid, old, new, by in session.execute(
        select(Change.entity_id, Change.old, Change.new, Change.by).where(
            Change.entity == "theme_item", Change.field.in_(("text", "created"))
        )
    ):
        if iid in item_sheet and not through_merge(by):
            item_sheet[iid].item_past[iid].update((old, new))
    return list(sheets.values())
