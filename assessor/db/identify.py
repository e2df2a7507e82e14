"""What a database file holds, found before anything writes to it.

An Assessor database is recognised by its tables and its recorded schema version
(``alembic_version``). Anything else — another application's database, a half-made schema that
holds data, a version that disagrees with the tables — is refused in plain words and left
exactly as it was; only a file with no tables, or a half-made schema with nothing in it, may be
(re)built, and only by an opening that may create a database.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assessor.db.errors import NotAssessorDatabase, SchemaMismatch
from assessor.i18n import N_, _

VERSION_TABLE = "alembic_version"
#: The full-text index of 0002 and SQLite's shadow tables behind it.
_FTS = re.compile(
    r"fts_(recommendation|observation|follow_up|assessment)(_data|_idx|_config|_docsize|_content)?"
)
#: Tables a first import fills with presets, not with the user's work.
_PRESETS = frozenset({"rating_scale", "rating_level"})
#: How many names a message lists before it says how many more there are.
_LISTED = 6
#: What a failed opening tells the user to do about a database it will not touch.
RESTORE_HINT = N_(
    "restore a backup (`assessor backup list`, then `assessor backup restore ID`; in the window "
    "File → Restore from backup…), or choose another file"
)


class State(enum.Enum):
    """What opening may do with a file that was not refused."""

    #: No tables at all: a new database may be made in it.
    NEW = "new"
    #: An unfinished schema (an interrupted first import) with no data: it may be made anew.
    REBUILD = "rebuild"
    #: An Assessor database at a known schema version (perhaps an older one, to upgrade).
    ASSESSOR = "assessor"


@dataclass(frozen=True)
class Contents:
    """The tables of a database file, their columns, and its recorded schema version."""

    tables: Mapping[str, frozenset[str]]
    revision: str | None
    #: Assessor tables holding the user's rows (read only when the version is missing).
    filled: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def model_tables() -> frozenset[str]:
    """The names of every table of Assessor's schema (the models hold the newest one)."""
    from assessor.db.models import Base

    return frozenset(Base.metadata.tables)


def is_assessor_table(name: str) -> bool:
    """Whether a table belongs to Assessor's schema, at any version."""
    return name == VERSION_TABLE or name in model_tables() or _FTS.fullmatch(name) is not None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_contents(conn: Any) -> Contents:
    """What the file holds, read through a DB-API connection (read-only is enough)."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\'"
        ).fetchall()
    ]
    tables: dict[str, frozenset[str]] = {}
    for name in names:
        try:
            rows = conn.execute(f"PRAGMA table_info({_quoted(name)})").fetchall()
        except Exception:  # a virtual table of a module this SQLite lacks
            rows = []
        tables[name] = frozenset(str(r[1]) for r in rows)
    revision = None
    if VERSION_TABLE in tables:
        row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        revision = str(row[0]) if row and row[0] else None
    filled: frozenset[str] = frozenset()
    if revision is None:
        data = [n for n in names if n in model_tables() and n not in _PRESETS]
        filled = frozenset(
            n for n in data if conn.execute(f"SELECT 1 FROM {_quoted(n)} LIMIT 1").fetchone()
        )
    return Contents(tables, revision, filled)


def listing(names: Iterable[str]) -> str:
    """Names for a message: sorted, the first few, and how many more."""
    ordered = sorted(names)
    shown = ", ".join(ordered[:_LISTED])
    more = len(ordered) - _LISTED
    return _("{names} and {n} more").format(names=shown, n=more) if more > 0 else shown


def judge(path: Path, contents: Contents) -> State:
    """Decide what may be done with the file; refuse (raise) what must be left alone."""
    names = set(contents.tables)
    if not names:
        return State.NEW
    foreign = {n for n in names if not is_assessor_table(n)}
    ours = names - foreign - {VERSION_TABLE}
    # Another application's database (it may use Alembic too: its version is not ours).
    if foreign and (not ours or contents.revision is None):
        raise NotAssessorDatabase(
            path,
            _("a database of another application (tables: {tables})").format(
                tables=listing(foreign)
            ),
        )
    if contents.revision is None:
        if not contents.filled:
            return State.REBUILD
        if VERSION_TABLE in names:
            text = _(
                "The database {path} has Assessor's tables but an empty record of its schema "
                "version (an older Assessor was interrupted while making it, or another program "
                "changed it), and it holds data ({tables}). Assessor will not change it: {hint}."
            )
        else:
            text = _(
                "The database {path} has Assessor's tables but no record of its schema "
                "version (an older Assessor was interrupted while making it, or another program "
                "changed it), and it holds data ({tables}). Assessor will not change it: {hint}."
            )
        raise SchemaMismatch(
            text.format(path=path, tables=listing(contents.filled), hint=_(RESTORE_HINT))
        )
    from assessor.db.migrate import check_known

    check_known(contents.revision)  # a newer Assessor's database is refused, untouched
    problems = differences(contents, expected_schema(contents.revision))
    if problems:
        raise SchemaMismatch(
            _(
                "The database {path} records schema version {revision}, but its tables "
                "do not match that version ({problems}). Assessor will not change it: {hint}."
            ).format(
                path=path,
                revision=contents.revision,
                problems="; ".join(problems[:3]),
                hint=_(RESTORE_HINT),
            )
        )
    return State.ASSESSOR


def _plain_tables(tables: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    return {n: c for n, c in tables.items() if n in model_tables()}


def differences(contents: Contents, expected: Mapping[str, frozenset[str]]) -> list[str]:
    """How the file's Assessor tables differ from a schema version's, in words."""
    present = _plain_tables(contents.tables)
    problems = []
    missing = set(expected) - set(present)
    if missing:
        problems.append(_("missing tables: {tables}").format(tables=listing(missing)))
    later = set(present) - set(expected)
    if later:
        problems.append(_("tables of another version: {tables}").format(tables=listing(later)))
    for name in sorted(set(expected) & set(present)):
        lacking = expected[name] - present[name]
        surplus = present[name] - expected[name]
        if lacking:
            problems.append(
                _("{table} lacks the columns {columns}").format(
                    table=name, columns=listing(lacking)
                )
            )
        if surplus:
            problems.append(
                _("{table} has columns of another version: {columns}").format(
                    table=name, columns=listing(surplus)
                )
            )
    return problems


def expected_schema(revision: str) -> Mapping[str, frozenset[str]]:
    """The tables and columns of a schema version (the models' for the newest one)."""
    from assessor.db.migrate import head_revision
    from assessor.db.models import Base

    if revision == head_revision():
        return {t.name: frozenset(c.name for c in t.columns) for t in Base.metadata.tables.values()}
    return migrated_schema(revision)


@lru_cache(maxsize=8)
def migrated_schema(revision: str) -> Mapping[str, frozenset[str]]:
    """The tables and columns the migrations make up to ``revision``, built in memory."""
    from alembic import command
    from sqlalchemy import create_engine

    from assessor.db.migrate import alembic_config

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            contents = read_contents(conn.connection.dbapi_connection)
    finally:
        engine.dispose()
    return _plain_tables(contents.tables)


def nothing_yet(path: Path, state: State, existed: bool) -> str:
    """Why there is no database to open in ``path`` yet, and what makes one."""
    if state is State.REBUILD:
        return _(
            "{path} holds an unfinished Assessor database with nothing in it (a first import "
            "was interrupted); import a factsheet to make it anew."
        ).format(path=path)
    if existed:
        return _("{path} holds no Assessor database yet; import a factsheet first.").format(
            path=path
        )
    return _("There is no database at {path}; import a factsheet first.").format(path=path)
