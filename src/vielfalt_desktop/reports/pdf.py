"""The coordinator's report as PDF (reportlab platypus, charts from reportlab.graphics).

Layout: a cover, a one-page summary ("Auf einen Blick"), one section per area with its key
figures, tables and charts, and closing notes on definitions and small-cell protection.
Every text is set in the embedded DejaVu Sans; numbers in German format; "Seite X von Y".
Only published values (:class:`~vielfalt_desktop.reports.published.Report`) are drawn.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.fonts import register_fonts
from vielfalt_desktop.reports.published import CITY, PROJECT, Report
from vielfalt_desktop.reports.statistics import MONTHS_DE
from vielfalt_desktop.reports.tables import Chart, Row
from vielfalt_desktop.reports.tables import Table as StatTable

__all__ = ["render_pdf"]

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1d2b36")
MUTED = colors.HexColor("#5b6770")
ACCENT = colors.HexColor("#1f5f8b")
ACCENT_LIGHT = colors.HexColor("#e3edf4")
RULE = colors.HexColor("#b8c4cc")
SUBTOTAL_BG = colors.HexColor("#f1f4f6")
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


@dataclass(frozen=True)
class _Styles:
    regular: str
    bold: str

    def style(self, name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": self.regular,
            "fontSize": 9.5,
            "leading": 13,
            "textColor": INK,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    @functools.cached_property
    def body(self) -> ParagraphStyle:
        return self.style("body", spaceAfter=6)

    @functools.cached_property
    def small(self) -> ParagraphStyle:
        return self.style("small", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=2)

    @functools.cached_property
    def cell(self) -> ParagraphStyle:
        return self.style("cell", fontSize=8.5, leading=10.5)

    @functools.cached_property
    def cell_bold(self) -> ParagraphStyle:
        return self.style("cell_bold", fontName=self.bold, fontSize=8.5, leading=10.5)

    @functools.cached_property
    def head(self) -> ParagraphStyle:
        return self.style(
            "head", fontName=self.bold, fontSize=7.5, leading=9.5, textColor=colors.white
        )

    @functools.cached_property
    def head_right(self) -> ParagraphStyle:
        return self.style(
            "head_right",
            fontName=self.bold,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.white,
            alignment=TA_RIGHT,
        )

    @functools.cached_property
    def h1(self) -> ParagraphStyle:
        return self.style(
            "h1",
            fontName=self.bold,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
        )

    @functools.cached_property
    def h2(self) -> ParagraphStyle:
        return self.style(
            "h2", fontName=self.bold, fontSize=10.5, leading=13, spaceBefore=10, spaceAfter=4
        )

    @functools.cached_property
    def caption(self) -> ParagraphStyle:
        return self.style("caption", fontSize=8, leading=10, textColor=MUTED, spaceBefore=2)


# --------------------------------------------------------------------------------------------
# Page furniture


class _NumberedCanvas(Canvas):
    """Holds pages back until the end, then stamps "Seite X von Y" on each (not the cover)."""

    def __init__(
        self, *args: Any, footer: str = "", font: str = "", cover: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._font = font
        self._first_numbered = 2 if cover else 1
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if number >= self._first_numbered:
                self._furniture(number, total)
            super().showPage()
        super().save()

    def _furniture(self, number: int, total: int) -> None:
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        top = PAGE_HEIGHT - MARGIN + 0.6 * cm
        self.line(MARGIN, top - 0.15 * cm, PAGE_WIDTH - MARGIN, top - 0.15 * cm)
        self.line(MARGIN, 1.55 * cm, PAGE_WIDTH - MARGIN, 1.55 * cm)
        self.setFont(self._font, 7.5)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, top, f"{CITY} · {PROJECT}")
        self.drawString(MARGIN, 1.1 * cm, self._footer)
        self.drawRightString(PAGE_WIDTH - MARGIN, 1.1 * cm, f"Seite {number} von {total}")
        self.restoreState()


# --------------------------------------------------------------------------------------------
# Building blocks


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _share(value: int | None, total: int | None) -> str:
    if value is None:
        return fmt.SUPPRESSED
    if value == 0:
        return fmt.ZERO
    if total is None:
        return fmt.SUPPRESSED
    if total == 0:
        return fmt.NOT_MEANINGFUL
    return fmt.decimal(100.0 * value / total)


def _visible_rows(report: Report, table: StatTable) -> list[Row]:
    rows = list(table.rows)
    if not table.hide_empty_rows:
        return rows
    return [
        row
        for row in rows
        if row.role in ("total", "base") or any(report.count(k) != 0 for k in row.cells)
    ]


class _Numbering:
    def __init__(self) -> None:
        self.tables = 0
        self.figures = 0

    def table(self) -> int:
        self.tables += 1
        return self.tables

    def figure(self) -> int:
        self.figures += 1
        return self.figures


def _data_table(report: Report, table: StatTable, styles: _Styles) -> Table:
    """A statistics table: header, rows (subtotals shaded, items indented), total row."""
    header: list[Any] = [_p(table.feature, styles.head)]
    if table.crosstab:
        header[0] = _p(f"{table.feature} / {table.column_feature}", styles.head)
    headings: list[str] = []
    for column in table.columns:
        headings.append(column.head)
        if column.share:
            headings.append("Anteil\nin %")
    header.extend(_p(text, styles.head_right) for text in headings)
    totals = next((r for r in table.rows if r.role in ("total", "base")), None)
    rows = _visible_rows(report, table)
    grouped = any(r.role == "subtotal" for r in rows)
    data: list[list[Any]] = [header]
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 1), (-1, -1), styles.regular),
        ("FONTSIZE", (0, 1), (-1, -1), 8.5),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
    ]
    for row in rows:
        index = len(data)
        bold = row.role in ("subtotal", "total") or (table.crosstab and row.role == "total")
        label_style = styles.cell_bold if bold else styles.cell
        label = row.label
        if grouped and row.role == "item":
            label_cell: Any = Paragraph(escape(label), _indented(label_style))
        else:
            label_cell = _p(label, label_style)
        line: list[Any] = [label_cell]
        for j, (column, key) in enumerate(zip(table.columns, row.cells, strict=True)):
            value = report.count(key)
            line.append(fmt.count(value))
            if column.share:
                base = report.count(totals.cells[j]) if totals is not None else None
                line.append(_share(value, base) if row.role == "item" or grouped else "")
                if row.role in ("total", "base"):
                    line[-1] = "100" if row.role == "total" and base else ""
        data.append(line)
        if row.role == "subtotal":
            style.append(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_BG))
            style.append(("FONTNAME", (1, index), (-1, index), styles.bold))
        elif row.role in ("total", "base"):
            style.append(("LINEABOVE", (0, index), (-1, index), 0.8, ACCENT))
            if row.role == "total":
                style.append(("FONTNAME", (1, index), (-1, index), styles.bold))
        elif index % 2 == 0 and not grouped:
            style.append(("BACKGROUND", (0, index), (-1, index), SUBTOTAL_BG))
    if table.crosstab:
        style.append(("FONTNAME", (-1, 1), (-1, -1), styles.bold))
        style.append(("LINEBEFORE", (-1, 0), (-1, -1), 0.8, ACCENT))
    widths = _numeric_widths(headings, data[1:], styles)
    first = BODY_WIDTH - sum(widths)
    if len(widths) <= 2:
        first = min(first, 8.5 * cm)  # a narrow table reads better than a stretched one
    result = Table(data, colWidths=[first, *widths], repeatRows=1, hAlign="LEFT")
    result.setStyle(_table_style(styles.regular, style))
    return result


def _numeric_widths(
    headings: Sequence[str], rows: Sequence[Sequence[Any]], styles: _Styles
) -> list[float]:
    """Column widths so that no heading word and no number has to be broken."""
    padding = 12.0
    widths: list[float] = []
    for j, heading in enumerate(headings, start=1):
        words = [w for line in heading.split("\n") for w in line.split(" ")]
        head = max(stringWidth(w, styles.bold, styles.head.fontSize) for w in words)
        values = [row[j] for row in rows if isinstance(row[j], str)]
        body = max((stringWidth(v, styles.bold, 8.5) for v in values), default=0.0)
        widths.append(max(head, body, 1.0 * cm - padding) + padding)
    room = BODY_WIDTH - 4.2 * cm  # keep at least this much for the labels
    if sum(widths) > room:
        widths = [w * room / sum(widths) for w in widths]
    return widths


def _drawing(width: float, height: float, font: str) -> Drawing:
    # Without initialFontName a drawing starts in Helvetica: referenced, but not embedded.
    return Drawing(width, height, initialFontName=font)


def _table_style(font: str, commands: list[tuple[Any, ...]]) -> TableStyle:
    # Cells holding plain strings (even empty ones) default to Helvetica; set the embedded one.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])


def _indented(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_indent", parent=style, leftIndent=10)


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


def _chart_points(report: Report, table: StatTable, chart: Chart) -> list[tuple[str, int | None]]:
    rows = [r for r in _visible_rows(report, table) if r.role == chart.rows]
    return [(row.label, report.count(row.cells[chart.column])) for row in rows]


def _bar_chart(points: Sequence[tuple[str, int | None]], font: str) -> Drawing:
    size = 7.5
    bar_space = 0.52 * cm
    labels = [_short(label, font, size) for label, _ in points]
    label_width = max(stringWidth(label, font, size) for label in labels) + 6
    height = bar_space * len(points) + 1.1 * cm
    drawing = _drawing(BODY_WIDTH, height, font)
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
    drawing = _drawing(BODY_WIDTH, height, font)
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
    drawing = _drawing(BODY_WIDTH, height, font)
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


def _chart(report: Report, table: StatTable, styles: _Styles) -> Drawing | None:
    chart = table.chart
    if chart is None:
        return None
    points = _chart_points(report, table, chart)
    if not points or all(v is None for _, v in points):
        return None
    if chart.kind == "pie":
        totals = next((r for r in table.rows if r.role == "total"), None)
        total = report.count(totals.cells[chart.column]) if totals is not None else None
        return _pie_chart(points, total, styles.regular)
    if chart.kind == "columns":
        codes = [r.code for r in _visible_rows(report, table) if r.role == chart.rows]
        return _column_chart(points, styles.regular, codes)
    return _bar_chart(points, styles.regular)


def _legend_table(report: Report, styles: _Styles) -> Table:
    rows = [
        [_p(sign, styles.cell_bold), _p(text, styles.cell)]
        for sign, text in fmt.legend(report.threshold)
    ]
    table = Table(rows, colWidths=[0.8 * cm, BODY_WIDTH - 0.8 * cm], hAlign="LEFT")
    table.setStyle(
        _table_style(
            styles.regular,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ],
        )
    )
    return table


def _figure_table(report: Report, figures: Sequence[Any], styles: _Styles) -> Table:
    rows = []
    for figure in figures:
        shown = report.figure(figure.key)
        label = figure.label + (f" ({figure.note})" if figure.note else "")
        rows.append([_p(label, styles.cell), _p(shown.text(figure.kind), _right(styles.cell_bold))])
    table = Table(rows, colWidths=[BODY_WIDTH - 3.5 * cm, 3.5 * cm], hAlign="LEFT")
    table.setStyle(
        _table_style(
            styles.regular,
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ],
        )
    )
    return table


def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_right", parent=style, alignment=TA_RIGHT)


# --------------------------------------------------------------------------------------------
# Pages


def _cover(report: Report, styles: _Styles) -> list[Flowable]:
    title = styles.style("title", fontName=styles.bold, fontSize=24, leading=30, textColor=ACCENT)
    subtitle = styles.style("subtitle", fontSize=16, leading=22, textColor=INK)
    city = styles.style("city", fontName=styles.bold, fontSize=12, leading=16, textColor=MUTED)
    period = f"{fmt.date(report.period.start)}–{fmt.date(report.period.end)}"
    facts = [
        ("Berichtszeitraum", period),
        ("Gebiet", report.area),
        ("Erstellt von", report.produced_by),
        ("Erstellt am", fmt.datetime(report.produced_at)),
        (
            "Schutz kleiner Fallzahlen",
            f"Fallzahlen von 1 bis {report.threshold} sind gesperrt und als „.“ dargestellt.",
        ),
    ]
    fact_rows = [[_p(k, styles.cell_bold), _p(v, styles.cell)] for k, v in facts]
    fact_table = Table(fact_rows, colWidths=[4.5 * cm, BODY_WIDTH - 4.5 * cm], hAlign="LEFT")
    fact_table.setStyle(
        _table_style(
            styles.regular,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
    )
    band = _drawing(BODY_WIDTH, 0.25 * cm, styles.regular)
    bar = Rect(0, 0, BODY_WIDTH, 0.18 * cm)
    bar.fillColor = ACCENT
    bar.strokeColor = None
    band.add(bar)
    return [
        Spacer(1, 3.2 * cm),
        _p(CITY, city),
        Spacer(1, 0.5 * cm),
        _p(PROJECT, title),
        Spacer(1, 0.3 * cm),
        _p("Statistischer Bericht", subtitle),
        _p(f"Berichtszeitraum {period}", subtitle),
        Spacer(1, 0.6 * cm),
        band,
        Spacer(1, 1.0 * cm),
        fact_table,
        Spacer(1, 5.0 * cm),
        _p(
            "Der Bericht enthält ausschließlich zusammengefasste, anonyme Zahlen. Er wurde "
            "mit Vielfalt Desktop aus den Dokumentationen der mobilen "
            "Integrationsgemeinwesenarbeit erstellt. Das Projekt wird aus Mitteln des Asyl-, "
            "Migrations- und Integrationsfonds (AMIF) der Europäischen Union und des Landes "
            "Sachsen-Anhalt gefördert.",
            styles.small,
        ),
    ]


def _summary(
    report: Report, styles: _Styles, numbering: _Numbering, drawn: set[str]
) -> list[Flowable]:
    big = styles.style(
        "big", fontName=styles.bold, fontSize=17, leading=21, textColor=ACCENT, alignment=TA_LEFT
    )
    tile_label = styles.style("tile_label", fontSize=8, leading=10, textColor=INK)
    tiles: list[list[Any]] = []
    line: list[Any] = []
    for figure in report.summary:
        shown = report.figure(figure.key)
        line.append([_p(shown.text(figure.kind), big), _p(figure.label, tile_label)])
        if len(line) == 3:
            tiles.append(line)
            line = []
    if line:
        tiles.append(line + [""] * (3 - len(line)))
    grid = Table(tiles, colWidths=[BODY_WIDTH / 3] * 3, hAlign="LEFT")
    grid.setStyle(
        _table_style(
            styles.regular,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("LINEAFTER", (0, 0), (-2, -1), 3, colors.white),
                ("LINEBELOW", (0, 0), (-1, -2), 3, colors.white),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ],
        )
    )
    story: list[Flowable] = [
        _p("Auf einen Blick", styles.h1),
        _p(
            f"Berichtszeitraum {fmt.date(report.period.start)}–{fmt.date(report.period.end)}"
            f" · Gebiet: {report.area}",
            styles.body,
        ),
        grid,
    ]
    top = _top_topics(report)
    if top:
        story.append(Spacer(1, 0.3 * cm))
        story.append(_p(f"Häufigste Themen der Beratungskontakte: {top}.", styles.body))
    try:
        timeline = report.table("kontakte_zeit")
    except KeyError:
        timeline = None
    if timeline is not None and timeline.chart is not None:
        drawing = _chart(report, timeline, styles)
        if drawing is not None:
            drawn.add(timeline.key)
            story.append(_p(timeline.chart.title, styles.h2))
            story.append(drawing)
            caption = f"Abbildung {numbering.figure()}: {timeline.chart.title}"
            story.append(_p(caption, styles.caption))
    story.append(Spacer(1, 0.4 * cm))
    story.append(_p("Zeichenerklärung", styles.h2))
    story.append(_legend_table(report, styles))
    return story


def _top_topics(report: Report, n: int = 3) -> str:
    try:
        table = report.table("kontakte_thema")
    except KeyError:
        return ""
    ranked = sorted(
        (
            (value, row.label)
            for row in table.rows
            if row.role == "item" and (value := report.count(row.cells[0]))
        ),
        key=lambda pair: -pair[0],
    )
    return ", ".join(label for _, label in ranked[:n])


def _section(
    report: Report, number: int, styles: _Styles, numbering: _Numbering, drawn: set[str]
) -> list[Flowable]:
    """One section; ``drawn``: tables whose chart is already shown in the summary."""
    section = report.sections[number - 1]
    story: list[Flowable] = [
        _p(f"{number} {section.title}", styles.h1),
        _p(section.intro, styles.body),
    ]
    if section.figures:
        story.append(_figure_table(report, section.figures, styles))
    for table in section.tables:
        title = _p(f"Tabelle {numbering.table()}: {table.title}", styles.h2)
        block: list[Flowable] = [title, _data_table(report, table, styles)]
        block.extend(_p(note, styles.caption) for note in table.notes)
        story.append(CondPageBreak(4 * cm))
        if len(_visible_rows(report, table)) > 30:
            title.keepWithNext = True
            story.extend(block)  # long tables run on, their heading row repeated
        else:
            story.append(KeepTogether(block))
        drawing = _chart(report, table, styles)
        if drawing is None or table.chart is None or table.key in drawn:
            continue
        caption = f"Abbildung {numbering.figure()}: {table.chart.title}"
        if any(v is None for _, v in _chart_points(report, table, table.chart)):
            caption += " („.“ = gesperrt)"
        story.append(KeepTogether([Spacer(1, 0.3 * cm), drawing, _p(caption, styles.caption)]))
    return story


def _notes(report: Report, styles: _Styles) -> list[Flowable]:
    t = report.threshold
    paragraphs = [
        (
            "Datengrundlage",
            "Ausgewertet werden die anonymen Dokumentationen der mobilen "
            "Integrationsgemeinwesenarbeit, wie sie am Tag der Erstellung im Datenbestand des "
            f"Geräts „{report.produced_by}“ vorlagen. Gezählt wird nach dem Datum des Kontakts, "
            "des Verweises, der Intervention oder der Veranstaltung bzw. nach dem Tag der "
            "Meldung eines Konflikts. Gelöschte Einträge zählen nicht.",
        ),
        (
            "Personen und Pseudonyme",
            "Die Dokumentation enthält keine Namen. Wiederholte Kontakte einer Person sind "
            "nur über einen zufälligen Pseudonym-Code verbunden; „Personen“ sind verschiedene "
            "Pseudonym-Codes. Kontakte ohne Pseudonym zählen nur als Kontakt.",
        ),
        (
            "Drittstaatsangehörige",
            "Die Zuordnung folgt der erfassten Staatsangehörigkeit: Drittstaatsangehörige haben "
            "keine Staatsangehörigkeit der EU, des EWR oder der Schweiz (staatenlos und "
            "ungeklärt eingeschlossen). Ohne Angabe zur Staatsangehörigkeit: „unbekannt“.",
        ),
        (
            "Schutz kleiner Fallzahlen (Geheimhaltung)",
            f"Damit keine Person erkennbar wird, sind alle Fallzahlen von 1 bis {t} gesperrt "
            "(primäre Geheimhaltung). Zusätzlich sind weitere Werte gesperrt, damit sich keine "
            "gesperrte Zahl aus Zeilen- oder Spaltensummen zurückrechnen lässt (sekundäre "
            "Geheimhaltung). Die Null wird gezeigt, denn sie macht niemanden erkennbar. "
            "Anteile und Quoten werden nur aus veröffentlichten Zahlen berechnet. In diesem "
            f"Bericht sind {fmt.integer(report.withheld)} Werte gesperrt, davon "
            f"{fmt.integer(report.withheld_secondary)} zum Schutz vor Rückrechnung.",
        ),
    ]
    story: list[Flowable] = [_p("Erläuterungen", styles.h1)]
    for heading, text in paragraphs:
        story.append(_p(heading, styles.h2))
        story.append(_p(text, styles.body))
    story.append(_p("Zeichenerklärung", styles.h2))
    story.append(_legend_table(report, styles))
    return story


def render_pdf(report: Report) -> bytes:
    """The complete report as PDF bytes (nothing is written anywhere)."""
    regular, bold = register_fonts()
    styles = _Styles(regular, bold)
    period = f"{fmt.date(report.period.start)}–{fmt.date(report.period.end)}"
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{PROJECT} – Statistischer Bericht {period}",
        author=CITY,
        subject="Statistischer Bericht der mobilen Integrationsgemeinwesenarbeit",
        creator="Vielfalt Desktop",
        lang="de-DE",
        initialFontName=regular,
        initialFontSize=9.5,
    )
    frame = Frame(MARGIN, MARGIN, BODY_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")
    doc.addPageTemplates(
        [PageTemplate(id="cover", frames=[frame]), PageTemplate(id="content", frames=[frame])]
    )
    numbering = _Numbering()
    story: list[Flowable] = [*_cover(report, styles), NextPageTemplate("content"), PageBreak()]
    drawn: set[str] = set()
    story.extend(_summary(report, styles, numbering, drawn))
    for number in range(1, len(report.sections) + 1):
        story.append(PageBreak())
        story.extend(_section(report, number, styles, numbering, drawn))
    story.append(PageBreak())
    story.extend(_notes(report, styles))
    canvasmaker: Callable[..., Canvas] = functools.partial(
        _NumberedCanvas,
        footer=f"{PROJECT} · Statistischer Bericht {period}",
        font=regular,
    )
    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
