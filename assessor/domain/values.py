"""Plain frozen values the read-side queries return (`assessor.db.queries` maps rows to them).

Views, the CLI and exporters hold these, never live ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from assessor.i18n import _, current_language, words


@dataclass(frozen=True)
class FactsheetSummary:
    """One factsheet with the counts the overview shows (retired recommendations excluded)."""

    id: int
    party: str
    round: str
    title: str
    recommendations: int
    require: int
    request: int
    invite: int
    follow_ups: int
    rated: int
    in_scope: int
    rated_in_scope: int


@dataclass(frozen=True)
class Level:
    """A level of a rating scale (``label_fr``: its French label, "" when it has none)."""

    key: str
    label: str
    color: str
    label_fr: str = ""


@dataclass(frozen=True)
class ObservationInfo:
    """An observation of the Committee and the report paragraphs it cites."""

    text: str
    paragraphs: tuple[str, ...]


def state_line(state_status: str | None, references: str | None) -> str:
    """The State's status and references on one line; empty when it gave neither."""
    parts = []
    if state_status:
        parts.append(_("State's status: {status}").format(status=choice_label(state_status)))
    if references:
        parts.append(_("References: {references}").format(references=references))
    return " · ".join(parts)


def choice_label(value: str) -> str:
    """A stored choice in the user's language: an assessment's status (draft, final), a State's
    status ("in progress"); a value of no catalogue as it is."""
    # The stored statuses are marked in exporters/document_words (documents domain).
    return words(current_language()).gettext(value)


@dataclass(frozen=True)
class FollowUpInfo:
    """One version of the State's follow-up."""

    id: int
    text: str
    source: str
    received_at: datetime
    superseded_at: datetime | None
    #: The State's own status and references from a questionnaire, when it gave them.
    state_status: str | None = None
    references: str | None = None
    #: When this version came into the database (``received_at`` is the State's date).
    recorded_at: datetime | None = None
    #: How precise ``received_at`` is: "month" or "day" (see ``received_text``).
    received_precision: str = "day"

    @property
    def received(self) -> str:
        """The date received, as precise as its source ("March 2025", "3 March 2025")."""
        return received_text(self.received_at, self.received_precision)

    @property
    def state_line(self) -> str:
        """The status and references on one line ("State's status: … · References: …")."""
        return state_line(self.state_status, self.references)


@dataclass(frozen=True)
class AssessmentInfo:
    """The rapporteur's assessment; an unassessed recommendation has the defaults."""

    rating: str | None = None
    rating_label: str | None = None
    comment: str = ""
    status: str = "draft"
    updated_at: datetime | None = None
    updated_by: str = ""
    #: The version read (0: nothing saved yet); a save passes it back as ``expected_version``.
    version: int = 0


#: The source recorded for a follow-up typed in by hand (a correction) when none is given.
MANUAL_SOURCE = "edited by hand"
#: The sources of a correction made in the window, and of its undoing.
CORRECTED_SOURCE = "corrected by hand"
CORRECTION_UNDONE_SOURCE = "correction undone"
#: Versions the assessor typed: not news from the State.
ASSESSOR_SOURCES = (MANUAL_SOURCE, CORRECTED_SOURCE, CORRECTION_UNDONE_SOURCE)


#: The precisions a follow-up's date can have (FollowUp.received_precision).
PRECISIONS = ("month", "day")


def received_text(moment: datetime | None, precision: str = "day") -> str:
    """A date as precise as its source, in the user's language: "March 2025" for a month,
    "3 March 2025" for a day (« mars 2025 », « 3 mars 2025 »)."""
    if moment is None:
        return _("an unknown date")
    return words(current_language()).date(moment, precision)


#: How every output marks a rating given before the current follow-up came in.
FOLLOW_UP_AFTER_RATING = "↻ follow-up received after this rating"


class FollowUpVersion(Protocol):
    """What the rule below reads of a follow-up version (a FollowUpInfo, or a stored row)."""

    @property
    def source(self) -> str: ...
    @property
    def recorded_at(self) -> datetime | None: ...
    @property
    def superseded_at(self) -> datetime | None: ...


def arrived_after(
    versions: Sequence[FollowUpVersion], moment: datetime, *, whole_seconds: bool = False
) -> bool:
    """Whether a version from the State came into the database after ``moment``.

    Versions the assessor typed (corrections) are not news from the State, and do not hide a
    State's answer that came in after the rating either. ``queries.follow_up_newer_than_rating``
    is the same rule in SQL.
    """

    def at(m: datetime) -> datetime:
        # The JSON document writes moments to the second: what it says is derived from those.
        return as_utc(m).replace(microsecond=0) if whole_seconds else as_utc(m)

    when = at(moment)
    return any(
        v.source not in ASSESSOR_SOURCES
        and v.recorded_at is not None
        and at(v.recorded_at) > when
        # Current at some time: not a version put straight into the history (an older file).
        and (v.superseded_at is None or at(v.superseded_at) > at(v.recorded_at))
        for v in versions
    )


def as_utc(moment: datetime) -> datetime:
    """A moment read from the database as UTC: SQLite hands back naive datetimes, all UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class RecommendationDetail:
    """Everything the detail pane shows about one recommendation."""

    id: int
    uid: str
    factsheet_id: int
    party: str
    chapter_number: str
    chapter_title: str
    section_id: int | None
    section_kind: str | None
    section_title: str | None
    observations: tuple[ObservationInfo, ...]
    text: str
    codes: tuple[str, ...]
    verb: str
    scope: str
    paragraphs: tuple[str, ...]
    in_scope: bool
    retired_at: datetime | None
    follow_up: FollowUpInfo | None
    #: Superseded versions, oldest first.
    follow_up_history: tuple[FollowUpInfo, ...]
    assessment: AssessmentInfo
    levels: tuple[Level, ...]

    @property
    def follow_up_newer_than_rating(self) -> bool:
        """Rated, and the State's follow-up changed since the assessment was last saved."""
        a = self.assessment
        if a.rating is None or a.updated_at is None:
            return False
        current = (self.follow_up,) if self.follow_up is not None else ()
        return arrived_after((*current, *self.follow_up_history), a.updated_at)


@dataclass(frozen=True, slots=True)
class Facet:
    """What the tree's filters look at in one recommendation, without its text."""

    id: int
    factsheet_id: int
    verb: str
    scope: str
    rating: str | None
    has_follow_up: bool
    #: Rated, and the follow-up changed since (see RecommendationDetail's property).
    review: bool = False


@dataclass(frozen=True)
class TreeRow:
    """One row of the factsheet tree; ``key``/``parent_key`` ("c1", "s4", "r17") link rows."""

    kind: Literal["chapter", "section", "recommendation"]
    id: int
    key: str
    parent_key: str | None
    depth: int
    title: str
    chapter_number: str = ""
    section_kind: str | None = None
    codes: tuple[str, ...] = ()
    verb: str | None = None
    scope: str | None = None
    rating: str | None = None
    has_follow_up: bool = False
    review: bool = False
    #: The assessment is final (ready for the Committee).
    final: bool = False


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of a field."""

    field: str
    old: str | None
    new: str | None
    at: datetime
    by: str


@dataclass(frozen=True)
class ThemeItemInfo:
    """One of the assessor's recommendations within a theme."""

    id: int
    position: int
    text: str
    links: tuple[str, ...]


@dataclass(frozen=True)
class ThemeInfo:
    """A theme of the assessor's recommendations and its items in order."""

    id: int
    position: int
    title: str
    items: tuple[ThemeItemInfo, ...]
