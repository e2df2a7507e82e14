"""The layers of DESIGN.md: nothing outside assessor/ui/ imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assessor"


def qt_imports(path: Path) -> list[str]:
    """The PySide6 imports a module makes, wherever they are (lazy ones included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6")]
    return found


def test_qt_is_imported_only_under_ui() -> None:
    offenders = {
        str(p.relative_to(PACKAGE)): qt_imports(p)
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and qt_imports(p)
    }
    assert offenders == {}


def test_core_modules_load_without_qt() -> None:
    core = [
        f"assessor.{'.'.join(p.relative_to(PACKAGE).with_suffix('').parts)}"
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] not in ("ui", "__main__.py")
        and p.name != "__init__.py"
        and "migrations" not in p.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {core!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def imported_modules(path: Path) -> list[str]:
    """Every module a source file imports, wherever the import is (lazy and TYPE_CHECKING too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{a.name}" for a in node.names]
    return found


def test_only_the_app_imports_the_main_window() -> None:
    """Action modules and menus take ui.window_api's protocols, never ``MainWindow``."""
    allowed = {"app.py", "main_window.py"}
    offenders = sorted(
        p.name
        for p in (PACKAGE / "ui").glob("*.py")
        if p.name not in allowed and "assessor.ui.main_window" in imported_modules(p)
    )
    assert offenders == []
