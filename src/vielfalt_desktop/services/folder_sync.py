"""„Synchronisieren“ over one folder: read this device's mailbox, write each peer's news.

The folder may be anything a file manager can open — the city's share, a Nextcloud or
Syncthing folder, a USB stick — and learns only what bundle headers show. Its layout and the
file rules are sync.folder's; what is read, verified and merged is SyncService's. This use
case adds what a shared folder needs:

* **reading**: every complete bundle in the own mailbox is imported, each on its own
  transaction; applied ones (new or already known, such as conflict copies) leave the
  mailbox, or move to ``erledigt/`` for 30 days. A file that is refused — garbage, cut off,
  for another device, from a stranger — stays where it is, is named once in the result and
  is not tried again until its size or time changes (remembered in the store's meta);
* **writing**: one bundle per trusted peer that has something new: records changed since
  the last bundle written to it (the audit entries every exchange makes ride along, but never
  cause a bundle on their own), or an acknowledgement it is owed — a bundle with records came
  from it since — so a coordinator answers each laptop and the laptops may purge. Nothing new,
  no bundle. A bundle that went unconfirmed for a week is written again (it may have been
  lost, e.g. deleted from a share);
* **failures**: a missing, read-only or full folder, or one that vanishes mid-run, ends the
  run with one German message (RejectedInput, exit code 4). Nothing is left under a final
  name half-written, and nothing is noted for the part that failed; bundles already imported
  stay imported (each was its own transaction) and the message says so.

Settings and bookkeeping live in the store's meta (``folder_sync``, ``folder_sync_state``),
so the app and the command line agree.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import (
    RejectedInput,
    StoreError,
    StoreLocked,
    VielfaltError,
    WrongPassphrase,
)
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.domain.records import LOG_KINDS
from vielfalt_desktop.services.sync import ExportResult, ImportResult, PeerInfo, SyncService
from vielfalt_desktop.store.database import Store
from vielfalt_desktop.sync import bundle, changes
from vielfalt_desktop.sync import folder as box

__all__ = ["FolderSync", "FolderSyncFailed", "FolderSyncResult", "Refusal"]

SETTINGS_KEY = "folder_sync"
STATE_KEY = "folder_sync_state"
#: Files imported in one run at most; the rest wait for the next (has_incoming stays True).
MAX_FILES = 500
#: Refused or unremovable files remembered at most (one forgotten is named once more).
MAX_REMEMBERED = 1000
#: An unconfirmed bundle is written again after this many days.
RESEND_DAYS = 7
#: Enough of a file for its header: preamble, the largest header, a signature's worth.
HEAD_BYTES = 16 + bundle.MAX_HEADER_BYTES + bundle.SIGNATURE_BYTES

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Refusal:
    file_name: str
    reason: str  # one German line (a Message)


@dataclass(frozen=True, slots=True)
class FolderSyncResult:
    folder: Path
    imported: tuple[ImportResult, ...]  # already_known ones included
    refused: tuple[Refusal, ...]  # refused in this run (a remembered refusal is not repeated)
    written: tuple[ExportResult, ...]  # one per peer that got a bundle

    @property
    def vocabulary_changed(self) -> bool:
        return any(r.vocabulary_changed for r in self.imported)

    @property
    def new_bundles(self) -> tuple[ImportResult, ...]:
        """The imported bundles that were not known before."""
        return tuple(r for r in self.imported if not r.already_known)

    def summary(self) -> Message:
        """One German line a person understands, translatable part by part."""
        parts: list[Message] = []
        new = self.new_bundles
        if new:
            parts.append(Message(msg.SYNC_READ, count=len(new), details=_by_sender(new)))
        known = len(self.imported) - len(new)
        if known:
            parts.append(
                Message(msg.SYNC_KNOWN_ONE) if known == 1 else Message(msg.SYNC_KNOWN, count=known)
            )
        if self.written:
            parts.append(Message(msg.SYNC_WRITTEN, count=len(self.written)))
        if not parts:
            parts.append(Message(msg.SYNC_NOTHING_NEW))
        if self.refused:
            items = [
                Message(msg.SYNC_REFUSAL, file=r.file_name, reason=r.reason) for r in self.refused
            ]
            listed = _joined(items, msg.SYNC_REFUSALS)
            n = len(self.refused)
            parts.append(
                Message(msg.SYNC_SKIPPED_ONE, refusals=listed)
                if n == 1
                else Message(msg.SYNC_SKIPPED, count=n, refusals=listed)
            )
        return _joined(parts, msg.SYNC_SENTENCES)


class FolderSyncFailed(RejectedInput):
    """The run stopped at a folder that went missing, read-only or full (exit code 4).

    ``result`` is what was done before — imports are kept, each was its own transaction —
    and the message says so.
    """

    def __init__(self, message: str, result: FolderSyncResult) -> None:
        super().__init__(message)
        self.result = result


@dataclass(slots=True)
class _PeerState:
    upto: int = 0  # our rev up to which the last bundle we wrote to it carried our changes
    ack: int = 0  # the acknowledgement that bundle gave
    owed: bool = False  # a bundle with records came from it since: it is owed an answer
    sent: str = ""  # the day (store clock) that bundle was written
    added: str = ""  # when the peer was trusted: a peer trusted anew starts afresh


@dataclass(slots=True)
class _State:
    skip: dict[str, list[int]] = field(default_factory=dict)  # name → [size, mtime_ns]
    peers: dict[str, _PeerState] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str | None) -> _State:
        try:
            doc = json.loads(text or "{}")
            skip = {str(k): [int(v[0]), int(v[1])] for k, v in dict(doc.get("skip", {})).items()}
            peers = {str(k): _PeerState(**v) for k, v in dict(doc.get("peers", {})).items()}
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return cls()  # bookkeeping only: lost, a refused file is named once more
        return cls(skip, peers)

    def to_json(self) -> str:
        peers = {
            k: {"upto": p.upto, "ack": p.ack, "owed": p.owed, "sent": p.sent, "added": p.added}
            for k, p in self.peers.items()
        }
        return json.dumps({"skip": self.skip, "peers": peers}, sort_keys=True)

    def peer(self, info: PeerInfo) -> _PeerState | None:
        state = self.peers.get(info.node_id)
        if state is None or state.added not in ("", info.added_at):
            return None  # never written to, or trusted anew since
        return state


class FolderSync:
    def __init__(self, store: Store, sync: SyncService) -> None:
        self.store = store
        self.sync = sync
        #: How long a recently changed file must stay unchanged to count as complete.
        self.settle_seconds = 0.5

    # --- settings -------------------------------------------------------------------------

    def _settings(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.store.meta(SETTINGS_KEY) or "{}")
        except ValueError:
            return {}
        return doc if isinstance(doc, dict) else {}

    def _save_settings(self, **changes: object) -> None:
        with self.store.write() as write:
            text = Store._meta_in(write.conn, (SETTINGS_KEY,)).get(SETTINGS_KEY)
            try:
                doc = json.loads(text or "{}")
            except ValueError:
                doc = {}
            doc.update(changes)
            Store._save_meta(write.conn, {SETTINGS_KEY: json.dumps(doc, sort_keys=True)})

    def folder(self) -> Path | None:
        value = self._settings().get("folder")
        return Path(value) if isinstance(value, str) and value else None

    def set_folder(self, folder: Path | None) -> None:
        """Use ``folder`` from now on (None: no sync folder). The folder must exist and take
        files; this device's mailbox is made in it. Otherwise RejectedInput, nothing kept."""
        if folder is None:
            self._save_settings(folder=None)
            return
        root = Path(os.path.abspath(Path(folder).expanduser()))
        self._prepare(root)
        if root != self.folder():
            self._update_state(lambda state: state.skip.clear())
        self._save_settings(folder=str(root))

    def automatic(self) -> bool:
        """Synchronise at unlock and when a bundle arrives (default on, once a folder is set)."""
        return self.folder() is not None and bool(self._settings().get("automatic", True))

    def set_automatic(self, on: bool) -> None:
        self._save_settings(automatic=bool(on))

    def keep_processed(self) -> bool:
        """Applied bundles move to ``erledigt/`` and go after 30 days (default: deleted)."""
        return bool(self._settings().get("keep_processed", False))

    def set_keep_processed(self, on: bool) -> None:
        self._save_settings(keep_processed=bool(on))

    def mailbox(self) -> Path | None:
        """This device's own mailbox in the sync folder (the one the app watches)."""
        root = self.folder()
        return None if root is None else box.mailbox_path(root, self.store.node_id)

    def has_incoming(self) -> bool:
        """Whether a bundle not yet tried waits in the mailbox (one listing, nothing read)."""
        mailbox = self.mailbox()
        if mailbox is None:
            return False
        try:
            found = box.candidates(mailbox)
        except OSError:
            return False
        skip = self._state().skip
        return any(skip.get(c.name) != [c.seen.size, c.seen.mtime_ns] for c in found)

    # --- the run ----------------------------------------------------------------------------

    def run(self, folder: Path | None = None, progress: Progress | None = None) -> FolderSyncResult:
        """Import what waits in this device's mailbox, then write each peer's news.

        ``folder`` overrides the setting for this run. ``progress(done, total, what)`` may be
        called on the calling (worker) thread. Raises RejectedInput with one German line if
        the folder is missing or takes no files (nothing changed), FolderSyncFailed if it
        fails mid-run, StoreBusy if another program keeps the store's write lock.
        """
        root = folder if folder is not None else self.folder()
        if root is None:
            raise RejectedInput(Message(msg.SYNC_NO_FOLDER))
        root = Path(os.path.abspath(Path(root).expanduser()))
        mailbox, folder_now = self._prepare(root)
        run = _Run(self, root, mailbox, progress or (lambda done, total, what: None))
        try:
            found = box.candidates(mailbox)
        except OSError as exc:
            lost = Message(
                msg.SYNC_FOLDER_LOST,
                folder=root,
                reason=_reason(exc),
                kept=Message(msg.SYNC_KEPT_NOTHING),
            )
            raise RejectedInput(lost) from None
        state = self._state()
        fresh = [c for c in found if state.skip.get(c.name) != [c.seen.size, c.seen.mtime_ns]]
        complete = box.settled(fresh[:MAX_FILES], self.settle_seconds, folder_now)
        run.total = len(complete) + len(self.sync.peers())
        present = {c.name for c in found}
        try:
            for candidate in complete:
                run.import_one(candidate)
        except BaseException:
            # What was learnt is kept even so (refusals are not repeated), if the store lets us.
            with contextlib.suppress(StoreError):
                self._update_state(lambda state: run.note(state, present))
            raise
        self._update_state(lambda state: run.note(state, present))
        box.purge_done(mailbox, self.store.clock.today())
        news = [peer for peer in self.sync.peers() if self._has_news(peer)]
        run.total = run.done + len(news)
        for peer in news:
            run.write_for(peer)
        return run.result()

    def _prepare(self, root: Path) -> tuple[Path, float]:
        """The own mailbox in ``root``, proven writable, and the folder's clock."""
        if not root.exists():
            raise RejectedInput(Message(msg.SYNC_FOLDER_MISSING, folder=root))
        if not root.is_dir():
            raise RejectedInput(Message(msg.SYNC_NOT_A_FOLDER, folder=root))
        try:
            mailbox = box.ensure_own_mailbox(root, self.store.node_id, self.store.node_name)
            return mailbox, box.probe(mailbox)
        except OSError as exc:
            if not root.is_dir():  # gone between the two looks
                raise RejectedInput(Message(msg.SYNC_FOLDER_MISSING, folder=root)) from None
            reason = _reason(exc)
            raise RejectedInput(
                Message(msg.SYNC_FOLDER_READ_ONLY, folder=root, reason=reason)
            ) from None

    # --- bookkeeping ------------------------------------------------------------------------

    def _state(self) -> _State:
        return _State.parse(self.store.meta(STATE_KEY))

    def _update_state(self, change: Callable[[_State], None]) -> None:
        """Read, change and save the state in one transaction (another run may write too).

        A change that changes nothing writes nothing: a run that finds nothing new leaves the
        store as it was."""
        current = self._state()
        changed = _State.parse(current.to_json())
        change(changed)
        if changed.to_json() == current.to_json():
            return
        with self.store.write() as write:
            state = _State.parse(Store._meta_in(write.conn, (STATE_KEY,)).get(STATE_KEY))
            change(state)
            Store._save_meta(write.conn, {STATE_KEY: state.to_json()})

    def _has_news(self, peer: PeerInfo) -> bool:
        """Records for ``peer`` newer than our last bundle to it, or an answer it is owed."""
        state = self._state().peer(peer)
        if state is None and peer.received_upto > 0:
            return True  # never answered through the folder, but it sent us something
        last = state or _PeerState()
        if last.owed:
            return True
        author = None if self.store.role == "office" else self.store.node_id

        def records_after(conn: Connection, since: int) -> bool:
            found = changes.pending(conn, since, peer.node_id, peer.is_office, author)
            return any(kind not in LOG_KINDS for kind in found)

        with self.store.read() as conn:
            if records_after(conn, max(peer.acked_rev, last.upto)):
                return True
            unconfirmed = peer.acked_rev < last.upto and records_after(conn, peer.acked_rev)
        if unconfirmed:
            # Records went out and were never confirmed: after a week they are written again
            # (the bundle may have been lost, e.g. deleted from a share).
            try:
                sent = dt.date.fromisoformat(last.sent)
            except ValueError:
                return True
            return (self.store.clock.today() - sent).days >= RESEND_DAYS
        return False


class _Run:
    """One run's progress and outcome (FolderSync.run)."""

    def __init__(self, owner: FolderSync, root: Path, mailbox: Path, progress: Progress) -> None:
        self.owner, self.root, self.mailbox, self.progress = owner, root, mailbox, progress
        self.total = 0
        self.done = 0
        self.imported: list[ImportResult] = []
        self.refused: list[Refusal] = []
        self.written: list[ExportResult] = []
        self.skip: dict[str, list[int]] = {}
        self.forget: set[str] = set()
        self.owed: set[str] = set()
        self.keep = owner.keep_processed()

    def result(self) -> FolderSyncResult:
        return FolderSyncResult(
            self.root, tuple(self.imported), tuple(self.refused), tuple(self.written)
        )

    def failed(self, message: Message) -> FolderSyncFailed:
        return FolderSyncFailed(message, self.result())

    def _kept(self) -> Message:
        done = self.result()
        if not done.imported and not done.written:
            return Message(msg.SYNC_KEPT_NOTHING)
        return Message(msg.SYNC_KEPT, summary=done.summary())

    def _step(self, what: str) -> None:
        self.progress(self.done, self.total, what)
        self.done += 1

    # --- reading ----------------------------------------------------------------------------

    def import_one(self, candidate: box.Candidate) -> None:
        self._step(candidate.name)
        if box.look(candidate.path) != candidate.seen:
            return  # changed or gone since the listing: the next run sees it
        sync = self.owner.sync
        header = _header(candidate.path)
        try:
            result = sync.import_file(candidate.path)
        except (StoreError, StoreLocked, WrongPassphrase):
            raise  # the store's trouble, not the file's: the run stops, the file waits
        except VielfaltError as exc:
            self._refuse(candidate, exc.message)
            return
        except Exception as exc:  # a hostile file must never end the run
            self._refuse(candidate, Message(msg.SYNC_FILE_FAILED, kind=type(exc).__name__))
            return
        self.imported.append(result)
        same = header is not None and header.bundle_id == result.bundle_id
        if same and header is not None and not result.already_known and _has_records(header):
            self.owed.add(header.sender)
        self._applied(candidate)

    def _refuse(self, candidate: box.Candidate, message: str) -> None:
        if box.look(candidate.path) != candidate.seen and self.mailbox.is_dir():
            return  # it changed or went while being read: still arriving, tried next run
        if not self.mailbox.is_dir():  # the folder went away under us: not the file's fault
            lost = Message(
                msg.SYNC_FOLDER_LOST, folder=self.root, reason=message, kept=self._kept()
            )
            raise self.failed(lost)
        reason = message
        if isinstance(message, Message) and message.template == msg.IN_FILE:
            reason = str(message.params.get("message", message))
        self.refused.append(Refusal(candidate.name, reason))
        self.skip[candidate.name] = [candidate.seen.size, candidate.seen.mtime_ns]

    def _applied(self, candidate: box.Candidate) -> None:
        try:
            if self.keep:
                box.keep(candidate.path, self.owner.store.clock.today())
            else:
                box.remove(candidate.path)
            self.forget.add(candidate.name)
        except OSError:
            # It cannot leave (a read-only file): remembered, so it is not read again.
            self.skip[candidate.name] = [candidate.seen.size, candidate.seen.mtime_ns]

    def note(self, state: _State, present: set[str]) -> None:
        """Refusals remembered, names no longer there forgotten, answers owed noted."""
        skip = {k: v for k, v in state.skip.items() if k in present and k not in self.forget}
        skip.update(self.skip)
        state.skip = dict(list(skip.items())[-MAX_REMEMBERED:])
        for node_id in self.owed:
            entry = state.peers.setdefault(node_id, _PeerState())
            entry.owed = True

    # --- writing ----------------------------------------------------------------------------

    def write_for(self, peer: PeerInfo) -> None:
        """Write one bundle for ``peer`` (which has news) into its mailbox."""
        owner = self.owner
        self._step(peer.name)
        ack = peer.received_upto
        try:
            mailbox = box.ensure_peer_mailbox(self.root, peer.node_id, peer.name)
            path = owner.sync.bundle_path(peer.name, mailbox)
            written = owner.sync.export(peer.node_id, path)
        except OSError as exc:
            message = Message(
                msg.SYNC_WRITE_FAILED,
                peer=peer.name,
                folder=self.root,
                reason=_reason(exc),
                kept=self._kept(),
            )
            raise self.failed(message) from None
        self.written.append(written)
        header = _header(written.path)
        upto = header.upto if header is not None else owner.store.rev
        ack = header.ack if header is not None else ack
        today = owner.store.clock.today().isoformat()

        def sent(state: _State) -> None:
            state.peers[peer.node_id] = _PeerState(upto, ack, False, today, peer.added_at)

        owner._update_state(sent)


def _header(path: Path) -> bundle.Header | None:
    """The (unauthenticated) header of a file, read from its first bytes only."""
    try:
        return bundle.read_header(box.read_head(path, HEAD_BYTES))[0]
    except (OSError, RejectedInput):
        return None


def _has_records(header: bundle.Header) -> bool:
    """Whether a bundle carried records, not only the log entries every exchange makes."""
    return any(n and kind not in LOG_KINDS for kind, n in header.counts.items())


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _by_sender(results: Sequence[ImportResult]) -> Message:
    """„214 neue Einträge von Laptop Nord, 12 von Laptop Süd“."""
    changed: dict[str, int] = {}
    for r in results:
        changed[r.sender_name] = changed.get(r.sender_name, 0) + r.changed
    items: list[Message] = []
    for number, (sender, count) in enumerate(changed.items()):
        if count == 0:
            items.append(Message(msg.SYNC_FROM_NONE, sender=sender))
        elif number:
            items.append(Message(msg.SYNC_FROM_MORE, count=count, sender=sender))
        elif count == 1:
            items.append(Message(msg.SYNC_FROM_ONE, sender=sender))
        else:
            items.append(Message(msg.SYNC_FROM, count=count, sender=sender))
    return _joined(items, msg.SYNC_LIST)


def _joined(items: Sequence[Message], template: str) -> Message:
    """``a, b, c`` as nested messages, so a translation can reorder or re-punctuate them."""
    result = items[-1]
    for item in reversed(items[:-1]):
        result = Message(template, first=item, rest=result)
    return result
