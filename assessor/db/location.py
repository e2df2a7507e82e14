"""Where a database lives: ``--db``, ``ASSESSOR_DB`` or the default file, and whether it can be
written there."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url

from assessor.db.errors import ReadOnlyDatabase

APP_NAME = "Assessor"
ENV_DB = "ASSESSOR_DB"

__all__ = [
    "APP_NAME",
    "ENV_DB",
    "URL",
    "create_private",
    "default_db_path",
    "refuse_unwritable",
    "resolve_db_url",
    "sqlite_path",
]


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


def sqlite_path(url: URL) -> Path | None:
    """The database file a URL names, or None (an in-memory or server database)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def refuse_unwritable(path: Path) -> None:
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


def create_private(path: Path) -> None:
    """Create an empty database file only its owner can read, as the backups and exports are.

    SQLite gives the journal files (``-wal``, ``-shm``) the database file's permissions.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
