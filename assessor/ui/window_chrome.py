"""The main window's chrome: the read-only banner above the tabs and the status bar's labels
(progress in scope, the database's location)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from assessor.services import server_login
from assessor.services.opening import Handle
from assessor.ui.elided_label import ElidedLabel
from assessor.ui.translation import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

READ_ONLY_BANNER = QT_TRANSLATE_NOOP(
    "window_chrome",
    "Read-only: another Assessor{holder} has this database open. You can read everything "
    "here but change nothing; close it there to work on it here.",
)
NO_FACTSHEET = QT_TRANSLATE_NOOP(
    "window_chrome", "No factsheet yet: File → Import, or drop a file here."
)


class ChromeCounts(QObject):
    """The progress label's counted words (Qt's lupdate reads a plural only from ``self.tr``)."""

    def progress(self, total: int) -> str:
        return self.tr(
            "{party}: {rated} of {in_scope} in scope rated · %n recommendation(s)", "", total
        )


def read_only_banner(held_by: str, shown: bool) -> QLabel:
    """The amber banner saying who holds the database (shown when it is open read-only)."""
    text = translate("window_chrome", READ_ONLY_BANNER)
    banner = QLabel(text.format(holder=f" ({held_by})" if held_by else ""))
    banner.setWordWrap(True)
    banner.setAccessibleName(translate("window_chrome", "Read-only"))
    # Amber with dark text: readable on light and dark palettes alike.
    banner.setStyleSheet(
        "QLabel { background: #ffe08a; color: #3d2e00; padding: 6px 10px; font-weight: bold; }"
    )
    banner.setVisible(shown)
    return banner


def status_labels(bar: QStatusBar, location: str) -> tuple[QLabel, ElidedLabel]:
    """The progress label (stretching) and the database's location (permanent) in ``bar``."""
    progress = QLabel()
    progress.setAccessibleName(translate("window_chrome", "Rated in scope"))
    # Elided in the middle: on a small screen a status message keeps its room beside it.
    path = ElidedLabel(location)
    path.setAccessibleName(translate("window_chrome", "Database"))
    path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    progress.setMinimumWidth(0)
    bar.addWidget(progress, 1)
    bar.addPermanentWidget(path)
    return progress, path


def progress_text(status: tuple[str, int, int, int] | None) -> str:
    """What the progress label says of a factsheet's (party, rated, in scope, total)."""
    if status is None:
        return translate("window_chrome", NO_FACTSHEET)
    party, rated, in_scope, total = status
    return ChromeCounts().progress(total).format(party=party, rated=rated, in_scope=in_scope)


def where(db: Handle) -> str:
    """Where the data lives: the file's path, or user@host/db on a server."""
    return server_login.where(db)


def recent_entry(db: Handle) -> str:
    """What File → Recent keeps of ``db``: the file's path, or the server's URL (no password)."""
    return server_login.recent_entry(db)


def title(db: Handle) -> str:
    """The title bar's words for where the data lives (Qt adds "— Assessor")."""
    server = server_login.address_of(db)
    if server is not None:
        return translate("window_chrome", "{where} (server)").format(where=server.shown)
    path = Path(db.location)
    return translate("window_chrome", "{name} in {folder}").format(
        name=path.name, folder=path.parent
    )
