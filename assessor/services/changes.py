"""What a service call changed, so that views refresh exactly what they show.

These are plain frozen values: the UI receives one after every service call (through its op
runner's ``changed`` signal) and never needs a Session to interpret it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """The set of things one or more service calls changed.

    ``recommendations``: ids whose assessment, follow-up or text changed.
    ``factsheets``: ids whose structure changed (import, re-import, removal); views showing
    them should reload entirely.
    ``themes``: ids of factsheets whose assessor's themes (or their items) changed.
    ``reopened``: recommendations whose *final* assessment went back to *draft* because a
    follow-up newer than the rating arrived (the window offers to undo that).
    """

    recommendations: frozenset[int] = frozenset()
    factsheets: frozenset[int] = frozenset()
    themes: frozenset[int] = frozenset()
    reopened: frozenset[int] = frozenset()

    def merge(self, other: Changes) -> Changes:
        """The union of two change sets."""
        return Changes(
            recommendations=self.recommendations | other.recommendations,
            factsheets=self.factsheets | other.factsheets,
            themes=self.themes | other.themes,
            reopened=self.reopened | other.reopened,
        )

    @property
    def is_empty(self) -> bool:
        """True when nothing changed (the call was a no-op)."""
        return not (self.recommendations or self.factsheets or self.themes)

    def __bool__(self) -> bool:
        return not self.is_empty

    @classmethod
    def of_recommendations(cls, ids: Iterable[int]) -> Changes:
        """A change set naming some recommendations."""
        return cls(recommendations=frozenset(ids))

    @classmethod
    def of_factsheets(cls, ids: Iterable[int]) -> Changes:
        """A change set naming some factsheets as reloaded."""
        return cls(factsheets=frozenset(ids))

    @classmethod
    def of_themes(cls, factsheet_ids: Iterable[int]) -> Changes:
        """A change set naming the factsheets whose themes changed."""
        return cls(themes=frozenset(factsheet_ids))


#: The change set of a call that changed nothing.
NOTHING = Changes()
