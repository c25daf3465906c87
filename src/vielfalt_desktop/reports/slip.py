"""The referral slip (Verweiszettel): one A5 page to hand over with a referral.

It names the partner organisation (name, address, opening hours, contact channel, languages)
and the topic, in German or English, with a blank line for the appointment date. It has no
place for anything about the client: no name, no pseudonym code, no date of birth.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.reports.fonts import register_fonts
from vielfalt_desktop.reports.pdf_page import ACCENT, CITY, INK, MUTED, PROJECT, RULE

__all__ = ["LANGUAGES", "SlipLanguage", "render_slip"]

SlipLanguage = Literal["de", "en"]
LANGUAGES: tuple[SlipLanguage, ...] = ("de", "en")


MARGIN = 1.4 * cm


@dataclass(frozen=True)
class _Words:
    title: str
    topic: str
    intro: str
    address: str
    hours: str
    contact: str
    languages: str
    offers: str
    date: str
    time: str
    person: str
    footer: str
    city: str


WORDS: dict[SlipLanguage, _Words] = {
    "de": _Words(
        title="Verweiszettel",
        topic="Thema",
        intro="Für Ihr Anliegen wenden Sie sich bitte an:",
        address="Anschrift",
        hours="Öffnungszeiten",
        contact="Kontakt",
        languages="Sprachen",
        offers="Angebote",
        date="Termin am",
        time="Uhrzeit",
        person="Ansprechperson",
        footer="Dieser Zettel enthält keine Angaben zu Ihrer Person.",
        city=CITY,
    ),
    "en": _Words(
        title="Referral slip",
        topic="Topic",
        intro="For your request, please contact:",
        address="Address",
        hours="Opening hours",
        contact="Contact",
        languages="Languages",
        offers="Services",
        date="Appointment on",
        time="Time",
        person="Contact person",
        footer="This slip contains no information about you.",
        city="City of Magdeburg",
    ),
}


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render_slip(partner: Partner, topic: str, lang: SlipLanguage, vocab: Vocabularies) -> bytes:
    """The slip as PDF bytes (one A5 page)."""
    regular, bold = register_fonts()
    words = WORDS[lang]
    width = A5[0] - 2 * MARGIN

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": regular, "fontSize": 10, "leading": 13.5}
        base.update(kw)
        base.setdefault("textColor", INK)
        return ParagraphStyle(name, **base)

    small = style("small", fontSize=7.5, leading=10, textColor=MUTED)
    label = style("label", fontName=bold, fontSize=9, leading=12.5, textColor=MUTED)
    value = style("value", fontSize=10, leading=13.5)
    title = style("title", fontName=bold, fontSize=18, leading=22, textColor=ACCENT)
    name = style("name", fontName=bold, fontSize=14, leading=18)
    topic_style = style("topic", fontName=bold, fontSize=12, leading=16)

    # initialFontName: else the drawing starts in Helvetica, referenced but not embedded.
    band = Drawing(width, 0.2 * cm, initialFontName=regular)
    bar = Rect(0, 0, width, 0.14 * cm)
    bar.fillColor = ACCENT
    bar.strokeColor = None
    band.add(bar)

    details: list[tuple[str, str]] = []
    if partner.address.strip():
        details.append((words.address, partner.address.strip()))
    if partner.opening_hours.strip():
        details.append((words.hours, partner.opening_hours.strip()))
    if partner.contact_channel.strip():
        details.append((words.contact, partner.contact_channel.strip()))
    if partner.languages:
        spoken = ", ".join(vocab["language"].label_of(code, lang) for code in partner.languages)
        details.append((words.languages, spoken))
    if partner.offers:
        offered = ", ".join(vocab["offer"].label_of(code, lang) for code in partner.offers)
        details.append((words.offers, offered))
    rows = [[_p(k, label), _p(v, value)] for k, v in details]
    facts = Table(rows, colWidths=[3.3 * cm, width - 3.3 * cm], hAlign="LEFT") if rows else None
    if facts is not None:
        facts.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ]
            )
        )
    # Lines to fill in by hand: the appointment and whom to ask for at the organisation.
    blanks = Table(
        [
            [_p(f"{words.date}:", label), "", "", _p(f"{words.time}:", label), ""],
            [_p(f"{words.person}:", label), "", "", "", ""],
        ],
        colWidths=[3.3 * cm, 3.2 * cm, 0.5 * cm, 2.0 * cm, width - 9.0 * cm],
        rowHeights=[1.0 * cm, 1.0 * cm],
        hAlign="LEFT",
    )
    blanks.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), regular),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
                ("LINEBELOW", (4, 0), (4, 0), 0.8, INK),
                ("SPAN", (1, 1), (4, 1)),
                ("LINEBELOW", (1, 1), (4, 1), 0.8, INK),
            ]
        )
    )
    story: list[Flowable] = [
        _p(f"{words.city} · {PROJECT}", small),
        Spacer(1, 0.15 * cm),
        band,
        Spacer(1, 0.3 * cm),
        _p(words.title, title),
        Spacer(1, 0.3 * cm),
        _p(f"{words.topic}: {vocab['topic'].label_of(topic, lang)}", topic_style),
        Spacer(1, 0.5 * cm),
        _p(words.intro, value),
        Spacer(1, 0.15 * cm),
        _p(partner.name, name),
        Spacer(1, 0.25 * cm),
    ]
    if facts is not None:
        story.append(facts)
    story += [Spacer(1, 0.5 * cm), blanks]

    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A5,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{words.title}: {partner.name}",
        author=CITY,
        creator="Vielfalt Desktop",
        lang="de-DE" if lang == "de" else "en-GB",
        initialFontName=regular,
    )
    # Long texts shrink rather than spill onto a second page: the slip is one sheet.
    height = A5[1] - 2 * MARGIN - 1
    footer = f"{words.footer} · {PROJECT}"

    def draw_footer(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN + 6, MARGIN - 0.6 * cm, footer)  # 6: the frame padding
        canvas.restoreState()

    doc.build([KeepInFrame(width, height, story, mode="shrink")], onFirstPage=draw_footer)
    return buffer.getvalue()
