"""Reading a questionnaire a State filled in: a pure function from an .xlsx file to plain rows.

The file is checked before openpyxl sees it (size, signature, the zip's declared sizes, so a zip
bomb or an encrypted workbook is refused with a plain sentence), then opened read-only: no
formula is evaluated, no external link followed, and defusedxml guards the XML parser.
Nothing here touches the database; ``assessor.services.questionnaires`` compares and writes.
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl

from assessor.exporters.questionnaire import (
    HEADERS,
    META_SHEET,
    QUESTIONNAIRE_SHEET,
    TEMPLATE_VERSION,
    ids_checksum,
    ids_set_checksum,
)
from assessor.exporters.xlsx_common import FORMULA_TRIGGERS, MAX_CELL_CHARS
from assessor.importers.common import ImportRejected, check_size

#: Files larger than this are refused unopened (an 80-row questionnaire is ~20 kB).
MAX_FILE_BYTES = 25 * 1024 * 1024
#: The most the zip may expand to, and the most any one member may expand by: zip bombs.
MAX_UNCOMPRESSED_BYTES = 250 * 1024 * 1024
MAX_COMPRESSION_RATIO = 150
#: More rows than any factsheet has recommendations, by far.
MAX_ROWS = 100_000
#: The longest answer accepted: what an Excel cell can hold.
MAX_ANSWER_CHARS = MAX_CELL_CHARS

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UID_RE = re.compile(r"^[0-9a-f]{32}$")
ANSWER_NAMES = ("Follow-up", "State's own status", "References")


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


def check_file(path: Path) -> None:
    """Refuse, before any parser runs, what is not a reasonably sized, unencrypted .xlsx."""
    name = path.name
    size = check_size(path, MAX_FILE_BYTES, "to be a questionnaire")
    with path.open("rb") as f:
        head = f.read(8)
        if head == CFB_MAGIC:
            # Encrypted .xlsx files are OLE2 containers holding an "EncryptionInfo" stream.
            body = head + f.read(min(size, 4 * 1024 * 1024))
            if "EncryptionInfo".encode("utf-16-le") in body:
                raise ImportRejected(
                    f"{name}: the workbook is password-protected (encrypted); ask the State for "
                    "a copy saved without a password to open."
                )
            raise ImportRejected(
                f"{name}: this is an old Excel 97–2003 (.xls) file; save it as .xlsx and import "
                "that."
            )
    if head[:4] != ZIP_MAGIC:
        raise ImportRejected(f"{name}: this is not an Excel workbook (.xlsx).")
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRejected(f"{name}: the workbook is damaged ({exc}).") from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise ImportRejected(f"{name}: this is a zip file, not an Excel workbook (.xlsx).")
    total = sum(m.file_size for m in members)
    bomb = any(
        m.file_size > 1024 * 1024 and m.file_size > MAX_COMPRESSION_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if total > MAX_UNCOMPRESSED_BYTES or bomb:
        raise ImportRejected(
            f"{name}: the workbook expands to {total / 1024 / 1024:.0f} MB, far more than a "
            "questionnaire; it is refused unopened."
        )


def _text(value: Any) -> str:
    """A cell value as text, the way the State sees it; never evaluated."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _open(path: Path) -> Any:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; all mean the same
        raise ImportRejected(
            f"{path.name}: the workbook is damaged and cannot be read ({type(exc).__name__})."
        ) from None


def _meta(wb: Any, name: str) -> dict[str, str]:
    if QUESTIONNAIRE_SHEET not in wb.sheetnames or META_SHEET not in wb.sheetnames:
        raise ImportRejected(
            f"{name}: this is not an Assessor questionnaire (its {QUESTIONNAIRE_SHEET} or hidden "
            f"{META_SHEET} sheet is missing)."
        )
    meta: dict[str, str] = {}
    for row in wb[META_SHEET].iter_rows(max_col=2, max_row=100, values_only=True):
        if row and row[0]:
            meta[_text(row[0]).strip()] = _text(row[1] if len(row) > 1 else None).strip()
    version = meta.get("template_version", "")
    if version != TEMPLATE_VERSION:
        raise ImportRejected(
            f"{name}: this questionnaire uses template version {version or 'unknown'}, and this "
            f"version of Assessor reads version {TEMPLATE_VERSION}; export a new questionnaire."
        )
    if not meta.get("party"):
        raise ImportRejected(f"{name}: the questionnaire does not say which Party it is for.")
    return meta


def _answer(value: Any, column: str, problems: list[str], notes: list[str]) -> str:
    text = _text(value).strip()
    if len(text) > MAX_ANSWER_CHARS:
        problems.append(
            f"the {column} cell has {len(text):,} characters; at most {MAX_ANSWER_CHARS:,} "
            "are accepted"
        )
        return ""
    if text.startswith(FORMULA_TRIGGERS[0]):
        notes.append(f"the {column} cell holds a formula; its text was taken as is, not evaluated")
    return text


def _row(number: int, cells: tuple[Any, ...]) -> AnsweredRow:
    values = (*cells, *([None] * (len(HEADERS) - len(cells))))[: len(HEADERS)]
    problems: list[str] = []
    notes: list[str] = []
    follow_up, status, references = (
        _answer(values[6 + i], column, problems, notes) for i, column in enumerate(ANSWER_NAMES)
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
            problem = f"its hidden ID appears again in row {where}, so neither row is taken"
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
    how = "rows added or removed" if any_order else "rows added, removed or sorted"
    return (
        f"The rows differ from the ones exported ({meta.get('rows', '?')} exported, {len(uids)} "
        f"read: {how}, or their hidden IDs edited); every row is still matched by its own ID, "
        "and a recommendation whose row is missing keeps its follow-up."
    )


def read_questionnaire(path: str | Path) -> ParsedQuestionnaire:
    """Read a filled-in questionnaire; file-level problems raise ``ImportRejected``."""
    p = Path(path)
    check_file(p)
    wb = _open(p)
    try:
        meta = _meta(wb, p.name)
        sheet = wb[QUESTIONNAIRE_SHEET]
        rows_iter = sheet.iter_rows(max_col=len(HEADERS), values_only=True)
        header = tuple(_text(v).strip() for v in next(rows_iter, ()))
        if header[: len(HEADERS)] != HEADERS:
            raise ImportRejected(
                f"{p.name}: the columns of the {QUESTIONNAIRE_SHEET} sheet were changed; "
                f"expected {', '.join(HEADERS)}."
            )
        rows: list[AnsweredRow] = []
        for number, cells in enumerate(rows_iter, start=2):
            if not any(v is not None and v != "" for v in cells):
                continue  # formatted but empty rows at the end of a sheet
            if len(rows) >= MAX_ROWS:
                raise ImportRejected(
                    f"{p.name}: the questionnaire has more than {MAX_ROWS:,} rows; it is refused."
                )
            rows.append(_row(number, cells))
    except ImportRejected:
        raise
    except Exception as exc:  # a sheet whose XML is damaged fails only when read
        raise ImportRejected(
            f"{p.name}: the workbook is damaged and cannot be read ({type(exc).__name__})."
        ) from None
    finally:
        wb.close()
    warnings = [warning] if (warning := _rows_warning(meta, [r.uid for r in rows])) else []
    return ParsedQuestionnaire(p.name, meta, tuple(_duplicates(rows)), tuple(warnings))


def is_uid(value: str) -> bool:
    """True when ``value`` looks like a recommendation's stable ID (32 hex digits)."""
    return bool(UID_RE.match(value))
