"""The user's settings that the core needs too (the assessor's name, the language), in a small
JSON file — the only settings file: the window keeps its own state (geometry, filters, recent
databases, PDF options) in its "window" section (``assessor.ui.window_settings``).

Not QSettings: the CLI and the services run without Qt. The file lives in the user's config
directory (``ASSESSOR_SETTINGS`` names another, for tests and scripts) and is written atomically.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

from assessor.fileio import atomic_write_bytes

APP_NAME = "Assessor"
ENV_SETTINGS = "ASSESSOR_SETTINGS"


@dataclass(frozen=True)
class Settings:
    """What the user set: the name recorded in the history of every change they make, and the
    language Assessor speaks to them ("en", "fr"; empty: the system's)."""

    assessor_name: str = ""
    language: str = ""


def settings_path() -> Path:
    """The settings file: ``$ASSESSOR_SETTINGS``, else ``settings.json`` in the config dir."""
    chosen = os.environ.get(ENV_SETTINGS)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults for a missing or unreadable file (never an error)."""
    try:
        data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    # Unknown keys (from a newer version) are ignored here but kept by save_settings.
    return Settings(**{k: str(v) for k, v in data.items() if k in known})


def _saved(target: Path) -> dict[str, Any]:
    try:
        existing = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return existing if isinstance(existing, dict) else {}


def _write(target: Path, data: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Save the settings atomically, keeping keys this version does not know."""
    target = path or settings_path()
    _write(target, {**_saved(target), **asdict(settings)})


def load_section(name: str, path: Path | None = None) -> dict[str, Any] | None:
    """A section of the settings file kept by another part (the window's), None if absent."""
    section = _saved(path or settings_path()).get(name)
    return section if isinstance(section, dict) else None


def save_section(name: str, values: dict[str, Any], path: Path | None = None) -> None:
    """Replace one section of the settings file atomically, keeping everything else in it."""
    target = path or settings_path()
    _write(target, {**_saved(target), name: values})


def assessor_name(path: Path | None = None) -> str:
    """The name to record as "by" in the history: the setting, else the login name."""
    name = load_settings(path).assessor_name.strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): record nobody rather than fail
        return ""
