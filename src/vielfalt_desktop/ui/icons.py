"""Icons shipped in resources/icons: simple line drawings in one colour.

Each icon gets its normal colour and a second one for the selected state (drawn on the
selection colour), so it stays visible in the navigation list in light and dark mode.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

from vielfalt_desktop.resources import resource_path

SOURCE_COLOR = "#4a7fb0"
SIZES = (16, 20, 24, 32, 40, 48)


# Drawn here until it has a file in resources/icons (same style: 24×24, one stroke colour).
_BUILT_IN = {
    "privacy": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
        'fill="none" stroke="#4a7fb0" stroke-width="1.8" stroke-linecap="round" '
        'stroke-linejoin="round"><path d="M12 2.5l7.5 3v5.5c0 4.6-3.1 8.4-7.5 10.5'
        '-4.4-2.1-7.5-5.9-7.5-10.5V5.5z"/><path d="M8.8 12l2.2 2.2 4.2-4.4"/></svg>'
    ),
}


def _svg(name: str) -> str | None:
    try:
        path = resource_path("icons", f"{name}.svg")
    except FileNotFoundError:
        return _BUILT_IN.get(name)
    return path.read_text(encoding="utf-8") if path.is_file() else _BUILT_IN.get(name)


def _pixmaps(svg: str, color: str) -> list[QPixmap]:
    data = svg.replace(SOURCE_COLOR, color).encode("utf-8")
    found = []
    for size in SIZES:
        sized = data.replace(b'width="24" height="24"', f'width="{size}" height="{size}"'.encode())
        pixmap = QPixmap()
        if pixmap.loadFromData(sized, "SVG"):
            found.append(pixmap)
    return found


@cache
def icon(name: str) -> QIcon:
    svg = _svg(name)
    if svg is None:
        return QIcon()
    result = QIcon()
    palette = QGuiApplication.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    normal = "#8fb8e0" if dark else SOURCE_COLOR
    selected = palette.color(QPalette.ColorRole.HighlightedText).name()
    for pixmap in _pixmaps(svg, normal):
        result.addPixmap(pixmap, QIcon.Mode.Normal)
    for pixmap in _pixmaps(svg, selected):
        result.addPixmap(pixmap, QIcon.Mode.Selected)
    return result
