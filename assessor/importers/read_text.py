"""Plain-text factsheets, such as ``pdftotext`` writes them: no markup at all.

What Markdown marks, plain text leaves to evidence:

- pages are separated by form feeds; a running header and page numbers repeat at the edges of
  pages and are set aside;
- footnote texts are lines that begin with their number, or a number alone on its line with the
  text below — in sequence (1, 2, 3 …); a conversion may move a footnote's number away from its
  text, so a reference ("Recommendation II-6.", "Para. 50.") standing alone takes the oldest
  number still waiting for its text;
- footnote markers are digits glued to the word or full stop before them ("them.7") — taken as
  markers only when they continue the same sequence, so that "Article 20(2)" or "14 years" stay
  text;
- paragraphs end at blank lines, at a short line (shorter than the text's usual width), or
  where a list item or a label begins; two short lines without a full stop are one heading.
"""

from __future__ import annotations

import re

from assessor.i18n import _
from assessor.importers.document import BlockKind, Document, split_fused
from assessor.importers.text_lines import (
    BULLET_GLYPH_RE,
    SUPERSCRIPTS,
    Line,
    Paragraph,
    Span,
    attach_lone_markers,
    is_toc_line,
    split_paragraph,
    superscript_digits,
)
from assessor.importers.text_pages import TextLine, without_furniture
from assessor.importers.vocabulary import VOCABULARIES, Vocabulary

_NUMBERED = re.compile(r"^\s{0,12}(\d{1,3})(?:\s+|(?=[A-Z«“\"]))(\S.*)$")
_LEADING_SUPERSCRIPT = re.compile(r"(?m)^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*")
#: Put before digits that were superscript in the file: they are markers for certain.
_MARK = "\ue000"
_NUMERAL = re.compile(r"^[IVXL]{1,6}\.\s")  # a chapter heading, never a list item
_NUMBER_ONLY = re.compile(r"^\s*(\d{1,3})\s*$")
#: Digits glued to the word or punctuation before them, not to a code ("II-6"), a number or a
#: date ("10.07.2024").
_GLUED = re.compile(r"(?<=[^\s\d\-–/(\[#§])(?<!\d[.,])(\d{1,6})(?=[\s,;:.)”\"’'»]|$)")
#: A marker set off by a space after a full stop ("in Albania. 8 Further"), as some
#: conversions write it: taken only when it is exactly the next number expected.
_SPACED = re.compile(r"(?<=[.;:,”\"’)])\s(\d{1,12})(?=\s+[A-ZÀ-Ý]|\s*$)")
#: How far ahead of the expected footnote a marker may be (one footnote text may be missed).
_AHEAD = 3
#: After a full stop a glued marker is strong evidence: it may skip markers a conversion lost.
_AHEAD_AFTER_STOP = 10
#: How many lines a footnote number alone may wait for its text.
_WAIT = 80
_TERMINAL = ".!?:;…"
#: List glyphs that a conversion put on a line of their own, or left at a line's end.
_GLYPHS = "•\uf0b7\uf0a7\uf0d8\uf076\uf0fc▪◦●○■□➢►"
_GLYPHS_ONLY = re.compile(rf"^[{_GLYPHS}\s]+$")
_GLYPHS_AT_END = re.compile(rf"(?<!\s)\s+[{_GLYPHS}](?:\s+[{_GLYPHS}])*\s*$")


def _reference_line(words: Vocabulary) -> str:
    """A footnote that names recommendation codes or report paragraphs, and nothing else."""
    code = r"[IVXL]+\s*[-–]\s*\d+"
    number = r"\d+(?:\s*[-–]\s*\d+)?"
    glue = rf"\s*(?:,|;|\s(?:{words.conjunction})\s|&)\s*"
    word = words.recommendation_word
    codes = rf"(?:{word})\s+{code}(?:{glue}(?:(?:{word})\s+)?{code})*"
    paras = rf"(?:{words.paragraph_word}|§§?)\s*{number}(?:{glue}{number})*"
    return rf"(?:{codes}|{paras})"


#: A footnote that is only a reference ("Recommendation II-6.", "Paras. 78, 82."): the whole
#: line, capitalised as a footnote starts, so that "paragraphs 3-6 of …" in the body is not one.
_REFERENCE = re.compile(
    "^(?:" + "|".join(_reference_line(v) for v in VOCABULARIES.values()) + r")\s*\.?\s*$"
)
_BODY_START = re.compile(
    "|".join(
        rf"^(?:The\s+|Le\s+|La\s+)?(?:{v.committee})\b|^(?:It|Il)\s" for v in VOCABULARIES.values()
    ),
    re.I,
)


#: A line where the Committee speaks with one of its verbs: a paragraph of its own.
_COMMITTEE_SPEAKS = re.compile(
    "|".join(
        rf"^(?:The\s+|Le\s+)?(?:{v.committee})\s+(?:(?:{v.adverbs})\s+)*"
        rf"(?:{'|'.join(stem for stem, _ in v.verbs)}|{v.body_verbs})"
        for v in VOCABULARIES.values()
    ),
    re.I,
)


def read_plain_text(text: str) -> Document:
    """The document model of a plain-text factsheet."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Superscript digits are markers whatever precedes them; a footnote text starts with them.
    text = _LEADING_SUPERSCRIPT.sub(lambda m: superscript_digits(m.group(1)) + " ", text)
    text = SUPERSCRIPTS.sub(lambda m: _MARK + superscript_digits(m.group(0)), text)
    pages = [p.split("\n") for p in text.split("\f")]
    lines, dropped = without_furniture(pages)
    footnotes, body = _footnotes(lines)
    blocks = []
    for paragraph in _paragraphs(body, set(footnotes)):
        blocks += split_paragraph(paragraph, footnotes)
    blocks = attach_lone_markers(blocks)
    return Document(blocks, footnotes, source="text", pages=len(pages), furniture=dropped)


# -- footnotes -----------------------------------------------------------------------------


def _footnotes(lines: list[TextLine | None]) -> tuple[dict[int, str], list[TextLine | None]]:
    """Footnote texts in their numbering sequence, and the body lines without them."""
    footnotes: dict[int, str] = {}
    body: list[TextLine | None] = []
    expected = 1
    waiting: list[int] = []  # numbers seen alone, their text not yet found
    waiting_since: dict[int, int] = {}
    current: int | None = None  # the footnote whose text may go on on the next line
    last_note = -2  # index of the last line taken for a footnote (its number or text)

    place: dict[int, int] = {}  # where in the body a number alone stands
    last_text = previous_text = -1  # indexes of the lines with text

    def take(number: int, text: str, index: int) -> None:
        nonlocal current, last_note
        footnotes[number] = text
        current, last_note = number, index
        if number in place:  # the number alone was the footnote's: out of the body
            body[place.pop(number)] = None

    for index, line in enumerate(lines):
        if line is None or not line.text.strip():
            current = None
            body.append(line)
            continue
        previous_text, last_text = last_text, index
        raw = line.text
        alone = _NUMBER_ONLY.match(raw)
        numbered = _NUMBERED.match(raw)
        stripped = raw.strip()
        while waiting and index - waiting_since[waiting[0]] > _WAIT:
            waiting.pop(0)  # no text came: it was the body's (a marker alone), left in place
        if alone and expected <= int(alone.group(1)) < expected + _AHEAD:
            # A number alone: a footnote's number set apart from its text, or a marker alone
            # on its line. It stays in the body until its text is found.
            waiting.append(int(alone.group(1)))
            waiting_since[int(alone.group(1))] = index
            place[int(alone.group(1))] = len(body)
            body.append(line)
            expected = int(alone.group(1)) + 1
            current, last_note = None, index
            continue
        if numbered and int(numbered.group(1)) in waiting and _opens(lines, index):
            waiting.remove(int(numbered.group(1)))  # "113" alone was a marker: "113 Rec…" its note
            place.pop(int(numbered.group(1)), None)  # so the marker stays in the body
            expected = int(numbered.group(1))
        if (
            numbered
            and expected <= int(numbered.group(1)) < expected + _AHEAD
            and _opens(lines, index)
            and not _BODY_START.match(numbered.group(2))
        ):
            take(int(numbered.group(1)), numbered.group(2).strip(), index)
            expected = int(numbered.group(1)) + 1
            continue
        if current is not None and _continues_note(footnotes[current], stripped):
            footnotes[current] += " " + stripped
            last_note = index
            continue
        current = None
        right_after = bool(waiting) and last_note == previous_text  # the number just above
        if waiting and (
            (_REFERENCE.match(stripped) and len(stripped) < 200)
            or (right_after and _note_like(lines, index))
        ):
            take(waiting.pop(0), stripped, index)
            continue
        if not waiting and _REFERENCE.match(stripped) and len(stripped) < 120:
            take(expected, stripped, index)  # a footnote whose number was set apart or lost
            expected += 1
            continue
        if alone and int(alone.group(1)) in footnotes:
            last_note = index  # a footnote's number set apart from the text already taken
            continue
        body.append(line)
    return footnotes, body


def _opens(lines: list[TextLine | None], index: int) -> bool:
    """A numbered line opens a footnote when the line before it is not running text."""
    if index == 0:
        return True
    before = lines[index - 1]
    if before is None or not before.text.strip():
        return True
    previous = before.text.strip()
    return previous[-1:] in _TERMINAL or bool(_NUMBERED.match(before.text))


def _continues_note(note: str, line: str) -> bool:
    """The next line goes on with a footnote's text when the footnote has not ended."""
    if _NUMBER_ONLY.match(line) or BULLET_GLYPH_RE.match(line):
        return False
    return note[-1:] not in ".!?" or line[:1].islower()


def _note_like(lines: list[TextLine | None], index: int, within: int = 2) -> bool:
    """A line that reads as a footnote's text: not the Committee speaking, not a list item,
    and followed within two lines by another footnote number, a blank or the page's end."""
    line = lines[index]
    assert line is not None
    text = line.text.strip()
    if _BODY_START.match(text) or BULLET_GLYPH_RE.match(text) or text.endswith(":"):
        return False  # the Committee speaking, a list item, a label or a lead-in
    if any(v.follow_up_re.match(text) or v.practice_re.match(text) for v in VOCABULARIES.values()):
        return False
    for ahead in lines[index + 1 : index + 1 + within]:
        if ahead is None or not ahead.text.strip() or _NUMBER_ONLY.match(ahead.text):
            return True
        if not ahead.text.strip()[:1].islower():
            return False
    return False


# -- paragraphs ----------------------------------------------------------------------------


def _paragraphs(lines: list[TextLine | None], defined: set[int]) -> list[Paragraph]:
    """Paragraphs by blank lines, short lines and list items; markers found on the way."""
    widths = sorted(len(ln.text.strip()) for ln in lines if ln is not None and ln.text.strip())
    width = widths[int(len(widths) * 0.8)] if widths else 80
    short = 0.8 * width
    out: list[Paragraph] = []
    current: Paragraph | None = None
    previous: str | None = None
    expected = 1
    bullets = 0  # list glyphs a conversion set apart on lines of their own, not yet used
    marked = False  # the previous line ended with a footnote marker
    listing = False  # within a list a lead-in opened (its items begin in lower case)
    for line in lines:
        if line is None:  # a page break: a sentence may go on, the structure repairs it
            continue
        raw = _GLYPHS_AT_END.sub("", line.text)
        stripped = raw.strip()
        if _GLYPHS_ONLY.match(stripped):
            bullets += max(1, len(stripped.split()))
            current, previous = None, None
            continue
        if not stripped:
            current, previous = None, None
            continue
        if (
            current is not None
            and previous is not None
            and (_breaks(previous, stripped, short) or (marked and previous[-1:] in ".;,"))
        ):
            # A footnoted sentence that ends its line ends its paragraph (or list item).
            current = None
        if is_toc_line(raw):  # a page number after dot leaders is no marker
            spans = [Span(raw)]
        else:
            spans, expected = _spans(raw, defined, expected)
        if current is None:
            lower = stripped[:1].islower()
            item = (bullets and not lower and not _NUMERAL.match(stripped)) or (listing and lower)
            kind: BlockKind = "bullet" if item else "para"
            bullets = 0  # a glyph set apart marks the paragraph right after it, no further
            current = Paragraph(kind)
            out.append(current)
        current.lines.append(Line(spans, _("line {n}").format(n=line.number)))
        previous = "".join(sp.text for sp in spans if not sp.marker).strip()
        marked = bool(spans) and any(sp.marker for sp in spans[-2:])
        # After a lead-in ("… including Albania:") or a footnoted item, a paragraph that
        # starts in lower case is the list's next item, not a sentence cut by a page break.
        if previous.endswith(":") or (marked and previous[-1:] in ".;,"):
            listing = True
        elif len(current.lines) == 1 and not previous[:1].islower():
            listing = False
    return out


def _breaks(previous: str, line: str, short: float) -> bool:
    """True when ``line`` starts a new paragraph after ``previous``."""
    if BULLET_GLYPH_RE.match(line) or is_toc_line(previous):
        return True
    if previous.endswith(":"):  # a lead-in ends where its list begins
        return True
    starts_upper = not line[:1].islower()
    if previous[-1:] in ".!?" and _COMMITTEE_SPEAKS.match(line):
        return True  # "The Committee invites …" after a full stop: the Committee speaks anew
    if len(previous) >= short or not starts_upper:
        return False
    if previous[-1:] in _TERMINAL or previous[-1:] in '”"’)' or _REFERENCE.match(previous):
        return True
    # Two short lines without a full stop are one heading ("Observations and recommendations
    # of the Lanzarote" / "Committee on the legal framework specific to Albania").
    return len(line) >= short or line[-1:] in _TERMINAL or bool(_BODY_START.match(line))


def _spans(raw: str, defined: set[int], expected: int) -> tuple[list[Span], int]:
    """A line's text and the markers in it that continue the footnote sequence."""
    if _MARK in raw:  # superscript in the file: markers whatever the sequence says
        spans: list[Span] = []
        for i, part in enumerate(raw.split(_MARK)):
            lead = re.match(r"\d+", part) if i else None
            if lead:
                spans.append(Span(lead.group(0), marker=True))
                numbers = split_fused(lead.group(0), defined, expected)
                expected = numbers[-1] + 1 if numbers else expected
                part = part[lead.end() :]
            spans.append(Span(part))
        return spans, expected
    alone = _NUMBER_ONLY.match(raw)
    if alone:  # a marker alone on its line, if it continues the sequence
        numbers = split_fused(alone.group(1), defined, expected)
        if numbers and expected <= numbers[0] < expected + _AHEAD:
            return [Span(alone.group(1), marker=True)], numbers[-1] + 1
        return [Span(raw)], expected
    found: list[tuple[int, int, str, int]] = []  # (start, end, digits, next expected)
    candidates = sorted(
        [(m.start(1), m.end(1), m.group(1), False) for m in _GLUED.finditer(raw)]
        + [(m.start(1), m.end(1), m.group(1), True) for m in _SPACED.finditer(raw)]
    )
    for start, end, digits, spaced in candidates:
        numbers = split_fused(digits, defined, expected)
        after_stop = start > 0 and raw[start - 1] in '.;:”"’)'
        ahead = _AHEAD_AFTER_STOP if after_stop and not spaced else _AHEAD
        if not numbers or not expected <= numbers[0] < expected + ahead:
            continue
        expected = numbers[-1] + 1
        found.append((start - (1 if spaced else 0), end, digits, expected))
    spans = []
    pos = 0
    for start, end, digits, _kind in found:
        spans.append(Span(raw[pos:start]))
        spans.append(Span(digits, marker=True))
        pos = end
    spans.append(Span(raw[pos:]))
    return spans, expected
