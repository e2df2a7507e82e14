"""The Committee's finding: where it stands, the recommendation (verb highlighted), observations."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.scales import NOT_RATED_LABELS
from assessor.domain.scope import snippet
from assessor.domain.values import RecommendationDetail, as_utc
from assessor.i18n import current_language
from assessor.services.previous_round import PreviousAssessment
from assessor.ui.style import (
    SECTION_NAMES,
    Translated,
    highlight_html,
    verb_badge,
    verb_word,
)
from assessor.ui.translation import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

SCOPE_WORDS = Translated(
    "FindingPane",
    {
        "specific": QT_TRANSLATE_NOOP("FindingPane", "specific to the Party"),
        "generic": QT_TRANSLATE_NOOP("FindingPane", "generic (to all Parties)"),
    },
)


def _not_rated() -> str:
    return NOT_RATED_LABELS.get(current_language(), NOT_RATED_LABELS["en"])


def _verb_marked(body: str, verb: str) -> str:
    """Mark the first form of the verb ("requests", "required") in already-escaped HTML."""
    _letter, color = verb_badge(verb)
    pattern = re.compile(rf"\b({re.escape(verb[:-1] if verb.endswith('e') else verb)}\w*)", re.I)
    return pattern.sub(
        lambda m: f'<b style="color:{color.name()}">{m.group(1)}</b>',
        body,
        count=1,
    )


def finding_html(detail: RecommendationDetail, words: Sequence[str] = ()) -> str:
    """The finding pane's content as HTML."""
    letter, _color = verb_badge(detail.verb)
    section = SECTION_NAMES.get(detail.section_kind or "", "") or (detail.section_title or "")
    where = translate("FindingPane", "Chapter {number}. {title}").format(
        number=detail.chapter_number, title=detail.chapter_title
    )
    scope = (
        translate("FindingPane", "in the compliance scope")
        if detail.in_scope
        else translate("FindingPane", "outside the compliance scope")
    )
    codes = ", ".join(detail.codes)
    paras = ", ".join(detail.paragraphs)
    parts = [
        f"<p style='margin:0'><small>{html.escape(where)} — "
        f"{html.escape(section.format(party=detail.party))}</small></p>",
        "<h3 style='margin-top:6px'>"
        + translate("FindingPane", "Recommendation {codes}").format(codes=html.escape(codes))
        + "</h3>",
        f"<p style='margin:0'><small><b>{html.escape(verb_word(detail.verb))} ({letter})</b> · "
        f"{SCOPE_WORDS.get(detail.scope, html.escape(detail.scope))} · {scope}"
        + (
            " · "
            + translate("FindingPane", "Para. {paragraphs}").format(paragraphs=html.escape(paras))
            if paras
            else ""
        )
        + "</small></p>",
        _verb_marked(highlight_html(detail.text, words), detail.verb),
    ]
    if detail.retired_at is not None:
        parts.append(
            translate(
                "FindingPane",
                "<p><i>This recommendation is no longer in the latest factsheet.</i></p>",
            )
        )
    if detail.observations:
        parts.append(translate("FindingPane", "<h4>Observations of the Committee</h4>"))
        for obs in detail.observations:
            ref = (
                " <small>("
                + translate("FindingPane", "Para. {paragraphs}").format(
                    paragraphs=html.escape(", ".join(obs.paragraphs))
                )
                + ")</small>"
                if obs.paragraphs
                else ""
            )
            parts.append(highlight_html(obs.text, words).replace("</p>", ref + "</p>", 1))
    return "".join(parts)


#: How much of the last round's comment the line shows (all of it in the tooltip).
LAST_ROUND_CHARS = 120


def last_round_line(previous: PreviousAssessment) -> str:
    """The line beside the finding: "Last round: Partly implemented — The draft law is …"."""
    rating = previous.rating_label or previous.rating or _not_rated()
    if previous.comment.strip():
        line = translate("FindingPane", "Last round: {rating} — {comment}").format(
            rating=rating, comment=snippet(previous.comment, LAST_ROUND_CHARS)
        )
    else:
        line = translate("FindingPane", "Last round: {rating}").format(rating=rating)
    if previous.rating is not None and not previous.rating_carries:
        line += " " + translate(
            "FindingPane", "(not on this round's scale: only the comment carries over)"
        )
    return line


def last_round_tooltip(previous: PreviousAssessment) -> str:
    """The whole of what was said in the last round, with who and when (rich text)."""
    rating = previous.rating_label or previous.rating or _not_rated()
    who = previous.updated_by or translate("FindingPane", "unknown")
    when = f"{as_utc(previous.updated_at).astimezone():%d %b %Y}" if previous.updated_at else ""
    signed = html.escape(", ".join(p for p in (who, when) if p))
    comment = html.escape(previous.comment.strip()).replace("\n", "<br>")
    return (
        f"<p><b>{html.escape(previous.round)}</b><br>"
        f"{html.escape(', '.join(previous.codes))}: {html.escape(rating)} "
        f"({html.escape(previous.status)}; {signed})</p>" + (f"<p>{comment}</p>" if comment else "")
    )


class FindingPane(QWidget):
    """Shows the Committee's finding for the chosen recommendation, and the last round's word."""

    #: Carry over the last round's rating and comment to this recommendation (its id).
    carry_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("<b>Committee’s finding</b>"))
        self.browser = QTextBrowser()
        # A scroll bar that comes and goes makes every step lay the text out twice.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Committee’s finding"))
        # What the same code was given in the Party's previous round, when there was one.
        self.last_round = QLabel()
        self.last_round.setWordWrap(True)
        self.last_round.setTextFormat(Qt.TextFormat.PlainText)
        self.last_round.setAccessibleName(self.tr("Last round's assessment"))
        self.carry_button = QPushButton(self.tr("Carr&y over"))
        self.carry_button.setAccessibleName(self.tr("Carry over the last round"))
        self.carry_button.setToolTip(
            self.tr(
                "Start this round's assessment from the last round's rating and comment, as a "
                "draft (recorded in the history; Edit → Undo takes it back)"
            )
        )
        self.carry_button.clicked.connect(self._carry)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.last_round, 1)
        row.addWidget(self.carry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.last_round_row = QWidget()
        self.last_round_row.setLayout(row)
        self.last_round_row.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.browser)
        layout.addWidget(self.last_round_row)
        self._html: str | None = None
        self._rec_id: int | None = None
        self._read_only = False
        #: The previous round's assessment of a recommendation; set by the workbench.
        self.load_previous: Callable[[RecommendationDetail], PreviousAssessment | None] | None = (
            None
        )
        self.previous: PreviousAssessment | None = None
        self.clear()

    def clear(self) -> None:
        """Show the hint for when nothing is chosen."""
        self.show_hint(
            self.tr(
                "Choose a recommendation in the tree on the left "
                "(arrow keys, or Alt+Down for the next one)."
            )
        )

    def show_hint(self, text: str) -> None:
        """Show a plain hint in place of a finding."""
        self._set_html(f"<p style='color:gray'>{html.escape(text)}</p>")
        self._show_previous(None, None)

    def set_read_only(self, on: bool) -> None:
        """Hide Carry over (the database is open read-only); the last round still shows."""
        self._read_only = on
        self.carry_button.setVisible(not on)

    def _set_html(self, text: str) -> None:
        # A refresh after an edit shows the same finding: no new parse and layout.
        if text != self._html:
            self._html = text
            self.browser.setHtml(text)

    def show_detail(self, detail: RecommendationDetail, words: Sequence[str] = ()) -> None:
        """Show a recommendation, with search words highlighted, and its last round's word."""
        self._set_html(finding_html(detail, words))
        loaded = self.load_previous(detail) if self.load_previous is not None else None
        self._show_previous(detail.id, loaded)

    def _show_previous(self, rec_id: int | None, previous: PreviousAssessment | None) -> None:
        self._rec_id, self.previous = rec_id, previous
        if previous is None:
            self.last_round_row.hide()
            return
        self.last_round.setText(last_round_line(previous))
        self.last_round.setToolTip(last_round_tooltip(previous))
        # A rating this round's scale lacks, and no comment: there is nothing to carry.
        self.carry_button.setEnabled(previous.rating_carries or bool(previous.comment.strip()))
        self.last_round_row.show()

    def _carry(self) -> None:
        if self._rec_id is not None and self.previous is not None and not self._read_only:
            self.carry_requested.emit(self._rec_id)
