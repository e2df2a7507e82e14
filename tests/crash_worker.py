"""The crash-safety trial: a process edits through the services and is killed with SIGKILL.

Run as a script (``python tests/crash_worker.py DB EDITS``), it makes ``EDITS`` edits of every
kind through the services, printing ``ACK n field value`` after each one returns. ``run_trial``
starts it, kills it at a random moment, reopens the database the normal way and checks that
every acknowledged edit is there and that the integrity check passes. Used by
``tests/test_crash_safety.py`` (a few trials) and ``bench/stress_crash.py`` (many).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from assessor.db.engine import Database, open_database
from assessor.db.models import Change, Recommendation, ThemeItem
from assessor.services import assessments as svc
from assessor.services import themes

WORKER = Path(__file__).resolve()
BY = "crash-worker"


def _edit(db: Database, n: int, recs: list[int], items: list[int], theme: int) -> tuple[str, str]:
    """Make edit number ``n``; return the (field, new value) its Change row records."""
    rec = recs[n % len(recs)]
    kind = n % 5
    if kind == 0:
        value = f"comment {n}"
        svc.set_comment(db, rec, value, by=BY)
        return "comment", value
    if kind == 1:
        value = f"follow-up {n}"
        svc.edit_follow_up(db, rec, value, by=BY)
        return "follow_up", value
    if kind == 2:
        value = f"item {n}"
        themes.edit_theme_item(db, items[n % len(items)], text=value, by=BY)
        return "text", value
    if kind == 3:
        value = f"assessed {n}"
        rating = ("Implemented satisfactorily", "Partly implemented", "Not implemented")[n % 3]
        svc.assess(db, rec, rating, comment=value, status=("draft", "final")[n % 2], by=BY)
        return "comment", value
    value = f"added {n}"
    themes.add_theme_item(db, theme, value, by=BY)
    return "created", value


def work(path: Path, edits: int) -> None:
    """Make ``edits`` edits, acknowledging each on stdout once its service call returned."""
    db = open_database(path)
    with db.reading() as s:
        recs = list(s.scalars(select(Recommendation.id).where(Recommendation.retired_at.is_(None))))
        rows = s.execute(select(ThemeItem.id, ThemeItem.theme_id)).all()
    items, theme = [r[0] for r in rows], rows[0][1]
    print("READY", flush=True)
    for n in range(edits):
        field, value = _edit(db, n, recs, items, theme)
        print(f"ACK {n} {field} {value}", flush=True)
    db.close()
    print("DONE", flush=True)


@dataclass(frozen=True)
class TrialResult:
    """One trial: how many edits were acknowledged, and how many of those were lost."""

    acknowledged: int
    lost: int
    unacknowledged_found: int
    integrity: str
    killed: bool
    seconds: float


def run_trial(path: Path, edits: int, rng: random.Random) -> TrialResult:
    """Start a worker on ``path`` (holding a factsheet), SIGKILL it at a random moment, check."""
    started = time.monotonic()
    kill_after = rng.randint(1, max(1, edits - 1))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), str(edits)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    acked: list[tuple[str, str]] = []
    killed = False
    for line in proc.stdout:
        if line.startswith("ACK "):
            _, _n, field, value = line.rstrip("\n").split(" ", 3)
            acked.append((field, value))
            if len(acked) == kill_after:
                time.sleep(rng.uniform(0, 0.004))  # land anywhere inside the next edit
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
    rest, _ = proc.communicate()  # lines printed before it died are acknowledged too
    for line in rest.splitlines():
        if line.startswith("ACK "):
            _, _n, field, value = line.split(" ", 3)
            acked.append((field, value))
    db = open_database(path)  # the normal way: stale lock taken over, quick check, backup
    try:
        with db.reading() as s:
            found = {(c.field, c.new) for c in s.scalars(select(Change).where(Change.by == BY))}
            integrity = s.execute(text("PRAGMA integrity_check")).scalar_one()
    finally:
        db.close()
    lost = sum(1 for a in acked if a not in found)
    # Rating and status rows of "assess" carry no edit number; only numbered values count.
    numbered = {f for f in found if f[1] and f[1].rsplit(" ", 1)[-1].isdigit()}
    extra = len(numbered - set(acked))
    return TrialResult(len(acked), lost, extra, str(integrity), killed, time.monotonic() - started)


if __name__ == "__main__":
    work(Path(sys.argv[1]), int(sys.argv[2]))
