"""The follow-up pane as a timeline: newest first, source and date, earlier ones folded."""

from __future__ import annotations

from assessor.db.models import Recommendation
from assessor.services import assessments, browsing
from assessor.services.changes import Changes
from assessor.ui.main_window import MainWindow

LONG = "The State's first long answer, " + "with many details about the draft law, " * 8


def test_earlier_answers_stay_in_the_pane_newest_first_and_fold(window: MainWindow) -> None:
    wb = window.workbench
    sheet = wb.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, sheet, "II-6")
    assert rec_id is not None
    factsheet_text = browsing.detail(window.db, rec_id).follow_up.text  # type: ignore[union-attr]
    for text, source in ((LONG, "questionnaire first.xlsx"), ("Adopted.", "questionnaire b.xlsx")):
        with window.db.transaction() as s:
            rec = s.get(Recommendation, rec_id)
            assert rec is not None
            assessments.supersede_follow_up(s, rec, text, source)
    window.on_changed(Changes.of_recommendations([rec_id]))
    assert wb.select_recommendation(rec_id, sheet)
    pane = wb.follow_up
    text = pane.browser.toPlainText()
    # Newest first: the current answer, then version 2 (the first questionnaire), version 1.
    assert text.index("Current") < text.index("Adopted.") < text.index("Earlier versions")
    assert text.index("Version 2") < text.index("Version 1")
    assert "questionnaire first.xlsx, received" in text
    assert "factsheet" in text.split("Version 1", 1)[1]  # each with its source
    # ... and its date as precise as the source: the factsheet gives a month, not a day.
    assert "received March 2025" in text.split("Version 1", 1)[1]
    assert "1 March 2025" not in text
    # Folded: a line and the start of the text, not the whole long answer.
    assert LONG.strip() not in " ".join(text.split())
    assert "The State's first long answer" in text

    first = browsing.detail(window.db, rec_id).follow_up_history[-1]  # type: ignore[union-attr]
    pane.toggle_version(first.id)
    assert " ".join(LONG.split()) in " ".join(pane.browser.toPlainText().split())
    assert "▾" in pane.browser.toPlainText()
    pane.toggle_version(first.id)
    assert " ".join(LONG.split()) not in " ".join(pane.browser.toPlainText().split())

    # History opens every version, and lists the changes.
    pane.history_button.click()
    text = " ".join(pane.browser.toPlainText().split())
    assert " ".join(LONG.split()) in text and factsheet_text.split("\n")[0][:40] in text
    assert "Changes (newest first)" in text
