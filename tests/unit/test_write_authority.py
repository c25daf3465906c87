"""Who may write what, as the services enforce it (domain.authority): a field laptop writes
only its own records of the field kinds; the coordinator keeps partners and vocabularies and
answers a laptop's referrals; refusals are NotAllowed (exit code 4) and change nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import give_directory, sample_partner

from vielfalt_desktop import demo
from vielfalt_desktop.domain.authority import DELETED
from vielfalt_desktop.domain.errors import NotAllowed
from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Intervention,
    Partner,
    Record,
    Referral,
    VocabEntry,
)
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.partners_csv import import_partners

Directory = Callable[..., list[Partner]]
DAY = dt.date(2026, 11, 20)


def _contact() -> Contact:
    return Contact(
        date=dt.date(2026, 11, 20),
        duration_min=30,
        setting="aufsuchend",
        district="kannenstieg",
        target_group="drittstaat",
        age_band="27_44",
        gender="weiblich",
        languages=("de",),
        interpreter="keine",
        topics=("aufenthalt",),
    )


def _conflict(**changes: object) -> Conflict:
    return dataclasses.replace(
        Conflict(
            opened=dt.date(2026, 9, 2),
            district="neustaedter_see",
            place_type="innenhof",
            categories=("laerm",),
            households=3,
            escalation="glasl_2",
            status="in_klaerung",
        ),
        **changes,
    )


def _send(sender: App, receiver: App, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sender.store.node_name}-{sender.store.rev}.vfbundle"
    sender.sync.export(receiver.store.node_id, path)
    receiver.sync.import_file(path)


def _counts(app: App) -> dict[str, int]:
    return dict(app.stats.counts())


# --- partners and vocabularies: the coordinator's ---------------------------------------------


def test_a_laptop_may_not_create_a_partner(app: App) -> None:
    assert not app.records.may_create("partner")
    assert app.records.may_create("contact")
    with pytest.raises(NotAllowed) as refused:
        app.records.create(Partner(name="Eigener Verein", partner_kind="verein"))
    assert refused.value.exit_code == 4
    assert "Partner pflegt die Koordination" in str(refused.value)
    assert app.records.count(Partner) == 0


def test_a_laptop_may_not_create_partners_in_a_batch(app: App) -> None:
    before = _counts(app)
    with pytest.raises(NotAllowed):
        app.records.create_many([_contact(), Partner(name="Verein", partner_kind="verein")])
    assert _counts(app) == before


def test_a_laptop_may_not_change_or_delete_the_coordinators_partner(
    app: App, partner: Partner
) -> None:
    assert not app.records.may_edit(partner)
    assert not app.records.may_edit(partner, [DELETED])
    with pytest.raises(NotAllowed):
        app.records.update(dataclasses.replace(partner, opening_hours="Mo 9–12 Uhr"))
    with pytest.raises(NotAllowed):
        app.records.delete(Partner, partner.id)
    assert app.records.get(Partner, partner.id) == partner
    # Referrals to it are the laptop's own work.
    contact = app.records.create(_contact())
    made = app.records.create(
        Referral(contact_id=contact.id, partner_id=partner.id, topic="aufenthalt", date=DAY)
    )
    assert app.records.may_edit(made)


def test_the_coordinator_keeps_the_partner_directory(
    office_app: App, office_partner: Partner
) -> None:
    assert office_app.records.may_create("partner")
    assert office_app.records.may_edit(office_partner, [DELETED])
    changed = office_app.records.update(dataclasses.replace(office_partner, note="Neue Räume"))
    assert office_app.records.get(Partner, office_partner.id).note == changed.note == "Neue Räume"


def test_a_laptop_may_not_set_a_vocabulary_entry(app: App) -> None:
    with pytest.raises(NotAllowed) as refused:
        app.vocabulary.set_entry("topic", "nachbarschaft", "Nachbarschaft", "Neighbourhood")
    assert "pflegt die Koordination" in str(refused.value)
    assert app.records.count(VocabEntry) == 0


def test_a_vocabulary_entry_from_the_coordinator_stays_read_only(
    office_app: App, app: App, directory: Directory, tmp_path: Path
) -> None:
    entry = office_app.vocabulary.set_entry("topic", "nachbarschaft", "Nachbarschaft", "Area")
    directory()  # the next bundle carries the entry too
    received = app.records.get(VocabEntry, entry.id)
    assert not app.records.may_edit(received)
    with pytest.raises(NotAllowed):
        app.vocabulary.set_entry("topic", "nachbarschaft", "Nachbarschaftshilfe", "Help")
    assert app.records.get(VocabEntry, entry.id).de == "Nachbarschaft"


def test_a_laptop_may_not_import_partners(app: App, tmp_path: Path) -> None:
    csv_file = tmp_path / "partner.csv"
    csv_file.write_text("Name;Art\nVerein Brücke e.V.;Verein\n", encoding="utf-8")
    with pytest.raises(NotAllowed):
        import_partners(app.records, csv_file)
    assert app.records.count(Partner) == 0


# --- records another device created ---------------------------------------------------------


def test_a_shared_case_from_the_coordinator_is_read_only_on_the_laptop(
    office_app: App, app: App, directory: Directory, tmp_path: Path
) -> None:
    case = office_app.records.create(_conflict(shared=True))
    directory()
    received = app.records.get(Conflict, case.id)
    assert not app.records.may_edit(received)
    with pytest.raises(NotAllowed) as refused:
        app.records.update(dataclasses.replace(received, households=5))
    assert "anderen Gerät" in str(refused.value)
    with pytest.raises(NotAllowed):
        app.records.delete(Conflict, case.id)
    assert app.records.get(Conflict, case.id) == received
    own = app.records.create(_conflict())
    assert app.records.may_edit(own)
    assert app.records.may_edit(own, [DELETED])


def test_an_intervention_the_coordinator_added_is_read_only_on_the_laptop(
    office_app: App, app: App, directory: Directory
) -> None:
    case = office_app.records.create(_conflict(shared=True))
    step = office_app.records.create(
        Intervention(
            conflict_id=case.id, date=dt.date(2026, 9, 3), intervention_kind="einzelgespraech"
        )
    )
    directory()
    received = app.records.get(Intervention, step.id)
    with pytest.raises(NotAllowed):
        app.records.update(dataclasses.replace(received, participants=9))
    with pytest.raises(NotAllowed):
        app.records.delete(Intervention, step.id)


def test_the_coordinator_answers_a_laptops_referral_but_keeps_its_topic(
    office_app: App, app: App, partner: Partner, tmp_path: Path
) -> None:
    contact = app.records.create(_contact())
    made = app.records.create(
        Referral(contact_id=contact.id, partner_id=partner.id, topic="aufenthalt", date=DAY)
    )
    _send(app, office_app, tmp_path / "an-koordination")
    there = office_app.records.get(Referral, made.id)
    assert office_app.records.may_edit(there)
    assert not office_app.records.may_edit(there, ["topic"])
    with pytest.raises(NotAllowed) as refused:
        office_app.records.update(dataclasses.replace(there, topic="arbeit"))
    assert "Status, Rückmeldung" in str(refused.value)
    answered = office_app.records.set_referral_status(
        made.id, "vermittelt", feedback="Termin vereinbart"
    )
    assert answered.status == "vermittelt"
    later = office_app.records.update(
        dataclasses.replace(answered, follow_up=dt.date(2026, 12, 1), feedback="Termin am 1.12.")
    )
    assert office_app.records.get(Referral, made.id) == later
    assert office_app.records.get(Referral, made.id).topic == "aufenthalt"


# --- demo data on a laptop --------------------------------------------------------------------


def test_demo_on_a_laptop_without_a_directory_makes_no_referrals(app: App) -> None:
    result = demo.fill(app, 60, seed=2)
    assert result.partners == 0
    assert result.referrals == 0
    assert result.contacts == 60
    assert result.events > 0
    assert app.records.count(Partner) == 0
    assert app.records.count(VocabEntry) == 0


def test_demo_on_a_laptop_uses_the_coordinators_partners_and_syncs_back(
    office_app: App, app: App, tmp_path: Path
) -> None:
    names = ("Jobcenter Magdeburg", "Caritas Beratungszentrum")
    partners = [sample_partner()] + [
        Partner(name=name, partner_kind="verein", topics=("arbeit", "familie")) for name in names
    ]
    given = give_directory(office_app, app, partners, tmp_path / "bundles")
    result = demo.fill(app, 100, seed=3)
    assert result.partners == 0
    assert result.referrals > 0
    assert app.records.count(Partner) == len(given)
    laptop_referrals: list[Record] = list(app.records.page(Referral, limit=1000))
    assert {r.partner_id for r in laptop_referrals if isinstance(r, Referral)} <= {
        p.id for p in given
    }
    _send(app, office_app, tmp_path / "an-koordination")
    counts = _counts(office_app)
    assert counts["contacts"] == result.contacts
    assert counts["referrals"] == result.referrals
    assert counts["partners"] == len(given)
