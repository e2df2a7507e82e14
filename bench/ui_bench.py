"""Measure the workbench on a large database (``bench/make_big_db.py``), beside a floor.

Figures: window open to first paint of the tree, time to show the next recommendation (p50 and
p95 of 300 steps a round, each including the repaint), search latency (query plus tree
filtering, p50 and p95 over typical queries; the store's full-text search: FTS5 on SQLite,
tsvector on PostgreSQL), the portable LIKE search alone, peak memory (max RSS).

The step is measured beside a **floor** in the same run: a bare PySide6 window of the same size
with the same widgets — a QTreeView on a QStandardItemModel holding the same factsheets'
chapters, sections and recommendations, and two QTextBrowser views — stepping through the same
rows (current index, scrolled to) and setting the same HTML the workbench's finding and
follow-up panes were given at each step. Their ratio at p50 and p95 is printed.

Several databases may be given (a SQLite file, a PostgreSQL URL): each gets its own window,
and the rounds go window after window, then the floor, so that the machine's noise falls on
all alike; the last column compares each database with the first (PostgreSQL's step and
search against SQLite's, measured in the same run).

    .venv/bin/python bench/ui_bench.py [DB ...] [--rounds N] [--steps N] [--plain-tabs]
        (default DB: /tmp/assessor-big.sqlite)

``--plain-tabs`` puts a plain QTabWidget back in the window, to see what ui/quiet_tabs.py saves.

Runs on the offscreen Qt platform unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QSplitter, QTextBrowser, QTreeView

from assessor.db.engine import Database, open_database
from assessor.domain.filters import FilterState
from assessor.search import search_ids
from assessor.services import browsing
from assessor.ui.app import application
from assessor.ui.main_window import MainWindow

QUERIES = ("criminal", "children online", "ministry justice", "protection victims", "zzzz")


class FirstPaint(QObject):
    """Notes the time of the first paint event of a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank), in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def peak_mb() -> float:
    """The process's peak memory so far (max RSS), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Measured:
    """One database's window and what was measured on it."""

    name: str
    db: Database
    window: MainWindow
    open_ms: float
    memory_open: float
    first: int | None = None
    steps: list[float] = field(default_factory=list)
    #: The same steps in CPU time of the main thread (steadier on a busy machine).
    cpu: list[float] = field(default_factory=list)
    searches: list[float] = field(default_factory=list)
    fallback: list[float] = field(default_factory=list)


def bench_settings() -> Any:
    """The window's settings in a folder of their own, kept as the app keeps them.

    The window records the recommendation shown at every step. The app's own store writes
    settings.json two seconds after the last change; a QSettings ini file (what the window
    used before) is written at the next turn of the event loop, about 0.6 ms a step.
    """
    folder = Path(tempfile.mkdtemp())
    try:
        from assessor.ui.window_settings import WindowSettings
    except ImportError:  # an older window, on QSettings
        return QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)
    return WindowSettings(folder / "settings.json")


def open_window(app: QApplication, target: str, settings: Any) -> Measured:
    """Open the real window on a database and wait for the tree's first paint."""
    start = time.perf_counter()
    db = open_database(target, backup=False)
    window = MainWindow(db, settings)
    painted = FirstPaint()
    window.workbench.tree.viewport().installEventFilter(painted)
    window.resize(1366, 768)
    window.show()
    while painted.at is None:
        app.processEvents()
    name = "PostgreSQL" if "://" in target and target.startswith("postgres") else "SQLite"
    detail = window.workbench.detail
    return Measured(name, db, window, (painted.at - start) * 1000, peak_mb(),
                    detail.id if detail else None)  # fmt: skip


def step_round(app: QApplication, m: Measured, steps: int, record: list | None = None) -> None:
    """``steps`` times Alt+Down from the first recommendation, each timed with its repaint."""
    wb = m.window.workbench
    if m.first is not None:
        wb.select_recommendation(m.first)
        app.processEvents()
    for _ in range(steps):
        t, c = time.perf_counter(), time.thread_time()
        wb.go(+1)
        app.processEvents()  # the repaint is part of what the user waits for
        m.steps.append(time.perf_counter() - t)
        m.cpu.append(time.thread_time() - c)
        if record is not None and wb.detail is not None:
            record.append((wb.detail.id, wb.detail.factsheet_id,
                           wb.finding._html or "", wb.follow_up._html or ""))  # fmt: skip


def search_round(app: QApplication, m: Measured) -> None:
    """Each typical query once: typed, the tree filtered and repainted; then the LIKE search."""
    wb = m.window.workbench
    for query in QUERIES:
        t = time.perf_counter()
        wb.filters.search.setText(query)
        wb.apply_filters(wb.filters.state())
        app.processEvents()
        m.searches.append(time.perf_counter() - t)
        with m.db.reading() as s:
            t = time.perf_counter()
            search_ids(s, query, use_fts=False)
            m.fallback.append(time.perf_counter() - t)
    wb.filters.search.setText("")
    wb.apply_filters(FilterState())
    app.processEvents()


def main() -> None:
    """Run the measurements and print a Markdown table."""
    parser = argparse.ArgumentParser(description="The workbench's figures beside a floor.")
    parser.add_argument("databases", nargs="*", default=["/tmp/assessor-big.sqlite"])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument(
        "--plain-tabs",
        action="store_true",
        help="a plain QTabWidget in the window (as before ui/quiet_tabs.py), to compare",
    )
    args = parser.parse_args()
    if args.plain_tabs:
        from PySide6.QtWidgets import QTabWidget

        from assessor.ui import quiet_tabs

        quiet_tabs.QuietTabWidget = QTabWidget  # type: ignore[misc, assignment]
    for target in args.databases:
        if "://" not in target and not Path(target).exists():
            parser.exit(1, f"No database at {target}: run bench/make_big_db.py first.\n")
    app = application()
    settings = bench_settings()
    memory_start = peak_mb()
    measured = [open_window(app, target, settings) for target in args.databases]

    shown: list[tuple[int, int, str, str]] = []  # (recommendation, factsheet, finding, follow-up)
    floor: Floor | None = None
    floor_steps: list[float] = []
    floor_cpu: list[float] = []
    for n in range(args.rounds):
        for m in measured:
            step_round(app, m, args.steps, shown if n == 0 and m is measured[0] else None)
        if floor is None:
            floor = Floor(measured[0].db, shown)
        wall, cpu = floor.run(app)
        floor_steps += wall
        floor_cpu += cpu
        for m in measured:
            search_round(app, m)
    if floor is not None:
        floor.close()
    memory_end = peak_mb()

    for m in measured:
        model = m.window.workbench.model
        print(f"{m.name}: {len(model.factsheet_ids())} factsheets, {_count(m.db)} "
              f"recommendations; window open {m.open_ms:.0f} ms")  # fmt: skip
    heads = [m.name for m in measured]
    rows: list[list[str]] = [
        ["Window open to first paint", *(f"{m.open_ms:.0f} ms" for m in measured), "< 2000 ms"],
        ["Next recommendation, p50 / p95", *(_p(m.steps) for m in measured), "p95 < 16 ms"],
        ["Floor: bare QTreeView + two QTextBrowser, p50 / p95",
         _p(floor_steps), *([""] * (len(measured) - 1)), "—"],
        ["Ratio to the floor, p50 / p95",
         *(_ratio(m.steps, floor_steps) for m in measured), "p95 < 1.5×"],
        ["Same steps, CPU time of the main thread, p50 / p95", *(_p(m.cpu) for m in measured),
         "—"],
        ["Floor, CPU time, p50 / p95", _p(floor_cpu), *([""] * (len(measured) - 1)), "—"],
        ["Ratio to the floor in CPU time, p50 / p95",
         *(_ratio(m.cpu, floor_cpu) for m in measured), "—"],
        ["Search + filter the tree, p50 / p95", *(_p(m.searches) for m in measured), "< 50 ms"],
        ["Search query alone, LIKE fallback, p50 / p95",
         *(_p(m.fallback) for m in measured), "—"],
    ]  # fmt: skip
    if len(measured) > 1:
        first = measured[0]
        heads.append(f"÷ {first.name}")
        for row, key in ((rows[1], "steps"), (rows[4], "cpu"), (rows[7], "searches")):
            row.insert(-1, " ; ".join(
                f"{m.name} {_ratio(getattr(m, key), getattr(first, key))}" for m in measured[1:]
            ))  # fmt: skip
        for row in rows:
            if len(row) < len(heads) + 2:
                row.insert(-1, "")
    rows.append(["Peak memory (max RSS, whole process)", f"{memory_end:.0f} MB",
                 *([""] * (len(heads) - 1)), "< 300 MB"])  # fmt: skip
    print(
        f"(Memory: {memory_start:.0f} MB with Qt loaded, "
        + ", ".join(f"{m.memory_open:.0f} MB after opening {m.name}" for m in measured)
        + f", {memory_end:.0f} MB at the end.)"
    )
    print("| Measure | " + " | ".join(heads) + " | Aim |")
    print("|---|" + "---:|" * (len(heads) + 1))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    for m in measured:
        m.window.close()
        m.db.close()
    QApplication.processEvents()


#: Steps per round, and rounds (each: every window's steps, then the floor's, then searches).
STEPS = 300
ROUNDS = 3


class Floor:
    """A bare window with the workbench's widgets, stepping as it did through the same rows."""

    def __init__(self, db: Database, shown: list[tuple[int, int, str, str]]) -> None:
        self.model = QStandardItemModel()
        self.items: dict[int, QStandardItem] = {}
        for fid in dict.fromkeys(sheet for _rec, sheet, _f, _u in shown):
            self._add_factsheet(db, fid)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.finding, self.follow_up = QTextBrowser(), QTextBrowser()
        reading = QSplitter(Qt.Orientation.Horizontal)
        reading.addWidget(self.finding)
        reading.addWidget(self.follow_up)
        self.window = QSplitter(Qt.Orientation.Horizontal)
        self.window.addWidget(self.tree)
        self.window.addWidget(reading)
        self.window.setSizes([470, 896])
        self.window.resize(1366, 768)
        self.window.show()
        self.shown = shown

    def _add_factsheet(self, db: Database, fid: int) -> None:
        root = QStandardItem(f"Factsheet {fid}")
        self.model.appendRow(root)
        parents: dict[str, QStandardItem] = {}
        for row in browsing.tree(db, fid):
            text = f"{', '.join(row.codes)}  {row.title}" if row.codes else row.title
            item = QStandardItem(text)
            parents.get(row.parent_key or "", root).appendRow(item)
            parents[row.key] = item
            if row.kind == "recommendation":
                self.items[row.id] = item

    def run(self, app: QApplication) -> tuple[list[float], list[float]]:
        """One pass over the rows; the time of each step, including the repaint (wall, CPU)."""
        first = self.items.get(self.shown[0][0]) if self.shown else None
        if first is not None:  # start where the workbench started
            self.tree.setCurrentIndex(first.index().parent())
            app.processEvents()
        out, cpu = [], []
        for rec_id, _sheet, finding, follow_up in self.shown:
            t, c = time.perf_counter(), time.thread_time()
            item = self.items.get(rec_id)
            index = item.index() if item is not None else QModelIndex()
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self.finding.setHtml(finding)
            self.follow_up.setHtml(follow_up)
            app.processEvents()
            out.append(time.perf_counter() - t)
            cpu.append(time.thread_time() - c)
        return out, cpu

    def close(self) -> None:
        """Close the bare window."""
        self.window.close()


def _ratio(values: list[float], floor: list[float]) -> str:
    return f"{pct(values, 50) / pct(floor, 50):.1f}× / {pct(values, 95) / pct(floor, 95):.1f}×"


def _p(values: list[float]) -> str:
    return f"{pct(values, 50):.1f} / {pct(values, 95):.1f} ms"


def _count(db: Database) -> int:
    return sum(f.recommendations for f in browsing.factsheets(db))


if __name__ == "__main__":
    main()
