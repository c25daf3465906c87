"""Render the application icon: resources/icons/vielfalt-desktop.svg → PNG sizes and a .ico.

    .venv/bin/python packaging/make_icons.py      (or: make icons)

Uses Qt's SVG renderer, so nothing beyond the project's own environment is needed. The PNGs
go to resources/icons/png/ (Linux menus, AppStream, Inno Setup), the .ico (all sizes in one
file) is the Windows program and installer icon. The results are committed; run this again
only after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # Pillow comes with reportlab
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = ICONS / "vielfalt-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE} lässt sich nicht lesen.", file=sys.stderr)
        return 1
    out = ICONS / "png"
    out.mkdir(exist_ok=True)
    images = {}
    for size in SIZES:
        png = render(renderer, size)
        (out / f"vielfalt-desktop-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png))
    # Pillow writes every size listed in `sizes`; each one from its own rendering.
    largest = images[max(SIZES)]
    largest.save(
        ICONS / "vielfalt-desktop.ico",
        sizes=[(s, s) for s in SIZES],
        append_images=[images[s] for s in SIZES if s != max(SIZES)],
    )
    print(f"{len(SIZES)} PNG-Dateien und vielfalt-desktop.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
