"""Files dropped on the main window are imported: the drag is accepted only when one of them
is something the window can import (``importable``), and the drop imports those."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow


class FileDropWindow(QMainWindow):
    """A main window that imports the files dropped on it; ``MainWindow`` says what and how."""

    def importable(self, path: Path) -> bool:
        """Whether a dropped file is something the window can import."""
        raise NotImplementedError

    def import_files(self, paths: Sequence[Path]) -> None:
        """Import the dropped files."""
        raise NotImplementedError

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and self.importable(Path(u.toLocalFile())) for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        wanted = [p for p in paths if self.importable(p)]
        if wanted:
            event.acceptProposedAction()
            self.import_files(wanted)
