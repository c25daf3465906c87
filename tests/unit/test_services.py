"""RecordService through a real encrypted store: CRUD, bookkeeping, tombstones, PII, queries."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import NotFound, ValidationError, VielfaltError
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Record,
    Referral,
    ReferralStatusChange,
)
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.records import PersonalDataFound

TODAY = NOW.date()  # 2026-11-24
CODE_A = "K-7QX2-M4AJ"
CODE_B = "K-HJKM-NPQM"
CODE_UNUSED = "K-A9B8-CVW5"
PII_NOTE = "Herr Müller, Tel. 0391 5403210"
CLEAN_NOTE = "Fragen zum Kita-Platz, Termin beim Jobcenter vorbereitet."


# --- builders -------------------------------------------------------------------------------


def contact(**changes: Any) -> Contact:
    return replace(
        Contact(
            date=dt.date(2026, 11, 20),
            duration_min=40,
            setting="aufsuchend",
            district="kannenstieg",
            target_group="drittstaat",
            citizenship="SY",
            age_band="27_44",
            gender="weiblich",
            languages=("ar", "de"),
            interpreter="sprachmittler",
            topics=("wohnen",),
            note="Fragen zur Wohnungssuche.",
        ),
        **changes,
    )


def conflict(**changes: Any) -> Conflict:
    return replace(
        Conflict(
            opened=dt.date(2026, 9, 2),
            district="neustaedter_see",
            place_type="innenhof",
            categories=("laerm",),
            households=3,
            institutions=("wohnungsunternehmen",),
            escalation="glasl_2",
            status="in_klaerung",
        ),
        **changes,
    )


def referral(partner: Partner, contact_id: str | None = None, **changes: Any) -> Referral:
    return replace(
        Referral(
            contact_id=contact_id,
            partner_id=partner.id,
            topic="aufenthalt",
            date=dt.date(2026, 11, 20),
            referral_kind="information",
        ),
        **changes,
    )


def intervention(conflict_id: str, **changes: Any) -> Intervention:
    return replace(
        Intervention(
            conflict_id=conflict_id,
            date=dt.date(2026, 9, 10),
            intervention_kind="vermittlungsgespraech",
            participants=4,
        ),
        **changes,
    )


def event(**changes: Any) -> Event:
    return replace(
        Event(
            date=dt.date(2026, 8, 29),
            title="Begegnungsfest Neustädter See",
            event_kind="begegnungsfest",
            district="neustaedter_see",
            participants_total=80,
            participants_third_country=30,
            participants_women=40,
            participants_men=35,
            participants_children=20,
            interests=("sprachcafe",),
        ),
        **changes,
    )


# --- raw access to the store -----------------------------------------------------------------


def raw(app: App, table: str, record_id: str) -> dict[str, Any]:
    with app.store.read() as conn:
        row = (
            conn.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": record_id})
            .mappings()
            .one()
        )
    return dict(row)


def raw_count(app: App, table: str, *, deleted: bool | None = None) -> int:
    where = "" if deleted is None else f" WHERE deleted = {int(deleted)}"
    with app.store.read() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}{where}")).scalar_one())


def stamps(app: App, table: str, record_id: str) -> dict[str, list[Any]]:
    result: dict[str, list[Any]] = json.loads(raw(app, table, record_id)["stamps"])
    return result


def tags(app: App, record_id: str) -> set[tuple[str, str]]:
    with app.store.read() as conn:
        rows = conn.execute(
            text("SELECT field, code FROM tag WHERE record_id = :id"), {"id": record_id}
        ).all()
    return {(row.field, row.code) for row in rows}


def all_counts(app: App) -> dict[str, int]:
    return {
        table: raw_count(app, table)
        for table in (
            "partner",
            "contact",
            "referral",
            "referral_status",
            "conflict",
            "intervention",
            "event",
            "tag",
        )
    }


# --- create / get / update / delete for every kind ----------------------------------------------


def _example(kind: str, app: App, partner: Partner) -> tuple[Record, dict[str, Any], int]:
    """A new record of `kind`, a change to apply, and how many records its delete removes."""
    r = app.records
    if kind == "contact":
        return contact(), {"note": "Nachfrage zur Kita-Anmeldung.", "topics": ("kita",)}, 1
    if kind == "partner":
        new = Partner(name="Bürgerhaus Kannenstieg", partner_kind="verein")
        return new, {"opening_hours": "Mo–Fr 10–18 Uhr", "languages": ("de", "ru")}, 1
    if kind == "referral":
        owner = r.create(contact())
        # The referral and its initial status history entry.
        return referral(partner, owner.id), {"referral_kind": "begleitet"}, 2
    if kind == "conflict":
        return conflict(), {"escalation": "glasl_4", "households": 6}, 1
    if kind == "intervention":
        case = r.create(conflict())
        return intervention(case.id), {"result": "Gesprächsregeln vereinbart", "participants": 7}, 1
    assert kind == "event"
    return event(partner_ids=(partner.id,)), {"participants_total": 95, "title": "Sprachcafé"}, 1


@pytest.mark.parametrize(
    "kind", ["contact", "partner", "referral", "conflict", "intervention", "event"]
)
def test_create_get_update_delete(
    kind: str, app: App, partner: Partner, request: pytest.FixtureRequest
) -> None:
    if kind == "partner":  # the coordinator's (a laptop's refusal: test_write_authority)
        app = request.getfixturevalue("office_app")
    record, changes, removed = _example(kind, app, partner)
    record_type = type(record)
    table = record_type.kind
    count_before = app.records.count(record_type)

    created = app.records.create(record)
    assert created.id
    assert record.id == ""  # the caller's object is not changed
    assert app.records.get(record_type, created.id) == created
    assert app.records.count(record_type) == count_before + 1
    assert raw(app, table, created.id)["origin"] == app.store.node_id

    changed = replace(created, **changes)
    assert app.records.update(changed) == changed
    stored = app.records.get(record_type, created.id)
    assert stored == changed
    assert stored != created

    assert app.records.delete(record_type, created.id) == removed
    with pytest.raises(NotFound):
        app.records.get(record_type, created.id)
    assert app.records.count(record_type) == count_before
    assert created.id not in {r.id for r in app.records.page(record_type)}
    assert raw(app, table, created.id)["deleted"] == 1
    with pytest.raises(NotFound):
        app.records.delete(record_type, created.id)
    with pytest.raises(NotFound):
        app.records.update(changed)


def test_create_normalizes_the_pseudonym(app: App) -> None:
    created = app.records.create(contact(pseudonym="k 7qx2 m4aj"))
    assert created.pseudonym == CODE_A
    assert raw(app, "contact", created.id)["pseudonym"] == CODE_A
    assert app.records.contacts_with_pseudonym("k7qx2m4aj") == 1


def test_create_keeps_a_given_id(app: App) -> None:
    wanted = str(uuid.uuid4())
    assert app.records.create(contact(id=wanted)).id == wanted
    assert app.records.get(Contact, wanted).district == "kannenstieg"


# --- bookkeeping: stamps, rev, hlc --------------------------------------------------------------


def test_update_stamps_only_the_changed_fields(app: App) -> None:
    node = app.store.node_id
    created = app.records.create(contact())
    row0 = raw(app, "contact", created.id)
    assert json.loads(row0["stamps"]) == {}
    assert row0["created_hlc"] == row0["updated_hlc"]
    assert row0["rev"] == app.store.rev

    app.records.update(replace(created, note="Nachfrage zur Kita-Anmeldung.", topics=("kita",)))
    row1 = raw(app, "contact", created.id)
    first = json.loads(row1["stamps"])
    assert set(first) == {"note", "topics"}
    assert row1["updated_hlc"] > row0["updated_hlc"]
    # [edit hlc, edit node, replaced hlc, replaced node]: here it replaced the create stamp.
    assert first["note"] == [row1["updated_hlc"], node, row0["created_hlc"], row0["origin"]]
    assert first["topics"] == first["note"]
    assert row1["rev"] == row0["rev"] + 1 == app.store.rev
    assert row1["created_hlc"] == row0["created_hlc"]
    untouched = set(row0) - {"note", "topics", "stamps", "rev", "updated_hlc"}
    assert {k: row1[k] for k in untouched} == {k: row0[k] for k in untouched}
    # The tag index follows the new topics.
    assert ("topics", "kita") in tags(app, created.id)
    assert ("topics", "wohnen") not in tags(app, created.id)

    current = app.records.get(Contact, created.id)
    app.records.update(replace(current, note="Kita-Platz zugesagt."))
    row2 = raw(app, "contact", created.id)
    second = json.loads(row2["stamps"])
    assert second["topics"] == first["topics"]  # not touched this time
    assert second["note"][:2] == [row2["updated_hlc"], node]
    assert second["note"][2:] == first["note"][:2]  # chained to the edit it replaced
    assert row2["updated_hlc"] > row1["updated_hlc"]


def test_unchanged_update_writes_nothing_to_the_record(app: App) -> None:
    created = app.records.create(contact(pseudonym=CODE_A))
    row_before = raw(app, "contact", created.id)
    tags_before = tags(app, created.id)
    hlc_before = app.store.hlc.last

    app.records.update(app.records.get(Contact, created.id))
    # The same code typed sloppily normalizes to the stored value: still no change.
    app.records.update(replace(created, pseudonym="k7qx2m4aj"))

    assert raw(app, "contact", created.id) == row_before
    assert tags(app, created.id) == tags_before
    assert app.store.hlc.last == hlc_before


def test_unchanged_update_does_not_bump_the_store_rev(app: App) -> None:
    # Regression: a no-op save used to open a write transaction and create an empty revision.
    created = app.records.create(contact())
    rev = app.store.rev
    app.records.update(app.records.get(Contact, created.id))
    assert app.store.rev == rev
    assert app.store.meta("rev") == str(rev)


def test_each_write_is_one_revision_and_failures_none(
    office_app: App, office_partner: Partner
) -> None:
    r = office_app.records

    def rev() -> int:
        assert office_app.store.meta("rev") == str(
            office_app.store.rev
        )  # persisted with the transaction
        return office_app.store.rev

    start = rev()
    person = r.create(contact())
    assert rev() == start + 1

    case = r.create(referral(office_partner, person.id))
    assert rev() == start + 2
    history = r.status_history(case)
    # The referral and its first history entry are one transaction.
    assert (
        raw(office_app, "referral", case.id)["rev"]
        == raw(office_app, "referral_status", history[0].id)["rev"]
    )
    assert raw(office_app, "referral", case.id)["rev"] == start + 2

    r.update(replace(person, duration_min=55))
    assert rev() == start + 3
    r.set_referral_status(case.id, "vermittelt")
    assert rev() == start + 4

    # Failures leave rev alone.
    with pytest.raises(ValidationError):
        r.create(contact(date=TODAY + dt.timedelta(days=3)))
    with pytest.raises(PersonalDataFound):
        r.create(contact(note=PII_NOTE))
    with pytest.raises(ValidationError):
        r.delete(Partner, office_partner.id)  # still has a referral
    with pytest.raises(ValidationError):
        r.create(referral(replace(office_partner, id=str(uuid.uuid4()))))
    with pytest.raises(NotFound):
        r.delete(Contact, str(uuid.uuid4()))
    with pytest.raises(NotFound):
        r.update(contact(id=str(uuid.uuid4())))
    with pytest.raises(ValidationError):
        r.set_referral_status(case.id, "verschollen")
    assert rev() == start + 4

    # A cascading delete is still one revision, shared by every row it tombstones.
    assert r.delete(Contact, person.id) == 1 + 1 + 2
    assert rev() == start + 5
    assert raw(office_app, "contact", person.id)["rev"] == start + 5
    assert raw(office_app, "referral", case.id)["rev"] == start + 5
    for entry in history:
        assert raw(office_app, "referral_status", entry.id)["rev"] == start + 5


# --- tombstones ------------------------------------------------------------------------------


def test_deleted_records_vanish_but_the_row_stays(app: App) -> None:
    gone = app.records.create(contact(topics=("kita",), pseudonym=CODE_A))
    kept = app.records.create(contact(topics=("kita",)))
    app.records.delete(Contact, gone.id)

    with pytest.raises(NotFound):
        app.records.get(Contact, gone.id)
    assert [c.id for c in app.records.page(Contact)] == [kept.id]
    assert app.records.count(Contact) == 1
    assert app.records.count(Contact, Query(topic="kita")) == 1
    assert app.records.contacts_with_pseudonym(CODE_A) == 0

    row = raw(app, "contact", gone.id)
    assert row["deleted"] == 1
    # The row is kept for sync, its free text and pseudonym link emptied (and stamped).
    assert row["district"] == gone.district
    assert (row["note"], row["pseudonym"]) == ("", None)
    assert set(json.loads(row["stamps"])) == {"deleted", "note", "pseudonym"}
    assert tags(app, gone.id) == set()
    assert raw_count(app, "contact") == 2
    assert app.records.count(Contact, Query(include_deleted=True)) == 2


def test_deleting_a_contact_tombstones_its_referrals_and_their_history(
    app: App, partner: Partner
) -> None:
    r = app.records
    person = r.create(contact())
    other = r.create(contact(district="neustaedter_see"))
    first = r.create(referral(partner, person.id))
    second = r.create(referral(partner, person.id, topic="arbeit"))
    r.set_referral_status(first.id, "vermittelt")
    unrelated = r.create(referral(partner, other.id))
    r.set_referral_status(unrelated.id, "vermittelt")
    history_ids = [h.id for h in r.status_history(first) + r.status_history(second)]
    assert len(history_ids) == 3

    # The contact, two referrals and three history entries.
    assert r.delete(Contact, person.id) == 6

    for referral_id in (first.id, second.id):
        with pytest.raises(NotFound):
            r.get(Referral, referral_id)
        assert raw(app, "referral", referral_id)["deleted"] == 1
    for history_id in history_ids:
        assert raw(app, "referral_status", history_id)["deleted"] == 1
    assert r.status_history(first) == []
    # The other contact's referral is untouched.
    assert r.get(Referral, unrelated.id).status == "vermittelt"
    assert [h.status for h in r.status_history(unrelated)] == ["vorgeschlagen", "vermittelt"]
    assert r.count(Referral) == 1
    assert r.count(ReferralStatusChange) == 2


def test_deleting_a_referral_tombstones_its_history(app: App, partner: Partner) -> None:
    case = app.records.create(referral(partner))
    app.records.set_referral_status(case.id, "vermittelt")
    assert app.records.delete(Referral, case.id) == 3
    assert raw_count(app, "referral_status", deleted=True) == 2
    assert app.records.count(ReferralStatusChange) == 0


def test_deleting_a_conflict_tombstones_its_interventions(app: App) -> None:
    r = app.records
    case = r.create(conflict())
    other = r.create(conflict(district="kannenstieg"))
    steps = [r.create(intervention(case.id, date=dt.date(2026, 9, d))) for d in (3, 10)]
    kept = r.create(intervention(other.id))

    assert r.delete(Conflict, case.id) == 3
    for step in steps:
        assert raw(app, "intervention", step.id)["deleted"] == 1
        with pytest.raises(NotFound):
            r.get(Intervention, step.id)
    assert r.interventions_of(case) == []
    assert r.interventions_of(other) == [kept]
    assert r.count(Intervention) == 1


def test_partner_with_referrals_cannot_be_deleted(office_app: App, office_partner: Partner) -> None:
    case = office_app.records.create(referral(office_partner))
    before = raw(office_app, "partner", office_partner.id)
    rev = office_app.store.rev

    with pytest.raises(ValidationError) as refused:
        office_app.records.delete(Partner, office_partner.id)
    assert set(refused.value.problems) == {"id"}
    assert "Verweise" in refused.value.problems["id"]

    assert raw(office_app, "partner", office_partner.id) == before
    assert office_app.store.rev == rev
    assert office_app.records.get(Partner, office_partner.id) == office_partner
    assert office_app.records.get(Referral, case.id).partner_id == office_partner.id

    # Once the referral is gone, so may the office_partner be.
    office_app.records.delete(Referral, case.id)
    assert office_app.records.delete(Partner, office_partner.id) == 1
    assert office_app.records.count(Partner) == 0


# --- references and uniqueness -----------------------------------------------------------------


def test_duplicate_partner_names_are_refused(office_app: App, office_partner: Partner) -> None:
    for name in (
        "Migrationsberatung Magdeburg",
        "MIGRATIONSBERATUNG MAGDEBURG",
        "migrationsberatung magdeburg",
        "  Migrationsberatung Magdeburg  ",
    ):
        with pytest.raises(ValidationError) as refused:
            office_app.records.create(Partner(name=name, partner_kind="verein"))
        assert set(refused.value.problems) == {"name"}, name
        assert "gibt es schon" in refused.value.problems["name"]
    assert office_app.records.count(Partner) == 1
    # A different name is fine.
    office_app.records.create(
        Partner(name="Migrationsberatung Magdeburg Süd", partner_kind="verein")
    )
    assert office_app.records.count(Partner) == 2


def test_renaming_a_partner_onto_another_name_is_refused(
    office_app: App, office_partner: Partner
) -> None:
    other = office_app.records.create(Partner(name="Jobcenter Magdeburg", partner_kind="behoerde"))
    with pytest.raises(ValidationError) as refused:
        office_app.records.update(replace(other, name="migrationsberatung magdeburg"))
    assert set(refused.value.problems) == {"name"}
    assert office_app.records.get(Partner, other.id).name == "Jobcenter Magdeburg"
    # A office_partner may change the case of its own name.
    office_app.records.update(replace(office_partner, name="MIGRATIONSBERATUNG Magdeburg"))
    assert office_app.records.get(Partner, office_partner.id).name == "MIGRATIONSBERATUNG Magdeburg"
    assert office_app.records.find_partner_by_name("jobcenter magdeburg") == other


def test_name_of_a_deleted_partner_is_free_again(office_app: App, office_partner: Partner) -> None:
    office_app.records.delete(Partner, office_partner.id)
    again = office_app.records.create(
        Partner(name=office_partner.name, partner_kind="beratungsstelle")
    )
    assert office_app.records.find_partner_by_name(office_partner.name) == again


def test_duplicate_partner_name_with_umlaut_is_refused(office_app: App) -> None:
    # Regression: SQLite's lower() folds ASCII only, so names starting with Ä/Ö/Ü were never
    # found and the same organisation could be created twice.
    first = office_app.records.create(Partner(name="Ökumenisches Zentrum", partner_kind="verein"))
    for spelling in ("Ökumenisches Zentrum", "ÖKUMENISCHES ZENTRUM", "ökumenisches  zentrum"):
        assert office_app.records.find_partner_by_name(spelling) == first, spelling
        with pytest.raises(ValidationError):
            office_app.records.create(Partner(name=spelling, partner_kind="verein"))
    assert office_app.records.find_partner_by_name("Okumenisches Zentrum") is None
    assert office_app.records.count(Partner) == 1


def test_referral_to_a_missing_partner_is_refused(app: App, partner: Partner) -> None:
    ghost = replace(partner, id=str(uuid.uuid4()))
    with pytest.raises(ValidationError) as refused:
        app.records.create(referral(ghost))
    assert set(refused.value.problems) == {"partner_id"}
    assert app.records.count(Referral) == 0
    assert raw_count(app, "referral_status") == 0


def test_referral_to_a_deleted_partner_or_contact_is_refused(
    office_app: App, office_partner: Partner
) -> None:
    person = office_app.records.create(contact())
    office_app.records.delete(Contact, person.id)
    with pytest.raises(ValidationError) as refused:
        office_app.records.create(referral(office_partner, person.id))
    assert set(refused.value.problems) == {"contact_id"}

    office_app.records.delete(Partner, office_partner.id)
    with pytest.raises(ValidationError) as refused:
        office_app.records.create(referral(office_partner))
    assert set(refused.value.problems) == {"partner_id"}
    assert raw_count(office_app, "referral") == 0


def test_intervention_for_a_missing_conflict_is_refused(app: App) -> None:
    with pytest.raises(ValidationError) as refused:
        app.records.create(intervention(str(uuid.uuid4())))
    assert set(refused.value.problems) == {"conflict_id"}

    case = app.records.create(conflict())
    app.records.delete(Conflict, case.id)
    with pytest.raises(ValidationError):
        app.records.create(intervention(case.id))
    assert raw_count(app, "intervention") == 0


def test_event_with_an_unknown_partner_is_refused(app: App, partner: Partner) -> None:
    with pytest.raises(ValidationError) as refused:
        app.records.create(event(partner_ids=(partner.id, str(uuid.uuid4()))))
    assert set(refused.value.problems) == {"partner_ids"}
    assert app.records.count(Event) == 0


# --- personal data in free text ------------------------------------------------------------


def test_note_with_personal_data_is_refused_and_nothing_stored(app: App) -> None:
    before = all_counts(app)
    rev = app.store.rev
    with pytest.raises(PersonalDataFound) as found:
        app.records.create(contact(note=PII_NOTE))
    assert set(found.value.findings) == {"note"}
    kinds = {f.kind for f in found.value.findings["note"]}
    assert {"name", "phone"} <= kinds
    assert "0391 5403210" in {f.text for f in found.value.findings["note"]}
    assert "personenbezogene Daten" in str(found.value)
    assert all_counts(app) == before
    assert app.store.rev == rev


def test_personal_data_can_be_stored_when_accepted(app: App) -> None:
    created = app.records.create(contact(note=PII_NOTE), accept_findings=True)
    assert app.records.get(Contact, created.id).note == PII_NOTE


def test_clean_note_saves(app: App) -> None:
    created = app.records.create(contact(note=CLEAN_NOTE))
    assert app.records.get(Contact, created.id).note == CLEAN_NOTE


def test_personal_data_in_an_edit_is_refused(app: App) -> None:
    created = app.records.create(contact(note=CLEAN_NOTE))
    row = raw(app, "contact", created.id)
    with pytest.raises(PersonalDataFound):
        app.records.update(replace(created, note=PII_NOTE))
    assert raw(app, "contact", created.id) == row
    app.records.update(replace(created, note=PII_NOTE), accept_findings=True)
    assert app.records.get(Contact, created.id).note == PII_NOTE


def test_personal_data_in_partner_feedback_is_refused(app: App, partner: Partner) -> None:
    case = app.records.create(referral(partner))
    with pytest.raises(PersonalDataFound) as found:
        app.records.set_referral_status(case.id, "angenommen", feedback=PII_NOTE)
    assert set(found.value.findings) == {"feedback"}
    assert app.records.get(Referral, case.id).status == "vorgeschlagen"
    assert len(app.records.status_history(case)) == 1


def test_validation_comes_before_screening(app: App) -> None:
    with pytest.raises(ValidationError):
        app.records.create(contact(note=PII_NOTE, topics=()), accept_findings=True)
    assert app.records.count(Contact) == 0


def test_check_reports_problems_without_writing(app: App) -> None:
    rev = app.store.rev
    broken = contact(date=TODAY + dt.timedelta(days=1), topics=())
    found = app.records.check(broken)
    assert set(found) == {"date", "topics"}
    assert app.records.check(contact()) == {}
    assert app.store.rev == rev
    assert app.records.count(Contact) == 0
    with pytest.raises(ValidationError) as refused:
        app.records.create(broken)
    assert refused.value.problems == found


def test_check_uses_the_store_clock(app: App, clock: FixedClock) -> None:
    tomorrow = contact(date=TODAY + dt.timedelta(days=1))
    assert "date" in app.records.check(tomorrow)
    clock.advance(dt.timedelta(days=1))
    assert app.records.check(tomorrow) == {}


# --- referral status history -----------------------------------------------------------------


def test_referral_create_writes_the_first_history_entry(app: App, partner: Partner) -> None:
    case = app.records.create(referral(partner))
    history = app.records.status_history(case)
    assert len(history) == 1
    assert history[0].referral_id == case.id
    assert history[0].status == "vorgeschlagen"
    assert history[0].date == case.date  # a back-dated referral's history starts on its date
    assert case.date != TODAY


def test_set_referral_status_appends_to_the_history(
    app: App, partner: Partner, clock: FixedClock
) -> None:
    case = app.records.create(referral(partner))
    steps = ["vermittelt", "angenommen"]
    for step in steps:
        clock.advance(dt.timedelta(days=2))
        app.records.set_referral_status(case.id, step, note=f"Schritt {step}")
    clock.advance(dt.timedelta(days=2))
    updated = app.records.set_referral_status(
        case.id, "abgeschlossen", note="Schritt abgeschlossen", feedback="Beratung war hilfreich."
    )
    assert updated.status == "abgeschlossen"
    assert updated.feedback == "Beratung war hilfreich."

    history = app.records.status_history(case)
    assert [h.status for h in history] == ["vorgeschlagen", *steps, "abgeschlossen"]
    assert [h.date for h in history] == sorted(h.date for h in history)
    assert history[1].note == "Schritt vermittelt"
    stored = app.records.get(Referral, case.id)
    assert stored.status == "abgeschlossen"
    assert stored.feedback == "Beratung war hilfreich."
    assert set(stamps(app, "referral", case.id)) == {"status", "feedback"}


def test_status_change_through_update_is_recorded_too(
    app: App, partner: Partner, clock: FixedClock
) -> None:
    case = app.records.create(referral(partner))
    clock.advance(dt.timedelta(days=1))
    app.records.update(replace(case, status="vermittelt"))
    app.records.update(replace(case, status="vermittelt", referral_kind="begleitet"))
    assert [h.status for h in app.records.status_history(case)] == [
        "vorgeschlagen",
        "vermittelt",
    ]


def test_set_status_of_a_missing_referral(app: App) -> None:
    with pytest.raises(NotFound):
        app.records.set_referral_status(str(uuid.uuid4()), "vermittelt")


def test_status_history_of_one_day_is_in_order(
    app: App, partner: Partner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression: same-day entries used to come back in the order of their random UUIDs.
    # Ids that sort in reverse creation order expose ordering by id.
    countdown = itertools.count()
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=(1 << 128) - 1 - next(countdown)))
    case = app.records.create(referral(partner))
    for step in ("vermittelt", "angenommen", "abgeschlossen"):
        app.records.set_referral_status(case.id, step)
    assert [h.status for h in app.records.status_history(case)] == [
        "vorgeschlagen",
        "vermittelt",
        "angenommen",
        "abgeschlossen",
    ]


def test_interventions_of_a_conflict_by_date(app: App) -> None:
    r = app.records
    case = r.create(conflict())
    other = r.create(conflict(district="kannenstieg"))
    late = r.create(intervention(case.id, date=dt.date(2026, 10, 5)))
    early = r.create(intervention(case.id, date=dt.date(2026, 9, 3)))
    middle = r.create(intervention(case.id, date=dt.date(2026, 9, 20)))
    r.create(intervention(other.id, date=dt.date(2026, 9, 4)))
    gone = r.create(intervention(case.id, date=dt.date(2026, 9, 25)))
    r.delete(Intervention, gone.id)
    assert r.interventions_of(case) == [early, middle, late]


# --- filters (one store, read only) ---------------------------------------------------------


@dataclass
class World:
    app: App
    ids: dict[str, str]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    data_dir: Path = tmp_path_factory.mktemp("filter") / "daten"
    # The coordinator's store: it holds partners of its own (a laptop receives them).
    app, _ = App.create(
        data_dir, PASSPHRASE, role="office", name="Koordination Filter", clock=FixedClock(NOW)
    )
    r = app.records
    ids: dict[str, str] = {}
    jobcenter = r.create(
        Partner(
            name="Jobcenter Magdeburg",
            partner_kind="behoerde",
            districts=("kannenstieg", "neustaedter_see"),
            topics=("arbeit",),
        )
    )
    caritas = r.create(
        Partner(
            name="Caritas Beratungszentrum",
            partner_kind="wohlfahrtsverband",
            districts=("leipziger_strasse",),
            topics=("familie",),
        )
    )
    ids |= {"jobcenter": jobcenter.id, "caritas": caritas.id}
    a = r.create(
        contact(
            date=dt.date(2026, 11, 1),
            district="kannenstieg",
            topics=("wohnen", "kita"),
            pseudonym=CODE_A,
            note="Begleitung zum Jobcenter vereinbart.",
        )
    )
    b = r.create(
        contact(
            date=dt.date(2026, 10, 15),
            district="neustaedter_see",
            topics=("arbeit",),
            pseudonym=CODE_A,
            note="Bewerbungsunterlagen besprochen.",
        )
    )
    c = r.create(
        contact(
            date=dt.date(2026, 6, 30),
            district="leipziger_strasse",
            sub_area="schilfbreite",
            topics=("kita",),
            pseudonym=CODE_B,
            note="Anmeldung Kita erklärt.",
        )
    )
    ids |= {"a": a.id, "b": b.id, "c": c.id}
    ra = r.create(referral(jobcenter, a.id, topic="arbeit"))
    r.set_referral_status(ra.id, "vermittelt")
    ra2 = r.create(referral(caritas, a.id, topic="wohnen", feedback="Termin wahrgenommen."))
    rb = r.create(referral(jobcenter, b.id, topic="arbeit"))
    ids |= {"ra": ra.id, "ra2": ra2.id, "rb": rb.id}
    k1 = r.create(conflict(opened=dt.date(2026, 9, 2), categories=("laerm",)))
    k2 = r.create(
        conflict(
            opened=dt.date(2025, 3, 10),
            district="kannenstieg",
            categories=("muell", "jugendgruppen"),
            status="beigelegt",
            outcome="Müllplatz neu geordnet.",
            closed=dt.date(2025, 5, 2),
        )
    )
    ids |= {"k1": k1.id, "k2": k2.id}
    ids["i1"] = r.create(intervention(k1.id)).id
    ids["i2"] = r.create(intervention(k2.id, date=dt.date(2025, 3, 20))).id
    yield World(app, ids)
    app.close()


def found(world: World, record_type: type[Record], query: Query) -> set[str]:
    """Ids (by their names in the world) of what the query lists; count agrees with page."""
    names = {v: k for k, v in world.ids.items()}
    listed = world.app.records.page(record_type, query, 0, 1000)
    assert world.app.records.count(record_type, query) == len(listed)
    return {names[r.id] for r in listed}


def test_filter_by_date_range(world: World) -> None:
    window = Query(date_from=dt.date(2026, 10, 15), date_to=dt.date(2026, 11, 1))
    assert found(world, Contact, window) == {"a", "b"}  # both ends included
    assert found(world, Contact, Query(date_from=dt.date(2026, 11, 2))) == set()
    assert found(world, Contact, Query(date_to=dt.date(2026, 6, 29))) == set()
    assert found(world, Contact, Query(date_to=dt.date(2026, 6, 30))) == {"c"}
    # Conflicts are dated by "opened".
    assert found(world, Conflict, Query(date_from=dt.date(2026, 1, 1))) == {"k1"}
    assert found(world, Conflict, Query(date_to=dt.date(2025, 12, 31))) == {"k2"}


def test_filter_by_districts(world: World) -> None:
    both = Query(districts=("kannenstieg", "leipziger_strasse"))
    assert found(world, Contact, both) == {"a", "c"}
    assert found(world, Contact, Query(districts=("neue_neustadt",))) == set()
    assert found(world, Conflict, Query(districts=("kannenstieg",))) == {"k2"}
    # Partners serve several districts: the tag table answers.
    assert found(world, Partner, Query(districts=("neustaedter_see",))) == {"jobcenter"}
    assert found(world, Partner, Query(districts=("leipziger_strasse",))) == {"caritas"}
    assert found(world, Partner, Query(districts=("buckau",))) == set()


def test_filter_by_topic(world: World) -> None:
    assert found(world, Contact, Query(topic="kita")) == {"a", "c"}
    assert found(world, Contact, Query(topic="arbeit")) == {"b"}
    assert found(world, Contact, Query(topic="gesundheit")) == set()
    assert found(world, Referral, Query(topic="arbeit")) == {"ra", "rb"}
    assert found(world, Referral, Query(topic="kita")) == set()
    assert found(world, Conflict, Query(topic="jugendgruppen")) == {"k2"}
    assert found(world, Partner, Query(topic="familie")) == {"caritas"}


def test_filter_by_status(world: World) -> None:
    assert found(world, Referral, Query(status="vermittelt")) == {"ra"}
    assert found(world, Referral, Query(status="vorgeschlagen")) == {"ra2", "rb"}
    assert found(world, Referral, Query(status="abgelehnt")) == set()
    assert found(world, Conflict, Query(status="beigelegt")) == {"k2"}
    assert found(world, Conflict, Query(status="ruhend")) == set()


def test_filter_by_text(world: World) -> None:
    assert found(world, Contact, Query(text="JOBCENTER")) == {"a"}
    assert found(world, Contact, Query(text="jobCenter vereinbart")) == {"a"}
    assert found(world, Contact, Query(text="  kita  ")) == {"c"}
    assert found(world, Contact, Query(text="Ausländerbehörde")) == set()
    # LIKE wildcards are taken literally.
    assert found(world, Contact, Query(text="%")) == set()
    assert found(world, Contact, Query(text="_")) == set()
    assert found(world, Contact, Query(text="Begleitung%Jobcenter")) == set()
    assert found(world, Partner, Query(text="caritas")) == {"caritas"}
    assert found(world, Referral, Query(text="wahrgenommen")) == {"ra2"}
    assert found(world, Conflict, Query(text="müllplatz")) == {"k2"}  # ü is lower already


def test_filter_by_pseudonym(world: World) -> None:
    assert found(world, Contact, Query(pseudonym=CODE_A)) == {"a", "b"}
    assert found(world, Contact, Query(pseudonym=CODE_B)) == {"c"}
    assert found(world, Contact, Query(pseudonym=CODE_UNUSED)) == set()
    assert world.app.records.contacts_with_pseudonym("k-7qx2-m4aj") == 2
    assert world.app.records.contacts_with_pseudonym(CODE_UNUSED) == 0
    with pytest.raises(ValidationError) as refused:
        world.app.records.contacts_with_pseudonym("K-7QX2-M4A2")
    assert set(refused.value.problems) == {"pseudonym"}


def test_filter_by_parent(world: World) -> None:
    assert found(world, Referral, Query(parent_id=world.ids["a"])) == {"ra", "ra2"}
    assert found(world, Referral, Query(parent_id=world.ids["b"])) == {"rb"}
    assert found(world, Referral, Query(parent_id=world.ids["c"])) == set()
    assert found(world, Intervention, Query(parent_id=world.ids["k1"])) == {"i1"}
    assert found(world, Intervention, Query(parent_id=world.ids["k2"])) == {"i2"}


def test_filters_combine(world: World) -> None:
    query = Query(topic="kita", districts=("leipziger_strasse",), date_from=dt.date(2026, 1, 1))
    assert found(world, Contact, query) == {"c"}
    assert found(world, Contact, replace(query, date_from=dt.date(2026, 7, 1))) == set()


# --- paging and bulk inserts ----------------------------------------------------------------


def test_paging_lists_every_contact_once_newest_first(app: App) -> None:
    # Five dates for 25 contacts: many ties, which the order must still break stably.
    records = [
        contact(date=dt.date(2026, 11, 1) + dt.timedelta(days=i % 5), duration_min=10 + i)
        for i in range(25)
    ]
    assert app.records.create_many(records) == 25

    pages = [app.records.page(Contact, offset=offset, limit=7) for offset in range(0, 35, 7)]
    assert [len(p) for p in pages] == [7, 7, 7, 4, 0]
    listed = [c for page in pages for c in page]
    ids = [c.id for c in listed]
    assert len(ids) == len(set(ids)) == 25
    assert set(ids) == {r.id for r in records}
    dates = [c.date for c in listed]
    assert dates == sorted(dates, reverse=True)
    # Stable: the same pages again, and the same as one big page.
    again = [c.id for o in range(0, 28, 7) for c in app.records.page(Contact, offset=o, limit=7)]
    assert again == ids
    assert [c.id for c in app.records.page(Contact, limit=100)] == ids


def test_create_many_inserts_in_one_transaction(app: App, partner: Partner) -> None:
    rev = app.store.rev
    batch: list[Record] = [contact(), contact(district="neustaedter_see"), conflict(), event()]
    assert app.records.create_many(batch) == 4
    assert app.store.rev == rev + 1
    for record in batch:
        assert raw(app, record.kind, record.id)["rev"] == rev + 1
    assert app.records.count(Contact) == 2


def test_create_many_with_an_invalid_last_record_inserts_nothing(app: App) -> None:
    before = all_counts(app)
    rev = app.store.rev
    batch: list[Record] = [contact(), contact(), conflict(), contact(duration_min=0)]
    with pytest.raises(ValidationError) as refused:
        app.records.create_many(batch)
    assert set(refused.value.problems) == {"duration_min"}
    assert all_counts(app) == before
    assert app.store.rev == rev


def test_create_many_rolls_back_when_the_store_refuses(app: App) -> None:
    existing = app.records.create(contact())
    before = all_counts(app)
    rev = app.store.rev
    # Partners are inserted before contacts; the clashing contact id must undo them too.
    batch: list[Record] = [
        Partner(name="Stadtteiltreff Kannenstieg", partner_kind="verein"),
        contact(id=existing.id),
    ]
    # The error type is not the point (a raw IntegrityError today); the rollback is.
    with pytest.raises((IntegrityError, VielfaltError)):
        app.records.create_many(batch)
    assert all_counts(app) == before
    assert app.store.rev == rev
    assert app.records.find_partner_by_name("Stadtteiltreff Kannenstieg") is None


def test_filter_by_language_uses_the_tag_rows(office_app: App, office_partner: Partner) -> None:
    other = office_app.records.create(
        Partner(name="Verein Ohne Arabisch", partner_kind="verein", languages=("de", "ru"))
    )
    found = office_app.records.page(Partner, Query(language="ar"))
    assert [p.id for p in found] == [office_partner.id]
    assert {p.id for p in office_app.records.page(Partner, Query(language="de"))} == {
        office_partner.id,
        other.id,
    }
    assert office_app.records.count(Partner, Query(language="tr")) == 0


def test_status_change_with_personal_data_needs_confirmation(app: App, partner: Partner) -> None:
    case = app.records.create(referral(partner))
    with pytest.raises(PersonalDataFound):
        app.records.set_referral_status(case.id, "vermittelt", note="Herr Müller rief an")
    assert app.records.get(Referral, case.id).status == "vorgeschlagen"
    app.records.set_referral_status(
        case.id, "vermittelt", note="Herr Müller rief an", accept_findings=True
    )
    assert app.records.get(Referral, case.id).status == "vermittelt"
