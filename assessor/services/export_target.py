"""Which factsheet an export is of: the Party named, the window's, or the only one.

A refusal here is a message to the user (their language, the ``messages`` domain), not a word
of the document being written, so it lives among the services rather than the exporters.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import Factsheet, MonitoringRound, Party
from assessor.i18n import _
from assessor.services.errors import ServiceError


def factsheet_for(session: Session, party: str | None) -> tuple[int, str, str]:
    """The factsheet to export: ``(id, party, round)`` of the Party named, or the only one."""
    rows = session.execute(
        select(Factsheet.id, Party.name, MonitoringRound.title)
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .order_by(Party.name, MonitoringRound.title, Factsheet.id)
    ).all()
    if not rows:
        raise ServiceError(_("The database holds no factsheet yet; import one first."))
    if party is None:
        if len(rows) > 1:
            names = ", ".join(dict.fromkeys(r[1] for r in rows))
            raise ServiceError(
                _("The database holds several factsheets ({names}); choose --party.").format(
                    names=names
                )
            )
        return rows[0][0], rows[0][1], rows[0][2]
    wanted = party.strip().casefold()
    chosen = [r for r in rows if r[1].casefold() == wanted] or [
        r for r in rows if r[1].casefold().startswith(wanted)
    ]
    if not chosen:
        raise ServiceError(
            _("There is no Party called “{party}” in this database.").format(party=party)
        )
    if len({r[1] for r in chosen}) > 1:
        raise ServiceError(
            _("“{party}” matches several Parties; give the full name.").format(party=party)
        )
    # Several rounds of one Party: the newest factsheet is the one being assessed.
    latest = max(chosen, key=lambda r: r[0])
    return latest[0], latest[1], latest[2]


def factsheet_chosen(
    session: Session, party: str | None, factsheet_id: int | None = None
) -> tuple[int, str, str]:
    """``(id, party, round)`` of the factsheet given by id (the window's), else by Party name."""
    if factsheet_id is None:
        return factsheet_for(session, party)
    row = session.execute(
        select(Factsheet.id, Party.name, MonitoringRound.title)
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .where(Factsheet.id == factsheet_id)
    ).first()
    if row is None:
        raise ServiceError(_("That factsheet is no longer in the database."))
    return row[0], row[1], row[2]
