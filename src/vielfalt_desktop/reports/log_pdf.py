"""Log exports ("Protokolle") as PDF: the deletion log and the audit trail, one table each.

For the data protection officer. A :class:`LogDocument` is a title, a few facts and the rows;
:func:`render_log_pdf` sets it on A4 with the report's page furniture. The rows list what
happened — counts, kinds, devices, record ids — never what a record said. Which rows go in is
decided by :mod:`vielfalt_desktop.services.log_export`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from vielfalt_desktop.reports.fonts import register_fonts
from vielfalt_desktop.reports.pdf_page import (
    ACCENT,
    ACCENT_LIGHT,
    CITY,
    INK,
    MARGIN,
    MUTED,
    PAGE_WIDTH,
    RULE,
    NumberedCanvas,
)

__all__ = ["LogDocument", "render_log_pdf"]


@dataclass(frozen=True, slots=True)
class LogDocument:
    title: str
    facts: tuple[tuple[str, str], ...]  # e.g. ("Gerät", "Koordination"), shown under the title
    columns: tuple[str, ...]
    widths: tuple[float, ...]  # shares of the text width, summing to 1
    rows: tuple[tuple[str, ...], ...]
    empty: str = "Keine Einträge."
    explanation: str = ""
    numeric: tuple[int, ...] = ()  # columns set flush right


def render_log_pdf(document: LogDocument) -> bytes:
    regular, bold = register_fonts()
    text_width = PAGE_WIDTH - 2 * MARGIN
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, textColor=ACCENT)
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12, textColor=INK)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9.5)
    head = ParagraphStyle("head", parent=cell, fontName=bold)

    number = ParagraphStyle("number", parent=cell, alignment=2)
    number_head = ParagraphStyle("number_head", parent=head, alignment=2)
    story: list[Flowable] = [
        Paragraph(escape(document.title), title),
        Spacer(1, 0.3 * cm),
    ]
    for label, value in document.facts:
        story.append(Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", body))
    if document.explanation:
        story += [Spacer(1, 0.2 * cm), Paragraph(escape(document.explanation), small)]
    story.append(Spacer(1, 0.5 * cm))
    if not document.rows:
        story.append(Paragraph(escape(document.empty), body))
    else:

        def styled(column: int, header: bool) -> ParagraphStyle:
            if column in document.numeric:
                return number_head if header else number
            return head if header else cell

        data = [[Paragraph(escape(c), styled(i, True)) for i, c in enumerate(document.columns)]]
        data += [
            [Paragraph(escape(v), styled(i, False)) for i, v in enumerate(row)]
            for row in document.rows
        ]
        table = LongTable(data, colWidths=[w * text_width for w in document.widths], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        story.append(table)
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=document.title,
        author=CITY,
    )
    footer = f"{document.title} · {len(document.rows)} Einträge"
    canvas = functools.partial(NumberedCanvas, footer=footer, font=regular, cover=False)
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()
