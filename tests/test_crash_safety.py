"""Crash safety: a process editing through the services is SIGKILLed; no acknowledged edit is lost.

A few trials here; ``make stress`` (bench/stress_crash.py) runs 20 over 1,000 edits.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from conftest import build_factsheet
from crash_worker import run_schema_trial, run_trial

from assessor.db.engine import open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killed_mid_stream_loses_no_acknowledged_edit(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "crash.sqlite"
    db = open_database(path)
    build_factsheet(db)
    db.close()
    result = run_trial(path, edits=120, rng=random.Random(seed))
    assert result.killed and result.acknowledged > 0
    assert result.lost == 0
    assert result.unacknowledged_found <= 1  # at most the edit in flight when it died
    assert result.integrity == "ok"


KILL_POINTS = [("import", n) for n in (3, 30, 60, 95)] + [("migrate", n) for n in (5, 25, 45, 65)]


@pytest.mark.parametrize(("what", "kill_at"), KILL_POINTS)
def test_killed_while_making_or_upgrading_the_schema(
    tmp_path: Path, what: str, kill_at: int
) -> None:
    # A kill at the kill_at-th SQL statement of a first import (schema first, then the rows)
    # or of an upgrade from schema 0001: none of the schema or all of it, and the same
    # command then works (it used to fail forever with "table change already exists").
    result = run_schema_trial(tmp_path / "schema.sqlite", what, kill_at)
    assert result.killed
    assert result.found in ("nothing", "schema 0001", "complete schema"), result
    assert result.integrity == "ok" and result.recovered, result
