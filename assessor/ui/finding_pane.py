"""The Committee's finding: where it stands, the recommendation (verb highlighted), observations."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from assessor.domain.values import RecommendationDetail
from assessor.ui.style import SECTION_NAMES, highlight_html, verb_badge

SCOPE_WORDS = {"specific": "specific to the Party", "generic": "generic (to all Parties)"}


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
    where = f"Chapter {detail.chapter_number}. {detail.chapter_title}"
    scope = "in the compliance scope" if detail.in_scope else "outside the compliance scope"
    codes = ", ".join(detail.codes)
    paras = ", ".join(detail.paragraphs)
    parts = [
        f"<p style='margin:0'><small>{html.escape(where)} — "
        f"{html.escape(section.format(party=detail.party))}</small></p>",
        f"<h3 style='margin-top:6px'>Recommendation {html.escape(codes)}</h3>",
        f"<p style='margin:0'><small><b>{html.escape(detail.verb)} ({letter})</b> · "
        f"{SCOPE_WORDS.get(detail.scope, html.escape(detail.scope))} · {scope}"
        + (f" · Para. {html.escape(paras)}" if paras else "")
        + "</small></p>",
        _verb_marked(highlight_html(detail.text, words), detail.verb),
    ]
    if detail.retired_at is not None:
        parts.append("<p><i>This recommendation is no longer in the latest factsheet.</i></p>")
    if detail.observations:
        parts.append("<h4>Observations of the Committee</h4>")
        for obs in detail.observations:
            ref = (
                f" <small>(Para. {html.escape(', '.join(obs.paragraphs))})</small>"
                if obs.paragraphs
                else ""
            )
            parts.append(highlight_html(obs.text, words).replace("</p>", ref + "</p>", 1))
    return "".join(parts)


class FindingPane(QWidget):
    """Shows the Committee's finding for the chosen recommendation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("<b>Committee’s finding</b>")
        self.browser = QTextBrowser()
        # A scroll bar that comes and goes makes every step lay the text out twice.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Committee’s finding")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.browser)
        self._html: str | None = None
        self.clear()

    def clear(self) -> None:
        """Show the hint for when nothing is chosen."""
        self.show_hint(
            "Choose a recommendation in the tree on the left "
            "(arrow keys, or Alt+Down for the next one)."
        )

    def show_hint(self, text: str) -> None:
        """Show a plain hint in place of a finding."""
        self._set_html(f"<p style='color:gray'>{html.escape(text)}</p>")

    def _set_html(self, text: str) -> None:
        # A refresh after an edit shows the same finding: no new parse and layout.
        if text != self._html:
            self._html = text
            self.browser.setHtml(text)

    def show_detail(self, detail: RecommendationDetail, words: Sequence[str] = ()) -> None:
        """Show a recommendation, with search words highlighted."""
        self._set_html(finding_html(detail, words))
