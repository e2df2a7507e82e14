"""Counting what the filters let through in factsheets the tree has not read in (no Qt).

The tree holds only the factsheets opened; "Showing N of M" must cover all of them. Each
recommendation's *facets* (verb, scope, rating, follow-up flags) are read once, in one query,
and the counts are set operations: a search stays fast however many factsheets there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from assessor.domain.filters import FilterState
from assessor.domain.values import Facet


class UnreadCounts:
    """How many recommendations of unread factsheets pass a filter and a search."""

    def __init__(self, load_facets: Callable[[], Sequence[Facet]] | None) -> None:
        self._load = load_facets
        self._ids: dict[int, set[int]] | None = None  # factsheet → its recommendations
        self._facets: Sequence[Facet] = ()
        # (filter without the search, unread factsheets) → the ids it lets through
        self._passing: dict[tuple[FilterState, tuple[int, ...]], set[int]] = {}

    def forget(self) -> None:
        """Drop what was read: the database changed where the tree does not look."""
        self._ids, self._facets, self._passing = None, (), {}

    def passing(
        self, unread: Sequence[int], total: int, state: FilterState, matches: set[int] | None
    ) -> int:
        """How many of the ``total`` recommendations of ``unread`` factsheets pass."""
        if not unread or self._load is None or (not state.is_active and matches is None):
            return total
        if self._ids is None:
            self._facets = self._load()
            self._ids = {}
            for facet in self._facets:
                self._ids.setdefault(facet.factsheet_id, set()).add(facet.id)
        chosen = replace(state, query="")  # the search is applied through ``matches``
        key = (chosen, tuple(unread))
        if key not in self._passing:
            ids = set().union(*(self._ids.get(f, set()) for f in unread))
            self._passing[key] = {
                f.id
                for f in self._facets
                if f.id in ids
                and chosen.accepts(f.verb, f.scope, f.rating, f.has_follow_up, f.review)
            }
        passing = self._passing[key]
        return len(passing & matches) if matches is not None else len(passing)
