"""Quick record counts: how many contacts, referrals, … the store holds (`vielfalt stats`).

Plain totals of everything stored, for the command line and the tests. Not the coordinator's
report — that is :mod:`vielfalt_desktop.services.report_export`, with small-cell protection.
"""

from __future__ import annotations

from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.store import repository as repo
from vielfalt_desktop.store.database import Store

# Plural keys, as in the command-line contract.
COUNT_KEYS = {
    "contacts": "contact",
    "referrals": "referral",
    "conflicts": "conflict",
    "interventions": "intervention",
    "events": "event",
    "partners": "partner",
}


class CountService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def counts(self) -> dict[str, int]:
        with self.store.read() as conn:
            return {
                key: repo.count_records(conn, kind, Query()) for key, kind in COUNT_KEYS.items()
            }
