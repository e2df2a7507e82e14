"""Tests for the read-side queries: plain values, counts, tree order, query count."""

from __future__ import annotations

import dataclasses

from conftest import Seeded
from sqlalchemy import event

from assessor.db.engine import Database
from assessor.db.models import (
    Chapter,
    Factsheet,
    MonitoringRound,
    Party,
    Recommendation,
    RecommendationCode,
    Section,
)
from assessor.db.presets import scale_from_preset
from assessor.db.queries import (
    history,
    list_factsheets,
    rating_levels,
    recommendation_detail,
    snippet,
    themes,
    tree_rows,
)
from assessor.services import assessments as svc


def test_list_factsheets_counts(seeded: Seeded) -> None:
    svc.rate(seeded.db, seeded.recs["II-6"], "partly")
    svc.rate(seeded.db, seeded.recs["II-20"], "implemented")  # invite: rated, not in scope
    with seeded.db.reading() as s:
        (summary,) = list_factsheets(s)
    assert dataclasses.is_dataclass(summary)
    assert summary.party == "Albania" and summary.id == seeded.factsheet_id
    # The retired II-9 is not counted.
    assert (summary.recommendations, summary.require, summary.request, summary.invite) == (
        4,
        2,
        1,
        1,
    )
    assert summary.follow_ups == 1
    assert (summary.rated, summary.in_scope, summary.rated_in_scope) == (2, 3, 1)


def test_list_factsheets_empty(db: Database) -> None:
    with db.reading() as s:
        assert list_factsheets(s) == []


def test_recommendation_detail(seeded: Seeded) -> None:
    rid = seeded.recs["II-6"]
    svc.edit_follow_up(seeded.db, rid, "A second answer.", "questionnaire.xlsx")
    svc.rate(seeded.db, rid, "partly", by="ann")
    with seeded.db.reading() as s:
        d = recommendation_detail(s, rid)
    assert d is not None
    assert (d.party, d.chapter_number, d.chapter_title) == ("Albania", "II", "Legal framework")
    assert (d.section_kind, d.verb, d.scope, d.codes, d.in_scope) == (
        "specific",
        "request",
        "specific",
        ("II-6",),
        True,
    )
    assert d.observations[0].paragraphs == ("50",)
    assert d.follow_up is not None and d.follow_up.text == "A second answer."
    assert d.follow_up.source == "questionnaire.xlsx"
    assert [f.text for f in d.follow_up_history] == ["These issues are addressed by law 1/2020."]
    assert (d.assessment.rating, d.assessment.rating_label) == ("partly", "Partly implemented")
    assert d.assessment.updated_by == "ann"
    assert [lv.key for lv in d.levels][:2] == ["implemented", "partly"]


def test_recommendation_detail_unassessed_and_missing(seeded: Seeded) -> None:
    with seeded.db.reading() as s:
        d = recommendation_detail(s, seeded.recs["II-20"])
        assert recommendation_detail(s, 424242) is None
    assert d is not None and d.follow_up is None and d.follow_up_history == ()
    assert (d.assessment.rating, d.assessment.status, d.in_scope) == (None, "draft", False)


def test_tree_rows_order_and_links(seeded: Seeded) -> None:
    svc.rate(seeded.db, seeded.recs["II-1"], "implemented")
    with seeded.db.reading() as s:
        rows = tree_rows(s, seeded.factsheet_id)
    assert [(r.kind, r.depth) for r in rows][:3] == [("chapter", 0), ("section", 1), ("chapter", 0)]
    recs = [r for r in rows if r.kind == "recommendation"]
    assert [r.codes for r in recs] == [("II-6",), ("II-1", "II-3"), ("II-4",), ("II-20",)]
    keys = {r.key for r in rows}
    assert all(r.parent_key in keys for r in rows if r.parent_key)
    by_code = {r.codes[0]: r for r in recs}
    assert by_code["II-1"].rating == "implemented" and by_code["II-6"].has_follow_up
    assert by_code["II-6"].title.startswith("The Committee requests Albania")
    with seeded.db.reading() as s:
        with_retired = tree_rows(s, seeded.factsheet_id, include_retired=True)
    assert len(with_retired) == len(rows) + 1


def test_snippet_cuts_at_a_word() -> None:
    text = "word " * 40
    cut = snippet(text, 22)
    assert cut == "word word word word…"
    assert snippet("  short\ntext ") == "short text"


def _big_factsheet(db: Database, n: int) -> int:
    with db.transaction() as s:
        sheet = Factsheet(
            party=Party(name="Big"),
            round=MonitoringRound(title="R", rating_scale=scale_from_preset(s)),
            title="Big",
        )
        chapters = [Chapter(number=str(c), title=f"C{c}", position=c) for c in range(10)]
        for c in chapters:
            c.sections = [Section(kind="specific", title="S", position=0)]
        sheet.chapters = chapters
        s.add(sheet)
        s.flush()
        for i in range(n):
            chapter = chapters[i % 10]
            rec = Recommendation(
                factsheet_id=sheet.id,
                section_id=chapter.sections[0].id,
                chapter_number=chapter.number,
                position=i,
                section_position=i,
                verb="request",
                scope="specific",
                text=f"Recommendation number {i}",
            )
            rec.codes = [RecommendationCode(factsheet_id=sheet.id, code=f"X-{i}", position=0)]
            s.add(rec)
        return sheet.id


def test_tree_rows_runs_a_fixed_number_of_queries(db: Database) -> None:
    fid = _big_factsheet(db, 500)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with db.reading() as s:
        rows = tree_rows(s, fid)
    assert sum(r.kind == "recommendation" for r in rows) == 500
    assert len(statements) <= 5


def test_history_and_themes(seeded: Seeded) -> None:
    rid = seeded.recs["II-4"]
    svc.rate(seeded.db, rid, "partly", by="a")
    svc.set_comment(seeded.db, rid, "Why", by="b")
    with seeded.db.reading() as s:
        entries = history(s, "recommendation", rid)
        (theme,) = themes(s, seeded.factsheet_id)
        levels = rating_levels(s, seeded.factsheet_id)
    assert [(e.field, e.old, e.new, e.by) for e in entries] == [
        ("rating", None, "partly", "a"),
        ("comment", "", "Why", "b"),
    ]
    assert theme.title == "Legislation"
    assert [i.links for i in theme.items] == [("II-1",), (), ("II-6",)]
    assert len(levels) == 4
