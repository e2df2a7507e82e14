"""Which reader a factsheet file needs, decided by its content, never by its name."""

from __future__ import annotations

import re

from assessor.i18n import _
from assessor.importers.common import ImportRejected, decode_text
from assessor.importers.document import Document
from assessor.importers.read_markdown import read_markdown
from assessor.importers.read_text import read_plain_text

#: A PDF or Word file may be larger than a text one (fonts, images): refused beyond this.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_MARKDOWN_CUES = re.compile(r"(?m)^\s{0,3}#{1,6}\s|\*\*\S|<sup>|^\[\^\d+\]:|\]\(")


def file_format(data: bytes) -> str:
    """``pdf``, ``docx``, ``xlsx``, ``ole`` (Word 97 or a password-protected Office file),
    ``zip`` (another zip) or ``text``, from the first bytes and, for a zip, its members."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if data.startswith(b"PK"):
        names = data[-65536:] + data[:65536]
        if b"word/document.xml" in names:
            return "docx"
        if b"xl/workbook.xml" in names:
            return "xlsx"
        return "zip"
    return "text"


def read_document(data: bytes, name: str) -> Document:
    """The document model of a factsheet file of any supported format."""
    kind = file_format(data)
    if kind == "pdf":
        from assessor.importers.read_pdf import read_pdf

        return read_pdf(data, name)
    if kind in ("docx", "ole"):
        from assessor.importers.read_docx import read_docx

        return read_docx(data, name)
    if kind == "xlsx":
        raise ImportRejected(
            _(
                "{name}: this is an Excel workbook, not a factsheet; a questionnaire filled in by "
                "the State is imported as a questionnaire."
            ).format(name=name)
        )
    if kind == "zip":
        raise ImportRejected(
            _(
                "{name}: this is a zip archive, not a factsheet (PDF, Word .docx, text or "
                "Markdown)."
            ).format(name=name)
        )
    return read_text_document(decode_text(data, name))


def read_text_document(text: str) -> Document:
    """Markdown when the text uses Markdown's marks, else plain text (such as pdftotext's)."""
    if len(_MARKDOWN_CUES.findall(text[:200_000])) >= 2:
        return read_markdown(text)
    return read_plain_text(text)
