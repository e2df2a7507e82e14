"""Tests for the ``assessor`` command: exit codes, one-line errors, an unchanged database."""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Seeded

from assessor import __version__
from assessor.cli import build_parser, main
from assessor.db.engine import ENV_DB
from tests.server_db import db_argument

EXAMPLES = Path(__file__).parents[1] / "resources" / "examples"
FACTSHEET = EXAMPLES / "factsheet-albania-2nd-round.md"


def state(db_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A digest of the database's content (its JSON export without the export time)."""
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    data.pop("exported_at")
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The command's stderr, checked to be one line starting with ``assessor:``."""
    err = capsys.readouterr().err
    assert err.startswith("assessor: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def db_path(seeded: Seeded) -> Path:
    """The seeded database's file."""
    # On a server: its URL, password included (--db takes either).
    target = db_argument(seeded.db)
    return Path(target) if seeded.db.path is not None else target  # type: ignore[return-value]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"assessor {__version__}"


def test_list(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Albania — 2nd monitoring round")
    assert "4 recommendations (2 require, 1 request, 1 invite)" in out
    assert "0/3 in scope rated" in out


def test_list_without_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite"
    assert main(["--db", str(missing), "list"]) == 2
    assert capsys.readouterr().err == (
        f"assessor: there is no database at {missing}; import a factsheet first.\n"
    )
    assert not missing.exists()
    missing.write_bytes(b"")
    assert main(["--db", str(missing), "list"]) == 2
    assert capsys.readouterr().err == (
        f"assessor: {missing} is an empty file, not a database; import a factsheet first.\n"
    )
    assert missing.read_bytes() == b""


def test_rate_then_list(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--db", str(db_path), "rate", "II-6", "Partly implemented", "--comment", "Half."]
    assert main(args) == 0
    assert "Rated II-6" in capsys.readouterr().out
    assert main(args) == 0
    assert "already" in capsys.readouterr().out
    assert main(["--db", str(db_path), "list"]) == 0
    assert "1/3 in scope rated" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["rate", "II-6", "excellent"], "not a rating"),
        (["rate", "II-99", "partly"], "No recommendation has the code II-99"),
        (["rate", "II-6", "partly", "--party", "Belgium"], "no Party"),
    ],
)
def test_bad_rate_leaves_the_database_unchanged(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    before = state(db_path, capsys)
    assert main(["--db", str(db_path), *args]) == 2
    assert expected in error_line(capsys)
    assert state(db_path, capsys) == before


def test_rate_without_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite"
    assert main(["--db", str(missing), "rate", "II-6", "partly"]) == 2
    assert "no database" in error_line(capsys)
    assert not missing.exists()


def test_damaged_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"this is not a database, just text that looks like one" * 100)
    before = damaged.read_bytes()
    assert main(["--db", str(damaged), "list"]) == 2
    assert "is not a database (it looks like a text file)" in error_line(capsys)
    assert damaged.read_bytes() == before


def test_export_json_to_a_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert main(["--db", str(db_path), "export", "json", "-o", str(out)]) == 0
    assert "Exported 1 factsheet to" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "assessor-json/1"


def test_export_into_a_missing_folder(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "export", "json", "-o", str(tmp_path / "no/x.json")]) == 2
    error_line(capsys)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["rate", "II-6"])
    assert done.value.code == 2
    with pytest.raises(SystemExit) as done:
        main(["export", "yaml"])
    assert done.value.code == 2


def test_default_database_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv(ENV_DB, str(target))
    empty = tmp_path / "empty.md"
    empty.write_text("")
    assert main(["import", str(empty)]) == 2
    assert "empty" in error_line(capsys)
    assert not target.exists()  # a rejected file does not even create the database


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "damaged"),
        (b"PK\x03\x04\x14\x00zipped", "zip archive"),
    ],
)
def test_import_rejects_bad_files(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    expected: str,
) -> None:
    before = state(db_path, capsys)
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    assert main(["--db", str(db_path), "import", str(bad)]) == 2
    assert expected in error_line(capsys)
    assert state(db_path, capsys) == before


def test_import_missing_and_unrelated_files(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("assessor.services.imports")
    before = state(db_path, capsys)
    assert main(["--db", str(db_path), "import", str(tmp_path / "nope.md")]) == 2
    assert "no such file" in error_line(capsys)
    unrelated = tmp_path / "shopping.txt"
    unrelated.write_text("Milk\nBread\nEggs\n\nCall the plumber about the sink.\n")
    assert main(["--db", str(db_path), "import", str(unrelated)]) == 2
    error_line(capsys)
    assert state(db_path, capsys) == before


def test_import_then_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("assessor.services.imports")
    if not FACTSHEET.exists():
        pytest.skip("the example factsheet is not in this checkout")
    db = str(tmp_path / "imp.sqlite")
    assert main(["--db", db, "import", str(FACTSHEET)]) == 0
    assert "Albania" in capsys.readouterr().out
    assert main(["--db", db, "rate", "ii-6", "partly", "--party", "albania"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    recs = [
        i
        for c in data["factsheets"][0]["chapters"]
        for s in c["sections"]
        for i in s["items"]
        if i["type"] == "recommendation" and "II-6" in i["codes"]
    ]
    assert recs[0]["assessment"]["rating"] == "partly"


def test_python_dash_m_in_a_subprocess(seeded: Seeded, db_path: Path, tmp_path: Path) -> None:
    seeded.db.close()  # one writer per database: let the child process have it
    env = {"PATH": "/usr/bin:/bin", ENV_DB: str(tmp_path / "unused.sqlite"), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "assessor", "--db", str(db_path), "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Albania" in done.stdout and done.stderr == ""
    bad = subprocess.run(
        [sys.executable, "-m", "assessor", "--db", str(db_path), "rate", "II-6", "excellent"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("assessor: ") and bad.stderr.count("\n") == 1
    assert not (tmp_path / "unused.sqlite").exists()


@pytest.mark.sqlite_only("the one-writer lock is a lock file beside a SQLite file")
def test_reading_commands_work_while_another_process_has_the_database(
    seeded: Seeded, db_path: Path, tmp_path: Path
) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = [sys.executable, "-m", "assessor", "--db", str(db_path)]
    listed = subprocess.run([*run, "list"], capture_output=True, text=True, env=env, timeout=120)
    assert listed.returncode == 0 and "Albania" in listed.stdout, listed.stderr
    rated = subprocess.run(
        [*run, "rate", "II-6", "partly"], capture_output=True, text=True, env=env, timeout=120
    )
    assert rated.returncode == 2 and "another Assessor" in rated.stderr
    assert rated.stderr.count("\n") == 1


def test_rate_records_the_assessors_name(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assessor.settings import Settings, save_settings

    save_settings(Settings(assessor_name="Rapporteur Ann"))
    assert main(["--db", str(db_path), "rate", "II-6", "partly"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "json"]) == 0
    (change,) = json.loads(capsys.readouterr().out)["history"]
    assert change["by"] == "Rapporteur Ann"


def test_a_refused_import_creates_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unrelated = tmp_path / "hello.txt"
    unrelated.write_text("hello\nworld\n", encoding="utf-8")
    db = tmp_path / "new.sqlite"
    assert main(["--db", str(db), "import", str(unrelated)]) == 2
    assert "neither a factsheet" in error_line(capsys)
    themes = EXAMPLES / "recommendations-albania.txt"
    assert main(["--db", str(db), "import", str(themes)]) == 2  # themes need a factsheet
    assert "no database" in error_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hello.txt"]


def test_import_chooses_the_rating_scale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "fatf.sqlite")
    assert main(["--db", db, "import", "--scale", "fatf", str(FACTSHEET)]) == 0
    assert main(["--db", db, "rate", "II-6", "largely"]) == 0
    assert main(["--db", db, "import", "--scale", "greco", str(FACTSHEET)]) == 2
    assert "keeps its scale once anything is rated" in capsys.readouterr().err


def test_the_readme_names_every_command_and_option() -> None:
    """README's command-line synopsis keeps up with `assessor --help` and each command's."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    synopsis = readme.split("## Command line", 1)[1].split("```text", 1)[1].split("```", 1)[0]

    def lines_of(words: tuple[str, ...]) -> list[str]:
        """The synopsis lines of a command: those naming each of its words."""
        found = [
            line
            for line in synopsis.splitlines()
            if all(any(w in part.split("|") for part in line.split()) for w in words)
        ]
        assert found, " ".join(words)
        return found

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*words, name))
            elif action.option_strings and "--help" not in action.option_strings:
                option = "-o" if "-o" in action.option_strings else action.option_strings[-1]
                lines = " ".join(lines_of(words))
                assert option in lines, f"{' '.join(words)} {option}"
                for choice in action.choices or ():
                    assert choice in lines, f"{' '.join(words)} {option} {choice}"

    walk(build_parser(), ())


def test_a_factsheet_whose_text_names_another_party_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "two.sqlite")
    text = FACTSHEET.read_text(encoding="utf-8")
    moldova = tmp_path / "factsheet-moldova.md"
    moldova.write_text(text.replace("ALBANIA", "MOLDOVA").replace("Albania", "Moldova"), "utf-8")
    assert main(["--db", db, "import", str(FACTSHEET)]) == 0
    assert main(["--db", db, "import", str(moldova)]) == 0
    before = state(Path(db), capsys)
    # Edited in part: the title still says ALBANIA, the text says Moldova throughout.
    half = tmp_path / "factsheet-half.md"
    half.write_text(text.replace("Albania", "Moldova"), "utf-8")
    assert main(["--db", db, "import", str(half)]) == 2
    message = error_line(capsys)
    assert "its title names Albania, but its text names Moldova" in message
    assert '--party "Albania"' in message
    assert state(Path(db), capsys) == before
    # The example itself names no other Party: it imports as before.
    assert main(["--db", db, "import", str(FACTSHEET)]) == 0
