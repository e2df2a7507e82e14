"""Starting the window: the QApplication, the database, the example on first run."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from assessor.resources import resource_path
from assessor.services import browsing
from assessor.services.imports import import_file
from assessor.services.opening import Handle
from assessor.settings import load_settings
from assessor.ui import dialogs, storage_actions
from assessor.ui.main_window import MainWindow
from assessor.ui.opening import open_with_questions
from assessor.ui.ops import OpRunner
from assessor.ui.translation import install_language
from assessor.ui.window_settings import SettingsStore, WindowSettings

ORGANIZATION = "Assessor"
APPLICATION = "Assessor"
#: The bundled examples ``--with-example`` imports (found by ``resource_path``: frozen too).
EXAMPLE_FILES = ("factsheet-albania-2nd-round.md", "recommendations-albania.txt")


def application(lang: str | None = None) -> QApplication:
    """The one QApplication, created with the settings names and high-DPI policy, speaking
    ``lang`` (None: the language chosen in Preferences, else the system's)."""
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
    app.setWindowIcon(app_icon())
    # The window's language (Preferences, else the system's) before any widget is made.
    install_language(lang)
    # The palette is left to the platform, so the window follows the system's light or dark
    # scheme; our colours are fills with computed text colours, readable on both.
    return app


def app_icon() -> QIcon:
    """The application icon at every bundled size (an empty icon if none is bundled)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        try:
            icon.addFile(str(resource_path("icons", f"assessor-{size}.png")))
        except FileNotFoundError:  # an installation without icons still starts
            continue
    return icon


def import_examples(db: Handle) -> None:
    """Import the bundled example files if the database has no factsheet yet."""
    if browsing.factsheets(db):
        return
    for name in EXAMPLE_FILES:
        try:
            path = resource_path("examples", name)
        except FileNotFoundError:  # an installation without examples starts empty
            continue
        import_file(db, path)


class Launcher:
    """Keeps one window open over one database; opening another replaces both."""

    def __init__(self, settings: SettingsStore | None = None) -> None:
        # The one settings file, settings.json; the first time, what QSettings kept is moved in.
        self.settings = settings or WindowSettings.for_user()
        self.window: MainWindow | None = None
        self.db: Handle | None = None

    def open(
        self,
        location: str | os.PathLike[str] | None,
        with_example: bool = False,
        passphrase: str | None = None,
    ) -> bool:
        """Open a database in a new window, closing the previous one; False if it failed.

        A locked, damaged or encrypted database gets its question first (``opening``).
        """
        opened = open_with_questions(self.window, location, passphrase)
        if opened is None:
            return False
        db = opened.db
        if with_example and not db.read_only:
            # Through the op runner: an ImportRejected (or any error) shown as every other.
            OpRunner(self.window).run(
                QCoreApplication.translate("Launcher", "The example could not be imported"),
                lambda: import_examples(db),
            )
        previous, previous_db = self.window, self.db
        self.db = db
        self.window = MainWindow(db, self.settings, open_other=self.open, held_by=opened.held_by)
        if previous is not None:
            previous.replaced_by = self.window
            self.window.setGeometry(previous.geometry())
            previous.close()
            previous.deleteLater()
        if previous_db is not None:
            previous_db.close()
        self.window.show()
        if opened.recovered:
            dialogs.show_info(
                self.window,
                QCoreApplication.translate("Launcher", "The database was restored"),
                opened.recovered,
            )
        if previous is None and not load_settings().assessor_name.strip():
            # Recorded with every change and printed on the PDF cover: asked for once, once
            # the window is up, rather than silently using a login name such as "root".
            QTimer.singleShot(0, self._ask_name)
        return True

    def _ask_name(self) -> None:
        if self.window is not None and not load_settings().assessor_name.strip():
            storage_actions.preferences(self.window)

    def close(self) -> None:
        """Release the database, and write what the window keeps (a write may be waiting)."""
        if self.db is not None:
            self.db.close()
        self.settings.sync()


def run_app(
    db: str | os.PathLike[str] | None = None,
    with_example: bool = False,
    passphrase: str | None = None,
    lang: str | None = None,
) -> int:
    """Open the window on ``db`` (else ``ASSESSOR_DB``, else the default) and run until closed.

    ``passphrase`` opens an encrypted database (``assessor --passphrase-prompt``); without it
    the window asks when the database turns out to be encrypted. ``lang`` ("en", "fr") is the
    window's language (``assessor --lang fr``); None: the Preferences' choice, else the system's.
    """
    app = application(lang)
    launcher = Launcher()
    if not launcher.open(db, with_example, passphrase):
        return 2
    try:
        return app.exec()
    finally:
        launcher.close()
