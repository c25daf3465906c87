"""Use cases of synchronisation: identity cards, trusted peers, export and import of bundles."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Row, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.authority import Writer
from vielfalt_desktop.domain.errors import RejectedInput, StoreError, VielfaltError
from vielfalt_desktop.domain.hlc import stamp_to_datetime
from vielfalt_desktop.domain.messages import Message, role_label
from vielfalt_desktop.domain.records import LOG_KINDS
from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.fileio import atomic_write_bytes
from vielfalt_desktop.services import audit
from vielfalt_desktop.store import repository as repo
from vielfalt_desktop.store.database import Store
from vielfalt_desktop.store.models import (
    CONFLICT_LOG_TABLE,
    LEDGER_TABLE,
    PEER_TABLE,
    RECORD_KINDS,
)
from vielfalt_desktop.sync import bundle, changes, incoming, naming
from vielfalt_desktop.sync.identity import (
    MAX_CARD_BYTES,
    IdentityCard,
    NodeKeys,
    b64,
    key_id,
    unb64,
)

FORMER_PEERS_KEY = "former_peers"
MAX_DETAIL = 300


@dataclass(frozen=True, slots=True)
class PeerInfo:
    node_id: str
    name: str
    role: str
    fingerprint: str
    added_at: str
    acked_rev: int
    received_upto: int


@dataclass(frozen=True, slots=True)
class ExportResult:
    bundle_id: str
    path: Path
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    bundle_id: str
    sender_name: str
    already_known: bool
    records: int
    changed: int
    problems: tuple[str, ...] = ()
    vocabulary_changed: bool = False


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


class SyncService:
    BUNDLE_SUFFIX = naming.BUNDLE_SUFFIX
    CARD_SUFFIX = naming.CARD_SUFFIX

    def __init__(
        self,
        store: Store,
        vocab: Callable[[], Vocabularies],
        *,
        on_vocabulary: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        # Incoming rows are checked against this store's vocabularies, as a local write is.
        self._vocab = vocab
        # After an import that changed vocabulary entries, the App re-reads its vocabularies.
        self._on_vocabulary = on_vocabulary or (lambda: None)
        self.max_bundle_bytes = bundle.MAX_BUNDLE_BYTES
        self.max_payload_json = bundle.MAX_PAYLOAD_JSON

    # --- identity -----------------------------------------------------------------------

    def ensure_identity(self) -> None:
        """Create this node's keys once, inside the encrypted store."""
        if self.store.meta("sign_key") is None:
            for key, value in NodeKeys.generate().to_meta().items():
                self.store.set_meta(key, value)

    def _keys(self) -> NodeKeys:
        meta = {k: self.store.meta(k) or "" for k in ("sign_key", "kem_mlkem_seed", "kem_x25519")}
        if not all(meta.values()):
            raise StoreError(Message(msg.NO_SYNC_KEYS))
        return NodeKeys.from_meta(meta)

    def identity_card(self) -> IdentityCard:
        keys = self._keys()
        created = self.store.meta("identity_created")
        if created is None:
            created = self.store.clock.now().isoformat(timespec="seconds")
            self.store.set_meta("identity_created", created)
        return IdentityCard(
            self.store.node_id,
            self.store.node_name,
            self.store.role,
            keys.public_sign_bytes(),
            keys.public_kem_bytes(),
            created,
        )

    def export_identity(self, path: Path) -> IdentityCard:
        card = self.identity_card()
        atomic_write_bytes(path, card.to_bytes(self._keys()), mode=0o644)
        return card

    @staticmethod
    def read_card(path: Path) -> IdentityCard:
        try:
            with path.open("rb") as handle:
                # A card is a few kilobytes: read one byte more than allowed, never the file.
                data = handle.read(MAX_CARD_BYTES + 1)
        except OSError as exc:
            raise RejectedInput(
                Message(msg.FILE_UNREADABLE, path=path, reason=exc.strerror)
            ) from None
        return IdentityCard.parse(data)

    # --- peers --------------------------------------------------------------------------

    def check_card(self, card: IdentityCard) -> None:
        """Raise RejectedInput if ``add_peer`` would refuse the card (this device's own, or a
        known device with changed keys), so the UI can say so before asking to trust it."""
        if card.node_id == self.store.node_id:
            raise RejectedInput(Message(msg.OWN_CARD))
        existing = self._peer_row(card.node_id)
        if existing is not None and (unb64(existing.sign_key), unb64(existing.kem_key)) != (
            card.sign_key,
            card.kem_key,
        ):
            raise RejectedInput(Message(msg.KEYS_CHANGED, name=existing.name))
        if existing is not None and existing.role != card.role:
            raise RejectedInput(
                Message(
                    msg.ROLE_CHANGED,
                    name=existing.name,
                    old=role_label(existing.role),
                    new=role_label(card.role),
                )
            )
        wanted = card.name.strip().casefold()
        if any(p.node_id != card.node_id and p.name.casefold() == wanted for p in self.peers()):
            raise RejectedInput(Message(msg.PEER_NAME_TAKEN, name=card.name))

    def add_peer(self, card: IdentityCard) -> PeerInfo:
        self.check_card(card)
        values = {
            "node_id": card.node_id,
            "name": card.name,
            "role": card.role,
            "sign_key": b64(card.sign_key),
            "kem_key": b64(card.kem_key),
            "key_id": card.key_id,
            "fingerprint": card.fingerprint,
            "added_at": self.store.clock.now().isoformat(timespec="seconds"),
            "acked_rev": 0,
            "received_upto": 0,
            "sent_seq": 0,
        }
        with self.store.write() as write:
            stmt = sqlite_insert(PEER_TABLE).values(**values)
            # Same keys and role (check_card): a person confirmed the card anew, name included.
            write.conn.execute(
                stmt.on_conflict_do_update(index_elements=["node_id"], set_={"name": card.name})
            )
            audit.log(write, self.store.clock.now(), "peer_added", detail=card.name)
        peer = self.find_peer(card.node_id)
        return peer

    def remove_peer(self, name_or_id: str) -> PeerInfo:
        """Stop trusting a device (e.g. a lost laptop): its bundles are refused from now on.

        What it sent before stays. Its name is kept for the audit trail's device column.
        """
        peer = self.find_peer(name_or_id)
        former = json.loads(self.store.meta(FORMER_PEERS_KEY) or "{}")
        former[peer.node_id] = peer.name
        with self.store.write() as write:
            write.conn.execute(PEER_TABLE.delete().where(PEER_TABLE.c.node_id == peer.node_id))
            self.store._save_meta(write.conn, {FORMER_PEERS_KEY: json.dumps(former)})
            audit.log(write, self.store.clock.now(), "peer_removed", detail=peer.name)
        return peer

    def former_peer_names(self) -> dict[str, str]:
        names: dict[str, str] = json.loads(self.store.meta(FORMER_PEERS_KEY) or "{}")
        return names

    def peers(self) -> list[PeerInfo]:
        with self.store.read() as conn:
            rows = conn.execute(select(PEER_TABLE).order_by(PEER_TABLE.c.name)).all()
        return [self._info(row) for row in rows]

    def find_peer(self, name_or_id: str) -> PeerInfo:
        wanted = name_or_id.strip().casefold()
        matches = [p for p in self.peers() if wanted in (p.node_id.casefold(), p.name.casefold())]
        if len(matches) != 1:
            raise VielfaltError(
                Message(msg.NO_SUCH_PEER, name=name_or_id)
                if not matches
                else Message(msg.PEER_AMBIGUOUS, name=name_or_id)
            )
        return matches[0]

    def _peer_row(self, node_id: str) -> Row[Any] | None:
        with self.store.read() as conn:
            return conn.execute(select(PEER_TABLE).where(PEER_TABLE.c.node_id == node_id)).first()

    @staticmethod
    def _info(r: Row[Any]) -> PeerInfo:
        return PeerInfo(
            r.node_id,
            r.name,
            r.role,
            r.fingerprint,
            r.added_at,
            r.acked_rev,
            r.received_upto,
        )

    # --- export -------------------------------------------------------------------------

    def export(self, peer_name_or_id: str, path: Path) -> ExportResult:
        peer = self.find_peer(peer_name_or_id)
        keys = self._keys()
        everything = peer.role == "office"
        with self.store.read() as conn:
            row = conn.execute(select(PEER_TABLE).where(PEER_TABLE.c.node_id == peer.node_id)).one()
            upto = self.store.rev
            author = None if self.store.role == "office" else self.store.node_id
            records = changes.collect(conn, peer.acked_rev, peer.node_id, everything, author)
        counts = {kind: len(block["rows"]) for kind, block in records.items()}
        bundle_id = str(uuid.uuid4())
        # Never before our own latest stamp: receivers refuse stamps later than the bundle.
        moment = max(self.store.clock.now(), stamp_to_datetime(self.store.hlc.last))
        now = moment.isoformat(timespec="seconds")
        header = bundle.Header(
            bundle_id=bundle_id,
            sender=self.store.node_id,
            sender_name=self.store.node_name,
            recipient=peer.node_id,
            recipient_key_id=row.key_id,
            seq=row.sent_seq + 1,
            created=now,
            since=peer.acked_rev,
            upto=upto,
            ack=peer.received_upto,
            counts=counts,
        )
        data = bundle.write_bundle(header, {"records": records}, keys, unb64(row.kem_key))
        atomic_write_bytes(path, data, mode=0o600)
        with self.store.write() as write:
            write.conn.execute(
                update(PEER_TABLE)
                .where(PEER_TABLE.c.node_id == peer.node_id)
                .values(sent_seq=header.seq)
            )
            write.conn.execute(
                LEDGER_TABLE.insert().values(
                    bundle_id=bundle_id,
                    direction="out",
                    peer_id=peer.node_id,
                    seq=header.seq,
                    created=now,
                    processed_at=now,
                    since_rev=header.since,
                    upto_rev=upto,
                    records=sum(counts.values()),
                    changed=0,
                    file_name=path.name,
                )
            )
            audit.log(
                write,
                self.store.clock.now(),
                "export",
                count=sum(counts.values()),
                detail=peer.name,
            )
        return ExportResult(bundle_id, path, counts)

    # --- import -------------------------------------------------------------------------

    def import_files(self, paths: Iterable[Path]) -> list[ImportResult]:
        """Import each bundle on its own; stops at the first rejected one, none of it applied."""
        return [self.import_file(path) for path in paths]

    def import_file(self, path: Path) -> ImportResult:
        try:
            with bundle.BundleFile.open(path, self.max_bundle_bytes) as opened:
                return self._import(path, opened)
        except OSError as exc:
            raise RejectedInput(
                Message(msg.FILE_UNREADABLE, path=path, reason=exc.strerror)
            ) from None
        except RejectedInput as exc:
            # A refused bundle changes nothing here but the audit trail, which says so.
            self._log_refusal(path, exc.message)
            raise RejectedInput(Message(msg.IN_FILE, file=path.name, message=exc.message)) from None

    def _log_refusal(self, path: Path, reason: str) -> None:
        detail = f"{path.name[:120]}: {reason}"[:MAX_DETAIL]
        try:
            with self.store.write() as write:
                audit.log(write, self.store.clock.now(), "import_refused", detail=detail)
        except VielfaltError:
            pass  # the refusal itself is what the user must hear

    def _import(self, path: Path, opened: bundle.BundleFile) -> ImportResult:
        header = opened.header
        peer = self._peer_row(header.sender)
        if peer is None:
            # The header is not authenticated: name the sender by its id, not its claimed name.
            raise RejectedInput(Message(msg.UNKNOWN_SENDER, sender=header.sender))
        opened.verify(unb64(peer.sign_key))
        keys = self._keys()
        if header.recipient != self.store.node_id or header.recipient_key_id != (
            key_id(keys.public_kem_bytes())
        ):
            raise RejectedInput(Message(msg.WRONG_RECIPIENT))
        if self._is_known(peer.node_id, header.bundle_id):
            return ImportResult(path, header.bundle_id, peer.name, True, 0, 0)
        payload = opened.payload(keys, self.max_payload_json)
        rows = changes.validate(payload, header.counts)
        del payload
        _check_logs(rows)
        created = bundle.created_time(header.created)
        assert created is not None  # read_header refuses anything else
        now = self.store.clock.now()
        incoming.check_clock(rows, created, now, peer.name)
        sender, me = Writer(peer.node_id, peer.role), Writer(self.store.node_id, self.store.role)
        incoming.check_kinds(rows, sender, peer.name, me)
        vocab = incoming.effective_vocabulary(self._vocab(), rows)
        # A sender a few minutes ahead may already be on the next day.
        today = max(self.store.clock.today(), created.date())
        incoming.check_values(rows, vocab, today)
        stamp = now.isoformat(timespec="seconds")
        changed = 0
        with self.store.write() as write:
            if self._is_known(peer.node_id, header.bundle_id, write.conn):
                return ImportResult(path, header.bundle_id, peer.name, True, 0, 0)
            gate = incoming.Gate(write.conn, sender, peer.name, me, rows)
            rows = gate.prepare()
            for kind in LOG_KINDS:
                if kind in rows:
                    # Logs are append-only: an entry we hold already stays as written.
                    known = repo.existing_ids(write.conn, kind, (r.id for r in rows[kind]))
                    rows[kind] = [r for r in rows[kind] if r.id not in known]
            for kind in RECORD_KINDS:
                if kind in rows:
                    merged = changes.merge(
                        write, kind, rows[kind], header.bundle_id, stamp, peer.node_id, gate
                    )
                    # Log entries are news about the sender, not changed records.
                    changed += merged if kind not in LOG_KINDS else 0
            incoming.check_references(write.conn, rows, me)
            received = peer.received_upto
            if header.since <= received:
                received = max(received, header.upto)
            acked = max(peer.acked_rev, min(header.ack, write.rev))
            write.conn.execute(
                update(PEER_TABLE)
                .where(PEER_TABLE.c.node_id == peer.node_id)
                .values(received_upto=received, acked_rev=acked)
            )
            write.conn.execute(
                LEDGER_TABLE.insert().values(
                    bundle_id=header.bundle_id,
                    direction="in",
                    peer_id=peer.node_id,
                    seq=header.seq,
                    created=header.created,
                    processed_at=stamp,
                    since_rev=header.since,
                    upto_rev=header.upto,
                    records=sum(header.counts.values()),
                    changed=changed,
                    file_name=path.name,
                )
            )
            audit.log(
                write,
                self.store.clock.now(),
                "import",
                count=sum(header.counts.values()),
                detail=peer.name,
            )
        # Every page's HMAC and structure; the index-versus-table cross-check stays with
        # `vielfalt check` (store/engine.integrity_problems says why).
        problems = tuple(self.store.integrity_problems(thorough=False))
        vocabulary_changed = bool(rows.get("vocab_entry"))
        if vocabulary_changed:
            self._on_vocabulary()
        return ImportResult(
            path,
            header.bundle_id,
            peer.name,
            False,
            sum(header.counts.values()),
            changed,
            problems,
            vocabulary_changed,
        )

    # --- file names -----------------------------------------------------------------------

    def bundle_path(self, recipient: str, folder: Path) -> Path:
        """Where a bundle for ``recipient`` goes in ``folder``: a free, dated default name."""
        return naming.bundle_name(self.store.node_name, recipient, self.store.clock.today(), folder)

    def card_name(self) -> str:
        """The default file name of this device's identity card."""
        return naming.card_name(self.store.node_name)

    def _is_known(self, peer_id: str, bundle_id: str, conn: Connection | None = None) -> bool:
        """Bundle ids are known per sender: another device cannot claim one in advance."""
        stmt = select(LEDGER_TABLE.c.bundle_id).where(
            LEDGER_TABLE.c.peer_id == peer_id, LEDGER_TABLE.c.bundle_id == bundle_id
        )
        if conn is not None:
            return conn.execute(stmt).first() is not None
        with self.store.read() as read:
            return read.execute(stmt).first() is not None

    # --- review -------------------------------------------------------------------------

    def digest(self) -> str:
        with self.store.read() as conn:
            return changes.digest(conn)

    def conflict_log(self, *, include_reviewed: bool = False) -> list[ConflictEntry]:
        table = CONFLICT_LOG_TABLE
        stmt = select(table).order_by(table.c.id.desc())
        if not include_reviewed:
            stmt = stmt.where(table.c.reviewed.is_(False))
        with self.store.read() as conn:
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

    def mark_reviewed(self, entry_id: int) -> None:
        with self.store.write() as write:
            write.conn.execute(
                update(CONFLICT_LOG_TABLE)
                .where(CONFLICT_LOG_TABLE.c.id == entry_id)
                .values(reviewed=True)
            )

    def history(self, limit: int = 200) -> list[LedgerEntry]:
        ledger, peer = LEDGER_TABLE, PEER_TABLE
        stmt = (
            select(ledger, peer.c.name)
            .join(peer, peer.c.node_id == ledger.c.peer_id, isouter=True)
            .order_by(ledger.c.processed_at.desc())
            .limit(limit)
        )
        with self.store.read() as conn:
            return [
                LedgerEntry(
                    r.bundle_id,
                    r.direction,
                    r.name or "?",
                    r.seq,
                    r.processed_at,
                    r.records,
                    r.changed,
                    r.file_name,
                )
                for r in conn.execute(stmt)
            ]


def _check_logs(rows: dict[str, list[changes.IncomingRow]]) -> None:
    for kind in LOG_KINDS:
        if any(r.deleted or r.stamps for r in rows.get(kind, ())):
            raise RejectedInput(Message(msg.LOGS_ARE_APPEND_ONLY))
