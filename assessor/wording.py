"""The words of messages: recorded times as local dates and times ("2 Dec 2026 10:02",
"2 déc. 2026 10:02"), and an English count for the window's callers not yet on Qt's plurals.

Counted messages of the core go through the catalogue instead: ``ngettext("{n} factsheet",
"{n} factsheets", n).format(n=n)`` (French says 0 and 1 in the singular).
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime

from assessor.domain.values import as_utc
from assessor.i18n import current_language, language_of


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "1 factsheet", "2 rows".

    English only: a message in the user's language uses ``ngettext`` (see the module's note).
    """
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {plural_form or noun + 's'}"


def local_when(at: str | None, lang: str | None = None) -> str:
    """An ISO 8601 (UTC) time as a local date and time ("2 Dec 2026 10:02"), or "?".

    In ``lang`` ("en", "fr"; None: the user's language): "2 déc. 2026 10:02" in French.
    """
    if not at:
        return "?"
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    local = as_utc(moment).astimezone()
    language = language_of(lang) or current_language()
    return format_datetime(local, "d MMM y HH:mm", locale=language)
