"""Opening a database for the window and the command line: one opaque handle, and the errors.

The window and the command line open, close and describe a database only through here; what
they hold is a ``Handle`` they pass to services and never look inside (no session, no engine).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeAlias

from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from assessor.db import crypto
from assessor.db.engine import ENV_DB, Database, resolve_db_url, sqlite_path
from assessor.db.errors import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseLocked,
    NoDatabaseYet,
    NotAssessorDatabase,
    PassphraseError,
    sqlite_problem,
)
from assessor.db.opening import open_database

#: An open database, as the window and the command line hold it: passed to services, closed.
Handle: TypeAlias = Database

__all__ = [
    "ENV_DB",
    "URL",
    "ArgumentError",
    "DatabaseDamaged",
    "DatabaseError",
    "DatabaseLocked",
    "Handle",
    "NoDatabaseYet",
    "NotAssessorDatabase",
    "PassphraseError",
    "database_file",
    "encryption_unavailable_reason",
    "is_driver_error",
    "is_plain_file",
    "is_storage_error",
    "open_handle",
    "resolve_location",
    "sqlite_problem",
]


def open_handle(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    passphrase: str | None = None,
    backup: bool = True,
    create: bool = True,
) -> Handle:
    """Open (creating if needed and ``create``) the database chosen by ``location``."""
    return open_database(
        location, read_only=read_only, passphrase=passphrase, backup=backup, create=create
    )


def resolve_location(location: str | os.PathLike[str] | None = None) -> URL:
    """The database address from ``--db``, else ``ASSESSOR_DB``, else the default file."""
    return resolve_db_url(location)


def database_file(location: str | os.PathLike[str] | None = None) -> Path | None:
    """The database file a location names, or None (an in-memory or server database)."""
    return sqlite_path(resolve_db_url(location))


def is_plain_file(path: Path) -> bool | None:
    """Whether a file is a plain SQLite database (False: encrypted or other; None: missing)."""
    return crypto.is_plain(path)


def encryption_unavailable_reason() -> str | None:
    """Why databases cannot be encrypted here (no SQLCipher driver), or None when they can."""
    return crypto.unavailable_reason()


def is_storage_error(exc: BaseException) -> bool:
    """Whether an error came from the database (locked, damaged, full disk) rather than a bug."""
    return isinstance(exc, SQLAlchemyError)


def is_driver_error(exc: BaseException) -> bool:
    """Whether an error was raised by the database driver (SQLite's own refusals)."""
    return isinstance(exc, DBAPIError)
