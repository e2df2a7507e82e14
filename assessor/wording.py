"""The words of messages: counts that agree with their nouns ("1 factsheet", "2 factsheets")."""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "1 factsheet", "2 rows"."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {plural_form or noun + 's'}"
