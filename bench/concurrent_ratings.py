"""Several writers on overlapping assessments: is any acknowledged save lost or overwritten?

N processes × M saves (default 10 × 500, stopped at a time limit) rate and comment the same few
recommendations of one database — a SQLite file (each process opens it without the one-writer
lock, as separate machines on a server would) or a server URL (``tests/pg_server.sh start``
gives a loopback one). Each save passes the version it read; on ``SaveConflict`` it tries
again with the new version. At the end:

- lost: an acknowledged save whose comment is not in the history (each comment is unique);
- silently overwritten: two acknowledged saves made over the same version of one assessment
  (only one can be: the other must have been refused), or a final version that is not one
  more than the saves that made it;

and the p50/p95 of a save (one call, its retries on conflict included). Figures:
docs/performance.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent))

from sqlalchemy import select  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402
from sqlalchemy.orm import sessionmaker  # noqa: E402

from assessor.db.engine import Database, make_engine  # noqa: E402
from assessor.db.models import Assessment, Change, Recommendation  # noqa: E402
from assessor.db.opening import open_database  # noqa: E402
from assessor.services import assessments  # noqa: E402
from assessor.services.conflicts import SaveConflict  # noqa: E402

RATINGS = ("implemented", "partly", "not_implemented", "no_information")
LOOPBACK = ("127.0.0.1", "localhost", "::1", None, "")


def _handle(target: str) -> Database:
    """Another writer's handle: a server connection, or the file without the lock."""
    db = open_database(target, backup=False) if "://" in target else None
    if db is not None:
        return db
    from sqlalchemy.engine import URL

    url = URL.create("sqlite", database=target)
    engine = make_engine(url)
    second = Database(url, engine, sessionmaker(engine, expire_on_commit=False))
    second.backup_on_close = False
    return second


def worker(args: tuple[str, int, int, list[int], float]) -> dict[str, object]:
    """One writer: ``saves`` saves until ``deadline``; what it was told was saved, and timings."""
    target, number, saves, recs, deadline = args
    db = _handle(target)
    rng = random.Random(number)
    by = f"writer {number}"
    acknowledged: list[tuple[int, int, str]] = []  # (rec, version saved over, comment)
    seconds: list[float] = []
    conflicts = busy = 0
    for n in range(saves):
        if time.monotonic() > deadline:
            break
        rec = rng.choice(recs)
        comment = f"{by}, save {n}"
        started = time.perf_counter()
        version = assessments.assessment_version(db, rec)
        while True:
            try:
                assessments.assess(
                    db, rec, rng.choice(RATINGS), comment, by=by, expected_version=version
                )
                break
            except SaveConflict as conflict:
                conflicts += 1
                version = conflict.version
            except OperationalError:  # SQLite: another writer holds the file for a moment
                busy += 1
                time.sleep(0.002)
                version = assessments.assessment_version(db, rec)
        seconds.append(time.perf_counter() - started)
        acknowledged.append((rec, version, comment))
    db.engine.dispose()
    return {"acks": acknowledged, "seconds": seconds, "conflicts": conflicts, "busy": busy}


def _seed(target: str) -> list[int]:
    from conftest import build_factsheet

    db = open_database(target, backup=False)
    try:
        with db.reading() as s:
            recs = list(
                s.scalars(select(Recommendation.id).where(Recommendation.retired_at.is_(None)))
            )
        if not recs:
            seeded = build_factsheet(db)
            recs = [r for code, r in seeded.recs.items() if code != "II-9"]
    finally:
        db.close()
    return recs


def _check(target: str, results: list[dict[str, object]]) -> tuple[int, int, int]:
    db = _handle(target)
    acks = [a for r in results for a in r["acks"]]  # type: ignore[attr-defined]
    with db.reading() as s:
        kept = set(
            s.execute(select(Change.entity_id, Change.new).where(Change.field == "comment")).all()
        )
        versions = dict(s.execute(select(Assessment.recommendation_id, Assessment.version)).all())
    db.engine.dispose()
    lost = sum((rec, comment) not in kept for rec, _, comment in acks)
    over = [(rec, version) for rec, version, _ in acks]
    overwritten = len(over) - len(set(over))
    for rec in {rec for rec, _, _ in acks}:
        made = sum(r == rec for r, _ in over)
        first = min(v for r, v in over if r == rec)
        overwritten += versions.get(rec, 0) != first + made
    return len(acks), lost, overwritten


def main() -> int:
    """Run the writers and print what was lost and how long a save took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", help="a SQLite file or a loopback server URL")
    parser.add_argument("--processes", type=int, default=10)
    parser.add_argument("--saves", type=int, default=500, help="saves per process")
    parser.add_argument("--seconds", type=float, default=120.0, help="time limit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        target = args.target or str(Path(tmp) / "concurrent.sqlite")
        if "://" in target:
            from sqlalchemy.engine import make_url

            if make_url(target).host not in LOOPBACK:
                parser.error("loopback servers only (127.0.0.1, localhost, a socket)")
        recs = _seed(target)
        deadline = time.monotonic() + args.seconds
        jobs = [(target, n, args.saves, recs, deadline) for n in range(args.processes)]
        started = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
            results = pool.map(worker, jobs)
        wall = time.perf_counter() - started
        acked, lost, overwritten = _check(target, results)
    seconds = sorted(s for r in results for s in r["seconds"])  # type: ignore[attr-defined]
    conflicts = sum(int(r["conflicts"]) for r in results)  # type: ignore[call-overload]
    busy = sum(int(r["busy"]) for r in results)  # type: ignore[call-overload]
    p50 = statistics.median(seconds) * 1000
    p95 = seconds[int(len(seconds) * 0.95) - 1] * 1000 if seconds else 0.0
    where = "server" if "://" in target else "SQLite file"
    print(
        f"{where}: {args.processes} processes, {acked} acknowledged saves on {len(recs)} "
        f"recommendations in {wall:.1f} s; conflicts retried {conflicts}, busy retried {busy}; "
        f"lost {lost}, silently overwritten {overwritten}; save p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    return 0 if lost == overwritten == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
