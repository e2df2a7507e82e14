"""``assessor copy``: a whole database with its history, file → server → file, verified."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assessor.cli import main
from assessor.db.engine import Database
from assessor.services import copy as copying
from assessor.services.copy import CopyDiffers, copy_database
from assessor.services.errors import ServiceError
from tests.server_db import db_argument

EXAMPLE = Path(__file__).resolve().parents[1] / "resources/examples/factsheet-albania-2nd-round.md"


def _export(location: str, out: Path) -> dict[str, object]:
    assert main(["--db", location, "export", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    data.pop("exported_at")
    return data


def test_a_database_goes_there_and_back_with_its_history(
    tmp_path: Path, new_database: Callable[..., Database], capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(tmp_path / "mine.sqlite")
    assert main(["--db", source, "import", str(EXAMPLE)]) == 0
    assert main(["--db", source, "rate", "II-6", "2", "--comment", "A first look."]) == 0
    middle = new_database("middle.sqlite")  # on the server under ASSESSOR_TEST_DATABASE_URL
    middle_location = db_argument(middle)
    middle.close()
    capsys.readouterr()
    assert main(["copy", "--from", source, "--to", middle_location]) == 0
    assert "81 recommendations" in capsys.readouterr().out
    back = str(tmp_path / "back.sqlite")
    assert main(["copy", "--from", middle_location, "--to", back]) == 0
    first = _export(source, tmp_path / "1.json")
    assert first == _export(middle_location, tmp_path / "2.json")
    assert first == _export(back, tmp_path / "3.json")
    assert first["history"]
    capsys.readouterr()
    assert main(["copy", "--from", source, "--to", back]) == 2  # not empty any more
    assert "already holds work" in capsys.readouterr().err


def test_a_copy_that_differs_leaves_the_target_as_it_was(
    tmp_path: Path, new_database: Callable[..., Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = str(tmp_path / "mine.sqlite")
    assert main(["--db", source, "import", str(EXAMPLE)]) == 0
    target = new_database("target.sqlite")
    location = db_argument(target)
    target.close()
    real = copying.export_json
    calls = iter(range(100))

    def altered(db: Database, party: str | None = None) -> dict[str, object]:
        data = real(db, party)
        if next(calls) > 0:  # the target's export
            data["factsheets"][0]["title"] = "altered"  # type: ignore[index]
        return data

    monkeypatch.setattr(copying, "export_json", altered)
    with pytest.raises(CopyDiffers, match="factsheets"):
        copy_database(source, location)
    monkeypatch.setattr(copying, "export_json", real)
    calls = iter(range(100))
    file_target = tmp_path / "new.sqlite"
    monkeypatch.setattr(copying, "export_json", altered)
    with pytest.raises(CopyDiffers):
        copy_database(source, str(file_target))
    monkeypatch.setattr(copying, "export_json", real)
    assert not file_target.exists()
    assert list(tmp_path.glob(".new.sqlite.*")) == []
    assert _export(location, tmp_path / "empty.json")["factsheets"] == []
    with pytest.raises(ServiceError, match="same database"):
        copy_database(source, source)
