"""Shared fixtures: a fresh encrypted store per test, on a clock that stands still."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# The cheapest Argon2id the key file accepts (64 MiB); production uses 256 MiB.
os.environ["VIELFALT_ARGON2_MEMORY_MIB"] = "64"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.app import App

PASSPHRASE = "korrekt-pferd-batterie-heftklammer"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "daten"


@pytest.fixture
def app(data_dir: Path, clock: FixedClock) -> Iterator[App]:
    created, _recovery = App.create(
        data_dir, PASSPHRASE, role="field", name="Laptop Test", clock=clock
    )
    yield created
    created.close()


def trusted_pair(root: Path, clock: FixedClock, laptop_name: str) -> tuple[App, App]:
    """A coordinator ("Koordination") and a laptop that trust each other's cards."""
    office, _ = App.create(root / "c", PASSPHRASE, role="office", name="Koordination", clock=clock)
    laptop, _ = App.create(root / "l", PASSPHRASE, role="field", name=laptop_name, clock=clock)
    office.sync.export_identity(root / "c.card")
    laptop.sync.export_identity(root / "l.card")
    office.sync.add_peer(office.sync.read_card(root / "l.card"))
    laptop.sync.add_peer(laptop.sync.read_card(root / "c.card"))
    return office, laptop


@pytest.fixture
def partner(app: App) -> Partner:
    return app.records.create(
        Partner(
            name="Migrationsberatung Magdeburg",
            partner_kind="beratungsstelle",
            districts=("kannenstieg", "neustaedter_see"),
            topics=("aufenthalt", "arbeit"),
            languages=("de", "ar"),
        )
    )
