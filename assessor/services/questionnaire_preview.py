"""What a questionnaire import would do and did: the preview's rows, statuses and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from assessor.domain.scope import snippet
from assessor.domain.values import state_line
from assessor.exporters.questionnaire import STATE_STATUSES
from assessor.importers.questionnaire import (
    AnsweredRow,
)
from assessor.services.changes import NOTHING, Changes
from assessor.wording import plural

NEW, CHANGED, UNCHANGED, REJECTED = "new", "changed", "unchanged", "rejected"
STATUSES = (NEW, CHANGED, UNCHANGED, REJECTED)
#: How much of an answer, or of the follow-up it replaces, a preview line shows.
ANSWER_CHARS = 200
#: The locked columns compared with the database to notice edits, and how they are named.
LOCKED = (("code", "Code"), ("chapter", "Chapter"), ("verb", "Type"))


@dataclass(frozen=True)
class PreviewRow:
    """One questionnaire row and what importing it would do.

    ``new_*`` is what the State wrote in the row (shown even when the row is not taken);
    ``old_*`` is the current follow-up it would replace.
    """

    row: int
    code: str
    status: str
    reason: str
    recommendation_id: int | None = None
    old_text: str = ""
    new_text: str = ""
    old_state_status: str = ""
    old_references: str = ""
    new_state_status: str = ""
    new_references: str = ""

    @property
    def new_state_line(self) -> str:
        """The State's status and references given in the row, on one line."""
        return state_line(self.new_state_status, self.new_references)

    @property
    def old_state_line(self) -> str:
        """The current follow-up's status and references, on one line."""
        return state_line(self.old_state_status, self.old_references)

    def detail_lines(self, limit: int | None = ANSWER_CHARS) -> list[str]:
        """What the State wrote and what it replaces, cut to ``limit`` characters (None: all)."""

        def cut(text: str) -> str:
            return snippet(text, limit) if limit else text

        lines = []
        if self.new_text or self.new_state_line:
            lines.append(f"Answer: {cut(self.new_text)}" if self.new_text else "Answer: (none)")
            if self.new_state_line:
                lines.append(self.new_state_line)
        if self.status in (NEW, CHANGED):
            if self.old_text:
                lines.append(f"Replaces: {cut(self.old_text)}")
                if self.old_state_line:
                    lines.append(f"(was {self.old_state_line})")
            else:
                lines.append("Replaces: no follow-up yet")
        return lines


@dataclass(frozen=True)
class QuestionnairePreview:
    """What importing a questionnaire would do, row by row; plain data for the CLI and window."""

    source: str
    party: str
    round: str
    factsheet_id: int
    rows: tuple[PreviewRow, ...]
    warnings: tuple[str, ...] = ()

    def count(self, status: str) -> int:
        """How many rows have ``status``."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def counts(self) -> dict[str, int]:
        """Row counts by status, in the order new, changed, unchanged, rejected."""
        return {s: self.count(s) for s in STATUSES}

    @property
    def to_apply(self) -> tuple[PreviewRow, ...]:
        """The rows applying would write (new and changed)."""
        return tuple(r for r in self.rows if r.status in (NEW, CHANGED))

    def summary(self) -> str:
        """One line: the file, the Party and the counts."""
        counts = ", ".join(f"{n} {s}" for s, n in self.counts.items())
        return f"{self.source} ({self.party}): {plural(len(self.rows), 'row')} — {counts}."

    def text(self) -> str:
        """The preview as a plain-text report, one line per row worth reading."""
        lines = [f"Questionnaire {self.source}", f"Party: {self.party}", f"Round: {self.round}"]
        lines.append(self.summary())
        lines += [f"Warning: {w}" for w in self.warnings]
        for r in self.rows:
            lines.append(f"  row {r.row} {r.code or '(no code)'}: {r.status} — {r.reason}")
            if r.status != UNCHANGED:
                lines += [f"      {line}" for line in r.detail_lines()]
        return "\n".join(lines)


@dataclass(frozen=True)
class QuestionnaireReport:
    """What applying a questionnaire did."""

    preview: QuestionnairePreview
    applied: int
    at: datetime
    source: str
    changes: Changes = field(default=NOTHING)

    def text(self) -> str:
        """The import report as plain text, to show or to save."""
        head = [
            f"Imported {plural(self.applied, 'follow-up')} from "
            f"{self.preview.source} "
            f"on {self.at.astimezone(UTC):%Y-%m-%d %H:%M} UTC (source “{self.source}”)."
        ]
        return "\n".join([*head, self.preview.text()])


def source_label(file_name: str) -> str:
    """The source recorded on follow-ups taken from a questionnaire file."""
    return f"questionnaire {file_name}"


def answer_of(row: AnsweredRow) -> tuple[str, str, str]:
    """The follow-up an answered row gives: text, State's status (as in the list), references.

    The status and references are fields of their own, never added to the text.
    """
    wanted = row.state_status.casefold()
    status = next((s for s in STATE_STATUSES if s == wanted), row.state_status)
    return row.follow_up, status, row.references


def codes_label(cell: str) -> str:
    """Every code a Code cell names, as the preview shows them: "III-16, III-18"."""
    return ", ".join(code.strip() for code in cell.split(",") if code.strip())
