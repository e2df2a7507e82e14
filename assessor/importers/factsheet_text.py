"""Lexing a converted factsheet: blocks, footnote markers and definitions, clean inline text.

PDF-to-Markdown (or to text) conversion leaves debris: footnote definitions in the middle of a
paragraph split by a page break, fused markers (``<sup>3536</sup>``), rules, running headers.
This module turns the text into a list of :class:`Block` with the debris set aside, so that
:mod:`assessor.importers.factsheet` only has to reason about structure.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field

from assessor.importers.common import ImportWarning, find_codes

MARKER_RE = re.compile(r"<sup>\s*(\d+)\s*</sup>|\[\^(\d+)\]")
ORDINAL_SUP_RE = re.compile(r"(\d)\s*<sup>\s*(st|nd|rd|th|er|e|ème)\s*</sup>", re.IGNORECASE)
FOOTDEF_RE = re.compile(r"^\s*(?:<sup>\s*(\d+)\s*</sup>|\[\^(\d+)\]\s*:)\s*(.*)$")
LONE_MARKER_RE = re.compile(r"^\s*(?:<sup>\s*\d+\s*</sup>\s*)+$")
HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET_RE = re.compile(r"^(\s*)(?:[-*+•‣▪◦·–]|\d{1,2}[.)])(?:\s+|(?=[A-Z#]))(.*)$")
RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
PARA_RE = re.compile(
    r"\bParas?\.?\s*((?:\d+(?:\s*[-–]\s*\d+)?)(?:\s*(?:,|and|&)\s*\d+(?:\s*[-–]\s*\d+)?)*)"
)
TERMINAL = ".!?:;…"
VERB_BOLD_RE = re.compile(r"\*\*\s*(requir|request|invit)(?:e|es|ed|s)?\s*\*\*", re.I)
VERB_PLAIN_RE = re.compile(
    r"\b(?:Committee|It|it)\s+(?:also\s+|therefore\s+|hence\s+|further\s+)?(requir|request|invit)e?s\b"
)
VERB_LEAD_RE = re.compile(r"^(requir|request|invit)e?s\b")
VERBS = {"requir": "require", "request": "request", "invit": "invite"}


def verb_of(raw: str) -> str | None:
    """The recommendation verb a piece of Markdown uses (require / request / invite), if any."""
    for pattern in (VERB_BOLD_RE, VERB_PLAIN_RE, VERB_LEAD_RE):
        m = pattern.search(raw.strip())
        if m:
            return VERBS[m.group(1).lower()]
    return None


@dataclass
class Footnote:
    """A footnote definition: recommendation codes, report paragraphs, or an explanation."""

    number: int
    text: str
    codes: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def explanatory(self) -> bool:
        """True when the footnote is neither a code nor a paragraph reference."""
        return not self.codes and not self.paragraphs


@dataclass
class Block:
    """A paragraph, bullet or heading of the document, with its footnote markers."""

    kind: str  # "heading" | "bullet" | "para"
    raw: str  # the Markdown of the block, markers removed
    line: int
    level: int = 0  # heading level, or bullet indentation
    markers: list[int] = field(default_factory=list)
    ends_with_marker: bool = False

    _text: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The block as clean plain text (cached: the parser asks for it often)."""
        if self._text is None or self._text[0] != self.raw:
            self._text = (self.raw, clean_inline(self.raw))
        return self._text[1]

    @property
    def bold(self) -> bool:
        """True when the whole block is bold (an unlabelled box or a bold heading)."""
        stripped = self.raw.strip()
        return (
            stripped.startswith("**")
            and stripped.endswith("**")
            and len(stripped) > 4
            and "**" not in stripped[2:-2].replace("** **", "").replace("**\n**", "")
        )

    @property
    def dangling(self) -> bool:
        """True when the block stops mid-sentence (a page break likely cut it)."""
        if self.kind == "heading" or self.ends_with_marker:
            return False
        text = self.text.rstrip("”\"’')]* ")
        return bool(text) and text[-1] not in TERMINAL

    @property
    def starts_lower(self) -> bool:
        """True when the block's first letter is lower case (it continues a sentence)."""
        for ch in self.text:
            if ch.isalpha():
                return ch.islower()
            if ch.isdigit():
                return False
        return False

    def absorb(self, other: Block) -> None:
        """Join the continuation ``other`` to this block (a sentence cut by a page break)."""
        joiner = "" if self.raw.endswith("-") and other.starts_lower else " "
        if joiner == "" and self.raw[-2:-1].isalpha():
            self.raw = self.raw[:-1]
        self.raw = f"{self.raw.rstrip()}{joiner}{other.raw.lstrip()}"
        self.markers.extend(other.markers)
        self.ends_with_marker = other.ends_with_marker


_INLINE_SUBS = [
    (re.compile(p), r)
    for p, r in (
        (MARKER_RE.pattern, ""),
        (r"</?sup>|</?sub>|<br\s*/?>", " "),
        (r"!\[([^\]]*)\]\([^)]*\)", r"\1"),  # images: keep the alt text
        (r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)", r"\1"),  # links: keep the label
        (r"<((?:https?|mailto):[^>\s]+)>", r"\1"),
        (r"\*\*|__", ""),
        (r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1"),
        (r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])", r"\1"),
        (r"\\([\\`*_{}\[\]()#+\-.!|>~])", r"\1"),
    )
]
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean_inline(raw: str) -> str:
    """Markdown inline text to plain text: no markers, emphasis, links or escapes."""
    text = ORDINAL_SUP_RE.sub(r"\1\2", raw)
    if any(ch in text for ch in "<[*_\\"):  # else plain text: no markup to undo
        for pattern, replacement in _INLINE_SUBS:
            text = pattern.sub(replacement, text)
    text = html.unescape(text) if "&" in text else text
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def parse_footnote(number: int, text: str) -> Footnote:
    """Classify a footnote definition by what it names."""
    plain = clean_inline(text).strip()
    codes = find_codes(plain) if re.search(r"\bRecommendations?\b", plain, re.I) else []
    paragraphs: list[str] = []
    for m in PARA_RE.finditer(plain):
        for part in re.split(r"\s*(?:,|and|&)\s*", m.group(1)):
            part = re.sub(r"\s*[-–]\s*", "-", part.strip())
            if part and part not in paragraphs:
                paragraphs.append(part)
    return Footnote(number, plain, codes, paragraphs)


@dataclass
class Lexed:
    """The document as blocks, with its footnotes and what lexing had to say."""

    blocks: list[Block]
    footnotes: dict[int, Footnote]
    warnings: list[ImportWarning]


def _split_markers(digits: str, defined: dict[int, Footnote], expected: int) -> list[int] | None:
    """Split a fused marker (``3536``) into defined footnote numbers, preferring the sequence."""
    if int(digits) in defined:
        return [int(digits)]

    def splits(rest: str) -> list[list[int]]:
        if not rest:
            return [[]]
        out = []
        for cut in range(1, len(rest) + 1):
            if rest[0] == "0" or int(rest[:cut]) not in defined:
                continue
            out += [[int(rest[:cut]), *tail] for tail in splits(rest[cut:])]
        return out

    candidates = [c for c in splits(digits) if len(c) > 1]
    if not candidates:
        return None

    def score(parts: list[int]) -> tuple[bool, bool, int]:
        consecutive = all(b == a + 1 for a, b in itertools.pairwise(parts))
        return (parts[0] == expected, consecutive, -len(parts))

    return max(candidates, key=score)


def lex(text: str) -> Lexed:
    """Split the document into blocks and collect footnote definitions, wherever they are."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    footnotes: dict[int, Footnote] = {}
    warnings: list[ImportWarning] = []
    content: list[tuple[int, str]] = []
    for i, line in enumerate(lines, start=1):
        m = FOOTDEF_RE.match(line)
        if m and m.group(3).strip():
            number = int(m.group(1) or m.group(2))
            if number in footnotes and footnotes[number].text != clean_inline(m.group(3)):
                warnings.append(ImportWarning(f"footnote {number} is defined twice", i))
            footnotes[number] = parse_footnote(number, m.group(3))
            content.append((i, ""))  # a definition ends a paragraph, like a blank line
        elif RULE_RE.match(line):
            content.append((i, ""))
        else:
            content.append((i, line))

    blocks: list[Block] = []
    current: Block | None = None
    expected = 1

    def markers_of(raw: str, line: int) -> list[int]:
        nonlocal expected
        found: list[int] = []
        for m in MARKER_RE.finditer(raw):
            digits = m.group(1) or m.group(2)
            numbers = _split_markers(digits, footnotes, expected)
            if numbers is None:
                warnings.append(ImportWarning(f"footnote marker {digits} has no definition", line))
                numbers = [int(digits)]
            found.extend(numbers)
            expected = max(expected, numbers[-1] + 1)
        return found

    for lineno, line in content:
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        if LONE_MARKER_RE.match(stripped):
            # A marker alone on its line belongs to the text before it.
            target = current or (blocks[-1] if blocks else None)
            if target is not None:
                target.markers.extend(markers_of(stripped, lineno))
                target.ends_with_marker = True
            continue
        heading = HEADING_RE.match(line)
        bullet = BULLET_RE.match(line) if not heading else None
        if heading:
            current = None
            raw = heading.group(2)
            blocks.append(Block("heading", MARKER_RE.sub("", raw), lineno, len(heading.group(1))))
            blocks[-1].markers = markers_of(raw, lineno)
            continue
        if bullet:
            indent = len(bullet.group(1).expandtabs(4))
            raw = bullet.group(2)
            current = Block("bullet", MARKER_RE.sub("", raw).strip(), lineno, indent)
            current.markers = markers_of(raw, lineno)
            current.ends_with_marker = _ends_with_marker(raw)
            blocks.append(current)
            continue
        if current is None:
            current = Block("para", "", lineno)
            blocks.append(current)
        # A hard break (two spaces) or a table-of-contents line (tabs) keeps its line end.
        sep = "\n" if current.raw.endswith("  ") or "\t" in current.raw.split("\n")[-1] else " "
        joined = line.strip()
        if current.raw.endswith("-") and joined[:1].islower() and current.raw[-2:-1].isalpha():
            current.raw = current.raw[:-1] + MARKER_RE.sub("", joined)  # word broken at line end
        else:
            current.raw = (current.raw.rstrip() + sep + MARKER_RE.sub("", joined)).strip()
        current.markers.extend(markers_of(joined, lineno))
        current.ends_with_marker = _ends_with_marker(joined)
    return Lexed([b for b in blocks if b.text or b.markers], footnotes, warnings)


def _ends_with_marker(raw: str) -> bool:
    """True when a footnote marker closes the text (optionally before punctuation)."""
    return bool(re.search(r"(?:<sup>\s*\d+\s*</sup>|\[\^\d+\])[\s.,;:]*$", raw))
