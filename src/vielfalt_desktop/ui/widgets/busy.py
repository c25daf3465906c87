"""The thin "working …" bar shown while a task runs in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


def busy_bar(accessible_name: str) -> QProgressBar:
    """An indeterminate bar, hidden until work starts; screen readers hear ``accessible_name``."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setVisible(False)
    bar.setAccessibleName(accessible_name)
    return bar
