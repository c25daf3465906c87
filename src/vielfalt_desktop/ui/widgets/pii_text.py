"""A free-text field that marks what looks like personal data, right where it is."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from vielfalt_desktop.domain.privacy import Finding
from vielfalt_desktop.ui.signals import relay


class PiiTextEdit(QPlainTextEdit):
    """Plain text; Tab moves to the next field (notes are short and keyboard flow matters)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 4) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.findings: tuple[Finding, ...] = ()
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(height)
        self.textChanged.connect(relay(self.changed))

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        selections = []
        warn = QColor("#c0392b")
        back = QColor(warn)
        # A light tint in light mode, a darker one in dark mode: readable on both.
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        back.setAlpha(110 if dark else 45)
        length = len(self.toPlainText())
        for finding in self.findings:
            if finding.start >= length:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(warn)
            fmt.setBackground(back)
            fmt.setToolTip(finding.label)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(finding.start)
            cursor.setPosition(min(finding.end, length), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
