"""Alembic migrations, run from code when a database is opened."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL

from assessor.db.errors import DatabaseError, sqlite_problem
from assessor.i18n import _

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """An Alembic configuration pointing at the bundled migration scripts."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at, or None for a new database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_known(revision: str | None) -> None:
    """Refuse a schema revision this version does not know: a newer Assessor made it."""
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise DatabaseError(
            _(
                "This database was made by a newer version of Assessor "
                "(schema {revision}); update Assessor to open it. The file was not changed."
            ).format(revision=revision)
        )


def upgrade_to_head(engine: Engine, *, rebuild: bool = False) -> None:
    """Bring the database to the newest schema; refuse one made by a newer version.

    On SQLite every migration runs in one transaction, so a crash (even ``kill -9``) leaves
    the schema either as it was or complete, never half-made. ``rebuild`` first drops the
    tables of an unfinished schema that holds nothing (``identify.State.REBUILD``), in the same
    transaction.
    """
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    current = None if rebuild else current_revision(engine)
    check_known(current)
    if current == script.get_current_head() and not rebuild:
        return
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:  # PostgreSQL's DDL is transactional as it is
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return
    with engine.connect() as conn, _one_sqlite_transaction(conn):
        if rebuild:
            _drop_assessor_tables(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@contextmanager
def _one_sqlite_transaction(conn: Connection) -> Iterator[None]:
    """Run the block in one SQLite transaction, DDL included, committed at its end.

    Python's sqlite3 module (in its default, legacy mode) opens a transaction only before an
    INSERT, UPDATE or DELETE, so every CREATE TABLE before one would commit on its own: a kill
    then left some tables and an empty ``alembic_version``. With the driver in autocommit mode
    and an explicit BEGIN, nothing commits until the COMMIT. The connection is put back as it
    was before it returns to the pool.
    """
    raw: Any = conn.connection.dbapi_connection
    previous = raw.isolation_level
    raw.isolation_level = None
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock now: no other writer between
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()  # the driver commits: SQLite is inside our BEGIN
    finally:
        if raw.in_transaction:  # never hand a connection with an open transaction back
            raw.rollback()
        raw.isolation_level = previous


def _drop_assessor_tables(conn: Connection) -> None:
    """Drop every table of an unfinished, empty Assessor schema (triggers, virtual tables first)."""
    from assessor.db.identify import is_assessor_table

    # Triggers first: those of the search index would fire on dropping a table they watch.
    triggers = conn.exec_driver_sql(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
    ).all()
    for name, table in triggers:
        if is_assessor_table(str(table)):
            conn.exec_driver_sql('DROP TRIGGER IF EXISTS "' + str(name).replace('"', '""') + '"')
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).all()
    ours = [(str(name), str(sql or "")) for name, sql in rows if is_assessor_table(str(name))]
    # A virtual table drops its shadow tables with it; then children before their parents
    # (a table referring to one already dropped cannot be dropped with foreign keys on).
    from assessor.db.models import Base

    order = {t.name: i for i, t in enumerate(reversed(Base.metadata.sorted_tables))}
    ours.sort(
        key=lambda row: (not row[1].upper().startswith("CREATE VIRTUAL"), order.get(row[0], -1))
    )
    for name, _sql in ours:
        quoted = '"' + name.replace('"', '""') + '"'
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {quoted}")


def _first_line(exc: BaseException) -> str:
    """The driver's own sentence, without the SQL, the caret line or the hint a server adds."""
    orig = getattr(exc, "orig", None) or exc
    diag = getattr(orig, "diag", None)  # psycopg: the server's primary message alone
    primary = getattr(diag, "message_primary", None)
    text = str(primary or orig).strip()
    return " ".join((text.splitlines() or [""])[0].split()) or type(orig).__name__


def bring_up_to_date(engine: Engine, url: URL, *, rebuild: bool = False) -> None:
    """Create or migrate the schema to the newest revision; failures said plainly, never the SQL."""
    where = url.database or url.render_as_string(hide_password=True)
    try:
        upgrade_to_head(engine, rebuild=rebuild)
    except DatabaseError:
        raise
    except Exception as exc:  # a damaged file, a full disk: say so plainly, never the SQL
        plain = sqlite_problem(exc, where)
        if plain is not None:
            raise DatabaseError(plain) from exc
        reason = _first_line(exc)
        raise DatabaseError(
            _(
                "Cannot open the database {where}: its schema could not be brought up to date "
                "({reason}); nothing was changed."
            ).format(where=where, reason=reason)
        ) from exc
