"""Peer status: the coordinator sees who is behind, a laptop sees what is safe.

Real stores exchanging real bundles on one fixed clock, moved by hand. The counts are checked
against what an export actually carries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import NOW, PASSPHRASE, trusted_pair

from vielfalt_desktop import demo
from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.domain.records import LOG_KINDS, Contact, Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.overview import sync_warnings
from vielfalt_desktop.services.sync import PeerStatus
from vielfalt_desktop.sync import changes

DAY = dt.timedelta(days=1)


@pytest.fixture
def pair(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[App, App]]:
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Nord")
    yield office, laptop
    laptop.close()
    office.close()


def status(app: App) -> PeerStatus:
    [only] = app.sync.peer_status()
    return only


def contact(app: App, number: int = 0) -> Contact:
    return app.records.create(
        Contact(
            date=app.today() - dt.timedelta(days=number % 5),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("arbeit",),
        )
    )


class Courier:
    """Carries bundles between the stores, as a stick would; returns what each export held."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(exist_ok=True)
        self.count = 0

    def send(self, sender: App, receiver: App) -> dict[str, int]:
        self.count += 1
        path = self.folder / f"{self.count}.vfb"
        result = sender.sync.export(receiver.store.node_id, path)
        receiver.sync.import_file(path)
        return result.counts


def records_of(counts: dict[str, int]) -> int:
    return sum(n for kind, n in counts.items() if kind not in LOG_KINDS)


def export_counts(sender: App, receiver: App, path: Path) -> dict[str, int]:
    return sender.sync.export(receiver.store.node_id, path).counts


def test_counts_are_what_an_export_carries_and_drop_to_zero_after_a_round_trip(
    pair: tuple[App, App], tmp_path: Path
) -> None:
    office, laptop = pair
    courier = Courier(tmp_path / "stick")
    for number in range(7):
        contact(laptop, number)
    office.records.create(Partner(name="Jobcenter Magdeburg", partner_kind="behoerde"))
    office.records.create(Partner(name="Caritas", partner_kind="beratungsstelle"))

    on_laptop, on_office = status(laptop), status(office)
    assert on_laptop.peer.name == "Koordination"
    assert on_laptop.unacknowledged == 7  # the laptop's own contacts, nothing else
    assert on_office.peer.name == "Laptop Nord"
    assert on_office.unacknowledged == 2  # the two partners the laptop has not confirmed
    assert (on_laptop.last_received, on_laptop.last_sent, on_laptop.acked_at) == (None,) * 3
    assert on_office.acked_rev == 0

    # The status counts exactly what each export then carries, kind by kind.
    first = courier.send(laptop, office)
    assert first == on_laptop.by_kind
    assert records_of(first) == on_laptop.unacknowledged
    assert first["contact"] == 7
    assert sum(first.values()) == on_laptop.unacknowledged + on_laptop.pending_logs

    # The coordinator has the contacts now, but does not send them back: still 2 partners.
    on_office = status(office)
    assert on_office.unacknowledged == 2
    assert on_office.last_received == NOW
    answer = courier.send(office, laptop)
    assert answer == on_office.by_kind
    assert records_of(answer) == 2

    # The answer confirmed the laptop's contacts: nothing is only on the laptop any more.
    on_laptop = status(laptop)
    assert on_laptop.unacknowledged == 0
    assert on_laptop.acked_at == NOW
    assert on_laptop.acked_rev > 0
    assert on_laptop.last_received == NOW
    assert on_laptop.last_sent == NOW
    assert on_laptop.pending_logs > 0  # its audit entries of the exchange travel next time
    assert not on_laptop.waiting

    # The coordinator learns that its partners arrived with the laptop's next bundle.
    assert status(office).unacknowledged == 2
    courier.send(laptop, office)
    on_office = status(office)
    assert on_office.unacknowledged == 0
    assert on_office.by_kind == {}  # the coordinator sends laptops no log entries
    assert on_office.acked_at == NOW

    # A later edit is unconfirmed again, and counted once.
    later = contact(laptop)
    laptop.records.delete(Contact, later.id)
    assert status(laptop).unacknowledged == 1
    assert status(laptop).by_kind == export_counts(laptop, office, tmp_path / "check.vfb")


def test_a_laptop_counts_only_what_it_may_send(pair: tuple[App, App], tmp_path: Path) -> None:
    office, laptop = pair
    courier = Courier(tmp_path / "stick")
    office.records.create(Partner(name="Jobcenter Magdeburg", partner_kind="behoerde"))
    courier.send(office, laptop)  # the laptop now holds a partner it did not write
    assert laptop.records.find_partner_by_name("Jobcenter Magdeburg") is not None
    on_laptop = status(laptop)
    assert on_laptop.unacknowledged == 0
    assert "partner" not in on_laptop.by_kind
    assert on_laptop.by_kind == export_counts(laptop, office, tmp_path / "check.vfb")


def test_pending_counts_the_export_selection_on_a_demo_store(office_app: App) -> None:
    """sync.changes.pending counts the rows collect renders, for every kind of recipient."""
    demo.fill(office_app, contacts=80, seed=5)
    middle = office_app.store.rev
    demo.fill(office_app, contacts=30, seed=6)
    me = office_app.store.node_id
    with office_app.store.read() as conn:
        for since in (0, middle):
            for everything, author in ((True, None), (False, None), (True, me), (True, "x")):
                rows = changes.collect(conn, since, "a-laptop", everything, author)
                wanted = {kind: len(block["rows"]) for kind, block in rows.items()}
                assert changes.pending(conn, since, "a-laptop", everything, author) == wanted
                assert bool(wanted) == (author != "x"), (since, everything, author)
            assert changes.pending(conn, office_app.store.rev, "a-laptop", True) == {}


def test_behind_after_warn_days_on_the_stores_clock(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock
) -> None:
    office, laptop = pair
    courier = Courier(tmp_path / "stick")
    assert office.sync.warn_days() == 14

    # Never a bundle: behind once the trust is older than the warning period.
    clock.advance(14 * DAY)
    assert status(office).days_silent is None
    assert not status(office).behind
    clock.advance(DAY)
    assert status(office).behind

    courier.send(laptop, office)
    on_office = status(office)
    assert (on_office.days_silent, on_office.behind) == (0, False)
    assert on_office.last_received == NOW + 15 * DAY

    clock.advance(14 * DAY)
    assert (status(office).days_silent, status(office).behind) == (14, False)
    clock.advance(DAY)
    on_office = status(office)
    assert (on_office.days_silent, on_office.behind, on_office.warn_days) == (15, True, 14)

    # A longer period takes the warning back; the same bundle arriving again changes nothing.
    office.sync.set_warn_days(20)
    assert not status(office).behind
    assert status(office).warn_days == 20


def test_a_laptop_waits_for_confirmation_only_when_it_is_old(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock
) -> None:
    office, laptop = pair
    courier = Courier(tmp_path / "stick")
    courier.send(laptop, office)
    courier.send(office, laptop)
    assert not status(laptop).waiting
    contact(laptop)
    clock.advance(10 * DAY)
    on_laptop = status(laptop)
    assert (on_laptop.unacknowledged, on_laptop.days_unsent, on_laptop.waiting) == (1, 10, False)

    # Sent but never answered: after the warning period the entry is still only here.
    courier.send(laptop, office)
    clock.advance(15 * DAY)
    on_laptop = status(laptop)
    assert on_laptop.days_unsent == 15
    assert on_laptop.days_silent == 25
    assert on_laptop.unacknowledged == 1
    assert on_laptop.behind
    assert on_laptop.waiting

    # The coordinator's answer confirms it.
    courier.send(office, laptop)
    on_laptop = status(laptop)
    assert (on_laptop.unacknowledged, on_laptop.behind, on_laptop.waiting) == (0, False, False)
    assert on_laptop.acked_at == NOW + 10 * DAY


def test_warn_days_setting(app: App, data_dir: Path, clock: FixedClock) -> None:
    assert app.sync.warn_days() == 14
    for wrong in (0, -3, 366, 14.5, "20"):
        with pytest.raises(ValidationError) as raised:
            app.sync.set_warn_days(wrong)  # type: ignore[arg-type]
        assert "zwischen 1 und 365 Tagen" in str(raised.value)
    assert app.sync.warn_days() == 14
    app.sync.set_warn_days(1)
    app.sync.set_warn_days(365)
    assert app.sync.warn_days() == 365
    app.close()
    again = App.open(data_dir, PASSPHRASE, clock=clock)
    try:
        assert again.sync.warn_days() == 365  # kept in the store, so the CLI agrees
        again.store.set_meta("sync_warn_days", "kaputt")
        assert again.sync.warn_days() == 14
    finally:
        again.close()


def test_no_peers_no_status(app: App) -> None:
    assert app.sync.peer_status() == []


def test_the_overview_warns_about_who_is_behind_and_what_waits(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock
) -> None:
    office, laptop = pair
    courier = Courier(tmp_path / "stick")
    courier.send(laptop, office)
    courier.send(office, laptop)
    assert sync_warnings(office.sync.peer_status(), office=True) == ()
    assert sync_warnings(laptop.sync.peer_status(), office=False) == ()
    clock.advance(15 * DAY)
    [behind] = sync_warnings(office.sync.peer_status(), office=True)
    assert (behind.peer.name, behind.days_silent) == ("Laptop Nord", 15)
    # Nothing of the laptop's own is unconfirmed: no warning there, however old.
    assert sync_warnings(laptop.sync.peer_status(), office=False) == ()
    contact(laptop)
    [waiting] = sync_warnings(laptop.sync.peer_status(), office=False)
    assert (waiting.peer.name, waiting.unacknowledged) == ("Koordination", 1)
