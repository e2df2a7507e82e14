"""Measure the workbench on a large database (``bench/make_big_db.py``).

Figures: window open to first paint of the tree, time to show the next recommendation (p50 and
p95 of 300 steps, each including the repaint), search latency (query plus tree filtering, p50
and p95 over typical queries, FTS5 and the portable fallback), peak memory (max RSS).

The step is measured beside a **floor** in the same run: a bare PySide6 window of the same size
with the same widgets — a QTreeView on a QStandardItemModel holding the same factsheets'
chapters, sections and recommendations, and two QTextBrowser views — stepping through the same
300 rows (current index, scrolled to) and setting the same HTML the workbench's finding and
follow-up panes were given at each step. Their ratio at p50 and p95 is printed. The two are
run alternately in rounds, so that the machine's noise falls on both alike.

    .venv/bin/python bench/ui_bench.py [PATH]     (default: /tmp/assessor-big.sqlite)

Runs on the offscreen Qt platform unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import resource
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QSplitter, QTextBrowser, QTreeView

from assessor.db.engine import open_database
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


def main() -> None:
    """Run the measurements and print a Markdown table."""
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/assessor-big.sqlite")
    if not path.exists():
        sys.exit(f"No database at {path}: run bench/make_big_db.py first.")
    app = application()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)

    start = time.perf_counter()
    db = open_database(path)
    window = MainWindow(db, settings)
    painted = FirstPaint()
    window.workbench.tree.viewport().installEventFilter(painted)
    window.resize(1366, 768)
    window.show()
    while painted.at is None:
        app.processEvents()
    open_ms = (painted.at - start) * 1000
    model = window.workbench.model
    read_in = [
        f for f in model.factsheet_ids() if not model.canFetchMore(model.index_of_factsheet(f))
    ]

    wb = window.workbench
    first = wb.detail.id if wb.detail else None
    steps: list[float] = []
    shown: list[tuple[int, int, str, str]] = []  # (recommendation, factsheet, finding, follow-up)
    for _ in range(STEPS):
        t = time.perf_counter()
        wb.go(+1)
        app.processEvents()  # the repaint is part of what the user waits for
        steps.append(time.perf_counter() - t)
        if wb.detail is not None:
            shown.append(
                (
                    wb.detail.id,
                    wb.detail.factsheet_id,
                    wb.finding._html or "",
                    wb.follow_up._html or "",
                )
            )
    floor = Floor(db, shown)
    floor_steps = floor.run(app)
    # More rounds, alternating, so that a busy moment of the machine falls on both.
    for _ in range(ROUNDS - 1):
        if first is not None:
            wb.select_recommendation(first)
            app.processEvents()
        for _ in range(STEPS):
            t = time.perf_counter()
            wb.go(+1)
            app.processEvents()
            steps.append(time.perf_counter() - t)
        floor_steps += floor.run(app)
    floor.close()

    searches: list[float] = []
    fallback: list[float] = []
    for _ in range(5):
        for query in QUERIES:
            t = time.perf_counter()
            wb.filters.search.setText(query)
            wb.apply_filters(wb.filters.state())
            app.processEvents()
            searches.append(time.perf_counter() - t)
            with db.reading() as s:
                t = time.perf_counter()
                search_ids(s, query, use_fts=False)
                fallback.append(time.perf_counter() - t)
    wb.apply_filters(FilterState())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"Database: {path.name}, {len(wb.model.factsheet_ids())} factsheets, "
          f"{_count(db)} recommendations; factsheets read in at start: {len(read_in)}")  # fmt: skip
    rows = [
        ("Window open to first paint", f"{open_ms:.0f} ms", "< 2000 ms"),
        ("Next recommendation, p50 / p95", _p(steps), "p95 < 16 ms"),
        ("Floor: bare QTreeView + two QTextBrowser, p50 / p95", _p(floor_steps), "—"),
        ("Ratio to the floor, p50 / p95", _ratio(steps, floor_steps), "p95 < 1.5×"),
        ("Search + filter the tree (FTS5), p50 / p95", _p(searches), "< 50 ms"),
        ("Search query alone, LIKE fallback, p50 / p95", _p(fallback), "—"),
        ("Peak memory (max RSS)", f"{peak_mb:.0f} MB", "—"),
    ]
    print("| Measure | Result | Aim |")
    print("|---|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    window.close()
    db.close()
    QApplication.processEvents()


#: Steps per round, and rounds (each: the workbench's steps, then the floor's).
STEPS = 300
ROUNDS = 3


class Floor:
    """A bare window with the workbench's widgets, stepping as it did through the same rows."""

    def __init__(self, db: object, shown: list[tuple[int, int, str, str]]) -> None:
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

    def _add_factsheet(self, db: object, fid: int) -> None:
        root = QStandardItem(f"Factsheet {fid}")
        self.model.appendRow(root)
        parents: dict[str, QStandardItem] = {}
        for row in browsing.tree(db, fid):  # type: ignore[arg-type]
            text = f"{', '.join(row.codes)}  {row.title}" if row.codes else row.title
            item = QStandardItem(text)
            parents.get(row.parent_key or "", root).appendRow(item)
            parents[row.key] = item
            if row.kind == "recommendation":
                self.items[row.id] = item

    def run(self, app: QApplication) -> list[float]:
        """One pass over the rows; the time of each step, including the repaint."""
        first = self.items.get(self.shown[0][0]) if self.shown else None
        if first is not None:  # start where the workbench started
            self.tree.setCurrentIndex(first.index().parent())
            app.processEvents()
        out = []
        for rec_id, _sheet, finding, follow_up in self.shown:
            t = time.perf_counter()
            item = self.items.get(rec_id)
            index = item.index() if item is not None else QModelIndex()
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self.finding.setHtml(finding)
            self.follow_up.setHtml(follow_up)
            app.processEvents()
            out.append(time.perf_counter() - t)
        return out

    def close(self) -> None:
        """Close the bare window."""
        self.window.close()


def _ratio(values: list[float], floor: list[float]) -> str:
    return f"{pct(values, 50) / pct(floor, 50):.1f}× / {pct(values, 95) / pct(floor, 95):.1f}×"


def _p(values: list[float]) -> str:
    return f"{pct(values, 50):.1f} / {pct(values, 95):.1f} ms"


def _count(db) -> int:  # type: ignore[no-untyped-def]
    from assessor.services import browsing

    return sum(f.recommendations for f in browsing.factsheets(db))


if __name__ == "__main__":
    main()
