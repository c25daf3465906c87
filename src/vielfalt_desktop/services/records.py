"""Create, edit, delete and list records. Owns the transactions; validates before writing."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection

from vielfalt_desktop.domain import authority, pseudonym
from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.authority import Writer
from vielfalt_desktop.domain.errors import NotAllowed, NotFound, ValidationError, VielfaltError
from vielfalt_desktop.domain.messages import Message, kind_label
from vielfalt_desktop.domain.privacy import Finding, screen_text
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import (
    RECORD_TYPE_BY_KIND,
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Record,
    Referral,
    ReferralStatusChange,
)
from vielfalt_desktop.domain.validation import problems
from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.services import audit
from vielfalt_desktop.store import repository as repo
from vielfalt_desktop.store.codec import codec_for
from vielfalt_desktop.store.database import Store, Write

R = TypeVar("R", bound=Record)
ALL = Query()
#: Kinds in the order new records go in: what others refer to first.
_CREATE_ORDER = tuple(RECORD_TYPE_BY_KIND)


class PersonalDataFound(VielfaltError):
    """A free-text field seems to contain personal data; nothing was saved."""

    exit_code = 4

    def __init__(self, findings: dict[str, list[Finding]]) -> None:
        self.findings = findings
        kinds = sorted({f.label for found in findings.values() for f in found})
        # The kinds are named in German (domain.privacy); the sentence around them translates.
        super().__init__(Message(msg.PERSONAL_DATA, kinds=", ".join(kinds)))


@dataclass(frozen=True, slots=True)
class Saved:
    """What ``RecordService.save_many`` did: records added, changed, and given unchanged."""

    created: int
    updated: int
    unchanged: int


class RecordService:
    def __init__(self, store: Store, vocab: Callable[[], Vocabularies]) -> None:
        self.store = store
        self._vocab = vocab  # read through the App, which holds the vocabularies once

    @property
    def vocab(self) -> Vocabularies:
        return self._vocab()

    @property
    def is_open(self) -> bool:
        """False once the store locked (a late timer in the UI asks before it reads)."""
        return self.store.is_open

    # --- checks -------------------------------------------------------------------------

    def check(self, record: Record) -> dict[str, str]:
        """Rule violations of a record, by field (for forms validating as the user types)."""
        return problems(record, self.vocab, self.store.clock.today())

    def screen(self, record: Record) -> dict[str, list[Finding]]:
        """Personal data found in the record's free-text fields, by field."""
        found: dict[str, list[Finding]] = {}
        for name in record.screened:
            hits = screen_text(getattr(record, name), today=self.store.clock.today())
            if hits:
                found[name] = hits
        return found

    def _prepare(self, record: Record, accept_findings: bool) -> None:
        if isinstance(record, Contact):
            if record.pseudonym:
                record.pseudonym = pseudonym.normalize(record.pseudonym) or record.pseudonym
            if record.citizenship:
                record.citizenship = record.citizenship.strip().upper()
        broken = self.check(record)
        if broken:
            raise ValidationError(broken)
        if not accept_findings:
            found = self.screen(record)
            if found:
                raise PersonalDataFound(found)

    def _check_references(self, write: Write, record: Record) -> None:
        conn = write.conn
        missing: dict[str, str] = {}
        if isinstance(record, Referral):
            if not repo.existing_ids(conn, "partner", [record.partner_id]):
                missing["partner_id"] = Message(msg.PARTNER_GONE)
            if record.contact_id and not repo.existing_ids(conn, "contact", [record.contact_id]):
                missing["contact_id"] = Message(msg.CONTACT_GONE)
        elif isinstance(record, ReferralStatusChange):
            if not repo.existing_ids(conn, "referral", [record.referral_id]):
                missing["referral_id"] = Message(msg.REFERRAL_GONE)
        elif isinstance(record, Intervention):
            if not repo.existing_ids(conn, "conflict", [record.conflict_id]):
                missing["conflict_id"] = Message(msg.CONFLICT_GONE)
        elif isinstance(record, Event) and record.partner_ids:
            unknown = set(record.partner_ids) - repo.existing_ids(
                conn, "partner", record.partner_ids
            )
            if unknown:
                missing["partner_ids"] = Message(msg.EVENT_PARTNER_GONE)
        elif isinstance(record, Partner):
            same = repo.find_by_name(conn, record.name)
            if same is not None and same.id != record.id:
                missing["name"] = Message(msg.PARTNER_EXISTS, name=record.name)
        if missing:
            raise ValidationError(missing)

    # --- who may write what ------------------------------------------------------------

    @property
    def writer(self) -> Writer:
        return Writer(self.store.node_id, self.store.role)

    def may_create(self, kind: str) -> bool:
        """Whether this device may create records of ``kind`` (a laptop no partners)."""
        return authority.may_create(self.writer, kind)

    def may_edit(self, record: Record, fields: Sequence[str] | None = None) -> bool:
        """Whether this device may change ``fields`` of the stored ``record`` (read only).

        ``None``: at least one of its fields (an office device may answer a laptop's
        referral); ``[authority.DELETED]``: delete it. A record not stored here: whether this
        device may create one of its kind.
        """
        with self.store.read() as conn:
            origin = repo.origin_of(conn, record.kind, record.id) if record.id else None
            if origin is None:
                return self.may_create(record.kind)
            parent = repo.parent_origin(conn, record.kind, record.id)
        wanted = [[name] for name in codec_for(type(record)).names] if fields is None else [fields]
        return any(
            authority.may_edit(self.writer, record.kind, origin, names, parent) for names in wanted
        )

    def refusal(self, kind: str) -> Message:
        """Why this device may not write a record of ``kind`` (the text NotAllowed carries)."""
        return self._refusal(kind)

    def _allow_create(self, write: Write, record: Record) -> None:
        parent = None
        if isinstance(record, ReferralStatusChange):
            parent = repo.origin_of(write.conn, "referral", record.referral_id)
        if not authority.may_create(self.writer, record.kind, parent):
            raise NotAllowed(self._refusal(record.kind))

    def _allow_edit(self, write: Write, kind: str, record_id: str, fields: Sequence[str]) -> None:
        origin = repo.origin_of(write.conn, kind, record_id)
        if origin is None:
            return  # not here: the caller says so
        parent = repo.parent_origin(write.conn, kind, record_id)
        if not authority.may_edit(self.writer, kind, origin, fields, parent):
            raise NotAllowed(self._refusal(kind))

    def _refusal(self, kind: str) -> Message:
        if not self.writer.is_office and kind not in authority.FIELD_KINDS:
            return Message(msg.OFFICE_WRITES_ONLY, kind=kind_label(kind))
        if self.writer.is_office and kind == "referral":
            return Message(msg.FEEDBACK_ONLY_HERE)
        return Message(msg.NOT_OWN_HERE)

    # --- writes -------------------------------------------------------------------------

    def create(self, record: R, *, accept_findings: bool = False) -> R:
        record = dataclasses.replace(record, id=record.id or str(uuid.uuid4()))
        self._prepare(record, accept_findings)
        with self.store.write() as write:
            self._allow_create(write, record)
            self._check_references(write, record)
            repo.insert_many(write, [record])
            if isinstance(record, Referral):
                repo.insert_many(write, [self._first_status(record)])
            self._log(write, "create", record.kind, record.id)
        return record

    def create_many(self, records: Sequence[Record], *, validate: bool = True) -> int:
        """Bulk insert in one transaction (demo data, imports). Records are grouped by kind."""
        by_kind: dict[str, list[Record]] = {}
        counts: dict[str, int] = {}
        for record in records:
            if not record.id:
                record.id = str(uuid.uuid4())
            if validate:
                broken = self.check(record)
                if broken:
                    raise ValidationError(broken)
            by_kind.setdefault(record.kind, []).append(record)
            counts[record.kind] = counts.get(record.kind, 0) + 1
        for kind in by_kind:
            if not self.may_create(kind):
                raise NotAllowed(self._refusal(kind))
        with self.store.write() as write:
            for kind in ("partner", "contact", "referral", "referral_status", "conflict"):
                repo.insert_many(write, by_kind.pop(kind, []))
            for rest in by_kind.values():
                repo.insert_many(write, rest)
            # Bulk work (demo data, a partner list) is logged once per kind, with the count.
            for kind, count in counts.items():
                self._log(write, "create", kind, None, count=count)
        return len(records)

    def update(self, record: R, *, accept_findings: bool = False) -> R:
        self._prepare(record, accept_findings)
        with self.store.read() as conn:
            if not self._diff(conn, record):
                return record  # nothing changed: no write, no new revision
        with self.store.write() as write:
            if self._write_update(write, record):
                self._log(write, "update", record.kind, record.id)
        return record

    def save_many(
        self, creates: Sequence[Record] = (), updates: Sequence[Record] = (), *, detail: str = ""
    ) -> Saved:
        """New and edited records in one transaction (a partner list), all or nothing.

        Checked as ``create_many`` checks (rules and vocabularies; no screening for personal
        data), every update diffed against the stored record as ``update`` does, so only
        changed fields are written and stamped. One audit entry per kind, with the count and
        ``detail``: "create" when the kind only gained records, else "update". When nothing
        is new or changed, nothing is written (no revision, no entry).
        """
        for record in (*creates, *updates):
            broken = self.check(record)
            if broken:
                raise ValidationError(broken)
        new = [dataclasses.replace(r, id=r.id or str(uuid.uuid4())) for r in creates]
        for kind in dict.fromkeys(r.kind for r in new):
            if not self.may_create(kind):
                raise NotAllowed(self._refusal(kind))
        with self.store.read() as conn:
            edited = [r for r in updates if self._diff(conn, r)]
        if not new and not edited:
            return Saved(0, 0, len(updates))
        created: dict[str, int] = {}
        updated: dict[str, int] = {}
        by_kind: dict[str, list[Record]] = {}
        for record in new:
            by_kind.setdefault(record.kind, []).append(record)
        with self.store.write() as write:
            for kind in sorted(by_kind, key=_CREATE_ORDER.index):
                for record in by_kind[kind]:
                    self._allow_create(write, record)
                    self._check_references(write, record)
                repo.insert_many(write, by_kind[kind])
                firsts = [self._first_status(r) for r in by_kind[kind] if isinstance(r, Referral)]
                repo.insert_many(write, firsts)
                created[kind] = len(by_kind[kind])
            for record in edited:
                if self._write_update(write, record):
                    updated[record.kind] = updated.get(record.kind, 0) + 1
            for kind in dict.fromkeys([*created, *updated]):
                action = "update" if updated.get(kind) else "create"
                count = created.get(kind, 0) + updated.get(kind, 0)
                audit.log(write, self.store.clock.now(), action, kind, count=count, detail=detail)
        changed = sum(updated.values())
        return Saved(len(new), changed, len(updates) - changed)

    @staticmethod
    def _diff(conn: Connection, record: Record) -> list[str]:
        """The fields in which ``record`` differs from the stored one (NotFound if gone)."""
        current = repo.get(conn, type(record), record.id)
        if current is None:
            raise NotFound(Message(msg.DELETED_MEANWHILE))
        codec = codec_for(type(record))
        before, after = codec.values(current), codec.values(record)
        return [name for name in codec.names if before[name] != after[name]]

    def _write_update(self, write: Write, record: Record) -> bool:
        """Write and stamp the changed fields of ``record``; False if none changed."""
        changed = self._diff(write.conn, record)
        self._check_references(write, record)
        if not changed:
            return False
        self._allow_edit(write, record.kind, record.id, changed)
        repo.update_fields(write, record, changed)
        if isinstance(record, Referral) and "status" in changed:
            repo.insert_many(write, [self._status_entry(record, "")])
        return True

    def set_referral_status(
        self,
        referral_id: str,
        status: str,
        *,
        note: str = "",
        feedback: str | None = None,
        accept_findings: bool = False,
    ) -> Referral:
        """Move a referral to a new status and append the step to its history."""
        referral = self.get(Referral, referral_id)
        changed = dataclasses.replace(referral, status=status)
        if feedback is not None:
            changed.feedback = feedback
        entry = self._status_entry(changed, note)
        self._prepare(changed, accept_findings)
        self._prepare(entry, accept_findings)
        codec = codec_for(Referral)
        with self.store.write() as write:
            before, after = codec.values(referral), codec.values(changed)
            fields = [n for n in codec.names if before[n] != after[n]]
            self._allow_edit(write, changed.kind, changed.id, fields)
            self._allow_create(write, entry)
            repo.update_fields(write, changed, fields)
            repo.insert_many(write, [entry])
            self._log(write, "update", changed.kind, changed.id)
        return changed

    def _first_status(self, referral: Referral) -> ReferralStatusChange:
        first = self._status_entry(referral, "")
        first.date = referral.date  # the history starts when the referral was made
        return first

    def _status_entry(self, referral: Referral, note: str) -> ReferralStatusChange:
        return ReferralStatusChange(
            id=str(uuid.uuid4()),
            referral_id=referral.id,
            status=referral.status,
            date=self.store.clock.today(),
            note=note,
        )

    def delete(self, record_type: type[Record], record_id: str) -> int:
        """Delete a record and what belongs only to it. Returns how many records went."""
        kind = record_type.kind
        with self.store.write() as write:
            if repo.get(write.conn, record_type, record_id) is None:
                raise NotFound(Message(msg.ALREADY_DELETED))
            self._allow_edit(write, kind, record_id, [authority.DELETED])
            if kind == "partner":
                used = repo.count_where(write.conn, "referral", "partner_id", record_id)
                if used:
                    raise ValidationError({"id": Message(msg.PARTNER_IN_USE, count=used)})
            count = repo.tombstone(write, kind, [record_id])
            if kind == "contact":
                referrals = repo.child_ids(write.conn, "referral", record_id)
                for referral_id in referrals:
                    count += repo.tombstone(
                        write,
                        "referral_status",
                        repo.child_ids(write.conn, "referral_status", referral_id),
                    )
                count += repo.tombstone(write, "referral", referrals)
            elif kind == "referral":
                count += repo.tombstone(
                    write,
                    "referral_status",
                    repo.child_ids(write.conn, "referral_status", record_id),
                )
            elif kind == "conflict":
                count += repo.tombstone(
                    write, "intervention", repo.child_ids(write.conn, "intervention", record_id)
                )
            self._log(write, "delete", kind, record_id, count=count)
        return count

    def _log(
        self, write: Write, action: str, kind: str, record_id: str | None, *, count: int = 1
    ) -> None:
        audit.log(write, self.store.clock.now(), action, kind, record_id, count=count)

    # --- reads --------------------------------------------------------------------------

    def get(self, record_type: type[R], record_id: str) -> R:
        with self.store.read() as conn:
            record = repo.get(conn, record_type, record_id)
        if record is None:
            raise NotFound(Message(msg.NOT_FOUND))
        assert isinstance(record, record_type)
        return record

    def page(
        self, record_type: type[R], query: Query = ALL, offset: int = 0, limit: int = 100
    ) -> list[R]:
        with self.store.read() as conn:
            rows = repo.list_records(conn, record_type, query, offset, limit)
        return [r for r in rows if isinstance(r, record_type)]

    def count(self, record_type: type[Record], query: Query = ALL) -> int:
        with self.store.read() as conn:
            return repo.count_records(conn, record_type.kind, query)

    def find_partner_by_name(self, name: str) -> Partner | None:
        with self.store.read() as conn:
            found = repo.find_by_name(conn, name)
        assert found is None or isinstance(found, Partner)
        return found

    def contacts_with_pseudonym(self, code: str) -> int:
        normal = pseudonym.normalize(code)
        if normal is None:
            raise ValidationError({"pseudonym": Message(msg.PSEUDONYM_INVALID)})
        return self.count(Contact, Query(pseudonym=normal))

    def interventions_of(self, conflict: Conflict) -> list[Intervention]:
        return self.page(
            Intervention, Query(parent_id=conflict.id, order_by="date", descending=False), 0, 10_000
        )

    def status_history(self, referral: Referral) -> list[ReferralStatusChange]:
        return self.page(
            ReferralStatusChange,
            Query(parent_id=referral.id, order_by="date", descending=False),
            0,
            1000,
        )
