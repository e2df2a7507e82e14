"""The window's language: Qt translators for Assessor's words and Qt's own (standard buttons).

Assessor's window strings go through ``self.tr()`` / ``QCoreApplication.translate()``; their
French is ``resources/i18n/assessor_fr.ts``, compiled to ``assessor_fr.qm`` at build time
(``make setup``, ``make package``); ``assessor_en.ts`` holds only the English plural forms
of the ``%n`` messages. Qt's own words (Yes/No/Cancel, the file dialog) come from
``qtbase_fr.qm`` in PySide6's translations folder. A missing ``.qm`` (a bare checkout that was
never built) leaves the window in English, without an error.

The language is the Preferences' choice (``Settings.language``), else the system's; the core's
messages shown in the window (``assessor.i18n``) are switched to the same language.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from assessor.i18n import SOURCE_LANGUAGE, Language, language_of, system_language, use_language
from assessor.resources import resource_path
from assessor.settings import load_settings


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` of ``context`` for the window's catalogue; translated where it is shown.

    PySide6's own QT_TRANSLATE_NOOP is typed as returning ``object``; this one is a ``str``.
    """
    return text


def local_text(moment: datetime, pattern: str) -> str:
    """A date and time in the window's language (Qt's pattern: "d MMM yyyy HH:mm")."""
    when = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(when, pattern)


#: The translators installed now (kept referenced: Qt does not own them).
_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The language chosen in Preferences ("en", "fr"), or "" to follow the system."""
    return language_of(getattr(load_settings(), "language", "") or "") or ""


def window_language() -> Language:
    """The window's language: the Preferences' choice, else the system's (else English)."""
    return language_of(chosen_language()) or system_language()


def catalogue_path(lang: str) -> Path | None:
    """The compiled window catalogue ``assessor_<lang>.qm``, or None if it was not built."""
    try:
        return resource_path("i18n", f"assessor_{lang}.qm")
    except FileNotFoundError:
        return None


def qt_translations_dirs() -> list[str]:
    """Where Qt's own catalogues may be: Qt's translations path, then PySide6's own folder
    (``PySide6/Qt/translations``, as a frozen app lays it out too)."""
    import PySide6

    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    dirs.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    return list(dict.fromkeys(d for d in dirs if d))


def install_language(lang: str | None = None) -> Language:
    """Install the translators of ``lang`` (None: the window's language); return the language.

    Any previously installed ones are removed first, so this can switch languages live (new
    widgets then read the new language). The core's messages follow (``use_language``).
    """
    app = QCoreApplication.instance()
    chosen: Language = (language_of(lang) if lang else None) or window_language()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    use_language(chosen)
    QLocale.setDefault(QLocale(chosen))
    if app is None:
        return chosen
    # English too: its catalogue holds the plural forms ("%n theme(s)" → "1 theme", "4 themes").
    own = catalogue_path(chosen)
    if own is not None:
        translator = QTranslator()
        if translator.load(str(own)):
            app.installTranslator(translator)
            _installed.append(translator)
    if chosen == SOURCE_LANGUAGE:
        return chosen
    qt = QTranslator()
    if any(qt.load(f"qtbase_{chosen}", folder) for folder in qt_translations_dirs()):
        app.installTranslator(qt)
        _installed.append(qt)
    return chosen


def installed_catalogues() -> int:
    """How many translators are installed now (0 in English or without a built ``.qm``)."""
    return len(_installed)
