"""The bundle ledger and the conflict log: what was exchanged, and what a merge overwrote.

The one owner of both tables. The ledger holds every bundle written or applied here, known
per sender (and per recipient for our own): a bundle id seen again from the same device is
a no-op, and no device can claim another's ids in advance. The conflict log keeps the losing
value of a concurrent edit of one field for the coordinator to review; retention empties it
after the shortest note period. Every function works inside the caller's connection or
transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, func, select, update

from vielfalt_desktop.store.models import CONFLICT_LOG_TABLE, LEDGER_TABLE
from vielfalt_desktop.sync.bundle import Header


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    bundle_id: str
    direction: str
    peer_name: str
    seq: int
    processed_at: str
    records: int
    changed: int
    file_name: str


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    id: int
    entity: str
    record_id: str
    field: str
    kept_value: str
    lost_value: str
    logged_at: str
    reviewed: bool


# --- bundles --------------------------------------------------------------------------------


def known_ids(conn: Connection, peer_id: str) -> frozenset[str]:
    """The ids of the bundles exchanged with ``peer_id`` (sent to it or applied from it)."""
    stmt = select(LEDGER_TABLE.c.bundle_id).where(LEDGER_TABLE.c.peer_id == peer_id)
    return frozenset(conn.execute(stmt).scalars())


def is_known(conn: Connection, peer_id: str, bundle_id: str) -> bool:
    stmt = select(LEDGER_TABLE.c.bundle_id).where(
        LEDGER_TABLE.c.peer_id == peer_id, LEDGER_TABLE.c.bundle_id == bundle_id
    )
    return conn.execute(stmt).first() is not None


def record(
    conn: Connection,
    header: Header,
    direction: str,
    *,
    processed_at: str,
    changed: int,
    file_name: str,
) -> None:
    """Note a bundle: ``direction`` "out" (we wrote it, for its recipient) or "in" (we
    applied it, from its sender); ``changed``: how many records it changed here."""
    conn.execute(
        LEDGER_TABLE.insert().values(
            bundle_id=header.bundle_id,
            direction=direction,
            peer_id=header.recipient if direction == "out" else header.sender,
            seq=header.seq,
            created=header.created,
            processed_at=processed_at,
            since_rev=header.since,
            upto_rev=header.upto,
            records=sum(header.counts.values()),
            changed=changed,
            file_name=file_name,
        )
    )


def history(conn: Connection, names: Mapping[str, str], limit: int = 200) -> list[LedgerEntry]:
    """The latest bundles first; ``names``: peer names by node id ("?" for others)."""
    stmt = select(LEDGER_TABLE).order_by(LEDGER_TABLE.c.processed_at.desc()).limit(limit)
    return [
        LedgerEntry(
            r.bundle_id,
            r.direction,
            names.get(r.peer_id) or "?",
            r.seq,
            r.processed_at,
            r.records,
            r.changed,
            r.file_name,
        )
        for r in conn.execute(stmt)
    ]


@dataclass(frozen=True, slots=True)
class Exchange:
    """When bundles last went between this device and one peer (stored ISO times, or None)."""

    last_in: str | None  # its latest bundle applied here
    last_out: str | None  # our latest bundle written for it


def exchanges(conn: Connection) -> dict[str, Exchange]:
    """Per peer node id, the latest bundle applied from it and written for it."""
    t = LEDGER_TABLE
    stmt = select(t.c.peer_id, t.c.direction, func.max(t.c.processed_at)).group_by(
        t.c.peer_id, t.c.direction
    )
    latest: dict[str, dict[str, str]] = {}
    for peer_id, direction, at in conn.execute(stmt):
        latest.setdefault(peer_id, {})[direction] = at
    return {
        peer_id: Exchange(times.get("in"), times.get("out")) for peer_id, times in latest.items()
    }


def confirmed_at(conn: Connection, peer_id: str, acked_rev: int) -> str | None:
    """When we wrote the latest bundle for ``peer_id`` that it has confirmed in full (one that
    carried nothing after ``acked_rev``); None if it confirmed none of ours."""
    if acked_rev <= 0:
        return None
    t = LEDGER_TABLE
    stmt = select(func.max(t.c.created)).where(
        t.c.peer_id == peer_id, t.c.direction == "out", t.c.upto_rev <= acked_rev
    )
    value = conn.execute(stmt).scalar_one()
    return None if value is None else str(value)


# --- conflict log ---------------------------------------------------------------------------


def conflicts(conn: Connection, *, include_reviewed: bool = False) -> list[ConflictEntry]:
    """Logged conflicts, the latest first; by default only those not yet reviewed."""
    table = CONFLICT_LOG_TABLE
    stmt = select(table).order_by(table.c.id.desc())
    if not include_reviewed:
        stmt = stmt.where(table.c.reviewed.is_(False))
    return [
        ConflictEntry(
            r.id,
            r.entity,
            r.record_id,
            r.field,
            r.kept_value,
            r.lost_value,
            r.logged_at,
            r.reviewed,
        )
        for r in conn.execute(stmt)
    ]


def mark_reviewed(conn: Connection, entry_id: int) -> None:
    table = CONFLICT_LOG_TABLE
    conn.execute(update(table).where(table.c.id == entry_id).values(reviewed=True))


def log_conflict(
    conn: Connection,
    kind: str,
    record_id: str,
    field: str,
    kept: Any,
    kept_stamp: list[Any],
    lost: Any,
    lost_stamp: list[Any],
    bundle_id: str,
    now: str,
) -> None:
    """Append the losing value of a concurrent edit, once per (record, field, lost stamp)."""
    lost_key = f"{lost_stamp[0]}:{lost_stamp[1]}"
    table = CONFLICT_LOG_TABLE
    already = conn.execute(
        select(table.c.id).where(
            and_(
                table.c.record_id == record_id,
                table.c.field == field,
                table.c.lost_stamp == lost_key,
            )
        )
    ).first()
    if already is not None:
        return
    conn.execute(
        table.insert().values(
            entity=kind,
            record_id=record_id,
            field=field,
            kept_value=json.dumps(kept, ensure_ascii=False),
            kept_stamp=f"{kept_stamp[0]}:{kept_stamp[1]}",
            lost_value=json.dumps(lost, ensure_ascii=False),
            lost_stamp=lost_key,
            bundle_id=bundle_id,
            logged_at=now,
            reviewed=False,
        )
    )


def purge_conflicts(conn: Connection, before: dt.date, *, dry_run: bool = False) -> int:
    """Drop conflict-log entries logged before ``before`` (they may hold notes); how many."""
    table = CONFLICT_LOG_TABLE
    old = table.c.logged_at < before.isoformat()
    count = int(conn.execute(select(func.count()).where(old)).scalar_one())
    if count and not dry_run:
        conn.execute(delete(table).where(old))
    return count
