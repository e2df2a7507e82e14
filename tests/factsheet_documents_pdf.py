"""A factsheet PDF drawn with reportlab directly (another producer than LibreOffice).

Orange and blue boxes are one-column tables with a background and a border (one row per
paragraph, so a box splits across pages between paragraphs); footnote markers are
superscripts in the text; each page's footnotes are drawn in a zone at its foot (a note that
does not fit there goes on to the next page's zone, as Word continues a footnote).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tests.factsheet_documents import Content, Element, Seg

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BOX = {
    "follow_up": (colors.HexColor("#FBE4D5"), colors.HexColor("#ED7D31")),
    "practice": (colors.HexColor("#DEEAF6"), colors.HexColor("#5B9BD5")),
}
MARGIN = 2.2 * cm
NOTE_ZONE = 5.0 * cm  # the foot of each page, where its footnotes are drawn


def fonts() -> str:
    """Register DejaVu Sans (any European script) and return its family name."""
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold")
    return "DejaVu"


def nonspace(text: str) -> int:
    """How many non-space characters ``text`` has (to place markers in a split paragraph)."""
    return sum(1 for ch in text if not ch.isspace())


class NotedParagraph(Paragraph):
    """A paragraph that knows its footnotes, and which part of it carries each after a split."""

    def __init__(self, *args: Any, notes: list[tuple[int, str, int]] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.notes = notes or []  # (number, text, non-space characters up to its marker)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first, second = parts
            cut = nonspace(first.getPlainText())
            first.notes = [n for n in self.notes if n[2] <= cut]
            second.notes = [(num, text, at - cut) for num, text, at in self.notes if at > cut]
        return parts


class FactsheetTemplate(BaseDocTemplate):
    """Pages with a running header, a page number, and the footnotes of the page at the foot."""

    def __init__(self, path: Path, header: str, **kw: Any) -> None:
        super().__init__(str(path), pagesize=A4, **kw)
        self.header = header
        self.pending: list[tuple[int, str]] = []
        width, height = A4
        frame = Frame(
            MARGIN,
            MARGIN + NOTE_ZONE,
            width - 2 * MARGIN,
            height - 2 * MARGIN - NOTE_ZONE,
            id="body",
        )
        self.note_style = ParagraphStyle("note", fontName=fonts(), fontSize=7.5, leading=9)
        self.addPageTemplates(
            [PageTemplate("page", [frame], onPage=self._furniture, onPageEnd=self._notes)]
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        """Queue the footnotes of what was just drawn for this page's foot."""
        for number, text, _ in getattr(flowable, "notes", []):
            self.pending.append((number, text))

    def _furniture(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFont(fonts(), 9)
        canvas.drawCentredString(width / 2, height - MARGIN + 0.8 * cm, self.header)
        canvas.drawCentredString(width / 2, MARGIN - 1.0 * cm, f"page {doc.page}")
        canvas.restoreState()

    def _notes(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not self.pending:
            return
        width = A4[0] - 2 * MARGIN
        top = MARGIN + NOTE_ZONE - 0.3 * cm
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top, MARGIN + 5 * cm, top)
        y = top - 0.15 * cm
        drawn = 0
        for number, text in self.pending:
            para = Paragraph(f"<super>{number}</super> {escape(text)}", self.note_style)
            _, h = para.wrap(width, NOTE_ZONE)
            if y - h < MARGIN and drawn:
                break
            para.drawOn(canvas, MARGIN, y - h)
            y -= h + 1
            drawn += 1
        self.pending = self.pending[drawn:]
        canvas.restoreState()


class Writer:
    """Turns :class:`Element` s into flowables, numbering the footnotes."""

    def __init__(self) -> None:
        font = fonts()
        self.notes = 0
        base = ParagraphStyle("body", fontName=font, fontSize=10, leading=13, spaceAfter=5)
        self.body = ParagraphStyle("para", base, alignment=TA_JUSTIFY)
        self.bullet = ParagraphStyle("bullet", self.body, leftIndent=14, bulletIndent=3)
        self.bullet2 = ParagraphStyle("bullet2", self.body, leftIndent=30, bulletIndent=18)
        self.box = ParagraphStyle("box", self.body, spaceAfter=2)
        self.center = ParagraphStyle("center", base, alignment=TA_CENTER)
        self.title = ParagraphStyle(
            "title", self.center, fontName="DejaVu-Bold", fontSize=18, leading=24, spaceAfter=12
        )
        self.headings = {
            level: ParagraphStyle(
                f"h{level}",
                base,
                fontName="DejaVu-Bold",
                fontSize=size,
                leading=size + 4,
                spaceBefore=8,
                spaceAfter=5,
                keepWithNext=1,
            )
            for level, size in ((0, 13), (1, 14), (2, 11.5), (3, 10.5))
        }

    def markup(self, segs: list[Seg]) -> tuple[str, list[tuple[int, str, int]]]:
        """Reportlab markup of ``segs`` and its footnotes (number, text, where the marker is)."""
        out: list[str] = []
        notes: list[tuple[int, str, int]] = []
        seen = 0
        for kind, text in segs:
            if kind == "n":
                self.notes += 1
                seen += len(str(self.notes))
                notes.append((self.notes, text, seen))
                out.append(f"<super>{self.notes}</super>")
                continue
            seen += nonspace(text)
            t = escape(text)
            out.append({"b": f"<b>{t}</b>", "sup": f"<super>{t}</super>"}.get(kind, t))
        return "".join(out), notes

    def para(self, segs: list[Seg], style: ParagraphStyle, **kw: Any) -> NotedParagraph:
        text, notes = self.markup(segs)
        return NotedParagraph(text, style, notes=notes, **kw)

    def flowables(self, el: Element) -> list[Flowable]:
        if el.kind == "title":
            return [self.para(el.segs, self.title)]
        if el.kind in ("subtitle", "lead"):
            return [self.para(el.segs, self.center)]
        if el.kind == "para":
            return [self.para(el.segs, self.body)]
        if el.kind == "heading":
            return [self.para(el.segs, self.headings[min(el.level, 3)])]
        if el.kind == "bullet":
            style = self.bullet if el.level <= 1 else self.bullet2
            return [self.para(el.segs, style, bulletText="•" if el.level <= 1 else "–")]
        if el.kind == "toc":
            assert el.toc is not None
            number, title, page = el.toc
            row = [Paragraph(escape(f"{number} {title}"), self.body), Paragraph(page, self.body)]
            table = Table([row], colWidths=[14.6 * cm, 2 * cm])
            table.setStyle(TableStyle([("ALIGN", (1, 0), (1, 0), "RIGHT")]))
            return [table]
        assert el.kind == "box" and el.box is not None
        fill, line = BOX[el.box]
        rows: list[list[Flowable]] = []
        for i, segs in enumerate(el.paras):
            if i == 0 and el.label:
                rows.append([self.para([("b", el.label)], self.box)])
            rows.append([self.para(segs, self.box)])
        table = Table(rows, colWidths=[A4[0] - 2 * MARGIN - 0.4 * cm], splitByRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), fill),
                    ("BOX", (0, 0), (-1, -1), 0.8, line),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return [table, Spacer(1, 6)]


def write_reportlab_pdf(content: Content, path: Path) -> Path:
    """Draw ``content`` as an A4 PDF with reportlab."""
    doc = FactsheetTemplate(
        path,
        content.language.header,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="Compliance procedure – Albania",
        author="Lanzarote Committee Secretariat",
    )
    writer = Writer()
    story: list[Flowable] = []
    for el in content.elements:
        story += writer.flowables(el)
    doc.build(story)
    return path
