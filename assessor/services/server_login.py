"""Connecting the window to a PostgreSQL server: the address, where the data lives, and why a
connection failed, as a kind the window words.

The window never builds or parses a SQLAlchemy URL itself: it gives host, port, database and
login (and the password, kept out of every address shown or stored) and gets back a handle,
or a ``ConnectionProblem`` saying which of the known failures it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from assessor.db import migrate
from assessor.db.engine import Database, make_engine
from assessor.db.errors import DatabaseError
from assessor.db.opening import open_database
from assessor.db.server_errors import (
    NO_DATABASE,
    NO_LOGIN,
    NO_PRIVILEGE,
    WRONG_PASSWORD,
    is_server_error,
    server_problem,
)

#: The driver every server address uses.
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
#: Seconds a connection may take before the server counts as unreachable.
CONNECT_TIMEOUT = 10

#: The kinds of failure the window words itself (anything else: ``OTHER``, with the details).
UNREACHABLE = "unreachable"
NEEDS_PASSWORD = "needs_password"
WRONG_LOGIN = "wrong_password"
NO_SUCH_DATABASE = "no_database"
NOT_LET_IN = "not_let_in"
NOT_ALLOWED = "no_privilege"
NEWER_SCHEMA = "newer_schema"
NO_DRIVER = "no_driver"
OTHER = "other"


@dataclass(frozen=True)
class ServerAddress:
    """Where a server database is: never a password."""

    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        """The address as the database URL, with ``password`` when given (never shown)."""
        return URL.create(
            DRIVER,
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"connect_timeout": str(CONNECT_TIMEOUT)},
        ).render_as_string(hide_password=False)

    @property
    def recent(self) -> str:
        """The address as File → Recent keeps it: a URL without password."""
        return URL.create(
            DRIVER, username=self.user, host=self.host, port=self.port, database=self.database
        ).render_as_string(hide_password=True)

    @property
    def shown(self) -> str:
        """user@host/db, as the title bar says it (the port when it is not the usual one)."""
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        return f"{self.user}@{self.host}{port}/{self.database}"


class ConnectionProblem(Exception):
    """Connecting failed; ``kind`` says which way (the window words it), ``detail`` the rest."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind, self.detail = kind, detail


def is_server_address(location: str) -> bool:
    """Whether a recent entry or ``--db`` names a server (a URL other than SQLite's)."""
    return "://" in location and not location.startswith("sqlite")


def parse_address(location: str) -> ServerAddress | None:
    """The address a server URL names (None: a file, or not an address at all)."""
    if not is_server_address(location):
        return None
    try:
        url = make_url(location)
    except ArgumentError:
        return None
    if url.get_backend_name() != "postgresql" or not url.host or not url.database:
        return None
    return ServerAddress(url.host, url.port or DEFAULT_PORT, url.database, url.username or "")


def address_of(db: Database) -> ServerAddress | None:
    """The server an open database is on (None: a file)."""
    if db.path is not None or db.url.get_backend_name() != "postgresql":
        return None
    url = db.url
    if not url.host or not url.database:
        return None
    return ServerAddress(url.host, url.port or DEFAULT_PORT, url.database, url.username or "")


def where(db: Database) -> str:
    """Where the data lives, for the title bar: the file's path, or user@host/db."""
    server = address_of(db)
    return server.shown if server is not None else db.location


def recent_entry(db: Database) -> str:
    """What File → Recent keeps of an open database: its path, or its URL without password."""
    server = address_of(db)
    return server.recent if server is not None else db.location


def _kind(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None)
    low = str(orig).casefold()
    if state == WRONG_PASSWORD or "password authentication failed" in low:
        return WRONG_LOGIN
    if "no password supplied" in low or "password is required" in low:
        return NEEDS_PASSWORD
    if state == NO_DATABASE or ("database" in low and "does not exist" in low):
        return NO_SUCH_DATABASE
    if state == NO_LOGIN or "no pg_hba.conf entry" in low or ("role" in low and "not exist" in low):
        return NOT_LET_IN
    if state == NO_PRIVILEGE or "permission denied" in low:
        return NOT_ALLOWED
    unreachable = (
        "connection refused",
        "translate host name",
        "resolve host",
        "name or service not known",
        "timeout",
        "timed out",
        "connection failed",
        "server closed the connection",
        "no route to host",
        "network is unreachable",
    )
    return UNREACHABLE if any(words in low for words in unreachable) else OTHER


def problem(exc: BaseException) -> ConnectionProblem | None:
    """The connection problem an error from opening a server is (None: not a server's)."""
    if isinstance(exc, ConnectionProblem):
        return exc
    if isinstance(exc, ModuleNotFoundError | NoSuchModuleError):
        return ConnectionProblem(NO_DRIVER, str(exc))
    if not is_server_error(exc):
        return None
    return ConnectionProblem(_kind(exc), server_problem(exc) or str(getattr(exc, "orig", exc)))


def open_server(address: ServerAddress, password: str | None) -> Database:
    """Open (and, the first time, set up) the database at ``address``.

    Raises ``ConnectionProblem``: unreachable, a login or password the server refuses, no such
    database, no right to it, or a schema made by a newer Assessor (checked before anything is
    changed).
    """
    url = make_url(address.url(password))
    try:
        engine = make_engine(url)
        try:
            migrate.check_known(migrate.current_revision(engine))
        finally:
            engine.dispose()
    except DatabaseError as exc:  # the one check_known raises: a newer Assessor's schema
        raise ConnectionProblem(NEWER_SCHEMA, str(exc)) from None
    except (SQLAlchemyError, ModuleNotFoundError) as exc:
        found = problem(exc)
        raise (found or ConnectionProblem(OTHER, str(exc))) from None
    try:
        return open_database(url.render_as_string(hide_password=False))
    except (SQLAlchemyError, DatabaseError) as exc:
        found = problem(exc)
        raise (found or ConnectionProblem(OTHER, str(exc))) from None
