"""The overview's bar charts, drawn with reportlab's own graphics (no plotting library)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String

from assessor.exporters.pdf_data import SummaryData
from assessor.exporters.pdf_styles import FONT, FONT_BOLD, INK, MUTED, RULE, color

LABEL_WIDTH = 150
BAR_HEIGHT = 16


def _step(most: int) -> int:
    # Whole-number ticks, about five of them, whatever the counts.
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if most / step <= 6:
            return step
    return max(1, most // 5)


def rating_chart(data: SummaryData, width: float) -> Drawing:
    """Horizontal bars: how many recommendations in scope have each rating, in its colour."""
    keys = data.rating_keys()
    counts = [sum(1 for r in data.in_scope if r.rating == k) for k in keys]
    height = 30 + BAR_HEIGHT * 1.6 * len(keys)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH
    chart.y = 20
    chart.width = width - LABEL_WIDTH - 30
    chart.height = height - 28
    # Reversed so that the scale reads top to bottom, as in the tables.
    chart.data = [counts[::-1]]
    labels = [data.label(k) for k in keys][::-1]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    most = max(counts, default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(most, 1) + _step(max(most, 1)) * 0.5
    chart.valueAxis.valueStep = _step(max(most, 1))
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barWidth = BAR_HEIGHT
    chart.groupSpacing = BAR_HEIGHT * 0.6
    chart.bars.strokeColor = None
    for i, key in enumerate(keys[::-1]):
        chart.bars[(0, i)].fillColor = color(data.color(key))
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT_BOLD
    chart.barLabels.fontSize = 8
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    drawing.add(chart)
    return drawing


def chapter_chart(data: SummaryData, width: float) -> Drawing:
    """Stacked columns: per chapter, the recommendations in scope by rating, with a legend."""
    keys = data.rating_keys()
    by_chapter = data.counts_by_chapter()
    chapters = [c for c in data.chapters if c.number in by_chapter]
    height = 190
    drawing = Drawing(width, height)
    if not chapters:
        in_scope = data.scope == "compliance"
        w = data.words
        empty = (
            w.gettext("No recommendation in scope.")
            if in_scope
            else w.gettext("No recommendation.")
        )
        drawing.add(String(0, height / 2, empty, fontName=FONT))
        return drawing
    chart = VerticalBarChart()
    chart.x = 30
    chart.y = 40
    chart.width = width - 40
    chart.height = height - 60
    chart.categoryAxis.style = "stacked"
    chart.data = [[by_chapter[c.number][k] for c in chapters] for k in keys]
    chart.categoryAxis.categoryNames = [c.number for c in chapters]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.strokeColor = RULE
    most = max((sum(by_chapter[c.number].values()) for c in chapters), default=1)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = most + _step(most) * 0.5
    chart.valueAxis.valueStep = _step(most)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars.strokeColor = None
    chart.barWidth = 14
    chart.groupSpacing = 10
    for i, key in enumerate(keys):
        chart.bars[i].fillColor = color(data.color(key))
    drawing.add(chart)
    legend = Legend()
    legend.x = 30
    legend.y = 22
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.fontName = FONT
    legend.fontSize = 7.5
    legend.dx = legend.dy = 7
    legend.deltax = 10
    legend.dxTextSpace = 4
    legend.autoXPadding = 10
    legend.strokeColor = None
    legend.colorNamePairs = [(color(data.color(k)), data.label(k)) for k in keys]
    drawing.add(legend)
    return drawing
