"""Verified backups of a database file: made, listed, thinned.

A backup is made with SQLite's online backup API (never by copying the live file) into a
temporary file, checked with ``PRAGMA integrity_check``, and only then moved into place. Backups
of an encrypted database are encrypted with the same passphrase. They live beside the database,
in ``backups/<database file name>/``, one file each, named by when they were made and why.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from assessor.db import crypto
from assessor.db.backup_retention import DEFAULT_RETENTION, Retention, select_kept
from assessor.db.errors import DatabaseError
from assessor.fileio import atomic_path, atomic_write_bytes
from assessor.i18n import N_, _

log = logging.getLogger(__name__)

SUFFIX = ".sqlite"
MANIFEST = "manifest.json"
#: Why a backup was made: the words shown in the list.
REASONS = {
    "open": N_("when opened"),
    "close": N_("when closed"),
    "periodic": N_("while working"),
    "manual": N_("made by hand"),
    "before-migration": N_("before a schema upgrade"),
    "before-restore": N_("before restoring another backup"),
    "before-conversion": N_("before encrypting or decrypting"),
}
# 20261123-005133-123-open.sqlite: UTC time to the millisecond, then the reason.
_NAME = re.compile(r"^(\d{8}-\d{6}-\d{3})-([a-z-]+)\.sqlite$")
_ID_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: its id (for ``assessor backup restore ID``), when and why it was made."""

    id: str
    path: Path
    created: datetime
    reason: str
    size: int

    def describe(self) -> str:
        """The backup in plain words: local time, why, size."""
        when = self.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        why = _(REASONS[self.reason]) if self.reason in REASONS else self.reason
        return _("{when}, {why} ({size} KiB)").format(
            when=when, why=why, size=f"{self.size / 1024:.0f}"
        )


def backup_dir(db_path: Path) -> Path:
    """The folder of a database's backups: ``backups/<file name>/`` beside it."""
    return db_path.parent / "backups" / db_path.name


def _parse_id(backup_id: str) -> datetime:
    stamp, millis = backup_id.rsplit("-", 1)
    created = datetime.strptime(stamp, _ID_FORMAT).replace(tzinfo=UTC)
    return created + timedelta(milliseconds=int(millis))


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first."""
    folder = backup_dir(db_path)
    found: list[BackupInfo] = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            match = _NAME.match(entry.name)
            if not match or not entry.is_file():
                continue  # temporary files start with a dot and never match
            backup_id, reason = match.groups()
            size = entry.stat().st_size
            found.append(
                BackupInfo(backup_id, Path(entry.path), _parse_id(backup_id), reason, size)
            )
    return sorted(found, key=lambda b: b.id, reverse=True)


def find_backup(db_path: Path, backup_id: str) -> BackupInfo:
    """The backup named by an id, a unique prefix of one, or ``latest``."""
    backups = list_backups(db_path)
    if not backups:
        raise DatabaseError(
            _("There are no backups of {path} (looked in {folder}).").format(
                path=db_path, folder=backup_dir(db_path)
            )
        )
    wanted = backup_id.strip()
    if wanted.casefold() == "latest":
        return backups[0]
    matches = [b for b in backups if b.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise DatabaseError(
            _("There is no backup “{id}”; `assessor backup list` shows them.").format(id=wanted)
        )
    raise DatabaseError(
        _("“{id}” names {n} backups; give more of the id.").format(id=wanted, n=len(matches))
    )


def verify(path: Path, passphrase: str | None = None) -> None:
    """Raise ``DatabaseError`` unless ``path`` opens and passes ``PRAGMA integrity_check``."""
    try:
        conn = crypto.connect(path, passphrase)
        try:
            crypto.check_key(conn, path)
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except DatabaseError:
        raise
    except Exception as exc:
        raise DatabaseError(
            _("The backup {path} cannot be read: {error}").format(path=path, error=exc)
        ) from exc
    if [r[0] for r in rows] != ["ok"]:
        problems = "; ".join(str(r[0]) for r in rows[:3])
        raise DatabaseError(
            _("The backup {path} failed its integrity check: {problems}").format(
                path=path, problems=problems
            )
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


#: Pages copied between two calls of a backup's ``step`` (4 MB of 4 KB pages).
STEP_PAGES = 1024


def copy_pages(source: Any, target: Any, step: Callable[[], None] | None = None) -> None:
    """Copy ``source``'s database into ``target`` with the backup API.

    ``step`` (the window's Cancel) is called between chunks of pages; if it raises, the copy
    stops and ``target``'s half-written transaction is rolled back by SQLite. It is not called
    after the last chunk: by then the copy is committed and must be reported as done.
    """
    if step is None:
        source.backup(target)
        return

    def progress(_status: int, remaining: int, _total: int) -> None:
        if remaining:
            step()

    source.backup(target, pages=STEP_PAGES, progress=progress)


def copy_database(
    source: Any, dest: Path, passphrase: str | None, step: Callable[[], None] | None = None
) -> None:
    """Copy an open DB-API connection's database into ``dest`` with the backup API, verified."""
    target = crypto.connect(dest, passphrase)
    try:
        copy_pages(source, target, step)
        # A standalone file: no write-ahead log to carry along with it.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    verify(dest, passphrase)


def _fingerprint(db_path: Path) -> list[int]:
    # Size and mtime of the file and its write-ahead log: unchanged means no commit since.
    # An empty log is the same as none: read-only connections (ours) leave one behind.
    values: list[int] = []
    for p in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = p.stat()
        except FileNotFoundError:
            values += [-1, -1]
            continue
        values += [st.st_size, st.st_mtime_ns] if st.st_size else [-1, -1]
    return values


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    atomic_write_bytes(folder / MANIFEST, json.dumps(data, indent=1).encode("utf-8"))


def _new_id(folder: Path, now: datetime) -> str:
    # Two backups in the same millisecond (tests, scripts) must not share a name.
    now = now.astimezone(UTC)
    while True:
        backup_id = f"{now.strftime(_ID_FORMAT)}-{now.microsecond // 1000:03d}"
        if not any(folder.glob(f"{backup_id}-*{SUFFIX}")):
            return backup_id
        now += timedelta(milliseconds=1)


def make_backup(
    db_path: Path,
    *,
    passphrase: str | None = None,
    reason: str = "manual",
    only_if_changed: bool = False,
    now: datetime | None = None,
    step: Callable[[], None] | None = None,
) -> BackupInfo | None:
    """Back up ``db_path`` (verified, then moved into place) and thin the old backups.

    With ``only_if_changed``, nothing is made (None is returned) when the database has not
    changed since the last backup: its file and log look the same, or its content does.
    ``step`` is called between chunks of pages and once before the backup is moved into place;
    if it raises (Cancel), no backup is left, not even its temporary file.
    """
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(folder)
    backups = list_backups(db_path)
    fingerprint = _fingerprint(db_path)
    if only_if_changed and backups and manifest.get("fingerprint") == fingerprint:
        return None
    now = now or datetime.now(UTC)
    backup_id = _new_id(folder, now)
    final = folder / f"{backup_id}-{reason}{SUFFIX}"
    source = crypto.connect(db_path, passphrase, read_only=True)
    try:
        crypto.check_key(source, db_path)
        with atomic_path(final) as tmp:
            copy_database(source, tmp, passphrase, step)
            if step is not None:
                step()  # the last moment to stop: the backup is not in place yet
            digest = _sha256(tmp)
            # Compared with the newest backup still there (one may have been deleted by hand).
            newest = backups[0].id if backups else None
            unchanged = manifest.get("latest") == newest and manifest.get("sha256") == digest
            if only_if_changed and unchanged:
                raise _Unchanged
    except _Unchanged:
        _write_manifest(folder, {**manifest, "fingerprint": fingerprint})
        return None
    finally:
        source.close()
    _write_manifest(folder, {"fingerprint": fingerprint, "sha256": digest, "latest": backup_id})
    thin(db_path, now=now)
    return BackupInfo(backup_id, final, _parse_id(backup_id), reason, final.stat().st_size)


class _Unchanged(Exception):
    """Raised inside ``atomic_path`` so that it discards an identical backup."""


def thin(
    db_path: Path, *, now: datetime | None = None, policy: Retention = DEFAULT_RETENTION
) -> list[Path]:
    """Delete the backups the retention policy no longer keeps; return their paths."""
    backups = list_backups(db_path)
    keep = select_kept(backups, now or datetime.now(UTC), policy)
    removed = []
    for b in backups:
        if b.id not in keep:
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
                removed.append(b.path)
    return removed


@dataclass(frozen=True)
class Unconverted:
    """A backup left as it was by ``convert_backups``: which file, why, and if it is readable."""

    path: Path
    why: str
    readable: bool


@dataclass(frozen=True)
class BackupsConverted:
    """What ``convert_backups`` did: backups converted, left as they were, leftovers removed."""

    converted: tuple[Path, ...] = ()
    failed: tuple[Unconverted, ...] = ()
    leftovers_removed: tuple[Path, ...] = ()


def _leftovers(folder: Path) -> list[Path]:
    # Temporary copies (see ``atomic_path``) that a killed process left half-written.
    with contextlib.suppress(FileNotFoundError):
        return sorted(p for p in folder.iterdir() if p.name.startswith(".") and ".tmp" in p.name)
    return []


def convert_backups(db_path: Path, *, old: str | None, new: str | None) -> BackupsConverted:
    """Bring every backup of a just-converted database to its new key (``None``: plain).

    Plain backups are encrypted when ``new`` is given; backups under ``old`` are re-keyed or
    decrypted. Each is converted to a temporary file, checked, then moved into place; one that
    fails is left exactly as it was and reported. Backups under another passphrase are left
    alone when encrypting (they are not readable). The caller holds the database's lock, so
    no backup is being written meanwhile and temporary files found are leftovers.
    """
    converted: list[Path] = []
    failed: list[Unconverted] = []
    for b in list_backups(db_path):
        plain = crypto.is_plain(b.path)
        if plain is None or (plain and new is None):
            continue  # gone meanwhile or empty, or already plain like the database
        if not plain and old is None:
            continue  # already encrypted: with ``new`` (a second run) or an older passphrase
        try:
            crypto.convert(b.path, old=None if plain else old, new=new, journal_mode="DELETE")
        except Exception as exc:
            why = str(exc) or type(exc).__name__
            if not plain and "passphrase is wrong" in why:
                why = "it is encrypted with another passphrase"
            failed.append(Unconverted(b.path, why, readable=plain))
        else:
            converted.append(b.path)
    removed: list[Path] = []
    for leftover in _leftovers(backup_dir(db_path)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            removed.append(leftover)
    return BackupsConverted(tuple(converted), tuple(failed), tuple(removed))


def backup_before_upgrade(path: Path, passphrase: str | None) -> None:
    """A verified backup before a schema upgrade; without one the database is not upgraded."""
    try:
        make_backup(path, passphrase=passphrase, reason="before-migration")
    except Exception as exc:
        raise DatabaseError(
            _(
                "Could not make a verified backup of {path} before upgrading its schema, so it "
                "was not upgraded and not changed ({error})."
            ).format(path=path, error=exc)
        ) from exc


def backup_on_open(path: Path, passphrase: str | None) -> None:
    """A backup on opening when the file changed since the last one; a failure only logged."""
    try:
        make_backup(path, passphrase=passphrase, reason="open", only_if_changed=True)
    except Exception:  # opening must not fail because the backup folder is unwritable
        log.warning("The backup on opening %s failed", path, exc_info=True)
