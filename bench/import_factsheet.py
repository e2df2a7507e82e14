"""Time the import of the seed factsheet: parsing and writing separately, and a re-import;
then the same factsheet as PDF, Word, Markdown and text, end to end, against the bare library.

Run with ``make bench`` or ``.venv/bin/python bench/import_factsheet.py [FILE]``. Figures are
medians of several runs on a fresh database each; the "floor" is the bare sqlite3 module
inserting the same number of rows in one transaction, for a ratio that does not depend on the
machine.

The second table times each generated factsheet (``tests/data/factsheets/``: the A4 and Letter
prints of the Word file, the reportlab PDF, the Word file; the Markdown seed and pdftotext's
output beside them) end to end — ``prepare_import`` then ``write_import`` into a fresh SQLite
database, made before the clock starts — and, in the same run, interleaved, the bare library
doing the same extraction: pypdfium2 (``PdfDocument(data)``, then
``page.get_textpage().get_text_range()`` for every page) or python-docx
(``Document(BytesIO(data))``, every paragraph's text); for Markdown and text, reading the bytes
and decoding them. Best of 5; the ratio is end to end over bare. The read / parse / write
columns split the end-to-end time (best of each).
"""

from __future__ import annotations

import io
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import docx
import pypdfium2 as pdfium
import sqlalchemy as sa

from assessor.db.engine import open_database
from assessor.importers.factsheet import parse_document, parse_factsheet
from assessor.importers.readers import file_format, read_document
from assessor.services.imports import prepare_import, write_factsheet, write_import

SEED = (
    Path(__file__).resolve().parents[1]
    / "resources"
    / "examples"
    / "factsheet-albania-2nd-round.md"
)
RUNS = 7
DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "factsheets"
FORMATS = (
    DATA / "albania-a4.pdf",
    DATA / "albania-letter.pdf",
    DATA / "albania-reportlab.pdf",
    DATA / "albania.docx",
    SEED,
    DATA / "albania-a4.txt",
)
FORMAT_RUNS = 5


TABLES = ("chapter", "section", "note", "observation", "promising_practice", "recommendation",
          "recommendation_code", "follow_up")  # fmt: skip


def floor_insert(rows: int, folder: Path) -> float:
    """Bare sqlite3: insert ``rows`` text rows in one transaction, WAL and synchronous=FULL."""
    con = sqlite3.connect(folder / "floor.sqlite")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)")
    start = time.perf_counter()
    with con:
        con.executemany(
            "INSERT INTO t (a, b) VALUES (?, ?)", (("x" * 400, "y") for _ in range(rows))
        )
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    text = path.read_text(encoding="utf-8")
    parse_times, write_times, reimport_times, floors = [], [], [], []
    rows = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        parsed = parse_factsheet(text)
        t_parse = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(Path(tmp) / "bench.sqlite", backup=False)
            start = time.perf_counter()
            with db.transaction() as s:
                write_factsheet(s, parsed, path.name)
            t_write = time.perf_counter() - start
            start = time.perf_counter()
            with db.transaction() as s:
                write_factsheet(s, parsed, path.name)
            t_reimport = time.perf_counter() - start
            with db.reading() as s:
                rows = sum(
                    s.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES
                )
            db.close()
            floors.append(floor_insert(rows, Path(tmp)))
        parse_times.append(t_parse)
        write_times.append(t_write)
        reimport_times.append(t_reimport)
    med = statistics.median
    print(
        f"file: {path.name} ({len(text):,} characters), {rows} rows written, {RUNS} runs, medians"
    )
    print(f"parse:     {med(parse_times) * 1000:7.1f} ms")
    print(f"write:     {med(write_times) * 1000:7.1f} ms  (bare sqlite3, same row count: "
          f"{med(floors) * 1000:.1f} ms; ratio {med(write_times) / med(floors):.1f}x)")  # fmt: skip
    print(f"re-import: {med(reimport_times) * 1000:7.1f} ms  (matching by code, keeping history)")


def bare_extraction(data: bytes) -> int:
    """What the bare library does to get the same text out: characters extracted."""
    kind = file_format(data)
    if kind == "pdf":
        pdf = pdfium.PdfDocument(data)
        chars = sum(len(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf)))
        pdf.close()
        return chars
    if kind == "docx":
        return sum(len(p.text) for p in docx.Document(io.BytesIO(data)).paragraphs)
    return len(data.decode("utf-8"))


def pages(data: bytes) -> str:
    """The page count of a PDF, else the size."""
    if file_format(data) == "pdf":
        return str(len(pdfium.PdfDocument(data)))
    return "—"


def end_to_end(path: Path, folder: Path, n: int) -> float:
    """``prepare_import`` + ``write_import`` into a fresh database (made before timing)."""
    db = open_database(folder / f"e2e-{path.name}-{n}.sqlite", backup=False)
    try:
        start = time.perf_counter()
        write_import(db, prepare_import(path))
        return time.perf_counter() - start
    finally:
        db.close()


def split(path: Path, folder: Path, n: int) -> tuple[float, float, float]:
    """The end-to-end time in its parts: read (document model), parse (structure), write."""
    data = path.read_bytes()
    start = time.perf_counter()
    document = read_document(data, path.name)
    t_read = time.perf_counter() - start
    start = time.perf_counter()
    parsed = parse_document(document, None)
    t_parse = time.perf_counter() - start
    db = open_database(folder / f"split-{path.name}-{n}.sqlite", backup=False)
    try:
        start = time.perf_counter()
        with db.transaction() as s:
            write_factsheet(s, parsed, path.name)
        t_write = time.perf_counter() - start
    finally:
        db.close()
    return t_read, t_parse, t_write


def formats() -> None:
    """One line per format: end to end, bare extraction, ratio, and the split."""
    print()
    print(f"each format end to end vs the bare library's extraction, best of {FORMAT_RUNS}")
    print()
    print("| file | pages | end to end | bare extraction | ratio | read | parse | write |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in FORMATS:
            data = path.read_bytes()
            e2e = bare = float("inf")
            parts = [float("inf")] * 3
            for n in range(FORMAT_RUNS):  # interleaved: all see the same machine load
                start = time.perf_counter()
                bare_extraction(data)
                bare = min(bare, time.perf_counter() - start)
                e2e = min(e2e, end_to_end(path, folder, n))
                parts = [min(a, b) for a, b in zip(parts, split(path, folder, n), strict=True)]
            t_read, t_parse, t_write = (f"{t * 1000:.0f} ms" for t in parts)
            # Decoding text is no extraction to compare with: no ratio for Markdown and text.
            ratio = f"{e2e / bare:.1f}×" if file_format(data) != "text" else "—"
            print(
                f"| {path.name} | {pages(data)} | {e2e * 1000:.0f} ms | {bare * 1000:.1f} ms "
                f"| {ratio} | {t_read} | {t_parse} | {t_write} |"
            )


if __name__ == "__main__":
    main()
    formats()
