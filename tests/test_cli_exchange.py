"""Handing work over from the command line: a JSON export into an empty file, a package, a merge."""

from __future__ import annotations

import json
import re
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
    assert "2 conflicts (both changed): 1 rating, 1 comment" in out and "II-6 rating" in out
    assert "Nothing was merged" in err
    status, out, _ = run(capsys, "--db", str(mine), "merge", str(package), "--dry-run")
    assert status == 1 and "Nothing was merged (--dry-run)." in out
    # A rapporteur's words: ratings by their labels, local times, counts with agreeing nouns.
    assert "Albania, 2nd monitoring round: 81 recommendations matched" in out
    assert "to take (only theirs changed): 1 rating, 1 comment" in out
    assert "IV-4 rating: Implemented satisfactorily (" in out and "IV-4 comment: “Done.”" in out
    assert "II-6 rating: mine Partly implemented (" in out and "theirs Not implemented (" in out
    assert re.search(r"the same on both sides: \d+ values", out)
    assert re.search(r"\(\w+, \d{1,2} \w{3} \d{4} \d\d:\d\d\)", out)  # local time, not ISO
    assert "Z)" not in out and "partly" not in out
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


def test_the_report_lists_what_is_taken_in_order_and_then_how_many_more() -> None:
    from assessor.cli.exchange import _describe
    from assessor.domain.merge import Difference, Kind, MergePlan, Side
    from assessor.wording import local_when

    def diff(n: int, subject: str, kind: Kind = Kind.ONLY_THEIRS) -> Difference:
        return Difference(
            key=f"rec:{n}:{subject}", kind=kind, subject=subject, party="Albania",
            round="2nd round", label=f"II-{n}", factsheet_id=1, recommendation_id=n,
            mine=Side(None), theirs=Side("partly", "Ann", "2026-12-02T10:02:00Z"),
        )  # fmt: skip

    taken = [diff(n, "status") for n in range(3)] + [diff(n, "rating") for n in range(25)]
    plan = MergePlan(
        source="Ann's package of 2026-12-02",
        their_name="Ann",
        written_at="2026-12-02T10:02:00Z",
        factsheets=(),
        differences=(*taken, diff(99, "comment", Kind.ONLY_MINE)),
        same=(("comment", 1),),
    )
    out = _describe(plan, {"partly": "Partly implemented"})
    assert "to take (only theirs changed): 25 ratings, 3 statuses" in out
    assert "II-0 rating: Partly implemented (Ann, " in out and "    and 8 more" in out
    assert "kept (only mine changed): 1 comment" in out
    assert "the same on both sides: 1 value" in out and "partly" not in out
    assert re.fullmatch(r"\d{1,2} (Dec|Nov) 2026 \d\d:\d\d", local_when("2026-12-02T10:02:00Z"))
    assert local_when(None) == "?"


def test_the_overview_workbook_shows_the_agreement_on_request(
    tmp_path: Path, capsys: Capsys
) -> None:
    from openpyxl import load_workbook

    mine = database(tmp_path, "mine", ("II-6", "2", "Mine."), ("IV-4", "3", ""), ("II-7", "1", ""))
    theirs = database(tmp_path, "theirs", ("II-6", "3", "Theirs."), ("IV-4", "3", ""))
    package = tmp_path / "theirs.assessor"
    assert run(capsys, "--db", str(theirs), "export", "package", "-o", str(package))[0] == 0
    before = mine.read_bytes()
    for other in (package, theirs):
        out_file = tmp_path / f"overview-{other.suffix[1:]}.xlsx"
        status, out, err = run(
            capsys, "--db", str(mine), "export", "xlsx", "--all", "-o", str(out_file),
            "--agreement", str(other),
        )  # fmt: skip
        assert status == 0, err
        assert "agreement" in out and "2 ratings both gave" in out
        wb = load_workbook(out_file)
        assert wb.sheetnames[-1] == "Agreement"
        rows = [[c for c in row] for row in wb["Agreement"].iter_rows(values_only=True)]
        header = next(r for r in rows if r[0] == "Mine ↓ / theirs →")
        labels = [h for h in header[1:] if h and h != "Total"]
        assert "Partly implemented" in labels and "Not implemented" in labels
        table = {
            r[0]: dict(zip(header[1:], r[1:], strict=False))
            for r in rows[rows.index(header) + 1 :]
            if r[0] in labels
        }
        assert table["Partly implemented"]["Not implemented"] == 1
        assert table["Not implemented"]["Not implemented"] == 1
        figures = {r[0]: r[1] for r in rows if r and r[0]}
        assert figures["Ratings both gave"] == 2 and figures["Percent agreement"] == 50
        assert figures["Cohen's kappa"] == 0  # pₒ = ½, pₑ = ½
        assert figures["Agreement with"]
    assert mine.read_bytes() == before  # nothing merged
    status, _, err = run(
        capsys, "--db", str(mine), "export", "xlsx", "-o", str(tmp_path / "x.xlsx"),
        "--agreement", str(package),
    )  # fmt: skip
    assert status == 2 and "--all" in err
