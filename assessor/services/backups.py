"""Backups, restoring and encryption as user actions, for the window and the CLI.

The window calls ``backup_if_changed(db)`` from a 30-minute timer, lists ``list_backups(db)``
in File → Restore from backup…, and calls ``restore_backup(db, backup_id)``; a damaged
database (``DatabaseDamaged`` from ``open_database``) is recovered with ``recover_damaged``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from assessor.db import backup, crypto, migrate, recovery
from assessor.db.backup import BackupInfo
from assessor.db.engine import Database
from assessor.db.lock import DatabaseLock
from assessor.db.models import Factsheet
from assessor.services.changes import Changes
from assessor.services.errors import ServiceError

__all__ = [
    "BackupInfo",
    "Converted",
    "Restored",
    "backup_if_changed",
    "backup_now",
    "change_encryption",
    "list_backups",
    "recover_damaged",
    "restore_backup",
]


def _writable_file(db: Database) -> Path:
    path = db.path
    if path is None:
        raise ServiceError("Backups are made of database files only (this one is on a server).")
    if db.read_only:
        raise ServiceError(
            f"The database {path} is open read-only here; restore it in the Assessor that has it."
        )
    return path


def list_backups(db: Database) -> list[BackupInfo]:
    """The backups of the open database, newest first (none for a server database)."""
    path = db.path
    return backup.list_backups(path) if path is not None else []


def backup_now(db: Database, reason: str = "manual") -> BackupInfo:
    """Make a verified backup now, whether or not anything changed."""
    info = backup.make_backup(_writable_file(db), passphrase=db.passphrase, reason=reason)
    assert info is not None  # only only_if_changed returns None
    return info


def backup_if_changed(db: Database) -> BackupInfo | None:
    """Back up if the database changed since the last backup (the window's 30-minute timer)."""
    path = db.path
    if path is None or db.read_only:
        return None
    return backup.make_backup(
        path, passphrase=db.passphrase, reason="periodic", only_if_changed=True
    )


@dataclass(frozen=True)
class Restored:
    """A restore: which backup came back, and the backup of what was there before."""

    restored: BackupInfo
    safety: BackupInfo
    changes: Changes

    def message(self) -> str:
        """What happened, in plain words."""
        return (
            f"Restored backup {self.restored.id} ({self.restored.describe()}). What was there "
            f"before is kept as backup {self.safety.id}, so restoring that one undoes this."
        )


def _factsheet_ids(db: Database) -> frozenset[int]:
    with db.reading() as s:
        return frozenset(s.scalars(select(Factsheet.id)))


def restore_backup(db: Database, backup_id: str) -> Restored:
    """Replace the open database's content with a backup, after backing up the current state.

    The backup is copied in with SQLite's backup API through the open engine, so the lock stays
    held and the window keeps its ``Database``; views should reload everything (``changes``).
    """
    path = _writable_file(db)
    chosen = backup.find_backup(path, backup_id)
    if crypto.is_plain(chosen.path) != (db.passphrase is None):
        now = "encrypted" if db.encrypted else "not encrypted"
        then = "not encrypted" if db.encrypted else "encrypted"
        raise ServiceError(
            f"The backup {chosen.id} is {then} but the database now is {now}; open the backup "
            f"file itself ({chosen.path}) with `assessor --db` instead."
        )
    backup.verify(chosen.path, db.passphrase)
    migrate.check_known(recovery.check(chosen.path, db.passphrase).revision)
    before = _factsheet_ids(db)
    safety = backup_now(db, reason="before-restore")
    source = crypto.connect(chosen.path, db.passphrase, read_only=True)
    try:
        target = db.engine.raw_connection()
        try:
            source.backup(target.driver_connection)
        finally:
            target.close()
    finally:
        source.close()
    migrate.upgrade_to_head(db.engine)  # an older backup comes back at today's schema
    changes = Changes.of_factsheets(before | _factsheet_ids(db))
    return Restored(chosen, safety, changes)


def recover_damaged(
    path: Path, backup_id: str = "latest", passphrase: str | None = None
) -> recovery.Recovery:
    """Set a damaged (closed) database aside and restore a backup in its place."""
    lock = DatabaseLock.acquire(path)
    try:
        return recovery.recover(path, backup_id, passphrase)
    finally:
        lock.release()


@dataclass(frozen=True)
class Converted:
    """An encryption change: the database, its safety backup, and backups left unencrypted."""

    database: Path
    safety: BackupInfo
    plain_backups: tuple[Path, ...]

    def message(self) -> str:
        """What happened, in plain words, including any unencrypted copies left behind."""
        text = f"Converted {self.database}; a backup of it as it was is {self.safety.id}."
        if self.plain_backups:
            text += (
                f" {len(self.plain_backups)} backups made before are NOT encrypted; they are in "
                f"{self.plain_backups[0].parent}. Delete them if this computer could be lost."
            )
        return text


def change_encryption(path: Path, *, old: str | None, new: str | None) -> Converted:
    """Encrypt (old=None), decrypt (new=None) or re-key a closed database file, verified."""
    if old is None and new is None:
        raise ServiceError("Nothing to convert: give a passphrase to encrypt or to decrypt with.")
    crypto.require_driver()
    lock = DatabaseLock.acquire(path)
    try:
        recovery.check(path, old)
        safety = backup.make_backup(path, passphrase=old, reason="before-conversion")
        assert safety is not None
        crypto.convert(path, old=old, new=new)
    finally:
        lock.release()
    plain = tuple(b.path for b in backup.list_backups(path) if crypto.is_plain(b.path))
    return Converted(path, safety, plain if new is not None else ())
