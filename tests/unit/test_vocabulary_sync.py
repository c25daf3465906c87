"""The coordinator adapts a selection list; the change reaches laptops with the next bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE, trusted_pair

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.domain.records import Contact, VocabEntry
from vielfalt_desktop.domain.vocab import default_vocabularies, with_overrides
from vielfalt_desktop.services.app import App


def test_overrides_add_rename_and_retire() -> None:
    base = default_vocabularies()
    changed = with_overrides(
        base,
        [
            ("topic", "energie", "Energiekosten", "Energy costs", True),
            ("topic", "wohnen", "Wohnen und Miete", "Housing and rent", True),
            ("topic", "digitales", "Digitales", "Digital", False),
            ("no_such_list", "x", "X", "X", True),
        ],
    )
    topics = changed["topic"]
    assert topics.codes()[-1] == "energie"
    assert topics.label_of("energie") == "Energiekosten"
    assert topics.label_of("wohnen", "en") == "Housing and rent"
    assert not topics.get("digitales").active
    assert "digitales" in topics  # retired values still render in old records
    assert len(topics) == len(base["topic"]) + 1
    assert base["topic"].label_of("wohnen") == "Wohnen"  # the shipped lists stay as they are
    assert changed.districts is base.districts
    assert "no_such_list" not in changed


def test_set_entry_checks_its_input(office_app: App) -> None:
    with pytest.raises(ValidationError) as error:
        office_app.vocabulary.set_entry("topic", "Energie Kosten", "Energie", "Energy")
    assert "code" in error.value.problems
    with pytest.raises(ValidationError):
        office_app.vocabulary.set_entry("kein_vokabular", "x", "X", "X")
    with pytest.raises(ValidationError):
        office_app.vocabulary.set_entry("district", "neu", "Neu", "New")
    with pytest.raises(ValidationError):
        office_app.vocabulary.set_entry("topic", "energie", " ", "Energy")
    assert office_app.vocabulary.overrides() == []


def test_setting_an_entry_twice_keeps_one_record(office_app: App) -> None:
    office_app.vocabulary.set_entry("offer", "repair_cafe", "Reparatur-Café", "Repair café")
    office_app.vocabulary.set_entry(
        "offer", "repair_cafe", "Repair-Café", "Repair café", active=False
    )
    entries = office_app.vocabulary.overrides()
    assert [(e.code, e.de, e.active) for e in entries] == [("repair_cafe", "Repair-Café", False)]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[App, App]]:
    clock = FixedClock(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Süd")
    yield office, laptop
    office.close()
    laptop.close()


def _contact(topic: str) -> Contact:
    return Contact(
        date=dt.date(2026, 11, 20), district="leipziger_strasse", sub_area="schilfbreite",
        target_group="drittstaat", topics=(topic,),
    )  # fmt: skip


def test_a_new_topic_reaches_the_laptop(pair: tuple[App, App], tmp_path: Path) -> None:
    office, laptop = pair
    with pytest.raises(ValidationError):
        laptop.records.create(_contact("energie"))
    office.vocabulary.set_entry("topic", "energie", "Energiekosten", "Energy costs")
    office.refresh_vocabulary()
    assert office.vocab["topic"].label_of("energie") == "Energiekosten"

    result = office.sync.export("Laptop Süd", tmp_path / "b.vfb")
    assert result.counts == {"vocab_entry": 1}
    laptop.sync.import_file(tmp_path / "b.vfb")
    laptop.refresh_vocabulary()
    saved = laptop.records.create(_contact("energie"))
    assert laptop.vocab["topic"].label_of(saved.topics[0]) == "Energiekosten"
    assert laptop.sync.digest() != office.sync.digest()  # the contact stays on the laptop
    assert [e.code for e in laptop.records.page(VocabEntry)] == ["energie"]


def test_a_reopened_store_uses_received_changes(pair: tuple[App, App], tmp_path: Path) -> None:
    office, laptop = pair
    office.vocabulary.set_entry("topic", "wohnen", "Wohnen und Miete", "Housing and rent")
    office.sync.export("Laptop Süd", tmp_path / "b.vfb")
    laptop.sync.import_file(tmp_path / "b.vfb")
    laptop.close()
    again = App.open(tmp_path / "l", PASSPHRASE, clock=laptop.store.clock)
    try:
        assert again.vocab["topic"].label_of("wohnen") == "Wohnen und Miete"
        assert again.records.vocab is again.vocab
    finally:
        again.close()


def test_an_import_refreshes_every_service_at_once(pair: tuple[App, App], tmp_path: Path) -> None:
    office, laptop = pair
    office.vocabulary.set_entry("topic", "energie", "Energiekosten", "Energy costs")
    assert office.vocab["topic"].label_of("energie") == "Energiekosten"  # no refresh needed
    heard: list[str] = []
    laptop.on_vocabulary_changed(lambda: heard.append("vocab"))
    before = laptop.vocab

    office.sync.export("Laptop Süd", tmp_path / "b.vfb")
    result = laptop.sync.import_file(tmp_path / "b.vfb")

    assert result.vocabulary_changed
    assert heard == ["vocab"]
    assert laptop.vocab is not before
    for service in (laptop.records, laptop.retention, laptop.overview):
        assert service.vocab is laptop.vocab
    laptop.records.create(_contact("energie"))  # accepted without a new unlock


def test_an_import_without_vocabulary_changes_says_so(
    pair: tuple[App, App], tmp_path: Path
) -> None:
    office, laptop = pair
    laptop.records.create(_contact("wohnen"))
    heard: list[str] = []
    office.on_vocabulary_changed(lambda: heard.append("vocab"))
    laptop.sync.export("Koordination", tmp_path / "b.vfb")
    result = office.sync.import_file(tmp_path / "b.vfb")
    assert result.changed == 1  # the contact (the audit entries are news, not changes)
    assert not result.vocabulary_changed
    assert heard == []
