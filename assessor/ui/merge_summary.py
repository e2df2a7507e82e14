"""The words of the conflict screen: a side's value, who set it when, the merge's summary."""

from __future__ import annotations

import html
from collections.abc import Mapping

from assessor.domain.merge import Choice, Difference, Kind, MergePlan, Side, value_in_words
from assessor.domain.scales import NOT_RATED_LABEL
from assessor.ui.style import round_short
from assessor.wording import local_when, plural

SUBJECTS = {
    "rating": "Rating",
    "comment": "Comment",
    "status": "Status",
    "follow_up": "Follow-up",
    "theme_item": "Themed recommendation",
}
CHOICE_WORDS = {Choice.MINE: "Keep mine", Choice.THEIRS: "Take theirs", Choice.BOTH: "Keep both"}
KIND_WORDS = {Kind.ONLY_THEIRS: "Taken (only theirs changed)", Kind.ONLY_MINE: "Kept (only mine)"}


def esc(text: str) -> str:
    """Text shown as rich text, its markup characters escaped."""
    return html.escape(text, quote=False)


def when(at: str | None) -> str:
    """An ISO time as a local date and time ("2 Dec 2026 10:02"), or "?"."""
    return local_when(at)


def shown_value(d: Difference, side: Side, labels: Mapping[str, str]) -> str:
    """A side's value in words: a rating's label, a status, or the text."""
    return value_in_words(d, side, labels, NOT_RATED_LABEL)


def signature(side: Side) -> str:
    """Who set a value, and when."""
    return f"{side.by or 'someone'}, {when(side.at)}"


def summary_html(plan: MergePlan) -> str:
    """The top of the screen: from whom, what matched, how many of each kind, the agreement."""
    who = esc(plan.their_name or "a colleague")
    lines = [f"<b>{esc(plan.source)}</b> — written by {who} on {when(plan.written_at)}"]
    for fs in plan.factsheets:
        line = (
            f"{esc(fs.party)}, {esc(round_short(fs.round))}: "
            f"{plural(fs.matched, 'recommendation')} matched"
        )
        if fs.unmatched:
            line += f"; {plural(len(fs.unmatched), 'code')} of theirs match none of yours"
        lines.append(line)
    counts = [
        f"Only theirs (taken): {len(plan.of_kind(Kind.ONLY_THEIRS))}",
        f"only mine (kept): {len(plan.of_kind(Kind.ONLY_MINE))}",
        f"the same: {sum(n for _, n in plan.same)}",
        f"<b>conflicts: {len(plan.conflicts)}</b>",
    ]
    lines.append(" · ".join(counts))
    a = plan.agreement
    if a.count and a.percent is not None:
        kappa = "undefined (one level only)" if a.kappa is None else f"{a.kappa:.2f}"
        lines.append(
            f"Agreement on the {plural(a.count, 'rating')} you both gave: "
            f"<b>{a.percent:.0f} %</b> · Cohen's kappa <b>{kappa}</b>"
        )
    else:
        lines.append("No recommendation was rated by both of you: no agreement to measure.")
    for fs in plan.reimports_offered:
        lines.append(
            f"<i>Offered as a re-import:</i> their factsheet of {esc(fs.party)} is a newer "
            "version than yours (imported later, from a different text). The merge keeps your "
            "text; to take theirs, import the newer factsheet (File → Import), then merge again."
        )
    return "<br>".join(lines)
