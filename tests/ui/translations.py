"""The window's catalogues for the tests: compiled from the .ts when stale, installed per test.

``make setup`` compiles ``resources/i18n/assessor_*.qm`` with Qt's lrelease; a test run from a
bare checkout (or after a .ts changed) compiles them here first, so the tests always read the
committed translations.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
WINDOW_TS = ("assessor_fr.ts", "assessor_en.ts")


def tool(name: str) -> str:
    """A PySide6 tool (pyside6-lrelease, pyside6-lupdate) of the running environment."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def build_catalogues() -> list[Path]:
    """Compile every window .ts whose .qm is missing or older; the .qm paths."""
    built = []
    for name in WINDOW_TS:
        ts = I18N / name
        qm = ts.with_suffix(".qm")
        if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run(
                [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                check=True,
                capture_output=True,
            )
        if qm.exists():
            built.append(qm)
    return built


def window_sources(name: str = "assessor_fr.ts") -> set[str]:
    """Every English source text of a committed window catalogue."""
    import xml.etree.ElementTree as ET

    root = ET.parse(I18N / name).getroot()
    return {m.findtext("source") or "" for m in root.iter("message")}
