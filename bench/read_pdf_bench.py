"""Time read_pdf against pypdfium2's bare text extraction of the same PDFs (best of 5).

Run ``python bench/read_pdf_bench.py [PDF ...]``; without arguments it times the generated
factsheets in ``tests/data/factsheets``. The ratio is read_pdf's time over the bare text's.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessor.importers.read_pdf import read_pdf  # noqa: E402

DATA = ROOT / "tests" / "data" / "factsheets"


def bare_text(data: bytes) -> int:
    """pypdfium2's plain text of every page: the floor read_pdf is measured against."""
    pdf = pdfium.PdfDocument(data)
    chars = 0
    for i in range(len(pdf)):
        chars += len(pdf[i].get_textpage().get_text_range())
    pdf.close()
    return chars


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The best wall time of ``runs`` calls, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    """Print one line per PDF: pages, bare text time, read_pdf time, ratio."""
    paths = [Path(a) for a in argv] or sorted(DATA.glob("*.pdf"))
    if not paths:
        print(f"no PDFs given and none in {DATA}")
        return 1
    print(f"{'file':28} {'pages':>5} {'bare ms':>8} {'read_pdf ms':>11} {'ratio':>6}")
    for path in paths:
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        bare = full = float("inf")
        for _ in range(5):  # interleaved, so that both see the same machine load
            bare = min(bare, best_of(1, partial(bare_text, data)))
            full = min(full, best_of(1, partial(read_pdf, data, path.name)))
        print(f"{path.name:28} {pages:5} {bare * 1000:8.1f} {full * 1000:11.1f} {full / bare:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
