"""Parse the assessor's themed recommendations (OCR text) into themes and items; pure, no I/O."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from assessor.i18n import _, ngettext
from assessor.importers.common import ImportRejected, ImportWarning, find_codes

__all__ = [
    "Theme",
    "ThemeItem",
    "ThemedRecommendations",
    "looks_like_recommendations",
    "parse_recommendations",
]


@dataclass(frozen=True)
class ThemeItem:
    """One recommendation of a theme: a re-flowed paragraph and the codes it names."""

    text: str
    links: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """A titled group of recommendation items; the title is "" for text found before any theme."""

    title: str
    items: tuple[ThemeItem, ...]


@dataclass(frozen=True)
class ThemedRecommendations:
    """A whole themed-recommendations document: its heading, themes and repair warnings."""

    title: str | None
    themes: tuple[Theme, ...]
    warnings: tuple[ImportWarning, ...]


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)[\s#]*$")
_NUMBERING = re.compile(r"^\(?(?:[IVXLC]{1,6}|\d{1,2}|[A-Za-z])[.)]\s+")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_RULE = re.compile(r"([-*_])(\s*\1){2,}")
_PAGE_NUMBER = re.compile(r"\d{1,3}")
# Glyphs that are never the start of a word: a bullet wherever they open a line.
_GLYPH = re.compile(r"^([•¢●▪◦‣·■►➢➤✓]|\*(?=\s))\s*")
# A dash or a lone "e" (OCR's reading of "•") only opens an item where a new block could begin,
# so an em dash continuing a sentence or a real word "e" inside a paragraph is left alone.
_DASH = re.compile(r"^([-–—])(?:\s+(?=\S)|(?=[^\W\d_]))")
_E_BULLET = re.compile(r"^(e)\s+(?=[^\W\d_\"“‘'(])")
_NUMBERED_ITEM = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+(?=\S)")
_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_LINE_END_BREAK = re.compile(r"([^\W\d_]+)([-\u00ad])$")

# Prefixes that form real compounds ("self-assessment", "cross-border", "non-governmental").
# "co", "re", "pre", "inter" and the like are left out on purpose: typesetters split
# "co-operation", "re-view", "inter-national" at those very syllables, so a line-end hyphen
# after them is far more often a broken word; a document that really writes "co-operation"
# shows it mid-line somewhere, and that evidence is checked first.
_COMPOUND_PREFIXES = frozenset({"self", "non", "cross", "well", "multi", "anti"})
# Endings that are syllables, not words: "multi-ple", "multi-tude", "anti-cipate", "well-ness".
_SUFFIX_FRAGMENT = re.compile(r"ple|ply|ples|tudes?|ness|ish|ing|ings|ed|er|ers|es|cipat\w*")


@dataclass(frozen=True)
class _Vocabulary:
    """How the document itself spells words, to decide what a line-end hyphen was."""

    words: Counter[str]
    compounds: Counter[str]

    @classmethod
    def of(cls, lines: list[str]) -> _Vocabulary:
        words: Counter[str] = Counter()
        compounds: Counter[str] = Counter()
        for line in lines:
            words.update(w.lower() for w in _WORD.findall(line))
            for m in _COMPOUND.finditer(line):
                parts = m.group(0).lower().split("-")
                compounds.update(f"{a}-{b}" for a, b in pairwise(parts))
        return cls(words, compounds)

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether "left-" at a line end and "right" on the next line form a hyphenated word."""
        # Heuristic, in order: (1) typesetting never breaks a word before a capital or digit,
        # so "Anti-\nCorruption" is a real compound; (2) the document's own spelling elsewhere
        # ("live-streamed" mid-line vs "sexual") is the best evidence OCR text offers, the more
        # frequent form winning; (3) a known compound prefix keeps its hyphen; (4) otherwise
        # the hyphen was the typesetter's, since most line-end hyphens in justified text are.
        if not right[:1].islower():
            return True
        hyphened = self.compounds[f"{left}-{right}".lower()]
        joined = self.words[(left + right).lower()]
        if hyphened != joined:
            return hyphened > joined
        return left.lower() in _COMPOUND_PREFIXES and not _SUFFIX_FRAGMENT.fullmatch(right.lower())


@dataclass
class _Section:
    heading: str | None
    numbered: bool
    line: int
    items: list[list[str]] = field(default_factory=list)


def _reflow(lines: list[str], vocabulary: _Vocabulary) -> str:
    """Join the lines of one item into a paragraph, mending words broken at a line end."""
    text = ""
    for raw in lines:
        line = " ".join(raw.split())
        broken = _LINE_END_BREAK.search(text)
        right = _WORD.match(line)
        if not text:
            text = line
        elif not broken:
            text = f"{text} {line}"
        elif broken.group(2) == "\u00ad":
            text = text[:-1] + line
        elif right and right.group(0).lower() in {"and", "or"}:
            text = f"{text} {line}"  # a suspended hyphen: "short-\nand long-term"
        elif right is None or vocabulary.keeps_hyphen(broken.group(1), right.group(0)):
            text += line
        else:
            text = text[:-1] + line
    return text.replace("\u00ad", "")


def _bullet(text: str, at_block_start: bool, glyph: str | None) -> tuple[str | None, str]:
    """The bullet glyph opening a line (None if it does not open an item) and the rest."""
    m = _GLYPH.match(text)
    if m is None:
        m = _DASH.match(text) or _E_BULLET.match(text)
        # Inside a paragraph only the item's own glyph opens the next item, and a lone "e"
        # only before a capital, since "e" followed by a lowercase word may well be a word.
        if m is not None and not at_block_start:
            rest = text[m.end() :]
            if m.group(1) != glyph or (glyph == "e" and not rest[:1].isupper()):
                m = None
    if m is not None:
        return m.group(1), text[m.end() :]
    if at_block_start and _NUMBERED_ITEM.match(text):
        return "", text  # the numbering is the author's text, so it stays
    return None, text


def _heading(lines: list[str], i: int, at_block_start: bool, last: int) -> tuple[str, bool] | None:
    """The title of the theme heading on line i and whether it was numbered, else None."""
    md = _MD_HEADING.match(lines[i])
    text = (md.group(1) if md else lines[i]).strip()
    title = _NUMBERING.sub("", text, count=1)
    if not md:
        if not at_block_start or i >= last or len(text) > 80 or len(text.split()) > 12:
            return None
        if text[-1] in ".,;:-" or not title[:1].isupper():
            return None
        after = lines[i + 1].strip()
        if after and not _MD_HEADING.match(after) and _bullet(after, True, None)[0] is None:
            return None  # the first line of a paragraph, not a heading
    return (title, title != text) if title else None


def parse_recommendations(text: str) -> ThemedRecommendations:
    """Parse themed recommendations text into themes of re-flowed items, with warnings."""
    if not text or not text.strip():
        raise ImportRejected(_("The recommendations text is empty."))
    lines = [line.replace("**", "").rstrip() for line in text.splitlines()]
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    if last < 0:
        raise ImportRejected(_("The recommendations text is empty."))
    warnings: list[ImportWarning] = []
    sections = [_Section(None, False, 1)]
    item: list[str] | None = None
    glyph: str | None = None
    at_block_start = True
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or _RULE.fullmatch(stripped):
            item, at_block_start = None, True
            continue
        if _PAGE_NUMBER.fullmatch(stripped):
            warnings.append(
                ImportWarning(
                    _("Left out {text}, taken for a page number.").format(text=repr(stripped)),
                    i + 1,
                )
            )
            continue
        heading = _heading(lines, i, at_block_start, last)
        if heading is not None:
            sections.append(_Section(heading[0], heading[1], i + 1))
            item, glyph, at_block_start = None, None, True
            continue
        bullet, rest = _bullet(stripped, at_block_start, glyph)
        if bullet is not None or item is None:
            item, glyph = [], bullet or glyph
            sections[-1].items.append(item)
        if rest:
            item.append(rest)
        at_block_start = bool(_SENTENCE_END.search(stripped))
    return _assemble(sections, _Vocabulary.of(lines), warnings)


def _assemble(
    sections: list[_Section], vocabulary: _Vocabulary, warnings: list[ImportWarning]
) -> ThemedRecommendations:
    """Turn the raw sections into themes: pick the document title, place stray text, warn."""
    preamble, headed = sections[0], sections[1:]
    title: str | None = None
    first = headed[0] if headed else None
    if first and not preamble.items and not first.items and not first.numbered and headed[1:]:
        title = first.heading
        headed = headed[1:]
    themes: list[Theme] = []
    for section in ([preamble] if preamble.items else []) + headed:
        items = tuple(
            ThemeItem(text, tuple(find_codes(text)))
            for text in (_reflow(lines, vocabulary) for lines in section.items)
            if text
        )
        if section.heading is None:
            warnings.append(
                ImportWarning(
                    ngettext(
                        "{n} paragraph before the first theme heading was put in an "
                        "untitled theme.",
                        "{n} paragraphs before the first theme heading were put in an "
                        "untitled theme.",
                        len(items),
                    ).format(n=len(items)),
                    section.line,
                )
            )
        elif not items:
            warnings.append(
                ImportWarning(
                    _("Theme {heading} has no items.").format(heading=repr(section.heading)),
                    section.line,
                )
            )
        themes.append(Theme(section.heading or "", items))
    if not any(theme.items for theme in themes):
        raise ImportRejected(_("No themes or recommendations were found in the text."))
    return ThemedRecommendations(title, tuple(themes), tuple(warnings))


# Marks of a factsheet: "## II. Legal framework" chapters, "<sup>" footnotes,
# "Recommendation II-6." footnotes and the Committee's bold verbs. One alone can occur in a
# recommendations text that quotes a factsheet; two together cannot.
_FACTSHEET_MARKS = (
    re.compile(r"^\s{0,3}#{1,6}\s*\**\s*[IVXL]{1,6}\.\s", re.MULTILINE),
    re.compile(r"<sup>", re.IGNORECASE),
    re.compile(r"\bRecommendations?\s+[IVXL]{1,6}\s*[-‐‑–]\s*\d{1,3}\s*\."),
    re.compile(r"\bCommittee\s+\*\*(?:requires|requests|invites|encourages)\*\*"),
)


def looks_like_recommendations(text: str) -> bool:
    """Whether text reads as themed recommendations (and not, say, a factsheet)."""
    if sum(1 for mark in _FACTSHEET_MARKS if mark.search(text)) >= 2:
        return False
    try:
        parsed = parse_recommendations(text)
    except ImportRejected:
        return False
    return any(theme.title and theme.items for theme in parsed.themes)
