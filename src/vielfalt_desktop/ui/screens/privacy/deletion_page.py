"""Löschprotokoll: every run of a retention rule, with counts only (which kind of entries, how
many, when, after which rule, the cut-off day); saved as PDF.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.services import log_export
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import fmt_date, fmt_int, fmt_stamp
from vielfalt_desktop.ui.models.privacy_labels import (
    kind_label,
    kind_labels,
    rule_label,
    rule_labels,
)
from vielfalt_desktop.ui.screens.privacy.log_page import LogPage, tabular
from vielfalt_desktop.ui.tasks import Task


class DeletionLogPage(LogPage):
    """Löschprotokoll: every run of a retention rule, with counts only; export as PDF."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        hint = QLabel(
            self.tr(
                "Jede Zeile ist ein Lauf einer Aufbewahrungsregel: welche Art von Einträgen, wie "
                "viele, wann und nach welcher Regel. Stichtag: betroffen war, was vor diesem Tag "
                "lag. Das Protokoll enthält keine Inhalte."
            )
        )
        hint.setWordWrap(True)
        headers = [
            self.tr("Zeitpunkt"),
            self.tr("Gerät"),
            self.tr("Regel"),
            self.tr("Art der Einträge"),
            self.tr("Anzahl"),
            self.tr("Stichtag"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Löschprotokoll"))
        tabular(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.empty_label = QLabel(
            self.tr("Bisher wurde nach den Aufbewahrungsregeln nichts gelöscht.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        self.empty_label.setVisible(False)
        self.count_label = QLabel()
        self.pdf_button = QPushButton(self.tr("Als P&DF speichern …"))
        self.pdf_button.clicked.connect(self.export)
        note = QLabel(
            self.tr(
                "Hinweis: Die PDF-Datei ist nicht verschlüsselt. Sie enthält nur Anzahlen, keine "
                "Inhalte. Bitte nur auf dienstlichen Laufwerken ablegen."
            )
        )
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.pdf_button)
        layout.addLayout(bottom)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(note)
        QWidget.setTabOrder(self.table, self.pdf_button)

    def export_buttons(self) -> list[QPushButton]:
        return [self.pdf_button]

    def reload(self) -> None:
        if not self.ctx.app.is_open:
            return
        entries = self.ctx.app.retention.deletion_log()
        rules, kinds = rule_labels(), kind_labels()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                fmt_stamp(entry.at),
                entry.node_name,
                rule_label(entry.rule, rules),
                kind_label(entry.record_kind, kinds),
                fmt_int(entry.count),
                fmt_date(entry.cutoff) if entry.cutoff else "–",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not entries)
        self.count_label.setText(
            self.tr("1 Eintrag")
            if len(entries) == 1
            else self.tr("{n} Einträge").format(n=fmt_int(len(entries)))
        )
        self.pdf_button.setEnabled(self.task is None)

    def export(self) -> Task | None:
        if self.task is not None:
            return None
        target = self.ask_path(
            self.tr("Löschprotokoll speichern (unverschlüsselt)"), "deletion_log", "pdf"
        )
        if target is None:
            return None
        app = self.ctx.app
        return self.write(lambda: log_export.write_deletion_log_pdf(app, target), target)
