"""The report's charts: horizontal bars, columns over time, pies (reportlab.graphics).

:func:`chart_drawing` draws the chart a statistics table asks for (:class:`~vielfalt_desktop.
reports.tables.Chart`) from the published values only; a withheld value is a gap labelled
"." (a pie gathers the withheld slices into one grey slice). :func:`visible_rows` is the rule,
shared with the tables, for which rows of a long list are shown at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.formatting import MONTHS_DE
from vielfalt_desktop.reports.pdf_page import ACCENT, BODY_WIDTH, INK, MUTED, RULE, new_drawing
from vielfalt_desktop.reports.published import Report
from vielfalt_desktop.reports.tables import Chart, Row
from vielfalt_desktop.reports.tables import Table as StatTable

__all__ = ["chart_drawing", "chart_points", "visible_rows"]

PALETTE = (
    colors.HexColor("#1f5f8b"),
    colors.HexColor("#e07b39"),
    colors.HexColor("#4e9a6b"),
    colors.HexColor("#b5485d"),
    colors.HexColor("#8e7cc3"),
    colors.HexColor("#c9a227"),
    colors.HexColor("#5aa5c8"),
    colors.HexColor("#8c8c8c"),
)
WITHHELD_COLOUR = colors.HexColor("#d5d9dc")

#: Category labels longer than this are shortened in charts (tables show them in full).
CHART_LABEL_WIDTH = 7.2 * cm


def visible_rows(report: Report, table: StatTable) -> list[Row]:
    """The rows drawn: all, or in a long list (``hide_empty_rows``) those with a non-zero count."""
    rows = list(table.rows)
    if not table.hide_empty_rows:
        return rows
    return [
        row
        for row in rows
        if row.role in ("total", "base") or any(report.count(k) != 0 for k in row.cells)
    ]


def chart_points(report: Report, table: StatTable, chart: Chart) -> list[tuple[str, int | None]]:
    """(label, published value or ``None``) for each bar or slice of ``chart``."""
    rows = [r for r in visible_rows(report, table) if r.role == chart.rows]
    return [(row.label, report.count(row.cells[chart.column])) for row in rows]


def chart_drawing(report: Report, table: StatTable, font: str) -> Drawing | None:
    """The chart of ``table`` in the embedded ``font``; ``None`` if there is nothing to draw."""
    chart = table.chart
    if chart is None:
        return None
    points = chart_points(report, table, chart)
    if not points or all(v is None for _, v in points):
        return None
    if chart.kind == "pie":
        totals = next((r for r in table.rows if r.role == "total"), None)
        total = report.count(totals.cells[chart.column]) if totals is not None else None
        return _pie_chart(points, total, font)
    if chart.kind == "columns":
        codes = [r.code for r in visible_rows(report, table) if r.role == chart.rows]
        return _column_chart(points, font, codes)
    return _bar_chart(points, font)


def _bar_chart(points: Sequence[tuple[str, int | None]], font: str) -> Drawing:
    size = 7.5
    bar_space = 0.52 * cm
    labels = [_short(label, font, size) for label, _ in points]
    label_width = max(stringWidth(label, font, size) for label in labels) + 6
    height = bar_space * len(points) + 1.1 * cm
    drawing = new_drawing(BODY_WIDTH, height, font)
    chart = HorizontalBarChart()
    chart.x = round(label_width)
    chart.y = round(0.7 * cm)
    chart.width = round(BODY_WIDTH - label_width - 1.4 * cm)
    chart.height = round(bar_space * len(points))
    values = [v for _, v in points]
    chart.data = [[v if v is not None else None for v in values]]
    top = _nice_max(max((v for v in values if v is not None), default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e8eb")
    chart.valueAxis.strokeColor = RULE
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.reverseDirection = True
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 4
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[fmt.integer(v) if v is not None else "" for v in values]]
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    na = NA_Label()
    na.text = fmt.SUPPRESSED
    na.fontName = font
    na.fontSize = 8
    na.boxAnchor = "w"
    na.dx = 3
    chart.naLabel = na
    drawing.add(chart)
    return drawing


def _axis_number(value: float) -> str:
    return fmt.integer(round(value)) if value == round(value) else fmt.decimal(value)


def _column_chart(
    points: Sequence[tuple[str, int | None]], font: str, codes: Sequence[str]
) -> Drawing:
    height = 6.0 * cm
    drawing = new_drawing(BODY_WIDTH, height, font)
    chart = VerticalBarChart()
    chart.x = round(1.3 * cm)
    chart.y = round(1.5 * cm)
    chart.width = round(BODY_WIDTH - 1.6 * cm)
    chart.height = round(height - 2.0 * cm)
    values = [v for _, v in points]
    chart.data = [values]
    top = _nice_max(max((v for v in values if v is not None), default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e8eb")
    chart.valueAxis.strokeColor = RULE
    every = max(1, -(-len(points) // 18))
    names = []
    for index, code in enumerate(codes):
        if index % every:
            names.append("")
        elif "-" in code:  # a month, "2026-03" → "März 26"
            year, month = code.split("-")
            names.append(f"{MONTHS_DE[int(month) - 1]} {year[2:]}")
        else:
            names.append(code)
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = INK
    rotate = len(points) > 12
    chart.categoryAxis.labels.angle = 45 if rotate else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if rotate else "n"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.groupSpacing = 3
    na = NA_Label()
    na.text = fmt.SUPPRESSED
    na.fontName = font
    na.fontSize = 8
    chart.naLabel = na
    drawing.add(chart)
    return drawing


def _pie_chart(points: Sequence[tuple[str, int | None]], total: int | None, font: str) -> Drawing:
    shown = [(label, v) for label, v in points if v]
    withheld = None
    if total is not None and any(v is None for _, v in points):
        withheld = total - sum(v for _, v in shown if v is not None)
    slices: list[tuple[str, int, Any]] = [
        (label, v, PALETTE[i % len(PALETTE)]) for i, (label, v) in enumerate(shown) if v
    ]
    if withheld:
        slices.append(("gesperrte Werte (.) zusammen", withheld, WITHHELD_COLOUR))
    height = 4.6 * cm
    drawing = new_drawing(BODY_WIDTH, height, font)
    pie = Pie()
    pie.x = round(0.4 * cm)
    pie.y = round(0.3 * cm)
    pie.width = pie.height = round(height - 0.6 * cm)
    pie.data = [v for _, v, _ in slices]
    pie.labels = None
    pie.simpleLabels = True
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    pie.startAngle = 90
    pie.direction = "clockwise"
    for i, (_, _, colour) in enumerate(slices):
        pie.slices[i].fillColor = colour
    drawing.add(pie)
    whole = sum(v for _, v, _ in slices) or 1
    legend = Legend()
    legend.x = round(pie.x + pie.width + 1.0 * cm)
    legend.y = round(height - 0.5 * cm)
    legend.fontName = font
    legend.fontSize = 8
    legend.boxAnchor = "nw"
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.dx = 8
    legend.dy = 8
    legend.deltay = 13
    legend.strokeColor = None
    legend.colorNamePairs = [
        (colour, f"{label}: {fmt.integer(v)} ({fmt.percent(100.0 * v / whole)})")
        for label, v, colour in slices
    ]
    drawing.add(legend)
    return drawing


def _short(label: str, font: str, size: float, width: float = CHART_LABEL_WIDTH) -> str:
    if stringWidth(label, font, size) <= width:
        return label
    while label and stringWidth(label + "…", font, size) > width:
        label = label[:-1]
    return label.rstrip() + "…"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        top = step * magnitude
        if top >= value * 1.12:
            return float(top)
    return float(10 * magnitude)
