"""The crash-safety trial: a process edits through the services and is killed with SIGKILL.

Run as a script (``python tests/crash_worker.py DB EDITS``), it makes ``EDITS`` edits of every
kind through the services, printing ``ACK n field value`` after each one returns. ``run_trial``
starts it, kills it at a random moment, reopens the database the normal way and checks that
every acknowledged edit is there and that the integrity check passes. Used by
``tests/test_crash_safety.py`` (a few trials) and ``bench/stress_crash.py`` (many).

``run_schema_trial`` kills the command line while it makes a database's schema: during a first
``import`` into a new file, or during the upgrade of a database made by schema 0001 (``list``
upgrades it). Afterwards the file must hold no schema or the whole of it, never half of one, and
the same command must then succeed.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import signal
import sqlite3
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
EXAMPLE = WORKER.parents[1] / "resources" / "examples" / "factsheet-albania-2nd-round.md"
#: A database made by schema revision 0001, with one rated recommendation.
FIXTURE_0001 = WORKER.parent / "data" / "assessor-0001.sqlite"
#: The comment the 0001 fixture holds: it must survive an interrupted upgrade.
FIXTURE_COMMENT = "Only in Tirana."


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


def _schema_command(path: Path, what: str) -> list[str]:
    if what == "import":
        return ["--db", str(path), "import", str(EXAMPLE)]
    return ["--db", str(path), "list"]  # opening a 0001 database upgrades it


def schema_work(path: Path, what: str) -> None:
    """Run the command that makes (``import``) or upgrades (``migrate``) the schema."""
    from sqlalchemy import Engine, event

    from assessor.cli import main

    out = sys.stdout
    statements = 0

    def announce(*_args: object) -> None:  # each statement is a kill point for the parent
        nonlocal statements
        statements += 1
        print(f"SQL {statements}", file=out, flush=True)

    event.listen(Engine, "before_cursor_execute", announce)
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(_schema_command(path, what))
    print(f"DONE {code} {statements}", file=out, flush=True)


@dataclass(frozen=True)
class SchemaTrialResult:
    """One kill during a first import or a migration, and what the file held afterwards."""

    what: str
    #: The kill was sent once the command had run this many SQL statements.
    kill_at: int
    #: False when the command had finished before the signal came.
    killed: bool
    #: What the file held after the kill: "nothing", "schema 0001", "complete schema", or
    #: "refused: …" / "half-made: …" (a failure).
    found: str
    #: The same command, run again, succeeded and the data is there.
    recovered: bool
    integrity: str
    seconds: float

    @property
    def ok(self) -> bool:
        """No half-made schema, no damaged file, and the command works again."""
        return (
            self.recovered
            and self.integrity == "ok"
            and not self.found.startswith(("refused", "half-made"))
        )


def _found(path: Path, what: str) -> tuple[str, str]:
    """What the file holds after the kill (read without changing it), and its integrity."""
    from assessor.db.migrate import head_revision

    if not path.exists() or path.stat().st_size == 0:
        return "nothing", "ok"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        conn.close()
    if not tables:
        return "nothing", integrity
    if revision == head_revision():
        return "complete schema", integrity
    if what == "migrate" and revision == "0001":
        return "schema 0001", integrity
    return f"half-made: {len(tables)} tables, revision {revision}", integrity


def _recovered(path: Path, what: str) -> bool:
    """Whether the same command now succeeds, with the data in place."""
    from sqlalchemy import func, select

    from assessor.cli import main
    from assessor.db.models import Assessment, Factsheet

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(_schema_command(path, what))
    if code != 0:
        return False
    db = open_database(path, backup=False)
    try:
        with db.reading() as s:
            if what == "import":
                return s.scalar(select(func.count()).select_from(Factsheet)) == 1
            return FIXTURE_COMMENT in s.scalars(select(Assessment.comment)).all()
    finally:
        db.close()


def count_schema_statements(path: Path, what: str) -> int:
    """How many SQL statements the command runs uninterrupted (the range of kill points)."""
    if what == "migrate":
        shutil.copyfile(FIXTURE_0001, path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, str(WORKER), "--schema", what, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    last = done.stdout.strip().splitlines()[-1].split()
    assert last[:2] == ["DONE", "0"], done.stdout
    return int(last[2])


def run_schema_trial(path: Path, what: str, kill_at: int) -> SchemaTrialResult:
    """Start a first import (``what="import"``, ``path`` new) or an upgrade of the 0001
    fixture (``"migrate"``), SIGKILL it at its ``kill_at``-th SQL statement, then check."""
    started = time.monotonic()
    if what == "migrate":
        shutil.copyfile(FIXTURE_0001, path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), "--schema", what, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SQL ") and int(line.split()[1]) >= kill_at:
            proc.send_signal(signal.SIGKILL)
            break
    proc.communicate()
    killed = proc.returncode == -signal.SIGKILL
    found, integrity = _found(path, what)
    recovered = _recovered(path, what)
    return SchemaTrialResult(
        what, kill_at, killed, found, recovered, integrity, time.monotonic() - started
    )


if __name__ == "__main__":
    if sys.argv[1] == "--schema":
        schema_work(Path(sys.argv[3]), sys.argv[2])
    else:
        work(Path(sys.argv[1]), int(sys.argv[2]))
