"""The CLI's backup and encryption commands: list, now, restore (also of a damaged file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_factsheet

from assessor.cli import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE, main
from assessor.db import backup, crypto
from assessor.db.engine import open_database


@pytest.fixture
def closed_db(tmp_path: Path) -> Path:
    """A database with a factsheet, closed (so with one backup made on closing)."""
    path = tmp_path / "cli.sqlite"
    db = open_database(path)
    build_factsheet(db)
    db.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI; return its status, stdout and stderr."""
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_backup_list_now_restore(closed_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(closed_db)
    status, out, _ = run(capsys, "--db", db, "backup", "list")
    first = backup.list_backups(closed_db)[0]
    assert status == 0 and out.startswith(first.id)
    assert run(capsys, "--db", db, "rate", "II-6", "partly")[0] == 0
    status, out, _ = run(capsys, "--db", db, "backup", "now")
    assert status == 0 and "Made backup" in out
    status, out, _ = run(capsys, "--db", db, "backup", "restore", first.id)
    assert status == 0 and f"Restored backup {first.id}" in out
    status, _, err = run(capsys, "--db", db, "backup", "restore", "19990101")
    assert status == 2 and err.startswith("assessor: There is no backup")


def test_restore_sets_a_damaged_database_aside(
    closed_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(closed_db.read_bytes())
    data[8192:12288] = b"\xff" * 4096
    closed_db.write_bytes(bytes(data))
    status, _, err = run(capsys, "--db", str(closed_db), "list")
    assert status == 2 and "damaged" in err and "backup restore" in err
    status, out, _ = run(capsys, "--db", str(closed_db), "backup", "restore", "latest")
    assert status == 0 and "damaged file was kept as" in out
    assert list(closed_db.parent.glob("cli.sqlite.damaged-*"))
    assert run(capsys, "--db", str(closed_db), "list")[0] == 0


@pytest.mark.skipif(not crypto.encryption_available(), reason="sqlcipher3 is not installed")
def test_encrypt_and_open_with_the_environment_passphrase(
    closed_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_NEW_PASSPHRASE, "pw for scripts")
    assert run(capsys, "--db", str(closed_db), "encrypt")[0] == 0
    assert crypto.is_plain(closed_db) is False
    status, _, err = run(capsys, "--db", str(closed_db), "list")
    assert status == 2 and "passphrase" in err
    monkeypatch.setenv(ENV_PASSPHRASE, "pw for scripts")
    status, out, _ = run(capsys, "--db", str(closed_db), "list")
    assert status == 0 and "Albania" in out


def test_encrypt_help_says_how_passphrases_are_given(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["encrypt", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--decrypt" in text and "asked twice at a terminal" in text
    assert f"${ENV_NEW_PASSPHRASE}" in text and f"${ENV_PASSPHRASE}" in text


@pytest.mark.skipif(not crypto.encryption_available(), reason="sqlcipher3 is not installed")
def test_decrypt_without_a_terminal_names_the_variable(
    closed_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_NEW_PASSPHRASE, "pw for scripts")
    assert run(capsys, "--db", str(closed_db), "encrypt")[0] == 0
    before = closed_db.read_bytes()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    status, _, err = run(capsys, "--db", str(closed_db), "encrypt", "--decrypt")
    assert status == 2
    assert (
        err == f"assessor: the passphrase is asked at a terminal; scripts set {ENV_PASSPHRASE}.\n"
    )
    assert closed_db.read_bytes() == before
    monkeypatch.setenv(ENV_PASSPHRASE, "pw for scripts")
    assert run(capsys, "--db", str(closed_db), "encrypt", "--decrypt")[0] == 0
    assert crypto.is_plain(closed_db)
