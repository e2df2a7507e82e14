"""Exports are written with the user's umask; the database and backups stay private (0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assessor import fileio
from assessor.db.engine import open_database
from assessor.exporters.json_export import write_json
from assessor.exporters.pdf_summary import write_pdf_summary
from assessor.services.imports import import_file

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_exports_follow_the_umask_and_the_database_stays_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio, "UMASK", 0o022)
    db = open_database(tmp_path / "db.sqlite")
    try:
        import_file(db, EXAMPLES / "factsheet-albania-2nd-round.md")
        pdf = tmp_path / "summary.pdf"
        write_pdf_summary(db, pdf)
        assert mode(pdf) == 0o644
        out = tmp_path / "export.json"
        write_json(db, out)
        assert mode(out) == 0o644
    finally:
        db.close()
    assert mode(tmp_path / "db.sqlite") == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_private_files_stay_0600_and_existing_files_keep_their_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio, "UMASK", 0o022)
    private = tmp_path / "settings.json"
    fileio.atomic_write_bytes(private, b"{}")
    assert mode(private) == 0o600
    shared = tmp_path / "out.pdf"
    shared.write_bytes(b"old")
    shared.chmod(0o640)
    fileio.atomic_write_bytes(shared, b"new", shared=True)
    assert mode(shared) == 0o640
    assert fileio.UMASK == 0o022
