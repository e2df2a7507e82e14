"""Control bytes typed on the command line never reach the database, nor break an export."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Seeded
from openpyxl import load_workbook
from sqlalchemy import text

from assessor.cli import main
from assessor.db.models import Assessment
from assessor.exporters.xlsx_common import cell_text
from assessor.services import themes
from tests.server_db import db_argument


def _texts(path: Path) -> str:
    wb = load_workbook(path, read_only=True)
    return "\n".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    )


def test_a_typed_comment_is_cleaned_and_both_workbooks_export(
    seeded: Seeded, tmp_path: Path
) -> None:
    db = db_argument(seeded.db)
    assert main(["--db", db, "rate", "II-6", "2", "--comment", "a\x01z\u200b\udcff"]) == 0
    with seeded.db.reading() as s:
        comment = s.scalars(text("SELECT comment FROM assessment")).one()
    assert comment == "az\ufffd"
    for fmt in ("xlsx", "questionnaire"):
        out = tmp_path / f"{fmt}.xlsx"
        assert main(["--db", db, "export", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 0


def test_a_control_byte_already_in_the_database_still_exports(
    seeded: Seeded, tmp_path: Path
) -> None:
    with seeded.db.transaction() as s:
        s.add(
            Assessment(recommendation_id=seeded.recs["II-6"], comment="x\x01y\x1b", status="draft")
        )
        s.execute(
            text("UPDATE recommendation SET text = 'bad\x02text' WHERE id = :i"),
            {"i": seeded.recs["II-6"]},
        )
    db = db_argument(seeded.db)
    for fmt in ("xlsx", "questionnaire"):
        out = tmp_path / f"{fmt}.xlsx"
        assert main(["--db", db, "export", fmt, "-o", str(out)]) == 0
        found = _texts(out)
        assert "badtext" in found and "\x02" not in found


def test_cell_text_strips_controls_and_still_escapes_formulas() -> None:
    assert cell_text("\x01=SUM(A1)") == "'=SUM(A1)"
    assert cell_text("tab\tand\nline") == "tab\tand\nline"


def test_theme_texts_are_cleaned(seeded: Seeded) -> None:
    themes.rename_theme(seeded.db, seeded.theme_id, "Law\x07s\u200b")
    themes.edit_theme_item(seeded.db, seeded.item_ids[0], text="Amend\x00 it", links=["II-1\x01"])
    with seeded.db.reading() as s:
        assert s.scalars(text("SELECT title FROM theme")).one() == "Laws"
        row = s.execute(text("SELECT text FROM theme_item ORDER BY position")).first()
    assert row is not None and row[0] == "Amend it"


@pytest.mark.parametrize("status", ["fin\x01al"])
def test_a_status_with_a_control_byte_is_understood(seeded: Seeded, status: str) -> None:
    from assessor.services import assessments

    assessments.set_status(seeded.db, seeded.recs["II-6"], status)
    with seeded.db.reading() as s:
        assert s.scalars(text("SELECT status FROM assessment")).one() == "final"
