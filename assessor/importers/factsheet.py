"""The structural reader: a factsheet's document model becomes chapters, sections and items.

Whatever the format (see :mod:`assessor.importers.readers`), the reader gets the same
:class:`~assessor.importers.document.Document`. It works in two passes. The first
(:meth:`FlowRouter.feed`) routes every block to a *flow*: the body of the current section, a
follow-up box, or a promising-practice box — by the box drawn around it where the format shows
boxes, else by the box's label — and repairs page breaks on the way. The second
(:func:`~assessor.importers.factsheet_sections.classify_section`) turns a section's body into
observations, recommendations and notes, and attaches each box to the recommendation it follows.
The words it relies on come from the document language's vocabulary. Parsing never writes.
"""

from __future__ import annotations

from assessor.i18n import _
from assessor.importers.common import ImportRejected, ImportWarning
from assessor.importers.document import Document, resolve_markers
from assessor.importers.factsheet_checks import (
    set_aside_repeated_codes,
    unplaced_text,
    warn_stray_codes,
    warn_unnamed_codes,
)
from assessor.importers.factsheet_cues import parse_footnote
from assessor.importers.factsheet_data import (
    ParsedChapter,
    ParsedFactsheet,
    ParsedRecommendation,
)
from assessor.importers.factsheet_flows import FlowRouter
from assessor.importers.factsheet_preamble import read_preamble, received_date
from assessor.importers.factsheet_sections import classify_section
from assessor.importers.vocabulary import detect_language
from assessor.sanitize import clean_text


def parse_document(document: Document, party: str | None = None) -> ParsedFactsheet:
    """Read a factsheet's structure from its document model (pure: nothing is written)."""
    for block in document.blocks:  # no control or invisible character reaches a code or text
        block.text = clean_text(block.text)
        block.strong = [clean_text(t) for t in block.strong]
    document.footnotes = {n: clean_text(t) for n, t in document.footnotes.items()}
    resolve_markers(document)
    words = detect_language([b.text for b in document.blocks], list(document.footnotes.values()))
    footnotes = {n: parse_footnote(n, t, words) for n, t in document.footnotes.items()}
    warnings = list(document.warnings)
    drawn = any(b.box is not None for b in document.blocks)
    reader = FlowRouter(footnotes, words, warnings, drawn)
    for block in document.blocks:
        reader.feed(block)
    reader.finish()
    if not reader.chapters:
        raise ImportRejected(
            _("This does not look like a factsheet: no chapters (I., II., …) were found.")
        )
    chapters: list[ParsedChapter] = []
    for ch in reader.chapters:
        parsed = ParsedChapter(ch.number, ch.title)
        previous: list[ParsedRecommendation] = []
        for sec in ch.sections:
            section = classify_section(sec, ch.number, footnotes, previous, words, warnings)
            if section.items:
                parsed.sections.append(section)
            previous.extend(section.recommendations)
        chapters.append(parsed)
    if not any(c.recommendations for c in chapters):
        raise ImportRejected(
            _(
                "This does not look like a factsheet: no recommendation footnotes "
                "(“Recommendation II-6”) were found."
            )
        )
    title, found_party, round_title, preamble = read_preamble(reader.preamble, chapters, words)
    party_name = (party or found_party or "").strip()
    if not party_name:
        raise ImportRejected(
            _("The Party could not be read from the factsheet; give it with --party.")
        )
    warn_stray_codes(chapters, warnings)
    set_aside_repeated_codes(chapters, warnings)
    warn_unnamed_codes(chapters, footnotes, warnings)
    unplaced = unplaced_text(chapters, footnotes, document)
    total = sum(len(b.text) for b in document.blocks) + sum(
        len(t) for t in document.footnotes.values()
    )
    lost = sum(len(u.text) for u in unplaced)
    if reader.labels and reader.boxes < reader.labels:
        warnings.append(
            ImportWarning(
                _("{labels} box labels but {boxes} boxes").format(
                    labels=reader.labels, boxes=reader.boxes
                )
            )
        )
    return ParsedFactsheet(
        party=party_name,
        title=title,
        round_title=round_title,
        preamble=preamble,
        chapters=chapters,
        follow_ups_received=received_date(preamble, words),
        warnings=warnings,
        language=words.language,
        source_format=document.source,
        unplaced=unplaced,
        placed_share=1.0 if not total else max(0.0, (total - lost) / total),
        box_labels=reader.labels,
        boxes=reader.boxes,
    )


def parse_factsheet(text: str, party: str | None = None) -> ParsedFactsheet:
    """Parse a factsheet's text (Markdown or plain text) into plain data (pure)."""
    from assessor.importers.readers import read_text_document

    return parse_document(read_text_document(text), party)
