"""What the two log pages of the Datenschutz screen share: saving a log as a file (the path
dialog with the suggested name, the work off the UI thread, the message) and the look of
their tables.

Saved logs are not encrypted; the pages say so next to their buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.services import log_export
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text, fmt_int
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.tasks import Task, run_task
from vielfalt_desktop.ui.widgets.busy import busy_bar


def tabular(table: QTableView) -> None:
    """Whole rows, one at a time, read only: how both logs show their entries."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)


def size_columns(table: QTableView, samples: list[str]) -> None:
    """Each column as wide as its widest sample text (or its title)."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column, sample in enumerate(samples):
        width = max(metrics.horizontalAdvance(sample) + 24, header.sectionSizeHint(column) + 8)
        header.resizeSection(column, width)


class LogPage(QWidget):
    """Saving a log as a file: the path dialog, the work off the UI thread, the message."""

    changed = Signal()  # an export is itself logged: the audit trail has a new entry

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.busy = busy_bar(self.tr("Datei wird geschrieben"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def export_buttons(self) -> list[QPushButton]:
        return []

    def ask_path(self, title: str, log: str, kind: str) -> Path | None:
        """Where to save ``log`` ("audit", "deletion_log") as ``kind`` ("pdf", "csv")."""
        settings = self.ctx.settings
        folder = settings.last("protocol_dir") or settings.last("report_dir") or str(Path.home())
        suffix = f".{kind}"
        name = log_export.file_name(self.ctx.app, log, kind)
        filters = (
            self.tr("PDF-Dokument (*.pdf)") if kind == "pdf" else self.tr("CSV-Tabelle (*.csv)")
        )
        path, _f = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), filters)
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        settings.remember("protocol_dir", str(target.parent))
        return target

    def write(self, work: Callable[[], int], target: Path) -> Task:
        self.message.setText(self.tr("Die Datei wird geschrieben …"))
        self._working(True)

        def written(count: int) -> None:
            self.task = None
            self._working(False)
            self.message.setText(
                self.tr("Gespeichert: {path} – Einträge: {n}, nicht verschlüsselt.").format(
                    path=target, n=fmt_int(count)
                )
            )
            emit(self.changed)

        def failed(error: BaseException) -> None:
            self.task = None
            self._working(False)
            if isinstance(error, VielfaltError):
                text = error_text(error)
            elif isinstance(error, OSError):
                text = error.strerror or type(error).__name__
            else:
                text = type(error).__name__
            self.message.setText(self.tr("Nicht gespeichert: {message}").format(message=text))

        self.task = run_task(work, done=written, failed=failed)
        return self.task

    def _working(self, on: bool) -> None:
        self.busy.setVisible(on)
        for button in self.export_buttons():
            button.setEnabled(not on)
