"""The Konflikte list."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vielfalt_desktop.domain.records import Conflict
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.context import Labels
from vielfalt_desktop.ui.i18n import fmt_date, translate
from vielfalt_desktop.ui.models.paged_model import Column, PagedRecordModel


def conflict_model(
    records: RecordService, labels: Labels, parent: QObject | None = None
) -> PagedRecordModel[Conflict]:
    c = labels.code
    columns: list[Column[Conflict]] = [
        Column(translate("Spalten", "Gemeldet am"), lambda r: fmt_date(r.opened), "opened"),
        Column(translate("Spalten", "Stadtteil"), lambda r: c("district", r.district), "district"),
        Column(translate("Spalten", "Ort"), lambda r: c("place_type", r.place_type), "place_type"),
        Column(
            translate("Spalten", "Konfliktthemen"),
            lambda r: labels.codes("conflict_category", r.categories),
        ),
        Column(
            translate("Spalten", "Stufe"),
            lambda r: c("escalation_stage", r.escalation),
            "escalation",
        ),
        Column(translate("Spalten", "Status"), lambda r: c("conflict_status", r.status), "status"),
        Column(translate("Spalten", "Abgeschlossen"), lambda r: fmt_date(r.closed), "closed"),
    ]
    return PagedRecordModel(records, Conflict, columns, parent)
