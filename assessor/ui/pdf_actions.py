"""File menu's PDF actions: Print… (a preview of the summary) and Export PDF summary….

Both ask the same options as ``assessor export pdf`` (scope, only rated, full follow-ups) for
the Party shown in the workbench, remember the last choices, and render off the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from assessor.services.cancel import Cancel
from assessor.ui import dialogs
from assessor.ui.dialogs import PdfOptions
from assessor.ui.document_language import default_language
from assessor.ui.style import round_short
from assessor.ui.translation import QT_TRANSLATE_NOOP
from assessor.ui.window_settings import SettingsStore

if TYPE_CHECKING:
    from assessor.exporters.pdf_data import Scope
    from assessor.ui.window_api import WindowApi

translate = QCoreApplication.translate

PRINT_TITLE = QT_TRANSLATE_NOOP("pdf_actions", "Print summary")
EXPORT_TITLE = QT_TRANSLATE_NOOP("pdf_actions", "Export PDF summary")
_KEYS = ("pdf/scope", "pdf/only_rated", "pdf/full_follow_ups")


def remembered(settings: SettingsStore) -> PdfOptions:
    """The options chosen last time (the command line's defaults the first time)."""
    scope_key, rated_key, full_key = _KEYS
    scope: Scope = "all" if settings.value(scope_key, "compliance") == "all" else "compliance"
    return PdfOptions(
        scope,
        bool(settings.value(rated_key, False, type=bool)),
        bool(settings.value(full_key, False, type=bool)),
    )


def remember(settings: SettingsStore, options: PdfOptions) -> None:
    """Keep the options for the next summary."""
    scope_key, rated_key, full_key = _KEYS
    settings.setValue(scope_key, options.scope)
    settings.setValue(rated_key, options.only_rated)
    settings.setValue(full_key, options.full_follow_ups)


def ask_options(win: WindowApi, title: str) -> tuple[int, str, PdfOptions] | None:
    """The shown Party's factsheet, its name and the options chosen; None if cancelled."""
    title = translate("pdf_actions", title)
    fid = win.factsheet_id()
    if fid is None:
        dialogs.show_error(
            win.parent_widget(),
            title,
            translate("pdf_actions", "There is no factsheet yet: import one first."),
        )
        return None
    sheet = next((s for s in win.workbench.model.factsheets() if s.id == fid), None)
    party = (
        f"{sheet.party} ({round_short(sheet.round)})"
        if sheet
        else translate("pdf_actions", "this Party")
    )
    # The language starts at the Party's each time (a reader's, not remembered across Parties).
    last = replace(remembered(win.settings), lang=default_language(win, fid))
    options = dialogs.ask_pdf_options(win.parent_widget(), title, party, last)
    if options is None:
        return None
    remember(win.settings, options)
    return fid, party, options


def print_summary(win: WindowApi) -> None:
    """File → Print summary…: render the chosen summary off the GUI thread, then preview it."""
    from assessor.exporters.pdf_summary import summary_pdf_bytes

    chosen = ask_options(win, PRINT_TITLE)
    if chosen is None:
        return
    fid, party, options = chosen
    win.workbench.assessment.flush()  # the summary prints what is saved
    by = win.ctx.by

    def job(cancel: Cancel) -> bytes:
        cancel.check()
        return summary_pdf_bytes(
            win.db,
            scope=options.scope,
            only_rated=options.only_rated,
            full_follow_ups=options.full_follow_ups,
            assessor_name=by,
            factsheet_id=fid,
            cancel=cancel,
            lang=options.lang or None,
        )

    def show(pdf: bytes) -> None:
        from assessor.ui import print_preview

        title = translate("pdf_actions", "Summary for the Committee — {party}")
        print_preview.preview_pdf(pdf, win.parent_widget(), title.format(party=party))

    win.runner.run_in_background(
        translate("pdf_actions", PRINT_TITLE),
        translate("pdf_actions", "Preparing the summary of {party}…").format(party=party),
        job,
        show,
    )


def export_pdf(win: WindowApi) -> None:
    """File → Export PDF summary…: write the chosen summary to a file, off the GUI thread."""
    from assessor.exporters.pdf_summary import write_pdf_summary

    chosen = ask_options(win, EXPORT_TITLE)
    if chosen is None:
        return
    fid, party, options = chosen
    target = dialogs.ask_save_path(
        win.parent_widget(),
        translate("pdf_actions", EXPORT_TITLE),
        f"summary-{dialogs.file_stem(party)}.pdf",
        dialogs.PDF_FILTER,
    )
    if not target:
        return
    target = dialogs.with_suffix(target, ".pdf")
    win.workbench.assessment.flush()
    by = win.ctx.by

    def job(cancel: Cancel) -> str:
        cancel.check()
        write_pdf_summary(
            win.db,
            target,
            scope=options.scope,
            only_rated=options.only_rated,
            full_follow_ups=options.full_follow_ups,
            assessor_name=by,
            factsheet_id=fid,
            cancel=cancel,
            lang=options.lang or None,
        )
        return target

    win.runner.run_in_background(
        translate("pdf_actions", EXPORT_TITLE),
        translate("pdf_actions", "Writing the summary of {party}…").format(party=party),
        job,
        lambda path: win.statusBar().showMessage(
            translate("pdf_actions", "Summary of {party} written to {path}").format(
                party=party, path=path
            ),
            8000,
        ),
    )
