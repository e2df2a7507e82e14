"""The core's words in English or French: gettext catalogues, dates and numbers (no Qt).

Two catalogues (gettext *domains*), both kept as ``.po`` files under
``resources/i18n/<lang>/LC_MESSAGES/`` and extracted from the code with Babel
(``make i18n-extract``):

- ``messages`` — what Assessor says to its user: the command line, import reports, errors. It
  follows the user's language (``--lang``, else ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG``;
  the window's Preferences);
- ``documents`` — the words written into files for a reader: questionnaires, workbooks, PDF
  summaries. They follow the language chosen for *that document* (``export … --lang fr``),
  whatever language the user reads.

English is the source language: its catalogue is the text in the code. A ``.po`` is compiled
in memory with Babel when first needed (a few milliseconds), so a checkout, a wheel and the
frozen app read the same file and no binary is committed.

Use ``_("…")`` / ``ngettext("…", "…", n)`` for messages in the user's language, and
``words(lang).gettext`` / ``.ngettext`` (or :func:`document_words`) for a document's. Strings
defined before a language is known (module constants) are marked with ``N_("…")`` and
translated where they are shown.
"""

from __future__ import annotations

import functools
import gettext
import io
import os
from collections.abc import Mapping
from datetime import date
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from assessor.resources import resource_path

Language = Literal["en", "fr"]
#: The languages Assessor speaks, the source language first.
LANGUAGES: tuple[Language, ...] = ("en", "fr")
#: Each language's name in itself, for a choice offered to the user.
LANGUAGE_NAMES: Mapping[Language, str] = {"en": "English", "fr": "Français"}
SOURCE_LANGUAGE: Language = "en"
DOMAINS = ("messages", "documents")

_current: Language | None = None


def language_of(tag: str | None) -> Language | None:
    """The language a locale tag names ("fr_BE.UTF-8", "fr", "en-GB" …), or None."""
    if not tag:
        return None
    head = tag.replace("-", "_").split("_")[0].split(".")[0].split("@")[0].casefold()
    return next((lang for lang in LANGUAGES if lang == head), None)


def system_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language the environment asks for (gettext's order of variables), else English."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if not value:
            continue
        # LANGUAGE may list several ("fr:en"); the first one spoken here wins.
        for tag in value.split(":"):
            found = language_of(tag)
            if found is not None:
                return found
        if value not in ("C", "POSIX", "C.UTF-8"):
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def use_language(lang: str | None) -> Language:
    """Make ``lang`` (or the system's language when None) the user's language; return it."""
    global _current
    _current = language_of(lang) if lang else None
    if _current is None:
        _current = system_language()
    return _current


def current_language() -> Language:
    """The user's language: set by :func:`use_language`, else the system's."""
    return _current if _current is not None else system_language()


@functools.cache
def _catalogue(lang: Language, domain: str) -> gettext.NullTranslations:
    """One domain's translations into ``lang`` (English and a missing file: the source text)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    try:
        po = resource_path("i18n", lang, "LC_MESSAGES", f"{domain}.po")
    except FileNotFoundError:
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


_Catalogue = gettext.NullTranslations


class Words:
    """The translations of one language: both domains, dates and numbers written its way."""

    def __init__(self, lang: Language) -> None:
        self.lang: Language = lang
        self._messages = _catalogue(lang, "messages")
        self._documents = _catalogue(lang, "documents")

    def gettext(self, message: str, first: str = "documents") -> str:
        """``message`` in this language: a document's word, else a message's (``first``
        "messages": the other way round, as the user's messages look it up)."""
        one, other = self._order(first)
        found = one.gettext(message)
        return found if found != message else other.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int, first: str = "documents") -> str:
        """The singular or plural form for ``n``, by this language's rule (French: 0 and 1)."""
        one, other = self._order(first)
        found = one.ngettext(singular, plural, n)
        if found not in (singular, plural):
            return found
        return other.ngettext(singular, plural, n)

    def _order(self, first: str) -> tuple[_Catalogue, _Catalogue]:
        if first == "messages":
            return self._messages, self._documents
        return self._documents, self._messages

    def date(self, day: date, precision: str = "day") -> str:
        """A date as its source gave it: "1 March 2025" / "1er mars 2025", or "March 2025"."""
        if precision == "month":
            text = format_date(day, "MMMM y", locale=self.lang)
            return text[:1].upper() + text[1:] if self.lang == "en" else text
        if self.lang == "fr":
            text = format_date(day, "d MMMM y", locale="fr")
            return "1er" + text[1:] if day.day == 1 else text
        return format_date(day, "d MMMM y", locale="en")

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with this language's separators ("1,234.5" / "1 234,5")."""
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=self.lang)

    def percent(self, fraction: float, decimals: int = 0) -> str:
        """A fraction as a percentage ("73.5%" / "73,5 %")."""
        pattern = Locale.parse(self.lang).percent_formats[None].pattern
        if decimals:  # "#,##0 %" → "#,##0.0 %": the decimals after the last digit
            last = pattern.rindex("0") + 1
            pattern = pattern[:last] + "." + "0" * decimals + pattern[last:]
        return format_percent(fraction, format=pattern, locale=self.lang)


def words(lang: str | None = None) -> Words:
    """The words of ``lang`` (a tag such as "fr"; None or unknown: the user's language)."""
    return _words((language_of(lang) if lang else None) or current_language())


@functools.cache
def _words(lang: Language) -> Words:
    return Words(lang)


def _(message: str) -> str:
    """``message`` in the user's language (a message's words before a document's: the two
    catalogues may say one English word differently)."""
    return _words(current_language()).gettext(message, first="messages")


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message for ``n``, in the user's language."""
    return _words(current_language()).ngettext(singular, plural, n, first="messages")


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet (a constant's text)."""
    return message
