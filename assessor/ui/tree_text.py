"""What a tree row says: its tooltip, its rating chip and what a screen reader speaks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from assessor.domain.scales import NOT_RATED_LABELS
from assessor.domain.tree import Node
from assessor.i18n import current_language
from assessor.ui.style import VERB_BADGES
from assessor.ui.translation import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

#: On a rating chip: the State's follow-up changed after the rating was given.
REVIEW_MARK = "↻"
REVIEW_NOTE = QT_TRANSLATE_NOOP(
    "tree_text", "↻ The State's follow-up changed after this rating: review it."
)
FINAL_NOTE = QT_TRANSLATE_NOOP("tree_text", "✔ Final: ready for the Committee.")
#: Before the rating chip of a final assessment (ready for the Committee).
FINAL_MARK = "✔"


def tooltip(node: Node) -> str:
    """The row's tooltip, with a word on a newer follow-up and on a final assessment."""
    return (
        node.tooltip
        + ("\n" + translate("tree_text", REVIEW_NOTE) if node.review else "")
        + ("\n" + translate("tree_text", FINAL_NOTE) if node.final else "")
    )


def chip(node: Node, levels: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The rating chip's label and colour; "↻" marks a follow-up newer than the rating.

    ``levels`` maps the scale's keys to (short label, colour).
    """
    if node.rating is None:
        return None
    short, color = levels.get(node.rating, (node.rating, "#757575"))
    return (f"{REVIEW_MARK} {short}" if node.review else short), color


def spoken(node: Node, shown_chip: tuple[str, str] | None, progress: str | None) -> str:
    """What a screen reader says of a row (``progress`` that of a factsheet or chapter)."""
    if node.kind == "recommendation":
        verb = node.verb or ""
        letter = VERB_BADGES.get(verb, ("", ""))[0]
        said = (
            shown_chip[0].removeprefix(REVIEW_MARK).strip()
            if shown_chip
            else NOT_RATED_LABELS.get(current_language(), NOT_RATED_LABELS["en"]).lower()
        )
        if node.review:
            said += translate("tree_text", ", follow-up changed since")
        if node.final:
            said += translate("tree_text", ", final")
        return f"{node.codes}, {verb} ({letter}), {said}: {node.title}"
    return f"{node.title}, {progress}" if progress else node.title
