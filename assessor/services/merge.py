"""Merging a colleague's assessment (a package, or another database) into this one.

``prepare_merge`` reads both sides and sorts every difference (nothing is written);
``apply_merge`` writes the differences taken and the choices made for the conflicts in one
transaction, every change in the history as "merged from Ann's package of 2026-05-01", and
returns what the window needs to show it and take it back in one undo step (``undo_merge``).

A common base: two assessments share no ancestor file, so the histories stand in for one. A
value of theirs that mine once had (and moved on from) is old: mine is kept; a value of mine
that theirs once had is old: theirs is taken; a value only one side has is that side's. Any
other pair of different values is a conflict, also when there is no history to tell.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database, open_database
from assessor.db.models import Assessment, FollowUp, Recommendation, Theme, ThemeItem, utcnow
from assessor.domain.agreement import agreement
from assessor.domain.merge import Choice, Difference, FactsheetMatch, Kind, MergePlan, Side
from assessor.exporters.json_export import dumps, export_json, iso
from assessor.importers.json_file import parse_json_bytes
from assessor.importers.package_file import ParsedPackage
from assessor.services.changes import NOTHING, Changes
from assessor.services.errors import ServiceError
from assessor.services.history import record
from assessor.services.merge_read import (
    RecState,
    SheetState,
    sheets_from_database,
    sheets_from_export,
)

_EMPTY: dict[str, str | None] = {
    "rating": None,
    "comment": "",
    "status": "draft",
    "follow_up": None,
}


# --- preparing ----------------------------------------------------------------------------


def prepare_merge(
    db: Database, theirs: ParsedPackage | str | os.PathLike[str], passphrase: str | None = None
) -> MergePlan:
    """Sort every difference between this database and a package or another database file.

    ``theirs`` is a read package, or the path of another Assessor database (opened read-only,
    with ``passphrase`` if it is encrypted, and read through the JSON export). Refused with a
    ``ServiceError`` when it holds a Party this database has not, or another round.
    """
    if isinstance(theirs, ParsedPackage):
        data = theirs.assessment.data
        name = theirs.by or "a colleague"
        written = theirs.manifest.get("written_at")
        source = f"{name}'s package of {(written or '?')[:10]}"
    else:
        data, name, written = _read_database(Path(theirs), passphrase)
        source = f"the database {name} of {(written or '?')[:10]}"
    with db.reading() as s:
        mine = sheets_from_database(s)
    return _plan(mine, sheets_from_export(data), source, name, written)


def _read_database(path: Path, passphrase: str | None) -> tuple[dict[str, Any], str, str | None]:
    if not path.is_file():
        raise ServiceError(f"{path}: no such database file.")
    other = open_database(path, read_only=True, passphrase=passphrase, backup=False, create=False)
    try:
        data = export_json(other)
    finally:
        other.close()
    # Through the same reader as a file, so a database of a newer format is refused alike.
    parsed = parse_json_bytes(dumps(data), path.name)
    written = iso(datetime.fromtimestamp(path.stat().st_mtime).astimezone())
    return parsed.data, path.name, written


def _plan(
    mine: list[SheetState], theirs: list[SheetState], source: str, name: str, written: str | None
) -> MergePlan:
    by_party: dict[str, list[SheetState]] = {}
    for sheet in mine:
        by_party.setdefault(sheet.party.casefold(), []).append(sheet)
    pairs: list[tuple[SheetState, SheetState]] = []
    for their in theirs:
        candidates = by_party.get(their.party.casefold())
        if not candidates:
            raise ServiceError(
                f"The assessment of {their.party} in {source} is of a Party this database does "
                f"not hold; import {their.party}'s factsheet first, or ask for a package of the "
                "Parties you have."
            )
        same_round = [m for m in candidates if m.round.casefold() == their.round.casefold()]
        if not same_round:
            rounds = "; ".join(m.round for m in candidates)
            raise ServiceError(
                f"{source} assesses {their.party} for another round (“{their.round}”) than this "
                f"database holds (“{rounds}”); nothing was merged."
            )
        pairs.append((same_round[0], their))
    differences: list[Difference] = []
    same: dict[str, int] = {}
    matches: list[FactsheetMatch] = []
    rating_pairs: list[tuple[str, str]] = []
    levels: list[str] = []
    for my_sheet, their_sheet in pairs:
        match = _match_sheet(my_sheet, their_sheet, differences, same, rating_pairs)
        matches.append(match)
        levels += [lv for lv in my_sheet.levels if lv not in levels]
        _compare_themes(my_sheet, their_sheet, differences, same)
    return MergePlan(
        source=source,
        their_name=name,
        written_at=written,
        factsheets=tuple(matches),
        differences=tuple(differences),
        same=tuple(sorted(same.items())),
        agreement=agreement(rating_pairs, levels),
    )


def _match_sheet(
    mine: SheetState,
    theirs: SheetState,
    out: list[Difference],
    same: dict[str, int],
    rating_pairs: list[tuple[str, str]],
) -> FactsheetMatch:
    by_uid = {r.uid: r for r in mine.recs if r.uid}
    by_codes = {r.codes: r for r in mine.recs}
    by_code = {c: r for r in mine.recs for c in r.codes}
    unmatched: list[str] = []
    taken: set[int] = set()
    text_differs = False
    for their in theirs.recs:
        rec = by_uid.get(their.uid) if their.uid else None
        rec = (
            rec
            or by_codes.get(their.codes)
            or next((by_code[c] for c in their.codes if c in by_code), None)
        )
        if rec is None or rec.id in taken:
            unmatched.append(", ".join(their.codes))
            continue
        taken.add(rec.id)
        text_differs |= rec.text != their.text
        mr, tr = rec.sides["rating"].value, their.sides["rating"].value
        if mr is not None and tr is not None:
            rating_pairs.append((mr, tr))
        for name in ("rating", "comment", "status", "follow_up"):
            kind = _classify(name, rec, their)
            if kind is None:
                same[name] = same.get(name, 0) + 1
                continue
            out.append(_difference(mine, rec, their, name, kind))
    newer = (theirs.imported_at or "") > (mine.imported_at or "")
    return FactsheetMatch(
        party=mine.party,
        round=mine.round,
        factsheet_id=mine.id,
        reimport_offered=newer and (bool(unmatched) or text_differs),
        unmatched=tuple(unmatched),
        matched=len(taken),
    )


def _value(rec: RecState, name: str) -> tuple[str | None, ...]:
    value = rec.sides[name].value
    return (value, *rec.follow_up_state) if name == "follow_up" else (value,)


def _classify(name: str, mine: RecState, theirs: RecState) -> Kind | None:
    """None when the same; else who changed it (see the module's note on the common base)."""
    if _value(mine, name) == _value(theirs, name):
        return None
    m, t = mine.sides[name].value, theirs.sides[name].value
    theirs_is_old = t in mine.past[name] and t != m
    mine_is_old = m in theirs.past[name] and t != m
    if theirs_is_old != mine_is_old:
        return Kind.ONLY_MINE if theirs_is_old else Kind.ONLY_THEIRS
    if m == t:  # a follow-up whose text agrees but not its State's status or references
        return Kind.CONFLICT
    if not (theirs_is_old or mine_is_old):
        if t == _EMPTY[name]:
            return Kind.ONLY_MINE
        if m == _EMPTY[name]:
            return Kind.ONLY_THEIRS
    return Kind.CONFLICT


def _difference(
    sheet: SheetState, mine: RecState, theirs: RecState, name: str, kind: Kind
) -> Difference:
    details: tuple[tuple[str, str | None], ...] = ()
    if name == "follow_up":
        details = (
            ("source", theirs.follow_up_meta[0]),
            ("received_at", theirs.follow_up_meta[1]),
            ("state_status", theirs.follow_up_state[0]),
            ("references", theirs.follow_up_state[1]),
            ("mine_state_status", mine.follow_up_state[0]),
            ("mine_references", mine.follow_up_state[1]),
        )
    return Difference(
        key=f"rec:{mine.id}:{name}",
        kind=kind,
        subject=name,
        party=sheet.party,
        round=sheet.round,
        label=", ".join(mine.codes),
        factsheet_id=sheet.id,
        recommendation_id=mine.id,
        mine=mine.sides[name],
        theirs=theirs.sides[name],
        details=details,
    )


def _compare_themes(
    mine: SheetState, theirs: SheetState, out: list[Difference], same: dict[str, int]
) -> None:
    my_themes = {t.title.casefold(): t for t in mine.themes}
    for their_theme in theirs.themes:
        my_theme = my_themes.get(their_theme.title.casefold())
        my_items = list(my_theme.items) if my_theme else []
        their_items = list(their_theme.items)
        my_texts = {text: (iid, links) for iid, text, links in my_items}
        left_mine = [i for i in my_items if i[1] not in {t for _, t, _ in their_items}]
        left_theirs: list[tuple[int, str, tuple[str, ...]]] = []
        for item in their_items:
            found = my_texts.get(item[1])
            if found is None:
                left_theirs.append(item)
            elif set(found[1]) == set(item[2]):
                same["theme_item"] = same.get("theme_item", 0) + 1
            else:  # the same text with other links: theirs add to mine
                out.append(
                    _theme_difference(
                        mine, their_theme.title, n=len(out), kind=Kind.ONLY_THEIRS,
                        mine_item=(found[0], item[1], found[1]), their_item=item, links=True,
                    )
                )  # fmt: skip
        for n, their_item in enumerate(left_theirs):
            my_item = left_mine[n] if n < len(left_mine) else None
            if my_item is None:
                kind = Kind.ONLY_THEIRS
            elif their_item[1] in mine.item_past.get(my_item[0], set()):
                kind = Kind.ONLY_MINE  # theirs is a text I have since edited
            elif my_item[1] in theirs.item_past.get(their_item[0], set()):
                kind = Kind.ONLY_THEIRS
            else:
                kind = Kind.CONFLICT
            out.append(
                _theme_difference(
                    mine, their_theme.title, n=len(out), kind=kind,
                    mine_item=my_item, their_item=their_item,
                )
            )  # fmt: skip


def _theme_difference(
    sheet: SheetState,
    title: str,
    *,
    n: int,
    kind: Kind,
    mine_item: tuple[int, str, tuple[str, ...]] | None,
    their_item: tuple[int, str, tuple[str, ...]],
    links: bool = False,
) -> Difference:
    return Difference(
        key=f"theme:{sheet.id}:{n}",
        kind=kind,
        subject="theme_item",
        party=sheet.party,
        round=sheet.round,
        label=title,
        factsheet_id=sheet.id,
        recommendation_id=None,
        mine=Side(mine_item[1] if mine_item else None),
        theirs=Side(their_item[1]),
        details=(
            ("theme", title),
            ("links", ",".join(their_item[2])),
            ("mine_item_id", str(mine_item[0]) if mine_item else None),
            ("links_only", "yes" if links else None),
        ),
    )


# --- applying -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeResult:
    """What ``apply_merge`` wrote, and what ``undo_merge`` needs to take it back."""

    changes: Changes
    applied: int
    #: (recommendation id, assessment fields before, or None when there was no assessment)
    assessments_before: tuple[tuple[int, tuple[object, ...] | None], ...] = ()
    #: (new follow-up id, the id of the version it superseded or None)
    follow_ups_added: tuple[tuple[int, int | None], ...] = ()
    #: theme items created, and (item id, text, links) of items changed
    items_added: tuple[int, ...] = ()
    items_before: tuple[tuple[int, str, tuple[str, ...]], ...] = ()
    themes_added: tuple[int, ...] = ()
    by: str = ""
    notes: tuple[str, ...] = field(default=())


def unresolved(plan: MergePlan, choices: Mapping[str, Choice | str]) -> list[Difference]:
    """The conflicts that have no choice."""
    return [d for d in plan.conflicts if d.key not in choices]


def apply_merge(
    db: Database,
    plan: MergePlan,
    choices: Mapping[str, Choice | str] | None = None,
    *,
    prefer: Choice | str | None = None,
    by: str = "",
) -> MergeResult:
    """Write the plan: theirs where only they changed, the choice made for each conflict.

    ``prefer`` ("mine" or "theirs") decides every conflict without a choice; without it every
    conflict needs one (a ``ServiceError`` lists those missing). Refused, with nothing written,
    when this database changed since the plan was prepared.
    """
    choices = dict(choices or {})
    if prefer is not None:
        wanted = Choice(prefer)
        if wanted is Choice.BOTH:
            raise ServiceError("Prefer “mine” or “theirs”; keeping both is chosen per comment.")
        choices = {d.key: wanted for d in unresolved(plan, choices)} | choices
    missing = unresolved(plan, choices)
    if missing:
        listed = "; ".join(f"{d.party} {d.label} ({d.subject})" for d in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        raise ServiceError(
            f"{len(missing)} conflicts need a choice (keep mine or take theirs): {listed}{more}."
        )
    for d in plan.conflicts:
        if Choice(choices[d.key]) not in d.choices:
            raise ServiceError(f"{d.party} {d.label}: the {d.subject} cannot keep both.")
    signer = f"{by}, merged from {plan.source}" if by else f"merged from {plan.source}"
    return _Applier(db, plan, choices, signer[:200]).run()


def _sign(text: str, side: Side) -> str:
    who = side.by or "?"
    when = (side.at or "")[:10]
    return f"{text}\n\n— {who}, {when}" if when else f"{text}\n\n— {who}"


class _Applier:
    def __init__(
        self, db: Database, plan: MergePlan, choices: Mapping[str, Choice | str], by: str
    ) -> None:
        self.db, self.plan, self.choices, self.by = db, plan, choices, by
        self.at = utcnow()
        self.recs: set[int] = set()
        self.themes: set[int] = set()
        self.before: dict[int, tuple[object, ...] | None] = {}
        self.follow_ups: list[tuple[int, int | None]] = []
        self.items_added: list[int] = []
        self.items_before: list[tuple[int, str, tuple[str, ...]]] = []
        self.themes_added: list[int] = []
        self.applied = 0

    def wanted(self, d: Difference) -> Choice | None:
        if d.kind is Kind.ONLY_THEIRS:
            return Choice.THEIRS
        if d.kind is Kind.CONFLICT:
            choice = Choice(self.choices[d.key])
            return None if choice is Choice.MINE else choice
        return None

    def run(self) -> MergeResult:
        todo = [(d, c) for d in self.plan.differences if (c := self.wanted(d)) is not None]
        with self.db.transaction() as s:
            ids = {d.recommendation_id for d, _ in todo if d.recommendation_id is not None}
            recs = {
                r.id: r
                for r in s.scalars(select(Recommendation).where(Recommendation.id.in_(ids)))
            } if ids else {}  # fmt: skip
            for d, choice in todo:
                if d.recommendation_id is None:
                    self.theme_item(s, d, choice)
                    continue
                rec = recs.get(d.recommendation_id)
                if rec is None:
                    raise _stale(d)
                if d.subject == "follow_up":
                    self.follow_up(s, rec, d)
                else:
                    self.assessment(s, rec, d, choice)
                self.recs.add(rec.id)
                self.applied += 1
        changes = Changes(recommendations=frozenset(self.recs), themes=frozenset(self.themes))
        return MergeResult(
            changes=changes if self.applied else NOTHING,
            applied=self.applied,
            assessments_before=tuple(self.before.items()),
            follow_ups_added=tuple(self.follow_ups),
            items_added=tuple(self.items_added),
            items_before=tuple(self.items_before),
            themes_added=tuple(self.themes_added),
            by=self.by,
        )

    def assessment(self, s: Session, rec: Recommendation, d: Difference, choice: Choice) -> None:
        a = rec.assessment
        current = {
            "rating": a.rating if a else None,
            "comment": a.comment if a else "",
            "status": a.status if a else "draft",
        }[d.subject]
        if current != d.mine.value:
            raise _stale(d)
        if rec.id not in self.before:
            self.before[rec.id] = (
                (a.rating, a.comment, a.status, a.updated_at, a.updated_by) if a else None
            )
        if a is None:
            a = Assessment(recommendation=rec, rating=None, comment="", status="draft")
            s.add(a)
        new = d.theirs.value
        if choice is Choice.BOTH:
            new = f"{_sign(d.mine.value or '', d.mine)}\n\n{_sign(d.theirs.value or '', d.theirs)}"
        record(s, "recommendation", rec.id, d.subject, current, new, self.at, self.by)
        setattr(a, d.subject, new if new is not None or d.subject == "rating" else "")
        a.updated_at, a.updated_by = self.at, self.by

    def follow_up(self, s: Session, rec: Recommendation, d: Difference) -> None:
        current = next((f for f in rec.follow_ups if f.superseded_at is None), None)
        if (current.text if current else None) != d.mine.value:
            raise _stale(d)
        old_status = current.state_status if current else None
        old_refs = current.state_references if current else None
        if current is not None:
            current.superseded_at = self.at
        added = None
        if d.theirs.value is not None:
            received = d.detail("received_at")
            added = FollowUp(
                recommendation=rec,
                text=d.theirs.value,
                source=d.detail("source") or "",
                received_at=datetime.fromisoformat(received) if received else self.at,
                recorded_at=self.at,
                state_status=d.detail("state_status"),
                state_references=d.detail("references"),
            )
            s.add(added)
            s.flush()
        self.follow_ups.append((added.id if added else -1, current.id if current else None))
        record(
            s, "recommendation", rec.id, "follow_up", d.mine.value, d.theirs.value, self.at, self.by
        )
        new_status = d.detail("state_status") if added else None
        new_refs = d.detail("references") if added else None
        record(
            s,
            "recommendation",
            rec.id,
            "follow_up_state_status",
            old_status,
            new_status,
            self.at,
            self.by,
        )
        record(
            s,
            "recommendation",
            rec.id,
            "follow_up_references",
            old_refs,
            new_refs,
            self.at,
            self.by,
        )

    def theme_item(self, s: Session, d: Difference, choice: Choice) -> None:
        links = [x for x in (d.detail("links") or "").split(",") if x]
        mine_id = d.detail("mine_item_id")
        item = s.get(ThemeItem, int(mine_id)) if mine_id else None
        if mine_id and (item is None or (item.text != d.mine.value)):
            raise _stale(d)
        self.themes.add(d.factsheet_id)
        self.applied += 1
        if item is not None and d.detail("links_only"):
            self.items_before.append((item.id, item.text, tuple(item.links or ())))
            merged = list(dict.fromkeys([*(item.links or []), *links]))
            record(s, "theme_item", item.id, "links", item.links, merged, self.at, self.by)
            item.links = merged
            return
        if item is not None and choice is Choice.THEIRS and d.kind is Kind.CONFLICT:
            self.items_before.append((item.id, item.text, tuple(item.links or ())))
            record(s, "theme_item", item.id, "text", item.text, d.theirs.value, self.at, self.by)
            record(s, "theme_item", item.id, "links", item.links, links, self.at, self.by)
            item.text, item.links = d.theirs.value or "", links
            return
        if item is not None and d.kind is Kind.ONLY_THEIRS:
            self.items_before.append((item.id, item.text, tuple(item.links or ())))
            record(s, "theme_item", item.id, "text", item.text, d.theirs.value, self.at, self.by)
            item.text, item.links = d.theirs.value or "", links
            return
        # Added: only theirs have it, or both are kept (theirs after mine).
        theme = item.theme if item is not None else self.theme(s, d)
        position = (item.position + 1) if item is not None else len(theme.items)
        for other in theme.items:
            if other.position >= position:
                other.position += 1
        new = ThemeItem(theme=theme, position=position, text=d.theirs.value or "", links=links)
        s.add(new)
        s.flush()
        self.items_added.append(new.id)
        record(s, "theme_item", new.id, "created", None, new.text, self.at, self.by)

    def theme(self, s: Session, d: Difference) -> Theme:
        title = d.detail("theme") or d.label
        themes = s.scalars(select(Theme).where(Theme.factsheet_id == d.factsheet_id)).all()
        found = next((t for t in themes if t.title.casefold() == title.casefold()), None)
        if found is not None:
            return found
        theme = Theme(factsheet_id=d.factsheet_id, position=len(themes), title=title)
        s.add(theme)
        s.flush()
        self.themes_added.append(theme.id)
        record(s, "theme", theme.id, "created", None, title, self.at, self.by)
        return theme


def _stale(d: Difference) -> ServiceError:
    return ServiceError(
        f"{d.party} {d.label} changed here since the merge was prepared; prepare it again "
        "(nothing was merged)."
    )


def undo_merge(db: Database, result: MergeResult, by: str = "") -> Changes:
    """Take a merge back in one transaction: every value it wrote returns to what it was."""
    label = f"{by}, undo of a merge" if by else "undo of a merge"
    at = utcnow()
    with db.transaction() as s:
        for rec_id, before in result.assessments_before:
            rec = s.get(Recommendation, rec_id)
            if rec is None or rec.assessment is None:
                continue
            a = rec.assessment
            old = before or (None, "", "draft", None, None)
            for name, value in zip(("rating", "comment", "status"), old[:3], strict=True):
                record(s, "recommendation", rec_id, name, getattr(a, name), value, at, label)
            if before is None:
                s.delete(a)
            else:
                a.rating, a.comment, a.status = before[0], before[1], before[2]  # type: ignore[assignment]
                a.updated_at, a.updated_by = before[3], before[4]  # type: ignore[assignment]
        for added_id, previous_id in result.follow_ups_added:
            added = s.get(FollowUp, added_id) if added_id > 0 else None
            previous = s.get(FollowUp, previous_id) if previous_id else None
            either = added or previous
            owner = either.recommendation_id if either is not None else None
            if added is not None:
                s.delete(added)
            if previous is not None:
                previous.superseded_at = None
            if owner is not None:
                record(
                    s, "recommendation", owner, "follow_up",
                    added.text if added else None, previous.text if previous else None, at, label,
                )  # fmt: skip
        for item_id in result.items_added:
            item = s.get(ThemeItem, item_id)
            if item is not None:
                record(s, "theme_item", item_id, "deleted", item.text, None, at, label)
                s.delete(item)
        for item_id, text, links in result.items_before:
            item = s.get(ThemeItem, item_id)
            if item is not None:
                record(s, "theme_item", item_id, "text", item.text, text, at, label)
                item.text, item.links = text, list(links)
        for theme_id in result.themes_added:
            theme = s.get(Theme, theme_id)
            if theme is not None:
                record(s, "theme", theme_id, "deleted", theme.title, None, at, label)
                s.delete(theme)
    return result.changes
