"""The JSON round trip: export, import into an empty database, export: the same document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assessor.db.engine import Database, open_database
from assessor.exporters.json_export import FORMAT, VERSION, dumps, export_json, write_json
from assessor.exporters.questionnaire import export_questionnaire
from assessor.importers.common import ImportRejected
from assessor.importers.json_file import parse_json_bytes, read_json_file
from assessor.services import assessments as svc
from assessor.services.errors import ServiceError
from assessor.services.json_import import import_json_file
from assessor.services.questionnaires import import_questionnaire
from tests.questionnaire_helpers import FOLLOW_UP, REFS, STATUS, dump, fill, real_database


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Database]:
    """A second, empty database beside the seeded one."""
    database = open_database(tmp_path / "fresh.sqlite")
    yield database
    database.close()


def worked_database(path: Path, tmp_path: Path) -> Database:
    """The seed factsheet and themes, rated, commented, finalised, a questionnaire applied."""
    db = real_database(path)
    svc.rate_by_code(db, "II-6", "partly", comment="Half done.", by="Ann")
    svc.rate_by_code(db, "III-3", "implemented", by="Ann")
    svc.rate_by_code(db, "III-3", "not_implemented", comment="Second thoughts.", by="Bob")
    with db.reading() as s:
        rec_id = svc.find_by_code(s, "III-3").id
    svc.set_status(db, rec_id, "final", by="Bob")
    blank = tmp_path / "blank.xlsx"
    export_questionnaire(db, blank)
    filled = fill(
        blank,
        tmp_path / "filled.xlsx",
        {
            f"{FOLLOW_UP}:II-6": "A new law was adopted.",
            f"{STATUS}:II-6": "implemented",
            f"{REFS}:II-6": "Law 12/2026",
        },
    )
    import_questionnaire(db, filled, party="Albania")
    return db


def round_trip(source: Database, tmp_path: Path, name: str = "copy") -> dict[str, Any]:
    out = tmp_path / f"{name}.json"
    write_json(source, out)
    copy = open_database(tmp_path / f"{name}.sqlite")
    try:
        report = import_json_file(copy, out)
        assert report.factsheets == 1 and report.recommendations > 50
        return dump(copy)
    finally:
        copy.close()


def test_export_import_export_is_identical(tmp_path: Path) -> None:
    db = worked_database(tmp_path / "a.sqlite", tmp_path)
    try:
        before = dump(db)
        after = round_trip(db, tmp_path)
    finally:
        db.close()
    assert before["version"] == VERSION and before["format"] == FORMAT
    sheet = before["factsheets"][0]
    assert sheet["assessor_recommendations"], "the themes were imported"
    recs = {
        r["codes"][0]: r
        for c in sheet["chapters"]
        for s in c["sections"]
        for r in s["items"]
        if r["type"] == "recommendation"
    }
    ii6 = recs["II-6"]
    assert ii6["follow_up"] == "A new law was adopted."
    assert ii6["follow_up_state_status"] == "implemented"
    assert ii6["follow_up_history"], "the seed's follow-up is kept as history"
    assert recs["III-3"]["assessment"]["status"] == "final"
    assert len(before["history"]) > 5
    assert after == before


def test_a_second_round_trip_is_identical_too(tmp_path: Path) -> None:
    db = worked_database(tmp_path / "a.sqlite", tmp_path)
    try:
        first = round_trip(db, tmp_path, "one")
    finally:
        db.close()
    again = open_database(tmp_path / "one.sqlite")
    try:
        assert round_trip(again, tmp_path, "two") == first
    finally:
        again.close()


def test_the_small_seeded_factsheet_round_trips(seeded: Any, tmp_path: Path) -> None:
    svc.rate(seeded.db, seeded.recs["II-6"], "partly", by="ann")
    before = dump(seeded.db)
    out = tmp_path / "s.json"
    write_json(seeded.db, out)
    copy = open_database(tmp_path / "s.sqlite")
    try:
        import_json_file(copy, out)
        assert dump(copy) == before
    finally:
        copy.close()


def export_of(db: Database) -> dict[str, Any]:
    return json.loads(dumps(export_json(db)))


def test_an_older_version_is_read(seeded: Any, tmp_path: Path, fresh: Database) -> None:
    data = export_of(seeded.db)
    del data["version"]  # a file of 1.0, before the version field and what 1.1 added
    sheet = data["factsheets"][0]
    items = [i for c in sheet["chapters"] for s in c["sections"] for i in s["items"]]
    for i in items + sheet["retired_recommendations"]:
        i.pop("position", None)
        i.pop("follow_up_recorded_at", None)
    del sheet["language"]  # and what 1.2 added
    for level in sheet["rating_scale"]:
        del level["label_fr"]
    out = tmp_path / "old.json"
    out.write_bytes(dumps(data))
    report = import_json_file(fresh, out)
    assert report.version == "1.0" and report.factsheets == 1


def test_a_newer_version_is_refused(seeded: Any, tmp_path: Path, fresh: Database) -> None:
    data = export_of(seeded.db)
    data["format"], data["version"] = "assessor-json/2", "2.0"
    out = tmp_path / "new.json"
    out.write_bytes(dumps(data))
    with pytest.raises(ImportRejected) as e:
        import_json_file(fresh, out)
    assert str(e.value) == (
        "new.json was written by a newer Assessor (assessor-json/2); update Assessor to import it."
    )
    assert dump(fresh)["factsheets"] == []


def test_a_newer_minor_version_is_read(seeded: Any) -> None:
    data = export_of(seeded.db)
    data["version"] = "1.9"
    data["something_new"] = {"a": 1}
    assert parse_json_bytes(dumps(data), "x.json").version == (1, 9)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[: len(b) // 2], "the file is damaged or not JSON"),
        (lambda b: b"\x00\x01garbage", "not JSON"),
        (lambda b: b"[1, 2]", "not an Assessor export"),
        (lambda b: b'{"format": "something-else/1"}', "not an Assessor export"),
        (lambda b: b.replace(b'"chapters": [', b'"chapters": 7, "x": [', 1), "chapters"),
        (lambda b: b.replace(b'"type": "observation"', b'"type": "poem"', 1), "poem"),
        (lambda b: b.replace(b'"verb": "request"', b'"verb": 3', 1), "verb"),
        (lambda b: b.replace(b'"updated_at": "', b'"updated_at": "yesterday', 1), "date and time"),
    ],
)
def test_a_damaged_file_is_refused_in_a_sentence(
    seeded: Any, tmp_path: Path, fresh: Database, damage: Any, message: str
) -> None:
    svc.rate(seeded.db, seeded.recs["II-6"], "partly", by="ann")
    out = tmp_path / "damaged.json"
    out.write_bytes(damage(dumps(export_json(seeded.db))))
    with pytest.raises(ImportRejected) as e:
        import_json_file(fresh, out)
    text = str(e.value)
    assert text.startswith("damaged.json") and message in text and "\n" not in text
    assert dump(fresh)["factsheets"] == []


def test_empty_and_missing_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_bytes(b"")
    with pytest.raises(ImportRejected, match="empty"):
        read_json_file(tmp_path / "empty.json")
    with pytest.raises(ImportRejected, match="no such file"):
        read_json_file(tmp_path / "missing.json")


def test_a_database_holding_work_is_refused(seeded: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    write_json(seeded.db, out)
    before = dump(seeded.db)
    with pytest.raises(ServiceError, match="only be imported into an empty database"):
        import_json_file(seeded.db, out)
    assert dump(seeded.db) == before
