"""The Veranstaltungen list."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vielfalt_desktop.domain.records import Event
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.context import Labels
from vielfalt_desktop.ui.i18n import fmt_date, translate
from vielfalt_desktop.ui.models.paged_model import Column, PagedRecordModel


def event_model(
    records: RecordService, labels: Labels, parent: QObject | None = None
) -> PagedRecordModel[Event]:
    c = labels.code
    columns: list[Column[Event]] = [
        Column(translate("Spalten", "Datum"), lambda r: fmt_date(r.date), "date"),
        Column(translate("Spalten", "Titel"), lambda r: r.title, "title"),
        Column(translate("Spalten", "Art"), lambda r: c("event_kind", r.event_kind), "event_kind"),
        Column(translate("Spalten", "Stadtteil"), lambda r: c("district", r.district), "district"),
        Column(
            translate("Spalten", "Teilnehmende"),
            lambda r: str(r.participants_total),
            "participants_total",
            numeric=True,
        ),
        Column(
            translate("Spalten", "davon Drittstaatsangehörige"),
            lambda r: str(r.participants_third_country),
            "participants_third_country",
            numeric=True,
        ),
        Column(translate("Spalten", "Interessen"), lambda r: labels.codes("interest", r.interests)),
    ]
    return PagedRecordModel(records, Event, columns, parent)
