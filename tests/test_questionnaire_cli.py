"""The command line's Excel commands: export questionnaire / xlsx, import FILE.xlsx."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from assessor.cli import main
from assessor.db.engine import open_database
from tests.questionnaire_helpers import FOLLOW_UP, dump, fill, real_database


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = tmp_path / "cli.sqlite"
    real_database(path).close()
    return str(path)


def test_export_and_import_questionnaire(db_path: str, tmp_path: Path, capsys) -> None:
    blank = tmp_path / "q.xlsx"
    assert (
        main(["--db", db_path, "export", "questionnaire", "--scope", "all", "-o", str(blank)]) == 0
    )
    assert "81 recommendations" in capsys.readouterr().out
    filled = fill(blank, tmp_path / "answers.xlsx", {f"{FOLLOW_UP}:II-6": "Adopted."})
    assert main(["--db", db_path, "import", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "0 new, 1 changed, 80 unchanged, 0 rejected" in out
    assert "row" in out and "II-6: changed" in out
    assert "Imported 1 follow-up from answers.xlsx" in out


def test_import_bad_xlsx_is_one_line(db_path: str, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", "utf-8")
    db = open_database(db_path)
    before = dump(db)
    db.close()
    assert main(["--db", db_path, "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an Excel workbook" in err
    db = open_database(db_path)
    assert dump(db) == before
    db.close()


def test_export_xlsx_and_overview(db_path: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.xlsx"
    assert main(["--db", db_path, "export", "xlsx", "--party", "Albania", "-o", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Assessment", "Summary", "Themes"]
    overview = tmp_path / "o.xlsx"
    assert main(["--db", db_path, "export", "xlsx", "--all", "-o", str(overview)]) == 0
    assert "1 factsheet × 94 codes" in capsys.readouterr().out
    assert openpyxl.load_workbook(overview).sheetnames == ["Overview", "Legend"]
