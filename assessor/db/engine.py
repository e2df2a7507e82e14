"""Opening a database: where it lives, connection settings, migrations, sessions."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from assessor.db import crypto
from assessor.db.errors import DatabaseError
from assessor.db.lock import DatabaseLock

__all__ = ["APP_NAME", "ENV_DB", "Database", "DatabaseError", "open_database", "resolve_db_url"]
log = logging.getLogger(__name__)

APP_NAME = "Assessor"
ENV_DB = "ASSESSOR_DB"


def default_db_path() -> Path:
    """The default database file, in the user's data directory."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "assessor.sqlite"


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> URL:
    """The database URL from ``--db``, else ``ASSESSOR_DB``, else the default file.

    A plain path means a SQLite file; anything with ``://`` is taken as a SQLAlchemy URL.
    """
    chosen = str(db) if db else os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in chosen:
        return make_url(chosen)
    path = Path(chosen).expanduser()
    return URL.create("sqlite", database=str(path.resolve()))


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


def sqlite_path(url: URL) -> Path | None:
    """The database file a URL names, or None (an in-memory or server database)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def make_engine(url: URL, *, passphrase: str | None = None, read_only: bool = False) -> Engine:
    """An engine with the connection settings DESIGN.md asks for (SQLCipher with a passphrase)."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        url = crypto.engine_url(path, passphrase, read_only=read_only)
    elif passphrase is not None:
        raise DatabaseError("Only a database file (SQLite) can be encrypted.")
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
                f"The database {self.location} is open read-only (another Assessor has it); "
                "nothing can be changed here."
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


def _create_private(path: Path) -> None:
    """Create an empty database file only its owner can read, as the backups and exports are.

    SQLite gives the journal files (``-wal``, ``-shm``) the database file's permissions.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def open_database(
    db: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    passphrase: str | None = None,
    backup: bool = True,
) -> Database:
    """Open (creating if needed) and migrate the database chosen by ``db`` / env / default.

    A SQLite file is locked for this process (``DatabaseLocked`` says who else has it;
    ``read_only=True`` opens it anyway, without writing), quick-checked (``DatabaseDamaged``),
    backed up before a schema upgrade, and with ``backup`` also on opening and closing when it
    changed since the last backup. ``passphrase`` opens or creates a SQLCipher database.
    """
    from assessor.db import migrate

    url = resolve_db_url(db)
    path = sqlite_path(url)
    if path is None:
        if read_only or passphrase is not None:
            raise DatabaseError("Read-only and encrypted opening need a database file (SQLite).")
        server = make_engine(url)
        _migrate(server, url)
        return Database(url, server, sessionmaker(server, expire_on_commit=False))
    if passphrase is not None:
        crypto.require_driver()
    lock = None if read_only else DatabaseLock.acquire(path)
    engine: Engine | None = None
    try:
        existed = crypto.is_plain(path) is not None
        revision = _preflight(path, passphrase) if existed else None
        if read_only:
            if not existed:
                raise DatabaseError(f"There is no database at {path} to open read-only.")
            if revision != migrate.head_revision():
                migrate.check_known(revision)
                raise DatabaseError(
                    f"The database {path} needs a schema upgrade, which a read-only opening "
                    "cannot do; open it normally once."
                )
        upgrading = existed and not read_only and revision != migrate.head_revision()
        if upgrading:
            migrate.check_known(revision)  # a database from the future is left untouched
            _backup_before_upgrade(path, passphrase)
        if not existed and not read_only:
            _create_private(path)
        engine = make_engine(url, passphrase=passphrase, read_only=read_only)
        if not read_only:
            _migrate(engine, url)
        database = Database(
            url,
            engine,
            sessionmaker(engine, expire_on_commit=False),
            lock=lock,
            read_only=read_only,
            backup_on_close=backup,
            passphrase=passphrase,
        )
        if backup and existed and not read_only and not upgrading:
            _backup_on_open(database)
        return database
    except BaseException:
        if engine is not None:
            engine.dispose()
        if lock is not None:
            lock.release()
        raise


def _preflight(path: Path, passphrase: str | None) -> str | None:
    from assessor.db import recovery

    return recovery.check(path, passphrase).revision


def _migrate(engine: Engine, url: URL) -> None:
    from assessor.db.migrate import upgrade_to_head

    try:
        upgrade_to_head(engine)
    except DatabaseError:
        raise
    except Exception as exc:  # a damaged or foreign file: say so plainly
        raise DatabaseError(f"Cannot open the database {url.database or url}: {exc}") from exc


def _backup_before_upgrade(path: Path, passphrase: str | None) -> None:
    from assessor.db.backup import make_backup

    try:
        make_backup(path, passphrase=passphrase, reason="before-migration")
    except Exception as exc:
        raise DatabaseError(
            f"Could not make a verified backup of {path} before upgrading its schema, so it "
            f"was not upgraded and not changed ({exc})."
        ) from exc


def _backup_on_open(database: Database) -> None:
    from assessor.db.backup import make_backup

    assert database.path is not None
    try:
        make_backup(
            database.path, passphrase=database.passphrase, reason="open", only_if_changed=True
        )
    except Exception:  # opening must not fail because the backup folder is unwritable
        log.warning("The backup on opening %s failed", database.path, exc_info=True)
