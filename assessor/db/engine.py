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
from assessor.db.errors import DatabaseError, NoDatabaseYet, ReadOnlyDatabase, sqlite_problem
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
    create: bool = True,
) -> Database:
    """Open (creating if needed and ``create``) and migrate the database chosen by ``db``.

    A SQLite file is locked for this process (``DatabaseLocked`` says who else has it;
    ``read_only=True`` opens it anyway, without writing), quick-checked (``DatabaseDamaged``),
    recognised (another application's database, a text file, a half-made schema holding data
    or a version that disagrees with the tables are refused untouched), backed up before a
    schema upgrade, and with ``backup`` also on opening and closing when it changed since the
    last backup. A new schema is made in one transaction, and only with ``create`` (otherwise
    ``NoDatabaseYet``). ``passphrase`` opens or creates a SQLCipher database.
    """
    from assessor.db import migrate
    from assessor.db.identify import State, judge

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
    if not read_only:
        _refuse_unwritable(path)
    lock = None if read_only else DatabaseLock.acquire(path)
    engine: Engine | None = None
    try:
        existed = crypto.is_plain(path) is not None
        preflight = _preflight(path, passphrase) if existed else None
        contents = preflight.contents if preflight else None
        state = judge(path, contents) if contents is not None else State.NEW
        revision = preflight.revision if preflight else None
        if state is not State.ASSESSOR and (read_only or not create):
            raise NoDatabaseYet(_nothing_yet(path, state, existed))
        if read_only and revision != migrate.head_revision():
            raise DatabaseError(
                f"The database {path} needs a schema upgrade, which a read-only opening "
                "cannot do; open it normally once."
            )
        upgrading = state is State.ASSESSOR and not read_only
        upgrading = upgrading and revision != migrate.head_revision()
        if upgrading:
            _backup_before_upgrade(path, passphrase)
        if not existed and not read_only:
            _create_private(path)
        engine = make_engine(url, passphrase=passphrase, read_only=read_only)
        if not read_only:
            _migrate(engine, url, rebuild=state is State.REBUILD)
        database = Database(
            url,
            engine,
            sessionmaker(engine, expire_on_commit=False),
            lock=lock,
            read_only=read_only,
            backup_on_close=backup,
            passphrase=passphrase,
        )
        if backup and state is State.ASSESSOR and not read_only and not upgrading:
            _backup_on_open(database)
        return database
    except BaseException:
        if engine is not None:
            engine.dispose()
        if lock is not None:
            lock.release()
        raise


def _nothing_yet(path: Path, state: object, existed: bool) -> str:
    """Why there is no database to open in ``path`` yet, and what makes one."""
    from assessor.db.identify import State

    if state is State.REBUILD:
        return (
            f"{path} holds an unfinished Assessor database with nothing in it (a first import "
            "was interrupted); import a factsheet to make it anew."
        )
    if existed:
        return f"{path} holds no Assessor database yet; import a factsheet first."
    return f"There is no database at {path}; import a factsheet first."


def _refuse_unwritable(path: Path) -> None:
    """Refuse, before anything is made, a database file or folder that cannot be written.

    SQLite needs to write the file and, in WAL mode, to make files beside it; the lock file
    goes beside it too. (An immutable file is refused for root as well.)
    """
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a folder still to be made: its first existing parent decides
    if path.exists():
        writable = os.access(path, os.R_OK | os.W_OK) and os.access(path.parent, os.W_OK)
    else:
        writable = os.access(folder, os.W_OK)
    if not writable:
        raise ReadOnlyDatabase(path)


def _preflight(path: Path, passphrase: str | None) -> Any:
    from assessor.db import recovery

    return recovery.check(path, passphrase)


def _migrate(engine: Engine, url: URL, *, rebuild: bool = False) -> None:
    from assessor.db.migrate import upgrade_to_head

    where = url.database or url.render_as_string(hide_password=True)
    try:
        upgrade_to_head(engine, rebuild=rebuild)
    except DatabaseError:
        raise
    except Exception as exc:  # a damaged file, a full disk: say so plainly, never the SQL
        plain = sqlite_problem(exc, where)
        if plain is not None:
            raise DatabaseError(plain) from exc
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())
        raise DatabaseError(
            f"Cannot open the database {where}: its schema could not be brought up to date "
            f"({reason}); nothing was changed."
        ) from exc


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
