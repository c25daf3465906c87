"""Demo records in memory: :func:`generate` for tests and benchmarks, :func:`directory` for a
coordinator's partner directory, and the batches :func:`~vielfalt_desktop.demo.writer.fill`
writes.

The same ``(contacts, seed, today)`` and vocabularies give the same records, ids included:
every draw comes from one :class:`~vielfalt_desktop.demo.draw.Draw` in a fixed order
(partners, events, then per batch the contacts, referrals and conflicts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from vielfalt_desktop.demo.cases import Cases
from vielfalt_desktop.demo.draw import Draw
from vielfalt_desktop.demo.partners import PartnerIndex, make_partners
from vielfalt_desktop.demo.people import People
from vielfalt_desktop.demo.weights import (
    CONFLICTS_PER_CONTACT,
    EVENTS_PER_CONTACT,
    MIN_EVENTS,
    PARTNERS_PER_CONTACT,
    REFERRALS_PER_CONTACT,
    share,
)
from vielfalt_desktop.domain.records import Partner, Record
from vielfalt_desktop.domain.vocab import Vocabularies

#: Contacts per batch (each batch also holds their referrals, conflicts, interventions).
CHUNK = 10_000


def batches(
    vocab: Vocabularies,
    today: dt.date,
    contacts: int,
    seed: int,
    id_salt: str = "",
    directory: Sequence[Partner] | None = None,
) -> Iterator[tuple[int, list[Record]]]:
    """Batches of records, each with the number of contacts it holds.

    The first batch holds the partners and events; each later one ``CHUNK`` contacts with
    their referrals (and status histories), plus a share of the conflicts (with interventions).
    With ``directory`` (a laptop's partners) no partners are generated and referrals and
    events refer to those; an empty directory gives no referrals.
    """
    if contacts < 1:
        raise ValueError("Für Demodaten braucht es mindestens einen Kontakt.")
    draw = Draw(vocab, today, seed, id_salt)
    made_partners: list[Partner] = []
    if directory is None:
        made_partners, index = make_partners(draw, round(contacts * PARTNERS_PER_CONTACT))
    else:
        index = PartnerIndex(directory)
    people = People(draw)
    cases = Cases(draw, index)
    total_referrals = max(1, round(contacts * REFERRALS_PER_CONTACT)) if index else 0
    total_conflicts = max(1, round(contacts * CONFLICTS_PER_CONTACT))
    total_events = max(MIN_EVENTS, round(contacts * EVENTS_PER_CONTACT))

    events = [cases.event() for _ in range(total_events)]
    events.sort(key=lambda e: e.date)
    yield 0, [*made_partners, *events]

    for start in range(0, contacts, CHUNK):
        end = min(contacts, start + CHUNK)
        batch: list[Record] = []
        made = [people.contact() for _ in range(end - start)]
        made.sort(key=lambda c: c.date)
        batch += made
        for _ in range(share(total_referrals, start, end, contacts)):
            batch += cases.referral(draw.rng.choice(made))
        for _ in range(share(total_conflicts, start, end, contacts)):
            batch += cases.conflict()
        yield end - start, batch


def directory(vocab: Vocabularies, today: dt.date, contacts: int, seed: int) -> list[Partner]:
    """The partner directory a coordinator would keep for ``contacts`` contacts (only that),
    e.g. to send to a laptop before its :func:`~vielfalt_desktop.demo.writer.fill`."""
    draw = Draw(vocab, today, seed, "directory")
    partners, _index = make_partners(draw, round(contacts * PARTNERS_PER_CONTACT))
    return partners


def generate(vocab: Vocabularies, today: dt.date, contacts: int, seed: int) -> list[Record]:
    """All demo records for ``contacts`` contacts; the same arguments give the same records.

    Order: partners, events, then per batch of contacts the contacts, referrals with their
    status steps, conflicts with their interventions (parents before children).
    """
    records: list[Record] = []
    for _count, batch in batches(vocab, today, contacts, seed):
        records += batch
    return records
