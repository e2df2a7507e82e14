"""An open database: connection settings, the engine and its sessions (opening: ``opening.py``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from assessor.db import crypto
from assessor.db.errors import DatabaseError
from assessor.db.location import APP_NAME, ENV_DB, default_db_path, resolve_db_url, sqlite_path
from assessor.db.lock import DatabaseLock
from assessor.i18n import _

__all__ = [
    "APP_NAME",
    "ENV_DB",
    "Database",
    "DatabaseError",
    "default_db_path",
    "make_engine",
    "resolve_db_url",
    "sqlite_path",
]
log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL + FULL: a crash loses at most the transaction in flight, never a committed edit.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # A second instance reads what the writer commits and can never write, even by mistake.
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: URL, *, passphrase: str | None = None, read_only: bool = False) -> Engine:
    """An engine with the connection settings DESIGN.md asks for (SQLCipher with a passphrase)."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        url = crypto.engine_url(path, passphrase, read_only=read_only)
    elif passphrase is not None:
        raise DatabaseError(_("Only a database file (SQLite) can be encrypted."))
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _read_only_pragmas if read_only else _sqlite_pragmas)
    return engine


@dataclass
class Database:
    """An open, migrated database and its session factory."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    #: The one-writer lock, held while open (None: read-only, or not a file).
    lock: DatabaseLock | None = None
    #: Opened read-only (another instance holds the lock): ``transaction()`` refuses.
    read_only: bool = False
    #: Take a verified backup on ``close()`` if the database changed since the last one.
    backup_on_close: bool = True
    # Kept in memory only, for backups (which are encrypted with it); never written anywhere.
    passphrase: str | None = field(default=None, repr=False, compare=False)

    @property
    def location(self) -> str:
        """A human-readable location: the file path for SQLite, else the URL without password."""
        if self.url.get_backend_name() == "sqlite":
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        """The database file, or None for an in-memory or server database."""
        return sqlite_path(self.url)

    @property
    def encrypted(self) -> bool:
        """Whether the database is encrypted (opened with a passphrase)."""
        return self.passphrase is not None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back everything on any error."""
        if self.read_only:
            raise DatabaseError(
                _(
                    "The database {location} is open read-only (another Assessor has it); "
                    "nothing can be changed here."
                ).format(location=self.location)
            )
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self.sessions() as session:
            yield session
            session.rollback()

    def close(self) -> None:
        """Release every connection, back up if changed, release the lock (twice is harmless)."""
        # Connections first: the last one folds the log into the file, so the backup's record
        # of the file's size and time matches what the next opening will see.
        self.engine.dispose()
        if self.lock is not None and self.lock.held and self.backup_on_close:
            from assessor.db.backup import make_backup

            path = self.path
            try:
                if path is not None:
                    make_backup(
                        path, passphrase=self.passphrase, reason="close", only_if_changed=True
                    )
            except Exception:  # the database itself is safe; a failed copy must not block exit
                log.warning("The backup on closing %s failed", path, exc_info=True)
        if self.lock is not None:
            self.lock.release()


def __getattr__(name: str) -> Any:
    # ``open_database`` lives in ``opening.py`` (the pipeline, which builds on this module);
    # it is still found here, where callers have always imported it from.
    if name == "open_database":
        from assessor.db.opening import open_database

        return open_database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
