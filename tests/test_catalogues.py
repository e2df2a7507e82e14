"""Nothing the core says or writes is left untranslated: the French catalogues are complete.

The strings are extracted from the code as ``make i18n-update`` does (Babel, the ``_``,
``ngettext`` and ``N_`` markers), so a message added without its French entry fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from assessor.i18n import DOMAINS, LANGUAGES, SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
#: Where each domain's strings are: the documents' words in the exporters, messages elsewhere.
SOURCES = {"documents": ("exporters",), "messages": None}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sd]|%[sd]")


def _extracted(domain: str) -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    package = ROOT / "assessor"
    for filename, _line, message, _comments, _context in extract_from_dir(
        package, keywords=KEYWORDS, comment_tags=()
    ):
        first = Path(filename).parts[0]
        if first == "ui":
            continue
        in_documents = first in SOURCES["documents"]  # type: ignore[operator]
        if (domain == "documents") != in_documents:
            continue
        found.add(tuple(message) if isinstance(message, tuple) else message)  # type: ignore[arg-type]
    return found


def _catalogue(lang: str, domain: str):
    with (ROOT / "resources" / "i18n" / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as fh:
        return read_po(fh, locale=lang)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_marked_string_has_a_translation(domain: str, lang: str) -> None:
    catalogue = _catalogue(lang, domain)
    missing = []
    for message in sorted(_extracted(domain), key=str):
        key = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(key)
        texts = entry.string if entry is not None else None
        forms = texts if isinstance(texts, tuple | list) else (texts,)
        if entry is None or entry.fuzzy or not all(forms):
            missing.append(key)
    assert not missing, f"{len(missing)} {domain} strings lack a {lang} entry: {missing[:20]}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_their_placeholders(domain: str, lang: str) -> None:
    wrong = []
    for entry in _catalogue(lang, domain):
        if not entry.id:
            continue
        sources = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        wanted = {p for source in sources for p in PLACEHOLDER.findall(source)}
        texts = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        for text in filter(None, texts):
            found = set(PLACEHOLDER.findall(text))
            # A plural's singular may say the count in words ("une fiche"): only {n} may go.
            if not found <= wanted or not wanted - found <= {"{n}"}:
                wrong.append((sources[0], text))
    assert not wrong, f"placeholders changed in {lang} {domain}: {wrong[:10]}"
