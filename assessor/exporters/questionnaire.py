"""The Excel questionnaire a State fills in: instructions, one row per recommendation, metadata.

Rows carry the recommendation's stable ``uid`` in a hidden column, so answers are matched back by
identity, never by row position. Everything but the answer columns is locked. The questionnaire
is written in the State's language (``lang``: English or French), which the hidden metadata
records; the import reads either, by the hidden IDs, never by the titles.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.styles import Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assessor import __version__
from assessor.db.engine import Database
from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.exporters.document_words import (
    STATE_STATUSES,
    document_language,
    status_label,
    status_labels,
    verb_label,
)
from assessor.exporters.questionnaire_rows import (
    SCOPES,
    QuestionnaireLine,
    previous_follow_up,
    questionnaire_lines,
)
from assessor.exporters.xlsx_common import (
    ANSWER_FILL,
    GRID,
    HEADER_FILL,
    HEADER_FONT,
    LOCKED_FILL,
    WRAP_TOP,
    cell_text,
    factsheet_chosen,
    row_height,
    save_workbook,
)
from assessor.i18n import LANGUAGES, N_, Words, words
from assessor.services.cancel import Cancel, check

#: Bumped whenever the layout changes; an import refuses a workbook of another version.
#: Not for what the cells hold: pre-filling the status and references kept version 1, as
#: the columns, IDs and checksum are the same and the files sent out before still import alike.
TEMPLATE_VERSION = "1"
#: The sheets' names in English; a French questionnaire has them in French (the same words).
QUESTIONNAIRE_SHEET = N_("Questionnaire")
INSTRUCTIONS_SHEET = N_("Instructions")
META_SHEET = "_meta"
#: The Questionnaire sheet's columns, in order, with their widths; the importer checks them
#: (in the questionnaire's language).
COLUMNS: tuple[tuple[str, float], ...] = (
    (N_("ID"), 12),
    (N_("Code"), 10),
    (N_("Chapter"), 16),
    (N_("Type"), 9),
    (N_("Recommendation"), 55),
    (N_("Previous follow-up"), 60),
    (N_("Follow-up"), 55),
    (N_("State's own status"), 13),
    (N_("References"), 22),
)
HEADERS = tuple(name for name, _ in COLUMNS)
WIDTHS = tuple(width for _, width in COLUMNS)
#: The columns the State may write in (1-based); the status drop-down's choices are the
#: STATE_STATUSES (document_words) in the questionnaire's language.
ANSWER_COLUMNS = (7, 8, 9)
UNLOCKED = Protection(locked=False)
__all__ = [
    "IN_SCOPE_VERBS",
    "SCOPES",
    "STATE_STATUSES",
    "QuestionnaireLine",
    "headers",
    "previous_follow_up",
    "questionnaire_lines",
    "sheet_names",
]


def headers(w: Words) -> tuple[str, ...]:
    """The Questionnaire sheet's column titles in ``w``'s language."""
    return tuple(w.gettext(name) for name in HEADERS)


def sheet_names(name: str) -> tuple[str, ...]:
    """A sheet's name in every language a questionnaire may be written in."""
    return tuple(dict.fromkeys(words(lang).gettext(name) for lang in LANGUAGES))


def ids_checksum(uids: Iterable[str]) -> str:
    """A checksum of the ID column, in order, so an import notices rows added or removed."""
    return hashlib.sha256("\n".join(uids).encode("ascii", "replace")).hexdigest()


def ids_set_checksum(uids: Iterable[str]) -> str:
    """A checksum of the IDs in any order: a State may sort the rows, not add or remove any."""
    return ids_checksum(sorted(uids))


def _instructions(
    ws: Worksheet, w: Words, party: str, round_title: str, deadline: str, contact: str
) -> None:
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 90
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    title = w.gettext("Lanzarote Committee — questionnaire for {party}").format(party=party)
    ws["A1"] = cell_text(title)
    ws["A1"].font = Font(bold=True, color="1F4E79", size=14)
    deadline_label, contact_label = w.gettext("Deadline"), w.gettext("Contact")
    rows = [
        (w.gettext("Monitoring round"), round_title),
        (
            w.gettext("What is asked"),
            w.gettext(
                "For each recommendation of the Committee on the Questionnaire sheet, describe "
                "the measures taken since the previous follow-up: laws adopted or amended, "
                "policies, training, data. The previous follow-up is shown for reference."
            ),
        ),
        (
            w.gettext("How to answer"),
            w.gettext(
                "Write only in the Follow-up, State's own status and References columns "
                "(shaded). Leave a Follow-up cell empty to keep the previous follow-up as it is. "
                "The status and references already filled in are those of the previous "
                "follow-up: update them. You may sort or filter the rows, as answers are matched "
                "to recommendations by a hidden identifier, not by position; do not add or "
                "remove rows (an added row cannot be matched), and do not edit the other "
                "columns. Type text, not formulas."
            ),
        ),
        (
            w.gettext("State's own status"),
            w.gettext("Optional: {choices}.").format(choices=", ".join(status_labels(w))),
        ),
        (deadline_label, deadline),
        (contact_label, contact),
    ]
    for i, (label, value) in enumerate(rows, start=3):
        ws.cell(i, 1, label).font = Font(bold=True)
        ws.cell(i, 1).alignment = WRAP_TOP
        cell = ws.cell(i, 2, cell_text(value))
        cell.alignment = WRAP_TOP
        ws.row_dimensions[i].height = row_height([(value, 90)])
        if label in (deadline_label, contact_label):
            # The Secretariat may fill these in before sending the file.
            cell.protection = UNLOCKED
            cell.fill = ANSWER_FILL
            cell.border = GRID
    ws.protection.sheet = True


def _questionnaire(
    ws: Worksheet, w: Words, lines: list[QuestionnaireLine], cancel: Cancel | None = None
) -> None:
    for col, (name, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(1, col, w.gettext(name))
        cell.font, cell.fill, cell.alignment, cell.border = HEADER_FONT, HEADER_FILL, WRAP_TOP, GRID
        ws.column_dimensions[cell.column_letter].width = width
    ws.column_dimensions["A"].hidden = True
    ws.row_dimensions[1].height = 30  # room for the two-line headers
    for row, line in enumerate(lines, start=2):
        check(cancel)  # per row: Cancel stops a long questionnaire, and nothing is saved
        values = (
            line.uid,
            ", ".join(line.codes),
            line.chapter,
            verb_label(line.verb, w),
            line.text,
            line.previous_in(w),
            "",
            # Pre-filled: the State updates its status and references rather than retyping
            # them, so a new text alone keeps them (an empty cell would clear them).
            status_label(line.follow_up_state_status, w),
            line.follow_up_references,
        )
        ws.row_dimensions[row].height = row_height(zip(values[1:], WIDTHS[1:], strict=True))
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, cell_text(value) if value else None)
            cell.alignment, cell.border = WRAP_TOP, GRID
            if col in ANSWER_COLUMNS:
                cell.protection, cell.fill = UNLOCKED, ANSWER_FILL
            elif col > 1:
                cell.fill = LOCKED_FILL
    last = len(lines) + 1
    if lines:
        choices = status_labels(w)
        status = DataValidation(
            type="list",
            formula1='"' + ",".join(choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=w.gettext("State's own status"),
            error=w.gettext("Choose one of: {choices}, or leave it empty.").format(
                choices=", ".join(choices)
            ),
        )
        ws.add_data_validation(status)
        status.add(f"H2:H{last}")
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    ws.freeze_panes = "C2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.oddFooter.center.text = w.gettext("Page &P of &N")
    # Locked but still usable: the State may resize rows and columns to read long text.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    # Sorting and filtering are safe: rows are matched by their hidden ID, not their place.
    ws.protection.sort = False
    ws.protection.autoFilter = False


def _meta(ws: Worksheet, meta: dict[str, str]) -> None:
    for row, (key, value) in enumerate(meta.items(), start=1):
        ws.cell(row, 1, key)
        ws.cell(row, 2, cell_text(value))
    ws.protection.sheet = True
    # Very hidden: not listed in the spreadsheet's "Unhide" dialog.
    ws.sheet_state = "veryHidden"


def build_questionnaire(
    db: Database,
    party: str | None = None,
    scope: str = "compliance",
    deadline: str = "",
    contact: str = "",
    now: datetime | None = None,
    factsheet_id: int | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> tuple[Workbook, int]:
    """The questionnaire workbook of a Party's factsheet, and how many rows it asks about.

    ``lang``: the State's language ("en", "fr"); by default its factsheet's, else the user's.
    """
    with db.reading() as session:
        factsheet_id, party_name, round_title = factsheet_chosen(session, party, factsheet_id)
        lines = questionnaire_lines(session, factsheet_id, scope)
        w = words(document_language(session, factsheet_id, lang))
    wb = Workbook()
    instructions = wb.active
    assert instructions is not None
    instructions.title = w.gettext(INSTRUCTIONS_SHEET)
    _instructions(instructions, w, party_name, round_title, deadline, contact)
    _questionnaire(wb.create_sheet(w.gettext(QUESTIONNAIRE_SHEET)), w, lines, cancel)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    _meta(
        wb.create_sheet(META_SHEET),
        {
            "template_version": TEMPLATE_VERSION,
            # Read back to compare the locked cells in the words they were written in.
            "language": w.lang,
            "party": party_name,
            "round": round_title,
            "scope": scope,
            "exported_at": moment.replace(microsecond=0).isoformat(),
            "rows": str(len(lines)),
            "ids_checksum": ids_checksum(ln.uid for ln in lines),
            "ids_set_checksum": ids_set_checksum(ln.uid for ln in lines),
            "application": f"assessor {__version__}",
        },
    )
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = w.gettext("Questionnaire — {party}").format(party=party_name)
    wb.properties.creator = "Assessor"
    return wb, len(lines)


def export_questionnaire(
    db: Database,
    path: str | os.PathLike[str],
    party: str | None = None,
    scope: str = "compliance",
    deadline: str = "",
    contact: str = "",
    factsheet_id: int | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> int:
    """Write a Party's questionnaire to ``path`` (atomically); return the number of rows.

    ``factsheet_id`` chooses the factsheet directly (the window's), instead of ``party``.
    ``cancel`` is checked per row; a cancelled export leaves no file. ``lang``: the State's
    language (default: its factsheet's, else the user's).
    """
    wb, count = build_questionnaire(
        db, party, scope, deadline, contact, None, factsheet_id, cancel=cancel, lang=lang
    )
    save_workbook(wb, path, cancel)
    return count
