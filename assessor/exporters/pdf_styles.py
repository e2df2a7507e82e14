"""Fonts, colours, paragraph styles and page geometry of the PDF summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from assessor.resources import resource_path

#: The family every style uses; DejaVu Sans covers Latin, Greek and Cyrillic scripts.
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM
#: reportlab's Frame pads by 6 pt on each side by default; the drawable box is this much smaller.
FRAME_PADDING = 6

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#c8ccd0")
ACCENT = colors.HexColor("#1f4e79")
CONFIDENTIAL = colors.HexColor("#b00020")
FOLLOW_UP_BACK = colors.HexColor("#fff4e5")
REVIEW = colors.HexColor("#8a5a00")
FOLLOW_UP_EDGE = colors.HexColor("#e8a33d")
TABLE_HEAD = colors.HexColor("#e8edf3")
#: The colour of "Not yet rated", which no scale defines.
NOT_RATED_COLOR = "#bdbdbd"
VERB_COLORS = {"require": "#8e1b1b", "request": "#1f4e79", "invite": "#2f6b3a"}

# XML 1.0 forbids most C0 controls; reportlab's parser would choke on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@cache
def register_fonts() -> str:
    """Register the bundled DejaVu Sans family once per process; return its name."""
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


def markup(text: str) -> str:
    """User text made safe for reportlab's paragraph markup (escaped, controls removed)."""
    return escape(_CONTROL.sub("", text))


def color(value: str | None, fallback: str = NOT_RATED_COLOR) -> colors.Color:
    """A colour from a ``#rrggbb`` string, or the fallback when it is missing or invalid."""
    try:
        return colors.HexColor(value or fallback)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


def text_on(background: colors.Color) -> colors.Color:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background.red, background.green, background.blue
    return colors.black if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else colors.white


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the summary."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cover_title: ParagraphStyle
    cover_party: ParagraphStyle
    cover_line: ParagraphStyle
    confidential: ParagraphStyle
    block_head: ParagraphStyle
    label: ParagraphStyle
    follow_up: ParagraphStyle
    marker: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    toc: ParagraphStyle
    toc_sub: ParagraphStyle
    review: ParagraphStyle


@cache
def styles() -> Styles:
    """The styles, built once (fonts are registered first)."""
    font = register_fonts()
    body = ParagraphStyle(
        "body", fontName=font, fontSize=9.5, leading=13, textColor=INK, spaceAfter=3
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", body, fontSize=8, leading=10.5),
        muted=ParagraphStyle("muted", body, fontSize=8.5, leading=11, textColor=MUTED),
        # A rating given before the State's current follow-up: amber, bold, beside the rating.
        review=ParagraphStyle(
            "review", body, fontName=FONT_BOLD, fontSize=8.5, leading=11, textColor=REVIEW
        ),
        h1=ParagraphStyle(
            "h1",
            body,
            keepWithNext=1,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=10,
        ),
        h2=ParagraphStyle(
            "h2",
            body,
            keepWithNext=1,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=6,
        ),
        h3=ParagraphStyle(
            "h3",
            body,
            keepWithNext=1,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            textColor=MUTED,
            spaceBefore=8,
            spaceAfter=4,
        ),
        cover_title=ParagraphStyle(
            "cover_title", body, fontName=FONT_BOLD, fontSize=22, leading=28, textColor=ACCENT
        ),
        cover_party=ParagraphStyle(
            "cover_party", body, fontName=FONT_BOLD, fontSize=30, leading=36, spaceBefore=8
        ),
        cover_line=ParagraphStyle("cover_line", body, fontSize=11, leading=15, spaceAfter=6),
        confidential=ParagraphStyle(
            "confidential",
            body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            textColor=CONFIDENTIAL,
            alignment=TA_CENTER,
            borderColor=CONFIDENTIAL,
            borderWidth=1.2,
            borderPadding=6,
        ),
        block_head=ParagraphStyle(
            "block_head", body, fontName=FONT_BOLD, fontSize=10, leading=13, spaceAfter=3
        ),
        label=ParagraphStyle(
            "label",
            body,
            keepWithNext=1,
            fontName=FONT_BOLD,
            fontSize=8,
            leading=10,
            textColor=MUTED,
            spaceBefore=3,
            spaceAfter=1,
        ),
        follow_up=ParagraphStyle(
            "follow_up",
            body,
            fontSize=9,
            leading=12,
            leftIndent=4,
            rightIndent=4,
            backColor=FOLLOW_UP_BACK,
            borderPadding=(2, 4, 3, 4),
            spaceBefore=2,
            spaceAfter=4,
        ),
        marker=ParagraphStyle(
            "marker",
            body,
            fontName=FONT_ITALIC,
            fontSize=8.5,
            leading=11,
            leftIndent=8,
            textColor=CONFIDENTIAL,
        ),
        cell=ParagraphStyle("cell", body, fontSize=8.5, leading=10.5, spaceAfter=0),
        cell_head=ParagraphStyle(
            "cell_head", body, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0
        ),
        toc=ParagraphStyle("toc", body, fontSize=10.5, leading=14, spaceAfter=0),
        toc_sub=ParagraphStyle(
            "toc_sub", body, fontSize=9.5, leading=12.5, leftIndent=14, spaceAfter=0
        ),
    )
