"""Importing by drag-and-drop, and a restart restoring selection, layout and filters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from assessor.db.engine import Database, open_database
from assessor.domain.filters import FilterState
from assessor.services import browsing
from assessor.ui import dialogs
from assessor.ui.main_window import MainWindow
from tests.ui.conftest import FACTSHEET, RECOMMENDATIONS


def _drop(win: MainWindow, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(drop)
    return drop


def test_drag_and_drop_imports_off_the_gui_thread(
    qtbot, tmp_path: Path, settings: QSettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "empty.sqlite")
    win = MainWindow(db, settings)
    qtbot.addWidget(win)
    win.show()
    assert "No factsheet yet" in win.progress_label.text()
    warnings: list[list[str]] = []
    monkeypatch.setattr(
        dialogs, "show_lines", lambda _p, _t, _i, lines: warnings.append(list(lines))
    )
    _drop(win, [FACTSHEET, RECOMMENDATIONS])
    assert win.runner.busy
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=15000)
    assert [s.party for s in browsing.factsheets(db)] == ["Albania"]
    assert win.workbench.detail is not None  # the first recommendation is shown
    assert "0 of 22 in scope rated" in win.progress_label.text()
    # The example converts cleanly: no warnings dialog, a line in the status bar instead.
    assert warnings == [] and "Imported" in win.statusBar().currentMessage()
    win.close()
    db.close()


def test_unknown_files_are_refused(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.jpg"))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_restart_restores_selection_layout_and_filters(
    qtbot, real_db: Database, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(real_db, settings)
    qtbot.addWidget(first)
    first.resize(780, 560)  # fits the offscreen platform's 800×600 screen
    first.show()
    qtbot.waitExposed(first)
    fid = first.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(real_db, fid, "III-3")
    assert rec_id is not None and first.workbench.select_recommendation(rec_id, fid)
    wb = first.workbench
    wb.right.setSizes([200, 300])
    wb.reading.setSizes([150, 310])
    qtbot.wait(20)  # let the layout settle before reading what will be saved
    sizes = [wb.main.sizes(), wb.right.sizes(), wb.reading.sizes()]
    assert sizes[1][0] < sizes[1][1] and sizes[2][0] < sizes[2][1]
    first.workbench.filters.set_state(FilterState(verb="in_scope"))
    size = first.size()
    first.close()

    again = MainWindow(real_db, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.workbench.detail is not None and again.workbench.detail.id == rec_id
    restored = again.workbench

    def same_layout() -> None:
        assert [restored.main.sizes(), restored.right.sizes(), restored.reading.sizes()] == sizes

    qtbot.waitUntil(same_layout, timeout=2000)
    assert again.workbench.filters.state() == FilterState(verb="in_scope")
    assert again.workbench.filters.count.text() == "Showing 22 of 81 recommendations"
    assert again.size() == size
