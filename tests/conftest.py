"""Shared fixtures: a fresh encrypted store per test, on a clock that stands still."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# The cheapest Argon2id the key file accepts (64 MiB); production uses 256 MiB. The override
# takes effect only with the test flag (store/vault.py, TEST_FLAG).
os.environ["VIELFALT_TESTING"] = "1"
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


@pytest.fixture
def office_app(tmp_path: Path, clock: FixedClock) -> Iterator[App]:
    """The coordinator's store: it alone writes partners and vocabulary entries."""
    created, _recovery = App.create(
        tmp_path / "koordination", PASSPHRASE, role="office", name="Koordination", clock=clock
    )
    yield created
    created.close()


def trust(first: App, second: App, folder: Path) -> None:
    """Let two devices trust each other's identity cards (once; again is a no-op)."""
    folder.mkdir(parents=True, exist_ok=True)
    for me, peer in ((first, second), (second, first)):
        if any(p.node_id == peer.store.node_id for p in me.sync.peers()):
            continue
        card = folder / f"{peer.store.node_id}.card"
        peer.sync.export_identity(card)
        me.sync.add_peer(me.sync.read_card(card))


def give_directory(
    office: App, laptop: App, partners: Iterable[Partner], folder: Path
) -> list[Partner]:
    """The real way a laptop gets partners: the coordinator creates them and sends a bundle.

    Returns the partners as the laptop stores them (same ids). Trusts the pair first if needed.
    """
    trust(office, laptop, folder)
    made = [office.records.create(p) for p in partners]
    bundle = folder / f"an-laptop-{office.store.rev}.vfbundle"
    office.sync.export(laptop.store.node_id, bundle)
    laptop.sync.import_file(bundle)
    return [laptop.records.get(Partner, p.id) for p in made]


@pytest.fixture
def directory(office_app: App, app: App, tmp_path: Path) -> Callable[..., list[Partner]]:
    """``directory(Partner(...), ...)``: the coordinator sends these partners to ``app``."""
    return lambda *partners: give_directory(office_app, app, partners, tmp_path / "bundles")


def trusted_pair(root: Path, clock: FixedClock, laptop_name: str) -> tuple[App, App]:
    """A coordinator ("Koordination") and a laptop that trust each other's cards."""
    office, _ = App.create(root / "c", PASSPHRASE, role="office", name="Koordination", clock=clock)
    laptop, _ = App.create(root / "l", PASSPHRASE, role="field", name=laptop_name, clock=clock)
    office.sync.export_identity(root / "c.card")
    laptop.sync.export_identity(root / "l.card")
    office.sync.add_peer(office.sync.read_card(root / "l.card"))
    laptop.sync.add_peer(laptop.sync.read_card(root / "c.card"))
    return office, laptop


def sample_partner() -> Partner:
    return Partner(
        name="Migrationsberatung Magdeburg",
        partner_kind="beratungsstelle",
        districts=("kannenstieg", "neustaedter_see"),
        topics=("aufenthalt", "arbeit"),
        languages=("de", "ar"),
    )


@pytest.fixture
def partner(directory: Callable[..., list[Partner]]) -> Partner:
    """A partner on the field laptop ``app``, received from the coordinator ``office_app``."""
    return directory(sample_partner())[0]


@pytest.fixture
def office_partner(office_app: App) -> Partner:
    """A partner the coordinator ``office_app`` created itself."""
    return office_app.records.create(sample_partner())
