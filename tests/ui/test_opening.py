"""Opening from the window: locked (read-only window), damaged (recovered), encrypted (asked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction

from assessor import cli
from assessor.db import backup, crypto
from assessor.db.engine import open_database
from assessor.services import browsing
from assessor.services.imports import import_file
from assessor.ui import app, backup_dialog, dialogs
from assessor.ui.app import Launcher
from tests.ui.conftest import FACTSHEET

HOLD_LOCK = (
    "import sys; from pathlib import Path; from assessor.db.lock import DatabaseLock; "
    "DatabaseLock.acquire(Path(sys.argv[1])); print('held', flush=True); sys.stdin.read()"
)


def _launch(qtbot, settings: QSettings, path: Path, **kw) -> Launcher:  # type: ignore[no-untyped-def]
    launcher = Launcher(settings)
    assert launcher.open(path, **kw)
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    return launcher


def test_locked_database_opens_read_only_and_says_so(
    qtbot, template_db: Path, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "shared.sqlite"
    path.write_bytes(template_db.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        asked: list[str] = []
        monkeypatch.setattr(
            backup_dialog, "ask_read_only", lambda _p, error: asked.append(error.owner) or True
        )
        launcher = _launch(qtbot, settings, path)
        win = launcher.window
        assert win is not None and launcher.db is not None and launcher.db.read_only
        assert asked and str(holder.pid) in asked[0]
        assert win.windowTitle().endswith("(read-only)")
        assert not win.banner.isHidden() and str(holder.pid) in win.banner.text()
        for name in ("import", "import_questionnaire", "restore_backup", "backup_now"):
            action = win.findChild(QAction, name)
            assert action is not None and not action.isEnabled(), name
        wb = win.workbench
        assert wb.detail is not None and not wb.assessment.rating.isEnabled()
        assert wb.assessment.comment.isReadOnly()
        assert wb.follow_up.edit_button.isHidden()
        wb.tree.setFocus()
        qtbot.keyClick(wb.tree, Qt.Key.Key_1)  # the rating keys do nothing here
        assert browsing.detail(launcher.db, wb.detail.id).assessment.rating is None  # type: ignore[union-attr]
        assert not win.backup_timer.isActive()
        win.close()
        launcher.close()
    finally:
        holder.kill()
        holder.wait()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(2 * 4096, min(len(data), 10 * 4096), 4096):
        data[offset : offset + 600] = b"\xde\xad\xbe\xef" * 150
    path.write_bytes(bytes(data))


def test_damaged_database_is_recovered_from_the_newest_backup(
    qtbot, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "work.sqlite"
    db = open_database(path)
    import_file(db, FACTSHEET)
    db.close()  # backed up on closing
    assert backup.list_backups(path)
    _damage(path)
    told: list[str] = []
    monkeypatch.setattr(backup_dialog, "ask_recover", lambda _p, error: bool(error.newest_backup))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, message, *a: told.append(message))
    launcher = _launch(qtbot, settings, path)
    assert launcher.db is not None and [s.party for s in browsing.factsheets(launcher.db)] == [
        "Albania"
    ]
    assert told and "damaged file was kept as" in told[0]
    assert list(tmp_path.glob("work.sqlite.damaged-*"))  # set aside, never deleted
    assert launcher.window is not None
    launcher.window.close()
    launcher.close()


def test_declining_recovery_leaves_the_file_alone(
    qtbot, tmp_path: Path, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "work.sqlite"
    db = open_database(path)
    import_file(db, FACTSHEET)
    db.close()
    _damage(path)
    damaged = path.read_bytes()
    assert not Launcher(settings).open(path)  # ask_recover answers no (the fixture)
    assert path.read_bytes() == damaged


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    """An encrypted database holding the example (skipped without SQLCipher)."""
    if crypto.unavailable_reason() is not None:
        pytest.skip("SQLCipher is not installed")
    path = tmp_path / "secret.sqlite"
    db = open_database(path, passphrase="correct horse")
    import_file(db, FACTSHEET)
    db.close()
    return path


def test_encrypted_database_asks_its_passphrase_again_when_wrong(
    qtbot, encrypted: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    answers = iter(["wrong", "correct horse"])
    asked: list[bool] = []

    def ask(_parent, location, *, wrong=False):  # type: ignore[no-untyped-def]
        asked.append(wrong)
        return next(answers)

    monkeypatch.setattr(backup_dialog, "ask_passphrase", ask)
    launcher = _launch(qtbot, settings, encrypted)
    assert asked == [False, True]
    assert launcher.db is not None and launcher.db.encrypted
    assert launcher.window is not None
    launcher.window.close()
    launcher.close()


def test_passphrase_from_the_command_line_reaches_the_window(
    qtbot, encrypted: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    monkeypatch.setattr(app, "run_app", lambda *a, **k: seen.append((a, k)) or 0)
    monkeypatch.setenv(cli.ENV_PASSPHRASE, "correct horse")
    assert cli.main(["--db", str(encrypted)]) == 0
    (args, kwargs), = seen  # fmt: skip
    assert kwargs["passphrase"] == "correct horse" and args == (str(encrypted),)

    # And the launcher opens with it, asking nothing (the fixture refuses every question).
    launcher = _launch(qtbot, settings, encrypted, passphrase="correct horse")
    assert launcher.db is not None and launcher.db.encrypted
    assert launcher.window is not None
    launcher.window.close()
    launcher.close()


def test_the_first_start_asks_for_the_assessors_name_once(
    qtbot, template_db: Path, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def answer(_parent: object, current: str) -> str:
        asked.append(current)
        return "Ada Lovelace"

    monkeypatch.setattr(dialogs, "ask_assessor_name", answer)
    path = tmp_path / "first.sqlite"
    path.write_bytes(template_db.read_bytes())
    launcher = _launch(qtbot, settings, path)
    qtbot.waitUntil(lambda: len(asked) == 1)  # once the window is up
    assert launcher.window is not None and launcher.window.ctx.by == "Ada Lovelace"
    launcher.close()
    launcher = _launch(qtbot, settings, path)
    qtbot.wait(50)
    assert len(asked) == 1  # known now: not asked again
    launcher.close()


def test_an_empty_name_accepted_at_first_start_is_not_asked_again(
    qtbot, template_db: Path, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_assessor_name", lambda _p, current: asked.append(current) or ""
    )
    path = tmp_path / "first.sqlite"
    path.write_bytes(template_db.read_bytes())
    launcher = _launch(qtbot, settings, path)
    qtbot.waitUntil(lambda: len(asked) == 1)
    launcher.close()
    launcher = _launch(qtbot, settings, path)
    qtbot.wait(50)
    assert len(asked) == 1  # "left empty, your login name is used" is an answer too
    launcher.close()


def test_a_rejected_example_is_shown_as_the_runner_shows_errors(
    qtbot, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """--with-example imports through the op runner: an ImportRejected gets its dialog."""
    from assessor.importers.common import ImportRejected

    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, t, m, *a: errors.append((t, m)))

    def reject(*_a: object, **_k: object) -> None:
        raise ImportRejected("This is not a factsheet.")

    monkeypatch.setattr(app, "import_file", reject)
    launcher = Launcher(settings)
    assert launcher.open(tmp_path / "new.sqlite", with_example=True)
    assert errors == [("The example could not be imported", "This is not a factsheet.")]
    assert launcher.db is not None and not browsing.factsheets(launcher.db)
    qtbot.addWidget(launcher.window)
    launcher.window.close()  # type: ignore[union-attr]
    launcher.close()
