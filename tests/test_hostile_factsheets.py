"""Every hostile factsheet through the command line (``tests/hostile_factsheets.py``).

Each case runs twice through the real ``assessor.cli.main``: with no database yet, and against
a copy of a database holding the example factsheet. A refusal is exit 2 with exactly one line
on stderr naming the file, no traceback, no "unexpected error", no SQL, and the database byte
for byte as it was (or still absent). An import is exit 0 with nothing on stderr, and every
code in ``export json`` once; where the file is the example in disguise (another encoding,
invisible or control characters, a pathological line put in, a PDF named .txt) the
recommendations — codes and verbs, in order — are the clean file's, the accents read right, and
no control or invisible character reaches the database. A few cases also run through
``python -m assessor`` to see the real process's output.

Counts (kept by ``test_the_corpus_counts``): 36 cases, 72 runs (each case in both states).
Refused clearly: 12 (11 where the database exists: there the Excel questionnaire named .md is
imported as a questionnaire, as its content says). Imported correctly: 24 — 22 with exactly the
clean file's recommendations (lists or quotes nested beyond markdown-it's limit included: the
rest is read with its nesting flattened, and a warning), and the duplicated bullet and the
factsheet pasted twice with a warning naming the repeated codes, each code stored once.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from assessor.cli import main
from tests.hostile_factsheets import EXIT, IMPORTED, REFUSED, SEED, Case, write_corpus

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "data" / "factsheets" / "expected.json"
FORBIDDEN = (
    "Traceback",
    "unexpected error",
    "IntegrityError",
    "SELECT",
    "INSERT",
    "UPDATE ",
    "CREATE",
    "[SQL",
    "sqlite3.",
)
#: The corpus, by name; the parametrisation below must name every case it writes.
NAMES = (
    "the example (clean)",
    "empty file",
    "binary junk",
    "20 MB of text (exactly the limit)",
    "20 MB of text and one byte",
    "UTF-16 with a BOM",
    "UTF-16 big-endian with a BOM",
    "UTF-16 with a lone surrogate",
    "Windows-1252 (cp1252)",
    "Latin-1 (ISO-8859-1)",
    "a recommendation bullet written twice",
    "the factsheet pasted twice",
    "control bytes after the first 8 KB",
    "zero-width characters in codes and verbs",
    "a heading '# a' + 6,000 spaces + 'b'",
    "200,000 '['",
    "200,000 '*'",
    "50,000 '<sup>'",
    "10,000 nested '>'",
    "2,000 nested list levels",
    "a 1 MB single line",
    "a list nested 10 deep before chapter XI",
    "the A4 PDF (clean)",
    "a PDF truncated at half",
    "a PDF encrypted with a user password",
    "a PDF encrypted with an owner password only (opens without one)",
    "an image-only PDF (a scan, no text)",
    "a 21 MB PDF (a big uncompressed picture)",
    "a PDF over 50 MB",
    "a PDF named .txt",
    "the Word file (clean)",
    "a .docx that is a zip of something else",
    "a .docx truncated at half",
    "an OLE file (Word 97 or password-protected) named .docx",
    "a .docx named .pdf",
    "an Excel questionnaire named .md",
)
#: Cases a bug in a file this test does not own makes fail: the reason, reported to its owner.
KNOWN_BUGS: dict[str, str] = {}
STATES = ("no database", "the example imported")

Capsys = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Case]]:
    """The template database (the example imported) and every case, written once."""
    folder = tmp_path_factory.mktemp("hostile-factsheets")
    template = folder / "template.sqlite"
    blank = folder / "blank.xlsx"
    with redirect_stdout(io.StringIO()):
        assert main(["--db", str(template), "import", str(SEED)]) == 0
        assert main(["--db", str(template), "export", "questionnaire", "-o", str(blank)]) == 0
    cases = write_corpus(folder / "cases", blank)
    return template, {case.name: case for case in cases}


def fresh(template: Path, dest: Path) -> Path:
    """A copy of the template (SQLite's backup API), all in one file for digesting."""
    src, out = sqlite3.connect(template), sqlite3.connect(dest)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        src.close()
        out.close()
    return dest


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256 (a database, backup or lock left shows)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def exported(capsys: Capsys, db: Path) -> dict[str, Any]:
    """The database as ``assessor export json`` writes it."""
    capsys.readouterr()
    assert main(["--db", str(db), "export", "json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def recommendations(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every recommendation of every factsheet: placed, unplaced and retired."""
    for factsheet in data["factsheets"]:
        for chapter in factsheet["chapters"]:
            for section in chapter["sections"]:
                for item in section["items"]:
                    if item["type"] == "recommendation":
                        yield item
        yield from factsheet["unplaced_recommendations"]
        yield from factsheet["retired_recommendations"]


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def clean_recommendations() -> list[tuple[list[str], str]]:
    """The example's recommendations: codes and verb, in order (as the generated files hold)."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return [(r["codes"], r["verb"]) for r in expected["recommendations"]]


def check_no_leak(text: str) -> None:
    """No traceback, internal error or SQL in what the command printed."""
    for word in FORBIDDEN:
        assert word not in text, (word, text)


def check_refusal(case: Case, out: str, err: str, message: str, db: Path) -> None:
    """Exactly one line on stderr, naming the file (or the database), holding ``message``."""
    assert out == "", out
    assert err.startswith("assessor: ") and err.count("\n") == 1 and err.endswith("\n"), err
    named = db.name if case.names_database else case.path.name
    assert named in err, err
    assert message in err, err
    assert len(err) < 400, err


def check_import(case: Case, out: str, message: str, data: dict[str, Any]) -> None:
    """Every code once; the clean file's recommendations where the file is the example."""
    assert message in out, out
    codes = Counter(code for rec in recommendations(data) for code in rec["codes"])
    assert codes, "nothing imported"
    assert [c for c, n in codes.items() if n > 1] == []
    if case.same_as_clean:
        placed = [
            (rec["codes"], rec["verb"])
            for f in data["factsheets"]
            for chapter in f["chapters"]
            for section in chapter["sections"]
            for rec in section["items"]
            if rec["type"] == "recommendation"
        ]
        assert placed == clean_recommendations()
    everything = "\n".join(strings(data))
    for char in case.absent:
        assert char not in everything, f"{char!r} reached the database"
    for word in case.words:
        assert word in everything, word


PARAMS = [
    pytest.param(
        name,
        state,
        id=f"{name}-{state}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name])]
        if name in KNOWN_BUGS
        else [],
    )
    for name in NAMES
    for state in STATES
]


@pytest.mark.parametrize(("name", "state"), PARAMS)
def test_hostile_factsheet(
    name: str,
    state: str,
    corpus: tuple[Path, dict[str, Case]],
    tmp_path: Path,
    capsys: Capsys,
) -> None:
    template, cases = corpus
    case = cases[name]
    with_db = state != "no database"
    folder = tmp_path / "db"
    folder.mkdir()
    db = folder / "assessor.sqlite"
    if with_db:
        fresh(template, db)
    before = folder_state(folder)
    expect, message = case.outcome(with_db)

    capsys.readouterr()
    status = main(["--db", str(db), "import", str(case.path)])
    out, err = capsys.readouterr()

    check_no_leak(out + err)
    assert status == EXIT[expect], (out, err)
    if expect == REFUSED:
        check_refusal(case, out, err, message, db)
        assert folder_state(folder) == before  # nothing made, nothing changed
        return
    assert err == "", err
    check_import(case, out, message, exported(capsys, db))


#: Cases also run as a real process, with the state they run in.
REAL_COMMAND = [
    ("binary junk", "no database"),
    ("UTF-16 with a lone surrogate", "the example imported"),
    ("a PDF truncated at half", "no database"),
    ("a PDF encrypted with a user password", "the example imported"),
    ("a recommendation bullet written twice", "the example imported"),
    ("control bytes after the first 8 KB", "no database"),
    ("an Excel questionnaire named .md", "no database"),
    ("a .docx named .pdf", "the example imported"),
]


@pytest.mark.parametrize(("name", "state"), REAL_COMMAND)
def test_the_real_command(
    name: str, state: str, corpus: tuple[Path, dict[str, Case]], tmp_path: Path
) -> None:
    template, cases = corpus
    case = cases[name]
    with_db = state != "no database"
    folder = tmp_path / "db"
    folder.mkdir()
    db = folder / "assessor.sqlite"
    if with_db:
        fresh(template, db)
    before = folder_state(folder)
    expect, message = case.outcome(with_db)
    env = {k: v for k, v in os.environ.items() if k != "ASSESSOR_DEBUG"}
    done = subprocess.run(
        [sys.executable, "-m", "assessor", "--db", str(db), "import", str(case.path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    check_no_leak(done.stdout + done.stderr)
    assert done.returncode == EXIT[expect], done.stdout + done.stderr
    if expect == REFUSED:
        check_refusal(case, done.stdout, done.stderr, message, db)
        assert folder_state(folder) == before
    else:
        assert done.stderr == "", done.stderr
        assert message in done.stdout


def test_the_corpus_counts(corpus: tuple[Path, dict[str, Case]]) -> None:
    # Keeps the figures in the docstring and docs/reliability.md honest.
    _, cases = corpus
    assert sorted(cases) == sorted(NAMES)
    outcomes = Counter(c.expect for c in cases.values())
    assert outcomes == {REFUSED: 12, IMPORTED: 24}
    assert sum(c.same_as_clean for c in cases.values()) == 22
    assert sum(c.expect_with_db is not None for c in cases.values()) == 1  # the workbook
    assert len(PARAMS) == 72 and not KNOWN_BUGS
