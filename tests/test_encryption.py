"""Encryption at rest with SQLCipher: unreadable files, wrong passphrases, encrypted backups,
conversion both ways. Skipped where the driver is not installed (the option is then disabled)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_factsheet
from sqlalchemy import func, select

from assessor.db import backup, crypto
from assessor.db.engine import Database, open_database
from assessor.db.errors import DatabaseError, EncryptionUnavailable, PassphraseError
from assessor.db.models import Assessment, Recommendation
from assessor.services import assessments as svc
from assessor.services import backups
from assessor.services.errors import ServiceError

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
    assert done.plain_backups == () and "encrypted too" in done.message()
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


# Issue 6: "nobody who finds the laptop should read it" — the backups too.


def comment_of(db: Database) -> str | None:
    """The comment on recommendation 1."""
    with db.reading() as s:
        return s.scalar(select(Assessment.comment).where(Assessment.recommendation_id == 1))


def readable_files(folder: Path) -> list[str]:
    """Files in a backup folder that anyone can open as SQLite (including temporary ones)."""
    return sorted(p.name for p in folder.iterdir() if p.read_bytes().startswith(PLAIN))


@pytest.fixture
def plain_with_history(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A plain database with several backups, each holding another comment (id → comment)."""
    path = tmp_path / "plain.sqlite"
    db = open_database(path)
    build_factsheet(db)
    db.close()
    comments: dict[str, str] = {}
    for i in range(3):
        db = open_database(path)
        svc.set_comment(db, 1, f"Confidential remark {i}.")
        comments[backups.backup_now(db).id] = f"Confidential remark {i}."
        db.close()
    return path, comments


@needs_driver
def test_encrypting_encrypts_every_backup_and_each_still_restores(
    plain_with_history: tuple[Path, dict[str, str]],
) -> None:
    path, comments = plain_with_history
    folder = backup.backup_dir(path)
    # What a backup killed half-way leaves behind: a plain temporary copy.
    leftover = folder / ".20261123-010318-232-close.sqlite.x1y2.tmp.sqlite"
    leftover.write_bytes(next(iter(folder.glob("*.sqlite"))).read_bytes())
    before = {b.id for b in backup.list_backups(path)}
    assert readable_files(folder)

    done = backups.change_encryption(path, old=None, new=SECRET)

    assert done.safety is not None and done.safety.reason == "before-conversion"
    after = {b.id for b in backup.list_backups(path)}
    assert after == before | {done.safety.id}  # the history is kept, one safety copy more
    assert readable_files(folder) == []
    for f in folder.iterdir():
        assert b"Confidential remark" not in f.read_bytes(), f.name
    assert not leftover.exists() and done.backups.leftovers_removed == (leftover,)
    assert done.backups.failed == () and done.plain_backups == ()
    assert len(done.backups.converted) == len(after)
    message = done.message()
    assert f"{len(after)} earlier backups are now encrypted too" in message
    assert done.safety.id in message and "NOT" not in message

    db = open_database(path, passphrase=SECRET, backup=False)
    try:
        for b in backup.list_backups(path):
            backup.verify(b.path, SECRET)
        for backup_id, comment in comments.items():
            backups.restore_backup(db, backup_id)
            assert comment_of(db) == comment
        backups.restore_backup(db, done.safety.id)  # the database as it was, encrypted
        assert comment_of(db) == "Confidential remark 2."
    finally:
        db.close()
    assert readable_files(folder) == []


@needs_driver
def test_a_backup_that_fails_to_convert_is_left_intact_and_reported(
    plain_with_history: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, comments = plain_with_history
    folder = backup.backup_dir(path)
    victim = backup.find_backup(path, next(iter(comments))).path
    original = victim.read_bytes()
    real_export = crypto._export

    def disk_full_on_victim(src: Path, *args: object, **kwargs: object) -> None:
        real_export(src, *args, **kwargs)  # type: ignore[arg-type]
        if src == victim:  # the encrypted copy is written: fail before it replaces the file
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(crypto, "_export", disk_full_on_victim)
    done = backups.change_encryption(path, old=None, new=SECRET)

    # The database stays converted; only the one backup is still plain, byte for byte.
    assert count_recommendations(path, SECRET) == 5
    assert victim.read_bytes() == original
    assert readable_files(folder) == [victim.name]
    assert [f.path for f in done.backups.failed] == [victim] and done.plain_backups == (victim,)
    message = done.message()
    assert str(victim) in message and "No space left on device" in message
    assert "NOT be encrypted" in message
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary copy
    backup.verify(victim)  # still a sound plain backup

    # Running the encryption again with the same passphrase finishes the job.
    monkeypatch.setattr(crypto, "_export", real_export)
    with pytest.raises(ServiceError, match="already encrypted, with another passphrase"):
        backups.change_encryption(path, old=None, new="not it")
    again = backups.change_encryption(path, old=None, new=SECRET)
    assert again.safety is None and again.backups.converted == (victim,)
    assert "already encrypted" in again.message()
    assert readable_files(folder) == []
    backup.verify(victim, SECRET)


@needs_driver
def test_a_conversion_that_fails_its_check_is_undone_from_the_safety_backup(
    plain_with_history: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = plain_with_history
    folder = backup.backup_dir(path)
    before = {p.name: p.read_bytes() for p in folder.glob("*.sqlite")}
    real_verify = backup.verify

    def database_fails(target: Path, passphrase: str | None = None) -> None:
        if target == path:
            raise DatabaseError("simulated bad sector")
        real_verify(target, passphrase)

    monkeypatch.setattr(backup, "verify", database_fails)
    with pytest.raises(ServiceError, match="put back as it was from backup") as failure:
        backups.change_encryption(path, old=None, new=SECRET)
    monkeypatch.setattr(backup, "verify", real_verify)

    assert "simulated bad sector" in str(failure.value)
    assert path.read_bytes().startswith(PLAIN) and count_recommendations(path, None) == 5
    # The backups were not touched; the safety copy stays plain, like the database.
    for name, data in before.items():
        assert (folder / name).read_bytes() == data
    safety = backup.list_backups(path)[0]
    assert safety.reason == "before-conversion" and crypto.is_plain(safety.path)
    # The failed (encrypted) copy is kept beside the database, not deleted.
    kept = list(path.parent.glob(f"{path.name}.damaged-*"))
    assert len(kept) == 1 and not kept[0].read_bytes().startswith(PLAIN)


@needs_driver
def test_decrypting_makes_the_backups_plain_and_restorable_again(encrypted: Path) -> None:
    folder = backup.backup_dir(encrypted)
    # A backup under an older passphrase (say, from before a change of passphrase).
    foreign = folder / "20200101-000000-000-manual.sqlite"
    foreign.write_bytes(backup.list_backups(encrypted)[0].path.read_bytes())
    crypto.convert(foreign, old=SECRET, new="an older passphrase", journal_mode="DELETE")
    foreign_bytes = foreign.read_bytes()

    done = backups.change_encryption(encrypted, old=SECRET, new=None)

    assert encrypted.read_bytes().startswith(PLAIN)
    assert readable_files(folder) == sorted(
        b.path.name for b in backup.list_backups(encrypted) if b.path != foreign
    )
    assert foreign.read_bytes() == foreign_bytes
    assert [(f.path, f.readable) for f in done.backups.failed] == [(foreign, False)]
    message = done.message()
    assert "now plain too" in message and "each still restores" in message
    assert "encrypted with another passphrase" in message and str(foreign) in message
    db = open_database(encrypted, backup=False)
    try:
        for b in backup.list_backups(encrypted):
            if b.path != foreign:
                backups.restore_backup(db, b.id)
                assert comment_of(db) == "Confidential remark about the State."
    finally:
        db.close()
