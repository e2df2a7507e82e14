"""The window's own state in the one settings file: settings.json's "window" section.

The window keeps its geometry, splitters, filters, the recommendation shown, the recently
opened databases, the PDF options and the last folder of a file dialog. They used to be in
QSettings' own file, beside the core's settings.json (the assessor's name, the language): two
files for one user's settings. ``WindowSettings`` offers the part of QSettings the window uses
(``value``, ``setValue``, groups, ``sync``) over that section, written atomically with the rest
of the file kept; an existing QSettings file is read into it once (``for_user``).
"""

from __future__ import annotations

import base64
import contextlib
import os
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimer

from assessor.settings import ENV_SETTINGS, load_section, save_section, settings_path

SECTION = "window"
#: How long changes wait before they are written (stepping sets the selection at every step).
WRITE_DELAY_MS = 2000
#: The mark of binary values (geometry, splitter states) in the JSON file.
BYTES = "base64"


class SettingsStore(Protocol):
    """What the window asks of its settings: QSettings, or WindowSettings over settings.json."""

    def value(self, key: str, /, defaultValue: Any = ..., type: object | None = ...) -> object:
        """The value at ``key`` (``defaultValue`` when there is none)."""
        ...

    def setValue(self, key: str, value: Any, /) -> None:
        """Set the value at ``key``."""
        ...

    def beginGroup(self, prefix: str, /) -> None:
        """Keys that follow are under ``prefix/``."""
        ...

    def endGroup(self, /) -> None:
        """Back to the keys above the group."""
        ...

    def childKeys(self, /) -> list[str]:
        """The keys directly in the current group."""
        ...

    def sync(self, /) -> None:
        """Write what changed now."""
        ...


def _stored(value: Any) -> Any:
    """A value as JSON can hold it."""
    if isinstance(value, QByteArray):
        return {BYTES: base64.b64encode(value.data()).decode("ascii")}
    if isinstance(value, bytes):
        return {BYTES: base64.b64encode(value).decode("ascii")}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_stored(v) for v in value]
    return str(value)


def _shown(value: Any) -> Any:
    """A stored value as the window set it (binary values as QByteArray)."""
    if isinstance(value, dict) and set(value) == {BYTES}:
        try:
            return QByteArray(base64.b64decode(str(value[BYTES])))
        except ValueError:
            return None
    return value


def _as(value: Any, kind: object) -> Any:
    """``value`` converted as QSettings' ``type=`` does, for the types the window asks for."""
    if kind is bool:
        return value.strip().casefold() in ("true", "1") if isinstance(value, str) else bool(value)
    if kind is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return 0
    if kind is str:
        return "" if value is None else str(value)
    return value


class WindowSettings:
    """The window's state in settings.json's "window" section, offered as QSettings offers it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._values: dict[str, Any] = dict(load_section(SECTION, self.path) or {})
        self._groups: list[str] = []
        #: Keys set or removed since the last write: only they are written over the file's.
        self._changed: set[str] = set()
        self._timer: QTimer | None = None

    @classmethod
    def for_user(cls, legacy: QSettings | None = None) -> WindowSettings:
        """The user's window settings; the first time, what an older version kept in QSettings.

        ``legacy`` is that QSettings (by default the application's own, unless
        ``ASSESSOR_SETTINGS`` chooses a settings file of its own: tests and scripts).
        """
        store = shared()
        if load_section(SECTION, store.path) is None:
            if legacy is None and not os.environ.get(ENV_SETTINGS):
                legacy = QSettings()
            if legacy is not None:
                store.migrate(legacy)
        return store

    def migrate(self, legacy: QSettings) -> int:
        """Move every value of ``legacy`` here (those not set here already); the number moved.

        Written at once, so the copy is made once; then ``legacy`` is emptied and its file
        removed: one settings file is left.
        """
        copied = 0
        for key in legacy.allKeys():
            if key not in self._values:
                self._values[key] = _stored(legacy.value(key))
                self._changed.add(key)
                copied += 1
        save_section(SECTION, self._merged(), self.path)  # the section exists even if empty
        self._changed.clear()
        legacy.clear()
        legacy.sync()
        old = Path(legacy.fileName())
        if old.is_file() and old.resolve() != self.path.resolve():
            old.unlink(missing_ok=True)
        return copied

    def fileName(self) -> str:
        """The settings file (as QSettings names its own)."""
        return str(self.path)

    def _key(self, key: str) -> str:
        return "/".join([*self._groups, key])

    def value(self, key: str, /, defaultValue: Any = None, type: object | None = None) -> object:
        """The value at ``key`` (``defaultValue`` when there is none), converted to ``type``."""
        full = self._key(key)
        found = _shown(self._values[full]) if full in self._values else defaultValue
        return found if type is None else _as(found, type)

    def setValue(self, key: str, value: Any, /) -> None:
        """Set the value at ``key``; written a moment later, or at ``sync``."""
        stored = _stored(value)
        full = self._key(key)
        if self._values.get(full, object()) == stored:
            return
        self._values[full] = stored
        self._changed.add(full)
        self._write_later()

    def remove(self, key: str, /) -> None:
        """Forget the value at ``key`` (and every key under it)."""
        full = self._key(key)
        gone = [k for k in self._values if k == full or k.startswith(full + "/")]
        for k in gone:
            del self._values[k]
        if gone:
            self._changed.update(gone)
            self._write_later()

    def contains(self, key: str, /) -> bool:
        """Whether ``key`` has a value."""
        return self._key(key) in self._values

    def beginGroup(self, prefix: str, /) -> None:
        """Keys that follow are under ``prefix/``."""
        self._groups.append(prefix.strip("/"))

    def endGroup(self, /) -> None:
        """Back to the keys above the group."""
        if self._groups:
            self._groups.pop()

    def childKeys(self, /) -> list[str]:
        """The keys directly in the current group."""
        prefix = self._key("")
        return [
            k[len(prefix) :]
            for k in self._values
            if k.startswith(prefix) and "/" not in k[len(prefix) :]
        ]

    def sync(self, /) -> None:
        """Write what changed now, over the section as it is in the file (the rest is kept)."""
        if self._timer is not None:
            self._timer.stop()
        if not self._changed:
            return
        save_section(SECTION, self._merged(), self.path)
        self._changed.clear()

    def _merged(self) -> dict[str, Any]:
        # Another writer of the file (a file dialog's store, another window) keeps its keys.
        merged = dict(load_section(SECTION, self.path) or {})
        for key in self._changed:
            if key in self._values:
                merged[key] = self._values[key]
            else:
                merged.pop(key, None)
        return dict(sorted(merged.items()))

    def _write_later(self) -> None:
        # One write for a burst of changes; without an event loop (scripts), at once.
        if QCoreApplication.instance() is None:
            self.sync()
            return
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.setInterval(WRITE_DELAY_MS)
            self._timer.timeout.connect(self._flush)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        # A full disk: kept in memory, tried again at the next change or at close.
        with contextlib.suppress(OSError):
            self.sync()


_shared: dict[Path, WindowSettings] = {}


def shared(path: Path | None = None) -> WindowSettings:
    """The one store of a settings file (the window's and the file dialogs' alike)."""
    chosen = path or settings_path()
    store = _shared.get(chosen)
    if store is None:
        store = _shared[chosen] = WindowSettings(chosen)
    return store
