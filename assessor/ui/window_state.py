"""What the main window keeps between sessions (in settings.json's "window" section, through
``window_settings``): the geometry, the splitters, the filters, the selection and the recently
opened databases."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

from assessor.domain.filters import FilterState
from assessor.ui.window_settings import SettingsStore

MAX_RECENT = 8


#: Room left on the screen for the window manager's frame and title bar (a 600-px-high first
#: window put the status bar below a small screen's edge).
FRAME = QSize(16, 48)
#: A screen at most this high gets a maximised window at first start.
SMALL_SCREEN_HEIGHT = 768


def first_size(free: QSize) -> QSize:
    """A first window's size on a screen with ``free`` room: nearly all of it, frame included."""
    return QSize(min(1366, free.width() - FRAME.width()), min(768, free.height() - FRAME.height()))


def clamped(rect: QRect, free: QRect) -> QRect:
    """``rect`` made to fit inside ``free`` (frame included), moved in if it stuck out."""
    width = min(rect.width(), free.width() - FRAME.width())
    height = min(rect.height(), free.height() - FRAME.height())
    x = max(free.left(), min(rect.x(), free.right() - FRAME.width() - width + 1))
    y = max(free.top(), min(rect.y(), free.bottom() - FRAME.height() - height + 1))
    return QRect(x, y, width, height)


def restore_geometry(win: QMainWindow, s: SettingsStore) -> None:
    """The window's last geometry, fitted to the screen; at first start nearly the whole
    screen (maximised on a small one)."""
    geometry = s.value("window/geometry")
    screen = win.screen()
    free = screen.availableGeometry() if screen is not None else None
    if isinstance(geometry, QByteArray):
        win.restoreGeometry(geometry)
        if free is not None and not win.isMaximized() and not win.isFullScreen():
            win.setGeometry(clamped(win.geometry(), free))  # saved on a larger screen
    elif free is not None:
        win.resize(first_size(free.size()))  # the panes need the room
        if free.height() <= SMALL_SCREEN_HEIGHT:
            win.setWindowState(win.windowState() | Qt.WindowState.WindowMaximized)


def saved_filters(s: SettingsStore) -> FilterState:
    """The filters as they were left."""
    s.beginGroup("filters")
    state = FilterState.from_settings({k: s.value(k) for k in s.childKeys()})
    s.endGroup()
    return state


def saved_selection(s: SettingsStore) -> tuple[int, int] | None:
    """The recommendation shown last and its factsheet, if one was."""
    rec, sheet = s.value("selection/recommendation"), s.value("selection/factsheet")
    if rec is None or sheet is None:
        return None
    return int(str(rec)), int(str(sheet))


def recent(s: SettingsStore, location: str) -> list[str]:
    """Recently opened databases, newest first (``location``, the open one, left out)."""
    value = s.value("files/recent", [])
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [str(p) for p in items if str(p) != location][:MAX_RECENT]


def remember_opened(s: SettingsStore, location: str) -> None:
    """``location`` first among the recent databases, and the one to open next time."""
    s.setValue("files/recent", [location, *recent(s, location)][:MAX_RECENT])
    s.setValue("files/last", location)


def restore_splitters(s: SettingsStore, splitters: Sequence[tuple[str, QSplitter]]) -> None:
    """Each splitter as it was left (once the window has its final size)."""
    for key, splitter in splitters:
        state = s.value(key)
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def save(
    win: QMainWindow,
    s: SettingsStore,
    splitters: Sequence[tuple[str, QSplitter]],
    filters: FilterState,
) -> None:
    """Keep the window's geometry, its splitters and the filters for the next start."""
    s.setValue("window/geometry", win.saveGeometry())
    for key, splitter in splitters:
        s.setValue(key, splitter.saveState())
    s.beginGroup("filters")
    for key, value in filters.to_settings().items():
        s.setValue(key, value)
    s.endGroup()
    s.sync()
