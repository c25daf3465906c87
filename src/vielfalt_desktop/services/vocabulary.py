"""The coordinator's changes to the vocabularies, kept as records so they travel to laptops."""

from __future__ import annotations

from collections.abc import Callable

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import VocabEntry
from vielfalt_desktop.domain.vocab import (
    Vocabularies,
    default_vocabularies,
    entry_id,
    with_overrides,
)
from vielfalt_desktop.services.records import RecordService

__all__ = ["VocabularyService", "entry_id"]


class VocabularyService:
    def __init__(self, records: RecordService, changed: Callable[[], None] | None = None) -> None:
        self.records = records
        self._changed = changed or (lambda: None)  # the App re-reads its vocabularies

    def overrides(self) -> list[VocabEntry]:
        return self.records.page(VocabEntry, Query(order_by="code", descending=False), 0, 100_000)

    def effective(self) -> Vocabularies:
        """The shipped vocabularies with every change made here or received applied."""
        return with_overrides(
            default_vocabularies(),
            ((e.vocabulary, e.code, e.de, e.en, e.active) for e in self.overrides()),
        )

    def set_entry(
        self, vocabulary: str, code: str, de: str, en: str, *, active: bool = True
    ) -> VocabEntry:
        """Add a value to a vocabulary, rename it, or retire it (active=False)."""
        if vocabulary in ("district", "country"):
            raise ValidationError({"vocabulary": Message(msg.VOCABULARY_NOT_HERE)})
        entry = VocabEntry(
            id=entry_id(vocabulary, code),
            vocabulary=vocabulary,
            code=code,
            de=de.strip(),
            en=en.strip(),
            active=active,
        )
        existing = self.records.page(VocabEntry, Query(text=code), 0, 1000)
        if any(e.id == entry.id for e in existing):
            saved = self.records.update(entry)
        else:
            saved = self.records.create(entry)
        self._changed()
        return saved
