"""Preparing an import: read a file, recognise its kind and parse it, without any database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assessor.domain.scales import PRESETS
from assessor.i18n import _
from assessor.importers.common import MAX_TEXT_BYTES, ImportRejected, check_size, decode_text
from assessor.importers.document import Document
from assessor.importers.factsheet import parse_document
from assessor.importers.factsheet_data import (
    ParsedFactsheet,
)
from assessor.importers.readers import (
    MAX_DOCUMENT_BYTES,
    file_format,
    read_document,
    read_text_document,
)
from assessor.importers.recommendations import (
    ThemedRecommendations,
    looks_like_recommendations,
    parse_recommendations,
)
from assessor.importers.vocabulary import VOCABULARIES
from assessor.sanitize import clean_text

KINDS = ("factsheet", "recommendations")


def detect_kind(text: str) -> str | None:
    """``factsheet``, ``recommendations``, or None when the text is neither.

    ``prepare_import`` gives it the text already cleaned (``clean_text``), so a zero-width space
    inside "II-6" does not make a factsheet unrecognisable.
    """
    words = "|".join(v.recommendation_word for v in VOCABULARIES.values())
    if re.search(rf"(?:{words})\s+[IVXL]+\s*[-–]\s*\d+", text, re.I):
        return "factsheet"
    return "recommendations" if _reads_like_themes(text) else None


def _reads_like_themes(text: str) -> bool:
    """Whether text is a rapporteur's themed recommendations rather than any other document.

    Guessing wrong would replace the Party's themes with, say, a README, so the bar is high
    (``--kind recommendations`` bypasses it): prose that says what should be done, with no
    code, links or inline markup, nearly every item a sentence of some length.
    """
    if re.search(r"```|`[^`\n]+`|\]\([^)]*\)|<https?://", text):
        return False
    if not re.search(r"\b(recommend\w*|should|must|ensur\w+|strengthen\w*)\b", text, re.I):
        return False
    if not looks_like_recommendations(text):
        return False
    items = [i.text for t in parse_recommendations(text).themes for i in t.items]
    prose = [i for i in items if len(i) >= 80 and i.rstrip()[-1:] in ".!?;:"]
    return len(items) >= 2 and len(prose) >= 0.8 * len(items)


@dataclass(frozen=True)
class PreparedImport:
    """A file read, recognised and parsed, ready to be written (nothing touched yet)."""

    kind: str
    source: str
    party: str | None
    scale: str | None
    factsheet: ParsedFactsheet | None = None
    themes: ThemedRecommendations | None = None
    #: The file's text, to check which Parties it names against the database's.
    text: str = ""


def prepare_import(
    path: str | Path, kind: str | None = None, party: str | None = None, scale: str | None = None
) -> PreparedImport:
    """Read and parse a file without any database: bad input is refused before anything opens.

    The format is told by the content, never the name: a PDF or Word file is a factsheet; a
    text file is a factsheet (Markdown or plain text) or the assessor's themed recommendations.
    """
    p = Path(path)
    if kind is not None and kind not in KINDS:
        raise ImportRejected(
            _("Unknown kind {kind}; use one of: {kinds}.").format(
                kind=repr(kind), kinds=", ".join(KINDS)
            )
        )
    if scale is not None and scale not in PRESETS:
        raise ImportRejected(
            _("Unknown rating scale {scale}; use one of: {scales}.").format(
                scale=repr(scale), scales=", ".join(PRESETS)
            )
        )
    check_size(p, MAX_DOCUMENT_BYTES, _("for an import"))
    data = p.read_bytes()
    if file_format(data) != "text":
        if kind == "recommendations":
            raise ImportRejected(
                _(
                    "{name}: themed recommendations are read from a text file; this is a "
                    "PDF or Word document."
                ).format(name=p.name)
            )
        document = read_document(data, p.name)
        parsed = _parse(document, party, p.name)
        text = "\n".join(b.text for b in document.blocks)
        return PreparedImport("factsheet", p.name, party, scale, factsheet=parsed, text=text)
    if len(data) > MAX_TEXT_BYTES:
        check_size(p, MAX_TEXT_BYTES, _("for a text import"))
    # Every text that enters the database is cleaned once, here: themes as well as factsheets.
    text = clean_text(_decode(data, p.name))
    detected = detect_kind(text)
    kind = kind or detected
    if kind is None:
        raise ImportRejected(
            _(
                "{name}: this is neither a factsheet (chapters I., II., … with footnotes naming "
                "recommendations) nor a list of themed recommendations."
            ).format(name=p.name)
        )
    if kind == "factsheet":
        parsed = _parse(read_text_document(text), party, p.name)
        return PreparedImport(kind, p.name, party, scale, factsheet=parsed, text=text)
    # Forcing the kind skips the prose test, never the shape: themes replace the Party's own.
    if detected == "factsheet" or not looks_like_recommendations(text):
        raise ImportRejected(
            _(
                "{name}: this does not read as themed recommendations (headings, each with "
                "recommendations under it); the Party's themes were left as they are."
            ).format(name=p.name)
        )
    return PreparedImport(kind, p.name, party, scale, themes=parse_recommendations(text), text=text)


def _decode(data: bytes, name: str) -> str:
    """The file's text; a damaged UTF-16 file is refused in a sentence, not a codec error."""
    try:
        return decode_text(data, name)
    except UnicodeDecodeError as exc:  # only UTF-16 is decoded strictly: UTF-8 falls back
        raise ImportRejected(
            _(
                "{name}: the UTF-16 text is damaged ({reason} at byte {start}); save it "
                "again as UTF-8 or UTF-16 text and import that."
            ).format(name=name, reason=exc.reason, start=exc.start)
        ) from None


def _parse(document: Document, party: str | None, name: str) -> ParsedFactsheet:
    try:
        return parse_document(document, party)
    except ImportRejected as exc:
        raise ImportRejected(_("{name}: {error}").format(name=name, error=exc)) from None
