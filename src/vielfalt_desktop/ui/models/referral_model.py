"""The Verweise list."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vielfalt_desktop.domain.records import Referral
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.context import Labels
from vielfalt_desktop.ui.i18n import fmt_date, translate
from vielfalt_desktop.ui.models.paged_model import Column, PagedRecordModel
from vielfalt_desktop.ui.models.partner_names import PartnerNames


def referral_model(
    records: RecordService,
    labels: Labels,
    partner_name: PartnerNames,
    parent: QObject | None = None,
) -> PagedRecordModel[Referral]:
    c = labels.code
    columns: list[Column[Referral]] = [
        Column(translate("Spalten", "Datum"), lambda r: fmt_date(r.date), "date"),
        Column(translate("Spalten", "Partnerorganisation"), lambda r: partner_name(r.partner_id)),
        Column(translate("Spalten", "Thema"), lambda r: c("topic", r.topic), "topic"),
        Column(
            translate("Spalten", "Art"),
            lambda r: c("referral_kind", r.referral_kind),
            "referral_kind",
        ),
        Column(translate("Spalten", "Status"), lambda r: c("referral_status", r.status), "status"),
        Column(translate("Spalten", "Wiedervorlage"), lambda r: fmt_date(r.follow_up), "follow_up"),
    ]
    return PagedRecordModel(records, Referral, columns, parent)
