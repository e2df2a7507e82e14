"""Backups: made verified on open/close/timer when changed, thinned, listed, restored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import Seeded, build_factsheet
from sqlalchemy import select

from assessor.db import backup
from assessor.db.backup import BackupInfo, Retention, select_kept
from assessor.db.engine import Database, open_database
from assessor.db.errors import DatabaseError
from assessor.db.models import Assessment
from assessor.services import assessments as svc
from assessor.services import backups
from assessor.services.errors import ServiceError


def rating_of(db: Database, rid: int) -> str | None:
    """The stored rating of a recommendation."""
    with db.reading() as s:
        return s.scalar(select(Assessment.rating).where(Assessment.recommendation_id == rid))


def stray_files(folder: Path) -> list[str]:
    """Temporary files left in a backup folder (there must be none)."""
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_backup_on_close_only_when_changed(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    db = open_database(path)
    db.close()
    assert len(backup.list_backups(path)) <= 1  # the empty schema, at most
    db = open_database(path)
    build_factsheet(db)
    db.close()
    made = backup.list_backups(path)
    assert made and made[0].reason == "close"
    assert made[0].path.parent == tmp_path / "backups" / "a.sqlite"
    for _ in range(3):  # opening and closing without a change makes no new backup
        open_database(path).close()
    assert len(backup.list_backups(path)) == len(made)
    db = open_database(path)
    svc.set_comment(db, 1, "changed")
    db.close()
    assert len(backup.list_backups(path)) == len(made) + 1
    assert stray_files(backup.backup_dir(path)) == []


def test_backup_on_open_when_changed_behind_our_back(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    db = open_database(path, backup=False)
    build_factsheet(db)
    db.close()
    assert backup.list_backups(path) == []
    open_database(path, backup=False).close()
    db = open_database(path)
    assert [b.reason for b in backup.list_backups(path)] == ["open"]
    db.close()


def test_backup_if_changed_for_the_timer(seeded: Seeded) -> None:
    db = seeded.db
    first = backups.backup_if_changed(db)
    assert first is not None and first.reason == "periodic"
    assert backups.backup_if_changed(db) is None
    svc.rate(db, seeded.recs["II-6"], "partly")
    second = backups.backup_if_changed(db)
    assert second is not None and second.id > first.id
    assert [b.id for b in backups.list_backups(db)] == [second.id, first.id]


def test_a_backup_is_a_verified_copy(seeded: Seeded) -> None:
    db = seeded.db
    svc.rate(db, seeded.recs["II-6"], "partly")
    info = backups.backup_now(db)
    backup.verify(info.path)
    assert info.path.read_bytes()[:16] == b"SQLite format 3\x00"
    copy = open_database(info.path, backup=False)
    try:
        assert rating_of(copy, seeded.recs["II-6"]) == "partly"
    finally:
        copy.close()


def test_a_backup_failing_its_check_is_not_kept(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, passphrase: str | None = None) -> None:
        raise DatabaseError("integrity check failed")

    monkeypatch.setattr(backup, "verify", broken)
    with pytest.raises(DatabaseError):
        backups.backup_now(seeded.db)
    folder = backup.backup_dir(Path(seeded.db.location))
    assert backup.list_backups(Path(seeded.db.location)) == []
    assert stray_files(folder) == []


def test_find_backup_by_id_prefix_and_latest(seeded: Seeded) -> None:
    path = Path(seeded.db.location)
    with pytest.raises(DatabaseError, match="no backups"):
        backup.find_backup(path, "latest")
    a = backups.backup_now(seeded.db)
    b = backups.backup_now(seeded.db)
    assert a.id != b.id
    assert backup.find_backup(path, "latest") == b
    assert backup.find_backup(path, a.id) == a
    with pytest.raises(DatabaseError, match="names 2 backups"):
        backup.find_backup(path, a.id[:8])
    with pytest.raises(DatabaseError, match="no backup"):
        backup.find_backup(path, "19990101")


def fake(when: datetime, reason: str = "periodic") -> BackupInfo:
    """A backup made at ``when`` (no file)."""
    backup_id = when.strftime("%Y%m%d-%H%M%S") + f"-{when.microsecond // 1000:03d}"
    return BackupInfo(backup_id, Path(backup_id), when, reason, 0)


def test_thinning_keeps_recent_then_daily_weekly_monthly() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    # Every 30 minutes for two years: 35,000 backups.
    made = [fake(now - timedelta(minutes=30 * n)) for n in range(2 * 365 * 48)]
    policy = Retention(recent=10, daily=14, weekly=8, monthly=12)
    kept = select_kept(made, now, policy)
    assert made[0].id in kept and all(b.id in kept for b in made[:10])
    days = {b.created.date() for b in made if b.id in kept}
    assert len(days) <= 10 + 14 + 8 + 12
    assert len(kept) <= 10 + 14 + 8 + 12
    # One a day for the last two weeks, and still one from about a year ago.
    for d in range(14):
        assert (now - timedelta(days=d)).date() in days
    oldest = min(b.created for b in made if b.id in kept)
    assert now - oldest > timedelta(days=300)


def test_thinning_keeps_the_last_safety_copies() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    safety = fake(now - timedelta(minutes=10 * 60), "before-restore")
    made = [fake(now - timedelta(minutes=n)) for n in range(50)] + [safety]
    assert safety.id in select_kept(made, now, Retention(recent=5, daily=1, weekly=0, monthly=0))


def test_thin_deletes_only_what_the_policy_drops(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    db = open_database(path, backup=False)
    build_factsheet(db)
    db.close()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(15):
        backup.make_backup(path, now=start + timedelta(hours=n))
    # make_backup thins with the default policy (10 recent, one a day…): 10 + the first of day 1.
    remaining = backup.list_backups(path)
    assert len(remaining) == 10
    removed = backup.thin(path, now=start, policy=Retention(recent=3, daily=0, weekly=0, monthly=0))
    assert len(removed) == 7 and len(backup.list_backups(path)) == 3


def test_restore_brings_back_a_backup_and_keeps_the_present(seeded: Seeded) -> None:
    db, rid = seeded.db, seeded.recs["II-6"]
    svc.rate(db, rid, "partly")
    old = backups.backup_now(db)
    svc.rate(db, rid, "implemented")
    restored = backups.restore_backup(db, old.id)
    assert rating_of(db, rid) == "partly"
    assert restored.changes.factsheets == {seeded.factsheet_id}
    assert restored.safety.reason == "before-restore" and old.id in restored.message()
    # The state before the restore is itself a backup, so restoring can be undone.
    backups.restore_backup(db, restored.safety.id)
    assert rating_of(db, rid) == "implemented"
    svc.rate(db, rid, "Not implemented")  # the database is still writable after a restore
    assert rating_of(db, rid) != "implemented"


def test_restore_is_refused_read_only(seeded: Seeded) -> None:
    backups.backup_now(seeded.db)
    other = open_database(seeded.db.location, read_only=True)
    try:
        with pytest.raises(ServiceError, match="read-only"):
            backups.restore_backup(other, "latest")
    finally:
        other.close()


def test_a_backup_deleted_by_hand_is_made_again(seeded: Seeded) -> None:
    first = backups.backup_if_changed(seeded.db)
    assert first is not None
    first.path.unlink()
    again = backups.backup_if_changed(seeded.db)
    assert again is not None and backups.list_backups(seeded.db) == [again]
