"""The front matter of the PDF summary: cover, table of contents and overview, in the
summary's language (``SummaryData.words``)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.exporters.document_words import verb_label
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
from assessor.i18n import Words


def printed_on(w: Words, day: date) -> str:
    """The day a summary is printed: ISO 8601 in English (as before), "1er mars 2025" in French."""
    return day.isoformat() if w.lang == "en" else w.date(day)


def cover(data: SummaryData, options: Options, today: date) -> list[Flowable]:
    """The cover page, marked confidential."""
    st = styles()
    w = data.words
    printed = (
        w.gettext("Rated recommendations only")
        if options.only_rated
        else w.gettext("Rated and unrated")
    )
    trimmed = w.ngettext("Trimmed to {n} word", "Trimmed to {n} words", FOLLOW_UP_WORDS).format(
        n=w.number(FOLLOW_UP_WORDS)
    )
    rows = [
        (w.gettext("Date"), printed_on(w, today)),
        (w.gettext("Assessor"), options.assessor_name or "—"),
        (w.gettext("Scope"), scope_text(data)),
        (w.gettext("Printed"), printed),
        (w.gettext("Follow-ups"), w.gettext("Full text") if options.full_follow_ups else trimmed),
    ]
    details = Table(
        [[Para(f"<b>{markup(k)}</b>", st.body), Para(markup(v), st.body)] for k, v in rows],
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
        Para(w.gettext("CONFIDENTIAL"), st.confidential),
        Spacer(1, 40 * mm),
        Para(w.gettext("Lanzarote Committee — compliance assessment"), st.cover_title),
        Para(markup(data.party or "—"), st.cover_party),
        Spacer(1, 6 * mm),
        Para(markup(data.round), st.cover_line),
        Para(markup(data.title), st.muted),
        Spacer(1, 14 * mm),
        details,
        Spacer(1, 20 * mm),
        Para(
            w.gettext(
                "This document contains confidential assessment material prepared for a meeting "
                "of the Lanzarote Committee. Do not circulate it beyond the Committee."
            ),
            st.muted,
        ),
        PageBreak(),
    ]


def contents(entries: list[TocEntry], title: str = "Contents") -> list[Flowable]:
    """The table of contents (``title``: "Contents" in the summary's language); page numbers
    are forms filled in after layout."""
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
    return [Para(markup(title), st.h1), table, PageBreak()]


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
    w = data.words
    scoped = data.in_scope
    rated = sum(1 for r in scoped if r.rating is not None)
    with_follow_up = sum(1 for r in scoped if r.follow_up)
    verbs = [v for v in VERBS if data.scope == "all" or v in IN_SCOPE_VERBS]
    n_scoped = w.number(len(scoped))
    summary = w.ngettext(
        "{scope}: <b>{n}</b> of {total} recommendation of the factsheet.",
        "{scope}: <b>{n}</b> of {total} recommendations of the factsheet.",
        data.total,
    ).format(scope=markup(scope_text(data)), n=n_scoped, total=w.number(data.total))
    counts_line = w.gettext(
        "Rated: <b>{rated}</b> of {n}. With a follow-up from the State: <b>{with_follow_up}</b> "
        "of {n}."
    ).format(rated=w.number(rated), with_follow_up=w.number(with_follow_up), n=n_scoped)
    title = w.gettext("Overview")
    story: list[Flowable] = [
        Heading(title, st.h1, "overview", title),
        Para(f"{summary} {counts_line}", st.body),
    ]
    if options.only_rated:
        story.append(
            Para(
                w.gettext(
                    "Only rated recommendations are printed below ({printed} of {n}); the "
                    "counts cover all of them."
                ).format(printed=w.number(printed), n=n_scoped),
                st.muted,
            )
        )
    by_verb = data.counts_by_rating_and_verb()
    head = [Para(markup(w.gettext("Rating")), st.cell_head)]
    head += [Para(markup(verb_label(v, w).capitalize()), st.cell_head) for v in verbs]
    total_label = markup(w.gettext("Total"))
    rows: list[list[object]] = [[*head, Para(total_label, st.cell_head)]]
    for key in data.rating_keys():
        counts = [by_verb[(key, v)] for v in verbs]
        rows.append([swatch(data.color(key), data.label(key)), *counts, sum(counts)])
    totals = [sum(by_verb[(k, v)] for k in data.rating_keys()) for v in verbs]
    rows.append([Para(f"<b>{total_label}</b>", st.cell), *totals, sum(totals)])
    n = len(verbs) + 1
    story += [
        Para(markup(w.gettext("By rating and verb")), st.h2),
        _grid(rows, [70 * mm] + [(BODY_WIDTH - 70 * mm) / n] * n),
        Para(markup(w.gettext("By chapter")), st.h2),
    ]
    by_chapter = data.counts_by_chapter()
    rows = [
        [
            Para(markup(h), st.cell_head)
            for h in (
                w.gettext("Chapter"),
                w.gettext("In scope") if data.scope == "compliance" else w.gettext("All"),
                w.gettext("Follow-up"),
                w.gettext("Rated"),
                w.gettext("Not rated"),
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
        story.append(Para(w.gettext("The factsheet has no chapters."), st.muted))
    if not scoped:
        # Empty axes say nothing; say it in words instead.
        return [
            *story,
            Para(
                w.gettext("No recommendation in scope: nothing to chart.")
                if data.scope == "compliance"
                else w.gettext("No recommendation: nothing to chart."),
                st.muted,
            ),
            PageBreak(),
        ]
    counted = data.counted()
    story += [
        CondPageBreak(90 * mm),
        Para(markup(w.gettext("{counted} by rating").format(counted=counted)), st.h2),
        rating_chart(data, BODY_WIDTH),
        CondPageBreak(80 * mm),
        Para(markup(w.gettext("{counted} by chapter and rating").format(counted=counted)), st.h2),
        chapter_chart(data, BODY_WIDTH),
        PageBreak(),
    ]
    return story
