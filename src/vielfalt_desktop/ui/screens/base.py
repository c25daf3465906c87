"""What the main window expects of a screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from vielfalt_desktop.ui.context import UiContext


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


class Screen(QWidget):
    """A page of the main window. Screens are built when first shown."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.bus.changed.connect(self._on_changed)

    #: record kinds whose change makes this screen reload (empty: none)
    watches: tuple[str, ...] = ()

    def _on_changed(self, kind: str) -> None:
        if kind in self.watches:
            self._stale = True
            if self.isVisible():
                self.activated()

    def activated(self) -> None:
        """Shown (again): reload if something changed since."""
        if not self.ctx.app.is_open:
            return  # locked meanwhile; the window is going away
        if self._stale:
            self._stale = False
            self.reload()

    def reload(self) -> None:
        """Read the screen's data anew."""

    def state(self) -> dict[str, Any]:
        """What to restore after unlocking (filters, selection, an unsaved form)."""
        return {}

    def restore(self, state: dict[str, Any]) -> None:
        pass

    def open_dialogs(self) -> list[QDialog]:
        return [d for d in self.findChildren(QDialog) if d.isVisible()]
