"""The window's tab widget: a label's new text inside it is not a reason to lay it out again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from assessor.ui.main_window import MainWindow
from assessor.ui.quiet_tabs import QuietTabWidget


class Paints(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _tabs(qtbot: QtBot) -> tuple[QWidget, QuietTabWidget, QLabel, QWidget]:
    window = QWidget()
    tabs = QuietTabWidget()
    page = QWidget()
    label = QLabel("short")
    QVBoxLayout(page).addWidget(label)
    tabs.addTab(page, "One")
    tabs.addTab(QWidget(), "Two")
    QVBoxLayout(window).addWidget(tabs)
    qtbot.addWidget(window)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window, tabs, label, page


def test_a_label_changing_does_not_repaint_the_other_tab_content(qtbot: QtBot) -> None:
    _window, tabs, label, _page = _tabs(qtbot)
    paints = Paints()
    tabs.tabBar().installEventFilter(paints)
    passed, dropped = tabs.passed, tabs.dropped
    for n in range(6):
        label.setText(("Assessment of II-6", "Assessment of IV-12, IV-13")[n % 2])
        QApplication.processEvents()  # the label's layout and those above it are redone
    for _ in range(3):
        QApplication.processEvents()  # the requests climb one level a turn
    assert tabs.passed == passed  # never laid out again
    assert tabs.dropped > dropped  # (requests posted together come as one)
    assert paints.count == 0  # the tab bar was not repainted for it


def test_new_size_hints_still_reach_the_window(qtbot: QtBot) -> None:
    window, tabs, _label, page = _tabs(qtbot)
    before = window.minimumSizeHint().height()
    dropped = tabs.dropped
    tall = QWidget()
    tall.setMinimumHeight(before + 50)  # still under the window's height
    layout = page.layout()
    assert layout is not None
    layout.addWidget(tall)
    qtbot.wait(50)  # the layout requests climb one level a turn
    assert tabs.minimumSizeHint().height() > before + 50
    assert window.minimumSizeHint().height() > before + 50
    assert tabs.dropped > dropped  # not laid out again, and yet the window knows


def test_the_tab_bar_is_laid_out_again_when_a_tab_changes(qtbot: QtBot) -> None:
    _window, tabs, _label, _page = _tabs(qtbot)
    width = tabs.tabBar().width()
    tabs.setTabText(1, "A much longer name for the second tab")
    QApplication.processEvents()
    assert tabs.tabBar().width() > width


def test_the_window_uses_it(qtbot: QtBot, window: MainWindow) -> None:
    assert isinstance(window.tabs, QuietTabWidget)
    for _ in range(3):
        window.workbench.go(+1)
        qtbot.wait(20)
    assert window.tabs.dropped > 0  # stepping changed the assessment pane's labels
