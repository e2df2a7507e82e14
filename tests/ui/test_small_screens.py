"""Small laptop screens: at 1024×600 nothing essential is cut (issue 13, finding 3; labels, 6)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QSplitter

from assessor.domain.scales import PRESETS, short_labels
from assessor.ui.main_window import MainWindow
from assessor.ui.rating_widget import RatingButton


def _small(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)  # the layouts settle
    return window


def test_every_rating_button_shows_its_key_and_the_start_of_its_label(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    _small(qtbot, window)
    buttons = window.workbench.assessment.rating.buttons
    assert len(buttons) == 5
    for n, button in enumerate(buttons.values()):
        assert isinstance(button, RatingButton)
        digit = str((n + 1) % 5)
        shown = button.shown_text()
        assert shown.startswith(f"{digit} "), shown
        label = shown[2:].removesuffix("…")
        assert len(label) >= 3 and button.short.startswith(label), (shown, button.short)
        bold = QFont(button.font())
        bold.setBold(True)  # as drawn when chosen, the widest
        assert QFontMetrics(bold).horizontalAdvance(shown) <= button.room(), shown
        assert button.width() >= button.minimum_text_width()
        # The full label is the tooltip and the accessible name (one name per level).
        assert button.toolTip().startswith(button.full) and button.accessibleName() == button.full
    greco = PRESETS["greco"][1]
    assert [b.full for b in buttons.values()][:4] == [lv.label for lv in greco]
    assert [b.short for b in buttons.values()][:4] == [lv.short for lv in greco]


def test_filters_tree_and_status_bar_fit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = _small(qtbot, window)
    for combo in (win.workbench.filters.follow_up, win.workbench.filters.verb):
        text = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(text) < combo.width() - 20, text
    # The database path is cut in the middle and gives the status message its room.
    path = win.path_label
    assert path.text() == win.db.location and path.toolTip() == win.db.location
    assert path.width() <= path.widest
    assert path.shown_text().endswith("albania.sqlite") or "…" in path.shown_text()
    win.statusBar().showMessage("Select a recommendation to rate it")
    assert path.x() > win.statusBar().fontMetrics().horizontalAdvance(
        "Select a recommendation to rate it"
    )


def test_panes_can_be_folded_away(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = _small(qtbot, window).workbench
    for splitter in (wb.main, wb.right, wb.reading):
        assert isinstance(splitter, QSplitter) and splitter.childrenCollapsible()
    wb.main.setSizes([0, 1024])
    assert wb.main.sizes()[0] == 0  # the tree folded away, the panes have the width
    assert wb.tree.isHidden() is False and wb.main.widget(0).width() == 0


def test_short_labels_on_buttons_and_chips_full_in_filters_and_menus(window: MainWindow) -> None:
    wb = window.workbench
    greco = PRESETS["greco"][1]
    full = [lv.label for lv in greco]
    assert short_labels(full, [lv.key for lv in greco]) == [lv.short for lv in greco]
    ratings = [wb.filters.rating.itemText(i) for i in range(wb.filters.rating.count())]
    assert all(label in ratings for label in full)  # filters: the full label
    menu = [a.text().replace("&", "") for a in window.rate_menu.actions()]
    assert any(t.endswith("Implemented satisfactorily") for t in menu)
    model = wb.model
    sheet = model.factsheet_ids()[0]
    assert model.levels_of(sheet)["implemented"][0] == "Implemented"  # the tree's chip: short
