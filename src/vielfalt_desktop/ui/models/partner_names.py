"""Partner names for list cells, looked up once per partner and then cached."""

from __future__ import annotations

from vielfalt_desktop.domain.errors import NotFound
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.records import RecordService


class PartnerNames:
    def __init__(self, records: RecordService) -> None:
        self._records = records
        self._names: dict[str, str] = {}

    def __call__(self, partner_id: str) -> str:
        if not partner_id:
            return ""
        name = self._names.get(partner_id)
        if name is None:
            try:
                name = self._records.get(Partner, partner_id).name
            except NotFound:
                name = "–"
            self._names[partner_id] = name
        return name

    def forget(self) -> None:
        self._names.clear()
