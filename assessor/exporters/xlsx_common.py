"""What every Excel writer shares: formula-injection escaping, styles, choosing a factsheet, saving.

Untrusted text (recommendations, follow-ups, comments) goes into cells only through
``cell_text``, so that a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return can never
make Excel or LibreOffice run it as a formula (OWASP ASVS 1.2.10), and a control byte that
reached the database before text was cleaned on entry cannot make the export fail (openpyxl
refuses the characters XML 1.0 cannot hold).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from assessor.fileio import atomic_path
from assessor.services.cancel import Cancel, check

# Which factsheet is exported: a service (its refusals are messages to the user).
from assessor.services.export_target import factsheet_chosen as factsheet_chosen
from assessor.services.export_target import factsheet_for as factsheet_for

#: The characters that make a spreadsheet treat a cell as a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: The most characters an Excel cell holds; longer text is cut (with a mark) when written.
MAX_CELL_CHARS = 32_767
TRUNCATED_MARK = " […]"
#: The tallest row Excel allows, in points.
MAX_ROW_POINTS = 409

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
ANSWER_FILL = PatternFill("solid", fgColor="FFF9E6")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="BFBFBF")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def cell_text(value: str | None) -> str:
    """Untrusted text made safe for a cell: no control bytes, formula triggers quoted, capped."""
    if not value:
        return ""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - len(TRUNCATED_MARK)] + TRUNCATED_MARK
    if value.startswith(FORMULA_TRIGGERS):
        # OWASP's advice: a leading apostrophe makes the cell plain text in every spreadsheet.
        value = "'" + value
        if len(value) > MAX_CELL_CHARS:
            value = value[: MAX_CELL_CHARS - len(TRUNCATED_MARK)] + TRUNCATED_MARK
    return value


def uncell_text(value: str) -> str:
    """The text ``cell_text`` escaped, restored (for cells the application wrote itself)."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


@lru_cache(maxsize=64)
def rating_fill(color: str) -> PatternFill:
    """A solid fill of a rating level's colour (``#2e7d32``)."""
    return PatternFill("solid", fgColor=color.lstrip("#").upper()[-6:])


@lru_cache(maxsize=64)
def rating_font(color: str) -> Font:
    """White text on a dark rating colour, black on a light one, so the label stays legible."""
    hex6 = color.lstrip("#")[-6:]
    try:
        r, g, b = (int(hex6[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return Font(color="000000")
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return Font(color="FFFFFF" if luminance < 150 else "000000", bold=True)


def save_workbook(
    workbook: Workbook, path: str | os.PathLike[str], cancel: Cancel | None = None
) -> None:
    """Save a workbook atomically: to a temporary name, then moved over ``path``.

    ``cancel`` is checked once more before the move: a workbook cancelled while it was being
    saved leaves no file, not even its temporary one.
    """
    with atomic_path(path, shared=True) as tmp:
        workbook.save(tmp)
        check(cancel)


def discard_write_only(workbook: Workbook) -> None:
    """Close and delete the temporary files a write-only workbook streamed its rows to.

    openpyxl removes them when it saves, or at exit; a workbook abandoned half-way (Cancel)
    would leave them in the temporary folder until then.
    """
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            ws.close()  # ends the XML stream its rows were going to
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


def row_height(cells: Iterable[tuple[str | None, float]], font_size: float = 11) -> float:
    """A row height (points) showing wrapped text whole; spreadsheets do not size rows on open.

    ``cells`` are (text, column width) pairs; a width unit holds about one character.
    """
    lines = 1
    for text, width in cells:
        if not text:
            continue
        # About 1.2 characters of prose per width unit, measured in LibreOffice (DejaVu Sans).
        per_line = max(int(width * 1.2 * 11 / font_size) - 2, 1)
        n = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
        lines = max(lines, n)
    return min(MAX_ROW_POINTS, round(lines * font_size * 1.35 + 4, 1))
