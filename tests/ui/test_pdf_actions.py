"""File → Print summary… and Export PDF summary… on the real window: options, remembered, cancel."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from assessor.services import assessments
from assessor.ui import dialogs, print_preview
from assessor.ui.dialogs import PdfOptions
from assessor.ui.main_window import MainWindow

WORDS = [f"w{i:05d}" for i in range(3000)]  # far beyond the trimmed length of a follow-up


def _text(pdf: bytes | Path) -> str:
    """The PDF's text, whitespace-normalised (as tests/test_pdf_summary.py reads it)."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _trigger(win: MainWindow, name: str) -> None:
    action = win.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def _long_follow_up(win: MainWindow) -> None:
    with win.db.reading() as s:
        rec_id = assessments.find_by_code(s, "II-6").id
    assessments.edit_follow_up(win.db, rec_id, " ".join(WORDS), source="test")


def test_export_with_all_and_full_follow_ups_is_remembered(
    qtbot, window: MainWindow, settings: QSettings, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _long_follow_up(window)
    asked: list[tuple[str, str, PdfOptions]] = []

    def options(_parent: object, title: str, party: str, last: PdfOptions) -> PdfOptions:
        asked.append((title, party, last))
        return PdfOptions("all", only_rated=False, full_follow_ups=True)

    monkeypatch.setattr(dialogs, "ask_pdf_options", options)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "summary"))
    _trigger(window, "export_pdf")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    target = tmp_path / "summary.pdf"  # the suffix is added when the name lacks it
    assert target.is_file() and str(target) in window.statusBar().currentMessage()
    text = _text(target)
    assert "II-1, II-3 INVITE" in text  # scope "all": the invitations are printed
    assert WORDS[-1] in text and "trimmed:" not in text  # the long follow-up in full
    assert asked[0][1].startswith("Albania") and asked[0][2] == PdfOptions(lang="en")  # first time

    # The next summary starts from these choices, even after a restart (same settings file).
    settings.sync()
    printed: list[bytes] = []
    monkeypatch.setattr(print_preview, "preview_pdf", lambda pdf, *a: printed.append(pdf))
    _trigger(window, "print_summary")
    qtbot.waitUntil(lambda: bool(printed), timeout=30000)
    # The language is not remembered: it starts at the Party's (its factsheet is English).
    assert asked[1][2] == PdfOptions("all", only_rated=False, full_follow_ups=True, lang="en")
    assert "II-1, II-3 INVITE" in _text(printed[0]) and WORDS[-1] in _text(printed[0])
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert reread.value("pdf/scope") == "all"


def test_print_uses_the_options_too(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _long_follow_up(window)
    printed: list[bytes] = []
    monkeypatch.setattr(print_preview, "preview_pdf", lambda pdf, *a: printed.append(pdf))
    monkeypatch.setattr(
        dialogs, "ask_pdf_options", lambda *a: PdfOptions("compliance", only_rated=True)
    )
    with window.db.reading() as s:
        rec_id = assessments.find_by_code(s, "III-30").id
    assessments.rate(window.db, rec_id, "partly")
    _trigger(window, "print_summary")
    qtbot.waitUntil(lambda: bool(printed), timeout=30000)
    text = _text(printed[0])
    assert "III-30 REQUIRE" in text
    assert "II-6 REQUEST" not in text and "INVITE" not in text  # only the rated one


def test_cancel_writes_and_shows_nothing(
    qtbot, window: MainWindow, settings: QSettings, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    before = sorted(tmp_path.iterdir())
    asked_where: list[object] = []
    previews: list[object] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: asked_where.append(a) or None)
    monkeypatch.setattr(print_preview, "preview_pdf", lambda *a: previews.append(a))
    # The no_real_dialogs fixture's ask_pdf_options answers None: the user cancels.
    _trigger(window, "export_pdf")
    _trigger(window, "print_summary")
    assert not window.runner.busy  # nothing was started
    qtbot.wait(50)
    assert asked_where == [] and previews == []
    assert sorted(tmp_path.iterdir()) == before
    assert settings.value("pdf/scope") is None  # a cancelled dialog is not remembered
