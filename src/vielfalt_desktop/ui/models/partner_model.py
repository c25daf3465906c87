"""The partner directory (Netzwerk)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.context import Labels
from vielfalt_desktop.ui.i18n import translate
from vielfalt_desktop.ui.models.paged_model import Column, PagedRecordModel


def partner_model(
    records: RecordService, labels: Labels, parent: QObject | None = None
) -> PagedRecordModel[Partner]:
    c = labels.code
    columns: list[Column[Partner]] = [
        Column(translate("Spalten", "Organisation"), lambda r: r.name, "name"),
        Column(
            translate("Spalten", "Art"), lambda r: c("partner_kind", r.partner_kind), "partner_kind"
        ),
        Column(translate("Spalten", "Themen"), lambda r: labels.codes("topic", r.topics)),
        Column(translate("Spalten", "Angebote"), lambda r: labels.codes("offer", r.offers)),
        Column(translate("Spalten", "Sprachen"), lambda r: labels.codes("language", r.languages)),
        Column(translate("Spalten", "Stadtteile"), lambda r: labels.codes("district", r.districts)),
    ]
    return PagedRecordModel(records, Partner, columns, parent)
