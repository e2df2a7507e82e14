"""The assessment workbook of one Party and the overview of every Party."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from assessor.db.engine import Database
from assessor.exporters.assessment_xlsx import code_order, export_assessment_xlsx
from assessor.exporters.overview_xlsx import export_overview_xlsx
from assessor.services.assessments import rate_by_code
from assessor.services.errors import ServiceError
from tests.conftest import build_factsheet
from tests.questionnaire_helpers import real_database


@pytest.fixture
def real_db(tmp_path: Path) -> Iterator[Database]:
    db = real_database(tmp_path / "real.sqlite")
    yield db
    db.close()


def test_assessment_workbook(real_db: Database, tmp_path: Path) -> None:
    rate_by_code(real_db, "II-6", "partly", comment='=HYPERLINK("http://x")')
    rate_by_code(real_db, "II-8", "implemented")
    out = tmp_path / "assessment.xlsx"
    assert export_assessment_xlsx(real_db, out, party="Albania") == 81
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Assessment", "Summary", "Themes"]
    ws = wb["Assessment"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:N82"
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["II-6"][5] == "Partly implemented"
    assert rows["II-6"][6] == '\'=HYPERLINK("http://x")'  # escaped, stays text
    assert rows["II-6"][4] == "yes" and rows["II-6"][8]  # in scope, with its follow-up
    row_ii6 = next(r for r in range(2, 83) if ws.cell(r, 1).value == "II-6")
    assert ws.cell(row_ii6, 6).fill.fgColor.rgb.endswith("F9A825")
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)

    summary = [r for r in wb["Summary"].iter_rows(values_only=True)]
    totals = {r[0]: r[1:] for r in summary if r[0]}
    assert totals["II. Legal framework"][0] == 1 and totals["II. Legal framework"][1] == 1
    assert sum(totals[v][-1] for v in ("require", "request", "invite")) == 81
    themes = list(wb["Themes"].iter_rows(min_row=2, values_only=True))
    assert themes and all(t[0] and t[2] for t in themes)


def test_several_parties_need_a_choice(real_db: Database, tmp_path: Path) -> None:
    build_factsheet(real_db, "Andorra")
    with pytest.raises(ServiceError, match="several factsheets"):
        export_assessment_xlsx(real_db, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(ServiceError, match="no Party called “Narnia”"):
        export_assessment_xlsx(real_db, tmp_path / "x.xlsx", party="Narnia")


def test_overview(real_db: Database, tmp_path: Path) -> None:
    seeded = build_factsheet(real_db, "Andorra")
    rate_by_code(real_db, "II-6", "not_implemented", party="Albania")
    rate_by_code(real_db, "II-6", "implemented", party="Andorra")
    out = tmp_path / "overview.xlsx"
    codes, parties = export_overview_xlsx(real_db, out)
    assert parties == 2 and codes == 95  # Albania's 94 and the test factsheet's II-20
    wb = openpyxl.load_workbook(out)
    ws = wb["Overview"]
    assert [c.value for c in ws[1]] == ["Code", "Albania", "Andorra"]
    assert ws.freeze_panes == "B2"
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert rows["II-6"][1].value == "Not implemented"
    assert rows["II-6"][1].fill.fgColor.rgb.endswith("C62828")
    assert rows["II-6"][2].value == "Implemented satisfactorily"
    assert rows["II-9"][2].value is None  # retired in Andorra's factsheet
    assert rows["II-8"][2].value is None and rows["II-8"][1].value == "Not yet rated"
    codes_in_order = [r for r in rows]
    assert codes_in_order.index("II-10") > codes_in_order.index("II-9")
    assert seeded.factsheet_id


def test_code_order() -> None:
    assert sorted(["X-1", "IX-2", "II-10", "II-9", "IV-1"], key=code_order) == [
        "II-9",
        "II-10",
        "IV-1",
        "IX-2",
        "X-1",
    ]


def test_overview_of_empty_database(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="no factsheet"):
        export_overview_xlsx(db, tmp_path / "o.xlsx")
