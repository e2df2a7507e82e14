"""Start-up of the frozen package against ``python -m assessor`` (figures: docs/performance.md).

Measures, for each way of starting: ``--version`` (process start to exit), ``--self-check``,
and, when a display is set (e.g. Xvfb), process start to the main window being mapped, found
by polling ``xdotool``. Run after ``make package``:

    Xvfb :117 -screen 0 1366x768x24 -noreset &
    DISPLAY=:117 .venv/bin/python bench/startup_package.py

(``-noreset``: otherwise Xvfb resets when its last client leaves, and the next start fails.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "dist" / "Assessor" / "Assessor"
PYTHON = [sys.executable, "-m", "assessor"]
WINDOW_TITLE = "^Assessor"


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds from start to exit of one run (which must succeed)."""
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - started


def window_seconds(command: list[str], env: dict[str, str], db: Path, timeout: float) -> float:
    """Seconds from start until a visible window titled Assessor is mapped on $DISPLAY."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*command, "--db", str(db)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            while time.perf_counter() - started < timeout:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", WINDOW_TITLE],
                    capture_output=True,
                    env=env,
                )
                if found.returncode == 0 and found.stdout.strip():
                    return time.perf_counter() - started
                if proc.poll() is not None:
                    errors.seek(0)
                    said = errors.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{command[0]} exited with {proc.returncode}: {said}")
                time.sleep(0.01)
            raise TimeoutError(f"no window within {timeout} s")
        finally:
            proc.terminate()  # only the process this function started
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def median_of(runs: int, measure: object) -> tuple[float, float]:
    """The first (cold-ish) run and the median of the following ``runs``, in seconds."""
    assert callable(measure)
    first = measure()
    return first, statistics.median(measure() for _ in range(runs))


def main() -> int:
    """Print a Markdown table of the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure after the first")
    args = parser.parse_args()
    if not FROZEN.exists():
        print(f"{FROZEN} is missing: run `make package` first.", file=sys.stderr)
        return 1
    size, files = folder_size(FROZEN.parent)
    print(f"Folder {FROZEN.parent.relative_to(ROOT)}: {size / 1e6:.0f} MB in {files} files")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ASSESSOR_SETTINGS": str(Path(tmp) / "settings.json")}
        env.pop("QT_QPA_PLATFORM", None)
        ways = {"frozen": [str(FROZEN)], "python -m assessor": PYTHON}
        rows: list[tuple[str, str, float, float]] = []
        for name, command in ways.items():
            for label, extra in (("--version", ["--version"]), ("--self-check", ["--self-check"])):
                first, med = median_of(args.runs, lambda c=command, e=extra: timed(c + e, env))
                rows.append((label, name, first, med))
        if env.get("DISPLAY") and shutil.which("xdotool"):
            for name, command in ways.items():
                db = Path(tmp) / f"{name.split()[0]}.sqlite"
                # The first start creates and migrates the database; the others open it.
                first, med = median_of(
                    args.runs, lambda c=command, d=db: window_seconds(c, env, d, timeout=60)
                )
                rows.append(("window mapped", name, first, med))
        else:
            print("(no DISPLAY or no xdotool: window start-up not measured)")
    print("\n| What | Started as | First run | Median of the next runs |")
    print("|------|------------|-----------|-------------------------|")
    for label, name, first, med in rows:
        print(f"| {label} | {name} | {first:.2f} s | {med:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
