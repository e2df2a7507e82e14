"""The same Party and the same monitoring round, whichever of the Council's languages names them.

A French factsheet says "Albanie" and "2e cycle de suivi"; the English one "Albania" and "2nd
monitoring round". Both are about one Party in one round, so an import finds the existing
records under either name instead of starting a second Party.
"""

from __future__ import annotations

import re
import unicodedata

#: The Parties to the Lanzarote Convention and the Council's other member States, English →
#: French, as the Council of Europe writes them.
PARTY_NAMES_FR = {
    "Albania": "Albanie",
    "Andorra": "Andorre",
    "Armenia": "Arménie",
    "Austria": "Autriche",
    "Azerbaijan": "Azerbaïdjan",
    "Belgium": "Belgique",
    "Bosnia and Herzegovina": "Bosnie-Herzégovine",
    "Bulgaria": "Bulgarie",
    "Croatia": "Croatie",
    "Cyprus": "Chypre",
    "Czech Republic": "République tchèque",
    "Denmark": "Danemark",
    "Estonia": "Estonie",
    "Finland": "Finlande",
    "France": "France",
    "Georgia": "Géorgie",
    "Germany": "Allemagne",
    "Greece": "Grèce",
    "Hungary": "Hongrie",
    "Iceland": "Islande",
    "Ireland": "Irlande",
    "Italy": "Italie",
    "Latvia": "Lettonie",
    "Liechtenstein": "Liechtenstein",
    "Lithuania": "Lituanie",
    "Luxembourg": "Luxembourg",
    "Malta": "Malte",
    "Republic of Moldova": "République de Moldova",
    "Monaco": "Monaco",
    "Montenegro": "Monténégro",
    "Netherlands": "Pays-Bas",
    "North Macedonia": "Macédoine du Nord",
    "Norway": "Norvège",
    "Poland": "Pologne",
    "Portugal": "Portugal",
    "Romania": "Roumanie",
    "San Marino": "Saint-Marin",
    "Serbia": "Serbie",
    "Slovak Republic": "République slovaque",
    "Slovenia": "Slovénie",
    "Spain": "Espagne",
    "Sweden": "Suède",
    "Switzerland": "Suisse",
    "Tunisia": "Tunisie",
    "Türkiye": "Türkiye",
    "Ukraine": "Ukraine",
    "United Kingdom": "Royaume-Uni",
}
_ALIASES = {"Turkey": "Türkiye", "Moldova": "Republic of Moldova", "Czechia": "Czech Republic"}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"^(?:the|la|le|l'|l’)\s*", "", text.strip())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


_SAME: dict[str, str] = {}
for english, french in PARTY_NAMES_FR.items():
    _SAME[_key(english)] = english
    _SAME[_key(french)] = english
for alias, english in _ALIASES.items():
    _SAME[_key(alias)] = english


def party_key(name: str) -> str:
    """One key for a Party whatever the language or case it is written in."""
    known = _SAME.get(_key(name))
    return _key(known) if known else _key(name)


def same_party(a: str, b: str) -> bool:
    """True when two names name one Party ("Albania", "ALBANIE", "l'Albanie")."""
    return party_key(a) == party_key(b)


_ORDINAL = re.compile(r"^\s*(\d+)\s*(?:st|nd|rd|th|er|re|e|ème|eme)?\b", re.I)


def round_number(title: str) -> int | None:
    """The monitoring round's number from its title ("2nd monitoring round", "2e cycle")."""
    m = _ORDINAL.match(title)
    return int(m.group(1)) if m else None
