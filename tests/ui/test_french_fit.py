"""The French window fits a 1024-px screen as the English one does (new-user trial 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from assessor.db.engine import Database
from tests.ui.test_window_languages import _open


def _widest(win: QWidget) -> list[tuple[int, str, str]]:
    rows = []
    for w in win.findChildren(QWidget):
        if w.isVisible():
            text = getattr(w, "text", lambda: "")
            rows.append((w.minimumSizeHint().width(), type(w).__name__, str(text())[:50]))
    return sorted(rows, reverse=True)[:40]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_window_fits_1000_px(qtbot, real_db: Database, settings: QSettings, lang: str) -> None:  # type: ignore[no-untyped-def]
    win = _open(qtbot, real_db, settings, lang)
    assert win.workbench.detail is not None  # a recommendation is shown
    qtbot.wait(50)
    width = win.minimumSizeHint().width()
    assert width <= 1000, _widest(win)
