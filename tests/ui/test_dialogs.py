"""Where file dialogs start: the last folder used, else Documents, else home — never the cwd."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths

from assessor.ui import file_dialogs as dialogs  # where the file dialogs live
from assessor.ui.window_settings import WindowSettings


def test_file_dialogs_start_in_the_last_folder_else_documents_else_home(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store = WindowSettings(tmp_path / "settings.json")
    monkeypatch.setattr(dialogs, "settings_store", lambda: store)
    documents = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    assert dialogs._folder() == QDir.homePath()  # Documents does not exist (a new account)
    documents.mkdir()
    assert dialogs._folder() == str(documents)
    chosen = tmp_path / "exports" / "summary.pdf"
    chosen.parent.mkdir()
    assert dialogs._remember(str(chosen)) == str(chosen)
    assert dialogs._folder() == str(chosen.parent)
    assert dialogs._in_folder("a.xlsx") == str(chosen.parent / "a.xlsx")
    assert dialogs._remember("") is None  # cancelled: nothing remembered
    assert dialogs._folder() == str(chosen.parent)
