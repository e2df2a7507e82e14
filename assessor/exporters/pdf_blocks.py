"""The body of the PDF summary: recommendation blocks by chapter, and the themed part, in the
summary's language (``SummaryData.words``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from assessor.exporters.document_words import (
    assessment_status_label,
    review_note,
    scope_label,
    state_line,
    verb_label,
)
from assessor.exporters.pdf_data import RecommendationEntry, SummaryData
from assessor.exporters.pdf_flowables import Heading, KeepIfFits, Para
from assessor.exporters.pdf_styles import (
    FRAME_HEIGHT,
    FRAME_PADDING,
    FRAME_WIDTH,
    RULE,
    VERB_COLORS,
    color,
    markup,
    styles,
    text_on,
)

#: How many words of a follow-up are printed unless the full text is asked for.
FOLLOW_UP_WORDS = 180
#: The drawable size of the body frame.
BODY_WIDTH = FRAME_WIDTH - 2 * FRAME_PADDING
BODY_HEIGHT = FRAME_HEIGHT - 2 * FRAME_PADDING

_BLANK_LINES = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Options:
    """What the user chose to print."""

    only_rated: bool = False
    full_follow_ups: bool = False
    assessor_name: str = ""
    on: date | None = None


@dataclass(frozen=True)
class TocEntry:
    """A line of the table of contents; its page number is the form ``page-<key>``."""

    key: str
    title: str
    level: int


def page_form(key: str) -> str:
    """The name of the PDF form that draws the page number of a heading."""
    return f"page-{key}"


def paragraphs(text: str) -> list[str]:
    """The non-empty paragraphs (lines) of a user text."""
    return [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]


def trim_words(parts: list[str], limit: int) -> tuple[list[str], int]:
    """The paragraphs cut after ``limit`` words, and how many words were left out."""
    kept: list[str] = []
    budget = limit
    left_out = 0
    for part in parts:
        words = part.split()
        if budget <= 0:
            left_out += len(words)
        elif len(words) <= budget:
            kept.append(part)
            budget -= len(words)
        else:
            kept.append(" ".join(words[:budget]) + " …")
            left_out += len(words) - budget
            budget = 0
    return kept, left_out


def scope_text(data: SummaryData) -> str:
    """What the summary covers, in words."""
    w = data.words
    if data.scope == "compliance":
        return w.gettext("Recommendations in the compliance procedure (require and request)")
    return w.gettext("All recommendations (require, request and invite)")


def swatch(hex_color: str | None, label: str) -> Table:
    st = styles()
    back = color(hex_color)
    cell = Para(markup(label), ParagraphStyle("badge", st.cell_head, textColor=text_on(back)))
    badge = Table([[cell]], hAlign="LEFT")
    badge.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), back),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return badge


def _follow_up(data: SummaryData, rec: RecommendationEntry, full: bool) -> Iterator[Flowable]:
    st = styles()
    w = data.words
    if rec.follow_up and rec.received and rec.received_precision == "month":
        label = w.gettext("State’s follow-up — received {month}").format(month=markup(rec.received))
    elif rec.follow_up and rec.received:
        label = w.gettext("State’s follow-up — received {date}").format(date=markup(rec.received))
    else:
        label = w.gettext("State’s follow-up")
    yield Para(label, st.label)
    if not rec.follow_up:
        yield Para(w.gettext("No follow-up received."), st.muted)
        return
    said = state_line(w, rec.state_status, rec.state_references)
    if said:
        yield Para(markup(said), st.muted)
    parts = paragraphs(rec.follow_up)
    left_out = 0
    if not full:
        parts, left_out = trim_words(parts, FOLLOW_UP_WORDS)
    for part in parts:
        yield Para(markup(part), st.follow_up)
    if left_out:
        note = w.ngettext(
            "[… trimmed: {n} more word not shown; export with full follow-ups to print it]",
            "[… trimmed: {n} more words not shown; export with full follow-ups to print them]",
            left_out,
        )
        yield Para(markup(note.format(n=w.number(left_out))), st.marker)


def recommendation_block(
    data: SummaryData, rec: RecommendationEntry, options: Options
) -> list[Flowable]:
    """One recommendation: codes, verb, text, follow-up, rating and comment."""
    st = styles()
    w = data.words
    verb_color = VERB_COLORS.get(rec.verb, "#5f6368")
    codes = ", ".join(rec.codes) or w.gettext("(no code)")
    verb = verb_label(rec.verb, w).upper()
    head = Para(
        f"{markup(codes)}  <font color='{verb_color}' size='8'>{markup(verb)}</font>"
        f"<font color='#5f6368' size='8'>  {markup(scope_label(rec.scope, w))}</font>",
        st.block_head,
    )
    status_text = assessment_status_label(rec.status, w)
    status = Para(markup(status_text), st.muted) if rec.rating else Para("", st.muted)
    header = Table(
        [[head, status, swatch(data.color(rec.rating), data.label(rec.rating))]],
        colWidths=[BODY_WIDTH - 78 * mm, 14 * mm, 64 * mm],
        hAlign="LEFT",
    )
    header.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (-1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    block: list[Flowable] = [header]
    if rec.review:  # the State answered again since: the rating may be out of date
        block.append(Para(markup(review_note(w)), st.review))
    block.append(Para(markup(rec.text), st.body))
    block.extend(_follow_up(data, rec, options.full_follow_ups))
    block.append(Para(w.gettext("Rapporteur’s comment"), st.label))
    comments = paragraphs(rec.comment)
    if comments:
        block.extend(Para(markup(p), st.body) for p in comments)
    else:
        block.append(Para(w.gettext("No comment."), st.muted))
    block.append(Spacer(1, 2 * mm))
    block.append(HRFlowable(width="100%", thickness=0.4, color=RULE, spaceAfter=3 * mm))
    return block


def chapters(
    data: SummaryData, printed: list[RecommendationEntry], options: Options
) -> Iterator[tuple[TocEntry, list[Flowable]]]:
    """For each chapter with something to print: its contents entry and its story."""
    st = styles()
    for index, chapter in enumerate(data.chapters):
        recs = [r for r in printed if r.chapter_number == chapter.number]
        if not recs:
            continue
        key = f"chapter-{index}"
        title = f"{chapter.number}. {chapter.title}".strip(". ")
        story: list[Flowable] = [CondPageBreak(60 * mm)]
        # Headings travel inside the first block under them, so none is left at a page foot.
        pending: list[Flowable] = [Heading(markup(title), st.h1, key, title)]
        section = None
        for rec in recs:
            if rec.section_title and rec.section_title != section:
                section = rec.section_title
                pending.append(Para(markup(section), st.h3))
            block = pending + recommendation_block(data, rec, options)
            story.append(KeepIfFits(block, BODY_HEIGHT))
            pending = []
        yield TocEntry(key, title, 0), story


def nothing_printed(data: SummaryData, options: Options) -> list[Flowable]:
    """What the recommendations part says when there is nothing to print."""
    st = styles()
    w = data.words
    if not data.in_scope:
        reason = (
            w.gettext(
                "This factsheet has no recommendation in the compliance procedure (require or "
                "request); export with the scope “all” to print its invitations."
            )
            if data.scope == "compliance" and data.total
            else w.gettext("This factsheet has no recommendation yet.")
        )
    elif options.only_rated:
        reason = w.gettext(
            "No recommendation in scope has been rated yet. Export without “only rated” to "
            "print the unrated ones."
        )
    else:
        reason = w.gettext("No recommendation in scope has been rated yet.")
    title = w.gettext("Recommendations")
    return [
        Heading(title, st.h1, "recommendations", title),
        Para(markup(reason), st.body),
    ]


def themed(data: SummaryData) -> list[Flowable]:
    """The assessor's own themed recommendations."""
    st = styles()
    w = data.words
    heading = w.gettext("Themed recommendations")
    story: list[Flowable] = [PageBreak(), Heading(heading, st.h1, "themes", heading)]
    if not data.themes:
        story.append(Para(w.gettext("No themed recommendations have been written yet."), st.muted))
        return story
    for i, theme in enumerate(data.themes, start=1):
        title = f"{i}. {theme.title}"
        story.append(Heading(markup(title), st.h2, f"theme-{i}", title, level=1))
        for j, item in enumerate(theme.items, start=1):
            see = w.gettext("(see {codes})").format(codes=markup(", ".join(item.links)))
            links = f" <font color='#5f6368' size='8'>{see}</font>" if item.links else ""
            story.append(Para(f"<b>{i}.{j}</b>  {markup(item.text)}{links}", st.body))
        if not theme.items:
            story.append(Para(w.gettext("No recommendation in this theme yet."), st.muted))
    return story
