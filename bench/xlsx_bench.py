"""Time the Excel files against openpyxl's own floors.

Run with ``.venv/bin/python bench/xlsx_bench.py [OUTPUT_FOLDER]``. It writes:

- the seed Party's questionnaire and assessment workbook (timed once each, end to end);
- a 10,000-row overview (codes × 4 Parties, ~70 % rated, coloured), against openpyxl's
  write-only mode appending the same values (plain, and with the same fills and fonts);
- a 10,000-row questionnaire, filled in, read by the importer, against openpyxl's read-only
  mode iterating the same sheet (values only); preview and apply are timed beside it.

Each figure is the median of several runs, the two sides run alternately (the machine is
shared, so single timings are noisy). The written files stay in the output folder, for
``bench/check_xlsx_libreoffice.sh``.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell

from assessor.db.engine import Database, open_database
from assessor.db.models import (
    Assessment,
    Chapter,
    Factsheet,
    MonitoringRound,
    Party,
    Recommendation,
    RecommendationCode,
    Section,
)
from assessor.db.presets import scale_from_preset
from assessor.domain.scales import PRESETS
from assessor.exporters.assessment_xlsx import export_assessment_xlsx
from assessor.exporters.overview_xlsx import build_overview_workbook
from assessor.exporters.questionnaire import QUESTIONNAIRE_SHEET, export_questionnaire
from assessor.exporters.xlsx_common import rating_fill, rating_font
from assessor.importers.questionnaire import read_questionnaire
from assessor.services.imports import import_file
from assessor.services.questionnaires import apply_questionnaire, preview_parsed

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "resources" / "examples"
ROWS = 10_000
PARTIES = ("Andorra", "Belgium", "Croatia", "Denmark")
ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI")
RUNS = 5


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def alternate(
    ours: Callable[[], Any], floor: Callable[[], Any], runs: int = RUNS
) -> tuple[float, float, float]:
    """Median of ours, median of the floor, median of the per-run ratios (after a warm-up)."""
    ours()
    floor()
    a, b, ratios = [], [], []
    for _ in range(runs):
        ta, _ = timed(ours)
        tb, _ = timed(floor)
        a.append(ta)
        b.append(tb)
        ratios.append(ta / tb)
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def synthetic(db: Database, rows: int = ROWS) -> None:
    """Four Parties, each a factsheet of ``rows`` recommendations with one code, mostly rated."""
    rng = random.Random(7)
    keys = [lv.key for lv in PRESETS["greco"][1]]
    with db.transaction() as s:
        rnd = MonitoringRound(title="Synthetic round", rating_scale=scale_from_preset(s))
        for name in PARTIES:
            sheet = Factsheet(party=Party(name=name), round=rnd, title=f"Factsheet {name}")
            sheet.chapters = [
                Chapter(number=r, title=f"Chapter {r}", position=i) for i, r in enumerate(ROMANS)
            ]
            for ch in sheet.chapters:
                ch.sections = [Section(kind="specific", title="Specific", position=0)]
            s.add(sheet)
            s.flush()
            per_chapter = rows // len(ROMANS) + 1
            for n in range(rows):
                chapter = ROMANS[n // per_chapter]
                rec = Recommendation(
                    factsheet_id=sheet.id,
                    section_id=sheet.chapters[n // per_chapter].sections[0].id,
                    chapter_number=chapter,
                    position=n,
                    section_position=n,
                    verb=("require", "request", "invite")[n % 3],
                    scope="specific",
                    text=f"The Committee requests {name} to take measure number {n} " * 3,
                    paragraphs=[],
                )
                rec.codes = [
                    RecommendationCode(
                        factsheet_id=sheet.id, code=f"{chapter}-{n % per_chapter + 1}", position=0
                    )
                ]
                if rng.random() < 0.7:
                    rec.assessment = Assessment(rating=rng.choice(keys), comment="", status="draft")
                s.add(rec)


def overview_floor(db: Database, styled: bool) -> Callable[[], None]:
    """openpyxl write-only appending the overview's values (optionally with its fills/fonts)."""
    values = [[c.value if hasattr(c, "value") else c for c in row] for row in _overview_rows(db)]
    colours = {lv.label: lv.color for lv in (lv for _, lvs in PRESETS.items() for lv in lvs[1])}

    def run() -> None:
        out = openpyxl.Workbook(write_only=True)
        ws = out.create_sheet("Overview")
        for row in values:
            if styled:
                cells: list[Any] = []
                for v in row:
                    if v in colours:
                        cell = WriteOnlyCell(ws, value=v)
                        cell.fill, cell.font = rating_fill(colours[v]), rating_font(colours[v])
                        cells.append(cell)
                    else:
                        cells.append(v)
                ws.append(cells)
            else:
                ws.append(row)
        with tempfile.TemporaryDirectory() as tmp:
            out.save(Path(tmp) / "floor.xlsx")

    return run


def _overview_rows(db: Database) -> list[list[Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "o.xlsx"
        wb, _, _ = build_overview_workbook(db)
        wb.save(path)
        book = openpyxl.load_workbook(path, read_only=True)
        rows = [list(r) for r in book["Overview"].iter_rows(values_only=True)]
        book.close()
    return rows


def questionnaire_floor(path: Path) -> Callable[[], None]:
    """openpyxl read-only iterating the questionnaire's rows (values only), and its metadata."""

    def run() -> None:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
        for _ in wb["_meta"].iter_rows(values_only=True):
            pass
        for _ in wb[QUESTIONNAIRE_SHEET].iter_rows(max_col=9, values_only=True):
            pass
        wb.close()

    return run


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="xlsx-bench-"))
    print(f"Output folder: {out}")

    seed = open_database(work / "seed.sqlite", backup=False)
    import_file(seed, EXAMPLES / "factsheet-albania-2nd-round.md")
    import_file(seed, EXAMPLES / "recommendations-albania.txt")
    t, n = timed(
        lambda: export_questionnaire(seed, out / "questionnaire-albania.xlsx", scope="all")
    )
    print(f"seed questionnaire (all scope): {n} rows, {t * 1000:.0f} ms")
    t, n = timed(lambda: export_assessment_xlsx(seed, out / "assessment-albania.xlsx"))
    print(f"seed assessment workbook: {n} rows, {t * 1000:.0f} ms")
    seed.close()

    db = open_database(work / "big.sqlite", backup=False)
    t, _ = timed(lambda: synthetic(db))
    print(f"synthetic database: {len(PARTIES)} × {ROWS:,} recommendations in {t:.1f} s")

    def ours_overview() -> None:
        wb, _, _ = build_overview_workbook(db)
        wb.save(out / "overview-10000.xlsx")

    plain = overview_floor(db, styled=False)
    styled = overview_floor(db, styled=True)
    a, b, r = alternate(ours_overview, plain)
    print(f"overview {ROWS:,} × {len(PARTIES)}: ours {a * 1000:.0f} ms, write-only plain "
          f"{b * 1000:.0f} ms, ratio {r:.2f}×")  # fmt: skip
    a2, b2, r2 = alternate(ours_overview, styled)
    print(f"overview {ROWS:,} × {len(PARTIES)}: ours {a2 * 1000:.0f} ms, write-only styled "
          f"{b2 * 1000:.0f} ms, ratio {r2:.2f}×")  # fmt: skip

    blank = out / "questionnaire-10000.xlsx"
    t, n = timed(lambda: export_questionnaire(db, blank, party=PARTIES[0], scope="all"))
    print(f"questionnaire export: {n:,} rows in {t:.2f} s")
    filled = work / "questionnaire-10000-filled.xlsx"
    wb = openpyxl.load_workbook(blank)
    ws = wb[QUESTIONNAIRE_SHEET]
    for row in range(2, n + 2):
        if row % 2:  # half the rows answered, half left empty
            ws.cell(row, 7, f"Answer for row {row}: measures were taken in 2025.")
    wb.save(filled)
    a3, b3, r3 = alternate(lambda: read_questionnaire(filled), questionnaire_floor(filled))
    print(f"questionnaire read {n:,} rows: ours {a3 * 1000:.0f} ms, read-only floor "
          f"{b3 * 1000:.0f} ms, ratio {r3:.2f}×")  # fmt: skip
    parsed = read_questionnaire(filled)
    tp, preview = timed(lambda: preview_parsed(db, parsed))
    ta, report = timed(lambda: apply_questionnaire(db, preview))
    print(f"preview {tp * 1000:.0f} ms ({preview.summary()}); apply {ta * 1000:.0f} ms "
          f"({report.applied:,} follow-ups, one transaction)")  # fmt: skip
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="xlsx-out-")))
