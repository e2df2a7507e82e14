"""Dates as precise as their source: a factsheet's "March 2025" is not "1 March 2025"."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import FollowUp
from assessor.exporters.assessment_xlsx import export_assessment_xlsx
from assessor.exporters.pdf_summary import summary_pdf_bytes
from assessor.services import assessments as svc
from assessor.services import browsing
from tests.questionnaire_helpers import real_database
from tests.test_migrations import migrate_url


@pytest.fixture
def real_db(tmp_path: Path) -> Iterator[Database]:
    db = real_database(tmp_path / "albania.sqlite")
    yield db
    db.close()


def _ii6(db: Database) -> int:
    with db.reading() as s:
        return svc.find_by_code(s, "II-6").id


def test_a_factsheet_follow_up_keeps_its_month(real_db: Database, tmp_path: Path) -> None:
    detail = browsing.detail(real_db, _ii6(real_db))
    assert detail is not None and detail.follow_up is not None
    assert detail.follow_up.received_precision == "month"
    assert detail.follow_up.received == "March 2025"

    pdf = PdfReader(io.BytesIO(summary_pdf_bytes(real_db, "Albania")))
    words = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "State’s follow-up — received March 2025" in words
    assert "1 March 2025" not in words

    out = tmp_path / "assessment.xlsx"
    export_assessment_xlsx(real_db, out, party="Albania")
    ws = openpyxl.load_workbook(out)["Assessment"]
    column = [c.value for c in ws[1]].index("Follow-up received") + 1
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(rows["II-6"], column).value == "March 2025"
    assert ws.cell(rows["II-8"], column).value == "March 2025"


def test_a_questionnaire_answer_has_its_day(real_db: Database) -> None:
    rec_id = _ii6(real_db)
    svc.edit_follow_up(real_db, rec_id, "Adopted.", "questionnaire q.xlsx")
    detail = browsing.detail(real_db, rec_id)
    assert detail is not None and detail.follow_up is not None
    assert detail.follow_up.received_precision == "day"
    at = detail.follow_up.received_at
    assert detail.follow_up.received == f"{at.day} {at:%B %Y}"
    assert detail.follow_up_history[-1].received == "March 2025"  # the factsheet's, still


def test_the_migration_gives_factsheet_versions_their_month(blank_database: URL) -> None:
    migrate_url(blank_database, "0006")
    engine = create_engine(blank_database)
    try:
        with engine.begin() as conn:
            for statement in (
                "INSERT INTO rating_scale (id, preset, name) VALUES (1, 'greco', 'GRECO')",
                "INSERT INTO monitoring_round (id, title, rating_scale_id) VALUES (1, 'R', 1)",
                "INSERT INTO party (id, name) VALUES (1, 'Albania')",
                "INSERT INTO factsheet (id, party_id, round_id, title, preamble, source, "
                "imported_at) VALUES (1, 1, 1, 'F', '', 'f.md', '2025-01-01 00:00:00')",
                "INSERT INTO recommendation (id, uid, factsheet_id, chapter_number, position, "
                "section_position, verb, scope, text, paragraphs) "
                "VALUES (1, 'u1', 1, 'II', 0, 0, 'require', 'specific', 'Do.', '[]')",
                "INSERT INTO follow_up (id, recommendation_id, text, source, received_at, "
                "recorded_at, superseded_at) VALUES (1, 1, 'First.', 'factsheet f.md', "
                "'2025-03-01 00:00:00', '2025-04-01 00:00:00', '2026-05-02 10:00:00')",
                "INSERT INTO follow_up (id, recommendation_id, text, source, received_at, "
                "recorded_at) VALUES (2, 1, 'Adopted.', 'questionnaire q.xlsx', "
                "'2026-05-02 10:00:00', '2026-05-02 10:00:00')",
            ):
                conn.execute(text(statement))
    finally:
        engine.dispose()
    migrate_url(blank_database, "head")
    engine = create_engine(blank_database)
    try:
        with Session(engine) as s:
            rows = s.execute(
                select(FollowUp.id, FollowUp.received_precision).order_by(FollowUp.id)
            ).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [(1, "month"), (2, "day")]
    migrate_url(blank_database, "0006", down=True)  # and back
