"""A damaged database is found on opening, set aside (never deleted) and restored from a backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_factsheet
from sqlalchemy import func, select

from assessor.db import backup, recovery
from assessor.db.engine import open_database
from assessor.db.errors import DatabaseDamaged, NotAssessorDatabase
from assessor.db.models import Recommendation
from assessor.services import backups


def make_backed_up(path: Path) -> None:
    """A database with one factsheet, closed, with a backup made on closing."""
    db = open_database(path)
    build_factsheet(db)
    db.close()
    assert backup.list_backups(path)


def damage(path: Path) -> bytes:
    """Overwrite the middle of the file (not its header) with garbage; return the bytes."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 10 * page), page):
        data[offset : offset + 600] = b"\xde\xad\xbe\xef" * 150
    path.write_bytes(bytes(data))
    return bytes(data)


def test_damaged_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    make_backed_up(path)
    newest = backup.list_backups(path)[0]
    damaged = damage(path)
    with pytest.raises(DatabaseDamaged) as found:
        open_database(path)
    assert found.value.newest_backup == newest.id
    assert "damaged" in str(found.value) and newest.id in str(found.value)
    assert path.read_bytes() == damaged  # nothing wrote to it


def test_recover_sets_the_damaged_file_aside_and_restores(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    make_backed_up(path)
    damaged = damage(path)
    path.with_name("a.sqlite-wal").write_bytes(b"a log that belongs to the damaged file")
    with pytest.raises(DatabaseDamaged) as found:
        open_database(path)
    done = backups.recover_damaged(path, found.value.newest_backup or "latest")
    assert done.damaged_copy is not None and done.damaged_copy.read_bytes() == damaged
    assert done.damaged_copy.with_name(done.damaged_copy.name + "-wal").exists()
    assert not path.with_name("a.sqlite-wal").exists()
    assert str(done.damaged_copy) in done.message()
    db = open_database(path)
    try:
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Recommendation)) == 5
    finally:
        db.close()


def test_damaged_without_a_backup_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    db = open_database(path, backup=False)
    build_factsheet(db)
    db.close()
    damage(path)
    with pytest.raises(DatabaseDamaged, match="There is no backup") as found:
        open_database(path)
    assert found.value.newest_backup is None


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"just some text, not a database" * 50)
    with pytest.raises(NotAssessorDatabase, match=r"not a database \(it looks like a text file"):
        open_database(path)
    assert path.read_bytes() == b"just some text, not a database" * 50


def test_set_aside_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    first = []
    for n in range(2):
        path.write_bytes(b"version %d" % n)
        first.append(recovery.set_aside(path))
    assert first[0] != first[1]
    assert {p.read_bytes() for p in first} == {b"version 0", b"version 1"}
