"""Documents in the reader's language: a French questionnaire out and back in, a French PDF
summary and assessment workbook, rating levels in French, the default language of a document."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from assessor.db.engine import Database
from assessor.db.models import Factsheet, FollowUp, RatingLevel
from assessor.domain.scales import PRESETS, level_label, level_labels
from assessor.domain.values import Level
from assessor.exporters.assessment_xlsx import export_assessment_xlsx
from assessor.exporters.document_words import status_key
from assessor.exporters.overview_xlsx import export_overview_xlsx
from assessor.exporters.pdf_summary import write_pdf_summary
from assessor.exporters.questionnaire import export_questionnaire
from assessor.importers.questionnaire import read_questionnaire
from assessor.services.assessments import find_by_code, rate_by_code
from assessor.services.questionnaires import import_questionnaire, preview_questionnaire
from tests.questionnaire_helpers import FOLLOW_UP, REFS, STATUS, fill, real_database, row_of

FRENCH_HEADERS = [
    "ID",
    "Code",
    "Chapitre",
    "Type",
    "Recommandation",
    "Suivi précédent",
    "Suivi",
    "Statut selon l'État",
    "Références",
]


@pytest.fixture
def real_db(tmp_path: Path) -> Iterator[Database]:
    db = real_database(tmp_path / "real.sqlite")
    yield db
    db.close()


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_preset_levels_carry_the_bodies_french_terms() -> None:
    greco = {lv.key: lv for lv in PRESETS["greco"][1]}
    assert greco["implemented"].label_fr == "Mise en œuvre de façon satisfaisante"
    assert greco["partly"].label_fr == "Partiellement mise en œuvre"
    assert greco["not_implemented"].label_fr == "Pas mise en œuvre"
    assert greco["no_information"].label_fr == "Aucune information fournie"
    fatf = [lv.label_fr for lv in PRESETS["fatf"][1]]
    assert fatf == [
        "Conforme",
        "En grande partie conforme",
        "Partiellement conforme",
        "Non conforme",
        "Non applicable",
    ]


def test_level_label_in_either_language() -> None:
    # A stored preset level without its French (a database before 0009's backfill): the
    # preset's words, found by key and English label.
    stored = Level("partly", "Partly implemented", "#f9a825")
    assert level_label(stored, "fr") == "Partiellement mise en œuvre"
    assert level_label(stored, "fr", short=True) == "Partiellement"
    assert level_label(stored, "en") == "Partly implemented"
    assert level_label(stored, "en", short=True) == "Partly"
    # A custom level: its own French, else its English.
    custom = Level("good", "Good progress", "#00ff00", "Bons progrès")
    assert level_label(custom, "fr") == "Bons progrès"
    assert level_label(Level("good", "Good progress", "#00ff00"), "fr") == "Good progress"
    # Renamed in English: the preset's French no longer fits it.
    assert level_label(Level("partly", "Half done", "#f9a825"), "fr") == "Half done"
    shorts = level_labels(
        [Level(lv.key, lv.label, lv.color) for lv in PRESETS["greco"][1]], "fr", short=True
    )
    assert shorts == ["Mise en œuvre", "Partiellement", "Pas mise en œuvre", "Aucune information"]


def test_statuses_are_read_in_either_language() -> None:
    assert status_key("en cours") == "in progress"
    assert status_key("  Mise en œuvre ") == "implemented"
    assert status_key("pas commencée") == "not started"
    assert status_key("Not started") == "not started"
    assert status_key("peut-être") is None


def test_french_questionnaire_exported_filled_and_imported(
    real_db: Database, tmp_path: Path
) -> None:
    blank = tmp_path / "q-fr.xlsx"
    assert export_questionnaire(real_db, blank, lang="fr", deadline="30 juin 2026") == 22
    wb = openpyxl.load_workbook(blank)
    assert wb.sheetnames == ["Instructions", "Questionnaire", "_meta"]
    ws = wb["Questionnaire"]
    assert [c.value for c in ws[1]] == FRENCH_HEADERS
    instructions = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row)
    assert "Comité de Lanzarote — questionnaire pour Albania" in instructions
    assert "Comment répondre" in instructions and "Date limite" in instructions
    assert "Facultatif : mise en œuvre, en cours, pas commencée." in instructions
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"mise en œuvre,en cours,pas commencée"'
    meta = {r[0].value: r[1].value for r in wb["_meta"].iter_rows()}
    assert meta["language"] == "fr"
    verbs = {ws[f"D{row}"].value for row in range(2, ws.max_row + 1)}
    assert verbs <= {"exige", "demande"} and verbs
    assert ws.oddFooter.center.text == "Page &P sur &N"

    # The State answers in French: a new follow-up with a French status, and references.
    row = row_of(ws, "II-6")
    uid = ws[f"A{row}"].value
    filled = fill(
        blank,
        tmp_path / "answers-fr.xlsx",
        {
            f"{FOLLOW_UP}:II-6": "La loi a été modifiée en 2025.",
            f"{STATUS}:II-6": "en cours",
            f"{REFS}:II-6": "Loi n° 12/2025",
        },
    )
    parsed = read_questionnaire(filled)
    assert parsed.language == "fr"
    preview = preview_questionnaire(real_db, filled)
    rows = {r.code.split(",")[0]: r for r in preview.rows}
    assert rows["II-6"].status == "changed", rows["II-6"].reason
    # Nothing else changed, and no locked cell is taken for edited (French verbs and cells).
    assert [r.code for r in preview.to_apply] == [rows["II-6"].code]
    assert not [r for r in preview.rows if "locked" in r.reason]
    report = import_questionnaire(real_db, filled)
    assert report.applied == 1
    with real_db.reading() as s:
        rec = find_by_code(s, "II-6")
        assert rec.uid == uid  # the answer landed on the recommendation of its hidden ID
        current = s.scalars(
            select(FollowUp).where(
                FollowUp.recommendation_id == rec.id, FollowUp.superseded_at.is_(None)
            )
        ).one()
        assert current.text == "La loi a été modifiée en 2025."
        assert current.state_status == "in progress"  # stored as its key
        assert current.state_references == "Loi n° 12/2025"

    # Exported again in French, the status shows in French and reads back unchanged.
    again = tmp_path / "q-fr-2.xlsx"
    export_questionnaire(real_db, again, lang="fr")
    ws2 = openpyxl.load_workbook(again)["Questionnaire"]
    row2 = row_of(ws2, "II-6")
    assert ws2[f"H{row2}"].value == "en cours"
    assert "Statut selon l'État : en cours · Références : Loi n° 12/2025" in ws2[f"F{row2}"].value
    second = preview_questionnaire(real_db, again)
    assert not second.to_apply
    assert not [r for r in second.rows if "locked" in r.reason or r.status == "rejected"]


def test_an_unknown_status_in_french_is_rejected(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q-fr.xlsx"
    export_questionnaire(real_db, blank, lang="fr")
    filled = fill(blank, tmp_path / "a.xlsx", {f"{STATUS}:II-6": "presque"})
    preview = preview_questionnaire(real_db, filled)
    (row,) = [r for r in preview.rows if r.code.startswith("II-6")]
    assert row.status == "rejected" and "presque" in row.reason


def test_french_pdf_has_french_labels_and_dates(real_db: Database, tmp_path: Path) -> None:
    rate_by_code(real_db, "II-6", "partly", comment="Progrès réels.")
    with real_db.transaction() as s:  # a follow-up received on the first of the month
        rec = find_by_code(s, "II-6")
        follow_up = s.scalars(
            select(FollowUp).where(
                FollowUp.recommendation_id == rec.id, FollowUp.superseded_at.is_(None)
            )
        ).one()
        follow_up.received_at = datetime(2025, 3, 1, tzinfo=UTC)
        follow_up.received_precision = "day"
    out = tmp_path / "summary-fr.pdf"
    write_pdf_summary(real_db, out, lang="fr", on=date(2025, 3, 1), assessor_name="A. Martin")
    reader = PdfReader(out)
    pages = [_flat(p.extract_text()) for p in reader.pages]
    text = " ".join(pages)
    assert "Comité de Lanzarote — évaluation de la conformité" in pages[0]
    assert "1er mars 2025" in pages[0]  # the cover's date
    assert "Table des matières" in pages[1]
    assert "Vue d'ensemble" in text and "Par évaluation et par verbe" in text
    for label in ("Partiellement mise en œuvre", "Mise en œuvre de façon satisfaisante"):
        assert label in text
    assert "Pas encore évaluée" in text
    assert "Suivi de l’État — reçu le 1er mars 2025" in text
    assert "Suivi de l’État — reçu en mars 2025" in text  # the factsheet's: a month
    assert "Commentaire du rapporteur" in text and "Progrès réels." in text
    assert f"Page 1 sur {len(pages)}" in pages[0]
    assert "Albania · 1er mars 2025 · Confidentiel" in pages[0]
    assert "EXIGE" in text or "DEMANDE" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Évaluation de la conformité — Albania"
    # None of the English words is left in the front matter (the factsheet's own titles stay).
    for english in ("Overview", "Contents", "Not yet rated", "Page 1 of", "By chapter"):
        assert english not in " ".join(pages[:3]), english


def test_french_assessment_workbook(real_db: Database, tmp_path: Path) -> None:
    rate_by_code(real_db, "II-6", "partly")
    out = tmp_path / "assessment-fr.xlsx"
    export_assessment_xlsx(real_db, out, party="Albania", lang="fr")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Évaluation", "Synthèse", "Thèmes"]
    ws = wb["Évaluation"]
    head = [c.value for c in ws[1]]
    assert head[:8] == [
        "Codes",
        "Chapitre",
        "Verbe",
        "Portée",
        "Procédure de conformité",
        "Évaluation",
        "Commentaire",
        "Statut",
    ]
    ratings = {ws.cell(r, 6).value for r in range(2, ws.max_row + 1)}
    assert {"Partiellement mise en œuvre", "Pas encore évaluée"} <= ratings
    assert {ws.cell(r, 3).value for r in range(2, ws.max_row + 1)} == {
        "exige",
        "demande",
        "invite",
    }
    summary = [c.value for row in wb["Synthèse"].iter_rows() for c in row if c.value]
    assert "Évaluations par chapitre" in summary and "Évaluations par verbe" in summary
    assert "Partiellement mise en œuvre" in summary and "Total" in summary

    overview = tmp_path / "overview-fr.xlsx"
    export_overview_xlsx(real_db, overview, lang="fr")
    wb = openpyxl.load_workbook(overview)
    assert wb.sheetnames == ["Vue d'ensemble", "Légende"]
    cells = {c.value for row in wb["Vue d'ensemble"].iter_rows() for c in row}
    assert "Partiellement mise en œuvre" in cells and "Pas encore évaluée" in cells


def test_a_document_defaults_to_its_factsheets_language(real_db: Database, tmp_path: Path) -> None:
    with real_db.reading() as s:
        assert s.scalars(select(Factsheet.language)).one() == "en"  # found by the import
    with real_db.transaction() as s:
        s.scalars(select(Factsheet)).one().language = "fr"
    out = tmp_path / "q.xlsx"
    export_questionnaire(real_db, out)  # no lang: the Party's
    assert openpyxl.load_workbook(out)["Questionnaire"]["C1"].value == "Chapitre"
    export_questionnaire(real_db, out, lang="en")  # chosen: whatever the Party's
    assert openpyxl.load_workbook(out)["Questionnaire"]["C1"].value == "Chapter"


def test_new_scales_get_their_french_labels(real_db: Database) -> None:
    with real_db.reading() as s:
        labels = dict(s.execute(select(RatingLevel.key, RatingLevel.label_fr)).all())
    assert labels["implemented"] == "Mise en œuvre de façon satisfaisante"


def test_export_commands_take_the_documents_language(real_db: Database, tmp_path: Path) -> None:
    from assessor.cli import main

    db_path = str(tmp_path / "real.sqlite")
    real_db.close()
    q = tmp_path / "q.xlsx"
    assert main(["--db", db_path, "export", "questionnaire", "-o", str(q), "--lang", "fr"]) == 0
    assert openpyxl.load_workbook(q)["Questionnaire"]["C1"].value == "Chapitre"
    x = tmp_path / "a.xlsx"
    assert main(["--db", db_path, "export", "xlsx", "-o", str(x), "--lang", "fr"]) == 0
    assert openpyxl.load_workbook(x).sheetnames[0] == "Évaluation"
    pdf = tmp_path / "s.pdf"
    assert main(["--db", db_path, "export", "pdf", "-o", str(pdf), "--lang", "fr"]) == 0
    assert "Table des matières" in _flat(PdfReader(pdf).pages[1].extract_text())
    # The document's language is its own: the messages stay in the user's (English here).
    assert main(["--db", db_path, "export", "pdf", "-o", str(pdf), "--lang", "en"]) == 0
    assert "Contents" in _flat(PdfReader(pdf).pages[1].extract_text())


def test_a_french_factsheets_documents_are_french(db: Database, tmp_path: Path) -> None:
    from assessor.services.imports import import_file

    import_file(db, Path(__file__).parent / "data" / "factsheets" / "albania-fr.docx")
    with db.reading() as s:
        assert s.scalars(select(Factsheet.language)).one() == "fr"  # what the import found
    out = tmp_path / "q.xlsx"
    export_questionnaire(db, out)  # no --lang: the Party's language
    assert openpyxl.load_workbook(out)["Questionnaire"]["C1"].value == "Chapitre"
