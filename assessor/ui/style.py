"""Colours, badges and small text helpers shared by the views (no widgets here)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from assessor.domain.scales import short_labels as short_labels

# Kept here for the views that import it from the style module.
from assessor.ui.translation import QT_TRANSLATE_NOOP

#: Verb badges: a letter (so colour is never the only cue), a fill, and the full word.
VERB_BADGES: dict[str, tuple[str, str]] = {
    "require": ("R", "#283593"),
    "request": ("Q", "#1e88e5"),
    "invite": ("I", "#78909c"),
}


class Translated(Mapping[str, str]):
    """A mapping whose values are read in the window's language (marked with QT_TRANSLATE_NOOP)."""

    def __init__(self, context: str, words: Mapping[str, str]) -> None:
        self._context, self._words = context, dict(words)

    def __getitem__(self, key: str) -> str:
        return QCoreApplication.translate(self._context, self._words[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


#: The Committee's verbs as the window names them (the factsheet's own word stays in its text).
VERB_WORDS = Translated(
    "style",
    {
        "require": QT_TRANSLATE_NOOP("style", "require"),
        "request": QT_TRANSLATE_NOOP("style", "request"),
        "invite": QT_TRANSLATE_NOOP("style", "invite"),
    },
)


SCOPE_NAMES = Translated(
    "style",
    {
        "specific": QT_TRANSLATE_NOOP("style", "specific"),
        "generic": QT_TRANSLATE_NOOP("style", "generic"),
    },
)


def scope_word(scope: str | None) -> str:
    """A scope key ("specific") in the window's language (« spécifique »)."""
    return SCOPE_NAMES.get(scope or "", scope or "")


def verb_word(verb: str | None) -> str:
    """A verb key ("request") in the window's language (« demande »); unknown ones as they are."""
    return VERB_WORDS.get(verb or "", verb or "")


#: How section kinds are named in the tree (their full titles are long; tooltips keep them).
SECTION_NAMES = Translated(
    "style",
    {
        "specific": QT_TRANSLATE_NOOP("style", "Specific to {party}"),
        "generic": QT_TRANSLATE_NOOP("style", "Generic recommendations"),
        "promising_practices": QT_TRANSLATE_NOOP("style", "Promising practices"),
        "difficulties": QT_TRANSLATE_NOOP("style", "Difficulties"),
    },
)
#: The colour of "Not yet rated", which no scale defines (the PDF summary's grey).
NOT_RATED_COLOR = "#bdbdbd"
#: Background of highlighted search matches: a light yellow that dark text stays readable on.
MATCH_BACKGROUND = "#ffe066"


def verb_badge(verb: str | None) -> tuple[str, QColor]:
    """The badge letter and colour of a verb ("?" and grey for an unknown one)."""
    letter, color = VERB_BADGES.get(verb or "", ("?", "#9e9e9e"))
    return letter, QColor(color)


def text_color_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill`` (WCAG relative luminance)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(fill.redF())
        + 0.7152 * channel(fill.greenF())
        + 0.0722 * channel(fill.blueF())
    )
    return QColor("#000000") if lum > 0.22 else QColor("#ffffff")


def round_short(title: str) -> str:
    """A round's title up to its colon ("2nd monitoring round")."""
    return title.split(":", 1)[0].strip() or title


def highlight_html(text: str, words: Sequence[str]) -> str:
    """``text`` escaped as HTML, line breaks kept, search words (as word prefixes) highlighted."""
    escaped = html.escape(text)
    if words:
        pattern = re.compile(
            r"\b(" + "|".join(re.escape(html.escape(w)) for w in words) + r")",
            re.IGNORECASE,
        )
        escaped = pattern.sub(
            lambda m: f'<span style="background:{MATCH_BACKGROUND};color:#000">{m.group(1)}</span>',
            escaped,
        )
    paragraphs = [p.replace("\n", "<br>") for p in re.split(r"\n\s*\n", escaped)]
    return "".join(f"<p>{p}</p>" for p in paragraphs)
