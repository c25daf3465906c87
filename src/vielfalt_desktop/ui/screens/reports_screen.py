"""Berichte: a period and an area, a preview of the key numbers, PDF/CSV export.

The numbers are computed off the UI thread (a large store takes a moment) by the report
service (``vielfalt_desktop.services.report_export``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.services import report_export
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text
from vielfalt_desktop.ui.screens.base import Screen, heading
from vielfalt_desktop.ui.tasks import Task, run_task
from vielfalt_desktop.ui.widgets.busy import busy_bar
from vielfalt_desktop.ui.widgets.code_inputs import district_choices
from vielfalt_desktop.ui.widgets.date_fields import DateField

PERIODS = ("year", "last_year", "half1", "half2", "quarter", "month", "last_month", "custom")


def period_of(code: str, today: dt.date) -> tuple[dt.date, dt.date]:
    year = today.year
    if code == "last_year":
        return dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31)
    if code == "half1":
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if code == "half2":
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    if code == "quarter":
        current = (today.month - 1) // 3
        start_year, quarter = (year, current - 1) if current else (year - 1, 3)
        start = dt.date(start_year, quarter * 3 + 1, 1)
        end_month = start.month + 2
        following = dt.date(start_year + (end_month == 12), end_month % 12 + 1, 1)
        return start, following - dt.timedelta(days=1)
    if code == "month":
        return today.replace(day=1), today
    if code == "last_month":
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    return dt.date(year, 1, 1), today


class ReportsScreen(Screen):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: Any = None
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Berichte")))
        today = ctx.today()
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Berichtszeitraum"))
        for code, label in zip(
            PERIODS,
            (
                self.tr("Dieses Jahr bis heute"),
                self.tr("Letztes Jahr"),
                self.tr("1. Halbjahr"),
                self.tr("2. Halbjahr"),
                self.tr("Letztes Quartal"),
                self.tr("Dieser Monat"),
                self.tr("Letzter Monat"),
                self.tr("Frei wählen"),
            ),
            strict=True,
        ):
            self.period.addItem(label, code)
        self.date_from = DateField(today.replace(month=1, day=1))
        self.date_from.setAccessibleName(self.tr("Von"))
        self.date_to = DateField(today)
        self.date_to.setAccessibleName(self.tr("Bis"))
        self.area = QComboBox()
        self.area.setAccessibleName(self.tr("Gebiet"))
        self.area.setMaxVisibleItems(25)
        self.area.addItem(self.tr("Ganze Stadt"), None)
        for group in ctx.vocab.districts.groups:
            if ctx.vocab.districts.in_group(group.code):
                self.area.addItem("▸ " + group.label(ctx.lang), group.code)
        self.area.insertSeparator(self.area.count())
        for code, label in district_choices(ctx.vocab, ctx.lang):
            self.area.addItem(label, code)
        self.threshold = QSpinBox()
        self.threshold.setRange(3, 20)
        self.threshold.setValue(report_export.DEFAULT_THRESHOLD)
        self.threshold.setAccessibleName(self.tr("Kleine Zahlen verbergen bis"))
        self.threshold.setMaximumWidth(90)
        self.area.setMaximumWidth(420)
        self.compute_button = QPushButton(self.tr("&Vorschau berechnen"))
        self.compute_button.clicked.connect(self.compute)
        self.pdf_button = QPushButton(self.tr("Als &PDF speichern …"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(self.tr("Als &CSV speichern …"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.busy = busy_bar(self.tr("Bericht wird berechnet"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        choose = QGroupBox(self.tr("Zeitraum und Gebiet"))
        form = QFormLayout(choose)
        dates = QHBoxLayout()
        dates.addWidget(self.period, 1)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("bis")))
        dates.addWidget(self.date_to)
        period_label = QLabel(self.tr("&Zeitraum:"))
        period_label.setBuddy(self.period)
        form.addRow(period_label, dates)
        form.addRow(self.tr("&Gebiet:"), self.area)
        form.addRow(self.tr("&Kleine Zahlen verbergen bis:"), self.threshold)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        form.addRow("", buttons)
        form.addRow("", self.busy)

        self.preview = QTableWidget(0, 2)
        self.preview.setHorizontalHeaderLabels([self.tr("Kennzahl"), self.tr("Wert")])
        self.preview.setAccessibleName(self.tr("Vorschau der Kennzahlen"))
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 220)
        header.setStretchLastSection(False)
        self.preview.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        note = QLabel(
            self.tr(
                "Hinweis: Exportierte PDF- und CSV-Dateien sind nicht verschlüsselt. Sie "
                "enthalten nur zusammengefasste Zahlen; Werte von 1 bis zur gewählten Grenze "
                "sind als „.“ verborgen. Bitte trotzdem nur auf dienstlichen Laufwerken ablegen."
            )
        )
        note.setWordWrap(True)
        preview_box = QGroupBox(self.tr("Vorschau"))
        inner = QVBoxLayout(preview_box)
        inner.addWidget(self.preview, 1)
        inner.addWidget(self.message)
        layout.addWidget(choose)
        layout.addWidget(preview_box, 1)
        layout.addWidget(note)

        self.period.currentIndexChanged.connect(self._period_changed)
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(lambda _d: self._invalidate())
        self.area.currentIndexChanged.connect(lambda _i: self._invalidate())
        self.threshold.valueChanged.connect(lambda _v: self._invalidate())
        self._period_changed()

    def reload(self) -> None:
        """First visit: show this year's numbers right away (computed off the UI thread)."""
        if self.report is None and self.task is None:
            self.compute()

    # --- inputs -------------------------------------------------------------------------

    def _period_changed(self) -> None:
        code = self.period.currentData()
        custom = code == "custom"
        if not custom:
            start, end = period_of(code, self.ctx.today())
            self.date_from.set_value(start)
            self.date_to.set_value(end)
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self._invalidate()

    def _invalidate(self) -> None:
        self.report = None
        self.pdf_button.setEnabled(False)
        self.csv_button.setEnabled(False)

    def _working(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.compute_button.setEnabled(not on)
        has = self.report is not None and not on
        self.pdf_button.setEnabled(has)
        self.csv_button.setEnabled(has)

    # --- computing ----------------------------------------------------------------------

    def compute(self) -> Task | None:
        if self.task is not None:
            return None
        app = self.ctx.app
        area = self.area.currentData()
        args = (
            self.date_from.value(),
            self.date_to.value(),
            (area,) if area else (),
            self.threshold.value(),
        )
        self.message.setText(self.tr("Die Zahlen werden berechnet …"))
        self.report = None
        self._working(True)
        self.task = run_task(
            lambda: report_export.build_report(app, *args), done=self._computed, failed=self._failed
        )
        return self.task

    def _computed(self, report: Any) -> None:
        self.task = None
        self.report = report
        shown = report_export.preview(report)
        self.preview.setRowCount(len(shown))
        for row, (label, value) in enumerate(shown.items()):
            self.preview.setItem(row, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.preview.setItem(row, 1, item)
        # The signs of the PDF's Zeichenerklärung (reports.formatting.legend), same wording.
        self.message.setText(
            "\n".join(
                (
                    self.tr(
                        "„.“ = aus Datenschutzgründen verborgen (kleine Zahl oder daraus "
                        "ableitbar)."
                    ),
                    self.tr("„x“ = Aussage nicht sinnvoll (keine Fälle als Bezugsgröße)."),
                )
            )
        )
        self._working(False)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        if isinstance(error, VielfaltError):
            text = error_text(error)
        else:
            text = self.tr("Der Bericht konnte nicht erstellt werden ({kind}).").format(
                kind=type(error).__name__
            )
        self.message.setText(text)
        self._working(False)

    # --- export -------------------------------------------------------------------------

    def export(self, kind: str) -> Task | None:
        if self.report is None or self.task is not None:
            return None
        folder = self.ctx.settings.last("report_dir") or str(Path.home())
        suffix = ".pdf" if kind == "pdf" else ".csv"
        suggestion = str(Path(folder) / f"{report_export.file_stem(self.report)}{suffix}")
        filters = (
            self.tr("PDF-Dokument (*.pdf)") if kind == "pdf" else self.tr("CSV-Tabelle (*.csv)")
        )
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Bericht speichern (unverschlüsselt)"), suggestion, filters
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.ctx.settings.remember("report_dir", str(target.parent))
        write = report_export.write_pdf if kind == "pdf" else report_export.write_csv
        report = self.report
        self.message.setText(self.tr("Die Datei wird geschrieben …"))
        self._working(True)
        self.task = run_task(
            lambda: write(self.ctx.app, report, target),
            done=lambda _r: self._written(target),
            failed=self._failed,
        )
        return self.task

    def _written(self, path: Path) -> None:
        self.task = None
        self.message.setText(
            self.tr("Gespeichert: {path} (nicht verschlüsselt).").format(path=path)
        )
        self._working(False)
