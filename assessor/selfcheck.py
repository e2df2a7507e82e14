"""``assessor --self-check``: prove that an installed or frozen Assessor works, without a display.

It does what a rapporteur's first hour does, on a temporary database that is deleted afterwards:
create and migrate the database, import the bundled example, write an Excel workbook and a PDF
summary through the real exporters, read them back, and open the window off-screen. Everything
goes through the same public entry points the CLI uses, so the check keeps working as the
modules behind them change; an exporter that is not there yet is skipped with a note.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assessor import __version__
from assessor.i18n import _, current_language, ngettext, words
from assessor.resources import resource_path

if TYPE_CHECKING:
    from assessor.db.engine import Database

#: The example files, imported in this order (the themed recommendations name the factsheet's).
EXAMPLE_ORDER = ("factsheet", "recommendations")
#: Set to a non-empty value to leave out the off-screen window (a core-only installation).
ENV_NO_WINDOW = "ASSESSOR_SELFCHECK_NO_WINDOW"


class Skipped(Exception):
    """A step that cannot run in this installation (a module not there yet); not a failure."""


@dataclass
class Report:
    """The outcome of each step, printed as it goes."""

    lines: list[str] = field(default_factory=list)
    failed: int = 0
    skipped: int = 0

    def run(self, name: str, step: Callable[[], str]) -> None:
        """Run one step; a failure is recorded and reported, never raised."""
        started = time.perf_counter()
        try:
            detail = step()
        except Skipped as why:
            self.skipped += 1
            self._say("skip", name, str(why), started)
        except Exception as exc:
            self.failed += 1
            self._say("FAIL", name, f"{type(exc).__name__}: {exc}", started)
            if os.environ.get("ASSESSOR_DEBUG"):
                traceback.print_exc()
        else:
            self._say("ok", name, detail, started)

    def _say(self, status: str, name: str, detail: str, started: float) -> None:
        ms = (time.perf_counter() - started) * 1000
        line = f"  {status:<4} {name:<13} {detail} ({ms:.0f} ms)"
        self.lines.append(line)
        print(line, flush=True)


def _optional(module: str, name: str) -> Callable[..., object]:
    """A function of an exporter module, or Skipped when that module is not in this build."""
    try:
        function: Callable[..., object] = getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise  # the exporter is there but a library it needs is not: a broken build
        raise Skipped(_("{module} is not in this version yet").format(module=module)) from exc
    return function


def example_files() -> list[Path]:
    """The bundled example files, the factsheet first."""
    folder = resource_path("examples")
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix in (".md", ".txt")]

    def order(path: Path) -> tuple[int, str]:
        ranks = [i for i, word in enumerate(EXAMPLE_ORDER) if word in path.name]
        return (ranks[0] if ranks else len(EXAMPLE_ORDER), path.name)

    return sorted(files, key=order)


def _check_xlsx(path: Path) -> str:
    """Open a written workbook with openpyxl, as Excel would, and count its sheets and rows."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        rows = sum(ws.max_row or 0 for ws in wb.worksheets)
        sheets = len(wb.sheetnames)
        return ", ".join(
            (
                ngettext("{n} sheet", "{n} sheets", sheets).format(n=sheets),
                ngettext("{n} row", "{n} rows", rows).format(n=_number(rows)),
                _bytes(path.stat().st_size),
            )
        )
    finally:
        wb.close()


def _check_pdf(path: Path) -> str:
    """Check a written PDF's header and trailer, and its pages when pypdf is installed."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise ValueError(_("{name} is not a complete PDF").format(name=path.name))
    try:
        from pypdf import PdfReader
    except ImportError:  # not bundled in the frozen app: the header check has to do
        return _bytes(len(data))
    pages = len(PdfReader(path).pages)
    return ", ".join((ngettext("{n} page", "{n} pages", pages).format(n=pages), _bytes(len(data))))


def _number(n: int) -> str:
    """A count written the user's way (1,234 or 1 234)."""
    return words(current_language()).number(n)


def _bytes(n: int) -> str:
    return ngettext("{n} byte", "{n} bytes", n).format(n=_number(n))


def _check_window(db_file: Path, settings_dir: Path) -> str:
    """Open the real window off-screen through ``run_app`` and close it once it is shown."""
    if os.environ.get(ENV_NO_WINDOW):
        raise Skipped(_("{variable} is set").format(variable=ENV_NO_WINDOW))
    # Off-screen: the check runs in CI and over SSH; the real display is tested by hand (Xvfb).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Not guarded: Qt is a dependency, and a build that cannot import it must fail the check.
    from assessor.ui.smoke import show_window_once

    return _("shown off-screen: {title}").format(
        title=repr(show_window_once(db_file, settings_dir))
    )


def run_self_check() -> int:
    """Run every step on a temporary database; print a short report; 0 if nothing failed."""
    print(
        _("Assessor {version} self-check ({where})").format(version=__version__, where=_where()),
        flush=True,
    )
    report = Report()
    with tempfile.TemporaryDirectory(prefix="assessor-selfcheck-") as tmp:
        folder = Path(tmp)
        # Keep the user's settings file and database out of it, whatever the environment says.
        os.environ["ASSESSOR_SETTINGS"] = str(folder / "settings.json")
        db_file = folder / "selfcheck.sqlite"
        _run_steps(report, folder, db_file)
    total = len(report.lines)
    if report.failed:
        failed = ngettext(
            "Self-check FAILED: {failed} of {total} steps failed.",
            "Self-check FAILED: {failed} of {total} steps failed.",
            report.failed,
        )
        print(failed.format(failed=report.failed, total=total), flush=True)
        return 1
    if report.skipped:
        passed = ngettext(
            "Self-check passed: {ok} of {total} steps ok, {skipped} skipped.",
            "Self-check passed: {ok} of {total} steps ok, {skipped} skipped.",
            total - report.skipped,
        )
    else:
        passed = ngettext(
            "Self-check passed: {ok} of {total} steps ok.",
            "Self-check passed: {ok} of {total} steps ok.",
            total - report.skipped,
        )
    ok = total - report.skipped
    print(passed.format(ok=ok, total=total, skipped=report.skipped), flush=True)
    return 0


def _run_steps(report: Report, folder: Path, db_file: Path) -> None:
    """The steps, in order; a step whose input is missing fails rather than crashing the rest."""
    from assessor.db.engine import open_database

    state: dict[str, Database] = {}

    def database() -> str:
        from assessor.db.migrate import current_revision, head_revision

        db = open_database(db_file, backup=False)
        state["db"] = db
        revision = current_revision(db.engine)
        if revision != head_revision():
            raise RuntimeError(
                _("schema at {revision}, expected {head}").format(
                    revision=revision, head=head_revision()
                )
            )
        return _("created and migrated to {revision}").format(revision=revision)

    def examples() -> str:
        from assessor.services.imports import import_file

        done = []
        for path in example_files():
            result = import_file(_db(state), path)
            done.append(f"{path.name} ({result.kind})")
        if not done:
            raise FileNotFoundError(_("no example files are bundled"))
        return ", ".join(done)

    def xlsx() -> str:
        export = _optional("assessor.exporters.assessment_xlsx", "export_assessment_xlsx")
        out = folder / "assessment.xlsx"
        export(_db(state), out)
        return _check_xlsx(out)

    def questionnaire() -> str:
        export = _optional("assessor.exporters.questionnaire", "export_questionnaire")
        out = folder / "questionnaire.xlsx"
        export(_db(state), out)
        return _check_xlsx(out)

    def pdf() -> str:
        write = _optional("assessor.exporters.pdf_summary", "write_pdf_summary")
        out = folder / "summary.pdf"
        write(_db(state), out, assessor_name="Self-check")
        return _check_pdf(out)

    def window() -> str:
        db = state.pop("db", None)
        if db is not None:
            db.close()  # the window takes the database's lock
        return _check_window(db_file, folder / "qt-settings")

    try:
        for name, step in (
            ("database", database),
            ("examples", examples),
            ("xlsx", xlsx),
            ("questionnaire", questionnaire),
            ("pdf", pdf),
            ("window", window),
        ):
            report.run(name, step)
    finally:
        db = state.pop("db", None)
        if db is not None:
            db.close()


def _db(state: dict[str, Database]) -> Database:
    """The database opened by the first step (a later step fails if it did not open)."""
    if "db" not in state:
        raise RuntimeError("the database did not open")
    return state["db"]


def _where() -> str:
    """How this Assessor runs: frozen (and where), or from Python."""
    if getattr(sys, "frozen", False):
        return f"frozen, {Path(sys.executable).resolve().parent}"
    return f"Python {sys.version.split()[0]}, {Path(__file__).resolve().parent}"
