"""The PDF summary of a Party's assessment, printed for Committee meetings.

Laid out in one pass: page numbers that are only known at the end (the contents' page numbers,
the "of Y" of the footer) are PDF form XObjects, referenced while the pages are drawn and
defined by the canvas when it is saved (``SummaryCanvas``, reportlab's public ``canvasmaker``
hook). reportlab's multiBuild/TableOfContents would lay the whole document out twice for the
same result; the NumberedCanvas recipe, which holds the pages back until the end, would send
every bookmark to page 1 (they are bound to the page being written when they are made).

Every word is in the summary's language (``lang``: English or French; by default the
factsheet's, else the user's), dates and numbers written its way.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any, Protocol

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from assessor import __version__
from assessor.db.engine import Database
from assessor.exporters.pdf_blocks import (
    BODY_HEIGHT,
    Options,
    TocEntry,
    chapters,
    nothing_printed,
    page_form,
    themed,
)
from assessor.exporters.pdf_data import Scope, SummaryData, choose_factsheet, load_summary
from assessor.exporters.pdf_flowables import Heading, KeepIfFits
from assessor.exporters.pdf_front import contents, cover, overview, printed_on
from assessor.exporters.pdf_styles import (
    CONFIDENTIAL,
    FONT,
    FONT_BOLD,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_X,
    MUTED,
    PAGE_SIZE,
    RULE,
    register_fonts,
)
from assessor.fileio import atomic_write_bytes
from assessor.i18n import Words, words
from assessor.services.cancel import Cancel, check

#: The form that draws the total number of pages.
TOTAL_FORM = "total-pages"
FOOTER_SIZE = 8


@dataclass
class _Layout:
    """What the layout learns as it goes: where each heading landed."""

    party: str
    today: date
    words: Words = field(default_factory=lambda: words("en"))
    pages: dict[str, int] = field(default_factory=dict)


class _KeepWithNext(KeepIfFits):
    """What keepWithNext groups a label with: kept only if the group fits a page."""

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__(flowables, BODY_HEIGHT)


class _Numbers(Protocol):
    """Defines the forms of the numbers known only at the end, given the number of pages."""

    def __call__(self, canv: Canvas, pages: int) -> None: ...


class SummaryCanvas(Canvas):
    """A canvas that counts its pages and, when saved, defines the numbers known only then."""

    def __init__(self, *args: Any, numbers: _Numbers, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._numbers = numbers
        self._pages = 0

    def showPage(self) -> None:
        """Close the page, counting it."""
        self._pages += 1
        super().showPage()

    def save(self) -> None:
        """Define the page total and the contents' numbers, then write the document."""
        self._numbers(self, self._pages)
        super().save()


class SummaryDocument(BaseDocTemplate):
    """A document template with a footer ("Page X of Y", Party, date) and bookmarked headings."""

    def __init__(
        self, target: Any, layout: _Layout, cancel: Cancel | None = None, **meta: Any
    ) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=PAGE_SIZE[1] - MARGIN_BOTTOM - FRAME_HEIGHT,
            bottomMargin=MARGIN_BOTTOM,
            creator=f"Assessor {__version__}",
            # A label kept with a 10,000-word follow-up must not push it to a fresh page first.
            keepTogetherClass=_KeepWithNext,
            **meta,
        )
        self.layout = layout
        self.cancel = cancel
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    def afterFlowable(self, flowable: Flowable) -> None:
        """Turn headings into bookmarks and outline entries, and note their pages."""
        check(self.cancel)  # between flowables: a cancelled summary is never finished
        if isinstance(flowable, Heading):
            canv = self.canv
            canv.bookmarkPage(flowable.key)
            canv.addOutlineEntry(flowable.outline, flowable.key, level=flowable.level)
            self.layout.pages[flowable.key] = self.page

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = PAGE_SIZE
        layout = self.layout
        w = layout.words
        canv.saveState()
        canv.setFont(FONT_BOLD, 7.5)
        canv.setFillColor(CONFIDENTIAL)
        canv.drawRightString(width - MARGIN_X, height - 12 * 72 / 25.4, w.gettext("CONFIDENTIAL"))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        y = MARGIN_BOTTOM - 10 * 72 / 25.4
        canv.line(MARGIN_X, y + 11, width - MARGIN_X, y + 11)
        canv.setFont(FONT, FOOTER_SIZE)
        canv.setFillColor(MUTED)
        # The total is drawn right after this label; a language putting words after the total
        # would need a second form, which neither English nor French does.
        label = w.gettext("Page {page} of ").format(page=doc.page)
        canv.drawString(MARGIN_X, y, label)
        # The total right after its label, so that text extraction reads "Page X of Y".
        canv.saveState()
        canv.translate(MARGIN_X + stringWidth(label, FONT, FOOTER_SIZE), y)
        canv.doForm(TOTAL_FORM)
        canv.restoreState()
        footer = w.gettext("{party} · {date} · Confidential").format(
            party=layout.party, date=printed_on(w, layout.today)
        )
        canv.drawRightString(width - MARGIN_X, y, footer)
        canv.restoreState()


def _define_number(canv: Canvas, name: str, text: str, right: bool, font: str, size: float) -> None:
    # A generous bounding box: the number is drawn left of the origin when right-aligned.
    canv.beginForm(name, lowerx=-200, lowery=-20, upperx=200, uppery=40)
    canv.setFont(font, size)
    canv.setFillColor(MUTED if not right else "#1a1a1a")
    if right:
        canv.drawRightString(0, 0, text)
    else:
        canv.drawString(0, 0, text)
    canv.endForm()


def build_story(data: SummaryData, options: Options, today: date) -> list[Flowable]:
    """The whole story of the summary, in order."""
    w = data.words
    printed = [r for r in data.in_scope if r.rating is not None or not options.only_rated]
    body: list[Flowable] = []
    entries = [TocEntry("overview", w.gettext("Overview"), 0)]
    for entry, story in chapters(data, printed, options):
        entries.append(entry)
        body += story
    if not printed:
        entries.append(TocEntry("recommendations", w.gettext("Recommendations"), 0))
        body += nothing_printed(data, options)
    body += themed(data)
    entries.append(TocEntry("themes", w.gettext("Themed recommendations"), 0))
    entries += [
        TocEntry(f"theme-{i}", f"{i}. {t.title}", 1) for i, t in enumerate(data.themes, start=1)
    ]
    return [
        *cover(data, options, today),
        *contents(entries, w.gettext("Contents")),
        *overview(data, options, len(printed)),
        *body,
    ]


def render_pdf_summary(data: SummaryData, options: Options, cancel: Cancel | None = None) -> bytes:
    """The summary of already loaded data, as PDF bytes."""
    register_fonts()
    today = options.on or date.today()
    w = data.words
    layout = _Layout(data.party, today, w)
    buffer = io.BytesIO()
    if data.scope == "compliance":
        subject = w.gettext(
            "Lanzarote Committee, {round} — summary of the assessment (compliance procedure)"
        )
    else:
        subject = w.gettext(
            "Lanzarote Committee, {round} — summary of the assessment (all recommendations)"
        )
    doc = SummaryDocument(
        buffer,
        layout,
        cancel,
        title=w.gettext("Compliance assessment — {party}").format(party=data.party),
        author=options.assessor_name or "Assessor",
        subject=subject.format(round=data.round),
        keywords=w.gettext("Lanzarote Committee, compliance, {party}, confidential").format(
            party=data.party
        ),
        lang=w.lang,
    )

    def numbers(canv: Canvas, pages: int) -> None:
        _define_number(canv, TOTAL_FORM, str(pages), False, FONT, FOOTER_SIZE)
        for key in _toc_keys(data, layout):
            page = layout.pages.get(key)
            _define_number(canv, page_form(key), str(page) if page else "–", True, FONT, 10)

    doc.build(
        build_story(data, options, today), canvasmaker=partial(SummaryCanvas, numbers=numbers)
    )
    return buffer.getvalue()


def _toc_keys(data: SummaryData, layout: _Layout) -> list[str]:
    # Every key the contents may reference must be defined, or the PDF would be broken.
    keys = ["overview", "recommendations", "themes", *layout.pages]
    keys += [f"chapter-{i}" for i in range(len(data.chapters))]
    keys += [f"theme-{i}" for i in range(1, len(data.themes) + 1)]
    return list(dict.fromkeys(keys))


def summary_pdf_bytes(
    db: Database,
    party: str | None = None,
    scope: Scope = "compliance",
    only_rated: bool = False,
    full_follow_ups: bool = False,
    assessor_name: str = "",
    *,
    factsheet_id: int | None = None,
    on: date | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> bytes:
    """The PDF summary as bytes, for a print preview that need not touch the disk.

    ``lang``: the language to print in ("en", "fr"); by default the factsheet's, else the user's.
    """
    with db.reading() as session:
        fid = choose_factsheet(session, party, factsheet_id)
        data = load_summary(session, fid, scope, lang)
    options = Options(only_rated, full_follow_ups, assessor_name.strip(), on)
    return render_pdf_summary(data, options, cancel)


def write_pdf_summary(
    db: Database,
    path: str | os.PathLike[str],
    party: str | None = None,
    scope: Scope = "compliance",
    only_rated: bool = False,
    full_follow_ups: bool = False,
    assessor_name: str = "",
    *,
    factsheet_id: int | None = None,
    on: date | None = None,
    cancel: Cancel | None = None,
    lang: str | None = None,
) -> None:
    """Write the PDF summary of a Party's factsheet (the only one if ``party`` is None), in
    ``lang`` (default: the factsheet's language, else the user's)."""
    pdf = summary_pdf_bytes(
        db,
        party,
        scope,
        only_rated,
        full_follow_ups,
        assessor_name,
        factsheet_id=factsheet_id,
        on=on,
        cancel=cancel,
        lang=lang,
    )
    atomic_write_bytes(path, pdf, shared=True)
