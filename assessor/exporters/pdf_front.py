"""The front matter of the PDF summary: cover, table of contents and overview."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.exporters.pdf_blocks import (
    BODY_WIDTH,
    FOLLOW_UP_WORDS,
    Options,
    TocEntry,
    page_form,
    scope_text,
    swatch,
)
from assessor.exporters.pdf_chart import chapter_chart, rating_chart
from assessor.exporters.pdf_data import VERBS, SummaryData
from assessor.exporters.pdf_flowables import FormRef, Heading, Para
from assessor.exporters.pdf_styles import RULE, TABLE_HEAD, markup, styles


def cover(data: SummaryData, options: Options, today: date) -> list[Flowable]:
    """The cover page, marked confidential."""
    st = styles()
    rows = [
        ("Date", today.isoformat()),
        ("Assessor", options.assessor_name or "—"),
        ("Scope", scope_text(data)),
        ("Printed", "Rated recommendations only" if options.only_rated else "Rated and unrated"),
        (
            "Follow-ups",
            "Full text" if options.full_follow_ups else f"Trimmed to {FOLLOW_UP_WORDS} words",
        ),
    ]
    details = Table(
        [[Para(f"<b>{k}</b>", st.body), Para(markup(v), st.body)] for k, v in rows],
        colWidths=[32 * mm, BODY_WIDTH - 32 * mm],
        hAlign="LEFT",
    )
    details.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        Para("CONFIDENTIAL", st.confidential),
        Spacer(1, 40 * mm),
        Para("Lanzarote Committee — compliance assessment", st.cover_title),
        Para(markup(data.party or "—"), st.cover_party),
        Spacer(1, 6 * mm),
        Para(markup(data.round), st.cover_line),
        Para(markup(data.title), st.muted),
        Spacer(1, 14 * mm),
        details,
        Spacer(1, 20 * mm),
        Para(
            "This document contains confidential assessment material prepared for a meeting "
            "of the Lanzarote Committee. Do not circulate it beyond the Committee.",
            st.muted,
        ),
        PageBreak(),
    ]


def contents(entries: list[TocEntry]) -> list[Flowable]:
    """The table of contents; page numbers are forms filled in after layout."""
    st = styles()
    rows = []
    for e in entries:
        style = st.toc if e.level == 0 else st.toc_sub
        text = markup(e.title)
        link = f'<a href="#{e.key}">{"<b>" + text + "</b>" if e.level == 0 else text}</a>'
        rows.append([Para(link, style), FormRef(page_form(e.key), 14 * mm, style.leading, 3)])
    table = Table(rows, colWidths=[BODY_WIDTH - 16 * mm, 16 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [Para("Contents", st.h1), table, PageBreak()]


def _grid(rows: list[list[object]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD),
                ("GRID", (0, 0), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("FONTNAME", (0, 0), (-1, -1), styles().cell.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ]
        )
    )
    return table


def overview(data: SummaryData, options: Options, printed: int) -> list[Flowable]:
    """Counts by rating and verb, by chapter, and the charts."""
    st = styles()
    scoped = data.in_scope
    rated = sum(1 for r in scoped if r.rating is not None)
    with_follow_up = sum(1 for r in scoped if r.follow_up)
    verbs = [v for v in VERBS if data.scope == "all" or v in IN_SCOPE_VERBS]
    story: list[Flowable] = [
        Heading("Overview", st.h1, "overview", "Overview"),
        Para(
            f"{markup(scope_text(data))}: <b>{len(scoped)}</b> of {data.total} recommendations "
            f"of the factsheet. Rated: <b>{rated}</b> of {len(scoped)}. "
            f"With a follow-up from the State: <b>{with_follow_up}</b> of {len(scoped)}.",
            st.body,
        ),
    ]
    if options.only_rated:
        story.append(
            Para(
                f"Only rated recommendations are printed below ({printed} of {len(scoped)}); "
                "the counts cover all of them.",
                st.muted,
            )
        )
    by_verb = data.counts_by_rating_and_verb()
    head = [Para("Rating", st.cell_head)] + [Para(v.capitalize(), st.cell_head) for v in verbs]
    rows: list[list[object]] = [[*head, Para("Total", st.cell_head)]]
    for key in data.rating_keys():
        counts = [by_verb[(key, v)] for v in verbs]
        rows.append([swatch(data.color(key), data.label(key)), *counts, sum(counts)])
    totals = [sum(by_verb[(k, v)] for k in data.rating_keys()) for v in verbs]
    rows.append([Para("<b>Total</b>", st.cell), *totals, sum(totals)])
    n = len(verbs) + 1
    story += [
        Para("By rating and verb", st.h2),
        _grid(rows, [70 * mm] + [(BODY_WIDTH - 70 * mm) / n] * n),
        Para("By chapter", st.h2),
    ]
    by_chapter = data.counts_by_chapter()
    rows = [
        [
            Para(h, st.cell_head)
            for h in (
                "Chapter",
                "In scope" if data.scope == "compliance" else "All",
                "Follow-up",
                "Rated",
                "Not rated",
            )
        ]
    ]
    for c in data.chapters:
        ratings = by_chapter.get(c.number)
        in_chapter = [r for r in scoped if r.chapter_number == c.number]
        total = sum(ratings.values()) if ratings else 0
        unrated = ratings[None] if ratings else 0
        rows.append(
            [
                Para(markup(f"{c.number}. {c.title}".strip(". ")), st.cell),
                total,
                sum(1 for r in in_chapter if r.follow_up),
                total - unrated,
                unrated,
            ]
        )
    if data.chapters:
        story.append(_grid(rows, [BODY_WIDTH - 4 * 22 * mm] + [22 * mm] * 4))
    else:
        story.append(Para("The factsheet has no chapters.", st.muted))
    if not scoped:
        # Empty axes say nothing; say it in words instead.
        return [
            *story,
            Para(
                "No recommendation in scope: nothing to chart."
                if data.scope == "compliance"
                else "No recommendation: nothing to chart.",
                st.muted,
            ),
            PageBreak(),
        ]
    story += [
        CondPageBreak(90 * mm),
        Para(f"{data.counted()} by rating", st.h2),
        rating_chart(data, BODY_WIDTH),
        CondPageBreak(80 * mm),
        Para(f"{data.counted()} by chapter and rating", st.h2),
        chapter_chart(data, BODY_WIDTH),
        PageBreak(),
    ]
    return story
