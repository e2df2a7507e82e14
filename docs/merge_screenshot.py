"""Make the user guide's screenshot of the conflict screen (docs/images/merge.png), reproducibly.

Two rapporteurs' databases are made from the bundled example and rated differently (Maria's is
mine, Jonas sends his package); the conflict screen is grabbed at 1000×580, the size it opens
at, which fits a 1024×600 screen:

    Xvfb :95 -screen 0 1366x768x24 &
    DISPLAY=:95 .venv/bin/python docs/merge_screenshot.py [OUTPUT_FOLDER]   (default: docs/images)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from assessor.db.engine import open_database
from assessor.domain.merge import Choice
from assessor.exporters.package import write_package
from assessor.importers.package_file import read_package
from assessor.resources import resource_path
from assessor.services import assessments, browsing
from assessor.services.imports import import_file
from assessor.services.merge import prepare_merge
from assessor.ui.app import application
from assessor.ui.merge_dialog import MergeDialog

FACTSHEET = "factsheet-albania-2nd-round.md"
#: code → (Maria's rating, Jonas's rating); the same key twice agrees.
RATINGS: dict[str, tuple[str | None, str | None]] = {
    "II-6": ("partly", "not_implemented"),
    "II-8": ("not_implemented", "not_implemented"),
    "II-9": ("partly", "partly"),
    "III-15": ("implemented", "partly"),
    "III-28": ("partly", "partly"),
    "III-30": ("implemented", "implemented"),
    "IV-4": ("not_implemented", "partly"),
    "V-3": ("partly", "partly"),
    "V-5": (None, "implemented"),
    "VI-2": ("not_implemented", None),
}
COMMENTS = {
    "II-6": (
        "The draft Criminal Code is announced but not adopted; ask for the timetable.",
        "No text was adopted in the period; the draft does not cover children aged 16–18.",
    ),
}


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let layout and painting finish."""
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    """Write merge.png."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "images")
    work = Path(tempfile.mkdtemp(prefix="assessor-merge-shot-"))
    dbs = {}
    for who in ("Maria Rossi", "Jonas Berg"):
        db = open_database(work / f"{who.split()[0].lower()}.sqlite")
        import_file(db, resource_path("examples", FACTSHEET))
        dbs[who] = db
    for n, who in enumerate(dbs):
        for code, ratings in RATINGS.items():
            text = COMMENTS.get(code, (None, None))[n]
            if ratings[n] is None:
                continue
            assessments.rate_by_code(dbs[who], code, ratings[n], comment=text, by=who)
    write_package(dbs["Jonas Berg"], work / "jonas.assessor", by="Jonas Berg")
    mine = dbs["Maria Rossi"]
    plan = prepare_merge(mine, read_package(work / "jonas.assessor"))
    labels = {
        lv.key: lv.label for fs in plan.factsheets for lv in browsing.levels(mine, fs.factsheet_id)
    }

    app = application()
    dialog = MergeDialog(plan, labels)
    dialog.show()
    settle(app)
    rating = next(d for d in plan.conflicts if d.subject == "rating")
    dialog.choose(rating.key, Choice.THEIRS)
    comment = next(d for d in plan.conflicts if d.subject == "comment")
    dialog.choose(comment.key, Choice.BOTH)
    dialog.select(comment.key)
    settle(app)
    out.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out / "merge.png"))
    dialog.close()
    for db in dbs.values():
        db.close()
    print(f"Wrote merge.png to {out}")


if __name__ == "__main__":
    main()
