"""Help → User guide (F1) shows the bundled guide offline; Help → About names the database."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from assessor.resources import user_guide_path
from assessor.ui import dialogs
from assessor.ui.main_window import MainWindow


def test_the_user_guide_opens_from_the_help_menu(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    guide = user_guide_path()
    assert guide is not None and guide.name == "user-guide.md"
    action = window.findChild(QAction, "user_guide")
    assert action is not None and not action.shortcut().isEmpty()  # F1 on most systems
    action.trigger()
    dialog = window.user_guide
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert "Importing a factsheet" in text and "**" not in text  # Markdown rendered
    names = [
        f.toImageFormat().name()
        for f in dialog.browser.document().allFormats()
        if f.isImageFormat()
    ]
    assert "images/workbench.png" in names
    image = dialog.browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(names[0])
    )
    assert image  # the screenshots load from beside the guide, offline
    assert dialog.height() <= dialog.screen().availableGeometry().height()


def test_about_names_the_version_and_the_database(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, message, *a: shown.append(message))
    action = window.findChild(QAction, "about")
    assert action is not None
    action.trigger()
    QApplication.processEvents()
    assert shown and window.db.location in shown[0] and "Assessor" in shown[0]


def _images(dialog) -> list[tuple[str, float, float]]:  # type: ignore[no-untyped-def]
    """The name, width and height of each screenshot as laid out."""
    sizes = []
    block = dialog.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                sizes.append((image.name(), image.width(), image.height()))
            it += 1
        block = block.next()
    return sizes


def test_the_guide_fits_its_screenshots_to_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    guide = user_guide_path()
    assert guide is not None
    window.show_user_guide()
    dialog = window.user_guide
    assert dialog is not None
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    QApplication.processEvents()
    assert browser.horizontalScrollBar().maximum() == 0  # as it opens
    for width in (700, 500, 2000):
        dialog.resize(width, 600)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: browser.horizontalScrollBar().maximum() == 0)
        sizes = _images(dialog)
        assert sizes
        for name, w, h in sizes:
            natural = QImage(str(guide.parent / name)).size()
            assert 0 < w <= min(natural.width(), browser.viewport().width())
            assert abs(w / h - natural.width() / natural.height()) < 0.02  # not distorted
        if width == 2000:  # wider than the screenshots: their own size, never blown up
            assert all(w == QImage(str(guide.parent / n)).width() for n, w, _h in sizes)
