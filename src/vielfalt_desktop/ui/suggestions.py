"""Partner suggestions for a contact's topics: one SQL query per topic, ranked here.

A partner scores two points for every topic of the contact it covers and one more if it
serves the contact's district. At most ``per_topic`` partners are read per topic, so this
stays small however large the directory grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.records import RecordService


@dataclass(frozen=True, slots=True)
class Suggestion:
    partner: Partner
    score: int
    topics: tuple[str, ...]
    serves_district: bool


def suggest_partners(
    records: RecordService,
    topics: Iterable[str],
    district: str | None = None,
    *,
    limit: int = 25,
    per_topic: int = 200,
) -> list[Suggestion]:
    found: dict[str, tuple[Partner, list[str]]] = {}
    for topic in dict.fromkeys(topics):
        query = Query(topic=topic, order_by="name", descending=False)
        for partner in records.page(Partner, query, 0, per_topic):
            found.setdefault(partner.id, (partner, []))[1].append(topic)
    ranked = []
    for partner, matched in found.values():
        serves = bool(district) and district in partner.districts
        ranked.append(Suggestion(partner, 2 * len(matched) + int(serves), tuple(matched), serves))
    ranked.sort(key=lambda s: (-s.score, s.partner.name.casefold()))
    return ranked[:limit]
