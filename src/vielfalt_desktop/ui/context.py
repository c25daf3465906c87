"""What every screen of the unlocked window is given: the services, labels and a change bus.

There is no global registry: the main window builds one context and hands it to its screens.
Locking drops the context together with the window, and with it every reference to the App.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.overview import OverviewService
from vielfalt_desktop.services.records import RecordService
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.signals import emit


class ChangeBus(QObject):
    """Announces that records of a kind changed, so lists and the overview reload."""

    changed = Signal(str)


class Labels:
    """Display labels for codes in the chosen language; unknown codes show as they are."""

    def __init__(self, vocab: Vocabularies, lang: str) -> None:
        self.vocab = vocab
        self.lang = lang

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
        self.labels = Labels(self.app.vocab, self.lang)
        self.overview = OverviewService(self.app.store, self.app.vocab)

    @property
    def vocab(self) -> Vocabularies:
        return self.app.vocab

    @property
    def records(self) -> RecordService:
        return self.app.records

    def today(self) -> dt.date:
        return self.app.store.clock.today()

    def announce(self, kind: str) -> None:
        emit(self.bus.changed, kind)
