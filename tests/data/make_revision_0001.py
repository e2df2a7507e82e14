"""Make ``assessor-0001.sqlite``: a database at the first schema revision (0001), with data.

Run once from the repository root (``python tests/data/make_revision_0001.py``); the file is
kept in git so that every later version of Assessor is tested on a database made by the first.
Rows are written with plain SQL, not the models, which will change.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from assessor.db.migrate import alembic_config

TARGET = Path(__file__).with_name("assessor-0001.sqlite")
AT = "2026-11-01 10:00:00.000000+00:00"

ROWS = [
    "INSERT INTO party VALUES (1, 'Albania')",
    "INSERT INTO rating_scale VALUES (1, 'greco', 'GRECO')",
    "INSERT INTO rating_level VALUES (1, 1, 'implemented', 'Implemented satisfactorily',"
    " '#2e7d32', 0)",
    "INSERT INTO rating_level VALUES (2, 1, 'partly', 'Partly implemented', '#f9a825', 1)",
    "INSERT INTO rating_level VALUES (3, 1, 'not', 'Not implemented', '#c62828', 2)",
    "INSERT INTO monitoring_round VALUES (1, '2nd monitoring round', 1)",
    f"INSERT INTO factsheet VALUES (1, 1, 1, 'Compliance procedure – Albania', '', 'old', '{AT}')",
    "INSERT INTO chapter VALUES (1, 1, 'II', 'Legal framework', 0)",
    "INSERT INTO section VALUES (1, 1, 'specific', 'Specific to Albania', 0)",
    "INSERT INTO recommendation VALUES (1, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 1, 1, 'II', 0, 0,"
    " 'request', 'specific', 'The Committee requests Albania to train judges.', '[\"71\"]', NULL)",
    "INSERT INTO recommendation_code VALUES (1, 1, 1, 'II-6', 0)",
    f"INSERT INTO follow_up VALUES (1, 1, 'Judges were trained in 2025.', 'factsheet', '{AT}',"
    " NULL)",
    f"INSERT INTO assessment VALUES (1, 1, 'partly', 'Only in Tirana.', 'final', '{AT}', 'Ana')",
    f"INSERT INTO change VALUES (1, 'recommendation', 1, 'rating', NULL, 'partly', '{AT}', 'Ana')",
    "INSERT INTO theme VALUES (1, 1, 0, 'Training')",
    "INSERT INTO theme_item VALUES (1, 1, 0, 'Train judges outside Tirana.', '[\"II-6\"]')",
]


def main() -> None:
    """Create the fixture file (replacing an old one)."""
    TARGET.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{TARGET}")
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    conn = sqlite3.connect(TARGET)
    with conn:
        for row in ROWS:
            conn.execute(row)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("VACUUM")
    conn.close()
    print(f"Wrote {TARGET}")


if __name__ == "__main__":
    main()
