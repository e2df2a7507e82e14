"""Search: FTS5 and the LIKE fallback agree, and the index follows every write."""

from __future__ import annotations

import pytest

from assessor.search import has_fts, query_words, search, search_ids
from assessor.services.assessments import edit_follow_up, set_comment
from tests.conftest import Seeded


def test_query_words_ignore_punctuation_and_repeats() -> None:
    assert query_words('Criminal "code" criminal*') == ["criminal", "code"]


@pytest.mark.parametrize("use_fts", [True, False])
def test_each_searched_text_finds_its_recommendation(seeded: Seeded, use_fts: bool) -> None:
    db, recs = seeded.db, seeded.recs
    assert has_fts(db.engine)
    set_comment(db, recs["II-4"], "Ask the ministry for numbers")
    with db.reading() as s:

        def ids(q: str) -> set[int]:
            return search_ids(s, q, seeded.factsheet_id, use_fts=use_fts)

        assert ids("criminalise") == {recs["II-1"]}  # recommendation text, word prefix
        assert ids("CRIMINAL") >= {recs["II-1"]}  # any case
        assert ids("law 1/2020") == {recs["II-6"]}  # follow-up
        assert ids("ministry numbers") == {recs["II-4"]}  # comment
        # An observation matches every recommendation of its section.
        assert recs["II-6"] in ids("new law")
        assert ids("nothing-like-this") == set()
        assert ids("  ") == set()


def test_index_follows_edits_and_superseded_follow_ups(seeded: Seeded) -> None:
    db, rid = seeded.db, seeded.recs["II-6"]
    edit_follow_up(db, rid, "A brand new answer about hotlines.")
    assert search(db, "hotlines") == {rid}
    assert search(db, "1/2020") == set()  # the old version is history, not searched
    set_comment(db, rid, "first")
    set_comment(db, rid, "second thought")
    assert search(db, "first") == set()
    assert search(db, "second") == {rid}


def test_the_index_ignores_accents_and_splits_at_punctuation(seeded: Seeded) -> None:
    # FTS5's remove_diacritics on SQLite, assessor_fold on PostgreSQL (0006).
    db, recs = seeded.db, seeded.recs
    assert search(db, "PROSÉCUTED") == {recs["II-6"]}
    assert search(db, "2020") == {recs["II-6"]}  # "law 1/2020": two words
    set_comment(db, recs["II-4"], "Élèves, enfants-témoins.")
    assert search(db, "eleves temoins") == {recs["II-4"]}
