"""Rows arriving in a bundle, treated as hostile even under a valid signature.

A trusted sender proves who it is, not that it may write what it sends. Before and while a
bundle is merged, every row is checked here: the clock rule (no stamp later than the bundle,
no bundle later than our clock), who may write it (domain.authority), the same value rules as
a local write (domain.validation, against this store's vocabularies), and that what it refers
to exists once the bundle is applied. The first problem refuses the whole bundle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, literal, select

from vielfalt_desktop.domain import authority
from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.authority import Writer
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.hlc import COUNTER_BITS
from vielfalt_desktop.domain.messages import Message, kind_label
from vielfalt_desktop.domain.retention import NOTE_FIELDS
from vielfalt_desktop.domain.validation import problems
from vielfalt_desktop.domain.vocab import Vocabularies, entry_id, with_overrides
from vielfalt_desktop.store.models import TABLE_BY_KIND
from vielfalt_desktop.sync.schema import IncomingRow, record_of

#: How far a bundle may be ahead of our clock, and a stamp ahead of its bundle.
CLOCK_SLACK = dt.timedelta(minutes=5)
#: Rules a received row may break because retention or a delete emptied the free text since.
_EMPTIED_BY_RETENTION = frozenset({msg.CLOSED_NEEDS_OUTCOME, msg.TITLE_REQUIRED})
LOOKUP = 500

Rows = dict[str, list[IncomingRow]]


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


def check_clock(rows: Rows, created: dt.datetime, now: dt.datetime, sender: str) -> None:
    """A bundle is no later than our clock, its stamps no later than the bundle (each within
    CLOCK_SLACK): one sender can lift our clock by minutes at most, never by days."""
    if created > now + CLOCK_SLACK:
        minutes = int((created - now).total_seconds() // 60)
        raise RejectedInput(Message(msg.SENDER_CLOCK_AHEAD, sender=sender, minutes=minutes))
    latest = latest_stamp(rows) >> COUNTER_BITS
    if latest > _ms(created + CLOCK_SLACK):
        raise RejectedInput(Message(msg.STAMP_AFTER_CREATED))


def latest_stamp(rows: Rows) -> int:
    latest = 0
    for kind_rows in rows.values():
        for row in kind_rows:
            latest = max(latest, row.created_hlc)
            if row.stamps:  # most rows were never edited
                latest = max(latest, *(stamp[0] for stamp in row.stamps.values()))
    return latest


def check_kinds(rows: Rows, sender: Writer, sender_name: str, me: Writer) -> None:
    """Only kinds the sender's role may send to ours (domain.authority)."""
    if sender.is_office and me.is_office:
        return
    allowed = authority.TO_FIELD_KINDS if sender.is_office else authority.FIELD_KINDS
    for kind, kind_rows in rows.items():
        if kind_rows and kind not in allowed:
            raise RejectedInput(
                Message(msg.NOT_ALLOWED_KIND, sender=sender_name, kind=kind_label(kind))
            )


# --- values ---------------------------------------------------------------------------------


def effective_vocabulary(vocab: Vocabularies, rows: Rows) -> Vocabularies:
    """Our vocabularies with the bundle's vocabulary entries applied (they come first)."""
    entries = [r for r in rows.get("vocab_entry", ()) if not r.deleted]
    if not entries:
        return vocab
    values = [r.values for r in entries]
    return with_overrides(
        vocab, ((v["vocabulary"], v["code"], v["de"], v["en"], v["active"]) for v in values)
    )


def check_values(rows: Rows, vocab: Vocabularies, today: dt.date) -> None:
    """Every row obeys the rules of a local write; only free text that retention or a
    delete empties since may be missing."""
    for kind, kind_rows in rows.items():
        for row in kind_rows:
            values = row.values
            if kind == "vocab_entry" and row.id != entry_id(values["vocabulary"], values["code"]):
                _invalid(kind, row.id, Message(msg.CODE_FORMAT))
            problem = _first_problem(kind, row, vocab, today)
            if problem is not None:
                _invalid(kind, row.id, problem)


def _first_problem(kind: str, row: IncomingRow, vocab: Vocabularies, today: dt.date) -> str | None:
    record = record_of(kind, row.id, row.values)
    for name, problem in problems(record, vocab, today).items():
        template = problem.template if isinstance(problem, Message) else None
        if template in _EMPTIED_BY_RETENTION and _emptied(kind, name, row):
            continue
        return str(problem)
    return None


def _emptied(kind: str, name: str, row: IncomingRow) -> bool:
    if kind == "conflict" and name == "outcome":
        return True
    if kind == "event" and name == "title":
        return row.deleted
    return False


def _invalid(kind: str, record_id: str, problem: str) -> None:
    raise RejectedInput(
        Message(msg.INVALID_ROW, kind=kind_label(kind), record=record_id, problem=problem)
    )


# --- who may write it -----------------------------------------------------------------------


@dataclass(slots=True)
class Gate:
    """Decides, row by row and field by field, whether the sender may write what it sent."""

    conn: Connection
    sender: Writer
    sender_name: str
    me: Writer
    rows: Rows
    #: id → (origin, shared) of the referrals and conflicts that rows here hang on.
    parents: dict[str, tuple[str, bool]] = field(default_factory=dict)

    @property
    def trusted_relay(self) -> bool:
        """An office device sending to an office device: a standby receives everything."""
        return self.sender.is_office and self.me.is_office

    def prepare(self) -> Rows:
        """Refuse kinds the sender may not send; drop what a laptop gave up since."""
        check_kinds(self.rows, self.sender, self.sender_name, self.me)
        self._load_parents()
        if self.sender.is_office and not self.me.is_office:
            self._drop_given_up()
        self._add_bundle_parents()
        return self.rows

    def _load_parents(self) -> None:
        """Referrals and conflicts that incoming steps and interventions hang on, as held
        here before the bundle."""
        wanted = {
            "referral": {r.values["referral_id"] for r in self.rows.get("referral_status", ())},
            "conflict": {r.values["conflict_id"] for r in self.rows.get("intervention", ())},
        }
        for kind, ids in wanted.items():
            table = TABLE_BY_KIND[kind]
            shared = table.c.shared if kind == "conflict" else literal(False)
            listed = sorted(ids)
            for start in range(0, len(listed), LOOKUP):
                part = listed[start : start + LOOKUP]
                stmt = select(table.c.id, table.c.origin, shared).where(table.c.id.in_(part))
                for record_id, origin, is_shared in self.conn.execute(stmt):
                    self.parents[record_id] = (origin, bool(is_shared))

    def _add_bundle_parents(self) -> None:
        for row in self.rows.get("referral", ()):
            self.parents[row.id] = (row.origin, False)
        for row in self.rows.get("conflict", ()):
            self.parents[row.id] = (row.origin, bool(row.values["shared"]))

    def _drop_given_up(self) -> None:
        """A laptop may have purged settled records after the coordinator confirmed them;
        late news about them (feedback, a step) is dropped, never resurrected."""
        if "referral" in self.rows:
            known = _existing(self.conn, "referral", (r.id for r in self.rows["referral"]))
            self.rows["referral"] = [r for r in self.rows["referral"] if r.id in known]
        held = {r.id for r in self.rows.get("referral", ())} | set(self.parents)
        if "referral_status" in self.rows:
            self.rows["referral_status"] = [
                r for r in self.rows["referral_status"] if r.values["referral_id"] in held
            ]
        conflicts = set(self.parents) | {r.id for r in self.rows.get("conflict", ())}
        if "intervention" in self.rows:
            self.rows["intervention"] = [
                r for r in self.rows["intervention"] if r.values["conflict_id"] in conflicts
            ]

    # --- per row, called by changes.merge ----------------------------------------------

    def new_row(self, kind: str, row: IncomingRow) -> None:
        if self.trusted_relay:
            return
        if self.sender.is_office:
            self._office_row(kind, row)
            return
        if row.origin != self.sender.node_id:
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)
        if any(stamp[1] != self.sender.node_id for stamp in row.stamps.values()):
            raise self._refuse(msg.FORGED_STAMP, kind, row.id)
        parent_origin, parent_shared = self._parent(kind, row)
        if not authority.may_create(self.sender, kind, parent_origin):
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)
        foreign_parent = parent_origin not in (None, self.sender.node_id)
        if kind == "intervention" and foreign_parent and not parent_shared:
            # Steps on another laptop's case only where that case is shared.
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)

    def edit(
        self, kind: str, row: IncomingRow, current: Any, winning: dict[str, list[Any]]
    ) -> None:
        """``winning``: the fields whose incoming stamps beat ours, with those stamps."""
        if kind != "vocab_entry" and (
            row.origin != current["origin"] or row.created_hlc != current["created_hlc"]
        ):
            raise self._refuse(msg.ORIGIN_CHANGED, kind, row.id)
        if not winning or self.trusted_relay:
            return
        if self.sender.is_office:
            self._office_row(kind, row)
            if kind == "referral" and not set(winning) <= authority.FEEDBACK_FIELDS:
                raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)
            return
        if any(stamp[1] != self.sender.node_id for stamp in winning.values()):
            raise self._refuse(msg.FORGED_STAMP, kind, row.id)
        parent_origin, _ = self._parent(kind, row)
        fields = set(winning)
        if kind in authority.CHILD_KINDS and authority.DELETED in fields:
            fields -= set(NOTE_FIELDS.get(kind, ()))
        if not authority.may_edit(self.sender, kind, current["origin"], fields, parent_origin):
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)

    def logs_conflict(self, stamp: list[Any]) -> bool:
        """Whether a losing value is the sender's (or relayed by an office): a laptop's copy
        of someone else's older value is no concurrent edit."""
        return self.sender.is_office or stamp[1] == self.sender.node_id

    def _office_row(self, kind: str, row: IncomingRow) -> None:
        if self.me.is_office:
            return
        if kind == "conflict" and not row.values["shared"]:
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)
        if kind == "intervention" and not self._parent(kind, row)[1]:
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)
        if kind == "referral" and row.origin != self.me.node_id:
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)
        if kind == "referral_status" and self._parent(kind, row)[0] != self.me.node_id:
            raise self._refuse(msg.NOT_OWN_RECORD, kind, row.id)

    def _parent(self, kind: str, row: IncomingRow) -> tuple[str | None, bool]:
        parent_id = (
            row.values["referral_id"]
            if kind == "referral_status"
            else row.values["conflict_id"]
            if kind == "intervention"
            else None
        )
        if parent_id is None or parent_id not in self.parents:
            return None, False
        return self.parents[parent_id]

    def _refuse(self, template: str, kind: str, record: str = "") -> RejectedInput:
        return RejectedInput(
            Message(template, sender=self.sender_name, kind=kind_label(kind), record=record)
        )


# --- references -----------------------------------------------------------------------------

#: kind → (field, kind it names, optional)
REFERENCES: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "referral": (("contact_id", "contact", True), ("partner_id", "partner", False)),
    "referral_status": (("referral_id", "referral", False),),
    "intervention": (("conflict_id", "conflict", False),),
}


def check_references(conn: Connection, rows: Rows, me: Writer) -> None:
    """After the bundle is applied (same transaction): what every row names exists here.

    A field laptop holds the contacts of its own referrals only while it keeps them; the
    coordinator holds everything."""
    for kind, refs in REFERENCES.items():
        for name, target, optional in refs:
            if target == "contact" and not me.is_office:
                continue  # a laptop may have given up the contact of a settled referral
            wanted = {r.values[name] for r in rows.get(kind, ()) if r.values[name] or not optional}
            missing = wanted - _existing(conn, target, wanted)
            if missing:
                record = next(r.id for r in rows[kind] if r.values[name] in missing)
                raise RejectedInput(
                    Message(msg.DANGLING_REFERENCE, kind=kind_label(kind), record=record)
                )
    partner_ids = {p for r in rows.get("event", ()) for p in r.values["partner_ids"]}
    missing = partner_ids - _existing(conn, "partner", partner_ids)
    if missing:
        record = next(r.id for r in rows["event"] if set(r.values["partner_ids"]) & missing)
        raise RejectedInput(
            Message(msg.DANGLING_REFERENCE, kind=kind_label("event"), record=record)
        )


def _existing(conn: Connection, kind: str, ids: Iterable[str]) -> set[str]:
    listed = sorted(set(ids))
    table = TABLE_BY_KIND[kind]
    found: set[str] = set()
    for start in range(0, len(listed), LOOKUP):
        part = listed[start : start + LOOKUP]
        found.update(conn.execute(select(table.c.id).where(table.c.id.in_(part))).scalars())
    return found
