"""Tests for the assessment and theme services: one transaction, Change rows, no-ops."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import pytest
from conftest import ROUND, Seeded
from sqlalchemy import func, select

from assessor.db.engine import Database
from assessor.db.models import Assessment, Change, FollowUp, Theme, ThemeItem
from assessor.services import assessments as svc
from assessor.services import themes
from assessor.services.changes import NOTHING, Changes
from assessor.services.errors import ServiceError


def changes_of(
    db: Database, entity: str = "recommendation"
) -> list[tuple[str, str | None, str | None, str]]:
    """Every Change row of an entity kind as (field, old, new, by), in order."""
    with db.reading() as s:
        rows = s.scalars(select(Change).where(Change.entity == entity).order_by(Change.id))
        return [(c.field, c.old, c.new, c.by) for c in rows]


@dataclass(frozen=True)
class Stored:
    """An assessment as stored, read back as plain values."""

    rating: str | None
    comment: str
    status: str
    updated_at: datetime
    updated_by: str


def assessment(db: Database, rec_id: int) -> Stored | None:
    """The stored assessment of a recommendation, or None."""
    with db.reading() as s:
        a = s.scalar(select(Assessment).where(Assessment.recommendation_id == rec_id))
        return a and Stored(a.rating, a.comment, a.status, a.updated_at, a.updated_by)


def follow_ups(db: Database, rec_id: int) -> list[tuple[str, str, bool]]:
    """A recommendation's follow-up versions as (text, source, superseded?), oldest first."""
    with db.reading() as s:
        rows = s.scalars(
            select(FollowUp).where(FollowUp.recommendation_id == rec_id).order_by(FollowUp.id)
        )
        return [(f.text, f.source, f.superseded_at is not None) for f in rows]


def count(db: Database, model: type) -> int:
    """How many rows a table holds."""
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


# --- change sets ---


def test_changes_merge_and_truth() -> None:
    a = Changes.of_recommendations([1, 2])
    b = Changes(recommendations=frozenset({2, 3}), themes=frozenset({7}))
    merged = a.merge(b)
    assert merged.recommendations == {1, 2, 3}
    assert merged.themes == {7}
    assert merged and not NOTHING
    assert NOTHING.merge(NOTHING).is_empty


# --- ratings ---


def test_rate_by_key_and_label_any_case(seeded: Seeded) -> None:
    rid = seeded.recs["II-6"]
    changes = svc.rate(seeded.db, rid, "PARTLY", by="ann")
    assert changes == Changes.of_recommendations([rid])
    a = assessment(seeded.db, rid)
    assert a is not None and a.rating == "partly" and a.updated_by == "ann"
    svc.rate(seeded.db, rid, "implemented satisfactorily", by="bob")
    assert assessment(seeded.db, rid).rating == "implemented"  # type: ignore[union-attr]
    assert changes_of(seeded.db) == [
        ("rating", None, "partly", "ann"),
        ("rating", "partly", "implemented", "bob"),
    ]


def test_rate_same_value_is_a_no_op(seeded: Seeded) -> None:
    rid = seeded.recs["II-6"]
    svc.rate(seeded.db, rid, "partly")
    before = assessment(seeded.db, rid)
    assert svc.rate(seeded.db, rid, "Partly implemented") is NOTHING
    assert len(changes_of(seeded.db)) == 1
    assert assessment(seeded.db, rid).updated_at == before.updated_at  # type: ignore[union-attr]


def test_clearing_an_unrated_recommendation_creates_nothing(seeded: Seeded) -> None:
    assert svc.rate(seeded.db, seeded.recs["II-4"], None) is NOTHING
    assert svc.set_comment(seeded.db, seeded.recs["II-4"], "   ") is NOTHING
    assert svc.set_status(seeded.db, seeded.recs["II-4"], "draft") is NOTHING
    assert count(seeded.db, Assessment) == 0
    assert count(seeded.db, Change) == 0


def test_rate_none_clears(seeded: Seeded) -> None:
    rid = seeded.recs["II-6"]
    svc.rate(seeded.db, rid, "partly")
    svc.rate(seeded.db, rid, None)
    assert assessment(seeded.db, rid).rating is None  # type: ignore[union-attr]
    svc.rate(seeded.db, rid, "partly")
    svc.rate(seeded.db, rid, "Not yet rated")
    assert assessment(seeded.db, rid).rating is None  # type: ignore[union-attr]
    assert changes_of(seeded.db)[-1][1:3] == ("partly", None)


def test_unknown_rating_is_refused_with_the_choices(seeded: Seeded) -> None:
    with pytest.raises(ServiceError) as err:
        svc.rate(seeded.db, seeded.recs["II-6"], "excellent")
    message = str(err.value)
    assert "excellent" in message and "Partly implemented" in message
    assert "\n" not in message
    assert count(seeded.db, Assessment) == 0 and count(seeded.db, Change) == 0


def test_unknown_recommendation(seeded: Seeded) -> None:
    with pytest.raises(ServiceError, match="does not exist"):
        svc.rate(seeded.db, 99999, "partly")


def test_comment_and_status(seeded: Seeded) -> None:
    rid = seeded.recs["II-1"]
    svc.set_comment(seeded.db, rid, "  Law adopted in 2021. ", by="ann")
    svc.set_status(seeded.db, rid, "FINAL", by="ann")
    a = assessment(seeded.db, rid)
    assert a is not None and (a.comment, a.status, a.rating) == (
        "Law adopted in 2021.",
        "final",
        None,
    )
    assert changes_of(seeded.db) == [
        ("comment", "", "Law adopted in 2021.", "ann"),
        ("status", "draft", "final", "ann"),
    ]
    with pytest.raises(ServiceError, match="draft"):
        svc.set_status(seeded.db, rid, "done")


def test_assess_records_each_changed_field_once(seeded: Seeded) -> None:
    rid = seeded.recs["II-1"]
    svc.assess(seeded.db, rid, "partly", comment="Half done", status="final", by="c")
    assert [f for f, *_ in changes_of(seeded.db)] == ["rating", "comment", "status"]
    assert svc.assess(seeded.db, rid, "partly", comment="Half done", status="final") is NOTHING


def test_rating_uses_the_rounds_scale(db: Database, add_factsheet: Callable[..., Seeded]) -> None:
    greco = add_factsheet("Albania")
    with db.transaction() as s:
        from assessor.db.models import MonitoringRound
        from assessor.db.presets import scale_from_preset

        s.add(MonitoringRound(title="3rd round", rating_scale=scale_from_preset(s, "fatf")))
    fatf = add_factsheet("Andorra", "3rd round")
    svc.rate(db, fatf.recs["II-6"], "largely compliant")
    with pytest.raises(ServiceError):
        svc.rate(db, greco.recs["II-6"], "largely compliant")
    assert greco.factsheet_id != fatf.factsheet_id


# --- by code (the CLI) ---


def test_rate_by_code_with_comment(seeded: Seeded) -> None:
    changes = svc.rate_by_code(seeded.db, " ii - 3 ", "not implemented", comment="Nothing yet")
    rid = seeded.recs["II-1"]  # II-3 is the second code of the same bullet
    assert changes.recommendations == {rid}
    a = assessment(seeded.db, rid)
    assert a is not None and (a.rating, a.comment) == ("not_implemented", "Nothing yet")


def test_rate_by_code_unknown(seeded: Seeded) -> None:
    with pytest.raises(ServiceError, match="II-99"):
        svc.rate_by_code(seeded.db, "II-99", "partly")


def test_rate_by_code_in_several_factsheets_needs_a_party(
    db: Database, add_factsheet: Callable[..., Seeded]
) -> None:
    albania = add_factsheet("Albania")
    andorra = add_factsheet("Andorra")
    add_factsheet("Armenia")
    with pytest.raises(ServiceError, match="--party"):
        svc.rate_by_code(db, "II-6", "partly")
    svc.rate_by_code(db, "II-6", "partly", party="andorra")
    assert assessment(db, andorra.recs["II-6"]).rating == "partly"  # type: ignore[union-attr]
    assert assessment(db, albania.recs["II-6"]) is None
    svc.rate_by_code(db, "II-6", "partly", party="Alb")  # an unambiguous prefix
    with pytest.raises(ServiceError, match="several Parties"):
        svc.rate_by_code(db, "II-6", "partly", party="A")
    with pytest.raises(ServiceError, match="no Party"):
        svc.rate_by_code(db, "II-6", "partly", party="Belgium")


def test_rate_by_code_in_several_rounds_of_one_party(
    db: Database, add_factsheet: Callable[..., Seeded]
) -> None:
    add_factsheet("Albania")
    add_factsheet("Albania", ROUND + " (bis)")
    with pytest.raises(ServiceError, match="several rounds"):
        svc.rate_by_code(db, "II-6", "partly", party="Albania")


# --- follow-ups ---


def test_edit_follow_up_supersedes_and_keeps_history(seeded: Seeded) -> None:
    rid = seeded.recs["II-6"]
    changes = svc.edit_follow_up(seeded.db, rid, "New law adopted.", "questionnaire.xlsx", by="x")
    assert changes.recommendations == {rid}
    assert follow_ups(seeded.db, rid) == [
        ("These issues are addressed by law 1/2020.", "factsheet.md", True),
        ("New law adopted.", "questionnaire.xlsx", False),
    ]
    assert changes_of(seeded.db) == [
        ("follow_up", "These issues are addressed by law 1/2020.", "New law adopted.", "x")
    ]
    assert svc.edit_follow_up(seeded.db, rid, "New law adopted. ", "again") is NOTHING


def test_follow_up_on_a_recommendation_without_one(seeded: Seeded) -> None:
    rid = seeded.recs["II-4"]
    svc.edit_follow_up(seeded.db, rid, "Training started.", "")
    assert follow_ups(seeded.db, rid) == [("Training started.", svc.MANUAL_SOURCE, False)]
    svc.edit_follow_up(seeded.db, rid, "", "")  # withdrawn, but kept in history
    assert follow_ups(seeded.db, rid) == [("Training started.", svc.MANUAL_SOURCE, True)]
    assert changes_of(seeded.db)[-1][1:3] == ("Training started.", None)


# --- themes ---


def titles(db: Database, factsheet_id: int) -> list[str]:
    """The factsheet's theme titles in order (checking positions are 0…n-1)."""
    with db.reading() as s:
        rows = s.scalars(
            select(Theme).where(Theme.factsheet_id == factsheet_id).order_by(Theme.position)
        ).all()
        assert [t.position for t in rows] == list(range(len(rows)))
        return [t.title for t in rows]


def item_texts(db: Database, theme_id: int) -> list[str]:
    """A theme's item texts in order (checking positions are 0…n-1)."""
    with db.reading() as s:
        rows = s.scalars(
            select(ThemeItem).where(ThemeItem.theme_id == theme_id).order_by(ThemeItem.position)
        ).all()
        assert [i.position for i in rows] == list(range(len(rows)))
        return [i.text for i in rows]


def test_add_rename_move_delete_theme_and_undo(seeded: Seeded) -> None:
    db, fid = seeded.db, seeded.factsheet_id
    first = themes.add_theme(db, fid, "  Capacity  ", position=0, by="a")
    assert first.position == 0 and first.changes.themes == {fid}
    last = themes.add_theme(db, fid, "Cooperation")
    assert titles(db, fid) == ["Capacity", "Legislation", "Cooperation"]

    renamed = themes.rename_theme(db, last.id, "International cooperation")
    assert renamed.old_title == "Cooperation"
    assert themes.rename_theme(db, last.id, "International cooperation").changes is NOTHING

    moved = themes.move_theme(db, last.id, 0)
    assert (moved.old_position, moved.new_position) == (2, 0)
    assert titles(db, fid) == ["International cooperation", "Capacity", "Legislation"]
    themes.move_theme(db, last.id, moved.old_position)  # undo
    assert titles(db, fid)[-1] == "International cooperation"

    deleted = themes.delete_theme(db, seeded.theme_id)
    assert deleted.position == 1 and len(deleted.items) == 3
    assert deleted.items[0].links == ("II-1",)
    assert titles(db, fid) == ["Capacity", "International cooperation"]
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ThemeItem)) == 0
    again = themes.add_theme(db, fid, deleted.title, deleted.position, deleted.items)  # undo
    assert titles(db, fid) == ["Capacity", "Legislation", "International cooperation"]
    assert item_texts(db, again.id) == [
        "Amend the Criminal Code.",
        "Train judges.",
        "Fund shelters.",
    ]

    fields = [f for f, *_ in changes_of(db, "theme")]
    assert fields == ["created", "created", "title", "position", "position", "deleted", "created"]


def test_theme_needs_a_title(seeded: Seeded) -> None:
    with pytest.raises(ServiceError):
        themes.add_theme(seeded.db, seeded.factsheet_id, "   ")
    with pytest.raises(ServiceError):
        themes.rename_theme(seeded.db, 12345, "x")


def test_theme_items(seeded: Seeded) -> None:
    db, tid = seeded.db, seeded.theme_id
    added = themes.add_theme_item(db, tid, "Open shelters.", ["II-4", " ", "II-4"], position=1)
    assert added.position == 1
    assert item_texts(db, tid) == [
        "Amend the Criminal Code.",
        "Open shelters.",
        "Train judges.",
        "Fund shelters.",
    ]

    edited = themes.edit_theme_item(db, added.id, links=["II-4", "II-6"])
    assert (edited.old_text, edited.old_links) == ("Open shelters.", ("II-4",))
    assert themes.edit_theme_item(db, added.id, text="Open shelters.").changes is NOTHING
    with pytest.raises(ServiceError):
        themes.edit_theme_item(db, added.id, text=" ")

    moved = themes.move_theme_item(db, added.id, 10)
    assert (moved.old_position, moved.new_position) == (1, 3)
    assert item_texts(db, tid)[-1] == "Open shelters."

    deleted = themes.delete_theme_item(db, seeded.item_ids[1])
    assert (deleted.position, deleted.item.text) == (1, "Train judges.")
    assert item_texts(db, tid) == ["Amend the Criminal Code.", "Fund shelters.", "Open shelters."]
    themes.add_theme_item(
        db, deleted.theme_id, deleted.item.text, deleted.item.links, deleted.position
    )
    assert item_texts(db, tid)[1] == "Train judges."


def test_move_item_to_another_theme(seeded: Seeded) -> None:
    db, tid = seeded.db, seeded.theme_id
    other = themes.add_theme(db, seeded.factsheet_id, "Capacity")
    themes.add_theme_item(db, other.id, "Hire staff.")
    moved = themes.move_theme_item(db, seeded.item_ids[0], 0, theme_id=other.id)
    assert (moved.old_theme_id, moved.new_theme_id, moved.old_position) == (tid, other.id, 0)
    assert item_texts(db, other.id) == ["Amend the Criminal Code.", "Hire staff."]
    assert item_texts(db, tid) == ["Train judges.", "Fund shelters."]
    themes.move_theme_item(db, seeded.item_ids[0], moved.old_position, theme_id=moved.old_theme_id)
    assert item_texts(db, tid)[0] == "Amend the Criminal Code."
