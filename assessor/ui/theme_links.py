"""The codes a themed recommendation links to: read from what the user typed, and checked.

Plain Python (no widgets): the themes view reads the field with it at every pause in typing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from assessor.importers.common import CODE_RE, normalize_code

#: A code in any case ("ii-6" is II-6).
_CODE = re.compile(CODE_RE.pattern, re.IGNORECASE)
#: What may stand between codes: spaces, commas, semicolons, slashes, "and".
_SEPARATORS = re.compile(r"[\s,;/&+]+")
_FILLER = {"", "and", "et"}


@dataclass(frozen=True)
class TypedLinks:
    """What a links field says: the factsheet's codes, and the words that are none of them."""

    codes: tuple[str, ...]  # known codes, normalised ("II-6"), in order, without repeats
    unknown: tuple[str, ...]  # unknown codes (normalised) and other words (as typed)


def _words(text: str) -> list[str]:
    """The words of a stretch between codes that say something (not commas, not "and")."""
    words = (w.strip(".:") for w in _SEPARATORS.split(text))
    return [w for w in words if w.casefold() not in _FILLER]


def read_links(text: str, known: Collection[str]) -> TypedLinks:
    """Split typed links ("II-6, iii-3, XX-99, foo") into the factsheet's codes and the rest."""
    codes: list[str] = []
    unknown: list[str] = []
    at = 0
    for match in _CODE.finditer(text):
        unknown += _words(text[at : match.start()])
        code = normalize_code(match.group(1), match.group(2))
        (codes if code in known else unknown).append(code)
        at = match.end()
    unknown += _words(text[at:])
    return TypedLinks(tuple(dict.fromkeys(codes)), tuple(dict.fromkeys(unknown)))


def unknown_sentence(unknown: Sequence[str]) -> str:
    """ "XX-99 and foo are not codes of this factsheet" (empty when nothing is unknown)."""
    if not unknown:
        return ""
    if len(unknown) == 1:
        return QCoreApplication.translate(
            "theme_links", "{code} is not a code of this factsheet"
        ).format(code=unknown[0])
    return QCoreApplication.translate(
        "theme_links", "{codes} and {last} are not codes of this factsheet"
    ).format(codes=", ".join(unknown[:-1]), last=unknown[-1])
