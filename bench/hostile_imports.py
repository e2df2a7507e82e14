"""Time every hostile factsheet (``tests/hostile_factsheets.py``): parsing alone and the command.

Run with ``.venv/bin/python bench/hostile_imports.py [--runs N]``. For each case: ``parse`` is
``prepare_import`` (read, recognise, parse; nothing written), to the result or the refusal;
``command`` is ``assessor import FILE`` in-process into a fresh database (a refusal creates
none). Best of N runs (3 by default). Each case has a bound — 20 s for the 20 MB files, 2 s
otherwise — on both figures; the script prints a table and exits 1 when any bound is exceeded.
Not part of the test suite: tests assert behaviour, never wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessor.cli import main as cli
from assessor.importers.common import ImportRejected
from assessor.services.imports import prepare_import
from tests.hostile_factsheets import SEED, Case, write_corpus


def quiet(argv: list[str]) -> int:
    """Run the command with its output swallowed; its exit status."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cli(argv)


def time_parse(case: Case, runs: int) -> tuple[float, str]:
    """Best time of ``prepare_import`` on the case, and what it gave."""
    best, outcome = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            prepare_import(case.path)
            outcome = "parsed"
        except ImportRejected:
            outcome = "refused"
        best = min(best, time.perf_counter() - start)
    return best, outcome


def time_command(case: Case, folder: Path, runs: int) -> tuple[float, int]:
    """Best time of ``assessor import`` into a fresh database, and its exit status."""
    best, status = float("inf"), -1
    for n in range(runs):
        db = folder / f"{case.path.stem}-{n}.sqlite"
        start = time.perf_counter()
        status = quiet(["--db", str(db), "import", str(case.path)])
        best = min(best, time.perf_counter() - start)
    return best, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template, blank = folder / "template.sqlite", folder / "blank.xlsx"
        assert quiet(["--db", str(template), "import", str(SEED)]) == 0
        assert quiet(["--db", str(template), "export", "questionnaire", "-o", str(blank)]) == 0
        start = time.perf_counter()
        cases = write_corpus(folder / "cases", blank)
        print(f"corpus: {len(cases)} cases written in {time.perf_counter() - start:.1f} s")
        print(f"best of {args.runs} runs; command = `assessor import FILE` into a fresh database")
        print()
        print("| case | size | parse | command | exit | bound |")
        print("|---|---:|---:|---:|---:|---:|")
        over = []
        dbs = folder / "dbs"
        dbs.mkdir()
        for case in cases:
            t_parse, _outcome = time_parse(case, args.runs)
            t_cli, status = time_command(case, dbs, args.runs)
            size = case.path.stat().st_size
            flag = ""
            if max(t_parse, t_cli) > case.bound_s:
                over.append(case.name)
                flag = " **over**"
            print(
                f"| {case.name} | {_size(size)} | {_ms(t_parse)} | {_ms(t_cli)} | {status} "
                f"| {case.bound_s:.0f} s{flag} |"
            )
    print()
    if over:
        print(f"{len(over)} over their bound: {'; '.join(over)}")
        return 1
    print("every case within its bound")
    return 0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{n / 1024:.0f} kB" if n >= 1024 else f"{n} B"


if __name__ == "__main__":
    sys.exit(main())
