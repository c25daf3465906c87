"""What every PDF of the program shares: the A4 page, colours, styles and page furniture.

The report (:mod:`~vielfalt_desktop.reports.pdf`), the log exports
(:mod:`~vielfalt_desktop.reports.log_pdf`) and the referral slip are set in the embedded DejaVu
Sans with these colours. :class:`NumberedCanvas` draws the header line (city · project) and the
footer with "Seite X von Y"; the small helpers keep every text and table in the embedded font.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, TableStyle

__all__ = [
    "ACCENT",
    "ACCENT_LIGHT",
    "BODY_WIDTH",
    "CITY",
    "INK",
    "MARGIN",
    "MUTED",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "PROJECT",
    "RULE",
    "SUBTOTAL_BG",
    "NumberedCanvas",
    "Styles",
    "indented",
    "new_drawing",
    "paragraph",
    "right",
    "table_style",
]

PROJECT = "Vielfalt gestalten – Integration im Gemeinwesen"
CITY = "Landeshauptstadt Magdeburg"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1d2b36")
MUTED = colors.HexColor("#5b6770")
ACCENT = colors.HexColor("#1f5f8b")
ACCENT_LIGHT = colors.HexColor("#e3edf4")
RULE = colors.HexColor("#b8c4cc")
SUBTOTAL_BG = colors.HexColor("#f1f4f6")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the report, in the embedded ``regular`` and ``bold`` fonts."""

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


class NumberedCanvas(Canvas):
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


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def new_drawing(width: float, height: float, font: str) -> Drawing:
    # Without initialFontName a drawing starts in Helvetica: referenced, but not embedded.
    return Drawing(width, height, initialFontName=font)


def table_style(font: str, commands: list[tuple[Any, ...]]) -> TableStyle:
    # Cells holding plain strings (even empty ones) default to Helvetica; set the embedded one.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])


def indented(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_indent", parent=style, leftIndent=10)


def right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_right", parent=style, alignment=TA_RIGHT)
