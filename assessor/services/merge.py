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
import zipfile
from datetime import datetime
from pathlib import Path

from assessor.db.engine import Database, open_database
from assessor.domain.agreement import agreement
from assessor.domain.merge import Difference, FactsheetMatch, Kind, MergePlan, Side
from assessor.domain.names import party_key, round_number
from assessor.exporters.json_export import iso
from assessor.i18n import _
from assessor.importers.package_file import PACKAGE_SUFFIX, ParsedPackage, starts_as_zip
from assessor.services.errors import ServiceError
from assessor.services.merge_apply import (  # applying: one way in for callers, from here
    MergeResult,
    apply_merge,
    undo_merge,
    unresolved,
)
from assessor.services.merge_read import (
    RecState,
    SheetState,
    sheets_from_database,
    sheets_from_export,
)

__all__ = ["MergeResult", "apply_merge", "prepare_merge", "undo_merge", "unresolved"]

_EMPTY: dict[str, str | None] = {
    "rating": None,
    "comment": "",
    "status": "draft",
    "follow_up": None,
}


# --- preparing ----------------------------------------------------------------------------


def is_package(path: str | os.PathLike[str]) -> bool:
    """A package (a zip, whole or cut short, or a file named *.assessor, there or not) rather
    than a colleague's whole database, plain or encrypted."""
    if Path(path).suffix.casefold() == PACKAGE_SUFFIX:
        return True
    return starts_as_zip(path) or zipfile.is_zipfile(path)


def prepare_merge(
    db: Database, theirs: ParsedPackage | str | os.PathLike[str], passphrase: str | None = None
) -> MergePlan:
    """Sort every difference between this database and a package or another database file.

    ``theirs`` is a read package, or the path of another Assessor database (opened read-only,
    with ``passphrase`` if it is encrypted, and read with the same queries as this one). Refused
    with a ``ServiceError`` when it holds a Party this database has not, or another round.
    """
    if isinstance(theirs, ParsedPackage):
        name = theirs.by or "a colleague"
        written = theirs.manifest.get("written_at")
        their_sheets = sheets_from_export(theirs.assessment.data)
        kind = "package"
    else:
        their_sheets, name, written = _read_database(Path(theirs), passphrase)
        kind = "database"
    with db.reading() as s:
        mine = sheets_from_database(s)
    by = theirs.by if isinstance(theirs, ParsedPackage) else ""
    return _plan(mine, their_sheets, source_names(kind, by, name, written), name, written)


def source_names(kind: str, by: str, name: str, written: str | None) -> tuple[str, str]:
    """Where their work comes from: in English as the history records it (data, one language
    whoever reads it), and in the user's language for what is shown."""
    day = (written or "?")[:10]
    if kind == "database":
        return f"the database {name} of {day}", _("the database {name} of {day}").format(
            name=name, day=day
        )
    if not by:
        return f"a colleague's package of {day}", _("a colleague's package of {day}").format(
            day=day
        )
    return f"{by}'s package of {day}", _("{name}'s package of {day}").format(name=by, day=day)


def _read_database(path: Path, passphrase: str | None) -> tuple[list[SheetState], str, str | None]:
    """Their sheets straight from their database, with the same light queries as mine.

    Opened read-only, which refuses a file of another schema version (newer or older) with a
    clear message, as a package of a newer format is refused.
    """
    if not path.is_file():
        raise ServiceError(_("{path}: no such database file.").format(path=path))
    other = open_database(path, read_only=True, passphrase=passphrase, backup=False, create=False)
    try:
        with other.reading() as s:
            sheets = sheets_from_database(s)
    finally:
        other.close()
    written = iso(datetime.fromtimestamp(path.stat().st_mtime).astimezone())
    return sheets, path.name, written


def _plan(
    mine: list[SheetState],
    theirs: list[SheetState],
    sources: tuple[str, str],
    name: str,
    written: str | None,
) -> MergePlan:
    source, shown = sources
    by_party: dict[str, list[SheetState]] = {}
    for sheet in mine:  # "Albanie" is "Albania": one Party whichever language names it
        by_party.setdefault(party_key(sheet.party), []).append(sheet)
    pairs: list[tuple[SheetState, SheetState]] = []
    for their in theirs:
        candidates = by_party.get(party_key(their.party))
        if not candidates:
            raise ServiceError(
                _(
                    "The assessment of {party} in {source} is of a Party this database does "
                    "not hold; import {party}'s factsheet first, or ask for a package of the "
                    "Parties you have."
                ).format(party=their.party, source=shown)
            )
        # The Party written alike first ("Party 01" and "Party 02" have one key without digits).
        exact = [m for m in candidates if m.party.casefold() == their.party.casefold()]
        candidates = exact or candidates
        same_round = [m for m in candidates if m.round.casefold() == their.round.casefold()]
        number = round_number(their.round)  # "2e cycle de suivi" is the 2nd monitoring round
        same_round = same_round or [
            m for m in candidates if number is not None and round_number(m.round) == number
        ]
        if not same_round:
            rounds = "; ".join(m.round for m in candidates)
            raise ServiceError(
                _(
                    "{source} assesses {party} for another round (“{round}”) than this "
                    "database holds (“{rounds}”); nothing was merged."
                ).format(source=shown, party=their.party, round=their.round, rounds=rounds)
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
        source_shown=shown,
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
    return rec.follow_up_full if name == "follow_up" else (rec.sides[name].value,)


def _classify(name: str, mine: RecState, theirs: RecState) -> Kind | None:
    """None when the same; else who changed it (see the module's note on the common base).

    A follow-up is compared whole — its text, the State's status and references: one side's
    whole version among the other's earlier ones is the common base that side moved on from,
    so a status changed on one side only (a questionnaire answering with a status) is that
    side's change, not a conflict between two identical texts.
    """
    if _value(mine, name) == _value(theirs, name):
        return None
    m, t = mine.sides[name].value, theirs.sides[name].value
    theirs_is_old = t in mine.past[name] and t != m
    mine_is_old = m in theirs.past[name] and t != m
    if name == "follow_up":
        theirs_is_old |= theirs.follow_up_full in mine.follow_up_versions
        mine_is_old |= mine.follow_up_full in theirs.follow_up_versions
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
