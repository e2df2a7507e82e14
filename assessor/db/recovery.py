"""Checking a database when it is opened, and recovering a damaged one from a backup.

A damaged file is never deleted: it is renamed aside (with its write-ahead log) so that nothing
in it is lost, and the user is told in plain words where it is.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assessor.db import backup, crypto
from assessor.db.errors import (
    DatabaseDamaged,
    DatabaseError,
    NotAssessorDatabase,
    PassphraseError,
)
from assessor.db.identify import Contents, read_contents
from assessor.fileio import atomic_path
from assessor.i18n import N_, _

_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Preflight:
    """What the check on opening found: the schema revision stored in the file, its tables."""

    revision: str | None
    contents: Contents | None = None


#: What a file that is no database looks like, by its first bytes.
_MAGIC = (
    (b"PK\x03\x04", N_("a zip archive, such as a Word or Excel file or a package")),
    (b"PK\x05\x06", N_("a zip archive")),
    (b"%PDF", N_("a PDF document")),
    (b"\x1f\x8b", N_("a gzip archive")),
    (b"\xd0\xcf\x11\xe0", N_("an old Office document")),
)


def _looks_like(path: Path) -> str | None:
    """What a file that is not SQLite looks like, in words; None if it could be encrypted."""
    with open(path, "rb") as f:
        head = f.read(4096)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return _(what)
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return None
        text = head[: exc.start].decode("utf-8")
    if all(c.isprintable() or c in "\t\n\r\f" for c in text):
        return _("a text file")
    return None


def _damaged(path: Path, detail: str) -> DatabaseDamaged:
    backups = backup.list_backups(path)
    newest = backups[0] if backups else None
    offer = (
        _(
            "The newest backup is from {when}; restore it with "
            "`assessor backup restore {id}` or File → Restore from backup…"
        ).format(when=newest.describe(), id=newest.id)
        if newest
        else _("There is no backup of it in {folder}.").format(folder=backup.backup_dir(path))
    )
    return DatabaseDamaged(
        _(
            "The database {path} is damaged and cannot be opened safely ({detail}). {offer} "
            "Restoring keeps the damaged file, renamed, beside the database."
        ).format(path=path, detail=detail, offer=offer),
        path,
        detail,
        newest.id if newest else None,
    )


def check(path: Path, passphrase: str | None = None) -> Preflight:
    """Quick-check an existing database file before anything writes to it.

    Raises ``PassphraseError`` (encrypted and no or a wrong passphrase, or plain with one),
    ``DatabaseDamaged`` (the quick check fails), or returns the stored schema revision.
    """
    plain = crypto.is_plain(path)
    if plain is None:
        return Preflight(None)
    if plain and passphrase is not None:
        raise PassphraseError(
            _("The database {path} is not encrypted; open it without a passphrase.").format(
                path=path
            )
        )
    if not plain and passphrase is None:
        looks = _looks_like(path)
        if looks is not None:
            raise NotAssessorDatabase(
                path, _("not a database (it looks like {what})").format(what=looks)
            )
        raise PassphraseError(
            _(
                "Cannot open the database {path}: it is not a plain SQLite database. If it is "
                "an encrypted one, open it with its passphrase (--passphrase-prompt)."
            ).format(path=path)
        )
    try:
        # Read-only: a damaged file (and its log) must stay exactly as found for the user.
        conn = crypto.connect(path, passphrase, read_only=True)
    except Exception as exc:
        raise DatabaseError(
            _("Cannot open the database {path}: {error}").format(path=path, error=exc)
        ) from exc
    try:
        if plain:  # a plain file SQLite cannot read is damaged (truncated), not mis-keyed
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        else:
            crypto.check_key(conn, path)
        rows = conn.execute("PRAGMA quick_check").fetchall()
        problems = [str(r[0]) for r in rows if r[0] != "ok"]
        if problems:
            raise _damaged(path, "; ".join(problems[:3]))
        contents = read_contents(conn)
        return Preflight(contents.revision, contents)
    except (DatabaseError, PassphraseError):
        raise
    except Exception as exc:  # "database disk image is malformed" and friends
        raise _damaged(path, str(exc)) from exc
    finally:
        conn.close()


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its log files) aside; return the new path."""
    stamp = (now or datetime.now(UTC)).astimezone().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    # The log files first: a log left beside the database would be replayed onto its successor.
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(path, aside)
    return aside


@dataclass(frozen=True)
class Recovery:
    """What recovering did: where the damaged file went, which backup replaced it."""

    database: Path
    damaged_copy: Path | None
    restored: backup.BackupInfo

    def message(self) -> str:
        """What happened, in plain words, for the user."""
        text = _(
            "Restored {database} from the backup of {when}. Changes made after that backup are "
            "not in it."
        ).format(database=self.database, when=self.restored.describe())
        if self.damaged_copy:
            kept = _("The damaged file was kept as {copy}; nothing in it was deleted.")
            text += " " + kept.format(copy=self.damaged_copy)
        return text


def _put_backup(path: Path, chosen: backup.BackupInfo, passphrase: str | None) -> None:
    # Only after set_aside: no log file of the previous database is left to replay onto it.
    with atomic_path(path) as tmp:
        shutil.copyfile(chosen.path, tmp)
        backup.verify(tmp, passphrase)


def recover(path: Path, backup_id: str = "latest", passphrase: str | None = None) -> Recovery:
    """Set a damaged database aside and put the chosen backup (default: newest) in its place.

    The caller holds the database's lock (or knows no other process has it open).
    """
    chosen = backup.find_backup(path, backup_id)
    backup.verify(chosen.path, passphrase)
    aside = set_aside(path) if path.exists() else None
    _put_backup(path, chosen, passphrase)
    return Recovery(path, aside, chosen)
