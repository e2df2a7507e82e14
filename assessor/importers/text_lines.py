"""Lines of a text-like source (Markdown, plain text) assembled into document blocks.

Both text readers cut their input into :class:`Line` objects made of :class:`Span` (plain,
bold, or a footnote marker); this module turns a run of lines into one :class:`Block` — words
broken at a line end rejoined, markers gathered, bold fragments kept — and recognises the lines
that define a footnote (a marker, then its text) wherever a conversion left them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assessor.importers.document import Block, BlockKind

#: Bullet glyphs a conversion leaves at the start of a line (OCR turns "•" into "e" or "¢").
BULLET_GLYPH_RE = re.compile(
    r"^[•‣▪◦·●○■□▶►➢✓¢\uf0b7\uf0a7\uf0d8\uf076\uf0fc](?:\s+|(?=\S))|^[-–*](?=\s+\S)\s+"
)
_LEADERS = re.compile(r"\.{4,}|…{2,}")
_PAGE_AT_END = re.compile(r"\d{1,3}$")


def is_toc_line(text: str) -> bool:
    """A table-of-contents line: dot leaders, or a page number after a tab or a wide gap.

    Written without a regular expression over the gap, which would be quadratic in a line
    of many spaces.
    """
    if _LEADERS.search(text):
        return True
    end = text.rstrip()
    m = _PAGE_AT_END.search(end)
    if m is None or m.start() == 0:
        return False
    before = end[: m.start()]
    gap = before[len(before.rstrip()) :]
    return "\t" in gap or len(gap) >= 3


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
#: Unicode superscript digits, as some converters write footnote markers ("them.⁷").
SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def superscript_digits(text: str) -> str:
    """ "⁷" → "7"."""
    return text.translate(_SUPERSCRIPT_DIGITS)


@dataclass
class Span:
    """A piece of a line: plain or bold text, or the digits of a footnote marker."""

    text: str
    strong: bool = False
    marker: bool = False


@dataclass
class Line:
    """One line of the source, as spans, with where it is for messages."""

    spans: list[Span]
    where: str
    hard_break: bool = False  # the source keeps the line end (two spaces, <br>)

    @property
    def text(self) -> str:
        """The line's text without markers."""
        return "".join(s.text for s in self.spans if not s.marker)

    @property
    def only_markers(self) -> bool:
        """True when the line holds nothing but footnote markers."""
        return any(s.marker for s in self.spans) and not self.text.strip()

    def footnote(self) -> tuple[int, str] | None:
        """(number, text) when the line defines a footnote: a marker first, then its text."""
        first = next((s for s in self.spans if s.marker or s.text.strip()), None)
        if first is None or not first.marker or not first.text.isdigit():
            return None
        rest = "".join(
            s.text for s in self.spans[self.spans.index(first) + 1 :] if not s.marker
        ).strip()
        return (int(first.text), rest) if rest else None


@dataclass
class Paragraph:
    """Consecutive lines of one block, before assembly."""

    kind: BlockKind
    lines: list[Line] = field(default_factory=list)
    level: int = 0


def clean(text: str) -> str:
    """Spaces folded, the text stripped."""
    return _SPACES.sub(" ", text).strip()


def assemble(paragraph: Paragraph) -> Block | None:
    """One block from its lines; None when nothing is left (an empty line, only markup)."""
    lines = paragraph.lines
    if not lines:
        return None
    text = ""
    strong: list[str] = []
    markers: list[str] = []
    bold_chars = 0
    chars = 0
    ends_with_marker = False
    toc = len(lines) > 0 and all(is_toc_line(ln.text) for ln in lines if ln.text.strip())
    for i, line in enumerate(lines):
        piece = ""
        for span in line.spans:
            if span.marker:
                markers.append(span.text)
                ends_with_marker = True
                continue
            if span.text.strip():
                ends_with_marker = ends_with_marker and not re.search(r"[^\s.,;:]", span.text)
            piece += span.text
            visible = len(span.text.strip())
            chars += visible
            if span.strong and visible:
                bold_chars += visible
                strong.append(clean(span.text))
        piece = clean(piece) if not toc else piece.strip()
        if not piece:
            continue
        if not text:
            text = piece
        elif toc or lines[i - 1].hard_break:
            text += "\n" + piece
        elif text.endswith("-") and text[-2:-1].isalpha() and piece[:1].islower():
            text = text[:-1] + piece  # a word broken at the line end ("sex-" / "ual")
        else:
            text += " " + piece
    if not text and not markers:
        return None
    return Block(
        kind=paragraph.kind,
        text=text,
        where=lines[0].where,
        level=paragraph.level,
        bold=chars > 0 and bold_chars == chars,
        strong=strong,
        markers=markers,
        ends_with_marker=ends_with_marker,
        toc=toc,
    )


def split_paragraph(paragraph: Paragraph, footnotes: dict[int, str]) -> list[Block]:
    """Blocks of a paragraph, taking out the footnote definitions a conversion left inside.

    A definition line ends the text before it, like a blank line; a line of markers alone
    belongs to the text before it; a line starting with a bullet glyph starts a list item.
    """
    blocks: list[Block] = []
    current = Paragraph(paragraph.kind, level=paragraph.level)

    def close() -> None:
        nonlocal current
        block = assemble(current)
        if block is not None:
            blocks.append(block)
        current = Paragraph("para")

    for line in paragraph.lines:
        note = line.footnote()
        if note is not None:
            close()
            footnotes.setdefault(note[0], clean(note[1]))
            continue
        if line.only_markers and not current.lines and blocks:
            blocks[-1].markers.extend(s.text for s in line.spans if s.marker)
            blocks[-1].ends_with_marker = True
            continue
        glyph = BULLET_GLYPH_RE.match(line.text.lstrip()) if current.kind != "heading" else None
        if glyph and (current.lines or paragraph.kind == "para"):
            close()
            current = Paragraph("bullet", level=paragraph.level)
            _strip_prefix(line, len(line.text) - len(line.text.lstrip()) + glyph.end())
        current.lines.append(line)
    close()
    return blocks


def attach_lone_markers(blocks: list[Block]) -> list[Block]:
    """A block of footnote markers alone belongs to the text before it."""
    out: list[Block] = []
    for block in blocks:
        if not block.text and block.markers and out:
            out[-1].markers.extend(block.markers)
            out[-1].ends_with_marker = True
        elif block.text:
            out.append(block)
    return out


def _strip_prefix(line: Line, count: int) -> None:
    """Remove the first ``count`` characters of a line's text (a bullet glyph)."""
    for span in line.spans:
        if span.marker:
            continue
        if count <= 0:
            return
        cut = min(count, len(span.text))
        span.text = span.text[cut:]
        count -= cut
