"""The embedded Unicode font (DejaVu Sans, shipped in resources/fonts).

The PDF standard fonts (Helvetica, …) cover Latin-1 only and are not embedded; partner names
and languages need "ş", "ć", "ë" and more, and every font of the report must be embedded.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from vielfalt_desktop.resources import resource_path

__all__ = ["BOLD", "REGULAR", "register_fonts"]

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular and bold) once; returns their names."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    # <b> in paragraphs picks the bold face; there is no italic face, so italic maps to
    # the upright ones rather than to an unembedded standard font.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
