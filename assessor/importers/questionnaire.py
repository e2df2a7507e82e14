"""Reading a questionnaire a State filled in: a pure function from an .xlsx file to plain rows.

The file is checked before openpyxl sees it (``assessor.importers.xlsx_file``: size, signature,
the zip's declared sizes, DOCTYPEs, so a zip bomb, billion laughs or an encrypted workbook is
refused with a plain sentence), then opened read-only: no formula is evaluated, no external link
followed, and defusedxml guards the XML parser. Every row is read, whatever the sheet's
``<dimension>`` says; every text is decoded (``_xHHHH_``) and cleaned (``clean_text``).
Nothing here touches the database; ``assessor.services.questionnaires`` compares and writes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from assessor.exporters.questionnaire import (
    HEADERS,
    META_SHEET,
    QUESTIONNAIRE_SHEET,
    TEMPLATE_VERSION,
    headers,
    ids_checksum,
    ids_set_checksum,
    sheet_names,
)
from assessor.exporters.xlsx_common import FORMULA_TRIGGERS, MAX_CELL_CHARS
from assessor.i18n import LANGUAGES, N_, _, language_of, ngettext, words
from assessor.importers.common import ImportRejected
from assessor.importers.xlsx_file import (
    CFB_MAGIC,
    ZIP_MAGIC,
    check_workbook_file,
    decode_escapes,
    is_workbook,
    open_workbook,
)
from assessor.sanitize import clean_text

__all__ = [
    "CFB_MAGIC",
    "ZIP_MAGIC",
    "AnsweredRow",
    "ParsedQuestionnaire",
    "check_file",
    "is_uid",
    "is_workbook",
    "read_questionnaire",
]

#: More rows than any factsheet has recommendations, by far.
MAX_ROWS = 100_000
#: The longest answer accepted: what an Excel cell can hold.
MAX_ANSWER_CHARS = MAX_CELL_CHARS

UID_RE = re.compile(r"^[0-9a-f]{32}$")
#: The answer columns' names in messages (marked, translated where shown).
ANSWER_NAMES = (N_("Follow-up"), N_("State's own status"), N_("References"))
#: openpyxl's data type of a cell holding an error value (#REF!, #N/A, #DIV/0!, …).
ERROR_TYPE = "e"


@dataclass(frozen=True)
class AnsweredRow:
    """One row of the Questionnaire sheet as read, with the reasons it cannot be taken."""

    row: int
    uid: str
    code: str
    chapter: str
    verb: str
    recommendation: str
    previous: str
    follow_up: str
    state_status: str
    references: str
    #: Reasons to reject the row (its answer is not taken).
    problems: tuple[str, ...] = ()
    #: Things to report about a row that is still taken (a formula taken as text).
    notes: tuple[str, ...] = ()

    @property
    def has_answer(self) -> bool:
        """True when the State wrote anything in the answer columns."""
        return bool(self.follow_up or self.state_status or self.references)


@dataclass(frozen=True)
class ParsedQuestionnaire:
    """A questionnaire file read into plain values: its metadata, rows and file-level warnings."""

    source: str
    meta: Mapping[str, str]
    rows: tuple[AnsweredRow, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def party(self) -> str:
        """The Party the questionnaire was exported for."""
        return self.meta.get("party", "")

    @property
    def round(self) -> str:
        """The monitoring round the questionnaire was exported for."""
        return self.meta.get("round", "")

    @property
    def language(self) -> str:
        """The language it was written in ("en" for questionnaires from before languages)."""
        return language_of(self.meta.get("language")) or "en"


def check_file(path: Path) -> None:
    """Refuse, before any parser runs, what is not a reasonably sized, unencrypted workbook."""
    check_workbook_file(path)


def _text(value: Any) -> str:
    """A cell value as text, the way the State sees it; never evaluated, always cleaned."""
    if value is None:
        return ""
    if isinstance(value, ArrayFormula):
        value = value.text or ""
    if isinstance(value, str):
        return clean_text(decode_escapes(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return clean_text(str(value))


def _questionnaire_sheet(wb: Any) -> str | None:
    """The Questionnaire sheet's name in the language it was written in, None if none is."""
    return next((n for n in sheet_names(QUESTIONNAIRE_SHEET) if n in wb.sheetnames), None)


def _meta(wb: Any, name: str) -> dict[str, str]:
    if _questionnaire_sheet(wb) is None or META_SHEET not in wb.sheetnames:
        raise ImportRejected(
            _(
                "{name}: this is not an Assessor questionnaire (its {sheet} or hidden "
                "{meta} sheet is missing)."
            ).format(name=name, sheet=QUESTIONNAIRE_SHEET, meta=META_SHEET)
        )
    meta: dict[str, str] = {}
    sheet = wb[META_SHEET]
    sheet.reset_dimensions()  # a stale <dimension> must not hide rows (nor meta keys)
    for row in sheet.iter_rows(max_col=2, max_row=100, values_only=True):
        if row and row[0]:
            meta[_text(row[0]).strip()] = _text(row[1] if len(row) > 1 else None).strip()
    version = meta.get("template_version", "")
    if version != TEMPLATE_VERSION:
        raise ImportRejected(
            _(
                "{name}: this questionnaire uses template version {version}, and this "
                "version of Assessor reads version {expected}; export a new questionnaire."
            ).format(name=name, version=version or _("unknown"), expected=TEMPLATE_VERSION)
        )
    if not meta.get("party"):
        raise ImportRejected(
            _("{name}: the questionnaire does not say which Party it is for.").format(name=name)
        )
    return meta


def _answer(cell: Any, column: str, problems: list[str], notes: list[str]) -> str:
    value = getattr(cell, "value", None)
    column = _(column)
    if getattr(cell, "data_type", None) == ERROR_TYPE:
        problems.append(
            _(
                "the {column} cell holds the error value {value} (a formula or reference that "
                "failed), not an answer; type the answer as text"
            ).format(column=column, value=_text(value)[:20] or _("(unknown)"))
        )
        return ""
    if isinstance(value, DataTableFormula):
        problems.append(
            _("the {column} cell holds a data table, not an answer; type it as text").format(
                column=column
            )
        )
        return ""
    text = _text(value).strip()
    if len(text) > MAX_ANSWER_CHARS:
        problems.append(
            _("the {column} cell has {n:,} characters; at most {limit:,} are accepted").format(
                column=column, n=len(text), limit=MAX_ANSWER_CHARS
            )
        )
        return ""
    if text.startswith(FORMULA_TRIGGERS[0]):
        notes.append(
            _("the {column} cell holds a formula; its text was taken as is, not evaluated").format(
                column=column
            )
        )
    return text


def _row(number: int, cells: tuple[Any, ...]) -> AnsweredRow:
    padded = (*cells, *([None] * (len(HEADERS) - len(cells))))[: len(HEADERS)]
    values = [getattr(c, "value", None) for c in padded]
    problems: list[str] = []
    notes: list[str] = []
    follow_up, status, references = (
        _answer(padded[6 + i], column, problems, notes) for i, column in enumerate(ANSWER_NAMES)
    )
    return AnsweredRow(
        row=number,
        uid=_text(values[0]).strip(),
        code=_text(values[1]),
        chapter=_text(values[2]),
        verb=_text(values[3]),
        recommendation=_text(values[4]),
        previous=_text(values[5]),
        follow_up=follow_up,
        state_status=status,
        references=references,
        problems=tuple(problems),
        notes=tuple(notes),
    )


def _duplicates(rows: list[AnsweredRow]) -> list[AnsweredRow]:
    by_uid: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        if r.uid:
            by_uid[r.uid].append(r.row)
    out = []
    for r in rows:
        others = [n for n in by_uid.get(r.uid, ()) if n != r.row]
        if others:
            where = ", ".join(str(n) for n in others)
            problem = ngettext(
                "its hidden ID appears again in row {rows}, so neither row is taken",
                "its hidden ID appears again in rows {rows}, so none of these rows is taken",
                len(others),
            ).format(rows=where)
            r = replace(r, problems=(*r.problems, problem))
        out.append(r)
    return out


def _rows_warning(meta: Mapping[str, str], uids: list[str]) -> str:
    """Whether rows were added or removed since the export (sorted rows are fine), or ""."""
    if not meta.get("ids_checksum") or meta["ids_checksum"] == ids_checksum(uids):
        return ""
    any_order = meta.get("ids_set_checksum")
    if any_order == ids_set_checksum(uids):
        return ""  # sorted or filtered: every row is still there, matched by its ID
    # A questionnaire exported without the any-order checksum cannot tell sorted rows apart.
    if any_order:
        said = _(
            "The rows differ from the ones exported ({exported} exported, {read} read: rows "
            "added or removed, or their hidden IDs edited); every row is still matched by its "
            "own ID, and a recommendation whose row is missing keeps its follow-up."
        )
    else:
        said = _(
            "The rows differ from the ones exported ({exported} exported, {read} read: rows "
            "added, removed or sorted, or their hidden IDs edited); every row is still matched "
            "by its own ID, and a recommendation whose row is missing keeps its follow-up."
        )
    return said.format(exported=meta.get("rows", "?"), read=len(uids))


def read_questionnaire(path: str | Path) -> ParsedQuestionnaire:
    """Read a filled-in questionnaire; file-level problems raise ``ImportRejected``."""
    p = Path(path)
    check_file(p)
    with open_workbook(p) as wb:
        try:
            meta = _meta(wb, p.name)
            lang = language_of(meta.get("language")) or "en"
            rows = _rows(wb[_questionnaire_sheet(wb)], p.name, lang)
        except ImportRejected:
            raise
        except Exception as exc:  # a sheet whose XML is damaged fails only when read
            raise ImportRejected(
                _("{name}: the workbook is damaged and cannot be read ({type}).").format(
                    name=p.name, type=type(exc).__name__
                )
            ) from None
    warnings = [warning] if (warning := _rows_warning(meta, [r.uid for r in rows])) else []
    return ParsedQuestionnaire(p.name, meta, tuple(_duplicates(rows)), tuple(warnings))


def _rows(sheet: Any, name: str, lang: str = "en") -> list[AnsweredRow]:
    """Every row of the Questionnaire sheet under the header, as cells (their type matters).

    The header is in the questionnaire's language (``lang``); any language's is accepted.
    """
    # openpyxl's read-only mode stops where the sheet's <dimension> tag says the data ends; a
    # tag left stale by the program that saved the file would silently drop the rows below.
    sheet.reset_dimensions()
    rows_iter = sheet.iter_rows(max_col=len(HEADERS))
    header = tuple(_text(getattr(c, "value", None)).strip() for c in next(rows_iter, ()))
    known = [headers(words(lang)), *(headers(words(other)) for other in LANGUAGES)]
    if header[: len(HEADERS)] not in known:
        raise ImportRejected(
            _("{name}: the columns of the {sheet} sheet were changed; expected {columns}.").format(
                name=name, sheet=QUESTIONNAIRE_SHEET, columns=", ".join(known[0])
            )
        )
    rows: list[AnsweredRow] = []
    for number, cells in enumerate(rows_iter, start=2):
        if not any(getattr(c, "value", None) not in (None, "") for c in cells):
            continue  # formatted but empty rows at the end of a sheet
        if len(rows) >= MAX_ROWS:
            raise ImportRejected(
                _("{name}: the questionnaire has more than {limit:,} rows; it is refused.").format(
                    name=name, limit=MAX_ROWS
                )
            )
        rows.append(_row(number, cells))
    return rows


def is_uid(value: str) -> bool:
    """True when ``value`` looks like a recommendation's stable ID (32 hex digits)."""
    return bool(UID_RE.match(value))
