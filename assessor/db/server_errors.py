"""A PostgreSQL server's refusals in plain words: one line, no SQL, what to do.

Read from the driver's own error (psycopg 3): its SQLSTATE when the server sent one, else its
first sentence (a connection that failed before any server spoke has no SQLSTATE).
"""

from __future__ import annotations

import re

from sqlalchemy.engine import URL

from assessor.i18n import _

#: SQLSTATEs: wrong password, no such database, insufficient privilege (and RLS refusals).
WRONG_PASSWORD = "28P01"
NO_LOGIN = "28000"
NO_DATABASE = "3D000"
NO_PRIVILEGE = "42501"


def _driver_error(exc: BaseException) -> BaseException:
    return getattr(exc, "orig", None) or exc


def is_server_error(exc: BaseException) -> bool:
    """Whether the error was raised by the PostgreSQL driver (psycopg)."""
    return type(_driver_error(exc)).__module__.split(".")[0] == "psycopg"


def _first_sentence(orig: BaseException) -> str:
    diag = getattr(orig, "diag", None)
    primary = getattr(diag, "message_primary", None)
    text = str(primary or orig).strip()
    return " ".join((text.splitlines() or [""])[0].split())


def _where(text: str, url: URL | None) -> str:
    """The server, as the URL names it, else as the driver's message does."""
    if url is not None and url.host:
        return f"{url.host}:{url.port}" if url.port else url.host
    found = re.search(r'server at "([^"]+)", port (\d+)', text)
    if found:
        return f"{found.group(1)}:{found.group(2)}"
    found = re.search(r"host '([^']+)'", text)
    return found.group(1) if found else _("the database server")


def server_problem(exc: BaseException, url: URL | None = None) -> str | None:
    """The sentence for a server's refusal, or None when it is not one this module knows."""
    if not is_server_error(exc):
        return None
    orig = _driver_error(exc)
    state = getattr(orig, "sqlstate", None)
    text = _first_sentence(orig)
    low = text.casefold()
    where = _where(text, url)
    login = (url.username if url is not None else None) or _quoted(low, "user")
    database = (url.database if url is not None else None) or _quoted(low, "database")
    if state == WRONG_PASSWORD or "password authentication failed" in low:
        return (
            _(
                "The server {where} refused the login {login}: wrong password (or no such "
                "login); check ~/.pgpass or PGPASSWORD. Nothing was changed."
            )
            .format(where=where, login=login or "")
            .replace("login :", "login:")
        )
    if "no password supplied" in low:
        return _(
            "The server {where} asks for a password for the login {login}; put it in "
            "~/.pgpass or PGPASSWORD (not in the URL). Nothing was changed."
        ).format(where=where, login=login or "")
    if state == NO_DATABASE or ("database" in low and "does not exist" in low):
        return _(
            "There is no database {database} on the server {where}; check the name in "
            "--db, or create it (docs/server.md). Nothing was changed."
        ).format(database=database or "", where=where)
    if (
        state == NO_LOGIN
        or "no pg_hba.conf entry" in low
        or ("role" in low and "does not exist" in low)
    ):
        return _(
            "The server {where} does not let the login {login} in (no such login, or "
            "pg_hba.conf does not allow it from here); ask the Secretariat. Nothing was changed."
        ).format(where=where, login=login or "")
    if "row-level security" in low:
        return _(
            "The server refused the change: this Party is not among those granted to your "
            "login (`assessor server grant`); nothing was changed."
        )
    if state == NO_PRIVILEGE or "permission denied" in low:
        return _(
            "The server refused the change: your login may not change this (a read-only "
            "login, or something only the database's owner changes); nothing was changed."
        )
    if "connection refused" in low:
        return _(
            "Cannot reach the database server {where}: the connection was refused (is the "
            "server running, and listening there?). Nothing was changed."
        ).format(where=where)
    if "resolve host" in low or "translate host name" in low or "name or service not known" in low:
        return _(
            "Cannot reach the database server {where}: no such host name; check the address "
            "in --db. Nothing was changed."
        ).format(where=where)
    if "timeout" in low or "timed out" in low:
        return _(
            "Cannot reach the database server {where}: no answer in time (a network or "
            "firewall problem?); try again later. Nothing was changed."
        ).format(where=where)
    if "connection failed" in low or "server closed the connection" in low or "ssl" in low:
        return _(
            "Cannot talk to the database server {where} ({reason}); check the address "
            "and the network. Nothing was changed."
        ).format(where=where, reason=text.rsplit("failed: ", 1)[-1])
    return None


def _quoted(text: str, what: str) -> str | None:
    found = re.search(rf'{what} "([^"]+)"', text)
    return found.group(1) if found else None
