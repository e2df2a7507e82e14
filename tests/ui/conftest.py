"""UI fixtures: a real imported database (copied per test), private QSettings, the window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from assessor.db.engine import Database, open_database
from assessor.services.imports import import_file
from assessor.settings import ENV_SETTINGS
from assessor.ui import (
    backup_dialog,
    conflict_dialog,
    connect_dialog,
    dialogs,
    import_review_dialog,
)
from assessor.ui.main_window import MainWindow
from assessor.ui.translation import install_language
from tests.ui.translations import build_catalogues

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
FACTSHEET = EXAMPLES / "factsheet-albania-2nd-round.md"
RECOMMENDATIONS = EXAMPLES / "recommendations-albania.txt"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example factsheet and themes imported once through the real import service."""
    path = tmp_path_factory.mktemp("template") / "albania.sqlite"
    db = open_database(path)
    import_file(db, FACTSHEET)
    import_file(db, RECOMMENDATIONS)
    db.close()  # the last connection closing checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def window_catalogues() -> None:
    """The window's .qm compiled from the committed .ts (when missing or stale), once."""
    build_catalogues()


@pytest.fixture(autouse=True)
def english_window(window_catalogues: None, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Every UI test starts in English (its plural forms installed); French tests switch."""
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def real_db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the imported example database."""
    path = tmp_path / "albania.sqlite"
    shutil.copy(template_db, path)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """QSettings in the test's folder, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, str]]:
    """Replace every modal dialog: errors are recorded (and fail the test), the rest refuse.

    The core settings file (the assessor's name) is the test's own, never the user's.
    """
    shown: list[tuple[str, str]] = []
    monkeypatch.setenv(ENV_SETTINGS, str(tmp_path / "assessor-settings.json"))

    def error(_parent: object, title: str, message: str) -> None:
        shown.append((title, message))
        raise AssertionError(f"error dialog: {title}: {message}")

    monkeypatch.setattr(dialogs, "show_error", error)
    monkeypatch.setattr(dialogs, "show_info", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "show_lines", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    monkeypatch.setattr(dialogs, "edit_text", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_follow_up_correction", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_code", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_import_files", lambda *a, **k: [])
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_open_database", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_new_database", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_questionnaire_file", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_questionnaire_options", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_pdf_options", lambda *a, **k: None)
    # A workbook's language: the one offered (the Party's), as a user pressing OK.
    monkeypatch.setattr(dialogs, "ask_document_language", lambda _p, _t, _party, lang: lang)
    monkeypatch.setattr(dialogs, "ask_party", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_new_passphrase", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_assessor_name", lambda *a, **k: None)

    def preferences(parent: object, current: dialogs.Preferences) -> dialogs.Preferences | None:
        """Edit → Preferences… through the name question (tests replace that one)."""
        name = dialogs.ask_assessor_name(parent, current.name)
        return None if name is None else dialogs.Preferences(name, current.language)

    monkeypatch.setattr(dialogs, "ask_preferences", preferences)
    monkeypatch.setattr(dialogs, "ask_send_options", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_package_passphrase", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_merge_file", lambda *a, **k: None)
    # The review before a factsheet is written goes ahead, as a user pressing Import would.
    monkeypatch.setattr(import_review_dialog, "ask_import_review", lambda *a, **k: True)
    monkeypatch.setattr(backup_dialog, "choose_backup", lambda *a, **k: None)
    monkeypatch.setattr(backup_dialog, "ask_recover", lambda *a, **k: False)
    monkeypatch.setattr(backup_dialog, "ask_read_only", lambda *a, **k: False)
    monkeypatch.setattr(backup_dialog, "ask_passphrase", lambda *a, **k: None)
    monkeypatch.setattr(connect_dialog, "ask_connection", lambda *a, **k: None)
    # A save over someone else's takes theirs unasked (tests/ui/test_conflicts.py answers it).
    theirs = conflict_dialog.Resolution(conflict_dialog.TAKE_THEIRS)
    monkeypatch.setattr(conflict_dialog, "ask_resolution", lambda *a, **k: theirs)
    return shown


@pytest.fixture
def window(qtbot, real_db: Database, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    """The real window over the imported example, shown and active."""
    win = MainWindow(real_db, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win
