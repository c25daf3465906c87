"""A trusted laptop is authenticated, not authorised: forged writes are refused whole.

The attacker holds Laptop Nord's own keys and builds bundles by hand from
docs/bundle-format.md (``seal`` below uses only `cryptography` and the documented layout). Each
attack is refused with RejectedInput, changes no record at the coordinator, and leaves one
``import_refused`` entry in its audit trail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import struct
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hpke
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import NotAllowed, RejectedInput
from vielfalt_desktop.domain.hlc import COUNTER_BITS, physical_stamp
from vielfalt_desktop.domain.records import Conflict, Contact, Partner, Referral
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.vocabulary import entry_id
from vielfalt_desktop.sync import cobble
from vielfalt_desktop.sync.changes import codec_of
from vielfalt_desktop.sync.identity import IdentityCard, NodeKeys, canonical_json, hpke_public

SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


@dataclasses.dataclass
class Hub:
    root: Path
    clock: FixedClock
    office: App
    nord: App
    sued: App
    nord_keys: NodeKeys
    partner: Partner
    sued_contact: Contact
    nord_contact: Contact
    n: int = 0

    def path(self, name: str) -> Path:
        self.n += 1
        return self.root / f"{self.n:03d}-{name}.vfb"

    def send(self, source: App, target: App) -> Path:
        path = self.path("echt")
        source.sync.export(target.store.node_id, path)
        return path


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    clock = FixedClock(NOW)

    def make(name: str, role: str) -> App:
        return App.create(tmp_path / name, PASSPHRASE, role=role, name=name, clock=clock)[0]

    office, nord, sued = (
        make("Koordination", "office"),
        make("Laptop Nord", "field"),
        make("Laptop Süd", "field"),
    )
    cards = {}
    for app in (office, nord, sued):
        path = tmp_path / f"{app.store.node_name}.card"
        app.sync.export_identity(path)
        cards[app.store.node_id] = app.sync.read_card(path)
    for laptop in (nord, sued):
        office.sync.add_peer(cards[laptop.store.node_id])
        laptop.sync.add_peer(cards[office.store.node_id])
    partner = office.records.create(
        Partner(name="Migrationsberatung Nord", partner_kind="beratungsstelle")
    )
    made = Hub(
        tmp_path, clock, office, nord, sued, nord.sync._keys(), partner, Contact(), Contact()
    )
    for laptop in (nord, sued):
        laptop.sync.import_file(made.send(office, laptop))
    made.sued_contact = sued.records.create(_contact())
    made.nord_contact = nord.records.create(_contact())
    for laptop in (nord, sued):
        office.sync.import_file(made.send(laptop, office))
    yield made
    for app in (office, nord, sued):
        app.close()


def _contact(**changes: Any) -> Contact:
    values: dict[str, Any] = dict(
        date=NOW.date(), district="kannenstieg", target_group="drittstaat", topics=("wohnen",)
    )
    values.update(changes)
    return Contact(**values)


# --- bundles from the document alone --------------------------------------------------------


def seal(hub: Hub, records: dict[str, list[list[Any]]], **header: Any) -> bytes:
    """A bundle signed with Laptop Nord's real keys and sealed to the coordinator."""
    office = hub.office
    card_kem = office.sync.identity_card().kem_key
    doc: dict[str, Any] = {
        "format": 1,
        "bundle_id": str(uuid.uuid4()),
        "sender": hub.nord.store.node_id,
        "sender_name": "Laptop Nord",
        "recipient": office.store.node_id,
        "recipient_key_id": hashlib.sha256(card_kem).hexdigest()[:16],
        "seq": 99,
        "created": hub.clock.now().isoformat(timespec="seconds"),
        "since": 0,
        "upto": 0,
        "ack": 0,
        "counts": {kind: len(rows) for kind, rows in records.items()},
        "compression": "zlib",
    }
    raw = header.pop("raw_header", None)
    doc.update(header)
    payload = {
        "records": {
            kind: {"columns": list(codec_of(kind).names), "rows": rows}
            for kind, rows in records.items()
        }
    }
    return seal_raw(
        hub, raw or canonical_json(doc), zlib.compress(canonical_json(payload)), card_kem
    )


def seal_raw(hub: Hub, header_bytes: bytes, compressed: bytes, kem: bytes) -> bytes:
    head = b"VFBUNDLE" + struct.pack(">HI", 1, len(header_bytes)) + header_bytes
    d = hashlib.sha256(head).digest()
    file_key = cobble.generate_key()
    sealed = SUITE.encrypt(file_key, hpke_public(kem), info=b"vielfalt-bundle/1 key\0" + d)
    ciphertext = cobble.encrypt(file_key, b"vielfalt-bundle/1 payload\0" + d, compressed)
    body = head + struct.pack(">H", len(sealed)) + sealed
    body += struct.pack(">Q", len(ciphertext)) + ciphertext
    return body + hub.nord_keys.sign.sign(body)


def stamp(hub: Hub, seconds: float = 1) -> int:
    """A stamp a moment after everything the stores wrote so far: it wins every merge."""
    return physical_stamp(hub.clock.now() + dt.timedelta(seconds=seconds))


def contact_row(hub: Hub, record_id: str, origin: str, **values: Any) -> list[Any]:
    base: dict[str, Any] = {
        "date": NOW.date().isoformat(),
        "duration_min": 30,
        "setting": "projektbuero",
        "district": "kannenstieg",
        "sub_area": None,
        "pseudonym": None,
        "target_group": "drittstaat",
        "citizenship": None,
        "age_band": "unbekannt",
        "gender": "keine_angabe",
        "languages": [],
        "interpreter": "keine",
        "topics": ["wohnen"],
        "interests": [],
        "follow_up": None,
        "note": "",
    }
    base.update(values)
    names = codec_of("contact").names
    return [record_id, origin, stamp(hub), False, {}, [base[n] for n in names]]


def content(app: App) -> tuple[str, dict[str, int]]:
    counts = app.stats.counts()
    return app.sync.digest(), {k: v for k, v in counts.items() if k != "audit"}


def refuse(hub: Hub, data: bytes, match: str) -> None:
    before = content(hub.office)
    path = hub.path("angriff")
    path.write_bytes(data)
    with pytest.raises(RejectedInput, match=match):
        hub.office.sync.import_file(path)
    assert content(hub.office) == before
    refused = [e for e in hub.office.audit.entries() if e.action == "import_refused"]
    assert refused
    assert path.name in refused[0].detail


def own(hub: Hub) -> str:
    return hub.nord.store.node_id


# --- writes a laptop may not make -----------------------------------------------------------


def test_an_honest_bundle_from_the_laptop_is_accepted(hub: Hub) -> None:
    row = contact_row(hub, str(uuid.uuid4()), own(hub))
    path = hub.path("ehrlich")
    path.write_bytes(seal(hub, {"contact": [row]}))
    assert hub.office.sync.import_file(path).changed == 1


def test_a_laptop_cannot_rewrite_the_coordinators_partner(hub: Hub) -> None:
    codec = codec_of("partner")
    values = [getattr(hub.partner, n) for n in codec.names]
    values = [list(v) if isinstance(v, tuple) else v for v in values]
    values[codec.names.index("contact_channel")] = "Tel. 0391 666666"
    office_id = hub.office.store.node_id
    forged = {"contact_channel": [stamp(hub), office_id, 0, ""]}
    row = [hub.partner.id, office_id, 1, False, forged, values]
    refuse(hub, seal(hub, {"partner": [row]}), "darf keine Einträge der Art „Partner“")


def test_a_laptop_cannot_tombstone_another_laptops_contact(hub: Hub) -> None:
    sued = hub.sued.store.node_id
    row = contact_row(hub, hub.sued_contact.id, sued)
    row[2] = _created(hub, "contact")
    row[3] = True
    row[4] = {"deleted": [stamp(hub), own(hub), 0, ""]}
    refuse(hub, seal(hub, {"contact": [row]}), "nicht von ihm stammt|Herkunft")


def _created(hub: Hub, kind: str) -> int:
    with hub.office.store.read() as conn:
        return int(
            conn.exec_driver_sql(
                f"SELECT created_hlc FROM {kind} WHERE id = ?",
                (hub.sued_contact.id,),
            ).scalar_one()
        )


def test_a_laptop_cannot_create_a_record_in_another_laptops_name(hub: Hub) -> None:
    row = contact_row(hub, str(uuid.uuid4()), hub.sued.store.node_id)
    refuse(hub, seal(hub, {"contact": [row]}), "nicht von ihm stammt")


def test_a_laptop_cannot_write_an_audit_entry_for_another_device(hub: Hub) -> None:
    names = codec_of("audit").names
    values = {"at": "2026-11-24T10:00:00Z", "action": "delete", "record_kind": "contact"}
    values |= {"record_id": None, "count": 1, "detail": ""}
    row = [
        str(uuid.uuid4()),
        hub.sued.store.node_id,
        stamp(hub),
        False,
        {},
        [values[n] for n in names],
    ]
    refuse(hub, seal(hub, {"audit": [row]}), "nicht von ihm stammt")


def test_a_laptop_cannot_relabel_a_vocabulary_value(hub: Hub) -> None:
    names = codec_of("vocab_entry").names
    values = {
        "vocabulary": "topic",
        "code": "wohnen",
        "de": "Ausweisung",
        "en": "x",
        "active": True,
    }
    row = [entry_id("topic", "wohnen"), own(hub), stamp(hub), False, {}, [values[n] for n in names]]
    refuse(hub, seal(hub, {"vocab_entry": [row]}), "Auswahllisten")


def test_a_laptop_cannot_pass_its_edit_off_as_the_coordinators(hub: Hub) -> None:
    row = contact_row(hub, hub.nord_contact.id, own(hub), duration_min=45)
    with hub.office.store.read() as conn:
        row[2] = conn.exec_driver_sql(
            "SELECT created_hlc FROM contact WHERE id = ?", (hub.nord_contact.id,)
        ).scalar_one()
    row[4] = {"duration_min": [stamp(hub), hub.office.store.node_id, 0, ""]}
    refuse(hub, seal(hub, {"contact": [row]}), "anderen Geräts")


# --- values checked as a local write would ------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "bad", "match"),
    [
        ("contact", {"district": "@SUM(1+1)"}, "kein bekannter Wert|ungültig"),
        ("contact", {"duration_min": -5}, "ungültig"),
        ("contact", {"date": "2031-01-01"}, "ungültig"),
        ("contact", {"note": "a\u202eb"}, "ungültig"),
        ("audit", {"at": "=1+1"}, "ungültig"),
        ("event", {"participants_total": -3}, "ungültig"),
    ],
)
def test_values_break_the_rules_of_a_local_write(
    hub: Hub, kind: str, bad: dict[str, Any], match: str
) -> None:
    if kind == "contact":
        row = contact_row(hub, str(uuid.uuid4()), own(hub), **bad)
    else:
        row = _row(hub, kind, bad)
    refuse(hub, seal(hub, {kind: [row]}), match)


def _row(hub: Hub, kind: str, changes: dict[str, Any]) -> list[Any]:
    if kind == "audit":
        values: dict[str, Any] = {"at": "2026-11-24T10:00:00Z", "action": "create"}
        values |= {"record_kind": "contact", "record_id": None, "count": 1, "detail": ""}
    else:
        values = {
            "date": NOW.date().isoformat(),
            "title": "Sprachcafé",
            "event_kind": "sprachcafe",
            "district": "kannenstieg",
            "participants_total": 10,
            "participants_third_country": 0,
            "participants_women": 0,
            "participants_men": 0,
            "participants_divers": 0,
            "participants_children": 0,
            "partner_ids": [],
            "interests": [],
            "note": "",
        }
    values.update(changes)
    names = codec_of(kind).names
    return [str(uuid.uuid4()), own(hub), stamp(hub), False, {}, [values[n] for n in names]]


def test_a_referral_to_a_partner_that_does_not_exist_is_refused(hub: Hub) -> None:
    values = {
        "contact_id": hub.nord_contact.id,
        "partner_id": str(uuid.uuid4()),
        "topic": "wohnen",
        "date": NOW.date().isoformat(),
        "referral_kind": "information",
        "status": "vorgeschlagen",
        "follow_up": None,
        "feedback": "",
    }
    names = codec_of("referral").names
    row = [str(uuid.uuid4()), own(hub), stamp(hub), False, {}, [values[n] for n in names]]
    refuse(hub, seal(hub, {"referral": [row]}), "verweist auf einen Eintrag")


# --- clocks ---------------------------------------------------------------------------------


def test_stamps_far_in_the_future_are_refused(hub: Hub) -> None:
    row = contact_row(hub, str(uuid.uuid4()), own(hub))
    row[2] = stamp(hub, seconds=6.9 * 86400)
    refuse(hub, seal(hub, {"contact": [row]}), "später datiert")


def test_a_bundle_from_a_clock_ahead_is_refused(hub: Hub) -> None:
    ahead = (hub.clock.now() + dt.timedelta(hours=2)).isoformat(timespec="seconds")
    row = contact_row(hub, str(uuid.uuid4()), own(hub))
    refuse(hub, seal(hub, {"contact": [row]}, created=ahead), "geht .* vor")


def test_an_honest_clock_two_minutes_ahead_is_accepted_and_lifts_ours_by_minutes(hub: Hub) -> None:
    ahead = hub.clock.now() + dt.timedelta(minutes=2)
    row = contact_row(hub, str(uuid.uuid4()), own(hub))
    row[2] = physical_stamp(ahead)
    path = hub.path("voraus")
    path.write_bytes(seal(hub, {"contact": [row]}, created=ahead.isoformat(timespec="seconds")))
    hub.office.sync.import_file(path)
    lifted = (hub.office.store.hlc.last >> COUNTER_BITS) - physical_stamp(hub.clock.now()) // (
        1 << COUNTER_BITS
    )
    assert 0 < lifted <= 5 * 60 * 1000


# --- the header ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mangle",
    [
        lambda doc: json.dumps(doc, sort_keys=True).encode(),  # spaces
        lambda doc: json.dumps(doc, sort_keys=True, separators=(",", ":")).encode(),  # \u escapes
        lambda doc: canonical_json(doc)[:-1] + b',"seq":1}',  # a duplicate key
        lambda doc: canonical_json({**doc, "counts": {"contact": 1, "geheim": 0}}),
    ],
)
def test_a_header_that_is_not_canonical_is_refused(hub: Hub, mangle: Any) -> None:
    row = contact_row(hub, str(uuid.uuid4()), own(hub))
    doc = {
        "format": 1,
        "bundle_id": str(uuid.uuid4()),
        "sender": own(hub),
        "sender_name": "Laptop Nörd",
        "recipient": hub.office.store.node_id,
        "recipient_key_id": hub.office.sync.identity_card().key_id,
        "seq": 1,
        "created": hub.clock.now().isoformat(timespec="seconds"),
        "since": 0,
        "upto": 0,
        "ack": 0,
        "counts": {"contact": 1},
        "compression": "zlib",
    }
    refuse(hub, seal(hub, {"contact": [row]}, raw_header=mangle(doc)), "beschädigt")


# --- the ledger, the identity ---------------------------------------------------------------


def test_another_laptop_cannot_claim_a_bundle_id_in_advance(hub: Hub) -> None:
    hub.sued.records.create(_contact(note="Erstgespräch"))
    real = hub.send(hub.sued, hub.office)
    bundle_id = json.loads(
        real.read_bytes()[14 : 14 + struct.unpack(">I", real.read_bytes()[10:14])[0]]
    )["bundle_id"]
    squat = hub.path("besetzt")
    squat.write_bytes(seal(hub, {}, bundle_id=bundle_id))
    hub.office.sync.import_file(squat)
    result = hub.office.sync.import_file(real)
    assert not result.already_known
    assert result.changed >= 1


def test_a_card_claiming_the_coordinators_role_is_refused(hub: Hub) -> None:
    card = hub.nord.sync.identity_card()
    upgraded = dataclasses.replace(card, role="office")
    assert upgraded.fingerprint != card.fingerprint
    path = hub.root / "befoerdert.card"
    path.write_bytes(upgraded.to_bytes(hub.nord_keys))
    with pytest.raises(RejectedInput, match="Koordination"):
        hub.office.sync.add_peer(IdentityCard.parse(path.read_bytes()))
    assert hub.office.sync.find_peer("Laptop Nord").role == "field"


def test_the_peer_keeps_the_name_confirmed_at_trust_time(hub: Hub) -> None:
    row = contact_row(hub, str(uuid.uuid4()), own(hub))
    path = hub.path("umbenannt")
    path.write_bytes(seal(hub, {"contact": [row]}, sender_name="Koordination"))
    assert hub.office.sync.import_file(path).sender_name == "Laptop Nord"
    assert [p.name for p in hub.office.sync.peers()] == ["Laptop Nord", "Laptop Süd"]


# --- the coordinator's writes reaching a laptop ---------------------------------------------


def test_a_laptop_refuses_contacts_from_the_coordinator(hub: Hub) -> None:
    with pytest.raises(NotAllowed):
        hub.nord.records.create(Partner(name="Eigener Verein", partner_kind="verein"))
    referral = hub.nord.records.create(
        Referral(
            contact_id=hub.nord_contact.id,
            partner_id=hub.partner.id,
            topic="wohnen",
            date=NOW.date(),
        )
    )
    hub.office.sync.import_file(hub.send(hub.nord, hub.office))
    answered = hub.office.records.set_referral_status(
        referral.id, "vermittelt", feedback="Termin vereinbart"
    )
    assert answered.feedback == "Termin vereinbart"
    with pytest.raises(NotAllowed):
        hub.office.records.update(dataclasses.replace(answered, topic="arbeit"))
    hub.nord.sync.import_file(hub.send(hub.office, hub.nord))
    assert hub.nord.records.get(Referral, referral.id).feedback == "Termin vereinbart"


def test_a_shared_case_of_another_laptop_is_read_only_here(hub: Hub) -> None:
    case = hub.sued.records.create(
        Conflict(opened=NOW.date(), district="kannenstieg", categories=("laerm",), shared=True)
    )
    hub.office.sync.import_file(hub.send(hub.sued, hub.office))
    hub.nord.sync.import_file(hub.send(hub.office, hub.nord))
    received = hub.nord.records.get(Conflict, case.id)
    with pytest.raises(NotAllowed):
        hub.nord.records.update(dataclasses.replace(received, households=3))
    # What the laptop sends back stays acceptable: only its own rows travel.
    hub.nord.records.create(_contact())
    assert hub.office.sync.import_file(hub.send(hub.nord, hub.office)).changed >= 1
