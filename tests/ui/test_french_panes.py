"""The follow-up pane and the history in French: words, months, the space before a colon
(new-user trial 2: « Statut : draft → final », « factsheet …, reçu March 2025 »)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSettings

from assessor.db.engine import Database
from assessor.domain.values import HistoryEntry, Level
from assessor.ui.follow_up_pane import changes_html
from assessor.ui.main_window import MainWindow
from assessor.ui.translation import install_language
from tests.ui.test_window_languages import _open
from tests.ui.test_workbench import _rec_by_code


def test_the_french_history_names_statuses_and_ratings_in_french() -> None:
    install_language("fr")
    levels = [Level("implemented", "Implemented satisfactorily", "#2e7d32", "Mise en œuvre")]
    at = datetime(2026, 11, 30, tzinfo=UTC)
    shown = changes_html(
        [
            HistoryEntry("status", "draft", "final", at, "Maria"),
            HistoryEntry("follow_up_state_status", "not started", "in progress", at, "Maria"),
            HistoryEntry("rating", None, "implemented", at, "Maria"),
        ],
        levels,
    )
    assert "draft" not in shown and "final" not in shown and "progress" not in shown
    assert "brouillon → définitive" in shown
    assert "pas commencée → en cours" in shown
    assert "Mise en œuvre" in shown
    assert "</b>\xa0: " in shown and "</b>: " not in shown


def test_the_english_history_keeps_its_words() -> None:
    at = datetime(2026, 11, 30, tzinfo=UTC)
    shown = changes_html([HistoryEntry("status", "draft", "final", at, "Maria")], [])
    assert "</b>: draft → final" in shown


def test_the_french_follow_up_says_where_and_when_in_french(
    qtbot, real_db: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    win = _open(qtbot, real_db, settings, "fr")
    wb = win.workbench
    assert wb.detail is not None
    assert wb.select_recommendation(_rec_by_code(win, "II-6"))
    assert wb.detail is not None and wb.detail.follow_up is not None
    text = wb.follow_up.browser.toPlainText()
    assert "factsheet " not in text and "March" not in text, text
    assert "fiche factsheet-albania-2nd-round.md, reçu en mars 2025" in text, text


def test_the_english_follow_up_is_unchanged(window: MainWindow) -> None:
    wb, win = window.workbench, window
    assert wb.select_recommendation(_rec_by_code(win, "II-6"))
    assert wb.detail is not None and wb.detail.follow_up is not None
    text = wb.follow_up.browser.toPlainText()
    assert "factsheet factsheet-albania-2nd-round.md, received March 2025" in text, text


def test_french_counts_and_party_names_read_naturally(
    qtbot, real_db: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    bar = _open(qtbot, real_db, settings, "fr").workbench.filters
    bar.show_count(1, 81)
    assert bar.count.text() == "1 sur 81 recommandations"
    assert "(s)" not in bar.count.text()
    specific = QCoreApplication.translate("style", "Specific to {party}").format(party="Albania")
    assert specific == "Recommandations spécifiques (Albania)"


def test_the_french_theme_history_spaces_its_colon(monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from PySide6.QtWidgets import QWidget

    from assessor.ui import dialogs
    from assessor.ui.theme_history import show_theme_history

    install_language("fr")
    shown: list[list[str]] = []
    monkeypatch.setattr(dialogs, "show_lines", lambda *args, **_kw: shown.append(list(args[3])))
    at = datetime(2026, 11, 30, tzinfo=UTC)
    reads = SimpleNamespace(
        theme_history=lambda _t, _i: [HistoryEntry("title", "Old", "New", at, "Maria")]
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    show_theme_history(parent, reads, SimpleNamespace(id=1, items=[], title="T"))  # type: ignore[arg-type]
    assert len(shown) == 1 and "\xa0: Old → New" in shown[0][0], shown
