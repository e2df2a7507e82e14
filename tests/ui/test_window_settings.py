"""One settings file: the window's state in settings.json's "window" section, beside the core's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from assessor.settings import ENV_SETTINGS, Settings, load_settings, save_settings
from assessor.ui import window_settings
from assessor.ui.main_window import MainWindow
from assessor.ui.window_settings import WindowSettings


def _file(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_values_go_to_the_window_section_and_keep_the_core_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(assessor_name="Ann", language="fr"), path)
    store = WindowSettings(path)
    store.setValue("window/geometry", QByteArray(b"\x01\x02\xff"))
    store.setValue("pdf/only_rated", True)
    store.setValue("files/recent", ["/a.sqlite", "/b.sqlite"])
    store.beginGroup("filters")
    store.setValue("verb", "require")
    store.endGroup()
    store.sync()
    saved = _file(path)
    assert saved["assessor_name"] == "Ann" and saved["language"] == "fr"
    assert set(saved["window"]) == {  # type: ignore[arg-type]
        "window/geometry",
        "pdf/only_rated",
        "files/recent",
        "filters/verb",
    }
    save_settings(Settings(assessor_name="Bob"), path)  # the core's save keeps the section
    again = WindowSettings(path)
    assert again.value("window/geometry") == QByteArray(b"\x01\x02\xff")
    assert again.value("pdf/only_rated", False, type=bool) is True
    assert again.value("files/recent") == ["/a.sqlite", "/b.sqlite"]
    assert again.value("missing", "default") == "default"
    again.beginGroup("filters")
    assert again.childKeys() == ["verb"] and again.value("verb") == "require"
    again.endGroup()
    assert load_settings(path).assessor_name == "Bob"


def test_two_stores_of_one_file_keep_each_others_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    window, dialogs = WindowSettings(path), WindowSettings(path)
    window.setValue("selection/recommendation", 7)
    window.sync()
    dialogs.setValue("dialogs/last_folder", "/home/ann")
    dialogs.sync()
    window.setValue("selection/recommendation", 8)
    window.sync()
    section = _file(path)["window"]
    assert section == {"dialogs/last_folder": "/home/ann", "selection/recommendation": 8}


def test_a_burst_of_changes_is_written_once_later(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.json"
    store = WindowSettings(path)
    for rec_id in range(50):  # stepping through recommendations
        store.setValue("selection/recommendation", rec_id)
    assert not path.exists()
    qtbot.waitUntil(path.exists, timeout=window_settings.WRITE_DELAY_MS * 3)
    assert _file(path)["window"] == {"selection/recommendation": 49}


def test_an_older_qsettings_file_is_moved_in_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_SETTINGS, str(tmp_path / "settings.json"))
    save_settings(Settings(assessor_name="Ann"), tmp_path / "settings.json")
    ini = tmp_path / "Assessor.conf"
    legacy = QSettings(str(ini), QSettings.Format.IniFormat)
    legacy.setValue("window/geometry", QByteArray(b"geometry"))
    legacy.setValue("files/recent", ["/data/a.sqlite", "/data/b.sqlite"])
    legacy.setValue("pdf/scope", "all")
    legacy.setValue("pdf/only_rated", True)
    legacy.sync()
    store = WindowSettings.for_user(legacy)
    assert store.value("window/geometry") == QByteArray(b"geometry")
    assert store.value("files/recent") == ["/data/a.sqlite", "/data/b.sqlite"]
    assert store.value("pdf/scope") == "all"
    assert store.value("pdf/only_rated", False, type=bool) is True
    assert not ini.exists()  # one settings file is left
    assert load_settings().assessor_name == "Ann"
    # Once: a later start finds the section and reads no QSettings.
    other = QSettings(str(tmp_path / "other.conf"), QSettings.Format.IniFormat)
    other.setValue("pdf/scope", "compliance")
    other.sync()
    assert WindowSettings.for_user(other).value("pdf/scope") == "all"


def test_the_window_keeps_its_state_in_the_one_file(qtbot, real_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "one-settings.json"
    store = WindowSettings(path)
    win = MainWindow(real_db, store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.save_state()
    section = _file(path)["window"]
    assert "window/geometry" in section and "files/recent" in section  # type: ignore[operator]
    restarted = MainWindow(real_db, WindowSettings(path))
    qtbot.addWidget(restarted)
    assert restarted.settings.value("files/last") == real_db.location
    assert not list(tmp_path.glob("*.ini")) and not list(tmp_path.glob("*.conf"))
