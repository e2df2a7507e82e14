"""A hostile corpus of database files: each is refused in one plain line, and left untouched.

The real command line (``assessor.cli.main``) runs ``list``, ``rate``, ``export json`` and
``import`` against files that are not Assessor databases, or not whole ones: another
application's SQLite file, a text file, a zip, an empty file, a truncated database, a half-made
schema holding data, no ``alembic_version``, a newer version's revision, a version that
disagrees with the tables, a read-only (immutable) file, and an in-memory URL. Every refusal
exits 2 with one line on stderr, no traceback, no SQL, no "unexpected error", and the file —
and its folder — stay byte for byte as they were.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assessor.cli import main

EXAMPLE = Path(__file__).parents[1] / "resources" / "examples" / "factsheet-albania-2nd-round.md"
COMMANDS = {
    "list": ["list"],
    "rate": ["rate", "II-6", "2"],
    "export json": ["export", "json"],
    "import": ["import", str(EXAMPLE)],
}
FORBIDDEN = ("Traceback", "unexpected error", "SELECT", "CREATE", "INSERT", "[SQL")

Capsys = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real database (the example imported, II-6 rated), one self-contained file."""
    path = tmp_path_factory.mktemp("real") / "real.sqlite"
    assert main(["--db", str(path), "import", str(EXAMPLE)]) == 0
    assert main(["--db", str(path), "rate", "II-6", "2", "--comment", "seen"]) == 0
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # everything in the one file, for copying
    conn.close()
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def other_app(path: Path, _real: Path) -> None:
    _sql(path, "CREATE TABLE foo (x)", "INSERT INTO foo VALUES (1)")


def text_file(path: Path, _real: Path) -> None:
    path.write_text("Minutes of the meeting\nNothing to see here.\n" * 20)


def zip_file(path: Path, _real: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")


def empty_file(path: Path, _real: Path) -> None:
    path.write_bytes(b"")


def truncated(path: Path, real: Path) -> None:
    path.write_bytes(real.read_bytes()[:8192])


def half_made(path: Path, real: Path) -> None:
    shutil.copyfile(real, path)
    _sql(path, "DELETE FROM alembic_version")


def no_version(path: Path, real: Path) -> None:
    shutil.copyfile(real, path)
    _sql(path, "DROP TABLE alembic_version")


def newer_version(path: Path, real: Path) -> None:
    shutil.copyfile(real, path)
    _sql(path, "UPDATE alembic_version SET version_num = 'f00dcafe9999'")


def disagreeing_version(path: Path, real: Path) -> None:
    shutil.copyfile(real, path)
    _sql(path, "UPDATE alembic_version SET version_num = '0003'")


def missing_tables(path: Path, real: Path) -> None:
    shutil.copyfile(real, path)
    _sql(path, "PRAGMA foreign_keys=OFF", "DROP TABLE change")


#: case → (how the file is made, the words the refusal must hold, the commands refused)
CASES: dict[str, tuple[Callable[[Path, Path], None], str, tuple[str, ...]]] = {
    "another application's database": (
        other_app,
        "is a database of another application (tables: foo); Assessor will not change it. "
        "Choose another file with --db.",
        tuple(COMMANDS),
    ),
    "a text file": (text_file, "is not a database (it looks like a text file)", tuple(COMMANDS)),
    "a zip": (zip_file, "is not a database (it looks like a zip archive", tuple(COMMANDS)),
    # An empty file may become a database by an import (only): the others refuse it.
    "an empty file": (
        empty_file,
        "is an empty file, not a database",
        ("list", "rate", "export json"),
    ),
    "a truncated database": (truncated, "is damaged", tuple(COMMANDS)),
    "a half-made schema holding data": (
        half_made,
        "an empty record of its schema version",
        tuple(COMMANDS),
    ),
    "no alembic_version": (no_version, "no record of its schema version", tuple(COMMANDS)),
    "a newer version's revision": (
        newer_version,
        "made by a newer version of Assessor",
        tuple(COMMANDS),
    ),
    "a version that disagrees with its tables": (
        disagreeing_version,
        "records schema version 0003, but its tables do not match",
        tuple(COMMANDS),
    ),
    "tables missing at the newest version": (
        missing_tables,
        "missing tables: change",
        tuple(COMMANDS),
    ),
}


def digest(path: Path) -> str:
    """The file's SHA-256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its digest (a backup or lock left behind shows)."""
    return {str(p.relative_to(folder)): digest(p) for p in folder.rglob("*") if p.is_file()}


def refusal(capsys: Capsys, argv: list[str]) -> str:
    """Run the command; assert one plain line on stderr and exit status 2; return the line."""
    capsys.readouterr()
    status = main(argv)
    captured = capsys.readouterr()
    err = captured.err
    assert status == 2, (argv, err, captured.out)
    assert err.startswith("assessor: ") and err.count("\n") == 1, err
    for word in FORBIDDEN:
        assert word not in err, err
    return err.removeprefix("assessor: ").rstrip("\n")


PARAMS = [
    pytest.param(case, command, id=f"{case}-{command}")
    for case, (_make, _words, commands) in CASES.items()
    for command in commands
]


@pytest.mark.parametrize(("case", "command"), PARAMS)
def test_a_hostile_file_is_refused_plainly_and_left_untouched(
    tmp_path: Path, real_db: Path, capsys: Capsys, case: str, command: str
) -> None:
    make, words, _commands = CASES[case]
    folder = tmp_path / "f"
    folder.mkdir()
    path = folder / "hostile.sqlite"
    make(path, real_db)
    before = folder_state(folder)
    line = refusal(capsys, ["--db", str(path), *COMMANDS[command]])
    assert words in line
    assert folder_state(folder) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_in_memory_database_is_refused(capsys: Capsys, command: str) -> None:
    for url in ("sqlite://", "sqlite:///:memory:"):
        line = refusal(capsys, ["--db", url, *COMMANDS[command]])
        assert "in-memory database keeps nothing" in line


@pytest.fixture
def immutable(tmp_path: Path, real_db: Path) -> Iterator[Path]:
    """A copy of the real database made immutable (``chattr +i``: even root cannot write)."""
    path = tmp_path / "ro" / "locked.sqlite"
    path.parent.mkdir()
    shutil.copyfile(real_db, path)
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("chattr is not installed (root ignores chmod 0444, so it cannot stand in)")
    made = subprocess.run([chattr, "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not allowed here: {made.stderr.decode(errors='replace')}")
    try:
        yield path
    finally:
        subprocess.run([chattr, "-i", str(path)], check=False)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_read_only_database_is_refused_in_a_sentence(
    immutable: Path, capsys: Capsys, command: str
) -> None:
    before = folder_state(immutable.parent)
    line = refusal(capsys, ["--db", str(immutable), *COMMANDS[command]])
    assert "cannot be written (read-only file or folder)" in line
    assert "copy it somewhere you can write, or check its permissions" in line
    assert folder_state(immutable.parent) == before


def test_an_empty_half_made_schema_is_rebuilt_by_import_only(
    tmp_path: Path, capsys: Capsys
) -> None:
    # What a kill during the first import of an older version left: tables, no version, no rows.
    path = tmp_path / "half.sqlite"
    assert main(["--db", str(path), "import", str(EXAMPLE)]) == 0
    _sql(path, *(f"DELETE FROM {t}" for t in _data_tables(path)), "DELETE FROM alembic_version")
    before = digest(path)
    line = refusal(capsys, ["--db", str(path), "list"])
    assert "unfinished Assessor database with nothing in it" in line
    assert digest(path) == before
    assert main(["--db", str(path), "import", str(EXAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "list"]) == 0
    assert "Albania" in capsys.readouterr().out


def _data_tables(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    finally:
        conn.close()
    children_first = ["change", "assessment", "follow_up", "recommendation_code", "theme_item"]
    rest = [n for n in names if not n.startswith(("fts_", "alembic", "sqlite_"))]
    return [n for n in children_first if n in rest] + [n for n in rest if n not in children_first]


def test_the_corpus_counts() -> None:
    # Keeps the figures in docs/reliability.md honest.
    assert len(CASES) + 2 == 12  # + the in-memory URL and the read-only file
    assert len(PARAMS) == 39
