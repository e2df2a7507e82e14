"""The overview workbook for a Committee meeting: every Party's ratings side by side, and on
request the agreement with a colleague's assessment (``--agreement``), in the reader's
language (``lang``, default the user's: the overview is of every Party).
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.follow_up_state import follow_up_newer_than_rating
from assessor.db.models import (
    Assessment,
    Factsheet,
    MonitoringRound,
    Party,
    RatingLevel,
    Recommendation,
    RecommendationCode,
)
from assessor.domain.merge import MergePlan
from assessor.domain.values import Level, as_utc
from assessor.exporters.assessment_xlsx import (
    REVIEW_MARK,
    REVIEW_SUFFIX,
    code_order,
)
from assessor.exporters.document_words import rating_label, review_note
from assessor.exporters.xlsx_common import (
    HEADER_FILL,
    HEADER_FONT,
    cell_text,
    discard_write_only,
    rating_fill,
    rating_font,
    save_workbook,
)
from assessor.i18n import Words, current_language, language_of, words
from assessor.services.cancel import Cancel, check
from assessor.services.errors import ServiceError
from assessor.wording import local_when


def _overview_data(
    session: Session,
) -> tuple[list[str], list[str], dict[tuple[str, int], str | None], dict[tuple[int, str], Level]]:
    sheets = session.execute(
        select(Factsheet.id, Party.name, MonitoringRound.title)
        .join(Party, Party.id == Factsheet.party_id)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .order_by(Party.name, MonitoringRound.title, Factsheet.id)
    ).all()
    per_party = Counter(name for _, name, _ in sheets)
    headers = [
        name if per_party[name] == 1 else f"{name} ({title[:40]})" for _, name, title in sheets
    ]
    ids = [fid for fid, _, _ in sheets]
    ratings: dict[tuple[str, int], str | None] = {}
    # Core, not ORM, execution: ~40,000 plain tuples come back three times faster.
    for code, fid, rating, review in session.connection().execute(
        select(
            RecommendationCode.code,
            RecommendationCode.factsheet_id,
            Assessment.rating,
            follow_up_newer_than_rating(),
        )
        .join(Recommendation, Recommendation.id == RecommendationCode.recommendation_id)
        .outerjoin(Assessment, Assessment.recommendation_id == Recommendation.id)
        .where(Recommendation.retired_at.is_(None))
    ):
        # A rating given before the current follow-up is its own kind of cell ("… ↻").
        ratings[(code, fid)] = f"{rating}{REVIEW_SUFFIX}" if rating and review else rating
    levels: dict[tuple[int, str], Level] = {}
    for fid, key, label, color, label_fr in session.execute(
        select(Factsheet.id, RatingLevel.key, RatingLevel.label)
        .add_columns(RatingLevel.color, RatingLevel.label_fr)
        .join(MonitoringRound, MonitoringRound.id == Factsheet.round_id)
        .join(RatingLevel, RatingLevel.scale_id == MonitoringRound.rating_scale_id)
    ):
        levels[(fid, key)] = Level(key, label, color, label_fr or "")
    codes = sorted({code for code, _ in ratings}, key=code_order)
    return headers, codes, ratings, levels | {(fid, ""): Level("", "", "") for fid in ids}


def build_overview_workbook(
    db: Database,
    agreement: MergePlan | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> tuple[Workbook, int, int]:
    """The overview workbook (codes × Parties, coloured ratings); rows and Parties counted.

    ``agreement``: a merge's plan with a colleague's work (nothing merged); adds the sheet
    "Agreement" on the ratings both gave. ``lang``: the reader's language (default the user's).
    """
    w = words(language_of(lang) or current_language())
    with db.reading() as session:
        headers, codes, ratings, levels = _overview_data(session)
        fids = list(dict.fromkeys(fid for fid, _ in levels))
    if not headers:
        raise ServiceError("The database holds no factsheet yet; import one first.")
    wb = Workbook(write_only=True)
    try:
        _fill_overview(wb, w, headers, codes, ratings, levels, fids, agreement, cancel)
    except BaseException:
        discard_write_only(wb)  # cancelled half-way: no rows left behind in temporary files
        raise
    wb.properties.title = w.gettext("Assessment overview — all Parties")
    wb.properties.creator = "Assessor"
    return wb, len(codes), len(headers)


def _fill_overview(
    wb: Workbook,
    w: Words,
    headers: list[str],
    codes: list[str],
    ratings: dict[tuple[str, int], str | None],
    levels: dict[tuple[int, str], Level],
    fids: list[int],
    agreement: MergePlan | None,
    cancel: Cancel | None,
) -> None:
    """The Overview and Legend sheets (and Agreement on request), streamed row by row."""
    ws = wb.create_sheet(w.gettext("Overview"))
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 10
    for i in range(len(headers)):
        ws.column_dimensions[get_column_letter(i + 2)].width = 28  # "Implemented satisfactorily"
    ws.append([_head(ws, w.gettext("Code")), *(_head(ws, cell_text(h)) for h in headers)])
    # One finished cell per level, appended wherever that rating appears: a write-only sheet
    # writes each row as it is appended (setting the cell's coordinates just before), so the
    # same cell can stand for many, and no fill or font is hashed per cell (that was 2× slower).
    styled: dict[tuple[int, str], WriteOnlyCell] = {}
    for (fid, key), lv in levels.items():
        if lv.key:
            label = rating_label(lv, w)
            for suffix, shown in (("", label), (REVIEW_SUFFIX, f"{label} {REVIEW_MARK}")):
                cell = WriteOnlyCell(ws, value=cell_text(shown))
                cell.fill, cell.font = rating_fill(lv.color), rating_font(lv.color)
                styled[(fid, key + suffix)] = cell
    get = ratings.get
    not_rated = rating_label(None, w)
    for code in codes:
        check(cancel)  # per row: a write-only sheet is written as it goes, then thrown away
        row: list[object] = [code]
        for fid in fids:
            if (code, fid) not in ratings:
                row.append(None)
            else:
                row.append(styled.get((fid, get((code, fid)) or ""), not_rated))
        ws.append(row)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers) + 1)}{len(codes) + 1}"
    legend = wb.create_sheet(w.gettext("Legend"))
    legend.append([_head(legend, w.gettext("Rating")), _head(legend, w.gettext("Scale level key"))])
    seen = set()
    for (_, key), lv in levels.items():
        if key and key not in seen:
            seen.add(key)
            cell = WriteOnlyCell(legend, value=cell_text(rating_label(lv, w)))
            cell.fill, cell.font = rating_fill(lv.color), rating_font(lv.color)
            legend.append([cell, key])
    mark = w.gettext("{mark} after a rating").format(mark=REVIEW_MARK)
    legend.append([mark, review_note(w)])
    check(cancel)
    if agreement is not None:
        labels = {key: rating_label(lv, w) for (_, key), lv in levels.items() if key}
        _agreement_sheet(wb, agreement, labels, w)


def _when(w: Words, at: str | None) -> str:
    """An ISO 8601 (UTC) time as a local date and time in the reader's language, or "?"."""
    if w.lang == "en":
        return local_when(at)  # "2 Dec 2026 10:02", as the command line says it
    if not at:
        return "?"
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    local = as_utc(moment).astimezone()
    return f"{w.date(local.date())} {local:%H:%M}"


def _agreement_sheet(wb: Workbook, plan: MergePlan, labels: dict[str, str], w: Words) -> None:
    """How far this database and a colleague's agree on the ratings both gave: who and when
    the other side is, the confusion table (mine as rows, theirs as columns), percent
    agreement and Cohen's kappa."""
    ws = wb.create_sheet(w.gettext("Agreement"))
    a = plan.agreement
    ws.column_dimensions["A"].width = 30
    for i in range(len(a.levels)):
        ws.column_dimensions[get_column_letter(i + 2)].width = 18
    who = cell_text(plan.their_name or w.gettext("a colleague"))
    ws.append([_head(ws, w.gettext("Agreement with")), who])
    ws.append([w.gettext("From"), cell_text(plan.source)])
    ws.append([w.gettext("Written"), _when(w, plan.written_at)])
    sheets = "; ".join(f"{f.party}, {f.round}" for f in plan.factsheets)
    ws.append([w.gettext("Factsheets"), cell_text(sheets)])
    ws.append([])
    names = [cell_text(labels.get(level, level)) for level in a.levels]
    total = w.gettext("Total")
    corner = _head(ws, w.gettext("Mine ↓ / theirs →"))
    ws.append([corner, *(_head(ws, n) for n in names), _head(ws, total)])
    for name, row in zip(names, a.table, strict=True):
        ws.append([_head(ws, name), *row, sum(row)])
    columns = [sum(row[j] for row in a.table) for j in range(len(a.levels))]
    ws.append([_head(ws, total), *columns, a.count])
    ws.append([])
    ws.append([w.gettext("Ratings both gave"), a.count])
    # Numbers stay numbers (the spreadsheet shows them in its own locale's way).
    ws.append([w.gettext("Percent agreement"), None if a.percent is None else round(a.percent, 1)])
    undefined = w.gettext("undefined")
    kappa = undefined if a.kappa is None else round(a.kappa, 3)
    ws.append([w.gettext("Cohen's kappa"), kappa if a.count else undefined])


def _head(ws: object, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    return cell


def export_overview_xlsx(
    db: Database,
    path: str | os.PathLike[str],
    agreement: MergePlan | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> tuple[int, int]:
    """Write the overview of every Party to ``path``; return (codes, Parties).

    ``agreement``: a merge's plan, for the sheet "Agreement" (see ``build_overview_workbook``).
    ``cancel`` is checked per row and sheet; a cancelled export leaves no file. ``lang``: the
    reader's language (default the user's).
    """
    wb, rows, parties = build_overview_workbook(db, agreement, cancel, lang)
    save_workbook(wb, path, cancel)
    return rows, parties
