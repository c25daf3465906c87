"""The audit trail: who (which device) did what, when, to which record — never what it said.

Entries are appended inside the transaction of the action they describe, so an action and
its entry are saved together or not at all. The store refuses to change or delete them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, false, func, select

from vielfalt_desktop.domain.audit import ACTIONS, day_start, timestamp
from vielfalt_desktop.domain.errors import StoreLocked
from vielfalt_desktop.domain.records import AuditEntry
from vielfalt_desktop.fileio import atomic_write_text
from vielfalt_desktop.store import repository as repo
from vielfalt_desktop.store.database import QUICK, DataPaths, Store, StoreBusy, Write
from vielfalt_desktop.store.models import TABLE_BY_KIND
from vielfalt_desktop.sync import peers

FAILED_UNLOCKS = "entsperrversuche.json"
#: Unlocks whose audit entry could not be written yet (the store was busy until closing).
PENDING_UNLOCKS = "entsperrungen.json"
MAX_REMEMBERED_FAILURES = 1000


def log(
    write: Write,
    at: dt.datetime,
    action: str,
    record_kind: str = "",
    record_id: str | None = None,
    *,
    count: int = 1,
    detail: str = "",
) -> None:
    assert action in ACTIONS, action
    entry = AuditEntry(
        id=str(uuid.uuid4()),
        at=timestamp(at),
        action=action,
        record_kind=record_kind,
        record_id=record_id,
        count=count,
        detail=detail,
    )
    repo.insert_many(write, [entry])


# --- failed unlocks -------------------------------------------------------------------------
# A wrong passphrase cannot write into the store it fails to open. The attempt is noted
# (time only) beside it and moved into the audit trail at the next successful unlock.


def note_failed_unlock(paths: DataPaths, at: dt.datetime) -> None:
    # Noting the attempt must never stand in the way of the error message (OSError ignored).
    _note(paths.root / FAILED_UNLOCKS, at)


def _failed_unlocks(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [t for t in data if isinstance(t, str) and len(t) == 20][-MAX_REMEMBERED_FAILURES:]


def record_failed_unlock(store: Store) -> None:
    """A wrong passphrase or recovery key while the store is open (e.g. when changing the
    passphrase): logged at once. Locked meanwhile, it is noted beside the store instead."""
    now = store.clock.now()
    try:
        with store.write() as write:
            log(write, now, "unlock_failed")
    except (StoreLocked, StoreBusy):
        note_failed_unlock(store.paths, now)


#: The wait after the n-th wrong passphrase in a row: 1 s, 2 s, 4 s … at most 30 s (as the GUI).
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 30.0


def unlock_delay(failed: Sequence[str], now: dt.datetime) -> float:
    """Seconds still to wait before the next try, after the ``failed`` attempts noted.

    The wait grows with the number of attempts since the last unlock and runs from the latest
    one, so it holds across separate program runs. A noted time in the future (a clock set
    back) counts as now.
    """
    if not failed:
        return 0.0
    delay = float(min(MAX_DELAY_S, FIRST_DELAY_S * 2.0 ** min(len(failed) - 1, 16)))
    try:
        latest = dt.datetime.strptime(max(failed), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return delay
    since = max(0.0, (now - latest).total_seconds())
    return max(0.0, delay - since)


def failed_unlocks(paths: DataPaths) -> list[str]:
    """The failed attempts noted beside the store since the last unlock (oldest first)."""
    return _failed_unlocks(paths.root / FAILED_UNLOCKS)


def record_unlock(store: Store) -> None:
    """Log this unlock and the attempts noted beside the store since the last one.

    Unlocking must work while another program writes (a ``stats`` during an import): if the
    write lock is not free at once, the entries go into this program's next write, or, if it
    closes before writing, stay noted beside the store for the next unlock. Nothing is lost.
    """
    failed_path = store.paths.root / FAILED_UNLOCKS
    pending_path = store.paths.root / PENDING_UNLOCKS
    failed = _failed_unlocks(failed_path)
    pending = _failed_unlocks(pending_path)
    now = store.clock.now()

    def entries(write: Write) -> None:
        rows = [AuditEntry(id=str(uuid.uuid4()), at=at, action="unlock") for at in pending]
        rows += [AuditEntry(id=str(uuid.uuid4()), at=at, action="unlock_failed") for at in failed]
        if rows:
            repo.insert_many(write, rows)
        log(write, now, "unlock")

    def forget() -> None:
        _forget(failed_path, failed)
        _forget(pending_path, pending)

    def keep() -> None:
        _note(pending_path, now)

    try:
        with store.write(busy=QUICK) as write:
            entries(write)
    except StoreBusy:
        store.defer(entries, after=forget, fallback=keep)
        return
    forget()


def _note(path: Path, at: dt.datetime) -> None:
    try:
        times = _failed_unlocks(path)
        times.append(timestamp(at))
        atomic_write_text(path, json.dumps(times[-MAX_REMEMBERED_FAILURES:]), mode=0o600)
    except OSError:
        pass


def _forget(path: Path, moved: list[str]) -> None:
    """Drop the times now in the audit trail; keep any another program noted meanwhile."""
    if not moved:
        return
    rest = _failed_unlocks(path)
    for at in moved:
        if at in rest:
            rest.remove(at)
    try:
        if rest:
            atomic_write_text(path, json.dumps(rest), mode=0o600)
        elif path.exists():
            os.unlink(path)
    except OSError:
        pass


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditFilter:
    node_id: str | None = None
    action: str | None = None
    record_kind: str | None = None
    record_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: str
    at: str
    node_id: str
    node_name: str
    action: str
    record_kind: str
    record_id: str | None
    count: int
    detail: str

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)


class AuditService:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def is_open(self) -> bool:
        return self.store.is_open

    def node_names(self) -> dict[str, str]:
        """Device names by node id: this device and every trusted peer."""
        with self.store.read() as conn:
            names = peers.device_names(conn)
        return {**names, self.store.node_id: self.store.node_name}

    def _where(self, f: AuditFilter) -> list[ColumnElement[bool]]:
        t = TABLE_BY_KIND["audit"]
        where: list[ColumnElement[bool]] = [t.c.deleted == false()]
        if f.node_id:
            where.append(t.c.origin == f.node_id)
        if f.action:
            where.append(t.c.action == f.action)
        if f.record_kind:
            where.append(t.c.record_kind == f.record_kind)
        if f.record_id:
            where.append(t.c.record_id == f.record_id.strip())
        if f.date_from:
            where.append(t.c.at >= day_start(f.date_from))
        if f.date_to:
            where.append(t.c.at < day_start(f.date_to + dt.timedelta(days=1)))
        return where

    def entries(
        self, where: AuditFilter = AuditFilter(), offset: int = 0, limit: int = 500
    ) -> list[AuditRow]:
        t = TABLE_BY_KIND["audit"]
        stmt = (
            select(t)
            .where(*self._where(where))
            .order_by(t.c.at.desc(), t.c.created_hlc.desc(), t.c.id.desc())
            .offset(offset)
            .limit(limit)
        )
        names = self.node_names()
        with self.store.read() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [
            AuditRow(
                r["id"],
                r["at"],
                r["origin"],
                names.get(r["origin"], r["origin"][:8]),
                r["action"],
                r["record_kind"],
                r["record_id"],
                r["count"],
                r["detail"],
            )
            for r in rows
        ]

    def count(self, where: AuditFilter = AuditFilter()) -> int:
        t = TABLE_BY_KIND["audit"]
        with self.store.read() as conn:
            stmt = select(func.count()).select_from(t).where(*self._where(where))
            return int(conn.execute(stmt).scalar_one())

    def log(self, action: str, *, record_kind: str = "", count: int = 1, detail: str = "") -> None:
        """An entry of its own, for actions that write nothing else into the store."""
        with self.store.write() as write:
            log(write, self.store.clock.now(), action, record_kind, count=count, detail=detail)

    def log_many(self, entries: Sequence[tuple[str, str, int]]) -> None:
        with self.store.write() as write:
            for action, kind, count in entries:
                log(write, self.store.clock.now(), action, kind, count=count)
