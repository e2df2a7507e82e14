"""The words of messages: counts that agree with their nouns ("1 factsheet", "2 factsheets"),
recorded times as local dates and times ("2 Dec 2026 10:02")."""

from __future__ import annotations

from datetime import datetime

from assessor.domain.values import as_utc


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "1 factsheet", "2 rows"."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {plural_form or noun + 's'}"


def local_when(at: str | None) -> str:
    """An ISO 8601 (UTC) time as a local date and time ("2 Dec 2026 10:02"), or "?"."""
    if not at:
        return "?"
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    local = as_utc(moment).astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"
