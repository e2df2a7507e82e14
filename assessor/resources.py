"""Finding bundled resources (fonts, icons, examples): checkout, installation or frozen app.

Everything that reads a file under ``resources/`` goes through :func:`resource_path`, so that
there is one place to change when the packaging changes. The layouts it knows:

- frozen by PyInstaller: ``sys._MEIPASS/resources`` (``_internal/`` of the one-folder build,
  ``Contents/Frameworks`` — linked to ``Contents/Resources`` — of a macOS bundle);
- frozen by another tool that sets ``sys.frozen``: ``resources/`` beside the executable, or
  ``Contents/Resources/resources`` in a macOS bundle;
- a source checkout or an editable install: ``resources/`` beside the ``assessor`` package;
- a wheel installed with pip: ``<prefix>/share/assessor/resources`` (the ``data-files`` of
  ``pyproject.toml``), for a venv, the system or ``pip install --user``.
"""

from __future__ import annotations

import site
import sys
from pathlib import Path

#: The name of the resources folder in each candidate location.
RESOURCES = "resources"
#: Where pip puts the wheel's data files, under an installation prefix.
SHARE = Path("share") / "assessor" / RESOURCES


def _frozen_roots() -> list[Path]:
    """The candidate folders of a frozen application (none when running from source)."""
    roots: list[Path] = []
    # PyInstaller places data files under sys._MEIPASS (one-folder: the _internal folder).
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / RESOURCES)
    if getattr(sys, "frozen", False):
        exe_dir = Path(sys.executable).resolve().parent
        roots.append(exe_dir / RESOURCES)
        # A macOS bundle: the executable is in Contents/MacOS, data in Contents/Resources.
        roots.append(exe_dir.parent / "Resources" / RESOURCES)
    return roots


def _installed_roots() -> list[Path]:
    """The data-files folders of a pip installation: the prefix, then the user base."""
    prefixes = [Path(sys.prefix)]
    user_base = getattr(site, "USER_BASE", None)
    if user_base:
        prefixes.append(Path(user_base))
    return [prefix / SHARE for prefix in prefixes]


def resource_roots() -> list[Path]:
    """The folders searched for resources, most specific first."""
    here = Path(__file__).resolve().parent
    roots = _frozen_roots()
    # A wheel that ships the resources inside the package.
    roots.append(here / RESOURCES)
    # A source checkout or an editable install: resources/ beside the package. It comes before
    # the installed copy, so that editing a checkout's resources takes effect at once.
    roots.append(here.parent / RESOURCES)
    roots.extend(_installed_roots())
    return list(dict.fromkeys(roots))  # the same folder once, in order


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


def user_guide_path(lang: str | None = None) -> Path | None:
    """The user guide (Markdown) in ``lang`` ("fr": ``user-guide.fr.md``), else in English.

    Bundled under ``help/``, else a checkout's ``docs/``; None if there is none at all.
    """
    names = [f"user-guide.{lang}.md"] if lang and lang != "en" else []
    checkout = Path(__file__).resolve().parent.parent / "docs"
    for name in [*names, "user-guide.md"]:
        try:
            return resource_path("help", name)
        except FileNotFoundError:
            pass
        if (checkout / name).exists():
            return checkout / name
    return None
