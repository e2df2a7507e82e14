"""One mapping from what failed to the sentence the user reads (assessor.cli.common)."""

from __future__ import annotations

import argparse
import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from assessor.cli.common import user_message
from assessor.db.engine import make_engine, resolve_db_url
from assessor.db.migrate import upgrade_to_head


def args(**kw: object) -> argparse.Namespace:
    return argparse.Namespace(**{"db": "/data/a.sqlite", "output": None, **kw})


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full; free some space and try again; nothing was changed"),
        (errno.EROFS, "read-only disk"),
        (errno.ENAMETOOLONG, "the name is too long"),
        (errno.EACCES, "permission denied"),
        (errno.EPERM, "permission denied"),
    ],
)
def test_system_refusals_name_the_file_and_say_what_to_do(code: int, words: str) -> None:
    exc = OSError(code, "raw text", "out.json")
    message = user_message(exc, args(output="out.json"))
    assert message is not None and message.startswith("cannot write out.json: ")
    assert words in message and "Errno" not in message


def test_a_surrogate_in_a_file_name_is_explained() -> None:
    name = "r\udcffport.json"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError as exc:
        message = user_message(exc, args(output=name))
    assert message is not None and "not UTF-8" in message and "surrogates" not in message
    assert "\\udcff" in message  # printable as it is, never a second encoding error


def test_a_file_that_is_not_utf8_is_explained() -> None:
    try:
        b"caf\xe9".decode("utf-8")
    except UnicodeDecodeError as exc:
        message = user_message(exc, args(file="notes.txt"))
    assert message is not None and message.startswith("notes.txt: the text is not UTF-8")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("database is locked", "is busy"),
        ("disk I/O error", "disk reported an error"),
        ("file is not a database", "is not an Assessor database"),
        ("attempt to write a readonly database", "cannot be written (read-only file or folder)"),
        ("database or disk is full", "the disk is full"),
    ],
)
def test_sqlite_failures_become_sentences_without_sql(raw: str, words: str) -> None:
    for exc in (
        sqlite3.OperationalError(raw),
        OperationalError("SELECT * FROM x", {}, sqlite3.OperationalError(raw)),
    ):
        message = user_message(exc, args())
        assert message is not None and words in message, message
        assert "/data/a.sqlite" in message and "SELECT" not in message


def test_a_bug_is_not_mistaken_for_a_user_error() -> None:
    assert user_message(KeyError("x"), args()) is None


def test_the_schema_is_made_in_one_transaction(tmp_path: Path) -> None:
    # pysqlite would commit each CREATE TABLE on its own: everything must sit in one BEGIN.
    engine: Engine = make_engine(resolve_db_url(tmp_path / "t.sqlite"))
    statements: list[str] = []

    @event.listens_for(engine, "connect")
    def trace(dbapi: sqlite3.Connection, _record: object) -> None:
        dbapi.set_trace_callback(statements.append)

    upgrade_to_head(engine)
    engine.dispose()
    words = [s.split()[0].upper() for s in statements]
    begin, commit = words.index("BEGIN"), len(words) - 1 - words[::-1].index("COMMIT")
    assert words.count("BEGIN") == 1 and words.count("COMMIT") == 1
    ddl = [i for i, w in enumerate(words) if w in ("CREATE", "INSERT", "ALTER", "DROP")]
    assert ddl and begin < min(ddl) and max(ddl) < commit
