"""What the main window keeps between sessions (in settings.json's "window" section, through
``window_settings``): the geometry, the splitters, the filters, the selection and the recently
opened databases."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from assessor.domain.filters import FilterState
from assessor.ui.window_settings import SettingsStore

MAX_RECENT = 8


def restore_geometry(win: QMainWindow, s: SettingsStore) -> None:
    """The window's last geometry; at first start nearly the whole screen."""
    geometry = s.value("window/geometry")
    if isinstance(geometry, QByteArray):
        win.restoreGeometry(geometry)
    elif win.screen() is not None:
        # First start: nearly the whole screen, the panes need the room.
        free = win.screen().availableGeometry()
        win.resize(min(1366, free.width()), min(768, free.height()))


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
