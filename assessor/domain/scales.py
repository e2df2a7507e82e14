"""Rating scale presets: GRECO's (the default) and FATF's, and what "not rated" is called.

Each level has two names: the **full** label ("Implemented satisfactorily"), used wherever a
rating is read or written out — filters, history, exports, the Rate menu — and a **short** one
("Implemented"), used where room is scarce — the rating buttons (the full label is their
tooltip) and the tree's chips. Each has a French form too, in the bodies' own published terms
(GRECO's « mise en œuvre de façon satisfaisante », the FATF's (GAFI's) « conforme » …);
:func:`level_label` gives a level's label in a language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class LevelPreset:
    """One level of a preset scale: its key, full label, colour, short label, and in French."""

    key: str
    label: str
    color: str
    short: str = ""
    label_fr: str = ""
    short_fr: str = ""


#: Levels in the order they are offered (keys 1…N in the window).
PRESETS: dict[str, tuple[str, tuple[LevelPreset, ...]]] = {
    "greco": (
        "GRECO compliance scale",
        (
            LevelPreset(
                "implemented", "Implemented satisfactorily", "#2e7d32", "Implemented",
                "Mise en œuvre de façon satisfaisante", "Mise en œuvre",
            ),
            LevelPreset(
                "partly", "Partly implemented", "#f9a825", "Partly",
                "Partiellement mise en œuvre", "Partiellement",
            ),
            LevelPreset(
                "not_implemented", "Not implemented", "#c62828", "Not implemented",
                "Pas mise en œuvre", "Pas mise en œuvre",
            ),
            LevelPreset(
                "no_information", "No information provided", "#757575", "No information",
                "Aucune information fournie", "Aucune information",
            ),
        ),
    ),
    "fatf": (
        "FATF technical compliance scale",
        (
            LevelPreset(
                "compliant", "Compliant", "#2e7d32", "Compliant", "Conforme", "Conforme"
            ),
            LevelPreset(
                "largely", "Largely compliant", "#9e9d24", "Largely",
                "En grande partie conforme", "En grande partie",
            ),
            LevelPreset(
                "partially", "Partially compliant", "#f9a825", "Partially",
                "Partiellement conforme", "Partiellement",
            ),
            LevelPreset(
                "non_compliant", "Non-compliant", "#c62828", "Non-compliant",
                "Non conforme", "Non conforme",
            ),
            LevelPreset(
                "not_applicable", "Not applicable", "#757575", "Not applicable",
                "Non applicable", "Non applicable",
            ),
        ),
    ),
}  # fmt: skip
DEFAULT_PRESET = "greco"
#: What an assessment without a rating is called.
NOT_RATED_LABEL = "Not yet rated"
#: What "not rated" is called in each language.
NOT_RATED_LABELS = {"en": NOT_RATED_LABEL, "fr": "Pas encore évaluée"}


#: The short label of each preset level, by (key, full label): a level renamed is not shortened
#: to the preset's words.
_SHORT = {
    (lv.key, lv.label): lv.short for _name, levels in PRESETS.values() for lv in levels if lv.short
}


def short_labels(labels: Sequence[str], keys: Sequence[str] | None = None) -> list[str]:
    """The short labels of a scale's levels (given in order, with their keys when known).

    A preset's level has its own; any other is shortened to its first word when that tells the
    levels apart (not "Not" or "No"), else to its first two words.
    """
    firsts = [label.split()[0] if label.split() else label for label in labels]
    out = []
    for n, (label, first) in enumerate(zip(labels, firsts, strict=True)):
        known = _SHORT.get((keys[n], label)) if keys is not None else None
        if known is None:
            known = next((v for (_k, full), v in _SHORT.items() if full == label), None)
        if known is not None:
            out.append(known)
            continue
        unique = firsts.count(first) == 1 and first.casefold() not in _NEGATIONS
        out.append(first if unique else " ".join(label.split()[:2]))
    return out


#: The French labels of each preset level, by (key, English label): a renamed level has none.
_FRENCH = {
    (lv.key, lv.label): (lv.label_fr, lv.short_fr)
    for _name, levels in PRESETS.values()
    for lv in levels
}


def preset_french(key: str, label: str) -> str:
    """The French label of a preset's level named so in English, else ""."""
    return _FRENCH.get((key, label), ("", ""))[0]


class NamedLevel(Protocol):
    """What :func:`level_label` reads of a level (``domain.values.Level``, a preset, a row)."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def label_fr(self) -> str | None: ...


def level_label(level: NamedLevel, lang: str = "en", short: bool = False) -> str:
    """A level's label in ``lang`` ("en" or "fr"), full or short.

    French: the level's own French label, else the preset's French words for it, else the
    English label (a custom scale given no French). Short: the preset's short form, else the
    full label shortened as :func:`short_labels` does for a lone label.
    """
    if lang != "fr":
        return short_labels([level.label], [level.key])[0] if short else level.label
    french = level.label_fr or preset_french(level.key, level.label)
    if not french:
        return level_label(level, "en", short)
    if not short:
        return french
    preset = _FRENCH.get((level.key, level.label))
    if preset is not None and preset[0] == french:
        return preset[1]
    return _shortened(french, [french])


def level_labels(levels: Sequence[NamedLevel], lang: str = "en", short: bool = False) -> list[str]:
    """The labels of a scale's levels in ``lang``, in order (short ones told apart)."""
    if not short:
        return [level_label(lv, lang) for lv in levels]
    if lang != "fr":
        return short_labels([lv.label for lv in levels], [lv.key for lv in levels])
    full = [level_label(lv, "fr") for lv in levels]
    out = []
    for lv, label in zip(levels, full, strict=True):
        preset = _FRENCH.get((lv.key, lv.label))
        out.append(preset[1] if preset and preset[0] == label else _shortened(label, full))
    return out


def _shortened(label: str, labels: Sequence[str]) -> str:
    words = label.split()
    if not words:
        return label
    firsts = [lb.split()[0] if lb.split() else lb for lb in labels]
    unique = firsts.count(words[0]) == 1 and words[0].casefold() not in _NEGATIONS
    return words[0] if unique else " ".join(words[:2])


#: First words that say nothing alone ("Not …", « Pas … »).
_NEGATIONS = ("not", "no", "pas", "non", "aucune", "aucun", "ne")


def fold_words(text: str) -> str:
    """``text`` as typed words are compared: any case, œ/oe, æ/ae, ’/', accents and spaces aside.

    « Partiellement mise en oeuvre », "partiellement MISE EN ŒUVRE" and « Partiellement mise en
    œuvre » fold alike; so do « l’État » and "l'Etat".
    """
    folded = text.casefold().replace("œ", "oe").replace("æ", "ae")
    for quote in ("’", "‘", "ʼ", "`", "´"):
        folded = folded.replace(quote, "'")
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.split())


def match_level(text: str, levels: Sequence[NamedLevel]) -> str | None:
    """The key of the level ``text`` names — its key, or its label in English or French, full
    or short (see :func:`fold_words`) — else None. Keys come first, then full labels, then
    short ones, so a short label never hides another level's full one."""
    wanted = fold_words(text)
    if not wanted:
        return None
    tiers: tuple[list[str], ...] = (
        [lv.key for lv in levels],
        [level_label(lv, lang) for lang in ("en", "fr") for lv in levels],
        [label for lang in ("en", "fr") for label in level_labels(levels, lang, short=True)],
    )
    keys = [lv.key for lv in levels]
    for tier in tiers:
        for n, name in enumerate(tier):
            if fold_words(name) == wanted:
                return keys[n % len(keys)]
    return None
