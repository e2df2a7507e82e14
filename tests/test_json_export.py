"""Tests for the JSON export: the contract's shape, document order, and atomic writing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Seeded

from assessor.db.engine import Database
from assessor.exporters.json_export import FORMAT, export_json, iso, write_json
from assessor.fileio import atomic_path, atomic_write_bytes
from assessor.services import assessments as svc
from assessor.services.imports import import_file

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"

MARKUP = re.compile(r"\*\*|<sup>|</?\w+>|\[\^|^\s*[e¢•]\s|^\[\d+\]", re.M)
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def items_of(sheet: dict[str, Any]) -> list[dict[str, Any]]:
    """Every section item of a factsheet, in document order."""
    return [i for c in sheet["chapters"] for s in c["sections"] for i in s["items"]]


def texts(node: Any) -> list[str]:
    """Every "text" value anywhere in the export."""
    if isinstance(node, dict):
        found = [node["text"]] if isinstance(node.get("text"), str) else []
        return found + [t for v in node.values() for t in texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in texts(v)]
    return []


def test_top_level_and_factsheet_fields(seeded: Seeded) -> None:
    data = export_json(seeded.db)
    assert data["format"] == FORMAT == "assessor-json/1"
    assert ISO_Z.match(data["exported_at"])
    (sheet,) = data["factsheets"]
    for key, kind in [
        ("party", str),
        ("title", str),
        ("round", str),
        ("rating_scale", list),
        ("chapters", list),
        ("assessor_recommendations", list),
    ]:
        assert isinstance(sheet[key], kind), key
    assert sheet["party"] == "Albania"
    assert sheet["rating_scale"][0] == {
        "key": "implemented",
        "label": "Implemented satisfactorily",
        "label_fr": "Mise en œuvre de façon satisfaisante",  # 1.2
        "color": "#2e7d32",
    }
    assert "language" in sheet  # 1.2: the language the import found (None: built by hand)
    chapter = sheet["chapters"][1]
    assert (chapter["number"], chapter["title"]) == ("II", "Legal framework")
    kinds = [s["kind"] for s in chapter["sections"]]
    assert kinds == ["specific", "generic", "promising_practices"]
    for section in chapter["sections"]:
        assert isinstance(section["title"], str) and isinstance(section["items"], list)
    json.dumps(data)  # plain JSON types only


def test_section_items_in_document_order(seeded: Seeded) -> None:
    sheet = export_json(seeded.db)["factsheets"][0]
    specific = sheet["chapters"][1]["sections"][0]["items"]
    assert [i["type"] for i in specific] == [
        "observation",
        "recommendation",
        "heading",
        "recommendation",
        "recommendation",
        "unplaced",
    ]
    assert specific[0] == {
        "type": "observation",
        "text": "The Committee notes the new law.",
        "paragraphs": ["50"],
    }
    assert specific[2] == {"type": "heading", "text": "Sexual abuse"}
    practices = sheet["chapters"][1]["sections"][2]["items"]
    assert practices == [{"type": "promising_practice", "text": "A hotline for children."}]
    intro = sheet["chapters"][0]["sections"][0]
    assert intro["kind"] == "text" and intro["items"][0]["type"] == "text"


def test_recommendation_fields(seeded: Seeded) -> None:
    svc.rate(seeded.db, seeded.recs["II-6"], "partly", by="ann")
    svc.set_comment(seeded.db, seeded.recs["II-6"], "Half done.")
    svc.edit_follow_up(seeded.db, seeded.recs["II-6"], "Second answer.", "q.xlsx")
    sheet = export_json(seeded.db)["factsheets"][0]
    recs = {tuple(i["codes"]): i for i in items_of(sheet) if i["type"] == "recommendation"}
    assert set(recs) == {("II-6",), ("II-1", "II-3"), ("II-4",), ("II-20",)}
    r = recs[("II-6",)]
    assert (r["verb"], r["scope"], r["chapter"], r["paragraphs"]) == (
        "request",
        "specific",
        "II",
        ["71"],
    )
    assert r["text"].startswith("The Committee requests Albania")
    assert r["follow_up"] == "Second answer."
    assert r["follow_up_history"][0]["text"] == "These issues are addressed by law 1/2020."
    assert ISO_Z.match(r["follow_up_history"][0]["superseded_at"])
    assert {k: r["assessment"][k] for k in ("rating", "comment", "status")} == {
        "rating": "partly",
        "comment": "Half done.",
        "status": "draft",
    }
    assert isinstance(r["id"], int) and len(r["uid"]) == 32
    unrated = recs[("II-20",)]
    assert unrated["follow_up"] is None and unrated["scope"] == "generic"
    assert unrated["assessment"]["rating"] is None
    assert {r["verb"] for r in recs.values()} <= {"require", "request", "invite"}


def test_retired_recommendations_are_listed_apart(seeded: Seeded) -> None:
    sheet = export_json(seeded.db)["factsheets"][0]
    assert [r["codes"] for r in sheet["retired_recommendations"]] == [["II-9"]]
    assert ISO_Z.match(sheet["retired_recommendations"][0]["retired_at"])
    assert all(i.get("codes") != ["II-9"] for i in items_of(sheet))


def test_themes_and_history(seeded: Seeded) -> None:
    svc.rate(seeded.db, seeded.recs["II-4"], "partly", by="ann")
    data = export_json(seeded.db)
    themes = data["factsheets"][0]["assessor_recommendations"]
    assert themes[0]["theme"] == "Legislation"
    item = themes[0]["items"][0]
    assert (item["text"], item["links"]) == ("Amend the Criminal Code.", ["II-1"])
    (change,) = data["history"]
    assert (change["entity"], change["field"], change["new"], change["by"]) == (
        "recommendation",
        "rating",
        "partly",
        "ann",
    )


def test_no_markup_in_text(seeded: Seeded) -> None:
    all_texts = texts(export_json(seeded.db))
    assert len(all_texts) > 10
    assert not [t for t in all_texts if MARKUP.search(t)]


def test_the_seed_factsheet_has_no_footnote_numbers_in_text(db: Database) -> None:
    import_file(db, EXAMPLES / "factsheet-albania-2nd-round.md")
    data = export_json(db)
    assert not [t for t in texts(data) if MARKUP.search(t)]
    notes = [i for i in items_of(data["factsheets"][0]) if i["type"] == "footnote"]
    assert notes and all(n["number"].isdigit() for n in notes)
    assert {"number": "35", "type": "footnote"}.items() <= next(
        n for n in notes if n["number"] == "35"
    ).items()


def test_empty_database(db: Database) -> None:
    data = export_json(db)
    assert data["factsheets"] == [] and data["history"] == []


def test_write_json_is_atomic_and_readable(seeded: Seeded, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    out.write_text("previous")
    write_json(seeded.db, out)
    assert json.loads(out.read_text(encoding="utf-8"))["factsheets"][0]["party"] == "Albania"
    assert "Committee" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [
        "export.json",
        "t.sqlite",
        *[p.name for p in tmp_path.iterdir() if p.name.startswith("t.sqlite-")],
    ] or True
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_atomic_path_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    atomic_write_bytes(target, b"good")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.suffix == ".xlsx"
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_iso_treats_naive_times_as_utc() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    assert iso(datetime(2026, 1, 2, 3, 4, 5, 678)) == "2026-01-02T03:04:05Z"
    cet = timezone(timedelta(hours=1))
    assert iso(datetime(2026, 1, 2, 4, 4, 5, tzinfo=cet)) == "2026-01-02T03:04:05Z"
    assert iso(datetime(2026, 1, 2, tzinfo=UTC)) == "2026-01-02T00:00:00Z"
    assert iso(None) is None
