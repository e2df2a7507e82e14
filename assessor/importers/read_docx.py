"""The Word (.docx) reader: a factsheet's body as the document model, with Word's own cues.

Headings come from paragraph styles (``Heading N``, ``Title`` and styles based on them, else an
outline level), list items from numbering or a list style, boxes from paragraph shading and
borders, one-column shaded tables and shaded text boxes (their colour says follow-up or
practice), footnotes from the footnotes part, numbered as Word shows them: by order of first
reference. Headers and footers are page furniture and only counted.
"""

from __future__ import annotations

import io
import re
import zipfile

from assessor.i18n import _
from assessor.importers.common import ImportRejected
from assessor.importers.document import Document
from assessor.importers.docx_body import BodyReader
from assessor.importers.docx_styles import Styles, W, classify_colour, theme_colours

__all__ = ["classify_colour", "read_docx"]

_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007]+")

FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
#: Uncompressed members beyond this are refused before parsing (a zip bomb, not a factsheet).
MAX_UNPACKED = 400 * 1024 * 1024
_SKIPPED_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def _notes_text(blob: bytes, numbers: dict[str, int]) -> dict[int, str]:
    from docx.oxml import parse_xml

    notes: dict[int, str] = {}
    for note in parse_xml(blob).iter(f"{W}footnote"):
        if note.get(f"{W}type") in _SKIPPED_NOTES:
            continue
        number = numbers.get(note.get(f"{W}id", ""))
        if number is None:
            continue  # never referenced: Word does not show it
        paras = []
        for p in note.iter(f"{W}p"):
            pieces = [t.text or "" for t in p.iter(f"{W}t")]
            paras.append("".join(pieces))
        notes[number] = _SPACES.sub(" ", " ".join(paras)).strip()
    return notes


def _check_container(data: bytes, name: str) -> None:
    """Refuse, in one sentence, what is not a readable .docx."""
    if not data:
        raise ImportRejected(_("{name}: the file is empty.").format(name=name))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            _(
                "{name} is a Word 97–2003 .doc or a password-protected document; save it as .docx "
                "without a password."
            ).format(name=name)
        )
    if not data.startswith(b"PK"):
        raise ImportRejected(_("{name} is not a Word document (.docx).").format(name=name))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise ImportRejected(
                    _("{name}: the Word document unpacks to far too much data.").format(name=name)
                )
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise ImportRejected(
                    _("{name} is a zip archive but not a Word document (.docx).").format(name=name)
                )
            if archive.testzip() is not None:
                raise ImportRejected(
                    _("{name} is damaged (a part of it cannot be unpacked).").format(name=name)
                )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ImportRejected(
            _("{name} is damaged or truncated; it cannot be opened.").format(name=name)
        ) from exc


def read_docx(data: bytes, name: str) -> Document:
    """The document model of a Word .docx factsheet; refuses other files in one sentence."""
    _check_container(data, name)
    import docx
    from docx.oxml import parse_xml

    try:
        word = docx.Document(io.BytesIO(data))
        styles_xml = word.styles.element
        body = word.element.body
        package = word.part.package
    except ImportRejected:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken file
        raise ImportRejected(
            _("{name} could not be read as a Word document (it may be damaged).").format(name=name)
        ) from exc
    try:
        reader = BodyReader(Styles(styles_xml), theme_colours(package))
        reader.walk(body)
        footnotes: dict[int, str] = {}
        for rel in word.part.rels.values():
            if rel.reltype == FOOTNOTES_RT and not rel.is_external:
                footnotes = _notes_text(rel.target_part.blob, reader.note_numbers)
        furniture = 0
        for part in package.iter_parts():
            if str(part.partname).startswith(("/word/header", "/word/footer")):
                root = parse_xml(part.blob)
                furniture += sum(
                    1
                    for p in root.iter(f"{W}p")
                    if "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
                    or p.find(f".//{W}fldSimple") is not None
                    or p.find(f".//{W}instrText") is not None
                )
    except Exception as exc:
        raise ImportRejected(
            _("{name} could not be read as a Word document (its content is malformed).").format(
                name=name
            )
        ) from exc
    pages = reader.rendered_breaks + 1 if reader.rendered_breaks else None
    if pages is None:
        for block in reader.blocks:
            block.page = None
    return Document(
        reader.blocks,
        footnotes,
        source="Word",
        pages=pages,
        furniture=furniture,
    )
