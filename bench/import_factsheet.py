"""Time the import of the seed factsheet: parsing and writing separately, and a re-import.

Run with ``make bench`` or ``.venv/bin/python bench/import_factsheet.py [FILE]``. Figures are
medians of several runs on a fresh database each; the "floor" is the bare sqlite3 module
inserting the same number of rows in one transaction, for a ratio that does not depend on the
machine.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from assessor.db.engine import open_database
from assessor.importers.factsheet import parse_factsheet
from assessor.services.imports import write_factsheet

SEED = (
    Path(__file__).resolve().parents[1]
    / "resources"
    / "examples"
    / "factsheet-albania-2nd-round.md"
)
RUNS = 7


TABLES = ("chapter", "section", "note", "observation", "promising_practice", "recommendation",
          "recommendation_code", "follow_up")  # fmt: skip


def floor_insert(rows: int, folder: Path) -> float:
    """Bare sqlite3: insert ``rows`` text rows in one transaction, WAL and synchronous=FULL."""
    con = sqlite3.connect(folder / "floor.sqlite")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)")
    start = time.perf_counter()
    with con:
        con.executemany(
            "INSERT INTO t (a, b) VALUES (?, ?)", (("x" * 400, "y") for _ in range(rows))
        )
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    text = path.read_text(encoding="utf-8")
    parse_times, write_times, reimport_times, floors = [], [], [], []
    rows = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        parsed = parse_factsheet(text)
        t_parse = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(Path(tmp) / "bench.sqlite", backup=False)
            start = time.perf_counter()
            with db.transaction() as s:
                write_factsheet(s, parsed, path.name)
            t_write = time.perf_counter() - start
            start = time.perf_counter()
            with db.transaction() as s:
                write_factsheet(s, parsed, path.name)
            t_reimport = time.perf_counter() - start
            with db.reading() as s:
                rows = sum(
                    s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
                )
            db.close()
            floors.append(floor_insert(rows, Path(tmp)))
        parse_times.append(t_parse)
        write_times.append(t_write)
        reimport_times.append(t_reimport)
    med = statistics.median
    print(
        f"file: {path.name} ({len(text):,} characters), {rows} rows written, {RUNS} runs, medians"
    )
    print(f"parse:     {med(parse_times) * 1000:7.1f} ms")
    print(f"write:     {med(write_times) * 1000:7.1f} ms  (bare sqlite3, same row count: "
          f"{med(floors) * 1000:.1f} ms; ratio {med(write_times) / med(floors):.1f}x)")  # fmt: skip
    print(f"re-import: {med(reimport_times) * 1000:7.1f} ms  (matching by code, keeping history)")


if __name__ == "__main__":
    main()
