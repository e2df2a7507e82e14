"""How many backups thinning keeps: the newest few, then one a day, a week, a month, and the
last safety copy before each risky step. Only the choice; ``backup.thin`` deletes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessor.db.backup import BackupInfo


@dataclass(frozen=True)
class Retention:
    """How many backups thinning keeps: the newest few, then one a day, a week, a month."""

    recent: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


#: The policy of ``backup.thin`` when none is given.
DEFAULT_RETENTION = Retention()


def select_kept(
    backups: list[BackupInfo], now: datetime, policy: Retention = Retention()
) -> set[str]:
    """The ids thinning keeps: the newest ``recent``, then the newest of each day/week/month."""
    ordered = sorted(backups, key=lambda b: b.id, reverse=True)
    keep = {b.id for b in ordered[: policy.recent]}
    today = now.astimezone(UTC).date()
    this_month = today.year * 12 + today.month - 1
    buckets = (
        (policy.daily, lambda d: (today - d).days),
        (policy.weekly, lambda d: (today - d).days // 7),
        (policy.monthly, lambda d: this_month - (d.year * 12 + d.month - 1)),
    )
    for count, age in buckets:
        seen: set[int] = set()
        for b in ordered:
            bucket = age(b.created.astimezone(UTC).date())
            if bucket < count and bucket not in seen:
                seen.add(bucket)
                keep.add(b.id)
    # The last safety copy taken before each risky step stays until another replaces it.
    for reason in ("before-migration", "before-restore", "before-conversion"):
        latest = next((b for b in ordered if b.reason == reason), None)
        if latest:
            keep.add(latest.id)
    return keep
