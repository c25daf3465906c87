"""Protocols for the data protection officer as PDF: the deletion log and the audit trail.

They list what happened — counts, kinds, devices, record ids — never what a record said.
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
from vielfalt_desktop.reports.pdf import (
    ACCENT,
    ACCENT_LIGHT,
    INK,
    MARGIN,
    MUTED,
    PAGE_WIDTH,
    RULE,
    _NumberedCanvas,
)
from vielfalt_desktop.reports.report import CITY, PROJECT

__all__ = ["Protocol", "render_protocol"]


@dataclass(frozen=True, slots=True)
class Protocol:
    title: str
    facts: tuple[tuple[str, str], ...]  # e.g. ("Gerät", "Koordination"), shown under the title
    columns: tuple[str, ...]
    widths: tuple[float, ...]  # shares of the text width, summing to 1
    rows: tuple[tuple[str, ...], ...]
    empty: str = "Keine Einträge."
    explanation: str = ""


def render_protocol(protocol: Protocol) -> bytes:
    regular, bold = register_fonts()
    text_width = PAGE_WIDTH - 2 * MARGIN
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, textColor=ACCENT)
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12, textColor=INK)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=cell, fontName=bold)

    story: list[Flowable] = [
        Paragraph(escape(f"{CITY} · {PROJECT}"), small),
        Spacer(1, 0.2 * cm),
        Paragraph(escape(protocol.title), title),
        Spacer(1, 0.3 * cm),
    ]
    for label, value in protocol.facts:
        story.append(Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", body))
    if protocol.explanation:
        story += [Spacer(1, 0.2 * cm), Paragraph(escape(protocol.explanation), small)]
    story.append(Spacer(1, 0.5 * cm))
    if not protocol.rows:
        story.append(Paragraph(escape(protocol.empty), body))
    else:
        data = [[Paragraph(escape(c), head) for c in protocol.columns]]
        data += [[Paragraph(escape(v), cell) for v in row] for row in protocol.rows]
        table = LongTable(data, colWidths=[w * text_width for w in protocol.widths], repeatRows=1)
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
        title=protocol.title,
        author=CITY,
    )
    footer = f"{protocol.title} · {len(protocol.rows)} Einträge"
    canvas = functools.partial(_NumberedCanvas, footer=footer, font=regular, cover=False)
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()
