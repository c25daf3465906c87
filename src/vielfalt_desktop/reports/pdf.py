"""The coordinator's report as PDF (reportlab platypus, charts from reportlab.graphics).

Layout: a cover, a one-page summary ("Auf einen Blick"), one section per area with its key
figures, tables and charts, and closing notes on definitions and small-cell protection.
Every text is set in the embedded DejaVu Sans; numbers in German format; "Seite X von Y".
Only published values (:class:`~vielfalt_desktop.reports.published.Report`) are drawn.

This module holds the tables and the pages; the charts are :mod:`.pdf_charts`, the page
furniture, colours and styles (shared with the log exports and the slip) :mod:`.pdf_page`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
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
)

from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.fonts import register_fonts
from vielfalt_desktop.reports.pdf_charts import chart_drawing, chart_points, visible_rows
from vielfalt_desktop.reports.pdf_page import (
    ACCENT,
    ACCENT_LIGHT,
    BODY_WIDTH,
    CITY,
    INK,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PROJECT,
    RULE,
    SUBTOTAL_BG,
    NumberedCanvas,
    Styles,
    indented,
    new_drawing,
    paragraph,
    right,
    table_style,
)
from vielfalt_desktop.reports.published import Report
from vielfalt_desktop.reports.tables import Table as StatTable

__all__ = ["render_pdf"]


# --------------------------------------------------------------------------------------------
# Tables


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


def _data_table(report: Report, table: StatTable, styles: Styles) -> Table:
    """A statistics table: header, rows (subtotals shaded, items indented), total row."""
    header: list[Any] = [paragraph(table.feature, styles.head)]
    if table.crosstab:
        header[0] = paragraph(f"{table.feature} / {table.column_feature}", styles.head)
    headings: list[str] = []
    for column in table.columns:
        headings.append(column.head)
        if column.share:
            headings.append("Anteil\nin %")
    header.extend(paragraph(text, styles.head_right) for text in headings)
    totals = next((r for r in table.rows if r.role in ("total", "base")), None)
    rows = visible_rows(report, table)
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
            label_cell: Any = Paragraph(escape(label), indented(label_style))
        else:
            label_cell = paragraph(label, label_style)
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
    result.setStyle(table_style(styles.regular, style))
    return result


def _numeric_widths(
    headings: Sequence[str], rows: Sequence[Sequence[Any]], styles: Styles
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


def _legend_table(report: Report, styles: Styles) -> Table:
    rows = [
        [paragraph(sign, styles.cell_bold), paragraph(text, styles.cell)]
        for sign, text in fmt.legend(report.threshold)
    ]
    table = Table(rows, colWidths=[0.8 * cm, BODY_WIDTH - 0.8 * cm], hAlign="LEFT")
    table.setStyle(
        table_style(
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


def _figure_table(report: Report, figures: Sequence[Any], styles: Styles) -> Table:
    rows = []
    for figure in figures:
        shown = report.figure(figure.key)
        label = figure.label + (f" ({figure.note})" if figure.note else "")
        rows.append(
            [
                paragraph(label, styles.cell),
                paragraph(shown.text(figure.kind), right(styles.cell_bold)),
            ]
        )
    table = Table(rows, colWidths=[BODY_WIDTH - 3.5 * cm, 3.5 * cm], hAlign="LEFT")
    table.setStyle(
        table_style(
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


# --------------------------------------------------------------------------------------------
# Pages


def _cover(report: Report, styles: Styles) -> list[Flowable]:
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
    fact_rows = [[paragraph(k, styles.cell_bold), paragraph(v, styles.cell)] for k, v in facts]
    fact_table = Table(fact_rows, colWidths=[4.5 * cm, BODY_WIDTH - 4.5 * cm], hAlign="LEFT")
    fact_table.setStyle(
        table_style(
            styles.regular,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
    )
    band = new_drawing(BODY_WIDTH, 0.25 * cm, styles.regular)
    bar = Rect(0, 0, BODY_WIDTH, 0.18 * cm)
    bar.fillColor = ACCENT
    bar.strokeColor = None
    band.add(bar)
    return [
        Spacer(1, 3.2 * cm),
        paragraph(CITY, city),
        Spacer(1, 0.5 * cm),
        paragraph(PROJECT, title),
        Spacer(1, 0.3 * cm),
        paragraph("Statistischer Bericht", subtitle),
        paragraph(f"Berichtszeitraum {period}", subtitle),
        Spacer(1, 0.6 * cm),
        band,
        Spacer(1, 1.0 * cm),
        fact_table,
        Spacer(1, 5.0 * cm),
        paragraph(
            "Der Bericht enthält ausschließlich zusammengefasste, anonyme Zahlen. Er wurde "
            "mit Vielfalt Desktop aus den Dokumentationen der mobilen "
            "Integrationsgemeinwesenarbeit erstellt. Das Projekt wird aus Mitteln des Asyl-, "
            "Migrations- und Integrationsfonds (AMIF) der Europäischen Union und des Landes "
            "Sachsen-Anhalt gefördert.",
            styles.small,
        ),
    ]


def _summary(
    report: Report, styles: Styles, numbering: _Numbering, drawn: set[str]
) -> list[Flowable]:
    big = styles.style(
        "big", fontName=styles.bold, fontSize=17, leading=21, textColor=ACCENT, alignment=TA_LEFT
    )
    tile_label = styles.style("tile_label", fontSize=8, leading=10, textColor=INK)
    tiles: list[list[Any]] = []
    line: list[Any] = []
    for figure in report.summary:
        shown = report.figure(figure.key)
        line.append([paragraph(shown.text(figure.kind), big), paragraph(figure.label, tile_label)])
        if len(line) == 3:
            tiles.append(line)
            line = []
    if line:
        tiles.append(line + [""] * (3 - len(line)))
    grid = Table(tiles, colWidths=[BODY_WIDTH / 3] * 3, hAlign="LEFT")
    grid.setStyle(
        table_style(
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
        paragraph("Auf einen Blick", styles.h1),
        paragraph(
            f"Berichtszeitraum {fmt.date(report.period.start)}–{fmt.date(report.period.end)}"
            f" · Gebiet: {report.area}",
            styles.body,
        ),
        grid,
    ]
    top = _top_topics(report)
    if top:
        story.append(Spacer(1, 0.3 * cm))
        story.append(paragraph(f"Häufigste Themen der Beratungskontakte: {top}.", styles.body))
    try:
        timeline = report.table("kontakte_zeit")
    except KeyError:
        timeline = None
    if timeline is not None and timeline.chart is not None:
        drawing = chart_drawing(report, timeline, styles.regular)
        if drawing is not None:
            drawn.add(timeline.key)
            story.append(paragraph(timeline.chart.title, styles.h2))
            story.append(drawing)
            caption = f"Abbildung {numbering.figure()}: {timeline.chart.title}"
            story.append(paragraph(caption, styles.caption))
    story.append(Spacer(1, 0.4 * cm))
    story.append(paragraph("Zeichenerklärung", styles.h2))
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
    report: Report, number: int, styles: Styles, numbering: _Numbering, drawn: set[str]
) -> list[Flowable]:
    """One section; ``drawn``: tables whose chart is already shown in the summary."""
    section = report.sections[number - 1]
    story: list[Flowable] = [
        paragraph(f"{number} {section.title}", styles.h1),
        paragraph(section.intro, styles.body),
    ]
    if section.figures:
        story.append(_figure_table(report, section.figures, styles))
    for table in section.tables:
        title = paragraph(f"Tabelle {numbering.table()}: {table.title}", styles.h2)
        block: list[Flowable] = [title, _data_table(report, table, styles)]
        block.extend(paragraph(note, styles.caption) for note in table.notes)
        story.append(CondPageBreak(4 * cm))
        if len(visible_rows(report, table)) > 30:
            title.keepWithNext = True
            story.extend(block)  # long tables run on, their heading row repeated
        else:
            story.append(KeepTogether(block))
        drawing = chart_drawing(report, table, styles.regular)
        if drawing is None or table.chart is None or table.key in drawn:
            continue
        caption = f"Abbildung {numbering.figure()}: {table.chart.title}"
        if any(v is None for _, v in chart_points(report, table, table.chart)):
            caption += " („.“ = gesperrt)"
        story.append(
            KeepTogether([Spacer(1, 0.3 * cm), drawing, paragraph(caption, styles.caption)])
        )
    return story


def _notes(report: Report, styles: Styles) -> list[Flowable]:
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
    story: list[Flowable] = [paragraph("Erläuterungen", styles.h1)]
    for heading, text in paragraphs:
        story.append(paragraph(heading, styles.h2))
        story.append(paragraph(text, styles.body))
    story.append(paragraph("Zeichenerklärung", styles.h2))
    story.append(_legend_table(report, styles))
    return story


def render_pdf(report: Report) -> bytes:
    """The complete report as PDF bytes (nothing is written anywhere)."""
    regular, bold = register_fonts()
    styles = Styles(regular, bold)
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
        NumberedCanvas,
        footer=f"{PROJECT} · Statistischer Bericht {period}",
        font=regular,
    )
    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
