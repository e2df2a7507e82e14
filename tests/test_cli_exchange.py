"""Handing work over from the command line: a JSON export into an empty file, a package, a merge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessor.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "resources/examples/factsheet-albania-2nd-round.md"
Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def database(tmp_path: Path, name: str, *ratings: tuple[str, str, str]) -> Path:
    path = tmp_path / f"{name}.sqlite"
    assert main(["--db", str(path), "import", str(EXAMPLE)]) == 0
    for code, rating, comment in ratings:
        assert main(["--db", str(path), "rate", code, rating, "--comment", comment]) == 0
    return path


def test_a_json_export_imports_into_an_empty_file(tmp_path: Path, capsys: Capsys) -> None:
    mine = database(tmp_path, "mine", ("II-6", "2", "A first look."))
    export = tmp_path / "all.json"
    assert run(capsys, "--db", str(mine), "export", "json", "-o", str(export))[0] == 0
    copy = tmp_path / "copy.sqlite"
    status, out, _ = run(capsys, "--db", str(copy), "import", str(export))
    assert status == 0 and "81 recommendations" in out
    again = tmp_path / "again.json"
    assert run(capsys, "--db", str(copy), "export", "json", "-o", str(again))[0] == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (export, again))
    first.pop("exported_at", None)
    second.pop("exported_at", None)
    assert first == second
    status, _, err = run(capsys, "--db", str(mine), "import", str(export))
    assert status == 2 and "assessor:" in err and "Traceback" not in err


def test_a_package_merges_and_conflicts_need_a_choice(tmp_path: Path, capsys: Capsys) -> None:
    mine = database(tmp_path, "mine", ("II-6", "2", "Mine."))
    theirs = database(tmp_path, "theirs", ("II-6", "3", "Theirs."), ("IV-4", "1", "Done."))
    package = tmp_path / "theirs.assessor"
    status, out, _ = run(capsys, "--db", str(theirs), "export", "package", "-o", str(package))
    assert status == 0 and package.exists()
    status, out, err = run(capsys, "--db", str(mine), "merge", str(package))
    assert status == 1
    assert "conflicts (2)" in out and "II-6 rating" in out and "to take" in out
    assert "Nothing was merged" in err
    status, out, _ = run(capsys, "--db", str(mine), "merge", str(package), "--prefer", "theirs")
    assert status == 0 and "Merged" in out
    status, out, _ = run(capsys, "--db", str(mine), "merge", str(package))
    assert status == 0 and "conflicts" not in out  # nothing left to settle


def test_a_package_must_end_as_one(tmp_path: Path, capsys: Capsys) -> None:
    mine = database(tmp_path, "mine")
    status, _, err = run(
        capsys, "--db", str(mine), "export", "package", "-o", str(tmp_path / "x.zip")
    )
    assert status == 2 and ".assessor" in err
