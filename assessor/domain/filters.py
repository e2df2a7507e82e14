"""What the factsheet tree shows: the plain filter state and the choices of each filter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

from assessor.domain.scope import IN_SCOPE_VERBS

VERB_CHOICES = (
    ("all", "All verbs"),
    ("in_scope", "Require + request (in scope)"),
    ("require", "Require (R)"),
    ("request", "Request (Q)"),
    ("invite", "Invite (I)"),
)
SCOPE_CHOICES = (("all", "Specific and generic"), ("specific", "Specific"), ("generic", "Generic"))
FOLLOW_UP_CHOICES = (
    ("all", "Any follow-up"),
    ("with", "With a follow-up"),
    ("without", "Without a follow-up"),
    ("newer", "↻ Newer than the rating"),
)


@dataclass(frozen=True)
class FilterState:
    """What the tree shows: choices of each filter, and the search text."""

    verb: str = "all"
    scope: str = "all"
    rating: str = "all"  # "all", "unrated" or a level key
    follow_up: str = "all"
    query: str = ""

    @property
    def is_active(self) -> bool:
        """Whether anything is filtered out."""
        return self != FilterState()

    def accepts(
        self,
        verb: str | None,
        scope: str | None,
        rating: str | None,
        has_follow_up: bool,
        review: bool = False,
    ) -> bool:
        """Whether a recommendation passes the choices (the search is applied separately)."""
        if self.verb == "in_scope" and verb not in IN_SCOPE_VERBS:
            return False
        if self.verb not in ("all", "in_scope") and verb != self.verb:
            return False
        if self.scope != "all" and scope != self.scope:
            return False
        if self.rating == "unrated" and rating is not None:
            return False
        if self.rating not in ("all", "unrated") and rating != self.rating:
            return False
        if self.follow_up == "newer" and not review:
            return False
        if self.follow_up == "with" and not has_follow_up:
            return False
        return not (self.follow_up == "without" and has_follow_up)

    def to_settings(self) -> dict[str, str]:
        """The state as plain strings, for QSettings."""
        return asdict(self)

    @classmethod
    def from_settings(cls, values: Mapping[str, object]) -> FilterState:
        """A state read back from QSettings; unknown or missing values fall back to "all"."""
        fields = {k: str(v) for k, v in values.items() if k in cls.__dataclass_fields__ and v}
        return cls(**fields)
