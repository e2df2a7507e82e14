"""An untrusted Excel workbook: recognised, checked, then opened read-only, before any row is read.

A file a State sends back may be anything: a workbook saved with macros or under another name,
an old ``.xls``, an OpenDocument spreadsheet, a password-protected (encrypted) file, a zip bomb,
XML declaring entities (billion laughs). Everything that can be judged from the zip's directory
and the first bytes of each part is judged here, before openpyxl parses any XML, so that each
case gets one plain sentence and none gets to spend the machine's memory.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from assessor.i18n import _
from assessor.importers.common import ImportRejected, check_size

#: Files larger than this are refused unopened (an 80-row questionnaire is ~20 kB).
MAX_FILE_BYTES = 25 * 1024 * 1024
#: The most the zip may expand to, and the most any one member may expand by: zip bombs.
MAX_UNCOMPRESSED_BYTES = 250 * 1024 * 1024
MAX_COMPRESSION_RATIO = 150
#: A workbook has a dozen parts; thousands are a way to make the checks themselves slow.
MAX_MEMBERS = 2_000
#: The most of a part read to find its root element: DOCTYPE and entities come before it.
MAX_PROLOG_BYTES = 64 * 1024

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORKBOOK_PART = "xl/workbook.xml"
#: Names that say "spreadsheet"; any other name is a workbook only by its content.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: OOXML's escape of a UTF-16 code unit in text (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def is_workbook(path: str | Path) -> bool:
    """Whether a file to import is a spreadsheet: by its name, or by its content whatever its name.

    A zip holding ``xl/workbook.xml`` is an Excel workbook even when it is called ``.xlsm``,
    ``.zip`` or ``answers.txt``; nothing else is looked at, and a file that cannot be read is
    left to the importer that will say why.
    """
    p = Path(path)
    if p.suffix.casefold() in WORKBOOK_SUFFIXES:
        return True
    try:
        with p.open("rb") as f:
            if f.read(4) != ZIP_MAGIC:
                return False
        with zipfile.ZipFile(p) as z:
            return WORKBOOK_PART in z.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def check_workbook_file(path: Path) -> None:
    """Refuse, before any parser runs, what is not a reasonably sized, unencrypted workbook."""
    name = path.name
    size = check_size(path, MAX_FILE_BYTES, "to be a questionnaire")
    with path.open("rb") as f:
        head = f.read(8)
        if head == CFB_MAGIC:
            # Encrypted .xlsx files are OLE2 containers holding an "EncryptionInfo" stream.
            body = head + f.read(min(size, 4 * 1024 * 1024))
            if "EncryptionInfo".encode("utf-16-le") in body:
                raise ImportRejected(
                    _(
                        "{name}: the workbook is password-protected (encrypted); ask the State for "
                        "a copy saved without a password to open."
                    ).format(name=name)
                )
            raise ImportRejected(
                _(
                    "{name}: this is an old Excel 97–2003 (.xls) file; save it as .xlsx and import "
                    "that."
                ).format(name=name)
            )
    if head[:4] != ZIP_MAGIC:
        raise ImportRejected(_("{name}: this is not an Excel workbook (.xlsx).").format(name=name))
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
            if len(members) > MAX_MEMBERS:
                raise ImportRejected(
                    _(
                        "{name}: the workbook has {n:,} parts, far more than a "
                        "questionnaire; it is refused unopened."
                    ).format(name=name, n=len(members))
                )
            _check_sizes(members, name)
            names = {m.filename for m in members}
            if WORKBOOK_PART not in names or "[Content_Types].xml" not in names:
                if "mimetype" in names and z.open("mimetype").read(100).startswith(ODS_MIMETYPE):
                    raise ImportRejected(
                        _(
                            "{name}: this is an OpenDocument spreadsheet (.ods); save it as an "
                            "Excel workbook (.xlsx) and import that."
                        ).format(name=name)
                    )
                raise ImportRejected(
                    _("{name}: this is a zip file, not an Excel workbook (.xlsx).").format(
                        name=name
                    )
                )
            for member in members:
                _check_prolog(z, member, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRejected(
            _("{name}: the workbook is damaged ({reason}).").format(name=name, reason=_reason(exc))
        ) from None


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()).rstrip(".") or type(exc).__name__


def _check_sizes(members: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a zip bomb by the sizes its directory declares.

    Python's zipfile never inflates a member past its declared size (a member that lies about
    it fails its CRC check instead), so the declared sizes bound what openpyxl can be made to read.
    """
    total = sum(m.file_size for m in members)
    bomb = any(
        m.file_size > 1024 * 1024 and m.file_size > MAX_COMPRESSION_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if total > MAX_UNCOMPRESSED_BYTES or bomb:
        raise ImportRejected(
            _(
                "{name}: the workbook expands to {total:,.0f} MB, far more than a "
                "questionnaire; it is refused unopened."
            ).format(name=name, total=total / 1024 / 1024)
        )


def _check_prolog(z: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    """Refuse an XML part that declares a DOCTYPE (entities: billion laughs, external files).

    No spreadsheet writes one; defusedxml would refuse entities too, but only once openpyxl
    parses the part, and openpyxl reads some parts with lxml, so the rule is kept here.
    """
    if member.is_dir():
        return
    with z.open(member) as f:
        head = f.read(MAX_PROLOG_BYTES)
    text = _as_text(head)
    if text is None:
        return  # not XML (an image, a VBA project): openpyxl does not parse it
    at = 0
    while True:
        while at < len(text) and text[at] in " \t\r\n\ufeff":
            at += 1
        if text.startswith("<?", at):
            end = text.find("?>", at)
        elif text.startswith("<!--", at):
            end = text.find("-->", at)
        elif text.startswith("<!", at):
            raise ImportRejected(
                _(
                    "{name}: the workbook's part {filename} declares a DOCTYPE "
                    "(entities), which no spreadsheet writes; it is refused unopened."
                ).format(name=name, filename=member.filename[:80])
            )
        else:
            return  # the root element, or not XML at all: either way no DOCTYPE can follow
        if end < 0:
            if len(head) < MAX_PROLOG_BYTES:
                return  # cut short: the XML parser will call it damaged
            raise ImportRejected(
                _(
                    "{name}: the workbook's part {filename} starts with more than "
                    "{limit} kB of declarations; it is refused unopened."
                ).format(
                    name=name,
                    filename=member.filename[:80],
                    limit=MAX_PROLOG_BYTES // 1024,
                )
            )
        at = end + 2


def _as_text(head: bytes) -> str | None:
    """The start of a part as text, if it is XML (UTF-8 or UTF-16), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\0" or head[:1] == b"\0":
        encoding = "utf-16-be" if head.startswith(b"\xfe\xff") or head[:1] == b"\0" else "utf-16-le"
        text = head.decode(encoding, errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    stripped = text.lstrip(" \t\r\n\ufeff")
    return text if stripped.startswith("<") else None


def decode_escapes(text: str) -> str:
    """Text with OOXML's ``_xHHHH_`` escapes decoded (``_x005F_`` is a literal underscore).

    Excel writes a control character, or one half of a character outside the BMP, this way;
    the halves of one character are joined again, and what is left (a lone half, a control) is
    for ``assessor.sanitize.clean_text`` to remove.
    """
    if "_x" not in text:
        return text
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _string_table(source: IO[bytes]) -> list[str]:
    """The shared strings as written, escapes and all (openpyxl's own reader half-decodes them:
    it drops every ``x005F_``, so a literal ``_x0001_`` would come out as a control)."""
    strings = []
    tag = f"{{{SHEET_MAIN_NS}}}si"
    for _event, node in iterparse(source):
        if node.tag == tag:
            strings.append(Text.from_tree(node).content)
            node.clear()
    return strings


class _VerbatimReader(ExcelReader):
    """openpyxl's reader, with the shared strings kept exactly as the file has them."""

    def read_strings(self) -> None:
        part = self.package.find(SHARED_STRINGS)
        if part is not None:
            with self.archive.open(part.PartName[1:]) as src:
                self.shared_strings = _string_table(src)


@contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """The checked workbook, opened read-only: no formula evaluated, no external link kept.

    It is opened from a file object, so that its name does not matter (openpyxl refuses
    names it does not know); openpyxl's warnings (unsupported extensions, odd dates) are the
    file's business, not lines for the user's terminal.
    """
    with path.open("rb") as f, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = _VerbatimReader(
                f, read_only=True, keep_vba=False, data_only=False, keep_links=False
            )
            reader.read()
        except ImportRejected:
            raise
        except Exception as exc:  # openpyxl raises many kinds on a damaged file; all mean this
            raise ImportRejected(
                _("{name}: the workbook is damaged and cannot be read ({type}).").format(
                    name=path.name, type=type(exc).__name__
                )
            ) from None
        wb = reader.wb
        try:
            yield wb
        finally:
            wb.close()
