"""Make the screenshots of the user guide and the README (docs/images/), reproducibly.

Builds a database from the bundled example, rates a few recommendations and writes a comment
and a questionnaire-style follow-up, then grabs the real window at 1366×768 (a laptop screen),
and the review shown before the example factsheet is imported (at its default size):

    Xvfb :95 -screen 0 1366x768x24 &
    DISPLAY=:95 .venv/bin/python docs/screenshots.py [OUTPUT_FOLDER]   (default: docs/images)

The small laptop screens (the workbench only; the size is the screen's, in device pixels):

    DISPLAY=:95 .venv/bin/python docs/screenshots.py --screen 1024x600 [OUTPUT_FOLDER]
    QT_SCALE_FACTOR=1.25 DISPLAY=:95 .venv/bin/python docs/screenshots.py --screen 1366x768

The French window (workbench-fr.png, review-fr.png, themes-fr.png, import-review-fr.png):

    DISPLAY=:95 .venv/bin/python docs/screenshots.py --lang fr [OUTPUT_FOLDER]

Any Qt platform works (``QT_QPA_PLATFORM=offscreen`` too); under Xvfb the fonts and style are
those of a Linux desktop.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from assessor.db.engine import open_database
from assessor.db.models import Theme
from assessor.resources import resource_path
from assessor.services import assessments, themes
from assessor.services.imports import import_file, prepare_import
from assessor.settings import ENV_SETTINGS, Settings, save_settings
from assessor.ui.app import application
from assessor.ui.import_review_dialog import ImportReviewDialog
from assessor.ui.main_window import MainWindow

FACTSHEET = "factsheet-albania-2nd-round.md"
RATINGS = {"II-6": "partly", "II-8": "not_implemented", "II-9": "partly", "III-30": "implemented"}
COMMENT = (
    "The draft Criminal Code is announced but not adopted; ask for the timetable and the text "
    "of the exemption for children."
)


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let layout and painting finish."""
    for _ in range(rounds):
        app.processEvents()


def main() -> None:
    """Write workbench.png, review.png, themes.png and import-review.png (or one small screen)."""
    args = sys.argv[1:]
    screen = None
    lang = ""
    if args[:1] == ["--lang"]:
        lang = args[1]
        args = args[2:]
    suffix = f"-{lang}" if lang and lang != "en" else ""
    if args[:1] == ["--screen"]:
        screen = tuple(int(n) for n in args[1].split("x"))
        args = args[2:]
    out = Path(args[0] if args else Path(__file__).parent / "images")
    work = Path(tempfile.mkdtemp(prefix="assessor-shots-"))
    settings_file = work / "settings.json"
    # The language as Preferences would save it: the window starts in it.
    save_settings(Settings(assessor_name="Maria Rossi", language=lang), settings_file)
    os.environ[ENV_SETTINGS] = str(settings_file)
    db = open_database(work / "albania.sqlite")
    for name in (FACTSHEET, "recommendations-albania.txt"):
        import_file(db, resource_path("examples", name))
    with db.reading() as s:
        ids = {code: assessments.find_by_code(s, code).id for code in RATINGS}
    for code, rating in RATINGS.items():
        assessments.rate(db, ids[code], rating, by="Maria Rossi")
    assessments.set_comment(db, ids["II-6"], COMMENT, by="Maria Rossi")
    with db.transaction() as s:
        rec = assessments.find_by_code(s, "II-8")
        assessments.supersede_follow_up(
            s,
            rec,
            "The draft Criminal Code, article 117, exempts children who share images of "
            "themselves with another child voluntarily and for their private use.",
            "questionnaire albania-questionnaire.xlsx",
            state_status="in progress",
            references="Draft Criminal Code, art. 117",
        )

    with db.reading() as s:
        items = [i for t in s.scalars(select(Theme).order_by(Theme.position)) for i in t.items]
        linked = {2: ["V-6", "V-11"], 7: ["II-6", "II-8"], 11: ["VIII-1"]}
        edits = [(items[n].id, items[n].text, codes) for n, codes in linked.items()]
    for item_id, text, codes in edits:
        themes.edit_theme_item(db, item_id, text, codes, by="Maria Rossi")

    app = application()
    ui_settings = QSettings(str(work / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, ui_settings)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    if screen is not None:  # the whole screen, in the scaled (logical) pixels Qt lays out in
        window.resize(round(screen[0] / scale), round(screen[1] / scale))
    else:
        window.resize(1366, 768)
    window.show()
    settle(app)
    wb = window.workbench
    fid = wb.model.factsheet_ids()[0]
    wb.select_recommendation(ids["II-8"] if screen else ids["II-6"], fid)
    settle(app)
    out.mkdir(parents=True, exist_ok=True)
    if screen is not None:
        percent = round(scale * 100)
        name = f"workbench-{screen[0]}x{screen[1]}" + (f"-{percent}" if percent != 100 else "")
        window.grab().save(str(out / f"{name}.png"))
        window.close()
        db.close()
        print(f"Wrote {name}.png to {out}")
        return
    window.grab().save(str(out / f"workbench{suffix}.png"))
    # II-8: rated, then the State's questionnaire answer came in: the pane asks for a review.
    wb.select_recommendation(ids["II-8"], fid)
    settle(app)
    window.grab().save(str(out / f"review{suffix}.png"))
    window.tabs.setCurrentWidget(window.themes)
    window.themes.select("item", edits[0][0])
    settle(app)
    window.grab().save(str(out / f"themes{suffix}.png"))
    # File → Import of the example, as on a first import: the review before anything is written.
    dialog = ImportReviewDialog(prepare_import(resource_path("examples", FACTSHEET)), "", window)
    dialog.show()
    settle(app)
    row = dialog.find_row("II-6")
    if row is not None:
        dialog.tree.setCurrentItem(row)
        dialog.tree.scrollToItem(row)
    settle(app)
    dialog.grab().save(str(out / f"import-review{suffix}.png"))
    dialog.close()
    window.close()
    db.close()
    names = ", ".join(
        f"{n}{suffix}.png" for n in ("workbench", "review", "themes", "import-review")
    )
    print(f"Wrote {names} to {out}")


if __name__ == "__main__":
    main()
