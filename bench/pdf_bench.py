"""Time the PDF summary of the seed Party against reportlab building the same content bare.

Run with ``.venv/bin/python bench/pdf_bench.py``. The "floor" is reportlab itself: the same
paragraphs (same text, same styles, same fonts) and tables, built into a plain
SimpleDocTemplate in one pass, with no cover decoration, contents, footer, charts, bookmarks or
keep-together logic. Its ratio to the real summary does not depend on the machine. Figures are
medians of several runs after a warm-up (fonts registered, modules imported).
"""

from __future__ import annotations

import io
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
)

from assessor.db.engine import open_database
from assessor.exporters.pdf_blocks import Options
from assessor.exporters.pdf_data import choose_factsheet, load_summary
from assessor.exporters.pdf_styles import PAGE_SIZE
from assessor.exporters.pdf_summary import build_story, render_pdf_summary, write_pdf_summary
from assessor.services import assessments
from assessor.services.imports import import_file

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
RUNS = 15
RATINGS = {"II-6": "implemented", "II-8": "partly", "II-9": "not_implemented", "III-3": "partly"}

Spec = tuple[Any, ...]
_LINK = re.compile(r"</?a\b[^>]*>")


def paired_times(a: Callable[[], object], b: Callable[[], object]) -> tuple[float, float, float]:
    """Median times of ``a`` and ``b`` and the median of their per-run ratio.

    The two are run alternately, after a warm-up, so that load from other processes falls on
    both alike; the ratio of each pair is steadier than the ratio of two medians.
    """
    a()
    b()
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(RUNS):
        for fn, times in ((a, ta), (b, tb)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    ratios = [x / y for x, y in zip(ta, tb, strict=True)]
    return statistics.median(ta), statistics.median(tb), statistics.median(ratios)


def spec_of(flowable: Flowable) -> list[Spec]:
    """The bare content of a flowable: paragraphs as (text, style), tables as cell specs."""
    if isinstance(flowable, KeepTogether):
        return [s for f in flowable._content for s in spec_of(f)]
    if isinstance(flowable, Paragraph):
        # Internal links need destinations the bare build does not define.
        return [("p", _LINK.sub("", flowable.text), flowable.style)]
    if isinstance(flowable, Table):
        rows = [
            [spec_of(c)[0] if isinstance(c, Flowable) and spec_of(c) else ("v", c) for c in row]
            for row in flowable._cellvalues
        ]
        return [("t", rows, flowable._colWidths)]
    if isinstance(flowable, PageBreak | CondPageBreak):
        return [("b",)]
    return []  # charts, rules, spacers, page-number forms: the summary's own additions


def bare(spec: Spec) -> Flowable | str:
    """A plain reportlab flowable from a spec."""
    kind = spec[0]
    if kind == "p":
        return Paragraph(spec[1], spec[2])
    if kind == "t":
        return Table([[bare(c) for c in row] for row in spec[1]], colWidths=spec[2])
    if kind == "v":
        return str(spec[1])
    return PageBreak()


def floor_build(specs: list[Spec]) -> bytes:
    """reportlab building the same paragraphs and tables, one pass, nothing else."""
    story: list[Flowable] = [f for f in (bare(s) for s in specs) if isinstance(f, Flowable)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=PAGE_SIZE).build(story)
    return out.getvalue()


def main() -> int:
    """Build the seed database, time summary and floor, print a Markdown table."""
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        import_file(db, EXAMPLES / "factsheet-albania-2nd-round.md")
        import_file(db, EXAMPLES / "recommendations-albania.txt")
        for code, rating in RATINGS.items():
            assessments.rate_by_code(db, code, rating, comment=f"Comment on {code}.")
        with db.reading() as s:
            data = load_summary(s, choose_factsheet(s))
            data_all = load_summary(s, data.factsheet_id, "all")
        options = Options(assessor_name="Bench", on=date(2025, 1, 1))
        full = Options(full_follow_ups=True, assessor_name="Bench", on=date(2025, 1, 1))
        rows = []
        for name, d, o in (
            ("compliance scope", data, options),
            ("all recommendations", data_all, options),
            ("all, full follow-ups", data_all, full),
        ):
            specs = [s for f in build_story(d, o, o.on or date.today()) for s in spec_of(f)]
            ours, floor, ratio = paired_times(
                lambda d=d, o=o: render_pdf_summary(d, o),  # type: ignore[misc]
                lambda specs=specs: floor_build(specs),  # type: ignore[misc]
            )
            pages = render_pdf_summary(d, o).count(b"/Type /Page\n")
            rows.append((name, len(d.in_scope), pages, ours, floor, ratio))
        target = Path(folder) / "out.pdf"
        end_to_end, _, _ = paired_times(lambda: write_pdf_summary(db, target), lambda: None)
        db.close()

    print("| Summary | Recommendations | Pages | Assessor | reportlab bare | Ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, recs, pages, ours, floor, ratio in rows:
        print(
            f"| {name} | {recs} | {pages} | {ours * 1000:.0f} ms | {floor * 1000:.0f} ms "
            f"| {ratio:.2f}× |"
        )
    print(
        f"\nEnd to end (`write_pdf_summary`, compliance scope, with the database read and "
        f"the atomic write): {end_to_end * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
