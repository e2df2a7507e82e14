"""File menu's imports (factsheets, themed recommendations, questionnaires) and JSON export.

Functions over the main window, like ``excel_actions``: each runs the same services as the
command line off the GUI thread and lets the op runner refresh the views.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from assessor.importers.common import ImportRejected
from assessor.importers.xlsx_file import is_workbook
from assessor.services import browsing
from assessor.services.cancel import Cancel
from assessor.services.import_checks import ThemesTarget, party_mismatch, themes_target
from assessor.services.imports import (
    ImportBatch,
    ImportReport,
    PreparedImport,
    prepare_import,
    write_imports,
)
from assessor.services.opening import Handle
from assessor.ui import dialogs, excel_actions, import_review_dialog, undo_actions
from assessor.ui.ops import describe_error

translate = QCoreApplication.translate


class ImportCounts(QObject):
    """The counted words of the imports (Qt's lupdate reads a plural only from ``self.tr``)."""

    def themed(self, n: int) -> str:
        return self.tr("%n themed recommendation(s)", "", n)

    def themes(self, n: int) -> str:
        return self.tr("%n theme(s)", "", n)

    def attach(self, n: int) -> str:
        return self.tr("Attach the %n themed recommendation(s) to {party}?", "", n)

    def to_check(self, n: int) -> str:
        return self.tr("%n thing(s) to check:", "", n)


COUNTS = ImportCounts()

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi

#: What a drop is accepted for; what a file is, is then told by its content, not its name.
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".md", ".markdown", ".txt")
QUESTIONNAIRE_SUFFIXES = (".xlsx", ".xlsm")


def importable(path: Path) -> bool:
    """Whether a dropped file is of a kind the window imports."""
    return path.suffix.lower() in DOCUMENT_SUFFIXES + QUESTIONNAIRE_SUFFIXES


def import_files(win: WindowApi, paths: Sequence[Path]) -> None:
    """Import factsheets / recommendations off the GUI thread, each factsheet reviewed first.

    Questionnaires (workbooks by their content) come after them, each previewed before
    anything is written.
    """
    sheets = [p for p in paths if is_workbook(p)]
    texts = [p for p in paths if p not in sheets]
    if texts:
        import_texts(win, texts)
    # Queued behind the texts on the one worker: a questionnaire may answer a new factsheet.
    excel_actions.import_questionnaires(win, sheets)


def _parties(win: WindowApi) -> list[str]:
    return sorted({s.party for s in win.workbench.model.factsheets()})


def import_texts(win: WindowApi, texts: Sequence[Path]) -> None:
    """Read and parse every file off the GUI thread (each once), then ask what needs asking
    and write: a refused file stops them all before anything is written."""
    win.workbench.assessment.flush()

    def read(cancel: Cancel) -> list[PreparedImport]:
        prepared: list[PreparedImport] = []
        for path in texts:
            cancel.check()
            prepared.append(prepare_import(path))
        return prepared

    names = ", ".join(p.name for p in texts)
    win.runner.run_in_background(
        translate("import_actions", "Import"),
        translate("import_actions", "Reading {names}…").format(names=names),
        read,
        lambda prepared: _review(win, prepared),
    )


def _review(win: WindowApi, prepared: list[PreparedImport]) -> None:
    """Ask before writing: whose themes, replacing what, a factsheet naming another Party.

    Themes go to the Party shown, or to the Party of a factsheet imported before them in the
    same batch, or to the only Party there is; with several and none shown, the user chooses.
    """
    party = win.shown_party()
    parties = _parties(win)
    if party is None and len(parties) > 1 and needs_party([p.kind for p in prepared]):
        party = dialogs.ask_party(
            win.parent_widget(),
            translate("import_actions", "Import themed recommendations"),
            translate(
                "import_actions",
                "The database holds several Parties. Which Party are these themed "
                "recommendations for?",
            ),
            parties,
        )
        if party is None:
            return
    chosen: list[PreparedImport] = []
    themes_party = party
    arriving: set[str] = set()  # Parties whose factsheet comes in this batch
    for item in prepared:
        if item.factsheet is not None:
            try:
                mismatch = party_mismatch(win.db, item)
                reimport = _reimport(win, item)
            except Exception as exc:  # the database's too (locked, gone): said in words
                dialogs.show_error(
                    win.parent_widget(), translate("import_actions", "Import"), describe_error(exc)
                )
                return
            if mismatch is not None and not dialogs.confirm(
                win.parent_widget(),
                translate("import_actions", "Import factsheet"),
                translate(
                    "import_actions",
                    "{mismatch}.\n\nImport it as {party}’s factsheet? (If it is {other}’s, "
                    "answer No and correct its title.)",
                ).format(
                    mismatch=mismatch.describe(item.source),
                    party=mismatch.party,
                    other=mismatch.other,
                ),
            ):
                return
            if not import_review_dialog.ask_import_review(win.parent_widget(), item, reimport):
                return  # Cancel: nothing of the batch is written
            themes_party = item.factsheet.party
            arriving.add(themes_party)
            chosen.append(item)
            continue
        assert item.themes is not None
        target = themes_party
        try:
            target = target or _only_party(win.db, Path(item.source))
            replacing = themes_target(win.db, item.themes, target)
        except ImportRejected as exc:
            if target is None or target not in arriving:
                dialogs.show_error(
                    win.parent_widget(), translate("import_actions", "Import"), str(exc)
                )
                return
            replacing = ThemesTarget(target, 0, 0)  # a new factsheet: nothing to replace
        except Exception as exc:  # the database's too (locked, gone): said in words
            dialogs.show_error(
                win.parent_widget(), translate("import_actions", "Import"), describe_error(exc)
            )
            return
        if not _confirm_themes(win, item, replacing):
            return
        chosen.append(replace(item, party=replacing.party))
    _write(win, chosen)


def _reimport(win: WindowApi, item: PreparedImport) -> str:
    """The review's note when the factsheet is already in the database (same Party, round)."""
    assert item.factsheet is not None
    for sheet in browsing.factsheets(win.db):
        if sheet.party == item.factsheet.party and sheet.round == item.factsheet.round_title:
            return import_review_dialog.reimport_note(
                sheet.party, sheet.recommendations, sheet.rated
            )
    return ""


def _confirm_themes(win: WindowApi, item: PreparedImport, target: ThemesTarget) -> bool:
    """Ask before a Party's themed recommendations are replaced (they go to the history)."""
    if not target.themes and not target.others_named:
        return True
    assert item.themes is not None
    new = sum(len(t.items) for t in item.themes.themes)
    lines = []
    if target.others_named:
        lines.append(
            translate("import_actions", "{source} names {names}, never {party}.").format(
                source=item.source, names=", ".join(target.others_named), party=target.party
            )
        )
    if target.themes:
        lines.append(
            translate(
                "import_actions",
                "Replace {party}’s {items} ({themes}) with the {new} of {source}? The current "
                "ones are kept in the history, but an import cannot be undone.",
            ).format(
                party=target.party,
                items=COUNTS.themed(target.items),
                themes=COUNTS.themes(target.themes),
                new=new,
                source=item.source,
            )
        )
    else:
        lines.append(COUNTS.attach(new).format(party=target.party))
    return dialogs.confirm(
        win.parent_widget(),
        translate("import_actions", "Import themed recommendations"),
        "\n\n".join(lines),
    )


def _write(win: WindowApi, prepared: Sequence[PreparedImport]) -> None:
    """Write the prepared files, each in its own transaction, off the GUI thread."""
    if not prepared:
        return

    def job(cancel: Cancel) -> ImportBatch:
        return write_imports(win.db, prepared, cancel)  # Cancel is checked between files

    names = ", ".join(item.source for item in prepared)
    win.runner.run_in_background(
        translate("import_actions", "Import"),
        translate("import_actions", "Importing {names}…").format(names=names),
        job,
        lambda batch: _imported(win, list(batch.reports)),
    )


def _imported(win: WindowApi, reports: list[ImportReport]) -> None:
    if not reports:
        return
    win.stack.clear()  # an import rewrites rows the undo steps point at
    warnings = [w for r in reports for w in r.warnings]
    changes = [f"{r.source}: {c}" for r in reports for c in r.changed_lines]
    if warnings or changes:
        # What a re-import changed, and what to check, listed in full (copyable).
        lines = [*([translate("import_actions", "Changes:")] if changes else []), *changes]
        if warnings:
            count = COUNTS.to_check(len(warnings))
            lines += [*([""] if changes else []), count]
            lines += warnings
        intro = "\n".join(r.summary().split("\n")[0] for r in reports)
        dialogs.show_lines(win.parent_widget(), translate("import_actions", "Import"), intro, lines)
    else:
        # "Imported the factsheet of Albania …: 11 chapters, 81 recommendations …"
        summary = "; ".join(
            " ".join(line.strip() for line in r.summary().split("\n")) for r in reports
        )
        win.statusBar().showMessage(summary, 15000)
    if win.workbench.detail is None:
        first = min(r.factsheet_id for r in reports)
        win.model_select_first(first)
    reopened = sorted({rec_id for r in reports for rec_id in r.reopened})
    if reopened:  # after the stack was cleared: the draft-again stays one undo step
        undo_actions.back_to_draft(win, reopened)


def export_json(win: WindowApi) -> None:
    """Export the whole database as assessor-json/1, off the GUI thread."""
    from assessor.exporters.json_export import write_json

    target = dialogs.ask_save_path(
        win.parent_widget(),
        translate("import_actions", "Export JSON"),
        "assessor-export.json",
        translate("import_actions", "JSON (*.json)"),
    )
    if not target:
        return
    target = dialogs.with_suffix(target, ".json")
    win.workbench.assessment.flush()

    def job(cancel: Cancel) -> str:
        cancel.check()
        write_json(win.db, target, cancel)
        return target

    win.runner.run_in_background(
        translate("import_actions", "Export JSON"),
        translate("import_actions", "Exporting…"),
        job,
        lambda path: win.statusBar().showMessage(
            translate("import_actions", "Exported to {path}").format(path=path), 8000
        ),
    )


def needs_party(kinds: Sequence[str | None]) -> bool:
    """Whether a themes file comes before any factsheet that would give it its Party."""
    for kind in kinds:
        if kind == "factsheet":
            return False
        if kind == "recommendations":
            return True
    return False


def _only_party(db: Handle, path: Path) -> str | None:
    """The Party themes go to when none was chosen: the only one, else the user must choose."""
    parties = {s.party for s in browsing.factsheets(db)}
    if len(parties) > 1:
        raise ImportRejected(
            translate(
                "import_actions",
                "{name}: the database holds several Parties. Show a recommendation of the "
                "Party these themed recommendations are for, then import the file again.",
            ).format(name=path.name)
        )
    return next(iter(parties), None)
