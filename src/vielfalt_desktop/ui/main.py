"""Entry point of the desktop app: ``vielfalt`` with no command calls :func:`run`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from vielfalt_desktop import __version__
from vielfalt_desktop.ui import i18n
from vielfalt_desktop.ui.controller import Controller, apply_color_scheme
from vielfalt_desktop.ui.icons import icon
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.tasks import wait_all


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Landeshauptstadt Magdeburg")
    app.setApplicationName("Vielfalt Desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("vielfalt-desktop")
    app.setWindowIcon(icon("app"))
    return app


def run(data_dir: Path, settings: UiSettings | None = None) -> int:
    """Open the unlock window (or the first-run setup) and run until the user quits."""
    app = make_application()
    settings = settings or UiSettings()
    i18n.install(settings.language)
    apply_color_scheme(settings.color_scheme)
    controller = Controller(Path(data_dir), settings)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    code = app.exec()
    wait_all(10_000)
    controller.shutdown()
    settings.sync()
    return int(code)
