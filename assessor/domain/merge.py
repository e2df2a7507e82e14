"""What a merge of a colleague's assessment found: plain values the window and the CLI show.

``services/merge.py`` makes a ``MergePlan`` (nothing written) and applies it with the choices
made for its conflicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from assessor.domain.agreement import Agreement, agreement
from assessor.domain.values import state_line
from assessor.i18n import N_, _


class Kind(StrEnum):
    """How a value differs between the two assessments."""

    ONLY_THEIRS = "only_theirs"  # theirs changed (or only they have it): taken
    ONLY_MINE = "only_mine"  # mine changed (or only I have it): kept
    CONFLICT = "conflict"  # both changed from what they shared, or no base to tell


class Choice(StrEnum):
    """What to do with a conflict."""

    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"  # comments and themed recommendations: one above the other


#: What a difference is about.
SUBJECTS = ("rating", "comment", "status", "follow_up", "theme_item")


@dataclass(frozen=True)
class Side:
    """One side's value, and who set it when (as far as its history tells)."""

    value: str | None
    by: str = ""
    at: str | None = None  # ISO 8601 UTC


@dataclass(frozen=True)
class Difference:
    """One value that differs between mine and theirs."""

    #: Stable within a plan: the key of a choice ("rec:12:rating", "theme:3:Legislation:0").
    key: str
    kind: Kind
    subject: str
    party: str
    round: str
    #: The recommendation's codes ("II-1, II-3") or the theme's title.
    label: str
    factsheet_id: int
    recommendation_id: int | None
    mine: Side
    theirs: Side
    #: What taking theirs needs beyond the value: a follow-up's source, dates, State's status
    #: and references; a themed recommendation's theme, links and my item's id.
    details: tuple[tuple[str, str | None], ...] = ()

    def detail(self, name: str) -> str | None:
        """One of ``details`` by name (None when absent)."""
        return dict(self.details).get(name)

    @property
    def state_only(self) -> bool:
        """A follow-up whose two texts agree: what differs is the State's status or references."""
        return self.subject == "follow_up" and self.mine.value == self.theirs.value

    def state_words(self, side: Side) -> str:
        """A follow-up's State's status and references on one side, in the user's language."""
        prefix = "" if side is self.theirs else "mine_"
        return state_line(self.detail(f"{prefix}state_status"), self.detail(f"{prefix}references"))

    @property
    def choices(self) -> tuple[Choice, ...]:
        """The choices a conflict offers (keep both only where two texts can stand together)."""
        if self.subject in ("comment", "theme_item"):
            return (Choice.MINE, Choice.THEIRS, Choice.BOTH)
        return (Choice.MINE, Choice.THEIRS)


@dataclass(frozen=True)
class FactsheetMatch:
    """A factsheet of theirs and the one of mine it was matched to (by Party and round)."""

    party: str
    round: str
    factsheet_id: int
    #: Their factsheet was imported later from a different text: offered as a re-import.
    reimport_offered: bool = False
    #: Codes of their recommendations that match none of mine (not merged).
    unmatched: tuple[str, ...] = ()
    matched: int = 0


@dataclass(frozen=True)
class MergePlan:
    """Everything a merge would do; nothing is written until ``apply_merge``."""

    #: "Ann's package of 2026-05-01": how the history names where the values came from (in
    #: English whoever reads it: it is data).
    source: str
    their_name: str
    written_at: str | None
    factsheets: tuple[FactsheetMatch, ...]
    differences: tuple[Difference, ...]
    #: How many values are the same on both sides, per subject.
    same: tuple[tuple[str, int], ...] = ()
    agreement: Agreement = field(default_factory=lambda: agreement([]))
    #: The source in the user's language, for what is shown (« paquet d'Ann du 2026-05-01 »).
    source_shown: str = ""

    @property
    def source_words(self) -> str:
        """Where their work comes from, in the user's language (the English record if unknown)."""
        return self.source_shown or self.source

    def of_kind(self, kind: Kind) -> tuple[Difference, ...]:
        """The differences of one kind."""
        return tuple(d for d in self.differences if d.kind is kind)

    @property
    def conflicts(self) -> tuple[Difference, ...]:
        """The differences the rapporteur must choose for."""
        return self.of_kind(Kind.CONFLICT)

    @property
    def reimports_offered(self) -> tuple[FactsheetMatch, ...]:
        """Factsheets of theirs that are a newer version than mine."""
        return tuple(f for f in self.factsheets if f.reimport_offered)


#: How a status reads.
STATUS_WORDS = {"draft": N_("Draft"), "final": N_("Final")}
#: How a missing text reads.
NO_VALUE_WORDS = {"comment": N_("(no comment)"), "follow_up": N_("(no follow-up)")}


def value_in_words(d: Difference, side: Side, labels: Mapping[str, str], not_rated: str) -> str:
    """A side's value in words: a rating by its label on the round's scale, a status, a text."""
    value = side.value
    if d.subject == "rating":
        return labels.get(value, value) if value else not_rated
    if d.subject == "status":
        status = value or "draft"
        return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status
    if d.state_only:  # the same text: show what differs, the State's status or references
        return d.state_words(side) or _("(no State's status nor references)")
    if not value:
        return _(NO_VALUE_WORDS[d.subject]) if d.subject in NO_VALUE_WORDS else _("(none)")
    return value
