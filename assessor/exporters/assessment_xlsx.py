"""The rapporteur's assessment as an Excel workbook, and the overview of every Party (``--all``).

The Party workbook has one row per recommendation (rating label on its level's colour), a
Summary sheet (chapter × rating and verb × rating counts) and the assessor's themed
recommendations, in the reader's language (``lang``). The overview is codes × Parties,
written in openpyxl's streaming (write-only) mode so that tens of thousands of rows stay quick
and small in memory.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.follow_up_state import follow_up_newer_than_rating
from assessor.db.models import (
    Assessment,
    Recommendation,
)
from assessor.db.queries import rating_levels, themes
from assessor.db.tree_rows import current_follow_up_received_at
from assessor.domain.values import Level
from assessor.exporters.document_words import (
    assessment_status_label,
    document_language,
    rating_label,
    received_on,
    review_note,
    scope_label,
    status_label,
    verb_label,
)
from assessor.exporters.questionnaire import IN_SCOPE_VERBS, questionnaire_lines
from assessor.exporters.xlsx_common import (
    GRID,
    HEADER_FILL,
    HEADER_FONT,
    WRAP_TOP,
    cell_text,
    factsheet_chosen,
    rating_fill,
    rating_font,
    row_height,
    save_workbook,
)
from assessor.i18n import N_, Words, words
from assessor.services.cancel import Cancel, check

VERBS = ("require", "request", "invite")
#: The overview's mark of a rating given before the current follow-up, and its key's suffix.
REVIEW_MARK = "↻"
REVIEW_SUFFIX = "\x00review"
ASSESSMENT_COLUMNS: tuple[tuple[str, float], ...] = (
    (N_("Codes"), 12),
    (N_("Chapter"), 24),
    (N_("Verb"), 10),
    (N_("Scope"), 10),
    (N_("Compliance procedure"), 12),
    (N_("Rating"), 22),
    (N_("Comment"), 45),
    (N_("Status"), 9),
    (N_("Follow-up"), 60),
    (N_("State's status"), 13),
    (N_("References"), 22),
    (N_("Recommendation"), 60),
    (N_("Follow-up after the rating"), 24),
    (N_("Follow-up received"), 16),
)
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
CODE_RE = re.compile(r"^([IVXL]+)-(\d+)$")


@dataclass(frozen=True)
class AssessedLine:
    """One recommendation of the assessment sheet."""

    codes: str
    chapter: str
    verb: str
    scope: str
    rating: str | None
    comment: str
    status: str
    follow_up: str
    text: str
    follow_up_state_status: str = ""
    follow_up_references: str = ""
    #: Rated before the current follow-up came in (the window's ↻).
    review: bool = False
    #: When the current follow-up was received, as precise as its source ("March 2025").
    received: str = ""


def _roman(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = ROMAN.get(ch, 0)
        nxt = ROMAN.get(numeral[i + 1], 0) if i + 1 < len(numeral) else 0
        total += -value if value < nxt else value
    return total


def code_order(code: str) -> tuple[int, int, str]:
    """Sort key putting ``II-10`` after ``II-9`` and chapter ``X`` after ``IX``."""
    m = CODE_RE.match(code)
    return (_roman(m.group(1)), int(m.group(2)), "") if m else (999, 0, code)


def _header(
    ws: Worksheet, columns: Sequence[tuple[str, float]], row: int = 1, w: Words | None = None
) -> None:
    """A header row; with ``w``, the names are translated (else they are already words)."""
    for col, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row, col, cell_text(w.gettext(name) if w and name else name))
        cell.font, cell.fill, cell.alignment, cell.border = HEADER_FONT, HEADER_FILL, WRAP_TOP, GRID
        if width:
            ws.column_dimensions[cell.column_letter].width = width


def _assessed_lines(session: Session, factsheet_id: int, w: Words) -> list[AssessedLine]:
    received = {
        rec_id: received_on(w, moment, precision)
        for rec_id, (moment, precision) in current_follow_up_received_at(
            session, factsheet_id
        ).items()
    }
    uids = {
        uid: (scope, rating, comment, status, bool(review), received.get(rec_id, ""))
        for uid, rec_id, scope, rating, comment, status, review in session.execute(
            select(
                Recommendation.uid,
                Recommendation.id,
                Recommendation.scope,
                Assessment.rating,
                Assessment.comment,
                Assessment.status,
                follow_up_newer_than_rating(),
            )
            .outerjoin(Assessment, Assessment.recommendation_id == Recommendation.id)
            .where(Recommendation.factsheet_id == factsheet_id)
        )
    }
    out = []
    # The questionnaire's reading order and current follow-ups, shared rather than re-queried.
    for line in questionnaire_lines(session, factsheet_id, "all"):
        scope, rating, comment, status, review, when = uids[line.uid]
        out.append(
            AssessedLine(
                ", ".join(line.codes),
                line.chapter,
                line.verb,
                scope,
                rating,
                comment or "",
                status or "draft",
                line.follow_up,
                line.text,
                line.follow_up_state_status,
                line.follow_up_references,
                review,
                when if line.follow_up else "",
            )
        )
    return out


def _assessment_sheet(
    ws: Worksheet,
    lines: list[AssessedLine],
    levels: dict[str, Level],
    cancel: Cancel | None = None,
    w: Words | None = None,
) -> None:
    w = w or words("en")
    _header(ws, ASSESSMENT_COLUMNS, w=w)
    yes, no, review = w.gettext("yes"), w.gettext("no"), review_note(w)
    for row, line in enumerate(lines, start=2):
        check(cancel)  # per row: Cancel stops a long sheet, and nothing is saved
        level = levels.get(line.rating or "")
        values = (
            line.codes,
            line.chapter,
            verb_label(line.verb, w),
            scope_label(line.scope, w),
            yes if line.verb in IN_SCOPE_VERBS else no,
            rating_label(level, w),
            line.comment,
            assessment_status_label(line.status, w),
            line.follow_up,
            status_label(line.follow_up_state_status, w),
            line.follow_up_references,
            line.text,
            review if line.review else "",
            line.received,
        )
        widths = (width for _, width in ASSESSMENT_COLUMNS)
        ws.row_dimensions[row].height = row_height(zip(values, widths, strict=True))
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, cell_text(value) or None)
            cell.alignment, cell.border = WRAP_TOP, GRID
        if level:
            rating = ws.cell(row, 6)
            rating.fill, rating.font = rating_fill(level.color), rating_font(level.color)
            if line.review:  # seen beside the rating too, as a note
                rating.comment = Comment(review, "Assessor")
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{ws.cell(1, len(ASSESSMENT_COLUMNS)).column_letter}{len(lines) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _count_table(
    ws: Worksheet, top: int, title: str, keys: Iterable[str], counts: Counter[tuple[str, str]],
    levels: Sequence[Level], w: Words, name: Callable[[str], str] = str,
) -> int:  # fmt: skip
    columns = [(lv.key, rating_label(lv, w), lv.color) for lv in levels]
    columns.append(("", rating_label(None, w), ""))
    ws.cell(top, 1, cell_text(title)).font = Font(bold=True, size=12)
    total_label = w.gettext("Total")
    _header(ws, [("", 0)] + [(label, 0) for _, label, _ in columns] + [(total_label, 0)], top + 1)
    for i, (_, _, color) in enumerate(columns, start=2):
        if color:
            ws.cell(top + 1, i).fill, ws.cell(top + 1, i).font = (
                rating_fill(color),
                rating_font(color),
            )
    row = top + 2
    for key in keys:
        ws.cell(row, 1, cell_text(name(key))).font = Font(bold=True)
        total = 0
        for col, (level_key, _, _) in enumerate(columns, start=2):
            n = counts[(key, level_key)]
            total += n
            ws.cell(row, col, n).border = GRID
        ws.cell(row, len(columns) + 2, total).font = Font(bold=True)
        row += 1
    return row + 1


def _summary_sheet(
    ws: Worksheet, lines: list[AssessedLine], levels: Sequence[Level], w: Words
) -> None:
    known = {lv.key for lv in levels}
    by_chapter: Counter[tuple[str, str]] = Counter()
    by_verb: Counter[tuple[str, str]] = Counter()
    for line in lines:
        key = line.rating if line.rating in known else ""
        by_chapter[(line.chapter, key)] += 1
        by_verb[(line.verb, key)] += 1
    chapters = list(dict.fromkeys(line.chapter for line in lines))
    by_chapter_title = w.gettext("Ratings by chapter")
    next_row = _count_table(ws, 1, by_chapter_title, chapters, by_chapter, levels, w)
    _count_table(
        ws,
        next_row,
        w.gettext("Ratings by verb"),
        VERBS,
        by_verb,
        levels,
        w,
        lambda verb: verb_label(verb, w),
    )
    ws.column_dimensions["A"].width = 34
    for col in range(2, len(levels) + 4):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = 16


def _themes_sheet(ws: Worksheet, session: Session, factsheet_id: int, w: Words) -> None:
    columns = [(N_("Theme"), 30), ("#", 5), (N_("Recommendation"), 80), (N_("Linked codes"), 18)]
    _header(ws, columns, w=w)
    row = 2
    for theme in themes(session, factsheet_id):
        for n, item in enumerate(theme.items, start=1):
            values = (theme.title, n, item.text, ", ".join(item.links))
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row, col, cell_text(value) if isinstance(value, str) else value)
                cell.alignment, cell.border = WRAP_TOP, GRID
            row += 1
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:D{max(row - 1, 1)}"


def build_assessment_workbook(
    db: Database,
    party: str | None = None,
    factsheet_id: int | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> tuple[Workbook, int]:
    """The assessment workbook of one Party's factsheet, and its number of recommendations.

    ``lang``: the reader's language ("en", "fr"); by default the factsheet's, else the user's.
    """
    with db.reading() as session:
        factsheet_id, party_name, _ = factsheet_chosen(session, party, factsheet_id)
        w = words(document_language(session, factsheet_id, lang))
        levels = rating_levels(session, factsheet_id)
        lines = _assessed_lines(session, factsheet_id, w)
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = w.gettext("Assessment")
        _assessment_sheet(ws, lines, {lv.key: lv for lv in levels}, cancel, w)
        check(cancel)
        _summary_sheet(wb.create_sheet(w.gettext("Summary")), lines, levels, w)
        check(cancel)
        _themes_sheet(wb.create_sheet(w.gettext("Themes")), session, factsheet_id, w)
    wb.properties.title = w.gettext("Assessment — {party}").format(party=party_name)
    wb.properties.creator = "Assessor"
    return wb, len(lines)


def export_assessment_xlsx(
    db: Database,
    path: str | os.PathLike[str],
    party: str | None = None,
    factsheet_id: int | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> int:
    """Write one Party's assessment workbook to ``path``; return the number of rows.

    ``factsheet_id`` chooses the factsheet directly (the window's), instead of ``party``.
    ``cancel`` is checked per row and sheet; a cancelled export leaves no file. ``lang``: the
    reader's language (default: the factsheet's, else the user's).
    """
    wb, count = build_assessment_workbook(db, party, factsheet_id, cancel, lang)
    save_workbook(wb, path, cancel)
    return count
