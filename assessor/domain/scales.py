"""Rating scale presets: GRECO's (the default) and FATF's, and what "not rated" is called.

Each level has two names: the **full** label ("Implemented satisfactorily"), used wherever a
rating is read or written out — filters, history, exports, the Rate menu — and a **short** one
("Implemented"), used where room is scarce — the rating buttons (the full label is their
tooltip) and the tree's chips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LevelPreset:
    """One level of a preset scale: its key, full label, colour and short label."""

    key: str
    label: str
    color: str
    short: str = ""


#: Levels in the order they are offered (keys 1…N in the window).
PRESETS: dict[str, tuple[str, tuple[LevelPreset, ...]]] = {
    "greco": (
        "GRECO compliance scale",
        (
            LevelPreset("implemented", "Implemented satisfactorily", "#2e7d32", "Implemented"),
            LevelPreset("partly", "Partly implemented", "#f9a825", "Partly"),
            LevelPreset("not_implemented", "Not implemented", "#c62828", "Not implemented"),
            LevelPreset("no_information", "No information provided", "#757575", "No information"),
        ),
    ),
    "fatf": (
        "FATF technical compliance scale",
        (
            LevelPreset("compliant", "Compliant", "#2e7d32", "Compliant"),
            LevelPreset("largely", "Largely compliant", "#9e9d24", "Largely"),
            LevelPreset("partially", "Partially compliant", "#f9a825", "Partially"),
            LevelPreset("non_compliant", "Non-compliant", "#c62828", "Non-compliant"),
            LevelPreset("not_applicable", "Not applicable", "#757575", "Not applicable"),
        ),
    ),
}
DEFAULT_PRESET = "greco"
#: What an assessment without a rating is called.
NOT_RATED_LABEL = "Not yet rated"


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
        unique = firsts.count(first) == 1 and first.casefold() not in ("not", "no")
        out.append(first if unique else " ".join(label.split()[:2]))
    return out
