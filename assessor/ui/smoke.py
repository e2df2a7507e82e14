"""Opening the real window once and closing it, for ``assessor --self-check``.

Here, not in ``assessor.selfcheck``, because Qt is imported under ``assessor/ui/`` only.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from assessor.i18n import current_language
from assessor.settings import ENV_SETTINGS, Settings, save_settings
from assessor.ui.app import run_app


def show_window_once(db_file: Path, settings_dir: Path) -> str:
    """Open the window on ``db_file`` through ``run_app``, quit once it is shown; its title."""
    # The window's own settings (geometry, splitters) go to a temporary folder, not the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    # The assessor's settings too: a name is set, so the first-start question is not asked.
    settings_file = settings_dir / "settings.json"
    save_settings(Settings(assessor_name="self-check"), settings_file)
    os.environ[ENV_SETTINGS] = str(settings_file)
    shown: list[str] = []

    def look_and_quit() -> None:
        shown.extend(
            w.windowTitle()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.isVisible()
        )
        app = QApplication.instance()
        if app is not None:
            app.quit()  # also ends a modal error dialog's loop, so the check cannot hang

    # Runs on the first turn of the event loop, that is right after the window was shown.
    QTimer.singleShot(0, look_and_quit)
    # The window speaks the language the check reports in (``--lang`` included).
    status = run_app(str(db_file), lang=current_language())
    if status != 0 or not shown:
        raise RuntimeError(f"the window did not open (exit status {status})")
    return shown[0]
