"""Retention rules by time travel: what goes when, what stays, what reaches the coordinator."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from tests.conftest import NOW, PASSPHRASE, trusted_pair
from tests.unit.test_services import conflict, contact, event, intervention, referral

from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Referral,
)
from vielfalt_desktop.domain.retention import RetentionPolicy, months_before
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.log_export import write_deletion_log_pdf
from vielfalt_desktop.store.models import CONFLICT_LOG_TABLE, TABLE_BY_KIND

TODAY = NOW.date()
NOTE = "Fragen zur Wohnungssuche, Termin vereinbart."


def ago(months: int, days: int = 0) -> dt.date:
    return months_before(TODAY, months) - dt.timedelta(days=days)


def raw(app: App, kind: str, record_id: str) -> dict[str, object]:
    table = TABLE_BY_KIND[kind]
    with app.store.read() as conn:
        return dict(conn.execute(select(table).where(table.c.id == record_id)).mappings().one())


def test_months_before_keeps_the_day_or_takes_the_months_last() -> None:
    assert months_before(dt.date(2026, 11, 24), 12) == dt.date(2025, 11, 24)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 24) == dt.date(2024, 1, 15)


def test_contact_notes_go_after_12_months_and_pseudonyms_after_24(app: App) -> None:
    code = pseudonym.new_code()
    old = app.records.create(contact(date=ago(24, 1), note=NOTE, pseudonym=code))
    middle = app.records.create(contact(date=ago(12, 1), note=NOTE, pseudonym=code))
    young = app.records.create(contact(date=ago(12) + dt.timedelta(days=1), note=NOTE))
    on_the_day = app.records.create(contact(date=ago(12), note=NOTE))

    result = app.retention.purge()

    assert (app.records.get(Contact, old.id).note, app.records.get(Contact, old.id).pseudonym) == (
        "",
        None,
    )
    kept = app.records.get(Contact, middle.id)
    assert (kept.note, kept.pseudonym) == ("", code)
    assert app.records.get(Contact, young.id).note == NOTE
    assert app.records.get(Contact, on_the_day.id).note == NOTE
    # The records stay, as anonymous statistics.
    assert app.records.count(Contact) == 4
    counts = {(c.rule, c.record_kind): c.count for c in result.counts}
    assert counts == {("notes", "contact"): 2, ("pseudonym", "contact"): 1}


def test_notes_of_open_work_stay_until_it_is_closed(app: App, partner: Partner) -> None:
    open_conflict = app.records.create(conflict(opened=ago(36), note=NOTE, status="vermittlung"))
    open_step = app.records.create(intervention(open_conflict.id, date=ago(30), result=NOTE))
    settled = app.records.create(
        conflict(
            opened=ago(30),
            status="beigelegt",
            closed=ago(12, 3),
            outcome="Hausordnung gemeinsam angepasst.",
            note=NOTE,
        )
    )
    settled_step = app.records.create(
        intervention(settled.id, date=ago(13), result=NOTE, next_step="Nachfrage")
    )
    late = app.records.create(
        conflict(opened=ago(30), status="beigelegt", closed=ago(11), outcome="Ruhe.", note=NOTE)
    )
    pending = app.records.create(referral(partner, date=ago(20), feedback=NOTE))
    done = app.records.create(
        referral(partner, date=ago(20), status="abgeschlossen", feedback=NOTE)
    )
    old_event = app.records.create(event(date=ago(13), note=NOTE))

    app.retention.purge()

    assert app.records.get(Conflict, open_conflict.id).note == NOTE
    assert app.records.get(Intervention, open_step.id).result == NOTE
    cleared = app.records.get(Conflict, settled.id)
    assert (cleared.note, cleared.outcome, cleared.status) == ("", "", "beigelegt")
    step = app.records.get(Intervention, settled_step.id)
    assert (step.result, step.next_step) == ("", "")
    assert app.records.get(Conflict, late.id).note == NOTE
    assert app.records.get(Referral, pending.id).feedback == NOTE
    assert app.records.get(Referral, done.id).feedback == ""
    assert app.records.get(Event, old_event.id).note == ""
    assert app.records.get(Event, old_event.id).title  # a title is not a note


def test_a_referral_counts_from_its_closing_not_from_its_start(
    app: App, partner: Partner, clock: FixedClock
) -> None:
    made = app.records.create(referral(partner, date=ago(20), feedback=NOTE))
    clock.advance(dt.timedelta(days=-30))  # closed a month ago …
    app.records.set_referral_status(made.id, "abgeschlossen", note="Termin hat stattgefunden.")
    clock.advance(dt.timedelta(days=30))
    app.retention.purge()
    assert app.records.get(Referral, made.id).feedback == NOTE
    clock.advance(dt.timedelta(days=340))  # … and twelve months after that
    app.retention.purge()
    assert app.records.get(Referral, made.id).feedback == ""
    history = app.records.status_history(app.records.get(Referral, made.id))
    assert [h.note for h in history] == ["", ""]


def test_time_travel_purges_at_unlock_once_a_day(data_dir: Path, clock: FixedClock) -> None:
    app, _ = App.create(data_dir, PASSPHRASE, role="field", name="Laptop Nord", clock=clock)
    saved = app.records.create(contact(date=TODAY, note=NOTE))
    app.close()

    clock.advance(dt.timedelta(days=366))
    app = App.open(data_dir, PASSPHRASE, clock=clock)
    try:
        assert app.records.get(Contact, saved.id).note == ""
        log = app.retention.deletion_log()
        assert [(e.rule, e.record_kind, e.count) for e in log] == [("notes", "contact", 1)]
        assert log[0].cutoff == months_before(clock.today(), 12)
        assert log[0].node_name == "Laptop Nord"
        purges = [e for e in app.audit.entries() if e.action == "purge"]
        assert [e.count for e in purges] == [1]
        # A change the worker makes now is not undone by a second unlock the same day.
        app.records.update(replace(app.records.get(Contact, saved.id), note="Neue Notiz."))
    finally:
        app.close()
    app = App.open(data_dir, PASSPHRASE, clock=clock)
    try:
        assert app.records.get(Contact, saved.id).note == "Neue Notiz."
    finally:
        app.close()


def test_the_log_holds_no_content(app: App) -> None:
    code = pseudonym.new_code()
    app.records.create(contact(date=ago(30), note=NOTE, pseudonym=code))
    app.retention.purge()
    with app.store.read() as conn:
        for kind in ("audit", "deletion_log"):
            rows = conn.execute(select(TABLE_BY_KIND[kind])).mappings().all()
            assert rows
            text = json.dumps([dict(r) for r in rows], default=str)
            assert "Wohnungssuche" not in text
            assert code not in text


def test_the_policy_is_configurable_and_checked(app: App) -> None:
    recent = app.records.create(contact(date=ago(7), note=NOTE))
    with pytest.raises(ValidationError) as error:
        app.retention.set_policy(RetentionPolicy(pseudonym_months=0))
    assert "pseudonym" in error.value.problems
    with pytest.raises(ValidationError):
        app.retention.set_policy(
            RetentionPolicy(note_months={**RetentionPolicy().note_months, "contact": 500})
        )
    assert app.retention.policy() == RetentionPolicy()

    app.retention.set_policy(
        RetentionPolicy(note_months={**RetentionPolicy().note_months, "contact": 6})
    )
    assert app.retention.policy().note_months["contact"] == 6
    preview = app.retention.purge(dry_run=True)
    assert preview.total == 1
    assert app.records.get(Contact, recent.id).note == NOTE
    app.retention.purge()
    assert app.records.get(Contact, recent.id).note == ""


def test_a_damaged_saved_policy_falls_back_to_the_defaults(app: App) -> None:
    app.store.set_meta("retention_policy", '{"note_months": "kaputt"}')
    assert app.retention.policy() == RetentionPolicy()


def test_old_sync_conflict_entries_go(app: App) -> None:
    with app.store.write() as write:
        for logged in (ago(13).isoformat(), TODAY.isoformat()):
            write.conn.execute(
                CONFLICT_LOG_TABLE.insert().values(
                    entity="contact",
                    record_id="x",
                    field="note",
                    kept_value="a",
                    kept_stamp="1",
                    lost_value=NOTE,
                    lost_stamp="0",
                    bundle_id="b",
                    logged_at=logged,
                )
            )
    app.retention.purge()
    with app.store.read() as conn:
        left = conn.execute(select(CONFLICT_LOG_TABLE.c.logged_at)).scalars().all()
    assert left == [TODAY.isoformat()]


def test_backups_from_before_upgrades_go_after_30_days(app: App, clock: FixedClock) -> None:
    folder = app.store.paths.backups
    folder.mkdir()
    old, recent = folder / "vielfalt-vor-upgrade-alt.db", folder / "vielfalt-vor-upgrade-neu.db"
    for path, days in ((old, 31), (recent, 29)):
        path.write_bytes(b"verschluesselt")
        moment = (NOW - dt.timedelta(days=days)).timestamp()
        os.utime(path, (moment, moment))
    assert app.retention.purge(dry_run=True).total == 1
    assert old.exists()
    result = app.retention.purge()
    assert [(c.rule, c.count) for c in result.counts] == [("backup", 1)]
    assert sorted(folder.iterdir()) == [recent]


def test_the_deletion_log_exports_as_pdf(app: App, tmp_path: Path) -> None:
    app.records.create(contact(date=ago(30), note=NOTE, pseudonym=pseudonym.new_code()))
    app.retention.purge()
    target = tmp_path / "loeschprotokoll.pdf"
    write_deletion_log_pdf(app, target)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Löschprotokoll" in text
    assert "Pseudonym-Verknüpfung entfernt" in text
    assert "Kontakte" in text
    assert "Laptop Test" in text
    assert "Wohnungssuche" not in text
    assert any(e.action == "log_export" for e in app.audit.entries())


# --- the purge travels -----------------------------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[App, App]]:
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Süd")
    yield office, laptop
    office.close()
    laptop.close()


def _send(source: App, target: App, to: str, path: Path) -> None:
    source.sync.export(to, path)
    target.sync.import_file(path)


def test_a_purge_on_the_laptop_reaches_the_coordinator(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock
) -> None:
    office, laptop = pair
    code = pseudonym.new_code()
    saved = laptop.records.create(contact(date=TODAY, note=NOTE, pseudonym=code))
    _send(laptop, office, "Koordination", tmp_path / "1.vfb")
    assert office.records.get(Contact, saved.id).note == NOTE

    clock.advance(dt.timedelta(days=2 * 366))
    laptop.retention.purge()
    _send(laptop, office, "Koordination", tmp_path / "2.vfb")

    there = office.records.get(Contact, saved.id)
    assert (there.note, there.pseudonym) == ("", None)
    assert office.sync.digest() == laptop.sync.digest()
    # The coordinator sees the laptop's deletion log and audit trail, by device.
    log = office.retention.deletion_log(node_id=laptop.store.node_id)
    assert {(e.rule, e.node_name) for e in log} == {
        ("notes", "Laptop Süd"),
        ("pseudonym", "Laptop Süd"),
    }
    # The coordinator's own run finds nothing left to do for that contact.
    assert office.retention.purge(dry_run=True).total == 0


def test_deleting_empties_free_text_and_the_pseudonym_everywhere(
    pair: tuple[App, App], tmp_path: Path
) -> None:
    office, laptop = pair
    saved = laptop.records.create(contact(note=NOTE, pseudonym=pseudonym.new_code()))
    _send(laptop, office, "Koordination", tmp_path / "1.vfb")
    laptop.records.delete(Contact, saved.id)
    _send(laptop, office, "Koordination", tmp_path / "2.vfb")
    for app in (laptop, office):
        row = raw(app, "contact", saved.id)
        assert (row["deleted"], row["note"], row["pseudonym"]) == (True, "", None)
        assert row["district"] == "kannenstieg"  # the statistics stay
    assert office.sync.digest() == laptop.sync.digest()


# --- purge after acknowledgement --------------------------------------------------------------


def _opt_in(laptop: App, days: int = 30) -> None:
    laptop.retention.set_policy(replace(RetentionPolicy(), purge_after_ack_days=days))


def test_only_a_laptop_can_opt_in(pair: tuple[App, App]) -> None:
    office, _ = pair
    with pytest.raises(ValidationError):
        _opt_in(office)
    with pytest.raises(ValidationError):
        _opt_in(pair[1], days=1)


def test_nothing_goes_before_the_coordinator_acknowledged(
    pair: tuple[App, App], tmp_path: Path
) -> None:
    office, laptop = pair
    _opt_in(laptop)
    saved = laptop.records.create(contact(date=ago(3), note=""))
    laptop.sync.export("Koordination", tmp_path / "1.vfb")  # sent, but no answer yet
    assert laptop.retention.purge().total == 0
    assert laptop.records.get(Contact, saved.id)
    office.sync.import_file(tmp_path / "1.vfb")
    assert laptop.retention.purge().total == 0  # the coordinator has it, the laptop can't know


def test_an_acknowledged_laptop_keeps_only_open_or_recent_work(
    pair: tuple[App, App], tmp_path: Path
) -> None:
    office, laptop = pair
    partner_there = office.records.create(
        Partner(name="Jobcenter Magdeburg", partner_kind="behoerde", topics=("arbeit",))
    )
    _send(office, laptop, "Laptop Süd", tmp_path / "0.vfb")
    partner = laptop.records.get(Partner, partner_there.id)
    _opt_in(laptop)

    settled = laptop.records.create(contact(date=ago(3), note=""))
    with_follow_up = laptop.records.create(contact(date=ago(3), follow_up=TODAY, note=""))
    recent = laptop.records.create(contact(date=TODAY - dt.timedelta(days=5), note=""))
    waiting_for = laptop.records.create(contact(date=ago(3), note=""))
    pending = laptop.records.create(referral(partner, waiting_for.id, date=ago(3)))
    finished_for = laptop.records.create(contact(date=ago(3), note=""))
    finished = laptop.records.create(
        referral(partner, finished_for.id, date=ago(3), status="abgeschlossen")
    )
    open_case = laptop.records.create(conflict(opened=ago(4)))
    closed_case = laptop.records.create(
        conflict(opened=ago(5), status="beigelegt", closed=ago(3), outcome="Geklärt.")
    )
    closed_step = laptop.records.create(intervention(closed_case.id, date=ago(4)))
    old_event = laptop.records.create(event(date=ago(3)))

    _send(laptop, office, "Koordination", tmp_path / "1.vfb")
    unconfirmed = laptop.records.create(contact(date=ago(3), note=""))  # after the export
    _send(office, laptop, "Laptop Süd", tmp_path / "2.vfb")  # carries the acknowledgement

    result = laptop.retention.purge()

    def there(kind: type, record_id: str) -> bool:
        table = TABLE_BY_KIND[kind.kind]
        with laptop.store.read() as conn:
            return (
                conn.execute(select(table.c.id).where(table.c.id == record_id)).first() is not None
            )

    for kept in (with_follow_up, recent, waiting_for, unconfirmed):
        assert there(Contact, kept.id)
    for gone in (settled, finished_for):
        assert not there(Contact, gone.id)
    assert there(Referral, pending.id)
    assert not there(Referral, finished.id)
    assert there(Conflict, open_case.id)
    assert not there(Conflict, closed_case.id)
    assert not there(Intervention, closed_step.id)
    assert not there(Event, old_event.id)
    assert there(Partner, partner.id)
    counts = {c.record_kind: c.count for c in result.counts if c.rule == "after_ack"}
    assert counts == {
        "contact": 2,
        "referral": 1,
        "referral_status": 1,
        "conflict": 1,
        "intervention": 1,
        "event": 1,
    }
    # Gone for good on the laptop, without tombstones that would delete them elsewhere.
    _send(laptop, office, "Koordination", tmp_path / "3.vfb")
    for record in (settled, finished_for):
        assert office.records.get(Contact, record.id)
    assert office.records.get(Conflict, closed_case.id)
    assert laptop.store.integrity_problems() == []
