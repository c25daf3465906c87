"""The audit trail: an entry for each action, by id never by content, append-only, and it
reaches the coordinator, who can filter it."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError
from tests.conftest import NOW, PASSPHRASE, trusted_pair
from tests.unit.test_services import contact

from vielfalt_desktop.domain.audit import day_start
from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import RejectedInput, WrongPassphrase
from vielfalt_desktop.domain.records import Contact, Partner
from vielfalt_desktop.services import log_export, report_export
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.audit import AuditFilter
from vielfalt_desktop.store.models import TABLE_BY_KIND
from vielfalt_desktop.sync.schema import IncomingRow
from vielfalt_desktop.sync.schema import check_logs as _check_logs

AUDIT = TABLE_BY_KIND["audit"]


def actions(app: App, **where: object) -> list[tuple[str, str, str | None]]:
    return [
        (e.action, e.record_kind, e.record_id)
        for e in reversed(app.audit.entries(AuditFilter(**where)))  # type: ignore[arg-type]
    ]


def test_create_update_and_delete_are_logged_by_id(app: App) -> None:
    saved = app.records.create(contact())
    app.records.update(replace(saved, note="Andere Notiz."))
    app.records.update(replace(saved, note="Andere Notiz."))  # no change, no entry
    app.records.delete(Contact, saved.id)
    assert actions(app) == [
        ("create", "contact", saved.id),
        ("update", "contact", saved.id),
        ("delete", "contact", saved.id),
    ]
    entry = app.audit.entries()[0]
    assert (entry.at, entry.node_name, entry.action_label) == (
        "2026-11-24T10:00:00Z",
        "Laptop Test",
        "gelöscht",
    )


def test_bulk_work_is_one_entry_per_kind(app: App, partner: Partner) -> None:
    app.records.create_many([contact(), contact(), contact()])
    entries = app.audit.entries(AuditFilter(record_kind="contact"))
    assert [(e.action, e.record_id, e.count) for e in entries] == [("create", None, 3)]


def test_unlock_and_failed_unlocks(app: App, data_dir: Path, clock: FixedClock) -> None:
    app.close()
    for _attempt in range(2):
        with pytest.raises(WrongPassphrase):
            App.open(data_dir, "daneben-daneben-daneben", clock=clock)
        clock.advance(dt.timedelta(minutes=1))
    again = App.open(data_dir, PASSPHRASE, clock=clock)
    try:
        trail = [(e.at, e.action) for e in reversed(again.audit.entries())]
        assert trail == [
            ("2026-11-24T10:00:00Z", "unlock_failed"),
            ("2026-11-24T10:01:00Z", "unlock_failed"),
            ("2026-11-24T10:02:00Z", "unlock"),
        ]
        assert not (data_dir / "entsperrversuche.json").exists()
    finally:
        again.close()


def test_entries_cannot_be_changed_or_removed(app: App) -> None:
    app.records.create(contact(date=dt.date(2024, 1, 5)))
    assert app.retention.purge().total == 1  # one deletion-log entry
    with app.store.write() as write:
        first = write.conn.execute(select(AUDIT.c.id).order_by(AUDIT.c.at)).scalars().first()
        # Sync bookkeeping may move on …
        write.conn.execute(update(AUDIT).where(AUDIT.c.id == first).values(rev=write.rev))
    # … what the entry says may not.
    for statement in (
        update(AUDIT).where(AUDIT.c.id == first).values(action="export"),
        update(AUDIT).where(AUDIT.c.id == first).values(deleted=True),
        AUDIT.delete().where(AUDIT.c.id == first),
        TABLE_BY_KIND["deletion_log"].delete(),
    ):
        with pytest.raises(DBAPIError, match="append-only"), app.store.write() as write:
            write.conn.execute(statement)
    assert [a for a, _k, _i in actions(app)] == ["create", "purge"]


def test_a_bundle_may_not_edit_or_delete_log_entries() -> None:
    row = IncomingRow("id", "node", 1, False, {}, {})
    _check_logs({"audit": [row]})
    for bad in (replace(row, deleted=True), replace(row, stamps={"action": [2, "node"]})):
        with pytest.raises(RejectedInput, match="Protokolleinträge"):
            _check_logs({"deletion_log": [bad]})


# --- between devices --------------------------------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[App, App]]:
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Nord")
    yield office, laptop
    office.close()
    laptop.close()


def test_the_trail_travels_to_the_coordinator_who_filters_it(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock
) -> None:
    office, laptop = pair
    saved = laptop.records.create(contact())
    clock.advance(dt.timedelta(days=1))
    laptop.sync.export("Koordination", tmp_path / "1.vfb")
    office.sync.import_file(tmp_path / "1.vfb")
    office.sync.import_file(tmp_path / "1.vfb")  # a no-op, not logged again
    # An export's own entry goes with the next bundle.
    laptop.sync.export("Koordination", tmp_path / "2.vfb")
    office.sync.import_file(tmp_path / "2.vfb")

    assert actions(office, node_id=laptop.store.node_id) == [
        ("peer_added", "", None),
        ("create", "contact", saved.id),
        ("export", "", None),
    ]
    assert actions(office, node_id=office.store.node_id) == [
        ("peer_added", "", None),
        ("import", "", None),
        ("import", "", None),
    ]
    export = office.audit.entries(AuditFilter(action="export"))[0]
    # The first bundle: the contact and the two entries before the export.
    assert (export.node_name, export.detail, export.count) == ("Laptop Nord", "Koordination", 3)
    assert actions(office, record_id=saved.id) == [("create", "contact", saved.id)]
    day = NOW.date()
    assert len(actions(office, date_from=day, date_to=day)) == 3
    assert office.audit.count(AuditFilter(date_from=day + dt.timedelta(days=1))) == 3
    # The coordinator's own trail stays with it; laptops get only what they need.
    office.sync.export("Laptop Nord", tmp_path / "2.vfb")
    laptop.sync.import_file(tmp_path / "2.vfb")
    assert {e.node_name for e in laptop.audit.entries()} == {"Laptop Nord"}


# --- export hygiene ------------------------------------------------------------------------


def test_exports_write_only_where_asked_and_nothing_to_temp(
    pair: tuple[App, App], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = pair
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    out = tmp_path / "ausgabe"
    out.mkdir()
    partner = office.records.create(
        Partner(name="Jobcenter Magdeburg", partner_kind="behoerde", topics=("arbeit",))
    )
    laptop.records.create(contact(note="Termin beim Jobcenter vorbereitet."))
    laptop.sync.export("Koordination", out / "nord.vfb")
    office.sync.import_file(out / "nord.vfb")
    report = report_export.build_report(office, dt.date(2026, 1, 1), NOW.date())
    report_export.write_pdf(office, report, out / "bericht.pdf")
    report_export.write_csv(office, report, out / "bericht.csv")
    report_export.write_slip(office, partner.id, "arbeit", "de", out / "zettel.pdf")
    log_export.write_audit_csv(office, out / "pruef.csv")
    log_export.write_audit_pdf(office, out / "pruef.pdf")
    log_export.write_deletion_log_pdf(office, out / "loesch.pdf")

    assert list(temp.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == [
        "bericht.csv",
        "bericht.pdf",
        "loesch.pdf",
        "nord.vfb",
        "pruef.csv",
        "pruef.pdf",
        "zettel.pdf",
    ]
    csv_text = (out / "pruef.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0] == "Zeitpunkt;Gerät;Aktion;Art;Kennung;Anzahl;Hinweis"
    assert "Jobcenter vorbereitet" not in csv_text
    reports = office.audit.entries(AuditFilter(action="report"))
    assert sorted(e.detail for e in reports) == ["csv", "pdf", "verweiszettel"]


def test_day_filters_mean_the_local_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        assert day_start(dt.date(2026, 11, 24)) == "2026-11-23T23:00:00Z"
        assert day_start(dt.date(2026, 7, 1)) == "2026-06-30T22:00:00Z"  # summer time
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_lost_laptop_is_no_longer_trusted(pair: tuple[App, App], tmp_path: Path) -> None:
    office, laptop = pair
    laptop.records.create(contact())
    laptop.sync.export("Koordination", tmp_path / "vorher.vfb")
    laptop.records.create(contact())
    laptop.sync.export("Koordination", tmp_path / "nachher.vfb")
    office.sync.import_file(tmp_path / "vorher.vfb")

    removed = office.sync.remove_peer("Laptop Nord")

    with pytest.raises(RejectedInput, match="nicht vertrauten"):
        office.sync.import_file(tmp_path / "nachher.vfb")
    assert office.records.count(Contact) == 1  # what it sent before stays
    assert [p.name for p in office.sync.peers()] == []
    entry = office.audit.entries(AuditFilter(action="peer_removed"))[0]
    assert entry.detail == "Laptop Nord"
    # Its earlier entries still show its name.
    names = {e.node_name for e in office.audit.entries(AuditFilter(node_id=removed.node_id))}
    assert names == {"Laptop Nord"}
