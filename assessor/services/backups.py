"""Backups, restoring and encryption as user actions, for the window and the CLI.

The window calls ``backup_if_changed(db)`` from a 30-minute timer, lists ``list_backups(db)``
in File → Restore from backup…, and calls ``restore_backup(db, backup_id)``; a damaged
database (``DatabaseDamaged`` from ``open_database``) is recovered with ``recover_damaged``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from assessor.db import backup, crypto, migrate, recovery
from assessor.db.backup import BackupInfo
from assessor.db.engine import Database
from assessor.db.errors import DatabaseError, PassphraseError
from assessor.db.lock import DatabaseLock
from assessor.db.models import Factsheet
from assessor.i18n import _, ngettext
from assessor.services.cancel import Cancel, check
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
        raise ServiceError(_("Backups are made of database files only (this one is on a server)."))
    if db.read_only:
        raise ServiceError(
            _(
                "The database {path} is open read-only here; restore it in the Assessor that "
                "has it."
            ).format(path=path)
        )
    return path


def list_file_backups(path: Path) -> list[BackupInfo]:
    """The backups of a database file, newest first (the file need not open)."""
    return backup.list_backups(path)


def backup_dir(path: Path) -> Path:
    """The folder where the backups of a database file go."""
    return backup.backup_dir(path)


def list_backups(db: Database) -> list[BackupInfo]:
    """The backups of the open database, newest first (none for a server database)."""
    path = db.path
    return backup.list_backups(path) if path is not None else []


def _step(cancel: Cancel | None) -> Callable[[], None] | None:
    """What the backup layer calls between chunks of pages: the token's check."""
    return None if cancel is None else cancel.check


def backup_now(db: Database, reason: str = "manual", cancel: Cancel | None = None) -> BackupInfo:
    """Make a verified backup now, whether or not anything changed.

    ``cancel`` is checked between chunks of pages; a cancelled backup leaves no file.
    """
    info = backup.make_backup(
        _writable_file(db), passphrase=db.passphrase, reason=reason, step=_step(cancel)
    )
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
        return _(
            "Restored backup {id} ({description}). What was there before is kept as backup "
            "{safety}, so restoring that one undoes this."
        ).format(id=self.restored.id, description=self.restored.describe(), safety=self.safety.id)


def _factsheet_ids(db: Database) -> frozenset[int]:
    with db.reading() as s:
        return frozenset(s.scalars(select(Factsheet.id)))


def restore_backup(db: Database, backup_id: str, cancel: Cancel | None = None) -> Restored:
    """Replace the open database's content with a backup, after backing up the current state.

    The backup is copied in with SQLite's backup API through the open engine, so the lock stays
    held and the window keeps its ``Database``; views should reload everything (``changes``).
    ``cancel`` is checked between chunks of pages: a cancelled restore leaves the database as it
    was (SQLite rolls the unfinished copy back); the safety backup made first is kept.
    """
    path = _writable_file(db)
    chosen = backup.find_backup(path, backup_id)
    if crypto.is_plain(chosen.path) != (db.passphrase is None):
        if db.encrypted:
            text = _(
                "The backup {id} is not encrypted but the database now is encrypted; open the "
                "backup file itself ({path}) with `assessor --db` instead."
            )
        else:
            text = _(
                "The backup {id} is encrypted but the database now is not encrypted; open the "
                "backup file itself ({path}) with `assessor --db` instead."
            )
        raise ServiceError(text.format(id=chosen.id, path=chosen.path))
    backup.verify(chosen.path, db.passphrase)
    migrate.check_known(recovery.check(chosen.path, db.passphrase).revision)
    before = _factsheet_ids(db)
    safety = backup_now(db, reason="before-restore", cancel=cancel)
    check(cancel)
    source = crypto.connect(chosen.path, db.passphrase, read_only=True)
    try:
        target = db.engine.raw_connection()
        try:
            backup.copy_pages(source, target.driver_connection, _step(cancel))
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
    """An encryption change: the database, its safety backup, and what became of its backups.

    ``safety`` is None when the database already had the new passphrase and only backups left
    plain by an earlier run were encrypted (``assessor encrypt`` run again).
    """

    database: Path
    safety: BackupInfo | None
    encrypted: bool
    backups: backup.BackupsConverted

    @property
    def plain_backups(self) -> tuple[Path, ...]:
        """Backups still readable without a passphrase although the database is encrypted."""
        if not self.encrypted:
            return ()
        return tuple(f.path for f in self.backups.failed if f.readable)

    def message(self) -> str:
        """What happened, in plain words: the database, its backups, anything left readable."""
        done = self.backups
        if self.safety is None:
            text = _("{database} was already encrypted with this passphrase.")
        elif self.encrypted:
            text = _("Encrypted {database} with the new passphrase and checked it.")
        else:
            text = _("Decrypted {database}; it opens without a passphrase now.")
        parts = [text.format(database=self.database)]
        if done.converted:
            n = len(done.converted)
            including = self.safety is not None and self.safety.path in done.converted
            if self.encrypted and including:
                said = ngettext(
                    "{n} earlier backup is now encrypted too, including {safety}, the database "
                    "as it was before.",
                    "{n} earlier backups are now encrypted too, including {safety}, the "
                    "database as it was before.",
                    n,
                )
            elif self.encrypted:
                said = ngettext(
                    "{n} earlier backup is now encrypted too.",
                    "{n} earlier backups are now encrypted too.",
                    n,
                )
            elif including:
                said = ngettext(
                    "{n} earlier backup is now plain too, including {safety}, the database as "
                    "it was before, so each still restores into it.",
                    "{n} earlier backups are now plain too, including {safety}, the database "
                    "as it was before, so each still restores into it.",
                    n,
                )
            else:
                said = ngettext(
                    "{n} earlier backup is now plain too, so each still restores into it.",
                    "{n} earlier backups are now plain too, so each still restores into it.",
                    n,
                )
            parts.append(said.format(n=n, safety=self.safety.id if self.safety else ""))
        elif self.encrypted and not done.failed:
            parts.append(_("Its backups were already encrypted."))
        if done.leftovers_removed:
            n = len(done.leftovers_removed)
            parts.append(
                ngettext(
                    "{n} unfinished temporary copy left by an interrupted backup was deleted.",
                    "{n} unfinished temporary copies left by an interrupted backup were deleted.",
                    n,
                ).format(n=n)
            )
        for f in done.failed:
            if f.readable:
                failed = _(
                    "The backup {path} could NOT be encrypted and is still readable ({why}); it "
                    "was left as it was. Encrypt again with the same passphrase (File → Encrypt "
                    "this database…, or `assessor encrypt`) to retry, or delete it if this "
                    "computer could be lost."
                )
            else:
                failed = _(
                    "The backup {path} was left as it was ({why}); it opens with the passphrase "
                    "it was made with."
                )
            parts.append(failed.format(path=f.path, why=f.why))
        return " ".join(parts)


def _convert_checked(path: Path, old: str | None, new: str | None, safety: BackupInfo) -> None:
    """Convert the database, then check it in place with the new key; put it back if bad."""
    crypto.convert(path, old=old, new=new)  # a failure here leaves the database as it was
    try:
        backup.verify(path, new)
    except DatabaseError as exc:
        try:
            put_back = recovery.recover(path, safety.id, old)
        except Exception as again:
            raise ServiceError(
                _(
                    "The converted database {path} failed its check ({error}), and putting back "
                    "the backup of it as it was failed too ({again}). That backup is "
                    "{backup}; nothing else was changed or deleted."
                ).format(path=path, error=exc, again=again, backup=safety.path)
            ) from exc
        raise ServiceError(
            _(
                "The converted database {path} failed its check ({error}). It was put back as "
                "it was from backup {id}; the failed copy is kept as {copy}. The backups were "
                "not touched."
            ).format(path=path, error=exc, id=safety.id, copy=put_back.damaged_copy)
        ) from exc


def change_encryption(path: Path, *, old: str | None, new: str | None) -> Converted:
    """Encrypt (old=None), decrypt (new=None) or re-key a closed database file and its backups.

    The database is converted and checked first (a safety backup is made before, and put back
    if the check fails); only then is each backup converted the same way, one at a time, so
    that no plain copy is left beside an encrypted database and a decrypted one's backups
    still restore. A backup that cannot be converted is left as it was and reported.
    """
    if old is None and new is None:
        raise ServiceError(
            _("Nothing to convert: give a passphrase to encrypt or to decrypt with.")
        )
    crypto.require_driver()
    lock = DatabaseLock.acquire(path)
    try:
        safety: BackupInfo | None = None
        if old is None and crypto.is_plain(path) is False:
            # Encrypting again with the same passphrase finishes backups an earlier run left.
            try:
                recovery.check(path, new)
            except PassphraseError as exc:
                raise ServiceError(
                    _("The database {path} is already encrypted, with another passphrase.").format(
                        path=path
                    )
                ) from exc
        else:
            recovery.check(path, old)
            safety = backup.make_backup(path, passphrase=old, reason="before-conversion")
            assert safety is not None
            _convert_checked(path, old, new, safety)
        try:
            converted = backup.convert_backups(path, old=old, new=new)
        except (OSError, DatabaseError) as exc:  # the folder itself; the database stays done
            folder = backup.backup_dir(path)
            failed = backup.Unconverted(folder, str(exc), readable=new is not None)
            converted = backup.BackupsConverted(failed=(failed,))
    finally:
        lock.release()
    return Converted(path, safety, new is not None, converted)
