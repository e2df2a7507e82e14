"""The first window fits the screen with its frame; a saved one larger than the screen is
clamped (new-user trial 2: at 1024×600 the status bar was below the screen's edge)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

from assessor.ui import window_state
from assessor.ui.window_state import FRAME, clamped, first_size


def test_a_first_window_leaves_room_for_the_frame() -> None:
    assert first_size(QSize(1024, 600)) == QSize(1024 - FRAME.width(), 600 - FRAME.height())
    assert first_size(QSize(1920, 1050)) == QSize(1366, 768)


def test_a_saved_geometry_larger_than_the_screen_is_clamped() -> None:
    free = QRect(0, 0, 1024, 600)
    fitted = clamped(QRect(300, 200, 1066, 574), free)
    assert fitted.width() <= 1024 - FRAME.width() and fitted.height() <= 600 - FRAME.height()
    assert fitted.left() >= 0 and fitted.top() >= 0
    assert fitted.bottom() + FRAME.height() <= free.bottom() + 1
    small = QRect(100, 50, 800, 500)
    assert clamped(small, QRect(0, 0, 1366, 768)) == small  # one that fits stays as it was


def test_the_first_window_fits_the_offscreen_screen(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = QMainWindow()
    qtbot.addWidget(win)
    window_state.restore_geometry(win, settings)  # first start: nothing saved
    free = win.screen().availableGeometry()
    assert win.width() <= free.width() - FRAME.width()
    assert win.height() <= free.height() - FRAME.height()
    assert win.isMaximized() is (free.height() <= window_state.SMALL_SCREEN_HEIGHT)


def test_a_restored_window_larger_than_the_screen_is_clamped(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 3000, 2000)
    settings.setValue("window/geometry", big.saveGeometry())
    assert isinstance(settings.value("window/geometry"), QByteArray)
    win = QMainWindow()
    qtbot.addWidget(win)
    window_state.restore_geometry(win, settings)
    free = win.screen().availableGeometry()
    assert win.width() <= free.width() - FRAME.width()
    assert win.height() <= free.height() - FRAME.height()
