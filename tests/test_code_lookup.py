"""Codes and Parties as people type them: "iv-5", "IV 5", the tree's "II-1, II-3"."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.cli import main
from assessor.services.code_lookup import canonical_code, typed_codes

EXAMPLE = Path(__file__).resolve().parents[1] / "resources/examples/factsheet-albania-2nd-round.md"


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("IV-5", ["IV-5"]),
        ("iv-5", ["IV-5"]),
        ("IV 5", ["IV-5"]),
        ("IV.5", ["IV-5"]),
        ("IV – 05", ["IV-5"]),
        ("II-1, II-3", ["II-1", "II-3"]),
        ("Recommendations V-6 and V-11", ["V-6", "V-11"]),
        ("hello", []),
    ],
)
def test_typed_codes(typed: str, codes: list[str]) -> None:
    assert typed_codes(typed) == codes
    assert canonical_code(typed) == (codes[0] if codes else typed.upper())


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("codes") / "db.sqlite"
    assert main(["--db", str(path), "import", str(EXAMPLE)]) == 0
    return path


def run(database: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["--db", str(database), *args])
    out = capsys.readouterr()
    return status, (out.out + out.err).strip()


@pytest.mark.parametrize("typed", ["iv-5", "IV 5", "IV.5"])
def test_rate_says_the_code_as_the_factsheet_writes_it(
    database: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    status, out = run(database, capsys, "rate", typed, "0")
    assert status == 0
    status, out = run(database, capsys, "rate", typed, "2")
    assert status == 0 and out.startswith("Rated IV-5:"), out


def test_the_trees_label_rates_that_recommendation(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(database, capsys, "rate", "II-1, II-3", "1")
    assert status == 0 and out.startswith("Rated II-1, II-3:"), out
    status, out = run(database, capsys, "rate", "II-1, II-6", "1")
    assert status == 2 and "belong to different recommendations" in out


def test_an_unknown_code_gets_the_nearest(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(database, capsys, "rate", "IV-3", "1")
    assert status == 2
    assert "did you mean IV-4 or IV-5?" in out


def test_an_unknown_party_lists_the_parties(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = run(database, capsys, "rate", "II-6", "1", "--party", "Montenegro")
    assert status == 2
    assert "no Party called “Montenegro”" in out and "(Parties: Albania)" in out
