"""The opened application: one store and the services on it. The GUI and the CLI share this."""

from __future__ import annotations

from pathlib import Path

from vielfalt_desktop.domain.clock import Clock, SystemClock
from vielfalt_desktop.domain.errors import WrongPassphrase
from vielfalt_desktop.domain.vocab import Vocabularies, default_vocabularies
from vielfalt_desktop.services import audit
from vielfalt_desktop.services.audit import AuditService
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.services.retention import RetentionService
from vielfalt_desktop.services.stats import StatsService
from vielfalt_desktop.services.sync import SyncService
from vielfalt_desktop.services.vocabulary import VocabularyService
from vielfalt_desktop.store.database import QUICK, Busy, DataPaths, Store, StoreBusy
from vielfalt_desktop.store.vault import Argon2Params, params_from_env


class App:
    def __init__(self, store: Store, vocab: Vocabularies | None = None) -> None:
        self.store = store
        self.records = RecordService(store, vocab or default_vocabularies())
        self.vocabulary = VocabularyService(self.records)
        self.vocab = vocab or self.vocabulary.effective()
        self.records.vocab = self.vocab
        self.stats = StatsService(store)
        self.sync = SyncService(store, lambda: self.vocab)
        self.audit = AuditService(store)
        self.retention = RetentionService(store, self.vocab)

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
    def is_office(self) -> bool:
        return self.store.role == "office"

    def refresh_vocabulary(self) -> None:
        """Apply vocabulary changes made here or received in a bundle since opening."""
        self.vocab = self.vocabulary.effective()
        self.records.vocab = self.vocab
        self.retention.vocab = self.vocab

    def close(self) -> None:
        self.store.close()
