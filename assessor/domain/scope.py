"""What the compliance procedure covers, and how a recommendation is shown in a line."""

from __future__ import annotations

#: The verbs whose recommendations the compliance procedure covers.
IN_SCOPE_VERBS = ("require", "request")
#: How much of a recommendation's text a tree row shows.
SNIPPET_CHARS = 90


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The first words of a text, cut at a word boundary, on one line."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"
