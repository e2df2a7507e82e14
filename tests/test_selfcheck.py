"""``assessor --self-check`` from Python (the frozen build runs the same check in .ci/run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessor import selfcheck
from assessor.selfcheck import ENV_NO_WINDOW, Skipped, run_self_check

STEPS = ("database", "examples", "xlsx", "questionnaire", "pdf", "window")


def test_self_check_command_passes(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ASSESSOR_DB": str(tmp_path / "no.db")}
    env.pop(ENV_NO_WINDOW, None)
    run = subprocess.run(
        [sys.executable, "-m", "assessor", "--self-check"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    for step in STEPS:
        assert any(line.split()[:2] == ["ok", step] for line in lines), (step, run.stdout)
    assert "Self-check passed: 6 of 6 steps ok." in run.stdout
    # It works on a temporary database, never the user's (or ASSESSOR_DB's) one.
    assert not (tmp_path / "no.db").exists()


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """In-process runs skip the window (the test process has its own QApplication) and keep
    the variables the check sets from leaking into other tests."""
    monkeypatch.setenv(ENV_NO_WINDOW, "1")
    monkeypatch.setenv("ASSESSOR_SETTINGS", str(tmp_path / "settings.json"))
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))


def test_in_process_passes_with_window_skipped(
    headless: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_self_check() == 0
    out = capsys.readouterr().out
    assert "skip window" in " ".join(out.split())
    assert "5 of 6 steps ok, 1 skipped" in out


def test_a_failing_step_fails_the_check(
    headless: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selfcheck, "example_files", lambda: [])
    assert run_self_check() == 1
    out = capsys.readouterr().out
    assert "FAIL examples" in " ".join(out.split())
    assert "Self-check FAILED" in out


def test_missing_exporter_is_skipped_but_missing_library_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with pytest.raises(Skipped):
        selfcheck._optional("assessor.exporters.not_written_yet", "export")
    # An exporter that is there but needs a library the build left out is a broken build.
    (tmp_path / "probe_exporter.py").write_text("import no_such_library_for_assessor\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError, match="no_such_library_for_assessor"):
        selfcheck._optional("probe_exporter", "export")


def test_example_files_put_the_factsheet_first() -> None:
    names = [p.name for p in selfcheck.example_files()]
    assert names[0].startswith("factsheet")
    assert "recommendations-albania.txt" in names


def test_pdf_check_refuses_a_truncated_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj\n")
    with pytest.raises(ValueError, match="not a complete PDF"):
        selfcheck._check_pdf(bad)
