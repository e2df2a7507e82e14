"""The history of every kind of edit: old and new value, when, and by whom (from the settings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Seeded
from sqlalchemy import select

from assessor.db.models import Change
from assessor.exporters.json_export import export_json
from assessor.services import assessments as svc
from assessor.services import themes
from assessor.settings import ENV_SETTINGS, Settings, assessor_name, load_settings, save_settings

NAME = "Rapporteur Ana Ionescu"


@pytest.fixture
def by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The assessor's name, saved in a private settings file and read back as the services do."""
    monkeypatch.setenv(ENV_SETTINGS, str(tmp_path / "settings.json"))
    save_settings(Settings(assessor_name=NAME))
    return assessor_name()


def history(
    seeded: Seeded, entity: str, entity_id: int
) -> list[tuple[str, str | None, str | None]]:
    """(field, old, new) of every change of one thing, oldest first; all by NAME, with a time."""
    with seeded.db.reading() as s:
        rows = s.scalars(
            select(Change)
            .where(Change.entity == entity, Change.entity_id == entity_id)
            .order_by(Change.id)
        ).all()
        assert all(c.by == NAME and c.at is not None for c in rows)
        return [(c.field, c.old, c.new) for c in rows]


def test_settings_round_trip_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "nested" / "settings.json"
    assert load_settings(path) == Settings()
    path.parent.mkdir()
    path.write_text('{"assessor_name": "A", "from_a_newer_version": 1}', encoding="utf-8")
    save_settings(Settings(assessor_name="B"), path)
    assert load_settings(path).assessor_name == "B"
    assert '"from_a_newer_version": 1' in path.read_text(encoding="utf-8")
    path.write_text("not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    monkeypatch.setenv(ENV_SETTINGS, str(path))
    assert isinstance(assessor_name(), str)  # the login name, or "" without one


def test_rating_history(seeded: Seeded, by: str) -> None:
    rid = seeded.recs["II-6"]
    svc.rate(seeded.db, rid, "partly", by=by)
    svc.rate(seeded.db, rid, "implemented", by=by)
    svc.rate(seeded.db, rid, None, by=by)
    assert history(seeded, "recommendation", rid) == [
        ("rating", None, "partly"),
        ("rating", "partly", "implemented"),
        ("rating", "implemented", None),
    ]


def test_comment_history(seeded: Seeded, by: str) -> None:
    rid = seeded.recs["II-4"]
    svc.set_comment(seeded.db, rid, "First thoughts.", by=by)
    svc.set_comment(seeded.db, rid, "Second thoughts.", by=by)
    assert history(seeded, "recommendation", rid) == [
        ("comment", "", "First thoughts."),
        ("comment", "First thoughts.", "Second thoughts."),
    ]


def test_status_history(seeded: Seeded, by: str) -> None:
    rid = seeded.recs["II-1"]
    svc.set_status(seeded.db, rid, "final", by=by)
    svc.set_status(seeded.db, rid, "draft", by=by)
    assert history(seeded, "recommendation", rid) == [
        ("status", "draft", "final"),
        ("status", "final", "draft"),
    ]


def test_follow_up_history(seeded: Seeded, by: str) -> None:
    rid = seeded.recs["II-6"]
    svc.edit_follow_up(seeded.db, rid, "A new law was adopted in 2024.", by=by)
    svc.edit_follow_up(seeded.db, rid, "", by=by)
    assert history(seeded, "recommendation", rid) == [
        (
            "follow_up",
            "These issues are addressed by law 1/2020.",
            "A new law was adopted in 2024.",
        ),
        ("follow_up", "A new law was adopted in 2024.", None),
    ]


def test_themed_recommendation_history(seeded: Seeded, by: str) -> None:
    item = seeded.item_ids[1]
    themes.edit_theme_item(seeded.db, item, text="Train judges and prosecutors.", by=by)
    themes.edit_theme_item(seeded.db, item, links=["II-4"], by=by)
    themes.move_theme_item(seeded.db, item, 0, by=by)
    themes.delete_theme_item(seeded.db, item, by=by)
    assert history(seeded, "theme_item", item) == [
        ("text", "Train judges.", "Train judges and prosecutors."),
        ("links", "[]", '["II-4"]'),
        ("position", "1", "0"),
        ("deleted", "Train judges and prosecutors.", None),
    ]
    created = themes.add_theme_item(seeded.db, seeded.theme_id, "Fund hotlines.", ["II-20"], by=by)
    assert history(seeded, "theme_item", created.id) == [
        ("created", None, "Fund hotlines."),
        ("links", None, '["II-20"]'),
    ]


def test_theme_history(seeded: Seeded, by: str) -> None:
    themes.rename_theme(seeded.db, seeded.theme_id, "Criminal law", by=by)
    assert history(seeded, "theme", seeded.theme_id)[0] == ("title", "Legislation", "Criminal law")


def test_history_is_exported_and_never_pruned(seeded: Seeded, by: str) -> None:
    rid = seeded.recs["II-6"]
    for n in range(30):
        svc.set_comment(seeded.db, rid, f"Comment {n}", by=by)
    exported = [h for h in export_json(seeded.db)["history"] if h["field"] == "comment"]
    assert len(exported) == 30
    assert exported[-1] == {
        "entity": "recommendation",
        "entity_id": rid,
        "field": "comment",
        "old": "Comment 28",
        "new": "Comment 29",
        "at": exported[-1]["at"],
        "by": NAME,
    }
