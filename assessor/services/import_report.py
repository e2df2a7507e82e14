"""What an import did, for the command line and the window (counts, changes, warnings)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessor.i18n import _, ngettext
from assessor.services.changes import Changes


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
    #: The same themed recommendations were already there: nothing was written.
    unchanged: bool = False

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
            if self.created:
                title = _("Imported the factsheet of {party} from {source}:")
            else:
                title = _("Re-imported the factsheet of {party} from {source}:")
            lines.append(title.format(party=self.party, source=self.source))
            lines.append(
                "  "
                + counts_line(self.chapters, sum(self.by_verb.values()), self.by_verb, self.codes)
            )
            lines.append(
                "  "
                + _("{follow_ups}, {practices}").format(
                    follow_ups=count_follow_ups(self.follow_ups),
                    practices=count_practices(self.practices),
                )
            )
            if self.placement:
                lines.append(f"  {self.placement}")
        else:
            lines.append(
                _("Imported {themes} with {items} for {party} from {source}").format(
                    themes=ngettext("{n} theme", "{n} themes", self.themes).format(n=self.themes),
                    items=ngettext("{n} recommendation", "{n} recommendations", self.items).format(
                        n=self.items
                    ),
                    party=self.party,
                    source=self.source,
                )
            )
        if self.unchanged:
            lines.append(_("Nothing changed: the database already holds these themes."))
        if self.changed_lines:
            lines.append(_("Changes ({n}):").format(n=len(self.changed_lines)))
            lines += [f"  {c}" for c in self.changed_lines]
        if self.unplaced:
            lines.append(_("Not placed ({n}), kept as unplaced text:").format(n=len(self.unplaced)))
            lines += [f"  {u}" for u in self.unplaced]
        if self.warnings:
            lines.append(_("Warnings ({n}):").format(n=len(self.warnings)))
            lines += [f"  {w}" for w in self.warnings]
        return "\n".join(lines)


def by_verb_words(by_verb: dict[str, int]) -> str:
    """How many recommendations of each verb: "3 require, 2 request, 0 invite"."""
    return _("{require} require, {request} request, {invite} invite").format(
        require=by_verb.get("require", 0),
        request=by_verb.get("request", 0),
        invite=by_verb.get("invite", 0),
    )


def counts_line(chapters: int, recommendations: int, by_verb: dict[str, int], codes: int) -> str:
    """ "11 chapters, 40 recommendations (20 require, 15 request, 5 invite) carrying 45 codes"."""
    return _("{chapters}, {recommendations} ({verbs}) carrying {codes}").format(
        chapters=ngettext("{n} chapter", "{n} chapters", chapters).format(n=chapters),
        recommendations=ngettext(
            "{n} recommendation", "{n} recommendations", recommendations
        ).format(n=recommendations),
        verbs=by_verb_words(by_verb),
        codes=ngettext("{n} code", "{n} codes", codes).format(n=codes),
    )


def count_follow_ups(n: int) -> str:
    return ngettext("{n} follow-up", "{n} follow-ups", n).format(n=n)


def count_practices(n: int) -> str:
    return ngettext("{n} promising practice", "{n} promising practices", n).format(n=n)
