"""The window in English and in French: menus, rating buttons, a dialog, Preferences, Help."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMenu

from assessor.db.engine import Database
from assessor.i18n import current_language
from assessor.settings import load_settings
from assessor.ui import dialogs, translation
from assessor.ui.backup_dialog import RestoreBackupDialog
from assessor.ui.help import UserGuide
from assessor.ui.main_window import MainWindow
from assessor.ui.translation import install_language, window_language
from tests.ui.test_window_words import _clashes, _menu_clashes
from tests.ui.translations import I18N, window_sources


def _menus(win: MainWindow) -> list[QMenu]:
    return [m for a in win.menuBar().actions() if isinstance(m := a.menu(), QMenu)]


def _all_actions(menu: QMenu) -> Iterator[tuple[str, str]]:
    """(menu title, action text) of every item of a menu and its submenus, separators left out."""
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield menu.title(), action.text()
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield sub.title(), sub.title()
            yield from _all_actions(sub)


def _menu_texts(win: MainWindow) -> list[str]:
    texts = [a.text() for a in win.menuBar().actions()]
    for menu in _menus(win):
        texts += [text for _title, text in _all_actions(menu)]
    return texts


def _open(qtbot, db: Database, settings: QSettings, lang: str) -> MainWindow:  # type: ignore[no-untyped-def]
    install_language(lang)
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def french(qtbot, real_db: Database, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window over the example, started in French."""
    return _open(qtbot, real_db, settings, "fr")


def test_the_window_in_french_has_no_english_menu_label(
    qtbot, real_db: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    english = _menu_texts(_open(qtbot, real_db, settings, "en"))
    assert "&File" in english and "&Undo" in english
    win = _open(qtbot, real_db, settings, "fr")
    assert current_language() == "fr"
    french = _menu_texts(win)
    assert len(french) == len(english)
    sources = window_sources()
    # Every label differs from its English one, and none is an English text of the window.
    same = [(en, fr) for en, fr in zip(english, french, strict=True) if en == fr]
    assert same == []
    assert [t for t in french if t in sources] == []
    assert "&Fichier" in french and "&Annuler" in french
    # The Rate menu names the scale's levels in French, with their keys.
    rate = [a.text() for a in win.rate_menu.actions()]
    assert rate[0] == "&1 Mise en œuvre de façon satisfaisante"
    assert rate[-1] == "&0 Pas encore évaluée"


def test_the_french_window_keeps_its_mnemonics_apart(french: MainWindow) -> None:
    clashes: dict[str, dict[str, list[str]]] = {}
    for menu in _menus(french):
        clashes.update(_menu_clashes(menu))
    assert clashes == {}
    assert french.workbench.detail is not None
    assert _clashes(french) == {}
    french.tabs.setCurrentIndex(1)
    assert _clashes(french) == {}


@pytest.mark.parametrize(
    ("lang", "first", "not_rated"),
    [
        ("en", "Implemented satisfactorily", "Not yet rated"),
        ("fr", "Mise en œuvre de façon satisfaisante", "Pas encore évaluée"),
    ],
)
def test_rating_buttons_in_both_languages(
    qtbot, real_db: Database, settings: QSettings, lang: str, first: str, not_rated: str
) -> None:  # type: ignore[no-untyped-def]
    win = _open(qtbot, real_db, settings, lang)
    buttons = win.workbench.assessment.rating.buttons
    assert buttons[None].accessibleName() == not_rated
    names = [b.accessibleName() for key, b in buttons.items() if key is not None]
    assert names[0] == first
    tip = buttons[None].toolTip()
    assert tip == (f"{not_rated} — key 0" if lang == "en" else f"{not_rated} — touche 0")
    # The tree's chips and the filters read the same language.
    combo = win.workbench.filters.rating
    assert first in [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.parametrize(
    ("lang", "title", "restore", "cancel"),
    [
        ("en", "Restore from backup", "Restore", "Cancel"),
        ("fr", "Restaurer une sauvegarde", "Restaurer", "Annuler"),
    ],
)
def test_a_dialog_in_both_languages(
    qtbot, lang: str, title: str, restore: str, cancel: str
) -> None:  # type: ignore[no-untyped-def]
    install_language(lang)
    dialog = RestoreBackupDialog([], "albania.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title
    assert dialog.restore_button.text() == restore
    # Qt's own standard buttons come from qtbase_fr.qm.
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel


def test_a_missing_catalogue_leaves_the_window_in_english(
    qtbot, real_db: Database, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(translation, "catalogue_path", lambda _lang: None)
    win = _open(qtbot, real_db, settings, "fr")
    assert win.menuBar().actions()[0].text() == "&File"


def test_the_window_follows_the_system_language_then_the_preferences(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANGUAGE", "fr_BE:fr")
    assert load_settings().language == ""
    assert window_language() == "fr"
    monkeypatch.setattr(
        dialogs,
        "ask_preferences",
        lambda _parent, current: dialogs.Preferences(current.name or "Ada", "en"),
    )
    action = window.findChild(QAction, "preferences")
    assert action is not None
    action.trigger()
    assert load_settings().language == "en"
    assert window_language() == "en"
    assert "next start" in window.statusBar().currentMessage()


@pytest.mark.parametrize(("lang", "guide"), [("en", "user-guide.md"), ("fr", "user-guide.fr.md")])
def test_help_shows_the_guide_in_the_windows_language(qtbot, lang: str, guide: str) -> None:  # type: ignore[no-untyped-def]
    if not (Path(__file__).resolve().parents[2] / "docs" / guide).exists():
        pytest.skip(f"docs/{guide} is not written yet")
    install_language(lang)
    dialog = UserGuide()
    qtbot.addWidget(dialog)
    assert dialog.browser.source().fileName() == guide
    assert dialog.windowTitle() == (
        "Assessor user guide" if lang == "en" else "Guide de l’utilisateur d’Assessor"
    )


def test_the_compiled_catalogues_are_built_beside_the_ts() -> None:
    assert (I18N / "assessor_fr.qm").exists() and (I18N / "assessor_en.qm").exists()
