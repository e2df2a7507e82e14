"""Starting the window: the QApplication, the database, the example on first run."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from assessor.db.engine import Database, DatabaseError, open_database
from assessor.resources import resource_path
from assessor.services import workbench
from assessor.services.imports import import_file
from assessor.ui import dialogs
from assessor.ui.main_window import MainWindow

ORGANIZATION = "Assessor"
APPLICATION = "Assessor"
#: The bundled examples ``--with-example`` imports (found by ``resource_path``: frozen too).
EXAMPLE_FILES = ("factsheet-albania-2nd-round.md", "recommendations-albania.txt")


def application() -> QApplication:
    """The one QApplication, created with the settings names and high-DPI policy."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scales (125 %, 150 %) are drawn exactly rather than rounded: sharp text.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("assessor")
    # The palette is left to the platform, so the window follows the system's light or dark
    # scheme; our colours are fills with computed text colours, readable on both.
    return app


def import_examples(db: Database) -> None:
    """Import the bundled example files if the database has no factsheet yet."""
    if workbench.factsheets(db):
        return
    for name in EXAMPLE_FILES:
        try:
            path = resource_path("examples", name)
        except FileNotFoundError:  # an installation without examples starts empty
            continue
        import_file(db, path)


class Launcher:
    """Keeps one window open over one database; opening another replaces both."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()
        self.window: MainWindow | None = None
        self.db: Database | None = None

    def open(self, location: str | os.PathLike[str] | None, with_example: bool = False) -> bool:
        """Open a database in a new window, closing the previous one; False if it failed."""
        try:
            db = open_database(location)
            if with_example:
                import_examples(db)
        except (DatabaseError, OSError) as exc:
            dialogs.show_error(self.window, "Cannot open the database", str(exc))
            return False
        previous, previous_db = self.window, self.db
        self.db = db
        self.window = MainWindow(db, self.settings, open_other=self.open)
        if previous is not None:
            self.window.setGeometry(previous.geometry())
            previous.close()
            previous.deleteLater()
        if previous_db is not None:
            previous_db.close()
        self.window.show()
        return True

    def close(self) -> None:
        """Release the database."""
        if self.db is not None:
            self.db.close()


def run_app(db: str | os.PathLike[str] | None = None, with_example: bool = False) -> int:
    """Open the window on ``db`` (else ``ASSESSOR_DB``, else the default) and run until closed."""
    app = application()
    launcher = Launcher()
    if not launcher.open(db, with_example):
        return 2
    try:
        return app.exec()
    finally:
        launcher.close()
