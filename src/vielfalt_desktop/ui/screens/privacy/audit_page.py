"""Prüfprotokoll: who did what, when, to which record (only its id, never what it said),
filtered by device, action, kind, period and record id, read lazily in pages; saved as PDF or
CSV. At the coordinator it holds the laptops' entries too.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.audit import ACTIONS
from vielfalt_desktop.services import log_export
from vielfalt_desktop.services.audit import AuditFilter
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import fmt_int
from vielfalt_desktop.ui.models.audit_model import AuditModel
from vielfalt_desktop.ui.models.privacy_labels import (
    action_label,
    action_labels,
    kind_label,
    kind_labels,
)
from vielfalt_desktop.ui.screens.privacy.log_page import LogPage, size_columns, tabular
from vielfalt_desktop.ui.tasks import Task
from vielfalt_desktop.ui.widgets.filter_bar import period_fields, period_range

# Record kinds one can filter the audit trail by, in this order.
FILTER_KINDS = (
    "contact",
    "referral",
    "referral_status",
    "conflict",
    "intervention",
    "event",
    "partner",
    "vocab_entry",
    "retention_policy",
    "audit",
    "deletion_log",
)


class AuditPage(LogPage):
    """Prüfprotokoll: filters, the lazily paged table, export as PDF or CSV."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AuditModel(ctx.app.audit, self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.reload)

        self.device = QComboBox()
        self.device.setAccessibleName(self.tr("Gerät"))
        self.device.addItem(self.tr("Alle Geräte"), None)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Aktion"))
        self.action.setMaxVisibleItems(20)
        self.action.addItem(self.tr("Alle Aktionen"), None)
        actions = action_labels()
        for code in ACTIONS:
            self.action.addItem(action_label(code, actions), code)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Art der Einträge"))
        self.kind.setMaxVisibleItems(20)
        self.kind.setMinimumContentsLength(24)
        self.kind.addItem(self.tr("Alle Arten"), None)
        kinds = kind_labels()
        for code in FILTER_KINDS:
            self.kind.addItem(kind_label(code, kinds), code)
        self.period, self.date_from, self.range_label, self.date_to = period_fields(ctx.today())
        self.record_id = QLineEdit()
        self.record_id.setAccessibleName(self.tr("Kennung eines Eintrags"))
        self.record_id.setPlaceholderText(self.tr("vollständige Kennung eines Eintrags"))
        self.record_id.setClearButtonEnabled(True)
        self.record_id.setMinimumWidth(200)
        self.reset_button = QPushButton(self.tr("Zurücksetzen"))
        self.reset_button.setAccessibleName(self.tr("Filter zurücksetzen"))
        self.reset_button.setAutoDefault(False)

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setHorizontalSpacing(8)
        for row, column, text, widget in (
            (0, 0, self.tr("&Gerät:"), self.device),
            (0, 2, self.tr("A&ktion:"), self.action),
            (0, 4, self.tr("Ar&t:"), self.kind),
            (1, 0, self.tr("&Zeitraum:"), self.period),
            (1, 4, self.tr("K&ennung:"), self.record_id),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            filters.addWidget(caption, row, column)
        filters.addWidget(self.device, 0, 1)
        filters.addWidget(self.action, 0, 3)
        filters.addWidget(self.kind, 0, 5, Qt.AlignmentFlag.AlignLeft)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.date_from)
        dates.addWidget(self.range_label)
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        filters.addWidget(self.period, 1, 1)
        filters.addLayout(dates, 1, 2, 1, 2)
        filters.addWidget(self.record_id, 1, 5)
        filters.addWidget(self.reset_button, 1, 6)
        filters.setColumnStretch(5, 1)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Prüfprotokoll"))
        tabular(self.view)
        samples = [
            "24.11.2026 10:00",
            ctx.app.device.name,
            max(actions.values(), key=len),
            kind_label("retention_policy", kinds),
            "00000000-0000-0000-0000-000000000000",
            self.tr("Anzahl"),
        ]
        size_columns(self.view, samples)
        self.view.activated.connect(self._row_activated)
        self.view.doubleClicked.connect(self._row_activated)
        self._device_width = 0
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Anzahl der Einträge"))
        tip = QLabel(
            self.tr("Doppelklick auf eine Zeile zeigt alle Einträge zu derselben Kennung.")
        )
        tip.setEnabled(False)
        self.empty_label = QLabel(self.tr("Keine Einträge für diese Filter."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        self.empty_label.setVisible(False)

        self.pdf_button = QPushButton(self.tr("Als P&DF speichern …"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(self.tr("Als &CSV speichern …"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        note = QLabel(
            self.tr(
                "Hinweis: Exportierte PDF- und CSV-Dateien sind nicht verschlüsselt. Sie "
                "enthalten keine Inhalte, aber Kennungen, Gerätenamen und Zeitpunkte. Gespeichert "
                "wird, was die Filter zeigen. Bitte nur auf dienstlichen Laufwerken ablegen."
            )
        )
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addSpacing(16)
        bottom.addWidget(tip)
        bottom.addStretch(1)
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(self.csv_button)
        layout.addLayout(bottom)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(note)

        order: list[QWidget] = [
            self.device,
            self.action,
            self.kind,
            self.period,
            self.date_from,
            self.date_to,
            self.record_id,
            self.reset_button,
            self.view,
            self.pdf_button,
            self.csv_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        for combo in (self.device, self.action, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(lambda _d: self._debounce.start())
        self.date_to.dateChanged.connect(lambda _d: self._debounce.start())
        self.record_id.textChanged.connect(lambda _t: self._debounce.start())
        self.record_id.returnPressed.connect(self.reload)
        self.reset_button.clicked.connect(self.reset)
        self.model.total_changed.connect(lambda _n: self._show_count())
        self._show_range(False)

    def export_buttons(self) -> list[QPushButton]:
        return [self.pdf_button, self.csv_button]

    # --- filters ------------------------------------------------------------------------

    def _show_range(self, on: bool) -> None:
        for widget in (self.date_from, self.range_label, self.date_to):
            widget.setVisible(on)

    def _period_changed(self, _index: int) -> None:
        self._show_range(self.period.currentData() == "custom")
        self.reload()

    def current_filter(self) -> AuditFilter:
        period = self.period.currentData()
        if period == "custom":
            date_from: dt.date | None = self.date_from.value()
            date_to: dt.date | None = self.date_to.value()
        else:
            date_from, date_to = period_range(period, self.ctx.today())
        return AuditFilter(
            node_id=self.device.currentData(),
            action=self.action.currentData(),
            record_kind=self.kind.currentData(),
            record_id=self.record_id.text().strip() or None,
            date_from=date_from,
            date_to=date_to,
        )

    def reset(self) -> None:
        widgets = (self.device, self.action, self.kind, self.period, self.record_id)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.device, self.action, self.kind, self.period):
            combo.setCurrentIndex(0)
        self.record_id.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self._show_range(False)
        self.reload()

    def _row_activated(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None and entry.record_id and self.record_id.text() != entry.record_id:
            self.record_id.setText(entry.record_id)
            self.reload()

    def _refresh_devices(self) -> None:
        chosen = self.device.currentData()
        app = self.ctx.app
        names = app.audit.node_names()
        device = app.device
        own = device.node_id
        self.device.blockSignals(True)
        self.device.clear()
        self.device.addItem(self.tr("Alle Geräte"), None)
        self.device.addItem(
            self.tr("{name} (dieses Gerät)").format(name=names.get(own, device.name)),
            own,
        )
        for node_id, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            if node_id != own:
                self.device.addItem(name, node_id)
        self.device.setCurrentIndex(max(0, self.device.findData(chosen)))
        self.device.blockSignals(False)
        metrics = self.view.fontMetrics()
        width = min(max(metrics.horizontalAdvance(n) for n in names.values()) + 24, 240)
        if width > self._device_width:
            self._device_width = width
            self.view.horizontalHeader().resizeSection(1, width)

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.ctx.app.is_open:
            return  # a late timer after locking
        self._debounce.stop()
        self._refresh_devices()
        self.model.set_filter(self.current_filter())
        if self.model.canFetchMore():
            self.model.fetchMore()

    def _show_count(self) -> None:
        total = self.model.total
        if self.model.filter == AuditFilter():
            text = (
                self.tr("1 Eintrag")
                if total == 1
                else self.tr("{n} Einträge").format(n=fmt_int(total))
            )
        else:
            everything = self.ctx.app.audit.count()
            text = self.tr("{n} von {m} Einträgen").format(n=fmt_int(total), m=fmt_int(everything))
        self.count_label.setText(text)
        self.empty_label.setVisible(total == 0)
        has = total > 0 and self.task is None
        self.pdf_button.setEnabled(has)
        self.csv_button.setEnabled(has)

    # --- export -------------------------------------------------------------------------

    def export(self, kind: str) -> Task | None:
        if self.task is not None:
            return None
        target = self.ask_path(self.tr("Prüfprotokoll speichern (unverschlüsselt)"), "audit", kind)
        if target is None:
            return None
        app, where = self.ctx.app, self.model.filter
        write = log_export.write_audit_pdf if kind == "pdf" else log_export.write_audit_csv
        return self.write(lambda: write(app, target, where), target)

    # --- state across locking -----------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "device": self.device.currentData(),
            "action": self.action.currentIndex(),
            "kind": self.kind.currentIndex(),
            "period": self.period.currentIndex(),
            "range": (self.date_from.value(), self.date_to.value()),
            "record_id": self.record_id.text(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        widgets = (self.action, self.kind, self.period, self.record_id, self.date_from)
        for widget in (*widgets, self.date_to):
            widget.blockSignals(True)
        self._refresh_devices()
        self.device.setCurrentIndex(max(0, self.device.findData(state.get("device"))))
        self.action.setCurrentIndex(state.get("action", 0))
        self.kind.setCurrentIndex(state.get("kind", 0))
        self.period.setCurrentIndex(state.get("period", 0))
        if "range" in state:
            self.date_from.set_value(state["range"][0])
            self.date_to.set_value(state["range"][1])
        self.record_id.setText(state.get("record_id", ""))
        for widget in (*widgets, self.date_to):
            widget.blockSignals(False)
        self._show_range(self.period.currentData() == "custom")
