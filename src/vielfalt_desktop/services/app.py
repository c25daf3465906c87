"""The opened application: one store and the services on it. The GUI and the CLI share this.

``App`` is the only door into the core for the UI and the CLI: they ask it who this device is
(:attr:`App.device`), whether it is still open, and for its services; none of them reaches the
store. The vocabularies are held here once; every service reads them through the App, so a
change made here or received in a bundle reaches all of them at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from vielfalt_desktop.domain.clock import Clock, SystemClock
from vielfalt_desktop.domain.errors import WrongPassphrase
from vielfalt_desktop.domain.messages import Message, role_label
from vielfalt_desktop.domain.vocab import Vocabularies, default_vocabularies
from vielfalt_desktop.services import audit
from vielfalt_desktop.services.audit import AuditService
from vielfalt_desktop.services.counts import CountService
from vielfalt_desktop.services.folder_sync import FolderSync
from vielfalt_desktop.services.overview import OverviewService
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.services.retention import RetentionService
from vielfalt_desktop.services.sync import SyncService
from vielfalt_desktop.services.vocabulary import VocabularyService
from vielfalt_desktop.store.database import QUICK, Busy, DataPaths, Store, StoreBusy
from vielfalt_desktop.store.vault import Argon2Params, params_from_env


@dataclass(frozen=True, slots=True)
class Device:
    """Who this store belongs to, as the UI and the CLI show it."""

    node_id: str
    name: str
    role: str  # "field" or "office"
    data_folder: Path

    @property
    def is_office(self) -> bool:
        return self.role == "office"

    @property
    def role_label(self) -> Message:
        """„Laptop“ or „Koordination“, translatable."""
        return role_label(self.role)


class App:
    def __init__(self, store: Store, vocab: Vocabularies | None = None) -> None:
        self.store = store
        self._vocab = vocab or default_vocabularies()
        self._vocabulary_listeners: list[Callable[[], None]] = []
        current = self._current_vocab
        self.records = RecordService(store, current)
        self.vocabulary = VocabularyService(self.records, self.refresh_vocabulary)
        if vocab is None:
            self._vocab = self.vocabulary.effective()
        self.stats = CountService(store)
        self.sync = SyncService(store, current, on_vocabulary=self.refresh_vocabulary)
        self.folder_sync = FolderSync(store, self.sync)
        self.audit = AuditService(store)
        self.retention = RetentionService(store, current)
        self.overview = OverviewService(store, current)

    @classmethod
    def create(
        cls,
        data_dir: Path,
        passphrase: str,
        *,
        role: str,
        name: str,
        params: Argon2Params | None = None,
        clock: Clock | None = None,
    ) -> tuple[App, str]:
        store, recovery = Store.create(
            DataPaths(data_dir),
            passphrase,
            role=role,
            name=name,
            params=params or params_from_env(),
            clock=clock,
        )
        app = cls(store)
        app.sync.ensure_identity()
        return app, recovery

    @classmethod
    def open(
        cls,
        data_dir: Path,
        passphrase: str,
        *,
        clock: Clock | None = None,
        housekeeping: bool = True,
        busy: Busy | None = None,
    ) -> App:
        """Unlock the store. Logs the unlock (and failed ones) and applies due retention rules.

        ``housekeeping=False`` skips the once-a-day retention run (benchmarks of other work).
        ``busy`` says how writes wait for another program's lock. Unlocking itself never
        waits: while another program writes, the unlock's audit entry is queued and the
        retention run is left for a later unlock.
        """
        paths = DataPaths(data_dir)
        try:
            store = Store.open(paths, passphrase, clock=clock, busy=busy)
        except WrongPassphrase:
            audit.note_failed_unlock(paths, (clock or SystemClock()).now())
            raise
        app = cls(store)
        try:
            audit.record_unlock(store)
            if housekeeping:
                patience, store.busy = store.busy, QUICK
                try:
                    app.retention.purge_if_due()
                except StoreBusy:
                    pass  # due again at the next unlock
                finally:
                    store.busy = patience
        except BaseException:
            app.close()
            raise
        return app

    @property
    def device(self) -> Device:
        store = self.store
        return Device(store.node_id, store.node_name, store.role, store.paths.root)

    @property
    def is_office(self) -> bool:
        return self.store.role == "office"

    @property
    def is_open(self) -> bool:
        return self.store.is_open

    def today(self) -> dt.date:
        """Today on this store's clock (tests and benchmarks fix it)."""
        return self.store.clock.today()

    def now(self) -> dt.datetime:
        return self.store.clock.now()

    @property
    def vocab(self) -> Vocabularies:
        """The vocabularies in force: the shipped ones with every change made or received."""
        return self._vocab

    def _current_vocab(self) -> Vocabularies:
        return self._vocab

    def on_vocabulary_changed(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after the vocabularies changed (a local edit or an import).

        It may be called on the thread that did the work; a UI re-emits it on its own thread.
        """
        self._vocabulary_listeners.append(listener)

    def refresh_vocabulary(self) -> None:
        """Apply vocabulary changes made here or received in a bundle since opening."""
        self._vocab = self.vocabulary.effective()
        for listener in list(self._vocabulary_listeners):
            listener()

    def close(self) -> None:
        self._vocabulary_listeners.clear()
        self.store.close()

    def __enter__(self) -> App:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
