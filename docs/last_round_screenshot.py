"""The user guide's screenshot of the last round beside the finding (docs/images/last-round.png).

Albania's factsheet is imported twice, as the 1st and the 2nd monitoring round; II-6 was rated
and commented in the 1st. The workbench shows II-6 of the 2nd round at 1366×768, and the pane
of the Committee's finding, with "Last round: …" and Carry over, is grabbed:

    Xvfb :95 -screen 0 1366x768x24 &
    DISPLAY=:95 .venv/bin/python docs/last_round_screenshot.py [OUTPUT]   (default: docs/images)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from assessor.db.engine import open_database
from assessor.resources import resource_path
from assessor.services import assessments, browsing
from assessor.services.imports import import_file
from assessor.ui.app import application
from assessor.ui.main_window import MainWindow

FACTSHEET = "factsheet-albania-2nd-round.md"
COMMENT = (
    "The draft Criminal Code is announced but not adopted; the Ministry of Justice gave no "
    "timetable. Ask for it in the questionnaire."
)


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let layout and painting finish."""
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    """Write last-round.png."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "images")
    work = Path(tempfile.mkdtemp(prefix="assessor-last-round-shot-"))
    source = resource_path("examples", FACTSHEET)
    first = work / "albania-1st-round.md"
    first.write_text(
        Path(source)
        .read_text(encoding="utf-8")
        .replace("2<sup>nd</sup> Monitoring Round", "1<sup>st</sup> Monitoring Round"),
        encoding="utf-8",
    )
    db = open_database(work / "two-rounds.sqlite")
    import_file(db, first)
    old_sheet = browsing.factsheets(db)[0].id
    old = browsing.recommendation_for_code(db, old_sheet, "II-6")
    assert old is not None
    assessments.assess(db, old, "partly", COMMENT, "final", by="Maria Rossi")
    import_file(db, source)
    new_sheet = next(s.id for s in browsing.factsheets(db) if s.id != old_sheet)
    rec = browsing.recommendation_for_code(db, new_sheet, "II-6")
    assert rec is not None

    app = application()
    window = MainWindow(db, QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    settle(app)
    window.workbench.select_recommendation(rec, new_sheet)
    settle(app)
    out.mkdir(parents=True, exist_ok=True)
    window.workbench.finding.grab().save(str(out / "last-round.png"))
    window.close()
    db.close()
    print(f"Wrote last-round.png to {out}")


if __name__ == "__main__":
    main()
