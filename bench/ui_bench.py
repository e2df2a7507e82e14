"""Measure the workbench on a large database (``bench/make_big_db.py``).

Figures: window open to first paint of the tree, time to show the next recommendation (p50 and
p95 of 300 steps, each including the repaint), search latency (query plus tree filtering, p50
and p95 over typical queries, FTS5 and the portable fallback), peak memory (max RSS).

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

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from assessor.db.engine import open_database
from assessor.domain.filters import FilterState
from assessor.search import search_ids
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
    steps: list[float] = []
    for _ in range(300):
        t = time.perf_counter()
        wb.go(+1)
        app.processEvents()  # the repaint is part of what the user waits for
        steps.append(time.perf_counter() - t)

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


def _p(values: list[float]) -> str:
    return f"{pct(values, 50):.1f} / {pct(values, 95):.1f} ms"


def _count(db) -> int:  # type: ignore[no-untyped-def]
    from assessor.services import browsing

    return sum(f.recommendations for f in browsing.factsheets(db))


if __name__ == "__main__":
    main()
