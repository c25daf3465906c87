"""The Kontakte list."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.context import Labels
from vielfalt_desktop.ui.i18n import fmt_date, translate
from vielfalt_desktop.ui.models.paged_model import Column, PagedRecordModel


def contact_model(
    records: RecordService, labels: Labels, parent: QObject | None = None
) -> PagedRecordModel[Contact]:
    c = labels.code
    columns: list[Column[Contact]] = [
        Column(translate("Spalten", "Datum"), lambda r: fmt_date(r.date), "date"),
        Column(translate("Spalten", "Stadtteil"), lambda r: c("district", r.district), "district"),
        Column(translate("Spalten", "Setting"), lambda r: c("setting", r.setting), "setting"),
        Column(translate("Spalten", "Themen"), lambda r: labels.codes("topic", r.topics)),
        Column(
            translate("Spalten", "Zielgruppe"),
            lambda r: c("target_group", r.target_group),
            "target_group",
        ),
        Column(translate("Spalten", "Alter"), lambda r: c("age_band", r.age_band), "age_band"),
        Column(translate("Spalten", "Geschlecht"), lambda r: c("gender", r.gender), "gender"),
        Column(translate("Spalten", "Pseudonym"), lambda r: r.pseudonym or "", "pseudonym"),
        Column(
            translate("Spalten", "Minuten"),
            lambda r: str(r.duration_min),
            "duration_min",
            numeric=True,
        ),
        Column(translate("Spalten", "Wiedervorlage"), lambda r: fmt_date(r.follow_up), "follow_up"),
    ]
    return PagedRecordModel(records, Contact, columns, parent)
