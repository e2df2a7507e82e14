"""Assessment packages on the command line: a passphrase long enough, no silent overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.cli import main
from assessor.cli.exchange import ENV_PACKAGE_PASSPHRASE
from assessor.db.engine import open_database
from assessor.exporters.package import write_package
from assessor.importers.package_file import WrongPassphrase, read_package
from assessor.services import package_rules
from assessor.services.errors import ServiceError
from assessor.services.package_rules import MIN_PASSPHRASE, passphrase_too_short

EXAMPLE = Path(__file__).resolve().parents[1] / "resources/examples/factsheet-albania-2nd-round.md"
Capsys = pytest.CaptureFixture[str]


def run(capsys: Capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pkg") / "mine.sqlite"
    assert main(["--db", str(path), "import", str(EXAMPLE)]) == 0
    assert main(["--db", str(path), "rate", "II-6", "2", "--comment", "Mine."]) == 0
    return path


def test_a_short_passphrase_is_refused_when_writing(
    template: Path, tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MIN_PASSPHRASE == 8
    assert passphrase_too_short("12345678") is None
    assert "at least 8 characters" in (passphrase_too_short("x") or "")
    out = tmp_path / "short.assessor"
    monkeypatch.setenv(ENV_PACKAGE_PASSPHRASE, "x")
    status, _, err = run(capsys, "--db", str(template), "export", "package", "-o", str(out))
    assert status == 2 and "at least 8 characters" in err
    assert "Traceback" not in err and not out.exists()
    db = open_database(template)
    try:
        with pytest.raises(ServiceError, match="at least 8 characters"):
            write_package(db, out, passphrase="1234567")
    finally:
        db.close()
    assert not out.exists()
    monkeypatch.setenv(ENV_PACKAGE_PASSPHRASE, "correct horse")
    status, stdout, _ = run(capsys, "--db", str(template), "export", "package", "-o", str(out))
    assert status == 0 and "encrypted with a passphrase" in stdout
    assert read_package(out, "correct horse").encrypted


def test_a_package_sealed_with_a_short_passphrase_still_opens(
    template: Path, tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.assessor"
    monkeypatch.setattr(package_rules, "MIN_PASSPHRASE", 1)  # as an older Assessor wrote it
    db = open_database(template)
    try:
        write_package(db, old, passphrase="pw", by="Ann")
    finally:
        db.close()
    monkeypatch.undo()
    assert read_package(old, "pw").manifest["by"] == "Ann"
    with pytest.raises(WrongPassphrase, match="does not open"):
        read_package(old, "pw2")
    other = tmp_path / "other.sqlite"
    other.write_bytes(template.read_bytes())
    monkeypatch.setenv(ENV_PACKAGE_PASSPHRASE, "pw")  # reading takes it
    status, out, err = run(capsys, "--db", str(other), "merge", str(old), "--dry-run")
    assert status == 0, err
    assert "Merging Ann's package" in out


def test_an_existing_file_is_not_overwritten_without_force(
    template: Path, tmp_path: Path, capsys: Capsys
) -> None:
    out = tmp_path / "mine.assessor"
    out.write_bytes(b"a colleague's package, kept")
    status, _, err = run(capsys, "--db", str(template), "export", "package", "-o", str(out))
    assert status == 2 and "exists already" in err and "--force" in err
    assert out.read_bytes() == b"a colleague's package, kept"
    status, stdout, _ = run(
        capsys, "--db", str(template), "export", "package", "-o", str(out), "--force"
    )
    assert status == 0 and "Wrote the assessment" in stdout
    assert read_package(out).manifest["parties"] == ["Albania"]
