"""What an import is asked about before it writes: whose factsheet, whose themes, replacing what.

Reads only; the window asks the user, the command line refuses (see ``cli.commands``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from assessor.db.engine import Database
from assessor.db.models import Factsheet, Party, Recommendation, Theme
from assessor.i18n import ngettext
from assessor.importers.factsheet_data import ParsedFactsheet
from assessor.importers.recommendations import ThemedRecommendations
from assessor.services.imports import PreparedImport, target_factsheet
from assessor.services.records import party_named, round_titled


@dataclass(frozen=True)
class PartyMismatch:
    """A factsheet whose title names one Party while its text keeps naming another."""

    party: str
    other: str
    party_mentions: int
    other_mentions: int

    def describe(self, source: str) -> str:
        """The mismatch in one sentence."""
        return ngettext(
            "{source}: its title names {party}, but its text names {other} {n} time "
            "({party}: {mentions})",
            "{source}: its title names {party}, but its text names {other} {n} times "
            "({party}: {mentions})",
            self.other_mentions,
        ).format(
            source=source,
            party=self.party,
            other=self.other,
            n=self.other_mentions,
            mentions=self.party_mentions,
        )


def _mentions(name: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(name)}\b", text, re.IGNORECASE))


def party_mismatch(db: Database, prepared: PreparedImport) -> PartyMismatch | None:
    """Whether a factsheet would go to the Party its title names although its text is about
    another Party of the database (a copy edited in part, a wrong title): asked before writing.
    """
    if prepared.factsheet is None or prepared.party is not None:
        return None  # not a factsheet, or the Party was chosen explicitly
    party = prepared.factsheet.party
    with db.reading() as session:
        others = [
            n for n in session.scalars(select(Party.name)) if n.casefold() != party.casefold()
        ]
    counts = {name: _mentions(name, prepared.text) for name in others}
    if not counts:
        return None
    other = max(counts, key=lambda n: counts[n])
    own = _mentions(party, prepared.text)
    if counts[other] >= 3 and counts[other] > 2 * own:
        return PartyMismatch(party, other, own, counts[other])
    return None


@dataclass(frozen=True)
class ThemesTarget:
    """What importing themed recommendations for a Party would replace, to ask first."""

    party: str
    themes: int
    items: int
    #: Other Parties of the database that the file names, while it never names this one.
    others_named: tuple[str, ...] = ()


def themes_target(db: Database, themes: ThemedRecommendations, party: str | None) -> ThemesTarget:
    """The Party themes would go to, what they would replace, and whose names the file uses."""
    with db.reading() as session:
        factsheet = target_factsheet(session, party)
        old = session.scalars(select(Theme).where(Theme.factsheet_id == factsheet.id)).all()
        names = session.scalars(select(Party.name)).all()
        target = factsheet.party.name
        items = sum(len(t.items) for t in old)
    text = " ".join(
        [t.title or "" for t in themes.themes] + [i.text for t in themes.themes for i in t.items]
    )

    def named(name: str) -> bool:
        return re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None

    others = () if named(target) else tuple(n for n in names if n != target and named(n))
    return ThemesTarget(target, len(old), items, others)


def reimport_preview(db: Database, parsed: ParsedFactsheet) -> list[str]:
    """What importing ``parsed`` would change in the Party's factsheet of that round, in words
    (empty when it would be a new factsheet): said before anything is written."""
    with db.reading() as session:
        party = party_named(session, parsed.party)
        rnd = round_titled(session, parsed.round_title)
        factsheet = (
            None
            if party is None or rnd is None
            else session.scalar(
                select(Factsheet).where(
                    Factsheet.party_id == party.id, Factsheet.round_id == rnd.id
                )
            )
        )
        if factsheet is None or party is None:
            return []
        party_name = party.name
        recs = session.scalars(
            select(Recommendation).where(
                Recommendation.factsheet_id == factsheet.id, Recommendation.retired_at.is_(None)
            )
        ).all()
        current = [([c.code for c in r.codes], r.verb) for r in recs]
        rated = sum(1 for r in recs if r.assessment is not None and r.assessment.rating)
    in_file = {c for r in parsed.recommendations for c in r.codes}
    gone = [", ".join(codes) for codes, _verb in current if not set(codes) & in_file]
    known = {code: verb for codes, verb in current for code in codes}
    new = [", ".join(r.codes) for r in parsed.recommendations if not set(r.codes) & set(known)]
    verbs = [
        f"{', '.join(r.codes)} {known[r.codes[0]]} → {r.verb}"
        for r in parsed.recommendations
        if r.codes[0] in known and known[r.codes[0]] != r.verb
    ]
    lines = [
        ngettext(
            "This is a re-import of the factsheet of {party} ({n} recommendation, {rated} "
            "rated); ratings and comments are kept.",
            "This is a re-import of the factsheet of {party} ({n} recommendations, {rated} "
            "rated); ratings and comments are kept.",
            len(current),
        ).format(party=party_name, n=len(current), rated=rated)
    ]
    if gone:
        lines.append(
            ngettext(
                "{n} recommendation would no longer be in the factsheet and would be retired "
                "(kept with its rating): {codes}",
                "{n} recommendations would no longer be in the factsheet and would be retired "
                "(kept with their ratings): {codes}",
                len(gone),
            ).format(n=len(gone), codes=_listing(gone))
        )
    if new:
        lines.append(
            ngettext(
                "{n} new recommendation: {codes}", "{n} new recommendations: {codes}", len(new)
            ).format(n=len(new), codes=_listing(new))
        )
    if verbs:
        lines.append(
            ngettext(
                "{n} verb would change: {changes}", "{n} verbs would change: {changes}", len(verbs)
            ).format(n=len(verbs), changes=_listing(verbs))
        )
    return lines


def _listing(items: list[str], n: int = 12) -> str:
    return "; ".join(items[:n]) + ("; …" if len(items) > n else "")
