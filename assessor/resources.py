"""Finding bundled resources (fonts, examples) from a checkout, an installation or a frozen app.

Everything that reads a file under ``resources/`` goes through :func:`resource_path`, so that
there is one place to change when the packaging changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The name of the resources folder in each candidate location.
RESOURCES = "resources"


def resource_roots() -> list[Path]:
    """The folders searched for resources, most specific first."""
    roots: list[Path] = []
    # PyInstaller unpacks (or, one-folder, places) data files under sys._MEIPASS.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / RESOURCES)
    here = Path(__file__).resolve().parent
    # A wheel that ships the resources inside the package.
    roots.append(here / RESOURCES)
    # A source checkout or an editable install: resources/ beside the package.
    roots.append(here.parent / RESOURCES)
    # A regular install that put them under <prefix>/share/assessor (data-files).
    roots.append(Path(sys.prefix) / "share" / "assessor" / RESOURCES)
    return roots


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``.

    Raises FileNotFoundError, naming every place looked in, when it is nowhere.
    """
    roots = resource_roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    wanted = "/".join(parts)
    looked = ", ".join(str(r) for r in roots)
    raise FileNotFoundError(f"The bundled resource {wanted} is missing (looked in {looked}).")
