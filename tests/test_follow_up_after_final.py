"""A follow-up newer than a final rating: draft again (history, undo) and marked in every output.

Issue 13's second finding: IV-4 was *final · Not implemented*; the State's new answer came in;
the PDF, the workbooks and the JSON must say that the rating is older than the follow-up.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from assessor.db.engine import Database
from assessor.db.models import Recommendation
from assessor.domain.values import FOLLOW_UP_AFTER_RATING
from assessor.exporters.assessment_xlsx import export_assessment_xlsx
from assessor.exporters.json_export import export_json
from assessor.exporters.overview_xlsx import export_overview_xlsx
from assessor.exporters.pdf_summary import summary_pdf_bytes
from assessor.exporters.questionnaire import export_questionnaire
from assessor.services import assessments as svc
from assessor.services import browsing
from assessor.services.imports import import_file
from assessor.services.questionnaires import apply_questionnaire, preview_questionnaire
from tests.questionnaire_helpers import FACTSHEET, FOLLOW_UP, fill, real_database


@pytest.fixture
def real_db(tmp_path: Path) -> Iterator[Database]:
    db = real_database(tmp_path / "albania.sqlite")
    yield db
    db.close()


def _id(db: Database, code: str) -> int:
    with db.reading() as s:
        return svc.find_by_code(s, code).id


def _final(db: Database, code: str, rating: str) -> int:
    rec_id = _id(db, code)
    svc.assess(db, rec_id, rating, status="final", by="Maria")
    return rec_id


def _status(db: Database, rec_id: int) -> str:
    detail = browsing.detail(db, rec_id)
    assert detail is not None
    return detail.assessment.status


def _answer(db: Database, tmp_path: Path, code: str, text: str) -> frozenset[int]:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(db, blank, scope="all")
    filled = fill(blank, tmp_path / "answers.xlsx", {f"{FOLLOW_UP}:{code}": text})
    report = apply_questionnaire(db, preview_questionnaire(db, filled), by="Secretariat")
    with db.transaction() as s:  # a minute after the rating: the JSON writes whole seconds
        for rec_id in report.changes.recommendations:
            rec = s.get(Recommendation, rec_id)
            assert rec is not None
            for version in rec.follow_ups:
                if version.superseded_at is None and version.recorded_at is not None:
                    version.recorded_at += timedelta(minutes=1)
    return report.changes.reopened


def test_a_questionnaire_answer_sends_a_final_assessment_back_to_draft(
    real_db: Database, tmp_path: Path
) -> None:
    rec_id = _final(real_db, "IV-4", "not_implemented")
    other = _final(real_db, "II-6", "partly")
    reopened = _answer(real_db, tmp_path, "IV-4", "The law now covers it.")
    assert reopened == {rec_id}
    assert _status(real_db, rec_id) == "draft" and _status(real_db, other) == "final"
    detail = browsing.detail(real_db, rec_id)
    assert detail is not None and detail.assessment.rating == "not_implemented"
    assert detail.follow_up_newer_than_rating  # the ↻ stays until the rating is reviewed
    statuses = [(e.old, e.new) for e in browsing.history(real_db, rec_id) if e.field == "status"]
    assert statuses == [("draft", "final"), ("final", "draft")]

    # Undo (the window's step): final again, recorded, and the follow-up still newer.
    svc.set_statuses(real_db, [rec_id], "final", by="Maria")
    assert _status(real_db, rec_id) == "final"
    assert browsing.detail(real_db, rec_id).follow_up_newer_than_rating  # type: ignore[union-attr]
    assert [e.new for e in browsing.history(real_db, rec_id) if e.field == "status"][-1] == "final"


def test_a_factsheet_reimport_with_a_new_follow_up_sends_it_back_to_draft(
    real_db: Database, tmp_path: Path
) -> None:
    finals = {code: _final(real_db, code, "not_implemented") for code in ("IV-4", "IV-5", "II-6")}
    text = FACTSHEET.read_text("utf-8")
    at = text.index("#### Follow-up actions:", text.index("<sup>48</sup> Recommendation IV-4."))
    old = "The recommendations provided will be taken into consideration"
    newer = tmp_path / "factsheet-albania-2nd-round.md"
    newer.write_text(text[:at] + text[at:].replace(old, "The law now covers it;", 1), "utf-8")
    report = import_file(real_db, newer)
    changed = {
        code
        for code, rec_id in finals.items()
        if "The law now covers it" in (browsing.detail(real_db, rec_id).follow_up.text)  # type: ignore[union-attr]
    }
    assert changed and "II-6" not in changed
    assert report.changes.reopened == {finals[code] for code in changed}
    assert {
        code for code, rec_id in finals.items() if _status(real_db, rec_id) == "draft"
    } == changed
    assert any("back to draft" in line for line in report.changed_lines)


def test_a_correction_by_hand_keeps_the_final_status(real_db: Database) -> None:
    rec_id = _final(real_db, "IV-4", "not_implemented")
    svc.edit_follow_up(real_db, rec_id, "Corrected OCR.", "corrected by hand")
    assert _status(real_db, rec_id) == "final"


def _pdf_text(db: Database) -> str:
    reader = PdfReader(io.BytesIO(summary_pdf_bytes(db, "Albania")))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_every_output_marks_a_rating_older_than_the_follow_up(
    real_db: Database, tmp_path: Path
) -> None:
    rec_id = _final(real_db, "IV-4", "not_implemented")
    _final(real_db, "II-6", "partly")
    assert FOLLOW_UP_AFTER_RATING not in _pdf_text(real_db)
    _answer(real_db, tmp_path, "IV-4", "The law now covers it.")

    # PDF: once, in IV-4's block.
    text = _pdf_text(real_db)
    assert text.count(FOLLOW_UP_AFTER_RATING) == 1
    block = text[text.index("IV-4") :]
    assert block.index(FOLLOW_UP_AFTER_RATING) < block.index("Rapporteur")

    # The assessment workbook: its own column, and a note on the rating cell.
    out = tmp_path / "assessment.xlsx"
    export_assessment_xlsx(real_db, out, party="Albania")
    ws = openpyxl.load_workbook(out)["Assessment"]
    header = [c.value for c in ws[1]]
    column = header.index("Follow-up after the rating") + 1
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(rows["IV-4"], column).value == FOLLOW_UP_AFTER_RATING
    assert ws.cell(rows["II-6"], column).value is None
    assert ws.cell(rows["IV-4"], 6).comment.text == FOLLOW_UP_AFTER_RATING
    assert ws.cell(rows["IV-4"], 8).value == "draft"

    # The overview: the rating with the mark, the legend says what it means.
    out = tmp_path / "overview.xlsx"
    export_overview_xlsx(real_db, out)
    wb = openpyxl.load_workbook(out)
    cells = {r[0].value: r[1].value for r in wb["Overview"].iter_rows(min_row=2)}
    assert cells["IV-4"] == "Not implemented ↻" and cells["II-6"] == "Partly implemented"
    legend = [tuple(r) for r in wb["Legend"].iter_rows(values_only=True)]
    assert any(FOLLOW_UP_AFTER_RATING in row for row in legend)

    # JSON: a field of the assessment.
    data = export_json(real_db)
    recs = {
        code: rec
        for sheet in data["factsheets"]
        for chapter in sheet["chapters"]
        for section in chapter["sections"]
        for rec in section["items"]
        if rec["type"] == "recommendation"
        for code in rec["codes"]
    }
    assert recs["IV-4"]["assessment"]["follow_up_after_rating"] is True
    assert recs["II-6"]["assessment"]["follow_up_after_rating"] is False
    assert rec_id in {r["id"] for r in recs.values() if r["assessment"]["follow_up_after_rating"]}
