"""Small helpers for GUI tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget


def activate(qtbot: Any, widget: QWidget) -> None:
    """Show a window and make it the active one, so its keyboard shortcuts fire."""
    widget.show()
    qtbot.waitExposed(widget)
    handle = widget.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)
