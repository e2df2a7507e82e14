"""The review shown before a factsheet is imported from the window: Import writes, Cancel not."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.db.engine import Database, open_database
from assessor.services import browsing
from assessor.services.imports import PreparedImport, prepare_import
from assessor.ui import dialogs, import_actions, import_review_dialog
from assessor.ui.import_review_dialog import (
    FOLLOW_UP,
    SCOPE,
    VERB,
    ImportReviewDialog,
    ask_import_review,
)
from assessor.ui.main_window import MainWindow
from tests.ui.conftest import FACTSHEET

ICELAND = (
    "## COMPLIANCE PROCEDURE – ICELAND\n\n## I. Introduction\n\nIntro.\n\n"
    "## II. Legal framework\n\n#### Follow-up actions:\n\nA box that answers nothing.\n\n"
    "### Observations and recommendations specific to Iceland\n\n"
    "- The Committee **requests** Iceland to act.<sup>1</sup>\n\n"
    "<sup>1</sup> Recommendation II-1.\n"
)


@pytest.fixture
def empty_window(qtbot, tmp_path: Path, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window over a new, empty database."""
    db = open_database(tmp_path / "empty.sqlite")
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.runner.wait()
    win.close()
    db.close()


def _parties(db: Database) -> list[str]:
    return [s.party for s in browsing.factsheets(db)]


def _wait(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=20000)


def _record_reviews(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[tuple[str, str]]:
    """Answer the review as the user would; remember which file was reviewed and the note."""
    seen: list[tuple[str, str]] = []

    def review(_parent: object, prepared: PreparedImport, reimport: str = "") -> bool:
        dialog = ImportReviewDialog(prepared, reimport)  # built for real: it must not fail
        assert dialog.chapter_rows()
        dialog.deleteLater()
        seen.append((prepared.source, reimport))
        return answer

    monkeypatch.setattr(import_review_dialog, "ask_import_review", review)
    return seen


def test_review_of_the_example_shows_chapters_and_ii_6(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportReviewDialog(prepare_import(FACTSHEET))
    qtbot.addWidget(dialog)
    chapters = dialog.chapter_rows()
    assert len(chapters) == 11
    assert chapters[0] == "I. Introduction" and chapters[1] == "II. Legal framework"
    row = dialog.find_row("II-6")
    assert row is not None
    assert row.text(VERB) == "request" and row.text(SCOPE) == "specific"
    assert row.text(FOLLOW_UP).startswith("These issues addressed by the Committee")
    # The cell shows the start of the follow-up, the tooltip the whole of it.
    full = row.toolTip(FOLLOW_UP)
    assert full.startswith("These issues addressed") and len(full) > len(row.text(FOLLOW_UP))
    assert row.parent() is not None and row.parent().parent() is dialog.tree.topLevelItem(1)
    practices = dialog.rows_of("practice")
    assert len(practices) == 4 and all(p.text(FOLLOW_UP) for p in practices)
    assert dialog.placed_fully and "100.0 % of the text placed" in dialog.placement_label.text()
    assert dialog.placement_label.styleSheet() == ""
    assert dialog.tabs.tabText(1) == "Not placed (0)"
    assert "Albania" in dialog.file_label.text() and "Markdown, English" in dialog.file_label.text()
    assert dialog.import_button.isDefault()
    assert not dialog.reimport_label.isVisibleTo(dialog)


def test_review_fits_a_small_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportReviewDialog(prepare_import(FACTSHEET))
    qtbot.addWidget(dialog)
    assert dialog.width() <= 1024 and dialog.height() <= 600
    assert dialog.minimumWidth() <= 1024 and dialog.minimumHeight() <= 600
    assert dialog.minimumSizeHint().height() <= 600


def test_unplaced_paragraph_is_listed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "iceland.md"
    path.write_text(ICELAND, encoding="utf-8")
    dialog = ImportReviewDialog(prepare_import(path))
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(1) == "Not placed (1)"
    rows = dialog.unplaced_rows()
    assert len(rows) == 1 and "A box that answers nothing." in rows[0]
    assert rows[0].startswith("line ")  # where it stood
    assert "A box that answers nothing." in dialog.unplaced_text.toPlainText()
    assert not dialog.placed_fully and dialog.placement_label.styleSheet()
    assert "1 paragraph not placed" in dialog.placement_label.text()
    assert dialog.tabs.tabText(2) == "Warnings (1)"
    assert "follows no recommendation" in dialog.warnings.item(0).text()


def test_accepting_the_review_imports(qtbot, empty_window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = empty_window
    seen = _record_reviews(monkeypatch, True)
    import_actions.import_files(win, [FACTSHEET])
    _wait(qtbot, win)
    assert seen == [(FACTSHEET.name, "")]
    assert _parties(win.db) == ["Albania"]
    sheet = browsing.factsheets(win.db)[0]
    assert (sheet.recommendations, sheet.require, sheet.request) == (81, 12, 10)
    rows = {r.codes: r for r in browsing.tree(win.db, sheet.id) if r.kind == "recommendation"}
    assert rows[("II-6",)].verb == "request" and rows[("II-6",)].has_follow_up
    assert win.shown_party() == "Albania"  # the window shows what was imported


def test_cancelling_the_review_imports_nothing(
    qtbot, empty_window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    win = empty_window
    seen = _record_reviews(monkeypatch, False)
    win.import_files([FACTSHEET])
    _wait(qtbot, win)
    assert [s for s, _ in seen] == [FACTSHEET.name]
    assert _parties(win.db) == []


def test_reimport_says_so(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = _record_reviews(monkeypatch, False)
    window.import_files([FACTSHEET])
    _wait(qtbot, window)
    assert len(seen) == 1
    assert "re-import of the existing factsheet of Albania" in seen[0][1]


def test_refused_file_shows_one_sentence(
    qtbot, empty_window: MainWindow, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message: errors.append(message))
    seen = _record_reviews(monkeypatch, True)
    empty_window.import_files([bad])
    _wait(qtbot, empty_window)
    assert seen == [] and _parties(empty_window.db) == []
    assert len(errors) == 1 and "Traceback" not in errors[0] and "notes.pdf" in errors[0]


def test_ask_import_review_runs_the_dialog(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        ImportReviewDialog, "exec", lambda self: ImportReviewDialog.DialogCode.Accepted
    )
    assert ask_import_review(None, prepare_import(FACTSHEET)) is True
    monkeypatch.setattr(
        ImportReviewDialog, "exec", lambda self: ImportReviewDialog.DialogCode.Rejected
    )
    assert ask_import_review(None, prepare_import(FACTSHEET)) is False


def test_drop_accepts_documents_and_workbooks(empty_window: MainWindow, tmp_path: Path) -> None:
    for name in ("a.pdf", "a.docx", "a.md", "a.markdown", "a.txt", "a.xlsx", "a.xlsm"):
        assert empty_window.importable(tmp_path / name), name
    assert not empty_window.importable(tmp_path / "a.png")
    assert "*.pdf *.docx *.md *.txt" in dialogs.IMPORT_FILTER
    assert "*.xlsx *.xlsm" in dialogs.IMPORT_FILTER
