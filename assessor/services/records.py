"""Finding the Party and the round a factsheet belongs to, under either language's name."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import MonitoringRound, Party
from assessor.domain.names import round_number, same_party


def party_named(session: Session, name: str) -> Party | None:
    """The Party called ``name`` — exactly, else in the Council's other language."""
    exact = session.scalar(select(Party).where(Party.name == name))
    if exact is not None:
        return exact
    return next((p for p in session.scalars(select(Party)) if same_party(p.name, name)), None)


def round_titled(session: Session, title: str) -> MonitoringRound | None:
    """The round titled ``title`` — exactly, else the only round of the same number."""
    exact = session.scalar(select(MonitoringRound).where(MonitoringRound.title == title))
    number = round_number(title)
    if exact is not None or number is None:
        return exact
    same = [r for r in session.scalars(select(MonitoringRound)) if round_number(r.title) == number]
    return same[0] if len(same) == 1 else None
