"""Use cases of synchronisation: identity cards, trusted peers, export and import of bundles.

This service coordinates; the state has its owners. sync.peers keeps the trusted devices and
how far each exchange has come, sync.ledger the bundles exchanged and the conflict log,
sync.bundle reads and writes the file; sync.changes selects the rows going out, sync.schema,
sync.incoming and sync.merge check and apply the rows coming in. Each use case here is one
transaction together with its audit entry.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.authority import Writer
from vielfalt_desktop.domain.errors import (
    RejectedInput,
    StoreError,
    ValidationError,
    VielfaltError,
)
from vielfalt_desktop.domain.hlc import stamp_to_datetime
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.domain.records import LOG_KINDS
from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.fileio import atomic_write_bytes
from vielfalt_desktop.services import audit
from vielfalt_desktop.store.database import Store
from vielfalt_desktop.sync import bundle, changes, incoming, ledger, merge, naming, peers, schema
from vielfalt_desktop.sync.identity import MAX_CARD_BYTES, IdentityCard, NodeKeys
from vielfalt_desktop.sync.ledger import ConflictEntry, LedgerEntry
from vielfalt_desktop.sync.peers import PeerInfo

# The types the UI and the command line meet, all importable from here.
__all__ = [
    "ConflictEntry",
    "ExportResult",
    "ImportResult",
    "LedgerEntry",
    "PeerInfo",
    "PeerStatus",
    "SyncService",
]

MAX_DETAIL = 300

#: meta key of the days without a bundle after which a peer counts as behind.
WARN_DAYS_KEY = "sync_warn_days"
DEFAULT_WARN_DAYS = 14
MIN_WARN_DAYS, MAX_WARN_DAYS = 1, 365


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
class PeerStatus:
    """Where the exchange with one trusted device stands, on this store's clock.

    ``unacknowledged`` counts the records (contacts, referrals, partners …) an export to the
    peer would carry now, i.e. ours it has not confirmed; ``pending_logs`` the audit and
    deletion-log entries that would travel with them (every exchange writes one, so they are
    never all confirmed); ``by_kind`` both, per kind, as the export's counts would be.
    """

    peer: PeerInfo
    last_received: dt.datetime | None  # when its latest bundle was imported here
    last_sent: dt.datetime | None  # when we last wrote a bundle for it
    acked_rev: int  # how far it has acknowledged our changes
    unacknowledged: int  # records we would still send it (not yet acknowledged)
    days_silent: int | None  # days since last_received (None: never)
    behind: bool  # days_silent > warn days (or never, and added > warn days ago)
    # --- added by B (see /tmp/contract15.md) ---
    acked_at: dt.datetime | None = None  # when we wrote the latest bundle it confirmed
    pending_logs: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    days_unsent: int | None = None  # days since last_sent (None: never)
    days_trusted: int = 0  # days since its card was trusted here
    warn_days: int = DEFAULT_WARN_DAYS
    #: records wait for its confirmation too long: some unacknowledged, and it is behind or
    #: nothing went to it for more than warn days (a laptop: what is still only here)
    waiting: bool = False


def _moment(text: str | None) -> dt.datetime | None:
    """A stored ISO time as an aware datetime (UTC if it carries no zone); None if unreadable."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _days(now: dt.datetime, then: dt.datetime | None) -> int | None:
    return None if then is None else max(0, (now - then).days)


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
        with self.store.read() as conn:
            peers.check_card(conn, card, self.store.node_id)

    def add_peer(self, card: IdentityCard) -> PeerInfo:
        self.check_card(card)
        added_at = self.store.clock.now().isoformat(timespec="seconds")
        with self.store.write() as write:
            peers.add(write.conn, card, added_at)
            audit.log(write, self.store.clock.now(), "peer_added", detail=card.name)
        return self.find_peer(card.node_id)

    def remove_peer(self, name_or_id: str) -> PeerInfo:
        """Stop trusting a device (e.g. a lost laptop): its bundles are refused from now on.

        What it sent before stays. Its name is kept for the audit trail's device column.
        """
        peer = self.find_peer(name_or_id)
        with self.store.write() as write:
            peers.remove(write.conn, peer)
            audit.log(write, self.store.clock.now(), "peer_removed", detail=peer.name)
        return peer

    def former_peer_names(self) -> dict[str, str]:
        with self.store.read() as conn:
            return peers.former_names(conn)

    def peers(self) -> list[PeerInfo]:
        with self.store.read() as conn:
            return peers.listed(conn)

    def find_peer(self, name_or_id: str) -> PeerInfo:
        return peers.find(self.peers(), name_or_id)

    # --- peer status --------------------------------------------------------------------

    def warn_days(self) -> int:
        """Days without a bundle after which a peer counts as behind (store meta, default 14)."""
        try:
            days = int(self.store.meta(WARN_DAYS_KEY) or DEFAULT_WARN_DAYS)
        except ValueError:
            return DEFAULT_WARN_DAYS
        return days if MIN_WARN_DAYS <= days <= MAX_WARN_DAYS else DEFAULT_WARN_DAYS

    def set_warn_days(self, days: int) -> None:
        if isinstance(days, bool) or not isinstance(days, int):
            raise self._warn_days_problem()
        if not MIN_WARN_DAYS <= days <= MAX_WARN_DAYS:
            raise self._warn_days_problem()
        self.store.set_meta(WARN_DAYS_KEY, str(days))

    @staticmethod
    def _warn_days_problem() -> ValidationError:
        problem = Message(msg.WARN_DAYS, minimum=MIN_WARN_DAYS, maximum=MAX_WARN_DAYS)
        return ValidationError({"warn_days": problem})

    def peer_status(self) -> list[PeerStatus]:
        """Every trusted peer (by name) with where the exchange stands.

        The counts come from the export's own selection (sync.changes.pending), counted in
        SQL; times from the ledger; days against the store's clock.
        """
        warn = self.warn_days()
        now = self.store.clock.now()
        laptop = self.store.role != "office"
        author = self.store.node_id if laptop else None
        found = []
        with self.store.read() as conn:
            exchanged = ledger.exchanges(conn)
            for peer in peers.listed(conn):
                counts = changes.pending(conn, peer.acked_rev, peer.node_id, peer.is_office, author)
                confirmed = ledger.confirmed_at(conn, peer.node_id, peer.acked_rev)
                times = exchanged.get(peer.node_id, ledger.Exchange(None, None))
                found.append(self._status(peer, counts, times, confirmed, now, warn))
        return found

    @staticmethod
    def _status(
        peer: PeerInfo,
        counts: dict[str, int],
        times: ledger.Exchange,
        confirmed: str | None,
        now: dt.datetime,
        warn: int,
    ) -> PeerStatus:
        received, sent = _moment(times.last_in), _moment(times.last_out)
        silent, unsent = _days(now, received), _days(now, sent)
        added = _days(now, _moment(peer.added_at)) or 0
        behind = (silent if silent is not None else added) > warn
        logs = sum(n for kind, n in counts.items() if kind in LOG_KINDS)
        records = sum(counts.values()) - logs
        stale = (unsent if unsent is not None else added) > warn
        return PeerStatus(
            peer=peer,
            last_received=received,
            last_sent=sent,
            acked_rev=peer.acked_rev,
            unacknowledged=records,
            days_silent=silent,
            behind=behind,
            acked_at=_moment(confirmed),
            pending_logs=logs,
            by_kind=counts,
            days_unsent=unsent,
            days_trusted=added,
            warn_days=warn,
            waiting=records > 0 and (behind or stale),
        )

    # --- export -------------------------------------------------------------------------

    def export(self, peer_name_or_id: str, path: Path) -> ExportResult:
        peer = self.find_peer(peer_name_or_id)
        keys = self._keys()
        with self.store.read() as conn:
            upto = self.store.rev
            author = None if self.store.role == "office" else self.store.node_id
            records = changes.collect(conn, peer.acked_rev, peer.node_id, peer.is_office, author)
        counts = {kind: len(block["rows"]) for kind, block in records.items()}
        # Never before our own latest stamp: receivers refuse stamps later than the bundle.
        moment = max(self.store.clock.now(), stamp_to_datetime(self.store.hlc.last))
        now = moment.isoformat(timespec="seconds")
        header = bundle.Header(
            bundle_id=str(uuid.uuid4()),
            sender=self.store.node_id,
            sender_name=self.store.node_name,
            recipient=peer.node_id,
            recipient_key_id=peer.key_id,
            seq=peer.sent_seq + 1,
            created=now,
            since=peer.acked_rev,
            upto=upto,
            ack=peer.received_upto,
            counts=counts,
        )
        data = bundle.write_bundle(header, {"records": records}, keys, peer.kem_key)
        atomic_write_bytes(path, data, mode=0o600)
        with self.store.write() as write:
            peers.record_sent(write.conn, peer.node_id, header.seq)
            ledger.record(
                write.conn, header, "out", processed_at=now, changed=0, file_name=path.name
            )
            total = sum(counts.values())
            audit.log(write, self.store.clock.now(), "export", count=total, detail=peer.name)
        return ExportResult(header.bundle_id, path, counts)

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
        # What the reader needs, as data: the claimed sender's key and the bundles it sent.
        with self.store.read() as conn:
            peer = peers.get(conn, header.sender)
            known = ledger.known_ids(conn, header.sender) if peer else frozenset()
        keys = self._keys()
        receiver = bundle.Receiver(self.store.node_id, keys, self.max_payload_json)
        payload = opened.read(receiver, peer.sign_key if peer else None, known)
        assert peer is not None  # read() refuses an unknown sender
        if payload is None:
            return ImportResult(path, header.bundle_id, peer.name, True, 0, 0)
        rows = schema.validate(payload, header.counts)
        del payload
        schema.check_logs(rows)
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
        with self.store.write() as write:
            if ledger.is_known(write.conn, peer.node_id, header.bundle_id):
                return ImportResult(path, header.bundle_id, peer.name, True, 0, 0)
            gate = incoming.Gate(write.conn, sender, peer.name, me, rows)
            rows = gate.prepare()
            changed = merge.merge_all(write, rows, header.bundle_id, stamp, peer.node_id, gate)
            incoming.check_references(write.conn, rows, me)
            peers.acknowledge(
                write.conn,
                peer.node_id,
                since=header.since,
                upto=header.upto,
                ack=header.ack,
                our_rev=write.rev,
            )
            ledger.record(
                write.conn, header, "in", processed_at=stamp, changed=changed, file_name=path.name
            )
            total = sum(header.counts.values())
            audit.log(write, self.store.clock.now(), "import", count=total, detail=peer.name)
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
            total,
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

    # --- review -------------------------------------------------------------------------

    def digest(self) -> str:
        with self.store.read() as conn:
            return changes.digest(conn)

    def conflict_log(self, *, include_reviewed: bool = False) -> list[ConflictEntry]:
        with self.store.read() as conn:
            return ledger.conflicts(conn, include_reviewed=include_reviewed)

    def mark_reviewed(self, entry_id: int) -> None:
        with self.store.write() as write:
            ledger.mark_reviewed(write.conn, entry_id)

    def history(self, limit: int = 200) -> list[LedgerEntry]:
        with self.store.read() as conn:
            names = {p.node_id: p.name for p in peers.listed(conn)}
            return ledger.history(conn, names, limit)
