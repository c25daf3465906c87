"""Retention: clear notes and pseudonym links when their time is up, and — on a laptop that
opted in — drop settled records the coordinator has confirmed receiving.

Clearing is an ordinary stamped edit, so it travels to the coordinator with the next bundle
and wins there like any later edit. Dropping after acknowledgement is local on purpose: the
coordinator keeps its copy. Every run writes one deletion-log entry per rule and kind, with
counts only, and one audit entry.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    delete,
    exists,
    false,
    func,
    or_,
    select,
    true,
)

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.audit import day_start, timestamp
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.domain.records import DeletionEntry
from vielfalt_desktop.domain.retention import NOTE_FIELDS, RetentionPolicy, months_before
from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.services import audit
from vielfalt_desktop.store import repository as repo
from vielfalt_desktop.store.database import Store, Write
from vielfalt_desktop.store.models import TABLE_BY_KIND, TAG_TABLE
from vielfalt_desktop.sync import ledger, peers

POLICY_KEY = "retention_policy"
LAST_RUN_KEY = "retention_last_run"
# A backup taken before a schema upgrade is kept this long, in case the upgrade went wrong.
BACKUP_DAYS = 30
# Order matters for dropping: children go with (or before) their parents.
DROP_ORDER = ("referral_status", "referral", "contact", "intervention", "conflict", "event")


@dataclass(frozen=True, slots=True)
class PurgeCount:
    rule: str
    record_kind: str
    count: int
    cutoff: dt.date | None


@dataclass(frozen=True, slots=True)
class PurgeResult:
    counts: tuple[PurgeCount, ...]
    dry_run: bool = False

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)


@dataclass(frozen=True, slots=True)
class DeletionRow:
    id: str
    at: str
    node_id: str
    node_name: str
    rule: str
    record_kind: str
    count: int
    cutoff: dt.date | None


class RetentionService:
    def __init__(self, store: Store, vocab: Callable[[], Vocabularies]) -> None:
        self.store = store
        self._vocab = vocab  # read through the App, which holds the vocabularies once

    @property
    def vocab(self) -> Vocabularies:
        return self._vocab()

    # --- the policy ---------------------------------------------------------------------

    def policy(self) -> RetentionPolicy:
        return RetentionPolicy.from_json(self.store.meta(POLICY_KEY))

    def set_policy(self, policy: RetentionPolicy) -> None:
        policy.checked()
        if policy.purge_after_ack_days is not None and self.store.role != "field":
            raise _validation("purge_after_ack_days", Message(msg.ONLY_LAPTOP_PURGES))
        with self.store.write() as write:
            self.store._save_meta(write.conn, {POLICY_KEY: policy.to_json()})
            audit.log(write, self.store.clock.now(), "update", "retention_policy")

    # --- running ------------------------------------------------------------------------

    def purge_if_due(self) -> PurgeResult | None:
        """The run at unlock: at most once a day."""
        today = self.store.clock.today().isoformat()
        if self.store.meta(LAST_RUN_KEY) == today:
            return None
        return self.purge()

    def last_run(self) -> dt.date | None:
        """The day the rules were last applied (at an unlock or by hand); None if never."""
        text = self.store.meta(LAST_RUN_KEY)
        try:
            return dt.date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def purge(self, *, dry_run: bool = False) -> PurgeResult:
        """Apply every rule now. With ``dry_run`` only count what would go."""
        policy = self.policy()
        today = self.store.clock.today()
        if dry_run:
            with self.store.read() as conn:
                look = Write(conn, self.store.rev, self.store.node_id, self.store.hlc)
                counts = self._run(look, policy, today, dry_run=True)
            return PurgeResult(tuple(c for c in counts if c.count), dry_run=True)
        with self.store.write() as write:
            # Overwrite what is cleared or dropped, so it does not linger in free pages.
            write.conn.exec_driver_sql("PRAGMA secure_delete = ON")
            try:
                counts = self._run(write, policy, today, dry_run=False)
                self._record(write, counts)
                self.store._save_meta(write.conn, {LAST_RUN_KEY: today.isoformat()})
            finally:
                write.conn.exec_driver_sql("PRAGMA secure_delete = OFF")
        return PurgeResult(tuple(c for c in counts if c.count), dry_run)

    def _run(
        self, write: Write, policy: RetentionPolicy, today: dt.date, dry_run: bool
    ) -> list[PurgeCount]:
        counts: list[PurgeCount] = []
        for kind, fields in NOTE_FIELDS.items():
            cutoff = months_before(today, policy.note_months[kind])
            stmt = self._note_candidates(kind, fields, cutoff)
            counts.append(
                PurgeCount("notes", kind, self._clear(write, kind, stmt, fields, dry_run), cutoff)
            )
        cutoff = months_before(today, policy.pseudonym_months)
        contact = TABLE_BY_KIND["contact"]
        stmt = select(contact).where(contact.c.pseudonym.is_not(None), contact.c.date < cutoff)
        counts.append(
            PurgeCount(
                "pseudonym",
                "contact",
                self._clear(write, "contact", stmt, ("pseudonym",), dry_run),
                cutoff,
            )
        )
        # The sync conflict log keeps overwritten values, notes and pseudonyms among them:
        # the shortest period applies.
        cutoff = months_before(today, min(*policy.note_months.values(), policy.pseudonym_months))
        counts.append(
            PurgeCount(
                "conflict_log",
                "conflict_log",
                ledger.purge_conflicts(write.conn, cutoff, dry_run=dry_run),
                cutoff,
            )
        )
        if policy.purge_after_ack_days is not None and self.store.role == "field":
            cutoff = today - dt.timedelta(days=policy.purge_after_ack_days)
            for kind, count in self._drop_acknowledged(write, cutoff, dry_run).items():
                counts.append(PurgeCount("after_ack", kind, count, cutoff))
        cutoff = today - dt.timedelta(days=BACKUP_DAYS)
        counts.append(PurgeCount("backup", "backup", self._drop_backups(cutoff, dry_run), cutoff))
        return counts

    def _drop_backups(self, cutoff: dt.date, dry_run: bool) -> int:
        """Copies taken before schema upgrades hold what the rules have cleared since."""
        folder = self.store.paths.backups
        if not folder.is_dir():
            return 0
        old = [
            p
            for p in folder.iterdir()
            if p.is_file() and dt.date.fromtimestamp(p.stat().st_mtime) < cutoff
        ]
        if not dry_run:
            for path in old:
                path.unlink(missing_ok=True)
        return len(old)

    def _record(self, write: Write, counts: Sequence[PurgeCount]) -> None:
        now = self.store.clock.now()
        entries = [
            DeletionEntry(
                id=str(uuid.uuid4()),
                at=timestamp(now),
                rule=c.rule,
                record_kind=c.record_kind,
                count=c.count,
                cutoff=c.cutoff,
            )
            for c in counts
            if c.count
        ]
        if entries:
            repo.insert_many(write, entries)
            audit.log(write, now, "purge", count=sum(e.count for e in entries))

    # --- rule: clear notes and pseudonyms ---------------------------------------------------

    def _final(self, vocabulary: str, flag: str) -> tuple[str, ...]:
        return tuple(e.code for e in self.vocab[vocabulary] if e.flag(flag))

    def _note_candidates(self, kind: str, fields: tuple[str, ...], cutoff: dt.date) -> Select[Any]:
        """Rows of `kind` whose notes are due: their date or closing lies before `cutoff`."""
        table = TABLE_BY_KIND[kind]
        filled = or_(*(table.c[f] != "" for f in fields))
        if kind == "referral":
            when = self._referral_closing(table.c.id, table.c.date)
            due: ColumnElement[bool] = and_(
                table.c.status.in_(self._final("referral_status", "final")), when < cutoff
            )
        elif kind == "referral_status":
            referral = TABLE_BY_KIND["referral"]
            closing = self._referral_closing(referral.c.id, referral.c.date)
            due = exists().where(
                referral.c.id == table.c.referral_id,
                referral.c.status.in_(self._final("referral_status", "final")),
                closing < cutoff,
            )
        elif kind == "conflict":
            due = and_(
                table.c.status.in_(self._final("conflict_status", "closed")),
                table.c.closed < cutoff,
            )
        elif kind == "intervention":
            conflict = TABLE_BY_KIND["conflict"]
            due = exists().where(
                conflict.c.id == table.c.conflict_id,
                conflict.c.status.in_(self._final("conflict_status", "closed")),
                conflict.c.closed < cutoff,
            )
        else:
            due = table.c.date < cutoff
        stmt = select(table).where(filled, due)
        if self.store.role != "office":
            # A laptop clears its own records; others' are cleared where they were made, and
            # that clearing travels here (domain.authority: a laptop edits only its own).
            stmt = stmt.where(table.c.origin == self.store.node_id)
        return stmt

    @staticmethod
    def _referral_closing(
        referral_id: ColumnElement[Any], made: ColumnElement[Any]
    ) -> ColumnElement[Any]:
        history = TABLE_BY_KIND["referral_status"]
        last_step = (
            select(func.max(history.c.date))
            .where(history.c.referral_id == referral_id, history.c.deleted == false())
            .scalar_subquery()
        )
        return func.coalesce(last_step, made)

    def _clear(
        self, write: Write, kind: str, stmt: Select[Any], fields: tuple[str, ...], dry_run: bool
    ) -> int:
        rows = write.conn.execute(stmt).mappings().all()
        if dry_run or not rows:
            return len(rows)
        table = TABLE_BY_KIND[kind]
        empty: dict[str, Any] = {f: (None if f == "pseudonym" else "") for f in fields}
        for row in rows:
            stamp = write.tick()
            stamps = json.loads(row["stamps"] or "{}")
            for name in fields:
                if row[name] != empty[name]:
                    stamps[name] = repo.edit_stamp(stamps, name, stamp, write.node_id, _Row(row))
            write.conn.execute(
                table.update()
                .where(table.c.id == row["id"])
                .values(
                    **empty,
                    stamps=json.dumps(stamps, sort_keys=True),
                    updated_hlc=stamp,
                    rev=write.rev,
                    source=None,
                )
            )
        return len(rows)

    # --- rule: a laptop gives up what the coordinator holds --------------------------------

    def _drop_acknowledged(self, write: Write, cutoff: dt.date, dry_run: bool) -> dict[str, int]:
        acked = peers.acknowledged_rev(write.conn)
        if acked is None or acked <= 0:
            return {}
        ids = self._droppable(write.conn, acked, cutoff)
        if not dry_run:
            for kind in DROP_ORDER:
                table = TABLE_BY_KIND[kind]
                chosen = sorted(ids[kind])
                for start in range(0, len(chosen), 500):
                    chunk = chosen[start : start + 500]
                    write.conn.execute(delete(TAG_TABLE).where(TAG_TABLE.c.record_id.in_(chunk)))
                    write.conn.execute(delete(table).where(table.c.id.in_(chunk)))
        return {kind: len(ids[kind]) for kind in DROP_ORDER}

    def _droppable(self, conn: Connection, acked: int, cutoff: dt.date) -> dict[str, set[str]]:
        t = TABLE_BY_KIND
        final = self._final("referral_status", "final")
        closed = self._final("conflict_status", "closed")

        def ids(stmt: Select[Any]) -> set[str]:
            return set(conn.execute(stmt).scalars())

        def confirmed(kind: str) -> ColumnElement[bool]:
            return t[kind].c.rev <= acked

        history, referral, contact = t["referral_status"], t["referral"], t["contact"]
        referrals = ids(
            select(referral.c.id).where(
                confirmed("referral"),
                referral.c.date < cutoff,
                or_(referral.c.deleted == true(), referral.c.status.in_(final)),
                ~exists().where(history.c.referral_id == referral.c.id, history.c.rev > acked),
            )
        )
        kept_referral_contacts = ids(
            select(referral.c.contact_id).where(referral.c.contact_id.is_not(None))
        ) - ids(select(referral.c.contact_id).where(referral.c.id.in_(referrals)))
        contacts = ids(
            select(contact.c.id).where(
                confirmed("contact"),
                contact.c.date < cutoff,
                or_(contact.c.deleted == true(), contact.c.follow_up.is_(None)),
            )
        )
        # A contact stays while a referral of it is still open.
        contacts -= kept_referral_contacts
        statuses = ids(select(history.c.id).where(history.c.referral_id.in_(referrals)))
        conflict, intervention = t["conflict"], t["intervention"]
        conflicts = ids(
            select(conflict.c.id).where(
                confirmed("conflict"),
                or_(
                    and_(conflict.c.status.in_(closed), conflict.c.closed < cutoff),
                    and_(conflict.c.deleted == true(), conflict.c.opened < cutoff),
                ),
                ~exists().where(
                    intervention.c.conflict_id == conflict.c.id, intervention.c.rev > acked
                ),
            )
        )
        interventions = ids(
            select(intervention.c.id).where(intervention.c.conflict_id.in_(conflicts))
        )
        event = t["event"]
        events = ids(select(event.c.id).where(confirmed("event"), event.c.date < cutoff))
        return {
            "referral_status": statuses,
            "referral": referrals,
            "contact": contacts,
            "intervention": interventions,
            "conflict": conflicts,
            "event": events,
        }

    # --- the deletion log ---------------------------------------------------------------

    def deletion_log(
        self,
        *,
        node_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[DeletionRow]:
        table = TABLE_BY_KIND["deletion_log"]
        stmt = select(table).order_by(table.c.at.desc(), table.c.created_hlc.desc())
        if node_id:
            stmt = stmt.where(table.c.origin == node_id)
        if date_from:
            stmt = stmt.where(table.c.at >= day_start(date_from))
        if date_to:
            stmt = stmt.where(table.c.at < day_start(date_to + dt.timedelta(days=1)))
        names = audit.AuditService(self.store).node_names()
        with self.store.read() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [
            DeletionRow(
                r["id"],
                r["at"],
                r["origin"],
                names.get(r["origin"], r["origin"][:8]),
                r["rule"],
                r["record_kind"],
                r["count"],
                r["cutoff"],
            )
            for r in rows
        ]


class _Row:
    """The two columns `edit_stamp` reads from a row mapping."""

    def __init__(self, row: Any) -> None:
        self.created_hlc = row["created_hlc"]
        self.origin = row["origin"]


def _validation(field: str, message: str) -> Exception:
    from vielfalt_desktop.domain.errors import ValidationError

    return ValidationError({field: message})
