"""The database tests on a PostgreSQL server: ``ASSESSOR_TEST_DATABASE_URL`` names one (a login
allowed to create databases; ``make test-postgres`` starts a throwaway cluster and sets it).

Each test gets a database of its own, cloned from a template migrated once per run (about
50 ms, where migrating each one would take four times as long), and dropped after the test.
Without the variable nothing here is used and every test runs on SQLite files.
"""

from __future__ import annotations

import os
import re
from itertools import count
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

if TYPE_CHECKING:
    from assessor.db.engine import Database

ENV_TEST_SERVER = "ASSESSOR_TEST_DATABASE_URL"


def server_url() -> URL | None:
    """The server the tests run on, or None (SQLite)."""
    value = os.environ.get(ENV_TEST_SERVER, "").strip()
    return make_url(value) if value else None


def _quoted(name: str) -> str:
    assert re.fullmatch(r"[a-z0-9_]+", name), name
    return f'"{name}"'


class ServerForTests:
    """Databases made and dropped for the tests on one server."""

    def __init__(self, url: URL) -> None:
        if url.get_backend_name() != "postgresql":
            raise ValueError(f"{ENV_TEST_SERVER} must name a PostgreSQL database, not {url!r}")
        self.url = url
        self.prefix = f"assessor_test_{os.getpid()}"
        self._admin: Engine | None = None
        self._template: str | None = None
        self._numbers = count(1)
        #: Databases made and not yet dropped.
        self.made: list[str] = []

    @property
    def admin(self) -> Engine:
        """A connection outside any transaction (CREATE and DROP DATABASE need one)."""
        if self._admin is None:
            self._admin = create_engine(self.url, isolation_level="AUTOCOMMIT", pool_size=1)
        return self._admin

    def url_of(self, name: str) -> URL:
        """The URL of one of the databases on this server."""
        return self.url.set(database=name)

    def _create(self, name: str, template: str = "template0") -> URL:
        with self.admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)"))
            conn.execute(
                text(
                    f"CREATE DATABASE {_quoted(name)} TEMPLATE {_quoted(template)} "
                    "STRATEGY FILE_COPY"
                )
            )
        self.made.append(name)
        return self.url_of(name)

    def template(self) -> str:
        """A database migrated to the newest schema, to clone (made on first use)."""
        if self._template is None:
            from assessor.db.engine import open_database

            name = f"{self.prefix}_template"
            url = self._create(name)
            open_database(url.render_as_string(hide_password=False), backup=False).close()
            self._template = name
        return self._template

    def new_database(self, *, blank: bool = False) -> URL:
        """A new database: migrated and empty, or with ``blank`` without any schema at all."""
        name = f"{self.prefix}_{next(self._numbers)}"
        return self._create(name, "template0" if blank else self.template())

    def drop(self, url: URL) -> None:
        """Drop one of the databases made here (its connections are ended first)."""
        name = url.database
        assert name is not None and name in self.made, name
        with self.admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)"))
        self.made.remove(name)

    def drop_all(self) -> None:
        """Drop every database still here, the template last; end the admin connection."""
        for name in [n for n in self.made if n != self._template]:
            self.drop(self.url_of(name))
        if self._template is not None:
            self.drop(self.url_of(self._template))
            self._template = None
        if self._admin is not None:
            self._admin.dispose()
            self._admin = None


def db_argument(database: Database) -> str:
    """What ``--db`` names a test's database by: its file, or its URL with the password."""
    if database.path is not None:
        return str(database.path)
    return database.url.render_as_string(hide_password=False)
