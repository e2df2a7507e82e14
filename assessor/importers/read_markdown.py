"""Markdown factsheets (as a PDF converter writes them) read with a CommonMark parser.

markdown-it-py gives headings of any level, list items, bold runs, links and inline HTML; this
reader keeps their cues and turns ``<sup>7</sup>`` (or ``[^7]``) into footnote markers. The
conversion's debris is left for the structural reader to repair: footnote definitions in the
middle of a paragraph that a page break split, markers alone on a line, rules between pages.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from assessor.i18n import _
from assessor.importers.common import ImportWarning
from assessor.importers.document import Block, BlockKind, Document
from assessor.importers.read_text import read_plain_text
from assessor.importers.text_lines import (
    SUPERSCRIPTS,
    Line,
    Paragraph,
    Span,
    attach_lone_markers,
    split_paragraph,
    superscript_digits,
)

_MD = MarkdownIt("commonmark", {"html": True, "maxNesting": 40}).enable("table").disable("code")
#: Beyond this many "[", a file is a flood, not a factsheet's links (its link parser would take
#: minutes): the brackets are read as text.
_MAX_BRACKETS = 20_000
_NESTING = re.compile(r"^[ \t>]+")
_MARKS = re.compile(r"^(?:[ \t>*+-]|\d+[.)])+\s*")
_FOOTNOTE_DEF = re.compile(r"(?m)^[ \t]{0,3}\[\^(\d{1,4})\]:[ \t]*")
_FOOTNOTE_REF = re.compile(r"\[\^(\d{1,4})\]")
_SUP_OPEN = re.compile(r"<sup\b[^>]*>", re.I)
_SUP_CLOSE = re.compile(r"</sup\s*>", re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>\n]{0,200}>")
#: What a superscript may say besides a footnote number: an ordinal ("2<sup>nd</sup>").
_ORDINAL = re.compile(r"^(?:st|nd|rd|th|er|re|e|ème|eme|d)$", re.I)


def read_markdown(text: str) -> Document:
    """The document model of a Markdown factsheet."""
    return _read(text, 0)


def _read(text: str, depth: int) -> Document:
    text = SUPERSCRIPTS.sub(lambda m: f"<sup>{superscript_digits(m.group(0))}</sup>", text)
    text = _FOOTNOTE_DEF.sub(lambda m: f"<sup>{m.group(1)}</sup> ", text)
    text = _FOOTNOTE_REF.sub(lambda m: f"<sup>{m.group(1)}</sup>", text)
    if text.count("[") > _MAX_BRACKETS:  # a flood of brackets: read as text, not as links
        text = text.replace("[", "\\[")
    tokens = _MD.parse(text)
    footnotes: dict[int, str] = {}
    blocks: list[Block] = []
    kind: BlockKind = "para"
    level = 0
    nesting = 0  # how deep in lists the parser is (``depth`` counts re-readings)
    first_in_item = False
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            nesting += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            nesting -= 1
        elif token.type == "list_item_open":
            first_in_item = True
        elif token.type == "heading_open":
            kind, level = "heading", int(token.tag[1:])
        elif token.type == "paragraph_open":
            kind, level = ("bullet", nesting) if first_in_item else ("para", 0)
            first_in_item = False
        elif token.type in ("th_open", "td_open"):
            kind, level = "para", 0
        elif token.type == "inline":
            paragraph = Paragraph(kind, _lines(token), level)
            blocks += split_paragraph(paragraph, footnotes)
            kind, level = "para", 0
        elif token.type in ("fence", "html_block"):
            paragraph = Paragraph("para", _raw_lines(token), 0)
            blocks += split_paragraph(paragraph, footnotes)
    warnings = _rest_after_nesting(text, tokens, blocks, footnotes, depth)
    return Document(attach_lone_markers(blocks), footnotes, warnings, source="Markdown")


def _rest_after_nesting(
    text: str, tokens: list[Token], blocks: list[Block], footnotes: dict[int, str], depth: int
) -> list[ImportWarning]:
    """The parser stops reading where lists or quotes nest beyond its limit: the lines after
    that point are read again with their nesting flattened, never dropped, and the import
    says so."""
    read = (t.map[1] for t in tokens if t.map and t.type in ("inline", "fence", "html_block"))
    reached = max(read, default=0)
    lines = text.split("\n")
    if not any(ln.strip() for ln in lines[reached:]):
        return []
    flat = "\n".join(_NESTING.sub("", ln) for ln in lines[reached:])
    if depth >= 2:  # still nested on one line ("- - - - text"): the rest as plain text
        flat = "\n".join(_MARKS.sub("", ln) for ln in flat.split("\n"))
        rest = read_plain_text(flat)
        rest.warnings.clear()
    else:
        rest = _read(flat, depth + 1)
    blocks += rest.blocks
    for number, note in rest.footnotes.items():
        footnotes.setdefault(number, note)
    return [
        ImportWarning(
            _(
                "lists or quotes nest too deep to read as Markdown; the text from here on was read "
                "with its nesting flattened"
            ),
            where=_("line {n}").format(n=reached + 1),
        ),
        *rest.warnings,
    ]


def _where(token: Token, offset: int) -> str:
    start = token.map[0] + 1 if token.map else 0
    return _("line {n}").format(n=start + offset)


def _lines(inline: Token) -> list[Line]:
    """The inline token's lines as spans: bold, plain, and footnote markers."""
    lines: list[Line] = []
    spans: list[Span] = []
    strong = 0
    in_sup = False
    sup_text = ""

    def end_line(hard: bool) -> None:
        nonlocal spans
        lines.append(Line(spans, _where(inline, len(lines)), hard_break=hard))
        spans = []

    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong = max(0, strong - 1)
        elif kind in ("softbreak", "hardbreak"):
            if in_sup:
                continue
            end_line(kind == "hardbreak")
        elif kind == "html_inline":
            tag = child.content
            if _SUP_OPEN.fullmatch(tag):
                in_sup, sup_text = True, ""
            elif _SUP_CLOSE.fullmatch(tag) and in_sup:
                in_sup = False
                _add_sup(spans, sup_text.strip(), strong > 0)
            elif _BREAK.fullmatch(tag):
                end_line(True)
            else:
                spans.append(Span(" "))
        elif kind in ("text", "code_inline"):
            if in_sup:
                sup_text += child.content
            else:
                spans.append(Span(child.content, strong=strong > 0))
        elif kind == "image":
            spans.append(Span(child.content, strong=strong > 0))
    end_line(False)
    return lines


def _add_sup(spans: list[Span], text: str, strong: bool) -> None:
    """A superscript: footnote markers (digits, maybe several), or text such as an ordinal."""
    parts = re.findall(r"\d+", text)
    if parts and re.fullmatch(r"[\d\s,]+", text):
        spans.extend(Span(p, marker=True) for p in parts)
    elif _ORDINAL.match(text):
        spans.append(Span(text, strong=strong))
    elif text:
        spans.append(Span(" " + text, strong=strong))


def _raw_lines(token: Token) -> list[Line]:
    """A fenced or HTML block's lines as plain text (tags removed)."""
    out = []
    for i, raw in enumerate(token.content.split("\n")):
        sups = list(re.finditer(r"<sup\b[^>]*>\s*(\d+)\s*</sup\s*>", raw, re.I))
        spans: list[Span] = []
        pos = 0
        for m in sups:
            spans.append(Span(_TAG.sub(" ", raw[pos : m.start()])))
            spans.append(Span(m.group(1), marker=True))
            pos = m.end()
        spans.append(Span(_TAG.sub(" ", raw[pos:])))
        out.append(Line(spans, _where(token, i)))
    return out
