"""Finding a recommendation or a Party from what a person typed: "iv-5", "IV 5", "II-1, II-3".

A code is read the way people write it — any case, a space, dot or dash between the numeral
and the number, or the tree's own label for a recommendation with several codes — and an
unknown code or Party is answered with the nearest there are, never a bare "not found".
"""

from __future__ import annotations

import difflib
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import Factsheet, MonitoringRound, Party, Recommendation, RecommendationCode
from assessor.i18n import _
from assessor.services.errors import ServiceError

#: "IV-5", "iv 5", "IV.5", "IV–5": a numeral, a separator (or none), a number.
_TYPED_CODE = re.compile(r"\b([IVXLivxl]{1,6})\s*[-‐‑–—._ ]?\s*(\d{1,3})\b")


#: "4-5", "4.5": a chapter typed in Arabic numerals (read as IV-5 when no Roman code is typed).
_ARABIC_CODE = re.compile(r"(?<![\d.,-])([1-9]\d?)\s*[-‐‑–—.]\s*(\d{1,3})(?![\d.,-]*\d)")
_ROMAN = (
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def typed_codes(text: str) -> list[str]:
    """The codes a person typed, in canonical form (``IV-5``), in order, without repeats.

    A chapter typed in Arabic numerals ("4-5") is read as the Roman one (IV-5) when the text
    has no Roman code at all.
    """
    found: dict[str, None] = {}
    for m in _TYPED_CODE.finditer(text):
        found.setdefault(f"{m.group(1).upper()}-{int(m.group(2))}")
    if not found:
        for m in _ARABIC_CODE.finditer(text):
            chapter = int(m.group(1))
            if chapter <= 39:
                found.setdefault(f"{_roman(chapter)}-{int(m.group(2))}")
    return list(found)


def canonical_code(text: str) -> str:
    """The first code in what was typed, as the factsheet writes it; the text itself if none."""
    codes = typed_codes(text)
    return codes[0] if codes else " ".join(text.split()).upper()


def find_party(session: Session, name: str) -> Party:
    """The Party named ``name``: exactly (any case), else the only one whose name starts so."""
    wanted = name.strip().casefold()
    parties = session.scalars(select(Party).order_by(Party.name)).all()
    exact = [p for p in parties if p.name.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [p for p in parties if wanted and p.name.casefold().startswith(wanted)]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(p.name for p in partial)
        raise ServiceError(
            _("“{name}” matches several Parties ({names}); give the full name.").format(
                name=name, names=names
            )
        )
    there = ", ".join(p.name for p in parties) or _("none yet")
    raise ServiceError(
        _("There is no Party called “{name}” in this database (Parties: {there}).").format(
            name=name, there=there
        )
    )


def find_by_code(session: Session, code: str, party: str | None = None) -> Recommendation:
    """The recommendation carrying ``code``, in the factsheet of ``party`` if given.

    ``code`` may be the tree's label of a recommendation with several codes ("II-1, II-3"):
    they must all name the same recommendation.
    """
    codes = typed_codes(code) or [canonical_code(code)]
    query = (
        select(Recommendation, Party.name, MonitoringRound.title, RecommendationCode.code)
        .join(RecommendationCode, RecommendationCode.recommendation_id == Recommendation.id)
        .join(Factsheet, Factsheet.id == Recommendation.factsheet_id)
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .where(RecommendationCode.code.in_(codes))
        .order_by(Party.name, MonitoringRound.title)
    )
    found_party: Party | None = None
    if party is not None:
        found_party = find_party(session, party)
        query = query.where(Party.id == found_party.id)
    rows = session.execute(query).all()
    wanted = ", ".join(codes)
    current = [r for r in rows if r[0].retired_at is None]
    if rows and not current:
        raise ServiceError(
            _(
                "{wanted} is no longer in the current factsheet of {party} (the last import "
                "did not name it): it is kept with its rating and comes back when a file naming it "
                "is imported."
            ).format(wanted=wanted, party=rows[0][1])
        )
    rows = current
    if not rows:
        near = _nearest(session, codes[0], found_party)
        party_name = found_party.name if found_party is not None else ""
        if near and party_name:
            text = _(
                "No recommendation has the code {wanted} in the factsheets of {party}; did you "
                "mean {near}?"
            )
        elif near:
            text = _("No recommendation has the code {wanted}; did you mean {near}?")
        elif party_name:
            text = _("No recommendation has the code {wanted} in the factsheets of {party}.")
        else:
            text = _("No recommendation has the code {wanted}.")
        raise ServiceError(text.format(wanted=wanted, party=party_name, near=_(" or ").join(near)))
    recommendations = {r[0].id: r for r in rows}
    if len(recommendations) > 1:
        by_party = dict.fromkeys(r[1] for r in rows)
        if len(codes) > 1 and len(by_party) == 1:
            raise ServiceError(
                _("The codes {wanted} belong to different recommendations.").format(wanted=wanted)
            )
        if party is None:
            names = ", ".join(by_party)
            raise ServiceError(
                _(
                    "The code {wanted} is in several factsheets ({names}); choose one with --party."
                ).format(wanted=wanted, names=names)
            )
        rounds = "; ".join(dict.fromkeys(r[2] for r in rows))
        raise ServiceError(
            _(
                "The code {wanted} is in several rounds of {party} ({rounds}); "
                "rate it in the window instead."
            ).format(wanted=wanted, party=rows[0][1], rounds=rounds)
        )
    rec: Recommendation = rows[0][0]
    return rec


def _nearest(session: Session, code: str, party: Party | None, n: int = 3) -> list[str]:
    """The codes closest to one that does not exist: the same chapter's neighbours first."""
    query = select(RecommendationCode.code).distinct()
    if party is not None:
        query = (
            query.join(Recommendation, Recommendation.id == RecommendationCode.recommendation_id)
            .join(Factsheet, Factsheet.id == Recommendation.factsheet_id)
            .where(Factsheet.party_id == party.id)
        )
    known = list(session.scalars(query))
    numeral, _, number = code.partition("-")
    if number.isdigit():
        same = [c for c in known if c.split("-")[0] == numeral]
        same.sort(key=lambda c: abs(int(c.split("-")[1]) - int(number)))
        if same:
            return sorted(same[:2], key=lambda c: int(c.split("-")[1]))
    return difflib.get_close_matches(code, known, n=n)
