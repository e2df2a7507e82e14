"""The factsheet tree model under pytest-qt's model tester, filled lazily, filtered, updated."""

from __future__ import annotations

from assessor.db.engine import Database
from assessor.domain.filters import FilterState
from assessor.services import browsing
from assessor.ui.tree_model import ROLE_KIND, ROLE_PROGRESS, FactsheetTreeModel
from tests.conftest import build_factsheet


def _model(db: Database) -> FactsheetTreeModel:
    model = FactsheetTreeModel(
        lambda fid: browsing.tree(db, fid), lambda fid: browsing.levels(db, fid)
    )
    model.set_factsheets(browsing.factsheets(db))
    return model


def test_model_passes_the_model_tester(qtmodeltester, real_db: Database) -> None:  # type: ignore[no-untyped-def]
    build_factsheet(real_db, party="Andorra")  # two Parties: two top nodes
    model = _model(real_db)
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    for fid in model.factsheet_ids():
        model.ensure_loaded(fid)
    qtmodeltester.check(model)
    model.set_filter(FilterState(verb="in_scope"), None)
    qtmodeltester.check(model)


def test_tree_reads_a_factsheet_only_when_needed(real_db: Database) -> None:
    calls: list[int] = []
    model = FactsheetTreeModel(
        lambda fid: calls.append(fid) or browsing.tree(real_db, fid),  # type: ignore[func-returns-value]
        lambda fid: browsing.levels(real_db, fid),
    )
    model.set_factsheets(browsing.factsheets(real_db))
    top = model.index(0, 0)
    assert calls == [] and model.hasChildren(top) and model.canFetchMore(top)
    assert top.data(ROLE_PROGRESS) == "0 of 22 rated"
    model.fetchMore(top)
    assert calls == [top.data(ROLE_KIND) == "factsheet" and model.factsheet_ids()[0]]
    chapter = model.index(0, 0, top)
    assert chapter.data(ROLE_KIND) == "chapter"
    assert (
        chapter.data() == "II. Legal framework"
    )  # introductions, with nothing to rate, are left out
    assert chapter.data(ROLE_PROGRESS) == "0 of 3 rated"


def test_rating_updates_rows_and_progress_without_rereading(real_db: Database) -> None:
    from assessor.services.assessments import rate

    model = _model(real_db)
    fid = model.factsheet_ids()[0]
    model.ensure_loaded(fid)
    rec_id = browsing.recommendation_for_code(real_db, fid, "II-6")
    assert rec_id is not None
    changed: list[object] = []
    model.dataChanged.connect(lambda a, b: changed.append(a.data(ROLE_KIND)))
    rate(real_db, rec_id, "implemented")
    model.update_recommendations(browsing.recommendation_states(real_db, [rec_id]))
    assert set(changed) == {"recommendation", "section", "chapter", "factsheet"}
    chapter = model.parent(model.parent(model.index_of_recommendation(rec_id)))
    assert chapter.data(ROLE_PROGRESS) == "1 of 3 rated"
