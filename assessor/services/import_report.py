"""What an import did, for the command line and the window (counts, changes, warnings)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessor.services.changes import Changes
from assessor.wording import plural


@dataclass(frozen=True)
class ImportReport:
    """What an import did, for the command line and the window."""

    kind: str
    source: str
    party: str
    factsheet_id: int
    created: bool = True
    chapters: int = 0
    by_verb: dict[str, int] = field(default_factory=dict)
    codes: int = 0
    follow_ups: int = 0
    practices: int = 0
    themes: int = 0
    items: int = 0
    warnings: tuple[str, ...] = ()
    #: What changed, in words ("II-6: text updated"), for the report and the command line.
    changed_lines: tuple[str, ...] = ()
    #: "99.6 % of the text placed; 2 paragraphs not placed", and those paragraphs.
    placement: str = ""
    unplaced: tuple[str, ...] = ()
    #: Recommendations whose final assessment went back to draft (a newer follow-up).
    reopened: tuple[int, ...] = ()

    @property
    def changes(self) -> Changes:
        """What the import changed, for the views: the factsheet and its themes, reloaded."""
        return Changes(
            factsheets=frozenset([self.factsheet_id]),
            themes=frozenset([self.factsheet_id]),
            reopened=frozenset(self.reopened),
        )

    def summary(self) -> str:
        """A few lines saying what was imported, what changed and what to check."""
        lines = []
        if self.kind == "factsheet":
            verbs = ", ".join(
                f"{self.by_verb.get(v, 0)} {v}" for v in ("require", "request", "invite")
            )
            action = "Imported" if self.created else "Re-imported"
            lines.append(f"{action} the factsheet of {self.party} from {self.source}:")
            recommendations = plural(sum(self.by_verb.values()), "recommendation")
            lines.append(
                f"  {plural(self.chapters, 'chapter')}, {recommendations} "
                f"({verbs}) carrying {plural(self.codes, 'code')}"
            )
            lines.append(
                f"  {plural(self.follow_ups, 'follow-up')}, "
                f"{plural(self.practices, 'promising practice')}"
            )
            if self.placement:
                lines.append(f"  {self.placement}")
        else:
            lines.append(
                f"Imported {plural(self.themes, 'theme')} with "
                f"{plural(self.items, 'recommendation')} for {self.party} from {self.source}"
            )
        if self.changed_lines:
            lines.append(f"Changes ({len(self.changed_lines)}):")
            lines += [f"  {c}" for c in self.changed_lines]
        if self.unplaced:
            lines.append(f"Not placed ({len(self.unplaced)}), kept as unplaced text:")
            lines += [f"  {u}" for u in self.unplaced]
        if self.warnings:
            lines.append(f"Warnings ({len(self.warnings)}):")
            lines += [f"  {w}" for w in self.warnings]
        return "\n".join(lines)
