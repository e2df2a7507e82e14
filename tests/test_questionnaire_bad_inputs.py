"""Every bad questionnaire gets one clear sentence and leaves the database as it was."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from assessor.db.engine import Database
from assessor.db.models import Recommendation
from assessor.exporters.questionnaire import HEADERS, export_questionnaire
from assessor.exporters.xlsx_common import factsheet_for
from assessor.importers import xlsx_file as reader
from assessor.importers.common import ImportRejected
from assessor.importers.questionnaire import CFB_MAGIC, read_questionnaire
from assessor.services.errors import ServiceError
from assessor.services.questionnaires import apply_questionnaire, preview_questionnaire
from tests.conftest import build_factsheet
from tests.hostile_questionnaires import read_parts, set_cell, write_parts
from tests.questionnaire_helpers import (
    FOLLOW_UP,
    ID,
    RECOMMENDATION,
    STATUS,
    dump,
    fill,
    real_database,
    replace_in_zip,
)


@pytest.fixture
def real_db(tmp_path: Path) -> Iterator[Database]:
    db = real_database(tmp_path / "real.sqlite")
    yield db
    db.close()


@pytest.fixture
def blank(real_db: Database, tmp_path: Path) -> Path:
    path = tmp_path / "blank.xlsx"
    export_questionnaire(real_db, path)
    return path


def _one_sentence(message: str) -> None:
    assert "\n" not in message and message.endswith(".") and len(message) < 300


def _refused(db: Database, path: Path, match: str, party: str | None = None) -> None:
    """Importing ``path`` fails with a message matching ``match`` and writes nothing."""
    before = dump(db)
    with pytest.raises((ImportRejected, ServiceError), match=match) as err:
        preview_questionnaire(db, path, party)
    _one_sentence(str(err.value))
    assert dump(db) == before


def _rejected_rows(db: Database, path: Path, match: str) -> None:
    """Every answered row is rejected with ``match``, and applying changes nothing."""
    before = dump(db)
    preview = preview_questionnaire(db, path)
    rejected = [r for r in preview.rows if r.status == "rejected"]
    assert rejected and all(match in r.reason for r in rejected), [r.reason for r in rejected]
    assert not preview.to_apply
    apply_questionnaire(db, preview)
    assert dump(db) == before


def test_not_an_xlsx(real_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("Follow-up: we did everything.", "utf-8")
    _refused(real_db, path, "not an Excel workbook")


def test_a_zip_that_is_not_a_workbook(real_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    _refused(real_db, path, "zip file, not an Excel workbook")


def test_corrupt(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(blank.read_bytes()[:3000])
    _refused(real_db, path, "damaged")


def test_corrupt_sheet_xml(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad-xml.xlsx"
    path.write_bytes(blank.read_bytes())
    replace_in_zip(path, "sheet2.xml", "<sheetData>", "<sheetData><row><c r=")
    _refused(real_db, path, "damaged")


def test_password_protected(real_db: Database, tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE2 compound file with an EncryptionInfo stream.
    path = tmp_path / "protected.xlsx"
    path.write_bytes(CFB_MAGIC + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(512))
    _refused(real_db, path, "password-protected")


def test_old_xls(real_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(CFB_MAGIC + bytes(1024))
    _refused(real_db, path, r"old Excel 97–2003 \(.xls\)")


def test_too_large_is_refused_before_opening(
    real_db: Database, blank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1000)

    def never(*_a: object, **_k: object) -> None:
        raise AssertionError("openpyxl must not open an oversized file")

    monkeypatch.setattr(reader, "_VerbatimReader", never)
    _refused(real_db, blank, "too large")


def test_zip_bomb(real_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/sharedStrings.xml", b"\0" * (20 * 1024 * 1024))
    path.write_bytes(buf.getvalue())
    _refused(real_db, path, "refused unopened")


def test_not_a_questionnaire(real_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    openpyxl.Workbook().save(path)
    _refused(real_db, path, "not an Assessor questionnaire")


def test_another_template_version(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "v0.xlsx", {f"{FOLLOW_UP}2": "x"}, {"template_version": "0"})
    _refused(real_db, path, "template version 0")


def test_changed_columns(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "cols.xlsx", {"G1": "Answer"})
    _refused(real_db, path, "columns of the Questionnaire sheet were changed")


def test_another_partys_workbook(real_db: Database, tmp_path: Path) -> None:
    build_factsheet(real_db, "Andorra")
    andorra = tmp_path / "andorra.xlsx"
    export_questionnaire(real_db, andorra, party="Andorra")
    filled = fill(andorra, tmp_path / "andorra-filled.xlsx", {f"{FOLLOW_UP}2": "Andorra's answer"})
    # Imported for Albania (as the window does, for the factsheet on screen): refused whole.
    _refused(real_db, filled, "is for Andorra, not Albania", party="Albania")
    # Relabelled as Albania's: its IDs still belong to Andorra's factsheet, so no row is taken.
    relabelled = fill(
        andorra, tmp_path / "relabelled.xlsx", {f"{FOLLOW_UP}2": "x"}, _albania(real_db)
    )
    _rejected_rows(real_db, relabelled, "belongs to another factsheet")


def _albania(db: Database) -> dict[str, str]:
    with db.reading() as s:
        _, party, round_title = factsheet_for(s, "Albania")
    return {"party": party, "round": round_title}


def test_party_not_in_database(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "x.xlsx", {f"{FOLLOW_UP}2": "x"}, {"party": "Narnia"})
    _refused(real_db, path, "is for Narnia, which has no factsheet")


def test_unknown_id(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "u.xlsx", {f"{ID}2": "f" * 32, f"{FOLLOW_UP}2": "Answer"})
    _rejected_rows(real_db, path, "unknown hidden ID")
    assert read_questionnaire(path).warnings  # the ID column no longer matches its checksum


def test_duplicated_id(real_db: Database, blank: Path, tmp_path: Path) -> None:
    uid = openpyxl.load_workbook(blank)["Questionnaire"][f"{ID}2"].value
    path = fill(
        blank,
        tmp_path / "d.xlsx",
        {f"{ID}3": uid, f"{FOLLOW_UP}2": "First", f"{FOLLOW_UP}3": "Second"},
    )
    _rejected_rows(real_db, path, "appears again in row")


def test_a_row_without_its_hidden_id_is_rejected(
    real_db: Database, blank: Path, tmp_path: Path
) -> None:
    # Never matched by its code: the answer would go to whatever recommendation that code is now.
    path = fill(blank, tmp_path / "c.xlsx", {f"{ID}2": None, f"{FOLLOW_UP}2": "By code"})
    _rejected_rows(real_db, path, "no hidden ID")
    preview = preview_questionnaire(real_db, path)
    assert preview.rows[0].code == "II-6" and preview.rows[0].recommendation_id is None


def test_a_malformed_hidden_id_is_rejected(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "m.xlsx", {f"{ID}2": "II-6", f"{FOLLOW_UP}2": "Answer"})
    _rejected_rows(real_db, path, "is not one Assessor writes")


def test_edited_locked_cells_are_reported(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "e.xlsx", {f"{RECOMMENDATION}2": "We rewrote this."})
    before = dump(real_db)
    preview = preview_questionnaire(real_db, path)
    assert preview.rows[0].status == "unchanged"
    assert "locked cells differ from the database and were ignored: Recommendation" in (
        preview.rows[0].reason
    )
    apply_questionnaire(real_db, preview)
    assert dump(real_db) == before


def test_over_long_cell(real_db: Database, blank: Path, tmp_path: Path) -> None:
    # openpyxl cuts long text when writing, so the long answer is put into the XML directly.
    path = fill(blank, tmp_path / "long.xlsx", {f"{FOLLOW_UP}2": "PLACEHOLDER"})
    replace_in_zip(path, ".xml", ">PLACEHOLDER<", ">" + "x" * 40_000 + "<")
    _rejected_rows(real_db, path, "40,000 characters; at most 32,767")


def test_formula_is_taken_as_text_never_evaluated(
    real_db: Database, blank: Path, tmp_path: Path
) -> None:
    path = fill(blank, tmp_path / "f.xlsx", {f"{FOLLOW_UP}2": "=1+1"})
    assert openpyxl.load_workbook(path)["Questionnaire"][f"{FOLLOW_UP}2"].data_type == "f"
    preview = preview_questionnaire(real_db, path)
    row = preview.rows[0]
    assert "formula; its text was taken as is, not evaluated" in row.reason
    assert row.new_text == "=1+1"
    apply_questionnaire(real_db, preview)
    again = tmp_path / "again.xlsx"
    export_questionnaire(real_db, again)
    # Stored as the text "=1+1" (never 2), and written back escaped so it stays text.
    assert openpyxl.load_workbook(again)["Questionnaire"]["F2"].value == "'=1+1"


def test_empty_answers_never_erase(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "empty.xlsx", {f"{FOLLOW_UP}2": "   "})
    before = dump(real_db)
    preview = preview_questionnaire(real_db, path)
    assert preview.counts["unchanged"] == len(preview.rows)
    assert "the existing follow-up is kept" in preview.rows[0].reason
    report = apply_questionnaire(real_db, preview)
    assert report.applied == 0
    assert dump(real_db) == before


def _row_without_follow_up(blank: Path) -> int:
    sheet = openpyxl.load_workbook(blank)["Questionnaire"]
    previous = HEADERS.index("Previous follow-up") + 1
    return next(r for r in range(2, sheet.max_row + 1) if not sheet.cell(r, previous).value)


def test_status_without_any_follow_up(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "all.xlsx"
    export_questionnaire(real_db, blank, scope="all")  # invites too: most have no follow-up
    row = _row_without_follow_up(blank)
    path = fill(blank, tmp_path / "s.xlsx", {f"{STATUS}{row}": "implemented"})
    _rejected_rows(real_db, path, "no follow-up yet to attach them to")


def test_status_alone_updates_the_current_follow_up(
    real_db: Database, blank: Path, tmp_path: Path
) -> None:
    path = fill(blank, tmp_path / "s.xlsx", {f"{STATUS}2": "implemented"})  # II-6 has one
    preview = preview_questionnaire(real_db, path)
    (row,) = preview.to_apply
    assert row.status == "changed" and row.new_text == row.old_text
    assert row.new_state_status == "implemented" and "the text stays" in row.reason
    apply_questionnaire(real_db, preview)
    with real_db.reading() as s:
        rec = s.get(Recommendation, row.recommendation_id)
        assert rec is not None
        versions = [(f.text, f.state_status, f.superseded_at is None) for f in rec.follow_ups]
    assert sorted(versions, key=lambda v: v[2]) == [
        (row.old_text, None, False),
        (row.old_text, "implemented", True),
    ]


def test_unknown_state_status(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "s.xlsx", {f"{FOLLOW_UP}2": "x", f"{STATUS}2": "maybe"})
    _rejected_rows(real_db, path, "“maybe” is not a status")


def test_rows_past_a_stale_dimension_are_read(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "all.xlsx"
    assert export_questionnaire(real_db, blank, scope="all") == 81
    sheet = openpyxl.load_workbook(blank)["Questionnaire"]
    last = sheet.max_row
    codes = [sheet[f"B{row}"].value.split(",")[0] for row in (2, 9, 10, 11, last)]
    path = fill(blank, tmp_path / "a.xlsx", {f"{FOLLOW_UP}:{c}": f"Answer to {c}." for c in codes})
    # The tag a program forgot to update: openpyxl's read-only mode would stop at row 10.
    replace_in_zip(
        path, "sheet2.xml", f'<dimension ref="A1:I{last}"/>', '<dimension ref="A1:I10"/>'
    )
    preview = preview_questionnaire(real_db, path)
    assert len(preview.rows) == 81
    assert sorted(r.new_text for r in preview.to_apply) == sorted(f"Answer to {c}." for c in codes)


def test_swapped_hidden_ids_are_applied_to_neither(
    real_db: Database, blank: Path, tmp_path: Path
) -> None:
    sheet = openpyxl.load_workbook(blank)["Questionnaire"]
    assert (sheet["B2"].value, sheet["B3"].value) == ("II-6", "II-8")
    uid6, uid8 = sheet[f"{ID}2"].value, sheet[f"{ID}3"].value
    path = fill(blank, tmp_path / "s.xlsx", {f"{ID}2": uid8, f"{ID}3": uid6, f"{FOLLOW_UP}2": "x"})
    preview = preview_questionnaire(real_db, path)
    six, eight = preview.rows[0], preview.rows[1]
    # What the window's preview and the command's report show: both codes, nothing to apply.
    assert six.status == eight.status == "rejected"
    assert six.code == "II-6" and "hidden ID is that of II-8, but the row shows II-6" in six.reason
    assert (
        eight.code == "II-8" and "hidden ID is that of II-6, but the row shows II-8" in eight.reason
    )
    assert six.recommendation_id is None and eight.recommendation_id is None
    _rejected_rows(real_db, path, "applied to neither")


def test_error_cells_are_never_answers(real_db: Database, blank: Path, tmp_path: Path) -> None:
    path = fill(blank, tmp_path / "e.xlsx", {f"{FOLLOW_UP}2": "PLACEHOLDER"})
    parts = read_parts(path)
    sheet = "xl/worksheets/sheet2.xml"
    parts[sheet] = set_cell(
        parts[sheet], f"{FOLLOW_UP}2", f'<c r="{FOLLOW_UP}2" t="e"><v>#N/A</v></c>'
    )
    write_parts(path, parts)
    _rejected_rows(real_db, path, "holds the error value #N/A")


def test_excel_escapes_are_decoded_and_cleaned(
    real_db: Database, blank: Path, tmp_path: Path
) -> None:
    path = fill(blank, tmp_path / "x.xlsx", {f"{FOLLOW_UP}2": "PLACEHOLDER"})
    replace_in_zip(path, "sheet2.xml", ">PLACEHOLDER<", ">a_x0001_b_xD800_c_x005F_x0007_<")
    (row,) = preview_questionnaire(real_db, path).to_apply
    assert row.new_text == "ab\ufffdc_x0007_"


def test_a_workbook_is_known_by_its_content(blank: Path, tmp_path: Path) -> None:
    for name in ("answers.xlsm", "answers.txt", "answers"):
        copy = tmp_path / name
        copy.write_bytes(blank.read_bytes())
        assert reader.is_workbook(copy)
        assert read_questionnaire(copy).party == "Albania"
    text = tmp_path / "factsheet.md"
    text.write_text("# Factsheet", "utf-8")
    assert not reader.is_workbook(text) and not reader.is_workbook(tmp_path / "missing.md")
