"""Opening a database: where it lives, connection settings, migrations, sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "Assessor"
ENV_DB = "ASSESSOR_DB"


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is meant for the user."""


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


def make_engine(url: URL) -> Engine:
    """An engine with the connection settings DESIGN.md asks for."""
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@dataclass
class Database:
    """An open, migrated database and its session factory."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def location(self) -> str:
        """A human-readable location: the file path for SQLite, else the URL without password."""
        if self.url.get_backend_name() == "sqlite":
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back everything on any error."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        with self.sessions() as session:
            yield session
            session.rollback()

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def open_database(db: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating if needed) and migrate the database chosen by ``db`` / env / default."""
    from assessor.db.migrate import upgrade_to_head

    url = resolve_db_url(db)
    engine = make_engine(url)
    try:
        upgrade_to_head(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:  # a damaged or foreign file: say so plainly
        engine.dispose()
        raise DatabaseError(f"Cannot open the database {url.database or url}: {exc}") from exc
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False))
