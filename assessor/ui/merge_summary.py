"""The words of the conflict screen: a side's value, who set it when, the merge's summary."""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject

from assessor.domain.merge import Choice, Difference, Kind, MergePlan, Side, value_in_words
from assessor.domain.scales import NOT_RATED_LABEL
from assessor.ui.style import round_short
from assessor.ui.translation import QT_TRANSLATE_NOOP
from assessor.wording import local_when

translate = QCoreApplication.translate

# In English, marked for translation: shown through ``word()`` in the window's language.
SUBJECTS = {
    "rating": QT_TRANSLATE_NOOP("merge_summary", "Rating"),
    "comment": QT_TRANSLATE_NOOP("merge_summary", "Comment"),
    "status": QT_TRANSLATE_NOOP("merge_summary", "Status"),
    "follow_up": QT_TRANSLATE_NOOP("merge_summary", "Follow-up"),
    "theme_item": QT_TRANSLATE_NOOP("merge_summary", "Themed recommendation"),
}
CHOICE_WORDS = {
    Choice.MINE: QT_TRANSLATE_NOOP("merge_summary", "Keep mine"),
    Choice.THEIRS: QT_TRANSLATE_NOOP("merge_summary", "Take theirs"),
    Choice.BOTH: QT_TRANSLATE_NOOP("merge_summary", "Keep both"),
}
KIND_WORDS = {
    Kind.ONLY_THEIRS: QT_TRANSLATE_NOOP("merge_summary", "Taken (only theirs changed)"),
    Kind.ONLY_MINE: QT_TRANSLATE_NOOP("merge_summary", "Kept (only mine)"),
}


class MergeCounts(QObject):
    """The counted words of the summary (Qt's lupdate reads a plural only from ``self.tr``)."""

    def matched(self, n: int) -> str:
        return self.tr("{party}, {round}: %n recommendation(s) matched", "", n)

    def unmatched(self, n: int) -> str:
        return self.tr("; %n code(s) of theirs match none of yours", "", n)

    def agreement(self, n: int) -> str:
        return self.tr(
            "Agreement on the %n rating(s) you both gave: "
            "<b>{percent} %</b> · Cohen's kappa <b>{kappa}</b>",
            "",
            n,
        )


COUNTS = MergeCounts()


def word(text: str) -> str:
    """One of the words above in the window's language."""
    return translate("merge_summary", text)


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
    return translate("merge_summary", "{by}, {when}").format(
        by=side.by or translate("merge_summary", "someone"), when=when(side.at)
    )


def summary_html(plan: MergePlan) -> str:
    """The top of the screen: from whom, what matched, how many of each kind, the agreement."""
    who = esc(plan.their_name or translate("merge_summary", "a colleague"))
    lines = [
        translate("merge_summary", "<b>{source}</b> — written by {who} on {when}").format(
            source=esc(plan.source_words), who=who, when=when(plan.written_at)
        )
    ]
    for fs in plan.factsheets:
        line = COUNTS.matched(fs.matched).format(
            party=esc(fs.party), round=esc(round_short(fs.round))
        )
        if fs.unmatched:
            line += COUNTS.unmatched(len(fs.unmatched))
        lines.append(line)
    counts = [
        translate("merge_summary", "Only theirs (taken): {n}").format(
            n=len(plan.of_kind(Kind.ONLY_THEIRS))
        ),
        translate("merge_summary", "only mine (kept): {n}").format(
            n=len(plan.of_kind(Kind.ONLY_MINE))
        ),
        translate("merge_summary", "the same: {n}").format(n=sum(n for _, n in plan.same)),
        translate("merge_summary", "<b>conflicts: {n}</b>").format(n=len(plan.conflicts)),
    ]
    lines.append(" · ".join(counts))
    a = plan.agreement
    if a.count and a.percent is not None:
        kappa = (
            translate("merge_summary", "undefined (one level only)")
            if a.kappa is None
            else f"{a.kappa:.2f}"
        )
        lines.append(COUNTS.agreement(a.count).format(percent=f"{a.percent:.0f}", kappa=kappa))
    else:
        lines.append(
            translate(
                "merge_summary",
                "No recommendation was rated by both of you: no agreement to measure.",
            )
        )
    for fs in plan.reimports_offered:
        lines.append(
            translate(
                "merge_summary",
                "<i>Offered as a re-import:</i> their factsheet of {party} is a newer "
                "version than yours (imported later, from a different text). The merge keeps "
                "your text; to take theirs, import the newer factsheet (File → Import), then "
                "merge again.",
            ).format(party=esc(fs.party))
        )
    return "<br>".join(lines)
