"""A search hit in an observation matches the recommendations that observation leads to only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from assessor.db import queries
from assessor.db.engine import Database, open_database
from assessor.db.models import Observation, Recommendation
from assessor.search import _leads, search
from assessor.services.imports import import_file

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
FACTSHEET = EXAMPLES / "factsheet-albania-2nd-round.md"


@pytest.fixture(scope="module")
def albania(tmp_path_factory: pytest.TempPathFactory) -> Database:
    """The example factsheet, imported once."""
    db = open_database(tmp_path_factory.mktemp("search") / "a.sqlite", backup=False)
    import_file(db, FACTSHEET)
    return db


def test_the_search_rule_is_the_finding_panes_rule(albania: Database) -> None:
    with albania.reading() as s:
        pairs = set(
            s.execute(
                text(
                    "SELECT o.text, r.id FROM observation o JOIN recommendation r "
                    f"ON r.section_id = o.section_id WHERE {_leads('o', 'r')}"
                )
            ).all()
        )
        shown = set()
        for rid in s.scalars(select(Recommendation.id)):
            detail = queries.recommendation_detail(s, rid)
            assert detail is not None
            shown |= {(o.text, rid) for o in detail.observations}
    assert pairs == shown and len(shown) > 20


@pytest.mark.parametrize("use_fts", [True, False])
def test_an_observation_word_finds_only_the_recommendations_it_leads_to(
    albania: Database, use_fts: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assessor import search as module

    monkeypatch.setattr(module, "has_fts", lambda _engine: use_fts)
    with albania.reading() as s:
        observations = s.execute(select(Observation.id, Observation.text)).all()
        recs = list(s.scalars(select(Recommendation.id)))
        details = {rid: queries.recommendation_detail(s, rid) for rid in recs}
    checked = 0
    for _oid, obs_text in observations:
        words = [w for w in obs_text.split() if len(w) > 9 and w.isalpha()]
        for word in words[:2]:
            found = search(albania, word)
            for rid, detail in details.items():
                assert detail is not None
                wanted = word.casefold()
                via_observation = any(wanted in o.text.casefold() for o in detail.observations)
                via_other = (
                    word.casefold()
                    in " ".join(
                        [detail.text, detail.follow_up.text if detail.follow_up else ""]
                    ).casefold()
                )
                if via_observation:
                    assert rid in found, (word, rid)
                elif rid in found:
                    assert via_other, (word, rid)
            checked += 1
    assert checked > 20
