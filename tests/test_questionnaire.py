"""The questionnaire round trip: export, fill in as a State would, preview, apply, history."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from assessor.db.engine import Database
from assessor.db.queries import recommendation_detail
from assessor.exporters.assessment_xlsx import export_assessment_xlsx
from assessor.exporters.json_export import export_json
from assessor.exporters.questionnaire import (
    HEADERS,
    STATE_STATUSES,
    TEMPLATE_VERSION,
    export_questionnaire,
)
from assessor.exporters.xlsx_common import cell_text, uncell_text
from assessor.services.assessments import edit_follow_up, find_by_code
from assessor.services.errors import ServiceError
from assessor.services.questionnaires import (
    apply_questionnaire,
    import_questionnaire,
    preview_questionnaire,
    save_report,
)
from tests.questionnaire_helpers import (
    FOLLOW_UP,
    PREVIOUS,
    REFS,
    STATUS,
    dump,
    fill,
    real_database,
    row_of,
)


@pytest.fixture
def real_db(tmp_path: Path):
    db = real_database(tmp_path / "real.sqlite")
    yield db
    db.close()


def _detail(db: Database, code: str):
    with db.reading() as s:
        rec_id = find_by_code(s, code).id
        return recommendation_detail(s, rec_id)


def test_export_layout(real_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "q.xlsx"
    assert export_questionnaire(real_db, out) == 22  # require + request of the seed
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Instructions", "Questionnaire", "_meta"]
    assert wb.security.lockStructure
    ws = wb["Questionnaire"]
    assert tuple(c.value for c in ws[1]) == HEADERS
    assert ws.column_dimensions["A"].hidden
    assert ws.protection.sheet
    assert ws.freeze_panes == "C2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$1"
    assert ws["E2"].protection.locked and not ws["G2"].protection.locked
    assert ws["E2"].alignment.wrap_text
    assert len(ws["A2"].value) == 32
    assert ws.data_validations.dataValidation[0].formula1 == '"' + ",".join(STATE_STATUSES) + '"'
    meta = {r[0]: r[1] for r in wb["_meta"].iter_rows(values_only=True)}
    assert meta["template_version"] == TEMPLATE_VERSION and meta["party"] == "Albania"
    assert wb["_meta"].sheet_state == "veryHidden"
    assert export_questionnaire(real_db, tmp_path / "all.xlsx", scope="all") == 81


def test_round_trip(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank, scope="all")
    before_ii6 = _detail(real_db, "II-6")
    assert before_ii6 is not None and before_ii6.follow_up is not None
    ws = openpyxl.load_workbook(blank)["Questionnaire"]
    fresh_cells = [ws[f"B{r}"].value for r in range(2, 83) if not ws[f"F{r}"].value]
    fresh = [cell.split(",")[0] for cell in fresh_cells]
    assert len(fresh) == 81 - 23  # the seed has 23 follow-ups
    filled = fill(
        blank,
        tmp_path / "Albania answers.xlsx",
        {
            f"{FOLLOW_UP}:II-6": "The new Criminal Code was adopted in 2025.",
            f"{STATUS}:II-6": "implemented",
            f"{REFS}:II-6": "Law no. 12/2025",
            f"{FOLLOW_UP}:{fresh[0]}": "A first answer.",
            # II-8 left empty: its follow-up must stay as it is.
        },
    )
    preview = preview_questionnaire(real_db, filled)
    assert preview.counts == {"new": 1, "changed": 1, "unchanged": 79, "rejected": 0}
    assert "1 new, 1 changed, 79 unchanged, 0 rejected" in preview.summary()
    before = dump(real_db)
    assert dump(real_db) == before  # previewing wrote nothing

    report = apply_questionnaire(real_db, preview, by="rapporteur")
    assert report.applied == 2 and len(report.changes.recommendations) == 2
    after = _detail(real_db, "II-6")
    assert after is not None and after.follow_up is not None
    # The status and references are fields of their own, never added to the text.
    assert after.follow_up.text == "The new Criminal Code was adopted in 2025."
    assert after.follow_up.state_status == "implemented"
    assert after.follow_up.references == "Law no. 12/2025"
    assert after.follow_up.source == "questionnaire Albania answers.xlsx"
    assert after.follow_up_history[-1].text == before_ii6.follow_up.text
    assert after.follow_up_history[-1].superseded_at is not None
    new = _detail(real_db, fresh[0])
    assert new is not None and new.follow_up and new.follow_up.text == "A first answer."
    untouched = _detail(real_db, "II-8")
    assert untouched is not None and untouched.follow_up and not untouched.follow_up_history

    # The same file again: everything is unchanged now.
    again = preview_questionnaire(real_db, filled)
    assert again.counts["unchanged"] == 81

    saved = tmp_path / "report.txt"
    save_report(report.text(), saved)
    text = saved.read_text("utf-8")
    assert "Imported 2 follow-ups from Albania answers.xlsx" in text
    assert "II-6: changed" in text and f"{fresh_cells[0]}: new" in text  # every code of it


def test_import_in_one_go_and_stale_preview(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    filled = fill(blank, tmp_path / "a.xlsx", {f"{FOLLOW_UP}:II-6": "Answer."})
    preview = preview_questionnaire(real_db, filled)
    d = _detail(real_db, "II-6")
    assert d is not None
    edit_follow_up(real_db, d.id, "Edited meanwhile.")
    before = dump(real_db)
    with pytest.raises(ServiceError, match="changed since the preview"):
        apply_questionnaire(real_db, preview)
    assert dump(real_db) == before
    report = import_questionnaire(real_db, filled, party="albania")
    assert report.applied == 1


def test_escaping() -> None:
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        escaped = cell_text(dangerous)
        assert escaped == "'" + dangerous
        assert uncell_text(escaped) == dangerous
    assert cell_text("Plain text = fine") == "Plain text = fine"
    assert cell_text("") == "" and cell_text(None) == ""
    assert len(cell_text("x" * 40_000)) == 32_767


def test_untrusted_text_is_escaped_in_the_export(real_db: Database, tmp_path: Path) -> None:
    d = _detail(real_db, "II-6")
    assert d is not None
    edit_follow_up(real_db, d.id, '=HYPERLINK("http://evil.example","click")')
    out = tmp_path / "q.xlsx"
    export_questionnaire(real_db, out)
    wb = openpyxl.load_workbook(out)
    ws = wb["Questionnaire"]
    cell = ws["F2"]
    assert cell.data_type == "s"
    assert cell.value == '\'=HYPERLINK("http://evil.example","click")'
    # Formulas anywhere in the file? None: every cell is a plain string or empty.
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    # And the escaped previous follow-up is not taken for an edit of a locked cell.
    preview = preview_questionnaire(real_db, out)
    assert "locked" not in preview.rows[0].reason


def test_status_and_references_are_fields_with_a_history(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    answer = "The Criminal Code was amended in 2025."
    first = fill(
        blank,
        tmp_path / "first.xlsx",
        {
            f"{FOLLOW_UP}:II-6": answer,
            f"{STATUS}:II-6": "In progress",  # any case, as a State may type it
            f"{REFS}:II-6": "Law 45/2024",
        },
    )
    preview = preview_questionnaire(real_db, first)
    (row,) = preview.to_apply
    assert (row.new_text, row.new_state_status, row.new_references) == (
        answer,
        "in progress",
        "Law 45/2024",
    )
    # The preview shows what the State wrote and what it replaces (the CLI prints this text).
    old_text = _detail(real_db, "II-6").follow_up.text  # type: ignore[union-attr]
    assert row.old_text == old_text
    text = preview.text()
    assert f"Answer: {answer}" in text
    assert "State's status: in progress · References: Law 45/2024" in text
    assert "Replaces: " + old_text[:40] in text
    apply_questionnaire(real_db, preview, by="rapporteur")
    d = _detail(real_db, "II-6")
    assert d is not None and d.follow_up is not None
    assert (d.follow_up.text, d.follow_up.state_status, d.follow_up.references) == (
        answer,
        "in progress",
        "Law 45/2024",
    )
    assert d.follow_up.state_line == "State's status: in progress · References: Law 45/2024"

    # The next questionnaire shows them beside the previous follow-up, and reading it back
    # does not take that for an edit of a locked cell.
    second_blank = tmp_path / "q2.xlsx"
    export_questionnaire(real_db, second_blank)
    ws = openpyxl.load_workbook(second_blank)["Questionnaire"]
    previous = ws[f"{PREVIOUS}{row_of(ws, 'II-6')}"].value
    assert previous == f"{answer}\n\nState's status: in progress · References: Law 45/2024"
    second = fill(
        second_blank,
        tmp_path / "second.xlsx",
        {
            f"{FOLLOW_UP}:II-6": answer,  # the same text: only the status changes
            f"{STATUS}:II-6": "implemented",
            f"{REFS}:II-6": "Law 45/2024",
        },
    )
    preview = preview_questionnaire(real_db, second)
    assert preview.counts["changed"] == 1 and preview.counts["new"] == 0
    (row,) = preview.to_apply
    assert "locked" not in row.reason
    assert (row.old_state_status, row.new_state_status) == ("in progress", "implemented")
    apply_questionnaire(real_db, preview, by="rapporteur")
    d = _detail(real_db, "II-6")
    assert d is not None and d.follow_up is not None
    assert (d.follow_up.text, d.follow_up.state_status) == (answer, "implemented")
    earlier = d.follow_up_history[-1]
    assert (earlier.text, earlier.state_status, earlier.references) == (
        answer,
        "in progress",
        "Law 45/2024",
    )
    assert earlier.superseded_at is not None
    assert d.follow_up_history[0].text == old_text  # the seed's text, further back
    assert d.follow_up_history[0].state_status is None

    # The same file again changes nothing.
    assert preview_questionnaire(real_db, second).counts["changed"] == 0


def test_exports_and_corrections_keep_status_and_references(
    real_db: Database, tmp_path: Path
) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    for name, status in (("a.xlsx", "in progress"), ("b.xlsx", "implemented")):
        filled = fill(
            blank,
            tmp_path / name,
            {f"{FOLLOW_UP}:II-6": "Amended.", f"{STATUS}:II-6": status, f"{REFS}:II-6": "Law 1"},
        )
        apply_questionnaire(real_db, preview_questionnaire(real_db, filled), by="Ana")

    (rec,) = [
        i
        for c in export_json(real_db)["factsheets"][0]["chapters"]
        for s in c["sections"]
        for i in s["items"]
        if i["type"] == "recommendation" and "II-6" in i["codes"]
    ]
    assert (rec["follow_up"], rec["follow_up_state_status"], rec["follow_up_references"]) == (
        "Amended.",
        "implemented",
        "Law 1",
    )
    last = rec["follow_up_history"][-1]
    assert (last["text"], last["state_status"], last["references"]) == (
        "Amended.",
        "in progress",
        "Law 1",
    )
    assert rec["follow_up_history"][0]["state_status"] is None  # the seed's follow-up
    changes = [c for c in export_json(real_db)["history"] if c["field"] == "follow_up_state_status"]
    assert [(c["old"], c["new"]) for c in changes] == [
        (None, "in progress"),
        ("in progress", "implemented"),
    ]

    out = tmp_path / "assessment.xlsx"
    export_assessment_xlsx(real_db, out, party="Albania")
    ws = openpyxl.load_workbook(out)["Assessment"]
    header = [c.value for c in ws[1]]
    at = header.index("Follow-up")
    assert header[at + 1 : at + 3] == ["State's status", "References"]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "II-6")
    assert row[at : at + 3] == ("Amended.", "implemented", "Law 1")

    # Correcting the text by hand keeps the State's status and references.
    d = _detail(real_db, "II-6")
    assert d is not None
    edit_follow_up(real_db, d.id, "Amended in 2025.")
    d = _detail(real_db, "II-6")
    assert d is not None and d.follow_up is not None
    assert (d.follow_up.state_status, d.follow_up.references) == ("implemented", "Law 1")


def test_a_row_is_named_by_all_its_codes(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank, scope="all")
    filled = fill(blank, tmp_path / "a.xlsx", {f"{FOLLOW_UP}:III-16": "Answered."})
    preview = preview_questionnaire(real_db, filled)
    (row,) = preview.to_apply
    assert row.code == "III-16, III-18"
    assert f"row {row.row} III-16, III-18: " in preview.text()
    # A row matched by neither ID nor code is named by every code its cell holds.
    unknown = fill(
        blank, tmp_path / "u.xlsx", {"A2": None, "B2": "Z-91 ,Z-92", f"{FOLLOW_UP}2": "x"}
    )
    assert preview_questionnaire(real_db, unknown).rows[0].code == "Z-91, Z-92"


def _answered_with_status(db: Database, tmp_path: Path, references: str) -> Path:
    """II-6 answered with a status and references, then a fresh questionnaire exported."""
    blank = tmp_path / "q.xlsx"
    export_questionnaire(db, blank)
    first = fill(
        blank,
        tmp_path / "first.xlsx",
        {
            f"{FOLLOW_UP}:II-6": "Amended in 2025.",
            f"{STATUS}:II-6": "in progress",
            f"{REFS}:II-6": references,
        },
    )
    apply_questionnaire(db, preview_questionnaire(db, first))
    second = tmp_path / "q2.xlsx"
    export_questionnaire(db, second)
    return second


def test_the_states_status_and_references_are_pre_filled(real_db: Database, tmp_path: Path) -> None:
    blank = _answered_with_status(real_db, tmp_path, "Law 45/2024")
    ws = openpyxl.load_workbook(blank)["Questionnaire"]
    row = row_of(ws, "II-6")
    assert ws[f"{FOLLOW_UP}{row}"].value is None  # the text is the State's to write
    assert (ws[f"{STATUS}{row}"].value, ws[f"{REFS}{row}"].value) == ("in progress", "Law 45/2024")
    assert not ws[f"{STATUS}{row}"].protection.locked and not ws[f"{REFS}{row}"].protection.locked

    # Returned untouched: the pre-filled status is no answer, nothing changes.
    before = dump(real_db)
    preview = preview_questionnaire(real_db, blank)
    assert preview.counts["unchanged"] == len(preview.rows)
    (ii6,) = [r for r in preview.rows if r.code == "II-6"]
    assert ii6.reason == "no answer: the existing follow-up is kept"
    assert apply_questionnaire(real_db, preview).applied == 0
    assert dump(real_db) == before

    # A new text alone keeps the status and references the State left in place.
    text_only = fill(blank, tmp_path / "text.xlsx", {f"{FOLLOW_UP}:II-6": "Adopted in 2026."})
    (changed,) = preview_questionnaire(real_db, text_only).to_apply
    assert (changed.new_text, changed.new_state_status, changed.new_references) == (
        "Adopted in 2026.",
        "in progress",
        "Law 45/2024",
    )
    assert changed.reason == "replaces the current follow-up, which is kept in the history"

    # Only the pre-filled status updated: a status-only change, as before.
    status_only = fill(blank, tmp_path / "status.xlsx", {f"{STATUS}:II-6": "implemented"})
    (changed,) = preview_questionnaire(real_db, status_only).to_apply
    assert "the text stays" in changed.reason
    assert (changed.new_state_status, changed.new_references) == ("implemented", "Law 45/2024")

    # A new text with the status cell emptied: the State withdrew its status.
    cleared = fill(
        blank,
        tmp_path / "cleared.xlsx",
        {f"{FOLLOW_UP}:II-6": "Withdrawn.", f"{STATUS}:II-6": None},
    )
    (changed,) = preview_questionnaire(real_db, cleared).to_apply
    assert (changed.new_state_status, changed.new_references) == ("", "Law 45/2024")


def test_pre_filled_references_that_look_like_a_formula(real_db: Database, tmp_path: Path) -> None:
    blank = _answered_with_status(real_db, tmp_path, "-Law 45/2024, art. 3")
    ws = openpyxl.load_workbook(blank)["Questionnaire"]
    assert ws[f"{REFS}{row_of(ws, 'II-6')}"].value == "'-Law 45/2024, art. 3"  # escaped
    preview = preview_questionnaire(real_db, blank)
    assert preview.counts["unchanged"] == len(preview.rows)
    text_only = fill(blank, tmp_path / "text.xlsx", {f"{FOLLOW_UP}:II-6": "Adopted."})
    (changed,) = preview_questionnaire(real_db, text_only).to_apply
    assert changed.new_references == "-Law 45/2024, art. 3"


def _rewrite(src: Path, dest: Path, change) -> Path:
    """Copy a questionnaire after ``change(sheet)``, as a State's spreadsheet would save it."""
    wb = openpyxl.load_workbook(src)
    change(wb["Questionnaire"])
    wb.save(dest)
    return dest


def _sort_by_recommendation(ws) -> None:
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    rows.sort(key=lambda r: r[HEADERS.index("Recommendation")], reverse=True)
    for i, values in enumerate(rows, start=2):
        for j, value in enumerate(values, start=1):
            ws.cell(i, j).value = value


def test_a_state_may_sort_and_filter_the_rows(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    wb = openpyxl.load_workbook(blank)
    ws = wb["Questionnaire"]
    assert ws.auto_filter.ref == f"A1:I{ws.max_row}"
    assert not ws.protection.sort and not ws.protection.autoFilter  # both allowed
    instructions = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row)
    assert "You may sort or filter the rows" in instructions
    assert "do not add or remove rows" in instructions and "sort or reorder" not in instructions

    answered = fill(
        blank,
        tmp_path / "answered.xlsx",
        {f"{FOLLOW_UP}:II-6": "Answer to II-6.", f"{FOLLOW_UP}:II-8": "Answer to II-8."},
    )
    before = openpyxl.load_workbook(answered)["Questionnaire"]
    sorted_file = _rewrite(answered, tmp_path / "sorted.xlsx", _sort_by_recommendation)
    after = openpyxl.load_workbook(sorted_file)["Questionnaire"]
    assert row_of(after, "II-6") != row_of(before, "II-6")  # really moved
    preview = preview_questionnaire(real_db, sorted_file)
    assert preview.warnings == ()  # sorting is allowed: nothing to warn about
    assert {r.code: r.new_text for r in preview.to_apply} == {
        "II-6": "Answer to II-6.",
        "II-8": "Answer to II-8.",
    }
    assert {r.row for r in preview.to_apply} == {row_of(after, "II-6"), row_of(after, "II-8")}
    # A questionnaire exported before the any-order checksum cannot tell sorting apart.
    older = fill(sorted_file, tmp_path / "older.xlsx", {}, {"ids_set_checksum": ""})
    (warning,) = preview_questionnaire(real_db, older).warnings
    assert "rows added, removed or sorted" in warning
    apply_questionnaire(real_db, preview)
    for code in ("II-6", "II-8"):
        d = _detail(real_db, code)
        assert d is not None and d.follow_up is not None
        assert d.follow_up.text == f"Answer to {code}."

    # Rows hidden by a filter are read all the same.
    def hide_ii6(ws) -> None:
        ws.row_dimensions[row_of(ws, "II-6")].hidden = True

    hidden = fill(blank, tmp_path / "h.xlsx", {f"{FOLLOW_UP}:II-6": "Hidden answer."})
    filtered = _rewrite(hidden, tmp_path / "filtered.xlsx", hide_ii6)
    preview = preview_questionnaire(real_db, filtered)
    assert preview.warnings == ()
    assert [r.new_text for r in preview.to_apply] == ["Hidden answer."]


def test_added_and_removed_rows(real_db: Database, tmp_path: Path) -> None:
    blank = tmp_path / "q.xlsx"
    export_questionnaire(real_db, blank)
    answered = fill(blank, tmp_path / "a.xlsx", {f"{FOLLOW_UP}:II-6": "Answer."})

    def add(ws) -> None:
        ws.insert_rows(5)
        ws[f"{FOLLOW_UP}5"] = "A note the State added."

    preview = preview_questionnaire(real_db, _rewrite(answered, tmp_path / "added.xlsx", add))
    (warning,) = preview.warnings
    assert "22 exported, 23 read: rows added or removed" in warning
    (rejected,) = [r for r in preview.rows if r.status == "rejected"]
    assert rejected.row == 5 and "cannot be matched" in rejected.reason
    assert [r.code for r in preview.to_apply] == ["II-6"]  # the other rows are still taken

    def remove_ii8(ws) -> None:
        ws.delete_rows(row_of(ws, "II-8"))

    removed = _rewrite(answered, tmp_path / "removed.xlsx", remove_ii8)
    preview = preview_questionnaire(real_db, removed)
    (warning,) = preview.warnings
    assert "22 exported, 21 read" in warning and "missing keeps its follow-up" in warning
    assert "II-8" not in {r.code for r in preview.rows}
    assert [r.code for r in preview.to_apply] == ["II-6"]
