"""File menu's Excel actions: questionnaires out and in (with a preview), assessment workbooks.

Functions over the main window: each asks what it needs through ``dialogs``, runs the same
services as the command line off the GUI thread, and lets the op runner refresh the views. Each
export asks the language it is written in, starting at the Party's (``document_language``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from assessor.exporters.assessment_xlsx import export_assessment_xlsx
from assessor.exporters.overview_xlsx import export_overview_xlsx
from assessor.exporters.questionnaire import export_questionnaire
from assessor.i18n import current_language
from assessor.services.cancel import Cancel
from assessor.services.questionnaires import (
    QuestionnairePreview,
    QuestionnaireReport,
    apply_questionnaire,
    preview_questionnaire,
)
from assessor.settings import assessor_name
from assessor.ui import dialogs, questionnaire_dialog
from assessor.ui.document_language import default_language
from assessor.ui.style import round_short

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi

translate = QCoreApplication.translate


class ExcelCounts(QObject):
    """The counted words of the Excel actions (lupdate reads a plural only from ``self.tr``)."""

    def questionnaire(self, n: int) -> str:
        return self.tr("Questionnaire for {party} (%n recommendation(s)) written to {path}", "", n)

    def assessment(self, n: int) -> str:
        return self.tr("Assessment of {party} (%n recommendation(s)) written to {path}", "", n)

    def overview(self, n: int) -> str:
        return self.tr(
            "Overview of {parties} Parties × %n recommendation(s) written to {path}", "", n
        )


def current_factsheet(win: WindowApi) -> tuple[int, str] | None:
    """The id and "Party (round)" of the factsheet worked on, or None (no factsheet yet)."""
    fid = win.factsheet_id()
    if fid is None:
        dialogs.show_error(
            win.parent_widget(),
            "Excel",
            translate("excel_actions", "There is no factsheet yet: import one first."),
        )
        return None
    sheet = next((s for s in win.workbench.model.factsheets() if s.id == fid), None)
    party = (
        f"{sheet.party} ({round_short(sheet.round)})"
        if sheet
        else translate("excel_actions", "this Party")
    )
    return fid, party


def export_questionnaire_file(win: WindowApi) -> None:
    """File → Export questionnaire…: the current Party's questionnaire, for the State to fill."""
    chosen = current_factsheet(win)
    if chosen is None:
        return
    fid, party = chosen
    options = dialogs.ask_questionnaire_options(
        win.parent_widget(), party, default_language(win, fid)
    )
    if options is None:
        return
    target = dialogs.ask_save_path(
        win.parent_widget(),
        translate("excel_actions", "Export questionnaire"),
        f"questionnaire-{dialogs.file_stem(party)}.xlsx",
        dialogs.XLSX_FILTER,
    )
    if not target:
        return
    target = dialogs.with_suffix(target, ".xlsx")
    win.workbench.assessment.flush()  # the questionnaire shows what is saved

    def job(cancel: Cancel) -> int:
        cancel.check()
        return export_questionnaire(
            win.db,
            target,
            scope=options.scope,
            deadline=options.deadline,
            contact=options.contact,
            factsheet_id=fid,
            lang=options.lang or None,
            cancel=cancel,
        )

    win.runner.run_in_background(
        translate("excel_actions", "Export questionnaire"),
        translate("excel_actions", "Writing the questionnaire for {party}…").format(party=party),
        job,
        lambda rows: win.statusBar().showMessage(
            ExcelCounts().questionnaire(rows).format(party=party, path=target), 10000
        ),
    )


def ask_import_questionnaire(win: WindowApi) -> None:
    """File → Import questionnaire…: choose a filled-in workbook, preview it, apply it."""
    path = dialogs.ask_questionnaire_file(win.parent_widget())
    if path:
        import_questionnaires(win, [Path(path)])


def import_questionnaires(win: WindowApi, paths: Sequence[Path]) -> None:
    """Preview each questionnaire off the GUI thread, then let the user apply it, one by one."""
    if not paths:
        return
    first, rest = paths[0], list(paths[1:])
    win.workbench.assessment.flush()

    def job(cancel: Cancel) -> QuestionnairePreview:
        cancel.check()
        return preview_questionnaire(win.db, first, cancel=cancel)

    def previewed(preview: QuestionnairePreview) -> None:
        show_preview(win, preview)
        import_questionnaires(win, rest)  # the next file once this dialog is closed

    win.runner.run_in_background(
        translate("excel_actions", "Import questionnaire"),
        translate("excel_actions", "Reading {name}…").format(name=first.name),
        job,
        previewed,
    )


def show_preview(win: WindowApi, preview: QuestionnairePreview) -> QuestionnaireReport | None:
    """The preview dialog; Apply writes through the op runner, which refreshes the views."""

    def apply() -> QuestionnaireReport | None:
        return win.runner.run(
            translate("excel_actions", "Import questionnaire"),
            lambda: apply_questionnaire(win.db, preview, by=assessor_name()),
        )

    report = questionnaire_dialog.preview_and_apply(win.parent_widget(), preview, apply)
    if report is not None:
        win.statusBar().showMessage(report.text().split("\n")[0], 10000)
    return report


def export_assessment_file(win: WindowApi) -> None:
    """File → Export assessment workbook…: the current Party's ratings, comments, summary."""
    chosen = current_factsheet(win)
    if chosen is None:
        return
    fid, party = chosen
    lang = dialogs.ask_document_language(
        win.parent_widget(),
        QCoreApplication.translate("excel_actions", "Export assessment workbook"),
        party,
        default_language(win, fid),
    )
    if lang is None:
        return
    target = dialogs.ask_save_path(
        win.parent_widget(),
        translate("excel_actions", "Export assessment workbook"),
        f"assessment-{dialogs.file_stem(party)}.xlsx",
        dialogs.XLSX_FILTER,
    )
    if not target:
        return
    target = dialogs.with_suffix(target, ".xlsx")
    win.workbench.assessment.flush()

    def job(cancel: Cancel) -> int:
        cancel.check()
        return export_assessment_xlsx(
            win.db, target, factsheet_id=fid, cancel=cancel, lang=lang or None
        )

    win.runner.run_in_background(
        translate("excel_actions", "Export assessment workbook"),
        translate("excel_actions", "Writing the assessment of {party}…").format(party=party),
        job,
        lambda rows: win.statusBar().showMessage(
            ExcelCounts().assessment(rows).format(party=party, path=target), 10000
        ),
    )


def export_overview_file(win: WindowApi) -> None:
    """File → Export overview workbook…: every Party's ratings side by side."""
    lang = dialogs.ask_document_language(
        win.parent_widget(),
        QCoreApplication.translate("excel_actions", "Export overview workbook"),
        QCoreApplication.translate("excel_actions", "all Parties"),
        current_language(),  # of every Party: the user's
    )
    if lang is None:
        return
    target = dialogs.ask_save_path(
        win.parent_widget(),
        translate("excel_actions", "Export overview workbook"),
        "overview.xlsx",
        dialogs.XLSX_FILTER,
    )
    if not target:
        return
    target = dialogs.with_suffix(target, ".xlsx")
    win.workbench.assessment.flush()

    def job(cancel: Cancel) -> tuple[int, int]:
        cancel.check()
        return export_overview_xlsx(win.db, target, cancel=cancel, lang=lang or None)

    def done(counts: tuple[int, int]) -> None:
        codes, parties = counts
        win.statusBar().showMessage(
            ExcelCounts().overview(codes).format(parties=parties, path=target), 10000
        )

    win.runner.run_in_background(
        translate("excel_actions", "Export overview workbook"),
        translate("excel_actions", "Writing the overview…"),
        job,
        done,
    )


def several_parties(win: WindowApi) -> bool:
    """Whether the overview makes sense: the database holds more than one Party."""
    return len({s.party for s in win.workbench.model.factsheets()}) > 1
