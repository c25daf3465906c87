"""The audit trail as a table, fed page by page from AuditService (see :class:`PagedModel`).

Filters change the model's :class:`AuditFilter`, so they run in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from vielfalt_desktop.services.audit import AuditFilter, AuditRow, AuditService
from vielfalt_desktop.ui.i18n import fmt_int, fmt_stamp, translate
from vielfalt_desktop.ui.models.paged_model import Column, PagedModel
from vielfalt_desktop.ui.models.privacy_labels import (
    action_label,
    action_labels,
    detail_labels,
    kind_label,
    kind_labels,
)


def audit_columns() -> list[Column[AuditRow]]:
    actions, kinds, details = action_labels(), kind_labels(), detail_labels()

    def note(entry: AuditRow) -> str:
        if entry.detail and entry.action == "export":
            return translate("Datenschutz", "an {name}").format(name=entry.detail)
        if entry.detail and entry.action == "import":
            return translate("Datenschutz", "von {name}").format(name=entry.detail)
        return details.get(entry.detail, entry.detail)

    return [
        Column(translate("Spalten", "Zeitpunkt"), lambda e: fmt_stamp(e.at)),
        Column(translate("Spalten", "Gerät"), lambda e: e.node_name),
        Column(translate("Spalten", "Aktion"), lambda e: action_label(e.action, actions)),
        Column(translate("Spalten", "Art"), lambda e: kind_label(e.record_kind, kinds)),
        Column(translate("Spalten", "Kennung"), lambda e: e.record_id or ""),
        Column(translate("Spalten", "Anzahl"), lambda e: fmt_int(e.count), numeric=True),
        Column(translate("Spalten", "Hinweis"), note),
    ]


class AuditModel(PagedModel[AuditRow, AuditFilter]):
    def __init__(
        self, audit: AuditService, parent: QObject | None = None, *, page_size: int | None = None
    ) -> None:
        super().__init__(
            audit_columns(),
            AuditFilter(),
            count=audit.count,
            page=audit.entries,
            is_open=lambda: audit.is_open,
            parent=parent,
            page_size=page_size,
        )

    @property
    def filter(self) -> AuditFilter:
        return self._where

    def set_filter(self, where: AuditFilter) -> None:
        self.set_where(where)

    def entry(self, row: int) -> AuditRow | None:
        return self.row_at(row)
