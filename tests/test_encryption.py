"""Encryption at rest with SQLCipher: unreadable files, wrong passphrases, encrypted backups,
conversion both ways. Skipped where the driver is not installed (the option is then disabled)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_factsheet
from sqlalchemy import func, select

from assessor.db import backup, crypto
from assessor.db.engine import open_database
from assessor.db.errors import EncryptionUnavailable, PassphraseError
from assessor.db.models import Recommendation
from assessor.services import assessments as svc
from assessor.services import backups

PLAIN = b"SQLite format 3\x00"
SECRET = "correct horse 'battery' \"staple\""


def count_recommendations(path: Path, passphrase: str | None) -> int:
    """How many recommendations the database holds, opened with ``passphrase``."""
    db = open_database(path, passphrase=passphrase, backup=False)
    try:
        with db.reading() as s:
            return s.scalar(select(func.count()).select_from(Recommendation)) or 0
    finally:
        db.close()


def test_without_the_driver_the_option_explains_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crypto, "driver", lambda: None)
    assert not crypto.encryption_available()
    assert "SQLCipher" in (crypto.unavailable_reason() or "")
    with pytest.raises(EncryptionUnavailable, match="assessor\\[encryption\\]"):
        open_database(tmp_path / "e.sqlite", passphrase=SECRET)
    assert not (tmp_path / "e.sqlite").exists()


needs_driver = pytest.mark.skipif(
    not crypto.encryption_available(), reason="the SQLCipher driver (sqlcipher3) is not installed"
)


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    """A new encrypted database holding one factsheet, closed (so backed up on closing)."""
    path = tmp_path / "secret.sqlite"
    db = open_database(path, passphrase=SECRET)
    assert db.encrypted
    build_factsheet(db)
    svc.set_comment(db, 1, "Confidential remark about the State.")
    db.close()
    return path


@needs_driver
def test_encrypted_file_is_unreadable_without_the_passphrase(encrypted: Path) -> None:
    data = encrypted.read_bytes()
    assert not data.startswith(PLAIN)
    assert b"Confidential remark" not in data and b"Albania" not in data
    assert count_recommendations(encrypted, SECRET) == 5


@needs_driver
def test_wrong_or_missing_passphrase_is_told_clearly(encrypted: Path) -> None:
    before = encrypted.read_bytes()
    with pytest.raises(PassphraseError, match="passphrase is wrong"):
        open_database(encrypted, passphrase="not it")
    with pytest.raises(PassphraseError, match="--passphrase-prompt"):
        open_database(encrypted)
    assert encrypted.read_bytes() == before


@needs_driver
def test_backups_of_an_encrypted_database_are_encrypted(encrypted: Path) -> None:
    made = backup.list_backups(encrypted)
    assert made
    for b in made:
        assert not b.path.read_bytes().startswith(PLAIN)
        backup.verify(b.path, SECRET)
    with pytest.raises(PassphraseError):
        backup.verify(made[0].path, "not it")


@needs_driver
def test_restore_into_an_encrypted_database(encrypted: Path) -> None:
    db = open_database(encrypted, passphrase=SECRET)
    try:
        old = backups.backup_now(db)
        svc.set_comment(db, 1, "Later remark.")
        backups.restore_backup(db, old.id)
        # The comment is back as it was in the backup: setting it again changes nothing.
        assert svc.set_comment(db, 1, "Confidential remark about the State.").is_empty
    finally:
        db.close()


@needs_driver
def test_convert_plain_to_encrypted_and_back(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    db = open_database(path)
    build_factsheet(db)
    db.close()
    done = backups.change_encryption(path, old=None, new=SECRET)
    assert not path.read_bytes().startswith(PLAIN)
    assert done.plain_backups and "NOT encrypted" in done.message()
    assert count_recommendations(path, SECRET) == 5
    with pytest.raises(PassphraseError):
        open_database(path)
    backups.change_encryption(path, old=SECRET, new=None)
    assert path.read_bytes().startswith(PLAIN)
    assert count_recommendations(path, None) == 5


@needs_driver
def test_plain_database_refuses_a_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    open_database(path).close()
    with pytest.raises(PassphraseError, match="not encrypted"):
        open_database(path, passphrase=SECRET)


@needs_driver
def test_reopening_unchanged_makes_no_new_encrypted_backup(encrypted: Path) -> None:
    made = len(backup.list_backups(encrypted))
    for _ in range(2):
        open_database(encrypted, passphrase=SECRET).close()
    assert len(backup.list_backups(encrypted)) == made
