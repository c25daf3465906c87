"""Counts for `stats` and the overview screen."""

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


class StatsService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def counts(self) -> dict[str, int]:
        with self.store.read() as conn:
            return {
                key: repo.count_records(conn, kind, Query()) for key, kind in COUNT_KEYS.items()
            }
