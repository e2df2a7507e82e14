"""A follow-up newer than the rating: the same rule in SQL (tree, filters) and in Python (pane)."""

from __future__ import annotations

from conftest import Seeded

from assessor.db.models import Recommendation
from assessor.services import assessments as svc
from assessor.services import workbench


def _review_everywhere(seeded: Seeded, rec_id: int) -> set[bool]:
    """What the tree row, the facets and the detail say: one answer, or the rules differ."""
    db = seeded.db
    rows = workbench.tree(db, seeded.factsheet_id)
    row = next(r for r in rows if r.kind == "recommendation" and r.id == rec_id)
    facet = next(f for f in workbench.facets(db) if f.id == rec_id)
    state = workbench.recommendation_states(db, [rec_id])[rec_id][2]
    detail = workbench.detail(db, rec_id)
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
    kept = [e for e in workbench.history(seeded.db, rec_id) if e.field == "rating_kept"]
    assert [(k.new, k.by) for k in kept] == [("partly", "Maria")]

    _new_follow_up(seeded, rec_id, "The law entered into force.", "questionnaire q2.xlsx")
    assert _review_everywhere(seeded, rec_id) == {True}
    svc.set_comment(seeded.db, rec_id, "Read the new answer.", by="Maria")  # any assessment edit
    assert _review_everywhere(seeded, rec_id) == {False}


def test_a_correction_by_hand_is_not_news_from_the_state(seeded: Seeded) -> None:
    rec_id = seeded.recs["II-6"]
    svc.rate(seeded.db, rec_id, "partly", by="Maria")
    svc.edit_follow_up(seeded.db, rec_id, "The same answer, a typo corrected.")
    assert _review_everywhere(seeded, rec_id) == {False}


def test_a_first_follow_up_after_the_rating_counts_too(seeded: Seeded) -> None:
    rec_id = next(r for code, r in seeded.recs.items() if code != "II-6")
    assert workbench.detail(seeded.db, rec_id).follow_up is None  # type: ignore[union-attr]
    svc.rate(seeded.db, rec_id, "not_implemented", by="Maria")
    _new_follow_up(seeded, rec_id, "A first answer.", "questionnaire q.xlsx")
    assert _review_everywhere(seeded, rec_id) == {True}
