"""Word writer of the generated test factsheets (see :mod:`tests.factsheet_documents`).

Two ways people write a factsheet in Word: the Secretariat's (Heading styles, List Bullet,
boxes as shaded and bordered paragraphs) and a plainer one (bold normal paragraphs as headings,
directly numbered list paragraphs, boxes as one-cell shaded tables with the label run-in).
Footnotes are real Word footnotes: python-docx has no API for them, so the footnotes part, its
relationship and the ``w:footnoteReference`` runs are added here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from tests.factsheet_documents import Content, Element, Seg

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Shading and border colours of the boxes: the Committee's orange and blue.
BOX_COLOURS = {"follow_up": ("FBE4D5", "ED7D31"), "practice": ("DEEAF6", "5B9BD5")}
# The order of a w:pPr's children (ECMA-376 CT_PPrBase), for inserting where Word expects.
PPR_ORDER = (
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle "
    "w:rPr w:sectPr w:pPrChange"
).split()
PAGES = {"a4": (Cm(21.0), Cm(29.7)), "letter": (Cm(21.59), Cm(27.94))}


@dataclass
class DocxLayout:
    """How a factsheet is written in Word."""

    boxes: str = "paragraphs"  # paragraphs (shaded, bordered; Heading styles) | tables
    page: str = "a4"
    margin_cm: float = 2.54
    font_pt: float = 11


def set_ppr(p: Paragraph, child: BaseOxmlElement) -> None:
    """Put ``child`` into the paragraph's properties in the schema's order."""
    ppr = p._p.get_or_add_pPr()
    tag = child.tag.split("}")[1]
    successors = PPR_ORDER[PPR_ORDER.index(f"w:{tag}") + 1 :]
    ppr.insert_element_before(child, *successors)


def element(tag: str, **attrs: str) -> BaseOxmlElement:
    """A ``w:`` element with ``w:`` attributes."""
    el: BaseOxmlElement = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def shading(fill: str) -> BaseOxmlElement:
    """A ``w:shd`` filling with ``fill``."""
    return element("shd", val="clear", color="auto", fill=fill)


def borders(tag: str, colour: str, sides: tuple[str, ...]) -> BaseOxmlElement:
    """A ``w:pBdr`` / ``w:tblBorders`` with single lines in ``colour``."""
    box = element(tag)
    for side in sides:
        box.append(element(side, val="single", sz="6", space="4", color=colour))
    return box


class DocxWriter:
    """Lays out a :class:`Content` in a python-docx document."""

    def __init__(self, content: Content, layout: DocxLayout) -> None:
        self.content = content
        self.layout = layout
        self.doc = docx.Document()
        self.notes: list[str] = []
        self.tables = layout.boxes == "tables"
        self._setup()

    def _setup(self) -> None:
        doc, layout = self.doc, self.layout
        section = doc.sections[0]
        section.page_width, section.page_height = PAGES[layout.page]
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(layout.margin_cm))
        normal = doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(layout.font_pt)
        normal.paragraph_format.space_after = Pt(6)
        styles = doc.styles
        note_text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        note_text.base_style = normal
        note_text.font.size = Pt(layout.font_pt - 2)
        note_text.paragraph_format.space_after = Pt(0)
        note_ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        note_ref.font.superscript = True
        toc = styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        width = Cm(PAGES[layout.page][0].cm - 2 * layout.margin_cm)
        toc.paragraph_format.tab_stops.add_tab_stop(Cm(1.2))
        toc.paragraph_format.tab_stops.add_tab_stop(
            width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        header = section.header.paragraphs[0]
        header.text = self.content.language.header
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        page = element("fldSimple", instr=" PAGE ")
        run = element("r")
        text = element("t")
        text.text = "1"
        run.append(text)
        page.append(run)
        footer._p.append(page)

    # --- runs ---

    def runs(self, p: Paragraph, segs: list[Seg]) -> None:
        """Add ``segs`` to ``p``: text, bold, superscript ordinals and footnote references."""
        for kind, text in segs:
            if kind == "n":
                self.notes.append(text)
                run = p.add_run()
                run.style = self.doc.styles["Footnote Reference"]
                run._r.append(element("footnoteReference", id=str(len(self.notes))))
                continue
            run = p.add_run(text)
            if kind == "b":
                run.bold = True
            elif kind == "sup":
                run.font.superscript = True

    # --- elements ---

    def write(self, path: Path) -> Path:
        """Write the document to ``path``."""
        for el in self.content.elements:
            getattr(self, f"_{el.kind}")(el)
        self._footnotes_part()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        return path

    def _title(self, el: Element) -> None:
        if self.tables:
            p = self.doc.add_paragraph()
            self.runs(p, [("b", t) if k == "t" else (k, t) for k, t in el.segs])
            p.runs[0].font.size = Pt(18)
        else:
            p = self.doc.add_paragraph(style="Title")
            self.runs(p, el.segs)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _subtitle(self, el: Element) -> None:
        p = self.doc.add_paragraph(style=None if self.tables else "Subtitle")
        self.runs(p, el.segs)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _lead(self, el: Element) -> None:
        p = self.doc.add_paragraph()
        self.runs(p, el.segs)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _para(self, el: Element) -> None:
        p = self.doc.add_paragraph()
        self.runs(p, el.segs)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def _toc(self, el: Element) -> None:
        assert el.toc is not None
        number, title, page = el.toc
        p = self.doc.add_paragraph(style="toc 1")
        p.add_run(f"{number}\t{title}\t{page}")

    def _heading(self, el: Element) -> None:
        if self.tables:
            p = self.doc.add_paragraph()
            self.runs(p, [("b", t) if k == "t" else (k, t) for k, t in el.segs])
            size = {0: 14, 1: 14, 2: 12}.get(el.level, self.layout.font_pt)
            for run in p.runs:
                run.font.size = Pt(size)
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.space_before = Pt(12 if el.level <= 1 else 6)
            return
        style = "TOC Heading" if el.level == 0 else f"Heading {el.level}"
        p = self.doc.add_paragraph(style=style)
        self.runs(p, el.segs)

    def _bullet(self, el: Element) -> None:
        if self.tables:
            p = self.doc.add_paragraph(style="List Paragraph")
            num = element("numPr")
            num.append(element("ilvl", val=str(el.level - 1)))
            num.append(element("numId", val="1"))
            set_ppr(p, num)
            p.paragraph_format.left_indent = Cm(0.63 * el.level)
            p.paragraph_format.first_line_indent = Cm(-0.63)
        else:
            p = self.doc.add_paragraph(style="List Bullet" if el.level <= 1 else "List Bullet 2")
        self.runs(p, el.segs)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def _box(self, el: Element) -> None:
        assert el.box is not None
        fill, line = BOX_COLOURS[el.box]
        if self.tables:
            self._table_box(el, fill, line)
            return
        paras = ([[("b", el.label)]] if el.label else []) + el.paras
        for segs in paras:
            p = self.doc.add_paragraph()
            self.runs(p, segs)
            set_ppr(p, borders("pBdr", line, ("top", "left", "bottom", "right")))
            set_ppr(p, shading(fill))
            p.paragraph_format.left_indent = Cm(0.2)
            p.paragraph_format.right_indent = Cm(0.2)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def _table_box(self, el: Element, fill: str, line: str) -> None:
        table = self.doc.add_table(rows=1, cols=1)
        sides = ("top", "left", "bottom", "right", "insideH", "insideV")
        table._tbl.tblPr.append(borders("tblBorders", line, sides))
        cell = table.cell(0, 0)
        cell._tc.get_or_add_tcPr().append(shading(fill))
        first = True
        for segs in el.paras:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            if first and el.label:
                segs = [("b", el.label), ("t", " "), *segs]
            first = False
            self.runs(p, segs)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)

    # --- footnotes ---

    def _footnotes_part(self) -> None:
        """Add word/footnotes.xml (separators, then the notes) and its relationship."""
        parts = [
            f'<w:footnotes xmlns:w="{W_NS}">',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/>'
            "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>",
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
            '<w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
            "</w:footnote>",
        ]
        for number, text in enumerate(self.notes, start=1):
            parts.append(
                f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
                '</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
                f"{escape(text)}</w:t></w:r></w:p></w:footnote>"
            )
        parts.append("</w:footnotes>")
        blob = "".join(parts).encode("utf-8")
        package = self.doc.part.package
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        settings = self.doc.settings.element
        pr = element("footnotePr")
        pr.append(element("footnote", id="-1"))
        pr.append(element("footnote", id="0"))
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(pr)
        else:
            settings.append(pr)


def write_docx(content: Content, path: Path, layout: DocxLayout) -> Path:
    """Write ``content`` as a Word document laid out as ``layout`` says."""
    return DocxWriter(content, layout).write(path)
