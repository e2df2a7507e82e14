"""Choosing the language of a document the window exports (questionnaire, workbook, summary).

The choice is the reader's, not the window's: it starts at the language of the Party's
factsheet (else the user's) and is asked for each document, never remembered across Parties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox

from assessor.exporters.document_words import party_language
from assessor.i18n import LANGUAGE_NAMES, LANGUAGES, language_of

if TYPE_CHECKING:
    from assessor.ui.window_api import WindowApi


def language_choice(lang: str) -> QComboBox:
    """A drop-down of the languages, each named in itself ("English", "Français"), ``lang``
    (a tag) chosen; its current data is the tag."""
    combo = QComboBox()
    for tag in LANGUAGES:
        combo.addItem(LANGUAGE_NAMES[tag], tag)
    combo.setCurrentIndex(max(0, combo.findData(language_of(lang) or LANGUAGES[0])))
    return combo


def default_language(win: WindowApi, factsheet_id: int | None) -> str:
    """The language offered first for a document of this factsheet: its own, else the user's."""
    return party_language(win.db, factsheet_id)
