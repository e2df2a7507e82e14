"""What a questionnaire import would do and did: the preview's rows, statuses and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from assessor.domain.scope import snippet
from assessor.domain.values import state_line
from assessor.exporters.document_words import status_key
from assessor.i18n import N_, _, ngettext
from assessor.importers.questionnaire import (
    AnsweredRow,
)
from assessor.services.changes import NOTHING, Changes

NEW, CHANGED, UNCHANGED, REJECTED = "new", "changed", "unchanged", "rejected"
STATUSES = (NEW, CHANGED, UNCHANGED, REJECTED)
#: Each status in words (marked, translated where shown).
STATUS_WORDS = {
    NEW: N_("new"),
    CHANGED: N_("changed"),
    UNCHANGED: N_("unchanged"),
    REJECTED: N_("rejected"),
}


def status_words(status: str) -> str:
    """A row's status in the user's language."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


#: How much of an answer, or of the follow-up it replaces, a preview line shows.
ANSWER_CHARS = 200
#: The locked columns compared with the database to notice edits, and how they are named.
LOCKED = (("code", N_("Code")), ("chapter", N_("Chapter")), ("verb", N_("Type")))


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
            if self.new_text:
                lines.append(_("Answer: {text}").format(text=cut(self.new_text)))
            else:
                lines.append(_("Answer: (none)"))
            if self.new_state_line:
                lines.append(self.new_state_line)
        if self.status in (NEW, CHANGED):
            if self.old_text:
                lines.append(_("Replaces: {text}").format(text=cut(self.old_text)))
                if self.old_state_line:
                    lines.append(_("(was {state})").format(state=self.old_state_line))
            else:
                lines.append(_("Replaces: no follow-up yet"))
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
        counts = _(
            "{new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected"
        ).format(**self.counts)
        rows = ngettext("{n} row", "{n} rows", len(self.rows)).format(n=len(self.rows))
        return _("{source} ({party}): {rows} — {counts}.").format(
            source=self.source, party=self.party, rows=rows, counts=counts
        )

    def text(self) -> str:
        """The preview as a plain-text report, one line per row worth reading."""
        lines = [
            _("Questionnaire {source}").format(source=self.source),
            _("Party: {party}").format(party=self.party),
            _("Round: {round}").format(round=self.round),
        ]
        lines.append(self.summary())
        lines += [_("Warning: {warning}").format(warning=w) for w in self.warnings]
        for r in self.rows:
            lines.append(
                "  "
                + _("row {row} {code}: {status} — {reason}").format(
                    row=r.row,
                    code=r.code or _("(no code)"),
                    status=status_words(r.status),
                    reason=r.reason,
                )
            )
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
            ngettext(
                "Imported {n} follow-up from {file} on {when} UTC (source “{source}”).",
                "Imported {n} follow-ups from {file} on {when} UTC (source “{source}”).",
                self.applied,
            ).format(
                n=self.applied,
                file=self.preview.source,
                when=f"{self.at.astimezone(UTC):%Y-%m-%d %H:%M}",
                source=self.source,
            )
        ]
        return "\n".join([*head, self.preview.text()])


def source_label(file_name: str) -> str:
    """The source recorded on follow-ups taken from a questionnaire file."""
    return f"questionnaire {file_name}"


def answer_of(row: AnsweredRow) -> tuple[str, str, str]:
    """The follow-up an answered row gives: text, State's status (as in the list), references.

    The status and references are fields of their own, never added to the text.
    """
    # Stored as the list's key whatever language the State chose it in ("en cours").
    return row.follow_up, status_key(row.state_status) or row.state_status, row.references


def codes_label(cell: str) -> str:
    """Every code a Code cell names, as the preview shows them: "III-16, III-18"."""
    return ", ".join(code.strip() for code in cell.split(",") if code.strip())
