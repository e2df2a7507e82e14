"""The command line's messages: plain words for refused files and databases, ratings by number,
questionnaire reports in full, exit statuses, plurals, and who holds a locked database."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Seeded

from assessor.cli import main
from assessor.fileio import atomic_path, atomic_write_bytes
from assessor.services.imports import ImportReport
from tests.questionnaire_helpers import (
    FOLLOW_UP,
    RECOMMENDATION,
    STATUS,
    dump,
    fill,
    real_database,
)
from tests.server_db import db_argument

Capsys = pytest.CaptureFixture[str]


def error_line(capsys: Capsys) -> str:
    """The command's stderr: one line starting with ``assessor:``, without the prefix."""
    err = capsys.readouterr().err
    assert err.startswith("assessor: ") and err.count("\n") == 1, err
    return err.removeprefix("assessor: ").rstrip("\n")


def digest(db_path: Path, capsys: Capsys) -> str:
    """A digest of the database's content (its JSON export without the export time)."""
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    data.pop("exported_at")
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def files_in(folder: Path) -> set[str]:
    """Every file and folder under ``folder``, relative to it."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture
def db_path(seeded: Seeded) -> Path:
    """The seeded database's file."""
    # On a server: its URL, password included (--db takes either).
    target = db_argument(seeded.db)
    return Path(target) if seeded.db.path is not None else target  # type: ignore[return-value]


# --- 1. refused files and databases in plain words -----------------------------------------


def test_writing_into_a_missing_folder_names_the_folder(
    db_path: Path, tmp_path: Path, capsys: Capsys
) -> None:
    target = tmp_path / "nonexistent" / "dir" / "s.pdf"
    assert main(["--db", str(db_path), "export", "pdf", "-o", str(target)]) == 2
    assert error_line(capsys) == (
        f"cannot write {target}: the folder {target.parent} does not exist."
    )


@pytest.mark.parametrize(
    ("fmt", "example"),
    [
        ("xlsx", "assessment.xlsx"),
        ("pdf", "summary.pdf"),
        ("json", "assessor.json"),
        ("questionnaire", "questionnaire.xlsx"),
    ],
)
def test_a_folder_as_output_is_refused_before_anything_is_written(
    db_path: Path, tmp_path: Path, capsys: Capsys, fmt: str, example: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    before = files_in(tmp_path)
    assert main(["--db", str(db_path), "export", fmt, "-o", str(folder)]) == 2
    assert (
        error_line(capsys) == f"{folder} is a folder; give a file name such as {folder / example}."
    )
    assert files_in(tmp_path) == before  # no temporary file beside it, or in its parent


@pytest.mark.parametrize(
    ("fmt", "name", "message"),
    [
        ("pdf", "x.txt", "x.txt: a PDF summary's file name ends in .pdf."),
        ("xlsx", "x.pdf", "x.pdf: an Excel workbook's file name ends in .xlsx."),
        ("questionnaire", "x.json", "x.json: a questionnaire's file name ends in .xlsx."),
        ("json", "x.xlsx", "x.xlsx: a JSON export's file name ends in .json."),
        ("json", "x", "x: a JSON export's file name ends in .json."),
    ],
)
def test_an_output_name_of_the_wrong_kind_is_refused(
    db_path: Path,
    tmp_path: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    name: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = files_in(tmp_path)
    assert main(["--db", str(db_path), "export", fmt, "-o", name]) == 2
    assert error_line(capsys) == message
    assert files_in(tmp_path) == before  # nothing written, not even a temporary file


def test_an_output_name_of_the_right_kind_in_any_case(
    db_path: Path, tmp_path: Path, capsys: Capsys
) -> None:
    assert main(["--db", str(db_path), "export", "pdf", "-o", str(tmp_path / "S.PDF")]) == 0
    assert (tmp_path / "S.PDF").read_bytes().startswith(b"%PDF")
    assert main(["--db", str(db_path), "export", "json"]) == 0  # stdout: no name to check
    assert '"format"' in capsys.readouterr().out


def test_the_atomic_writer_works_beside_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real" / "out.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert files_in(tmp_path) == {"real", "real/out.json", "link.json"}


def test_the_atomic_writer_refuses_a_folder_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "tmp"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as refused, atomic_path(folder):
        pytest.fail("the block must not run")
    assert refused.value.filename == str(folder)
    with pytest.raises(FileNotFoundError) as missing, atomic_path(tmp_path / "no" / "x.pdf"):
        pytest.fail("the block must not run")
    assert missing.value.filename == str(tmp_path / "no" / "x.pdf")
    assert files_in(tmp_path) == {"tmp"}


def test_a_folder_as_database(tmp_path: Path, capsys: Capsys) -> None:
    before = files_in(tmp_path)
    assert main(["--db", str(tmp_path), "list"]) == 2
    assert error_line(capsys) == f"--db {tmp_path} is a folder, not a database file."
    assert main(["--db", str(tmp_path), "rate", "II-6", "partly"]) == 2
    assert "is a folder, not a database file" in error_line(capsys)
    assert files_in(tmp_path) == before


def test_an_unknown_database_address(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--db", "bogus://x", "list"]) == 2
    assert error_line(capsys) == (
        "--db bogus://x: not a database file path or a supported address (sqlite:///…)."
    )
    monkeypatch.setenv("ASSESSOR_DB", "bogus://y")
    assert main(["list"]) == 2
    assert error_line(capsys).startswith("$ASSESSOR_DB=bogus://y: not a database file path")


# --- 2. a failed command creates no database ----------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["rate", "II-6", "partly"], ["export", "json"], ["backup", "now"], ["list"]],
)
@pytest.mark.parametrize("empty", [True, False], ids=["empty-file", "missing"])
def test_only_import_creates_a_database(
    tmp_path: Path, capsys: Capsys, command: list[str], empty: bool
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    db = folder / "empty.sqlite"
    if empty:
        db.write_bytes(b"")
    assert main(["--db", str(db), *command]) == 2  # list too, as the README says
    assert error_line(capsys) == (
        f"{db} is an empty file, not a database; import a factsheet first."
        if empty
        else f"there is no database at {db}; import a factsheet first."
    )
    assert files_in(folder) == ({"empty.sqlite"} if empty else set())
    assert not empty or db.read_bytes() == b""


@pytest.mark.sqlite_only("backups copy a SQLite file (a server is backed up with pg_dump)")
def test_an_emptied_database_is_restored_from_its_backup(db_path: Path, capsys: Capsys) -> None:
    before = digest(db_path, capsys)
    assert main(["--db", str(db_path), "backup", "now"]) == 0
    db_path.write_bytes(b"")
    capsys.readouterr()
    assert main(["--db", str(db_path), "backup", "restore", "latest"]) == 0
    assert "Restored" in capsys.readouterr().out
    assert digest(db_path, capsys) == before


# --- 3. questionnaire import --------------------------------------------------------------


@pytest.fixture
def real_db(tmp_path: Path) -> Path:
    """A database holding the real factsheet of Albania, closed."""
    path = tmp_path / "real.sqlite"
    real_database(path).close()
    return path


@pytest.fixture
def blank(real_db: Path, tmp_path: Path, capsys: Capsys) -> Path:
    """A blank questionnaire of every recommendation of Albania."""
    path = tmp_path / "q.xlsx"
    assert (
        main(["--db", str(real_db), "export", "questionnaire", "--scope", "all", "-o", str(path)])
        == 0
    )
    capsys.readouterr()
    return path


def _db_dump(path: Path) -> object:
    from assessor.db.engine import open_database

    db = open_database(path, read_only=True)
    try:
        return dump(db)
    finally:
        db.close()


def test_questionnaire_import_prints_every_row_with_a_reason(
    real_db: Path, blank: Path, tmp_path: Path, capsys: Capsys
) -> None:
    filled = fill(
        blank,
        tmp_path / "answers.xlsx",
        {f"{FOLLOW_UP}:II-6": "Adopted.", f"{RECOMMENDATION}:II-8": "We rewrote this."},
    )
    assert main(["--db", str(real_db), "import", str(filled)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 1 follow-up from answers.xlsx")
    assert "Party: Albania" in out  # the report in full, not its first line
    (ii8,) = [line for line in out.splitlines() if " II-8: " in line]
    assert "unchanged" in ii8 and "locked cells differ" in ii8 and "Recommendation" in ii8


def test_questionnaire_dry_run_writes_nothing(
    real_db: Path, blank: Path, tmp_path: Path, capsys: Capsys
) -> None:
    filled = fill(blank, tmp_path / "answers.xlsx", {f"{FOLLOW_UP}:II-6": "Adopted."})
    before = _db_dump(real_db)
    listed = files_in(tmp_path)
    assert main(["--db", str(real_db), "import", "--dry-run", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "II-6: changed" in out or "II-6: new" in out
    assert out.rstrip().endswith("Dry run: nothing was written; importing would write 1 follow-up.")
    assert _db_dump(real_db) == before
    assert files_in(tmp_path) == listed  # not even a backup


def test_dry_run_of_a_factsheet_prints_its_review_and_writes_nothing(
    db_path: Path, tmp_path: Path, capsys: Capsys
) -> None:
    before = digest(db_path, capsys)
    example = Path(__file__).resolve().parents[1] / "resources/examples"
    factsheet = example / "factsheet-albania-2nd-round.md"
    assert main(["--db", str(db_path), "import", "--dry-run", str(factsheet)]) == 0
    out = capsys.readouterr().out
    assert "% of the text placed" in out and "II-6" in out and "follow-up: These issues" in out
    assert out.rstrip().endswith("Nothing was imported (--dry-run).")
    assert digest(db_path, capsys) == before
    text = tmp_path / "f.md"
    text.write_text("anything", encoding="utf-8")
    assert main(["--db", str(db_path), "import", "--dry-run", str(text)]) == 2
    assert "neither a factsheet" in error_line(capsys)
    assert digest(db_path, capsys) == before


@pytest.mark.parametrize("option", [["--kind", "factsheet"], ["--scale", "fatf"]])
def test_text_options_are_refused_for_a_questionnaire(
    real_db: Path, blank: Path, tmp_path: Path, capsys: Capsys, option: list[str]
) -> None:
    filled = fill(blank, tmp_path / "answers.xlsx", {f"{FOLLOW_UP}:II-6": "Adopted."})
    before = _db_dump(real_db)
    assert main(["--db", str(real_db), "import", *option, str(filled)]) == 2
    assert f"{option[0]} is for factsheets" in error_line(capsys)
    assert _db_dump(real_db) == before


def test_rejected_rows_exit_1_and_are_named_in_the_summary(
    real_db: Path, blank: Path, tmp_path: Path, capsys: Capsys
) -> None:
    filled = fill(
        blank,
        tmp_path / "answers.xlsx",
        {
            f"{FOLLOW_UP}:II-6": "Adopted.",
            f"{FOLLOW_UP}:II-8": "Done.",
            f"{STATUS}:II-8": "Maybe",
        },
    )
    assert main(["--db", str(real_db), "import", str(filled)]) == 1
    out = capsys.readouterr().out
    assert "Imported 1 follow-up" in out
    assert "II-8: rejected" in out
    assert out.rstrip().splitlines()[-1].startswith("1 row was rejected and not imported")


def test_import_help_says_file_may_be_a_questionnaire(capsys: Capsys) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "filled-in .xlsx questionnaire" in out
    assert "--dry-run" in out


# --- 4. rate ------------------------------------------------------------------------------


def _rating(db_path: Path, code: str, capsys: Capsys) -> str | None:
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for chapter in data["factsheets"][0]["chapters"]:
        for section in chapter["sections"]:
            for item in section["items"]:
                if code in item.get("codes", ()):
                    return (item.get("assessment") or {}).get("rating")
    raise KeyError(code)


def test_rate_by_number_as_in_the_window(db_path: Path, capsys: Capsys) -> None:
    assert main(["--db", str(db_path), "rate", "II-6", "2"]) == 0
    assert capsys.readouterr().out == "Rated II-6: Partly implemented.\n"
    assert _rating(db_path, "II-6", capsys) == "partly"
    assert main(["--db", str(db_path), "rate", "II-6", "2"]) == 0
    assert capsys.readouterr().out == "II-6 is already rated Partly implemented; nothing changed.\n"
    assert main(["--db", str(db_path), "rate", "II-6", "0"]) == 0
    assert capsys.readouterr().out == "Cleared the rating of II-6.\n"
    assert _rating(db_path, "II-6", capsys) is None


@pytest.mark.parametrize(
    ("rating", "start"),
    [("excellent", "“excellent” is not a rating"), ("", "the rating is empty"), ("5", "“5”")],
)
def test_a_bad_rating_lists_the_choices(
    db_path: Path, capsys: Capsys, rating: str, start: str
) -> None:
    assert main(["--db", str(db_path), "rate", "II-6", "partly"]) == 0
    before = digest(db_path, capsys)
    assert main(["--db", str(db_path), "rate", "II-6", rating]) == 2
    message = error_line(capsys)
    assert message.startswith(start)
    assert message.endswith(
        "use one of: 1 implemented (Implemented satisfactorily), 2 partly (Partly implemented), "
        "3 not_implemented (Not implemented), 4 no_information (No information provided), "
        "or 0 to clear."
    )
    assert digest(db_path, capsys) == before  # an empty rating is not a silent clear


# --- 5. plurals ---------------------------------------------------------------------------


def test_counts_agree_with_their_nouns(db_path: Path, tmp_path: Path, capsys: Capsys) -> None:
    assert main(["--db", str(db_path), "export", "json", "-o", str(tmp_path / "o.json")]) == 0
    assert capsys.readouterr().out.startswith("Exported 1 factsheet to ")
    assert (
        main(["--db", str(db_path), "export", "xlsx", "--all", "-o", str(tmp_path / "o.xlsx")]) == 0
    )
    assert "the overview of 1 factsheet × " in capsys.readouterr().out
    report = ImportReport("recommendations", "r.txt", "Albania", 1, themes=1, items=1)
    assert report.summary().startswith("Imported 1 theme with 1 recommendation for Albania")
    sheet = ImportReport("factsheet", "f.md", "Albania", 1, chapters=1, codes=1, follow_ups=1)
    assert "1 chapter, 0 recommendations" in sheet.summary()
    assert "1 code" in sheet.summary() and "1 follow-up, 0 promising practices" in sheet.summary()


# --- 6. a database held by the window or another command ----------------------------------


@pytest.mark.sqlite_only("the one-writer lock is a lock file beside a SQLite file")
def test_a_held_database_says_who_holds_it(seeded: Seeded, db_path: Path, tmp_path: Path) -> None:
    # This process holds the database (as the window would); another process tries to write.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "assessor", "--db", str(db_path), "rate", "II-6", "partly"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "the window or another command" in done.stderr
    assert f"process {os.getpid()} on {socket.gethostname()}" in done.stderr
    assert "close it there first" in done.stderr
    assert "read-only" not in done.stderr
