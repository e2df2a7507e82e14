"""Counting unread factsheets' recommendations through the filters, from facets, once."""

from __future__ import annotations

from assessor.domain.filters import FilterState
from assessor.domain.unread_counts import UnreadCounts
from assessor.domain.values import Facet

FACETS = [
    Facet(1, 10, "require", "specific", "partly", True, True),
    Facet(2, 10, "invite", "generic", None, False),
    Facet(3, 20, "request", "specific", None, True),
    Facet(4, 20, "require", "generic", "implemented", False),
]


def test_counts_from_the_facets_read_once() -> None:
    reads: list[int] = []

    def load() -> list[Facet]:
        reads.append(1)
        return FACETS

    counts = UnreadCounts(load)
    everything = FilterState()
    assert counts.passing([10, 20], 4, everything, None) == 4  # no filter: the totals, no read
    assert reads == []
    assert counts.passing([10, 20], 4, FilterState(verb="in_scope"), None) == 3
    assert counts.passing([20], 2, FilterState(verb="in_scope"), None) == 2
    assert counts.passing([10, 20], 4, FilterState(rating="unrated"), None) == 2
    assert counts.passing([10, 20], 4, FilterState(follow_up="newer"), None) == 1
    assert counts.passing([10, 20], 4, FilterState(query="x"), {2, 3, 99}) == 2
    assert counts.passing([10], 2, FilterState(verb="in_scope", query="x"), {1, 2}) == 1
    assert reads == [1]  # one query for every count
    counts.forget()
    assert counts.passing([10], 2, FilterState(verb="invite"), None) == 1
    assert reads == [1, 1]
