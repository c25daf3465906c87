"""Shared fixtures and helpers of the folder-sync tests (test_folder_sync*.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import sample_partner, trusted_pair

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services import folder_sync as folder_sync_module
from vielfalt_desktop.services.app import App

DAY = dt.timedelta(days=1)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "freigabe"
    folder.mkdir()
    return folder


@pytest.fixture
def pair(tmp_path: Path, clock: FixedClock, share: Path) -> Iterator[tuple[App, App]]:
    """Coordinator and laptop, trusting each other, both set to the same sync folder."""
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Nord")
    for app in (office, laptop):
        app.folder_sync.settle_seconds = 0.05
        app.folder_sync.set_folder(share)
    yield office, laptop
    laptop.close()
    office.close()


def contact(app: App, number: int = 0) -> Contact:
    return app.records.create(
        Contact(
            date=app.today() - dt.timedelta(days=number % 5),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("arbeit",),
        )
    )


def news_for_laptops(office: App, number: int = 0) -> None:
    """Something the coordinator writes that travels to the laptops: a partner."""
    partner = sample_partner()
    partner.name = f"{partner.name} {number}"
    office.records.create(partner)


def mailbox(app: App) -> Path:
    found = app.folder_sync.mailbox()
    assert found is not None
    return found


def bundles_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".vfb")


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def state_of(app: App) -> tuple[object, ...]:
    """What a failed run must leave as it was: rev, digest, ledger, peers, sync bookkeeping."""
    return (
        app.store.rev,
        app.sync.digest(),
        app.sync.history(),
        app.sync.peers(),
        app.store.meta(folder_sync_module.STATE_KEY),
        app.store.meta(folder_sync_module.SETTINGS_KEY),
    )


def laptop_bundle(office: App, laptop: App, records: int = 2) -> Path:
    """A real bundle from the laptop in the coordinator's mailbox, written by a run."""
    for number in range(records):
        contact(laptop, number)
    result = laptop.folder_sync.run()
    [written] = result.written
    assert written.path.parent == mailbox(office)
    return written.path
