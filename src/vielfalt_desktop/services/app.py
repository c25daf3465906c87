"""The opened application: one store and the services on it. The GUI and the CLI share this."""

from __future__ import annotations

from pathlib import Path

from vielfalt_desktop.domain.clock import Clock
from vielfalt_desktop.domain.vocab import Vocabularies, default_vocabularies
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.services.stats import StatsService
from vielfalt_desktop.services.sync import SyncService
from vielfalt_desktop.services.vocabulary import VocabularyService
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.vault import Argon2Params, params_from_env


class App:
    def __init__(self, store: Store, vocab: Vocabularies | None = None) -> None:
        self.store = store
        self.records = RecordService(store, vocab or default_vocabularies())
        self.vocabulary = VocabularyService(self.records)
        self.vocab = vocab or self.vocabulary.effective()
        self.records.vocab = self.vocab
        self.stats = StatsService(store)
        self.sync = SyncService(store)

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
    def open(cls, data_dir: Path, passphrase: str, *, clock: Clock | None = None) -> App:
        return cls(Store.open(DataPaths(data_dir), passphrase, clock=clock))

    @property
    def is_office(self) -> bool:
        return self.store.role == "office"

    def refresh_vocabulary(self) -> None:
        """Apply vocabulary changes made here or received in a bundle since opening."""
        self.vocab = self.vocabulary.effective()
        self.records.vocab = self.vocab

    def close(self) -> None:
        self.store.close()
