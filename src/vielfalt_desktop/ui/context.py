"""What every screen of the unlocked window is given: the services, labels and a change bus.

There is no global registry: the main window builds one context and hands it to its screens.
Locking drops the context together with the window, and with it every reference to the App.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.signals import emit


class ChangeBus(QObject):
    """Announces that records of a kind changed, so lists and the overview reload.

    ``vocabulary_changed`` says the selection lists changed (a local edit or an import): filters
    and forms rebuild their choices, labels already read the new ones.
    """

    changed = Signal(str)
    vocabulary_changed = Signal()


class Labels:
    """Display labels for codes in the chosen language; unknown codes show as they are."""

    def __init__(self, vocab: Callable[[], Vocabularies], lang: str) -> None:
        self._vocab = vocab
        self.lang = lang

    @property
    def vocab(self) -> Vocabularies:
        return self._vocab()

    def code(self, vocabulary: str, code: str | None) -> str:
        if not code:
            return ""
        if vocabulary == "district":
            return self.vocab.districts.label_of(code, self.lang)
        if vocabulary == "country":
            return self.vocab.countries.label_of(code, self.lang)
        return self.vocab[vocabulary].label_of(code, self.lang)

    def codes(self, vocabulary: str, codes: Iterable[str]) -> str:
        return ", ".join(self.code(vocabulary, c) for c in codes)


@dataclass
class UiContext:
    app: App
    settings: UiSettings
    lang: str = "de"
    bus: ChangeBus = field(default_factory=ChangeBus)

    def __post_init__(self) -> None:
        self.labels = Labels(lambda: self.app.vocab, self.lang)
        self.overview = self.app.overview

    @property
    def vocab(self) -> Vocabularies:
        return self.app.vocab

    @property
    def records(self) -> RecordService:
        return self.app.records

    def today(self) -> dt.date:
        return self.app.today()

    def announce(self, kind: str) -> None:
        emit(self.bus.changed, kind)

    def announce_vocabulary(self) -> None:
        """The App re-read its vocabularies; tell the screens (on the GUI thread)."""
        emit(self.bus.vocabulary_changed)
