"""Words and keys of the whole window: mnemonics that never clash, one name for each state."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QMenu, QWidget

from assessor.domain.scales import NOT_RATED_LABEL
from assessor.services import browsing
from assessor.ui.main_window import MainWindow
from assessor.ui.tree_model import ROLE_KIND


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _visible_mnemonics(win: MainWindow) -> dict[str, list[str]]:
    """Alt+key → the texts that claim it, among what is on screen now."""
    found: dict[str, list[str]] = defaultdict(list)
    texts = [a.text() for a in win.menuBar().actions() if a.isVisible()]
    bar = win.tabs.tabBar()
    texts += [bar.tabText(i) for i in range(bar.count()) if bar.isTabVisible(i)]
    widgets: list[QWidget] = [*win.findChildren(QAbstractButton), *win.findChildren(QGroupBox)]
    widgets += [label for label in win.findChildren(QLabel) if label.buddy() is not None]
    for widget in widgets:
        if widget.isVisible():
            texts.append(widget.text() if not isinstance(widget, QGroupBox) else widget.title())
    for text in texts:
        key = _mnemonic(text)
        if key:
            found[key].append(text)
    return found


def _clashes(win: MainWindow) -> dict[str, list[str]]:
    return {key: texts for key, texts in _visible_mnemonics(win).items() if len(texts) > 1}


def test_no_two_visible_mnemonics_clash(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workbench.detail is not None
    assert "Alt+F" in _visible_mnemonics(window)  # the File menu: the test sees the menu bar
    assert _clashes(window) == {}

    window.tabs.setCurrentIndex(1)
    view = window.themes
    theme = browsing.themes(window.db, view.factsheet_id)[0]  # type: ignore[arg-type]
    view.select("theme", theme.id)
    assert view.title_edit.isVisible()
    assert _clashes(window) == {}
    view.select("item", theme.items[0].id)
    assert view.links_edit.isVisible()
    assert _clashes(window) == {}


def _menu_clashes(menu: QMenu) -> dict[str, dict[str, list[str]]]:
    """Within a menu and each of its submenus: Alt+key → items claiming it, where several do."""
    found: dict[str, list[str]] = defaultdict(list)
    clashes: dict[str, dict[str, list[str]]] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        key = _mnemonic(action.text())
        if key:
            found[key].append(action.text())
        sub = action.menu()
        if isinstance(sub, QMenu):
            clashes.update(_menu_clashes(sub))
    mine = {key: texts for key, texts in found.items() if len(texts) > 1}
    if mine:
        clashes[menu.title()] = mine
    return clashes


def test_no_two_items_of_a_menu_share_a_mnemonic(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    titles = [m.title() for m in menus]  # type: ignore[union-attr]
    assert {"&File", "&Edit", "&Rate", "&Help"} <= set(titles)
    assert window.rate_menu.actions()  # the shown scale's levels are in the Rate menu
    # An ampersand in a recent path is a letter, not a mnemonic.
    window.settings.setValue("files/recent", ["/data/R&D/a.sqlite", "/data/R&D/b.sqlite"])
    window._refresh_recent()
    assert window.recent_menu.actions()[0].text() == "/data/R&&D/a.sqlite"
    clashes: dict[str, dict[str, list[str]]] = {}
    for menu in menus:
        clashes.update(_menu_clashes(menu))  # type: ignore[arg-type]
    assert clashes == {}


def _window_texts(win: MainWindow) -> list[str]:
    texts: list[str] = []
    for widget in win.findChildren(QWidget):
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
    menus = [a.menu() for a in win.menuBar().actions() if a.menu() is not None]
    texts += [a.text() for menu in menus for a in menu.actions()]  # type: ignore[union-attr]
    return [t.replace("&", "") for t in texts]


def test_one_name_for_not_yet_rated(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    rating = wb.assessment.rating
    rating.resize(200, rating.height())  # narrow: the short labels
    assert NOT_RATED_LABEL in rating.buttons[None].text().replace("&", "")
    rating.resize(2000, rating.height())  # wide: the full labels
    assert NOT_RATED_LABEL in rating.buttons[None].text().replace("&", "")

    texts = _window_texts(window)
    assert any(NOT_RATED_LABEL in t for t in texts)
    for other in ("Not rated", "not rated", "Not assessed yet"):
        assert not [t for t in texts if other in t], other
    # "Not assessed yet" meant that nothing is saved for this recommendation.
    assert wb.detail is not None and wb.detail.assessment.updated_at is None
    assert wb.assessment.saved.text() == "Nothing saved yet"

    # The history names a cleared rating the same way.
    wb.rate_current(2)
    wb.rate_current(0)
    wb.follow_up.history_button.click()
    assert f"Partly implemented → {NOT_RATED_LABEL}" in wb.follow_up.browser.toPlainText()

    # The tree says it aloud the same way.
    index = wb.tree.currentIndex()
    assert index.data(ROLE_KIND) == "recommendation"
    spoken = str(index.data(0x0B))  # Qt.AccessibleTextRole
    assert NOT_RATED_LABEL.lower() in spoken.lower()
