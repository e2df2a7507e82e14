"""Helpers shared by the questionnaire tests: a real seeded database, filling a workbook as a
State would, and a dump of the database to prove an import changed nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl

from assessor.db.engine import Database, open_database
from assessor.exporters.json_export import export_json
from assessor.services.imports import import_file

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
FACTSHEET = EXAMPLES / "factsheet-albania-2nd-round.md"
THEMES = EXAMPLES / "recommendations-albania.txt"
#: Column letters of the Questionnaire sheet.
ID, CODE, RECOMMENDATION, PREVIOUS, FOLLOW_UP, STATUS, REFS = "A", "B", "E", "F", "G", "H", "I"


def real_database(path: Path) -> Database:
    """A database holding the seed factsheet of Albania and its themed recommendations."""
    db = open_database(path)
    import_file(db, FACTSHEET)
    import_file(db, THEMES)
    return db


def dump(db: Database) -> dict[str, Any]:
    """Everything the database holds (JSON export), without the export's own timestamp."""
    data = export_json(db)
    data.pop("exported_at", None)
    return data


def row_of(ws: Any, code: str) -> int:
    """The sheet row whose Code cell starts with ``code``."""
    for row in range(2, ws.max_row + 1):
        value = ws[f"{CODE}{row}"].value or ""
        if value.split(",")[0].strip() == code:
            return row
    raise KeyError(code)


def fill(src: Path, dest: Path, cells: dict[str, Any], meta: dict[str, str] | None = None) -> Path:
    """Copy a questionnaire, writing ``cells`` ("G5" or "G:II-6" → value) as a State would."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Questionnaire"]
    for ref, value in cells.items():
        if ":" in ref:
            column, code = ref.split(":", 1)
            ref = f"{column}{row_of(ws, code)}"
        ws[ref] = value
    if meta:
        m = wb["_meta"]
        for row in range(1, m.max_row + 1):
            key = m.cell(row, 1).value
            if key in meta:
                m.cell(row, 2).value = meta[key]
    wb.save(dest)
    return dest


def replace_in_zip(path: Path, member_suffix: str, old: str, new: str) -> None:
    """Rewrite text inside the workbook's XML (for what openpyxl itself refuses to write)."""
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename.endswith(member_suffix):
                data = data.replace(old.encode(), new.encode())
            z.writestr(info.filename, data)
