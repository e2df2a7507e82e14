"""Every hostile questionnaire through the command line (``tests/hostile_questionnaires.py``).

Each case runs against its own copy of one database holding the example factsheet, from which the
blank questionnaire was exported. A refusal is exit 2 with one line and the database as it was;
rows rejected are exit 1 and named in the report; every answer taken is on the code its row shows,
and nothing else changes. The CLI runs in-process (as ``test_questionnaire_cli.py`` does); a few
cases also run through ``python -m assessor`` to see the real process's output.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from assessor.cli import main
from assessor.db.engine import open_database
from assessor.db.models import FollowUp, RecommendationCode
from assessor.exporters.questionnaire import export_questionnaire
from tests.hostile_questionnaires import (
    EXIT,
    IMPORTED,
    REFUSED,
    ROWS_REJECTED,
    Case,
    write_corpus,
)
from tests.questionnaire_helpers import PREVIOUS, dump, real_database, row_of

ROOT = Path(__file__).resolve().parents[1]
#: The corpus, by name; the parametrisation below must name every case it writes.
NAMES = (
    "empty file",
    "CSV renamed to .xlsx",
    "HTML table renamed to .xlsx",
    ".xls renamed to .xlsx",
    "password-protected workbook (CFB)",
    ".ods renamed to .xlsx",
    "a zip that is no workbook",
    "truncated zip (the first 100 bytes)",
    "truncated zip (half)",
    "truncated zip (no end)",
    "zip bomb (the sheet inflates to 2 GiB)",
    "overlapping zip bomb (one block, 65 entries)",
    "zip lying about its sizes",
    "3,000 parts",
    "sheet renamed",
    "Questionnaire sheet deleted",
    "hidden _meta sheet deleted",
    "a column inserted (columns moved)",
    "two columns swapped",
    "header row deleted",
    "another template version",
    "a Party not in the database",
    "billion laughs in the sheet",
    "billion laughs in workbook.xml",
    "billion laughs in [Content_Types].xml",
    "external entity (XXE) in the sheet",
    "billion laughs behind a 70 kB comment",
    "malformed sheet XML",
    "hidden ids of two rows swapped",
    "a hidden id emptied",
    "a hidden id changed",
    "a hidden id replaced by a formula",
    "a hidden id duplicated",
    "a row added by hand (code II-1, no id)",
    "error cell #REF!",
    "error cell #N/A",
    "error cell #DIV/0!",
    "error cell #VALUE!",
    "a 40,000-character cell",
    "a 1,000,000-character cell",
    "a status not in the list",
    "a stale <dimension> (A1:I10)",
    "a one-cell <dimension> (A1)",
    "no <dimension> at all",
    "strings in a shared table (as Excel saves)",
    "macro-enabled workbook (.xlsm)",
    "macro-enabled content type named .xlsx",
    "a questionnaire named .txt",
    "a questionnaire named .zip",
    "a questionnaire named without a suffix",
    "formulas in answer cells (taken as text)",
    "an array formula (taken as text)",
    "a number and a date as answers",
    "Excel escapes (_x0001_, _xD800_) and invisible characters",
    "Excel escapes in shared strings",
    "a 30,000-character answer (under Excel's limit)",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Case]]:
    """The template database and every case, written once for the module (the bombs are big)."""
    folder = tmp_path_factory.mktemp("hostile")
    template = folder / "template.sqlite"
    db = real_database(template)
    blank = folder / "blank.xlsx"
    export_questionnaire(db, blank)
    db.close()
    cases = write_corpus(blank, folder)
    return template, {case.name: case for case in cases}


def _fresh(template: Path, dest: Path) -> Path:
    """A copy of the template database (SQLite's backup API, never a file copy)."""
    src, out = sqlite3.connect(template), sqlite3.connect(dest)
    try:
        src.backup(out)
    finally:
        src.close()
        out.close()
    return dest


def _follow_ups(path: Path) -> dict[str, tuple[str, str, str]]:
    """Each recommendation's current follow-up by its first code: text, status, references."""
    db = open_database(path)
    try:
        with db.reading() as s:
            first: dict[int, str] = {}
            for rec_id, code in s.execute(
                select(RecommendationCode.recommendation_id, RecommendationCode.code).order_by(
                    RecommendationCode.recommendation_id, RecommendationCode.position
                )
            ):
                first.setdefault(rec_id, code)
            return {
                first[rec_id]: (text, status or "", refs or "")
                for rec_id, text, status, refs in s.execute(
                    select(
                        FollowUp.recommendation_id,
                        FollowUp.text,
                        FollowUp.state_status,
                        FollowUp.state_references,
                    ).where(FollowUp.superseded_at.is_(None))
                )
            }
    finally:
        db.close()


def _dump(path: Path) -> dict[str, Any]:
    db = open_database(path)
    try:
        return dump(db)
    finally:
        db.close()


def test_the_corpus_is_what_the_tests_name(corpus: tuple[Path, dict[str, Case]]) -> None:
    _, cases = corpus
    assert sorted(cases) == sorted(NAMES)
    counts = {kind: sum(c.expect == kind for c in cases.values()) for kind in EXIT}
    assert counts == {IMPORTED: 15, ROWS_REJECTED: 13, REFUSED: 28}


@pytest.mark.parametrize("name", NAMES)
def test_hostile_questionnaire(
    name: str, corpus: tuple[Path, dict[str, Case]], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    template, cases = corpus
    case = cases[name]
    db_path = _fresh(template, tmp_path / "db.sqlite")
    before, before_dump = _follow_ups(db_path), _dump(db_path)

    status = main(["--db", str(db_path), "import", str(case.path)])
    out, err = capsys.readouterr()

    assert "Traceback" not in out + err and "unexpected error" not in out + err
    assert status == EXIT[case.expect], (out, err)
    if case.expect == REFUSED:
        assert out == "" and err.count("\n") == 1 and err.startswith("assessor: "), err
        assert case.message in err, err
        assert len(err) < 400
        assert _dump(db_path) == before_dump
        return
    assert err == ""
    for code in case.rejected:
        assert re.search(rf"^  row \d+ {re.escape(code)}\b[^\n]*: rejected — ", out, re.M), out
    if case.rejected:
        assert case.message in out
    else:
        assert ": rejected — " not in out
    after = _follow_ups(db_path)
    changed = {code for code in after if after[code] != before.get(code)}
    # Every answer taken is on the code its row shows, and nothing else moved.
    assert changed == set(case.answers), out
    for code, text in case.answers.items():
        assert after[code][0] == text, code


def test_formulas_stay_text_when_exported_again(
    corpus: tuple[Path, dict[str, Case]], tmp_path: Path
) -> None:
    template, cases = corpus
    case = cases["formulas in answer cells (taken as text)"]
    db_path = _fresh(template, tmp_path / "db.sqlite")
    assert main(["--db", str(db_path), "import", str(case.path)]) == 0
    again = tmp_path / "again.xlsx"
    assert main(["--db", str(db_path), "export", "questionnaire", "-o", str(again)]) == 0
    ws = openpyxl.load_workbook(again)["Questionnaire"]
    for code, text in case.answers.items():
        cell = ws[f"{PREVIOUS}{row_of(ws, code)}"]
        # Written back quoted: a spreadsheet shows the text and never runs it.
        assert cell.data_type == "s" and cell.value == "'" + text, code


@pytest.mark.parametrize(
    "name",
    [
        "zip bomb (the sheet inflates to 2 GiB)",
        "billion laughs in workbook.xml",
        "truncated zip (half)",
        "hidden ids of two rows swapped",
        "a stale <dimension> (A1:I10)",
    ],
)
def test_the_real_command(name: str, corpus: tuple[Path, dict[str, Case]], tmp_path: Path) -> None:
    template, cases = corpus
    case = cases[name]
    db_path = _fresh(template, tmp_path / "db.sqlite")
    env = {k: v for k, v in os.environ.items() if k != "ASSESSOR_DEBUG"}
    done = subprocess.run(
        [sys.executable, "-m", "assessor", "--db", str(db_path), "import", str(case.path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = done.stdout + done.stderr
    assert "Traceback" not in output and "unexpected error" not in output
    assert done.returncode == EXIT[case.expect], output
    if case.expect == REFUSED:
        assert done.stdout == "" and done.stderr.count("\n") == 1, output
    else:
        assert done.stderr == "", output
