"""A follow-up newer than the rating: the same rule in SQL (tree, filters) and in Python (pane)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Seeded

from assessor.db.engine import Database
from assessor.db.models import Recommendation
from assessor.domain.values import CORRECTED_SOURCE, CORRECTION_UNDONE_SOURCE
from assessor.services import assessments as svc
from assessor.services import browsing
from assessor.services.assessments import find_by_code, rate_by_code
from assessor.services.imports import import_file

FACTSHEET = (
    Path(__file__).resolve().parents[1]
    / "resources"
    / "examples"
    / "factsheet-albania-2nd-round.md"
)


def _review_everywhere(seeded: Seeded, rec_id: int) -> set[bool]:
    """What the tree row, the facets and the detail say: one answer, or the rules differ."""
    db = seeded.db
    rows = browsing.tree(db, seeded.factsheet_id)
    row = next(r for r in rows if r.kind == "recommendation" and r.id == rec_id)
    facet = next(f for f in browsing.facets(db) if f.id == rec_id)
    state = browsing.recommendation_states(db, [rec_id])[rec_id][2]
    detail = browsing.detail(db, rec_id)
    assert detail is not None
    return {row.review, facet.review, state, detail.follow_up_newer_than_rating}


def _new_follow_up(seeded: Seeded, rec_id: int, text: str, source: str) -> None:
    with seeded.db.transaction() as s:
        rec = s.get(Recommendation, rec_id)
        assert rec is not None
        svc.supersede_follow_up(s, rec, text, source)


def test_a_follow_up_that_comes_in_after_the_rating_asks_for_a_review(seeded: Seeded) -> None:
    rec_id = seeded.recs["II-6"]  # has a follow-up from the factsheet
    assert _review_everywhere(seeded, rec_id) == {False}  # not rated: nothing to review
    svc.rate(seeded.db, rec_id, "partly", by="Maria")
    assert _review_everywhere(seeded, rec_id) == {False}  # rated after the follow-up

    _new_follow_up(seeded, rec_id, "The law was adopted.", "questionnaire q.xlsx")
    assert _review_everywhere(seeded, rec_id) == {True}

    svc.keep_rating(seeded.db, rec_id, by="Maria")
    assert _review_everywhere(seeded, rec_id) == {False}
    kept = [e for e in browsing.history(seeded.db, rec_id) if e.field == "rating_kept"]
    assert [(k.new, k.by) for k in kept] == [("partly", "Maria")]

    _new_follow_up(seeded, rec_id, "The law entered into force.", "questionnaire q2.xlsx")
    assert _review_everywhere(seeded, rec_id) == {True}
    svc.set_comment(seeded.db, rec_id, "Read the new answer.", by="Maria")  # any assessment edit
    assert _review_everywhere(seeded, rec_id) == {False}


@pytest.mark.parametrize("source", ["", CORRECTED_SOURCE, CORRECTION_UNDONE_SOURCE])
def test_a_correction_by_hand_is_not_news_from_the_state(seeded: Seeded, source: str) -> None:
    rec_id = seeded.recs["II-6"]
    svc.rate(seeded.db, rec_id, "partly", by="Maria")
    svc.edit_follow_up(seeded.db, rec_id, "The same answer, a typo corrected.", source)
    assert _review_everywhere(seeded, rec_id) == {False}


def test_correcting_a_new_answer_does_not_hide_it(seeded: Seeded) -> None:
    rec_id = seeded.recs["II-6"]
    svc.rate(seeded.db, rec_id, "partly", by="Maria")
    _new_follow_up(seeded, rec_id, "The law was adoptd.", "questionnaire q.xlsx")
    svc.edit_follow_up(seeded.db, rec_id, "The law was adopted.", CORRECTED_SOURCE)
    assert _review_everywhere(seeded, rec_id) == {True}  # the State's answer is still unread


def test_a_first_follow_up_from_a_newer_factsheet_is_news(db: Database, tmp_path: Path) -> None:
    import_file(db, FACTSHEET)
    rate_by_code(db, "II-10", "partly")
    newer = tmp_path / "factsheet-albania-v2.md"
    newer.write_text(
        FACTSHEET.read_text(encoding="utf-8").replace(
            "producing CSAM.<sup>20</sup>\n",
            "producing CSAM.<sup>20</sup>\n\n#### Follow-up actions:\n\n"
            "A draft law on grooming was sent to Parliament.\n",
            1,
        ),
        encoding="utf-8",
    )
    assert "II-10: follow-up added" in import_file(db, newer).changed_lines
    with db.reading() as s:
        rec_id = find_by_code(s, "II-10").id
    detail = browsing.detail(db, rec_id)
    assert detail is not None and detail.follow_up is not None
    assert detail.follow_up.text.startswith("A draft law on grooming")
    assert detail.follow_up_newer_than_rating
    # The same file again, or an older one, brings nothing new: no review asked again.
    svc.keep_rating(db, rec_id)
    import_file(db, newer)
    import_file(db, FACTSHEET)
    assert not browsing.detail(db, rec_id).follow_up_newer_than_rating  # type: ignore[union-attr]


def test_a_first_follow_up_after_the_rating_counts_too(seeded: Seeded) -> None:
    rec_id = next(r for code, r in seeded.recs.items() if code != "II-6")
    assert browsing.detail(seeded.db, rec_id).follow_up is None  # type: ignore[union-attr]
    svc.rate(seeded.db, rec_id, "not_implemented", by="Maria")
    _new_follow_up(seeded, rec_id, "A first answer.", "questionnaire q.xlsx")
    assert _review_everywhere(seeded, rec_id) == {True}


def test_the_history_names_the_rating_that_was_kept() -> None:
    from datetime import UTC, datetime

    from assessor.domain.values import HistoryEntry, Level
    from assessor.ui.follow_up_pane import changes_html

    levels = [Level("not_implemented", "Not implemented", "#c62828")]
    at = datetime(2026, 11, 30, tzinfo=UTC)
    shown = changes_html(
        [HistoryEntry("rating_kept", None, "not_implemented", at, "Maria")], levels
    )
    assert "Rating kept after a newer follow-up</b>: Not implemented" in shown
    assert "none" not in shown and "not_implemented" not in shown


def test_a_newer_factsheet_replaces_a_corrected_older_text_and_asks_for_a_review(
    db: Database, tmp_path: Path
) -> None:
    import_file(db, FACTSHEET)
    rate_by_code(db, "II-6", "partly")
    with db.reading() as s:
        rec = find_by_code(s, "II-6")
        rec_id, old = rec.id, next(f.text for f in rec.follow_ups if f.superseded_at is None)
    svc.edit_follow_up(db, rec_id, old + " (typo corrected)", CORRECTED_SOURCE)
    newer = tmp_path / "factsheet-albania-v2.md"
    newer.write_text(
        FACTSHEET.read_text(encoding="utf-8").replace(old[:60], "In 2026: " + old[:60], 1),
        encoding="utf-8",
    )
    report = import_file(db, newer)
    assert "II-6: follow-up replaced (the previous text is kept in history)" in report.changed_lines
    detail = browsing.detail(db, rec_id)
    assert detail is not None and detail.follow_up is not None
    assert detail.follow_up.text.startswith("In 2026: ")
    assert detail.follow_up_newer_than_rating
