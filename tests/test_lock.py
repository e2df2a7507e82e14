"""One writer: a second process is told who holds the database and may only read it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Seeded
from sqlalchemy import select

from assessor.db.engine import open_database
from assessor.db.errors import DatabaseError, DatabaseLocked
from assessor.db.lock import DatabaseLock, lock_path, read_owner
from assessor.db.models import Recommendation
from assessor.services import assessments as svc

HOLDER = """
import sys, time
from assessor.db.engine import open_database
db = open_database(sys.argv[1])
print("ready", flush=True)
time.sleep(120)
"""


def hold_in_other_process(path: Path) -> subprocess.Popen[str]:
    """Start a process that opens ``path`` and keeps it open; return once it holds it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_lock_file_records_the_owner_and_goes_away(seeded: Seeded) -> None:
    path = Path(seeded.db.location)
    owner = read_owner(path)
    assert owner is not None
    assert (owner.pid, owner.host) == (os.getpid(), socket.gethostname())
    seeded.db.close()
    assert not lock_path(path).exists()


def test_same_process_shares_the_lock(seeded: Seeded) -> None:
    again = open_database(seeded.db.location)  # e.g. the CLI called from a test, a worker
    again.close()
    assert lock_path(Path(seeded.db.location)).exists()  # still held by the first


def test_second_process_is_refused_then_reads_only(seeded: Seeded) -> None:
    path = Path(seeded.db.location)
    seeded.db.close()
    proc = hold_in_other_process(path)
    try:
        with pytest.raises(DatabaseLocked) as refused:
            open_database(path)
        assert f"process {proc.pid} on {socket.gethostname()}" in str(refused.value)
        assert "read-only" in str(refused.value)
        before = path.read_bytes()
        reader = open_database(path, read_only=True)
        try:
            with reader.reading() as s:
                assert s.execute(select(Recommendation)).first() is not None
            with pytest.raises(DatabaseError, match="read-only"):
                svc.rate(reader, seeded.recs["II-6"], "partly")
        finally:
            reader.close()
        assert path.read_bytes() == before
    finally:
        proc.kill()
        proc.wait()


def test_stale_lock_of_a_killed_process_is_taken_over(seeded: Seeded) -> None:
    path = Path(seeded.db.location)
    seeded.db.close()
    proc = hold_in_other_process(path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert read_owner(path) is not None and read_owner(path).pid == proc.pid  # type: ignore[union-attr]
    db = open_database(path)
    try:
        assert db.lock is not None and db.lock.stale_owner is not None
        assert db.lock.stale_owner.pid == proc.pid
        assert read_owner(path).pid == os.getpid()  # type: ignore[union-attr]
        svc.rate(db, seeded.recs["II-6"], "partly")
    finally:
        db.close()


def test_a_leftover_lock_file_without_a_holder_is_stale(tmp_path: Path) -> None:
    db_path = tmp_path / "x.sqlite"
    lock_path(db_path).write_text(
        json.dumps({"pid": 999999, "host": "elsewhere", "user": "", "since": "yesterday"})
    )
    lock = DatabaseLock.acquire(db_path)
    try:
        assert lock.stale_owner is not None and lock.stale_owner.host == "elsewhere"
    finally:
        lock.release()
    lock.release()  # twice is harmless
    assert not lock_path(db_path).exists()
