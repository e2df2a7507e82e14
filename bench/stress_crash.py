"""Crash-safety stress: 20 trials of a 1,000-edit stream SIGKILLed at a random moment, then
SIGKILLs during first imports and during schema upgrades (from revision 0001), each at a random
SQL statement.

``make stress`` runs it; the figures go into docs/reliability.md. Exits 1 if any acknowledged
edit was lost, any database failed its integrity check, or a killed first import or upgrade
left a half-made schema or a database the same command could not then open.
"""

from __future__ import annotations

import argparse
import platform
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

from conftest import build_factsheet  # noqa: E402
from crash_worker import count_schema_statements, run_schema_trial, run_trial  # noqa: E402

from assessor.db.engine import open_database  # noqa: E402


def main() -> int:
    """Run the trials and print one line each, then the totals."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--schema-trials",
        type=int,
        default=20,
        help="kills during first imports, and as many during upgrades",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(
        f"{args.trials} trials of {args.edits} edits, seed {args.seed}; Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.system()}"
    )
    totals = {"acknowledged": 0, "lost": 0, "damaged": 0, "in_flight": 0, "killed": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for trial in range(1, args.trials + 1):
            path = Path(tmp) / f"trial-{trial}.sqlite"
            db = open_database(path)
            build_factsheet(db)
            db.close()
            r = run_trial(path, args.edits, rng)
            totals["acknowledged"] += r.acknowledged
            totals["lost"] += r.lost
            totals["damaged"] += r.integrity != "ok"
            totals["in_flight"] += r.unacknowledged_found
            totals["killed"] += r.killed
            print(
                f"trial {trial:2}: killed after {r.acknowledged:4} acknowledged edits, "
                f"lost {r.lost}, in-flight edit committed {r.unacknowledged_found}, "
                f"integrity {r.integrity}, {r.seconds:.1f} s"
            )
    print(
        f"total: {totals['killed']}/{args.trials} killed mid-stream, "
        f"{totals['acknowledged']} acknowledged edits, lost {totals['lost']}, "
        f"damaged files {totals['damaged']}, in-flight edits found committed "
        f"{totals['in_flight']}"
    )
    failed_schema = sum(schema_trials(what, args.schema_trials, rng) for what in WHAT)
    return 1 if totals["lost"] or totals["damaged"] or failed_schema else 0


#: The commands killed while they make or upgrade a schema.
WHAT = {"import": "a first import into a new file", "migrate": "an upgrade from schema 0001"}


def schema_trials(what: str, trials: int, rng: random.Random) -> int:
    """Kill ``what`` at random SQL statements; print the outcomes; return how many failed."""
    if trials <= 0:
        return 0
    outcomes: dict[str, int] = {}
    failed = killed = 0
    with tempfile.TemporaryDirectory() as tmp:
        statements = count_schema_statements(Path(tmp) / "count.sqlite", what)
        print(f"{trials} kills during {WHAT[what]} ({statements} SQL statements uninterrupted)")
        for trial in range(1, trials + 1):
            r = run_schema_trial(
                Path(tmp) / f"{what}-{trial}.sqlite", what, rng.randint(1, statements)
            )
            outcomes[r.found] = outcomes.get(r.found, 0) + 1
            failed += not r.ok
            killed += r.killed
            print(
                f"  {what} {trial:2}: kill at statement {r.kill_at:4}"
                f"{'' if r.killed else ' (it had finished)'}, "
                f"found {r.found}, integrity {r.integrity}, same command then "
                f"{'works' if r.recovered else 'FAILS'}, {r.seconds:.1f} s"
            )
    found = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
    print(f"total {what}: {killed}/{trials} killed; found: {found}; failed {failed}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
