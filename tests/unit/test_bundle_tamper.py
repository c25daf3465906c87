"""Bundles are refused whole: tampered, cut, extended, misaddressed, untrusted or malformed.

Everything goes through real stores and real bundle files. Four nodes are made once per module
(Argon2 is slow) and every test works on fresh copies of them:

- ``laptop``  (field)  trusts both offices; holds one record of every kind, a tombstone included;
- ``office``  (office) trusts the laptop; the receiver of most bundles;
- ``office2`` (office) trusts the laptop too; gets a bundle addressed to it;
- ``stranger`` (field) trusts the office, but the office does not trust it.

After a refused bundle the receiver must be exactly as before: the same digest, counts, ledger,
peers, conflict log and rev while open, and the same bytes in every file of its data directory
after closing (closing checkpoints the WAL, so only committed changes could show up there).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import json
import shutil
import struct
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hpke
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.records import (
    LOG_KINDS,
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Referral,
)
from vielfalt_desktop.services.app import App
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.vault import KeyFile
from vielfalt_desktop.sync import bundle, changes, cobble, limits
from vielfalt_desktop.sync.identity import NodeKeys, canonical_json, hpke_public

NOTE = "Sprachcafé Wunschzettel Nordlicht-Markierung"
PARTNER_NAME = "Brückenbauer Elbaue Markierungsverein e.V."
DISTRICT = "kannenstieg"
MIB = 1024 * 1024


# --- the nodes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """A closed store to copy: its directory, raw data key and the sha256 of every file."""

    path: Path
    key: bytes
    node_id: str
    files: dict[str, str]


@dataclass(frozen=True)
class Net:
    root: Path
    laptop: Template
    office: Template
    office2: Template
    laptop_keys: NodeKeys
    stranger_keys: NodeKeys
    office_keys: NodeKeys
    office_kem: bytes
    office_key_id: str
    stranger_id: str
    to_office: bytes  # laptop → office
    to_office2: bytes  # laptop → office2
    from_stranger: bytes  # stranger → office
    header: bundle.Header  # of to_office
    payload: dict[str, Any]  # of to_office, decrypted
    record_ids: tuple[str, ...]


def files_of(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def _directory(office: App, laptop: App, root: Path) -> Partner:
    """The partner directory reaches a laptop the way it does in use: from the coordinator."""
    partner = office.records.create(
        Partner(
            name=PARTNER_NAME,
            partner_kind="verein",
            districts=(DISTRICT,),
            topics=("wohnen",),
            languages=("ar",),
        )
    )
    office.sync.export(laptop.store.node_id, root / "directory.vfb")
    laptop.sync.import_file(root / "directory.vfb")
    return partner


def _fill_laptop(app: App, partner: Partner) -> list[str]:
    today = NOW.date()
    records = app.records
    contact = records.create(
        Contact(
            date=today,
            district=DISTRICT,
            target_group="drittstaat",
            topics=("wohnen", "arbeit"),
            languages=("ar",),
            note=NOTE,
        )
    )
    gone = records.create(
        Contact(date=today, district=DISTRICT, target_group="drittstaat", topics=("schule",))
    )
    records.delete(Contact, gone.id)
    referral = records.create(
        Referral(contact_id=contact.id, partner_id=partner.id, topic="wohnen", date=today)
    )
    conflict = records.create(
        Conflict(opened=today, district=DISTRICT, categories=("laerm",), households=2, shared=True)
    )
    intervention = records.create(
        Intervention(conflict_id=conflict.id, date=today, participants=4, bridge_builder=True)
    )
    event = records.create(
        Event(
            date=today,
            title="Begegnungsfest im Hof",
            event_kind="begegnungsfest",
            district=DISTRICT,
            participants_total=30,
            partner_ids=(partner.id,),
        )
    )
    return [partner.id, contact.id, gone.id, referral.id, conflict.id, intervention.id, event.id]


def _template(app: App) -> Template:
    path = app.store.paths.root
    node_id = app.store.node_id
    app.close()
    key = KeyFile.load(path / "vielfalt.key").unlock(PASSPHRASE)
    return Template(path, key, node_id, files_of(path))


@pytest.fixture(scope="module")
def net(tmp_path_factory: pytest.TempPathFactory) -> Net:
    root = tmp_path_factory.mktemp("tamper")
    clock = FixedClock(NOW)

    def make(name: str, role: str, label: str) -> App:
        return App.create(root / name, PASSPHRASE, role=role, name=label, clock=clock)[0]

    laptop = make("laptop", "field", "Laptop Nord")
    office = make("office", "office", "Koordination")
    office2 = make("office2", "office", "Koordination Süd")
    stranger = make("stranger", "field", "Fremder Laptop")
    cards = {}
    for name, app in (
        ("laptop", laptop),
        ("office", office),
        ("office2", office2),
        ("stranger", stranger),
    ):
        app.sync.export_identity(root / f"{name}.card")
        cards[name] = app.sync.read_card(root / f"{name}.card")
    laptop.sync.add_peer(cards["office"])
    laptop.sync.add_peer(cards["office2"])
    office.sync.add_peer(cards["laptop"])
    office2.sync.add_peer(cards["laptop"])
    stranger.sync.add_peer(cards["office"])

    partner = _directory(office, laptop, root)
    record_ids = _fill_laptop(laptop, partner)
    office.records.create(Partner(name="Stadtteilbüro Nord", partner_kind="verein"))
    stranger.records.create(
        Contact(date=NOW.date(), district=DISTRICT, target_group="weitere", topics=("arbeit",))
    )
    laptop.sync.export("Koordination", root / "to_office.vfb")
    laptop.sync.export("Koordination Süd", root / "to_office2.vfb")
    stranger.sync.export("Koordination", root / "from_stranger.vfb")
    to_office = (root / "to_office.vfb").read_bytes()

    laptop_keys, stranger_keys = laptop.sync._keys(), stranger.sync._keys()
    office_keys = office.sync._keys()
    header, payload = bundle.open_bundle(
        to_office,
        office_keys,
        office.store.node_id,
        {laptop.store.node_id: laptop_keys.public_sign_bytes()},
    )
    assert payload is not None
    stranger_id = stranger.store.node_id
    stranger.close()
    return Net(
        root=root,
        laptop=_template(laptop),
        office=_template(office),
        office2=_template(office2),
        laptop_keys=laptop_keys,
        stranger_keys=stranger_keys,
        office_keys=office_keys,
        office_kem=cards["office"].kem_key,
        office_key_id=cards["office"].key_id,
        stranger_id=stranger_id,
        to_office=to_office,
        to_office2=(root / "to_office2.vfb").read_bytes(),
        from_stranger=(root / "from_stranger.vfb").read_bytes(),
        header=header,
        payload=payload,
        record_ids=tuple(record_ids),
    )


def open_copy(template: Template, target: Path) -> App:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template.path, target)
    clock = FixedClock(NOW + dt.timedelta(hours=1))
    return App(Store.open_with_key(DataPaths(target), template.key, clock=clock))


def open_copy_in_place(template: Template, target: Path) -> App:
    clock = FixedClock(NOW + dt.timedelta(hours=1))
    return App(Store.open_with_key(DataPaths(target), template.key, clock=clock))


@dataclass(frozen=True)
class State:
    digest: str
    counts: dict[str, int]
    rev: int
    hlc: int
    history: list[Any]
    peers: list[Any]
    conflicts: list[Any]


def state_of(app: App) -> State:
    return State(
        digest=app.sync.digest(),
        counts=app.stats.counts(),
        rev=app.store.rev,
        hlc=app.store.hlc.last,
        history=app.sync.history(),
        peers=app.sync.peers(),
        conflicts=app.sync.conflict_log(include_reviewed=True),
    )


class Receiver:
    """A fresh copy of a template store, with its state before anything was imported."""

    def __init__(self, template: Template, work: Path) -> None:
        self.template = template
        self.dir = work / "empfang"
        self.work = work
        self.app = open_copy(template, self.dir)
        self.before = state_of(self.app)
        self._n = 0
        self.refusals = 0

    def write(self, data: bytes) -> Path:
        self._n += 1
        path = self.work / f"buendel-{self._n}.vfb"
        path.write_bytes(data)
        return path

    def refuse(self, data: bytes, match: str | None = None) -> RejectedInput:
        """Import must raise RejectedInput and leave the open store as it was, but for one
        entry in its audit trail that names the refused file."""
        path = self.write(data)
        with pytest.raises(RejectedInput, match=match) as info:
            self.app.sync.import_file(path)
        after = state_of(self.app)
        assert dataclasses.replace(after, rev=self.before.rev, hlc=self.before.hlc) == self.before
        assert after.rev == self.before.rev + 1
        newest = self.app.audit.entries()[0]
        assert newest.action == "import_refused"
        assert path.name in newest.detail
        self.before = after
        self.refusals += 1
        return info.value

    def close_and_check_files(self) -> None:
        """Closed, the files hold nothing but what the copy held, plus the refusals noted."""
        self.app.close()
        if not self.refusals:
            assert files_of(self.dir) == self.template.files
            return
        reopened = open_copy_in_place(self.template, self.dir)
        try:
            assert state_of(reopened) == self.before
            refused = [e for e in reopened.audit.entries() if e.action == "import_refused"]
            assert len(refused) == self.refusals
        finally:
            reopened.close()


@pytest.fixture
def office(net: Net, tmp_path: Path) -> Iterator[Receiver]:
    receiver = Receiver(net.office, tmp_path)
    yield receiver
    receiver.app.close()


# --- building bundles -------------------------------------------------------------------


def seal(header_doc: dict[str, Any], plain: bytes, keys: NodeKeys, recipient_kem: bytes) -> bytes:
    """A bundle built from docs/bundle-format.md alone (not with bundle.write_bundle).

    Takes the header as a plain dict and the payload as raw JSON bytes, so tests can put in
    what the Header class or canonical JSON would never hold.
    """
    header_bytes = canonical_json(header_doc)
    head = b"VFBUNDLE" + struct.pack(">HI", 1, len(header_bytes)) + header_bytes
    d = hashlib.sha256(head).digest()
    file_key = cobble.generate_key()
    suite = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    sealed = suite.encrypt(
        file_key, hpke_public(recipient_kem), info=b"vielfalt-bundle/1 key\0" + d
    )
    ciphertext = cobble.encrypt(file_key, b"vielfalt-bundle/1 payload\0" + d, zlib.compress(plain))
    body = b"".join(
        (
            head,
            struct.pack(">H", len(sealed)),
            sealed,
            struct.pack(">Q", len(ciphertext)),
            ciphertext,
        )
    )
    return body + keys.sign.sign(body)


def fresh_header(net: Net, counts: dict[str, int], **fields: Any) -> bundle.Header:
    return dataclasses.replace(
        net.header, bundle_id=str(uuid.uuid4()), counts=dict(counts), **fields
    )


def resealed(net: Net, payload: object, counts: dict[str, int], **header_changes: Any) -> bytes:
    """A bundle from the laptop's real keys: correctly signed and encrypted for the office."""
    header = fresh_header(net, counts, **header_changes)
    return bundle.write_bundle(header, payload, net.laptop_keys, net.office_kem)  # type: ignore[arg-type]


def layout(data: bytes) -> dict[str, tuple[int, int]]:
    """Start and end offset of every region of a bundle file."""
    _, header_end = bundle.read_header(data)
    (sealed_length,) = struct.unpack_from(">H", data, header_end)
    payload_length_at = header_end + 2 + sealed_length
    (payload_length,) = struct.unpack_from(">Q", data, payload_length_at)
    signature_at = payload_length_at + 8 + payload_length
    assert signature_at + 64 == len(data)
    return {
        "magic": (0, 8),
        "version": (8, 10),
        "header_length": (10, 14),
        "header": (14, header_end),
        "sealed_key_length": (header_end, header_end + 2),
        "sealed_key": (header_end + 2, payload_length_at),
        "payload_length": (payload_length_at, payload_length_at + 8),
        "ciphertext": (payload_length_at + 8, signature_at),
        "signature": (signature_at, len(data)),
    }


def flipped(data: bytes, offset: int, mask: int) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= mask
    return bytes(changed)


# --- controls: the checks below can fail ----------------------------------------------------


def test_layout_matches_the_documented_one(net: Net) -> None:
    regions = layout(net.to_office)
    assert net.to_office[:8] == b"VFBUNDLE"
    assert struct.unpack_from(">H", net.to_office, 8) == (1,)
    header_length = regions["header"][1] - 14
    sealed = regions["sealed_key"][1] - regions["sealed_key"][0]
    payload = regions["ciphertext"][1] - regions["ciphertext"][0]
    assert sealed == 1168
    assert len(net.to_office) == 88 + header_length + sealed + payload


def content_rows(counts: dict[str, int]) -> int:
    return sum(n for kind, n in counts.items() if kind not in LOG_KINDS)


def test_a_valid_bundle_changes_the_store_and_its_files(net: Net, office: Receiver) -> None:
    result = office.app.sync.import_file(office.write(net.to_office))
    assert not result.already_known
    assert result.records == sum(net.header.counts.values())
    # New log entries are news about the sender, not changed records.
    assert result.changed == content_rows(net.header.counts) > 0
    after = state_of(office.app)
    assert after.digest != office.before.digest
    assert after.rev == office.before.rev + 1
    assert after.counts["contacts"] == office.before.counts["contacts"] + 1
    assert len(after.history) == len(office.before.history) + 1
    office.app.close()
    assert files_of(office.dir) != office.template.files


def test_opening_and_closing_a_copy_changes_no_file(net: Net, office: Receiver) -> None:
    office.close_and_check_files()


def test_a_bundle_built_from_the_documentation_is_accepted(net: Net, office: Receiver) -> None:
    header = fresh_header(net, net.header.counts)
    data = seal(header.to_json(), canonical_json(net.payload), net.laptop_keys, net.office_kem)
    result = office.app.sync.import_file(office.write(data))
    assert result.changed == content_rows(net.header.counts)
    # The directory came from the office: the laptop sends no partner back.
    assert state_of(office.app).counts["contacts"] == office.before.counts["contacts"] + 1


def test_a_resealed_copy_of_the_real_payload_is_accepted(net: Net, office: Receiver) -> None:
    data = resealed(net, copy.deepcopy(net.payload), net.header.counts)
    assert office.app.sync.import_file(office.write(data)).changed > 0


# --- flipped, cut and appended bytes --------------------------------------------------------

REGIONS = [
    "magic",
    "version",
    "header_length",
    "header",
    "sealed_key_length",
    "sealed_key",
    "payload_length",
    "ciphertext",
    "signature",
]


@pytest.mark.parametrize("region", REGIONS)
def test_a_flipped_byte_in_any_region_is_refused(net: Net, office: Receiver, region: str) -> None:
    start, end = layout(net.to_office)[region]
    offsets = sorted({start, (start + end) // 2, end - 1, start + 1 if end - start > 2 else start})
    for offset in offsets:
        for mask in (0x01, 0x80, 0xFF):
            office.refuse(flipped(net.to_office, offset, mask))
    office.close_and_check_files()


def test_a_flipped_byte_at_the_start_middle_and_end_of_the_payload(
    net: Net, office: Receiver
) -> None:
    start, end = layout(net.to_office)["ciphertext"]
    for offset in (start, start + 1, (start + end) // 2, end - 2, end - 1):
        office.refuse(flipped(net.to_office, offset, 0x01), match="beschädigt oder wurde verändert")
    office.close_and_check_files()


def test_truncation_at_many_offsets_is_refused(net: Net, office: Receiver) -> None:
    data = net.to_office
    regions = layout(data)
    cuts = {0, 1, 7, 8, 10, 13, 14, len(data) - 1, len(data) - 32, len(data) - 63}
    for start, end in regions.values():
        cuts.update({start, start + 1, (start + end) // 2, end - 1})
    cuts.update(range(0, len(data), 97))
    for cut in sorted(c for c in cuts if 0 <= c < len(data)):
        office.refuse(data[:cut])
    office.close_and_check_files()


def test_the_signature_cut_off_is_refused(net: Net, office: Receiver) -> None:
    office.refuse(net.to_office[:-64], match="beschädigt")
    office.close_and_check_files()


@pytest.mark.parametrize(
    "extra",
    [b"\0", b"\n", bytes(64), b"x" * 64, None],
    ids=["one-zero-byte", "newline", "64-zero-bytes", "64-bytes", "a-second-copy"],
)
def test_appended_bytes_are_refused(net: Net, office: Receiver, extra: bytes | None) -> None:
    data = net.to_office + (net.to_office if extra is None else extra)
    office.refuse(data, match="beschädigt")
    office.close_and_check_files()


def test_a_newer_format_version_asks_for_an_update(net: Net, office: Receiver) -> None:
    for version in (2, 7, 0xFFFF):
        data = net.to_office[:8] + struct.pack(">H", version) + net.to_office[10:]
        error = office.refuse(data)
        assert "aktualisieren" in error.message
        assert f"Format {version}" in error.message
    office.close_and_check_files()


def test_a_file_that_is_not_a_bundle_says_so(net: Net, office: Receiver) -> None:
    office.refuse(b"PK\x03\x04" + bytes(200), match="kein Vielfalt-Bündel")
    office.refuse(b"", match="beschädigt")
    office.close_and_check_files()


def test_a_tampered_copy_of_an_imported_bundle_is_refused_not_known(
    net: Net, office: Receiver
) -> None:
    office.app.sync.import_file(office.write(net.to_office))
    start, end = layout(net.to_office)["ciphertext"]
    office.before = state_of(office.app)
    office.refuse(flipped(net.to_office, (start + end) // 2, 1), match="beschädigt")


# --- wrong recipient, untrusted sender, impostors ----------------------------------------


def test_a_bundle_for_another_node_is_refused(net: Net, office: Receiver) -> None:
    office.refuse(net.to_office2, match="anderes Gerät")
    office.close_and_check_files()


def test_a_bundle_for_the_office_is_refused_at_office2(net: Net, tmp_path: Path) -> None:
    receiver = Receiver(net.office2, tmp_path)
    receiver.refuse(net.to_office, match="anderes Gerät")
    receiver.close_and_check_files()


def test_a_bundle_sealed_to_another_key_is_refused(net: Net, office: Receiver) -> None:
    other = NodeKeys.generate()
    header = fresh_header(net, net.header.counts, recipient_key_id="0123456789abcdef")
    data = bundle.write_bundle(header, net.payload, net.laptop_keys, other.public_kem_bytes())
    office.refuse(data, match="anderes Gerät")
    office.close_and_check_files()


def test_an_untrusted_sender_is_refused(net: Net, office: Receiver) -> None:
    office.refuse(net.from_stranger, match="nicht vertrauten Gerät")
    office.close_and_check_files()


def test_a_stranger_posing_as_the_laptop_is_refused(net: Net, office: Receiver) -> None:
    # The header names the trusted laptop, but the stranger signed it.
    header = fresh_header(net, net.header.counts)
    data = bundle.write_bundle(header, net.payload, net.stranger_keys, net.office_kem)
    office.refuse(data, match="beschädigt")
    # ... and re-signing a real bundle's body with the stranger's key does not help either.
    office.refuse(net.to_office[:-64] + net.stranger_keys.sign.sign(net.to_office[:-64]))
    office.close_and_check_files()


def test_an_untrusted_senders_name_cannot_break_the_error_line(net: Net, office: Receiver) -> None:
    doc = fresh_header(net, net.header.counts, sender=net.stranger_id).to_json()
    doc["sender_name"] = "Fremd\nvielfalt: 3 Bündel übernommen\x1b[8m"
    data = seal(doc, canonical_json(net.payload), net.stranger_keys, net.office_kem)
    error = office.refuse(data)
    assert not any(ch in error.message for ch in "\n\r\x1b")


# --- correctly signed and encrypted, but malformed payloads -------------------------------

Mutation = Callable[[dict[str, Any], dict[str, int]], Any]


def _block(payload: dict[str, Any], kind: str = "contact") -> dict[str, Any]:
    block: dict[str, Any] = payload["records"][kind]
    return block


def _live_row(payload: dict[str, Any], kind: str = "contact") -> list[Any]:
    return next(row for row in _block(payload, kind)["rows"] if not row[3])


def _set_value(kind: str, field: str, value: object) -> Mutation:
    index = changes.codec_of(kind).names.index(field)

    def mutate(payload: dict[str, Any], counts: dict[str, int]) -> None:
        _live_row(payload, kind)[5][index] = value

    return mutate


def _set_row(position: int, value: object) -> Mutation:
    def mutate(payload: dict[str, Any], counts: dict[str, int]) -> None:
        _live_row(payload)[position] = value

    return mutate


def _swap_columns(payload: dict[str, Any], counts: dict[str, int]) -> None:
    columns = _block(payload)["columns"]
    columns[0], columns[1] = columns[1], columns[0]


def _unknown_kind(payload: dict[str, Any], counts: dict[str, int]) -> None:
    payload["records"]["klient"] = copy.deepcopy(_block(payload))
    counts["klient"] = len(_block(payload)["rows"])


def _extra_row_element(payload: dict[str, Any], counts: dict[str, int]) -> None:
    _live_row(payload).append("zusatz")


def _missing_value(payload: dict[str, Any], counts: dict[str, int]) -> None:
    _live_row(payload)[5].pop()


def _drop_kind_keep_count(payload: dict[str, Any], counts: dict[str, int]) -> None:
    del payload["records"]["event"]


def _payload_replaced(value: object) -> Mutation:
    def mutate(payload: dict[str, Any], counts: dict[str, int]) -> object:
        return value

    return mutate


MALFORMED: dict[str, Mutation] = {
    "columns-reordered": _swap_columns,
    "column-missing": lambda p, c: _block(p)["columns"].pop(),
    "column-extra": lambda p, c: _block(p)["columns"].append("klarname"),
    "columns-not-a-list": lambda p, c: _block(p).update(columns="date,duration_min"),
    "int-as-text": _set_value("contact", "duration_min", "30"),
    "int-as-float": _set_value("contact", "duration_min", 30.0),
    "int-as-bool": _set_value("contact", "duration_min", True),
    "text-as-number": _set_value("contact", "note", 17),
    "text-as-null": _set_value("contact", "target_group", None),
    "text-too-long": _set_value("contact", "note", "x" * (limits.MAX_TEXT + 1)),
    "date-impossible": _set_value("contact", "date", "2026-02-30"),
    "date-with-time": _set_value("contact", "date", "2026-11-24T10:00"),
    "date-as-number": _set_value("contact", "date", 20261124),
    "codes-as-text": _set_value("contact", "topics", "wohnen"),
    "code-empty": _set_value("contact", "topics", [""]),
    "code-too-long": _set_value("contact", "topics", ["w" * 65]),
    "codes-too-many": _set_value("contact", "topics", [f"t{i}" for i in range(201)]),
    "bool-as-int": _set_value("conflict", "shared", 1),
    "deleted-as-int": _set_row(3, 0),
    "unknown-record-kind": _unknown_kind,
    "count-too-high": lambda p, c: c.update(contact=c["contact"] + 1),
    "count-too-low": lambda p, c: c.update(contact=c["contact"] - 1),
    "count-missing": lambda p, c: c.pop("event"),
    "count-for-absent-kind": _drop_kind_keep_count,
    "id-not-a-uuid": _set_row(0, "kontakt-1"),
    "id-uuid-without-dashes": _set_row(0, uuid.uuid4().hex),
    "id-as-number": _set_row(0, 12345),
    "origin-not-a-uuid": _set_row(1, "Laptop Nord"),
    "created-hlc-negative": _set_row(2, -1),
    "created-hlc-as-text": _set_row(2, "117670831718400001"),
    "stamps-not-an-object": _set_row(4, []),
    "stamp-for-unknown-field": _set_row(4, {"klarname": [1, str(uuid.uuid4()), 0, "x"]}),
    "stamp-too-short": _set_row(4, {"note": [1, str(uuid.uuid4())]}),
    "stamp-node-not-a-uuid": _set_row(4, {"note": [1, "laptop", 0, "x"]}),
    "row-extra-element": _extra_row_element,
    "row-value-missing": _missing_value,
    "row-not-a-list": lambda p, c: _block(p)["rows"].__setitem__(0, {"id": "x"}),
    "rows-not-a-list": lambda p, c: _block(p).update(rows={}),
    "extra-key-in-payload": lambda p, c: p.update(klartext=NOTE),
    "extra-key-in-block": lambda p, c: _block(p).update(klartext=NOTE),
    "records-not-an-object": lambda p, c: p.update(records=[]),
    "payload-is-a-list": _payload_replaced([]),
    "payload-is-empty": _payload_replaced({}),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_payload_is_refused_and_nothing_applied(
    net: Net, office: Receiver, case: str
) -> None:
    payload = copy.deepcopy(net.payload)
    counts = dict(net.header.counts)
    replaced = MALFORMED[case](payload, counts)
    if case.startswith("payload-"):
        payload = replaced
    # A header naming an unknown kind in its counts is refused before the payload is read.
    match = "beschädigt" if case == "unknown-record-kind" else "fehlerhaft"
    error = office.refuse(resealed(net, payload, counts), match=match)
    assert NOTE not in error.message
    office.close_and_check_files()


def test_a_payload_that_is_not_json_or_not_zlib_is_refused(net: Net, office: Receiver) -> None:
    doc = fresh_header(net, net.header.counts).to_json()
    for plain in (b"not json", b"\xff\xfe{", b'{"records": {}} trailing'):
        office.refuse(seal(doc, plain, net.laptop_keys, net.office_kem))
    office.close_and_check_files()


# Payloads that a trusted sender could produce by mistake and that the validation lets through:
# they crash the import with an error that is not RejectedInput (the CLI then exits 1 with
# "Unerwarteter Fehler" instead of 4 with a clear message). The transaction still rolls back.


def _raw_payload(net: Net, edit: Callable[[dict[str, Any]], None]) -> bytes:
    payload = copy.deepcopy(net.payload)
    edit(payload)
    return json.dumps(payload).encode()  # \\u escapes survive, lone surrogates included


def _crashing(net: Net, case: str) -> bytes:
    counts = dict(net.header.counts)
    doc = fresh_header(net, counts).to_json()
    note = changes.codec_of("contact").names.index("note")
    if case == "lone-surrogate-in-text":
        plain = _raw_payload(net, lambda p: _live_row(p)[5].__setitem__(note, "Wohnung \ud800"))
    elif case == "duplicate-record-id":

        def twice(p: dict[str, Any]) -> None:
            rows = _block(p)["rows"]
            rows.append(copy.deepcopy(_live_row(p)))

        plain = _raw_payload(net, twice)
        doc["counts"]["contact"] += 1
    elif case == "created-hlc-beyond-64-bits":
        plain = _raw_payload(net, lambda p: _live_row(p).__setitem__(2, 2**64))
    elif case == "stamp-hlc-beyond-64-bits":
        stamp = [2**64, net.header.sender, 0, net.header.sender]
        plain = _raw_payload(net, lambda p: _live_row(p).__setitem__(4, {"note": stamp}))
    elif case == "header-seq-beyond-64-bits":
        plain = canonical_json(net.payload)
        doc["seq"] = 2**64
    elif case == "header-upto-beyond-64-bits":
        plain = canonical_json(net.payload)
        doc["upto"] = 2**64
    elif case == "deeply-nested-payload":
        plain = b'{"records":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    else:  # pragma: no cover
        raise AssertionError(case)
    return seal(doc, plain, net.laptop_keys, net.office_kem)


# Once bugs (each crashed import with another error than RejectedInput); kept as regressions.
CRASHING = [
    "lone-surrogate-in-text",
    "duplicate-record-id",
    "created-hlc-beyond-64-bits",
    "stamp-hlc-beyond-64-bits",
    "header-seq-beyond-64-bits",
    "header-upto-beyond-64-bits",
    "deeply-nested-payload",
]


@pytest.mark.parametrize("case", CRASHING)
def test_payloads_the_validation_misses_are_refused(net: Net, office: Receiver, case: str) -> None:
    office.refuse(_crashing(net, case))
    office.close_and_check_files()


@pytest.mark.parametrize("case", CRASHING)
def test_payloads_the_validation_misses_still_change_nothing(
    net: Net, office: Receiver, case: str
) -> None:
    with pytest.raises(Exception) as info:
        office.app.sync.import_file(office.write(_crashing(net, case)))
    after = state_of(office.app)
    if isinstance(info.value, RejectedInput):
        office.refusals += 1  # the refusal is noted in the audit trail, and only that
        assert after.rev == office.before.rev + 1
        same = dataclasses.replace(after, rev=office.before.rev, hlc=office.before.hlc)
        assert same == office.before
        office.before = after
    else:
        assert after == office.before
    office.close_and_check_files()


def test_a_deeply_nested_unauthenticated_header_is_refused(net: Net, office: Receiver) -> None:
    nested = b"[" * 20_000 + b"]" * 20_000  # 40 KB, under the 64 KiB header limit
    data = struct.pack(">8sHI", b"VFBUNDLE", 1, len(nested)) + nested + bytes(64)
    office.refuse(data)


# --- idempotence --------------------------------------------------------------------------


def test_importing_the_same_bundle_twice_changes_nothing_the_second_time(
    net: Net, office: Receiver
) -> None:
    first = office.app.sync.import_file(office.write(net.to_office))
    assert not first.already_known
    assert first.changed > 0
    applied = state_of(office.app)
    office.app.close()
    files_after_first = files_of(office.dir)

    app = App(Store.open_with_key(DataPaths(office.dir), net.office.key, clock=FixedClock(NOW)))
    office.app = app
    again = app.sync.import_file(office.write(net.to_office))
    assert again.already_known
    assert (again.records, again.changed) == (0, 0)
    assert state_of(app) == applied
    assert [e.direction for e in state_of(app).history].count("in") == 1
    app.close()
    assert files_of(office.dir) == files_after_first


# --- no record content in the file -------------------------------------------------------


def test_no_record_content_can_be_read_in_a_bundle(net: Net) -> None:
    data = net.to_office
    for needle in (NOTE, PARTNER_NAME, DISTRICT, "Begegnungsfest", "Sprachcafé"):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert needle.encode(encoding) not in data, (needle, encoding)
        assert needle.lower().encode() not in data.lower(), needle
    for record_id in net.record_ids:
        assert record_id.encode() not in data
    assert (net.root / "to_office.vfb").stat().st_mode & 0o077 == 0


def test_the_header_holds_only_bookkeeping(net: Net) -> None:
    header, _ = bundle.read_header(net.to_office)
    assert header.counts == {
        "contact": 2,
        "conflict": 1,
        "event": 1,
        "intervention": 1,
        "referral": 1,
        "referral_status": 1,
        # The laptop's audit trail: peers trusted, the directory read, records created, one
        # deleted. The partner is the coordinator's: a laptop sends only what it may write.
        "audit": 10,
    }
    text = json.dumps(header.to_json(), ensure_ascii=False)
    for needle in (NOTE, PARTNER_NAME, DISTRICT):
        assert needle not in text


# --- fuzzing ------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

position = st.one_of(st.integers(0, 400), st.integers(0, 1 << 20))
mutation = st.one_of(
    st.tuples(st.just("flip"), position, st.integers(1, 255)),
    st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("delete"), position, st.integers(1, 64)),
    st.tuples(st.just("truncate"), position, st.just(0)),
)
mutations = st.lists(mutation, min_size=1, max_size=4)


def mutate(data: bytes, ops: list[tuple[str, int, Any]]) -> bytes:
    out = bytearray(data)
    for op, where, arg in ops:
        at = where % (len(out) + 1)
        if op == "flip" and out:
            out[at % len(out)] ^= arg
        elif op == "insert":
            out[at:at] = arg
        elif op == "delete":
            del out[at : at + arg]
        elif op == "truncate":
            del out[at:]
    return bytes(out)


def _json_value() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False),
        st.text(max_size=20),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=10,
    )


def _header_field(name: str, kind: type) -> st.SearchStrategy[Any]:
    right = {
        int: st.integers(-5, 2**70),
        str: st.text(max_size=40),
        dict: st.dictionaries(st.text(max_size=12), st.integers(-2, 2**64), max_size=4),
    }[kind]
    if name == "format":
        right = st.sampled_from([1, 1, 0, 2])
    if name == "compression":
        right = st.sampled_from(["zlib", "zlib", "gzip"])
    return st.one_of(right, right, _json_value())


header_docs = st.fixed_dictionaries(
    {name: _header_field(name, kind) for name, kind in bundle.HEADER_KEYS.items()},
    optional={"extra": _json_value()},
)


def _framed(header: bytes, tail: bytes, version: int = 1) -> bytes:
    return struct.pack(">8sHI", b"VFBUNDLE", version, len(header)) + header + tail


random_files = st.one_of(
    st.binary(max_size=600),
    st.binary(max_size=300).map(lambda tail: b"VFBUNDLE" + tail),
    st.tuples(st.binary(max_size=200), st.binary(max_size=200)).map(lambda t: _framed(*t)),
    st.tuples(header_docs, st.binary(min_size=0, max_size=200)).map(
        lambda t: _framed(canonical_json(t[0]), t[1])
    ),
)


def _open(net: Net, data: bytes) -> object:
    return bundle.open_bundle(
        data,
        net.office_keys,
        net.office.node_id,
        {net.laptop.node_id: net.laptop_keys.public_sign_bytes()},
    )


@FUZZ
@given(data=random_files)
def test_fuzz_read_header_raises_only_rejected_input(data: bytes) -> None:
    try:
        header, offset = bundle.read_header(data)
    except RejectedInput:
        return
    assert 14 <= offset <= len(data) - 64
    assert min(header.seq, header.since, header.upto, header.ack) >= 0


@FUZZ
@given(data=random_files)
def test_fuzz_open_bundle_on_random_input_raises_only_rejected_input(net: Net, data: bytes) -> None:
    with pytest.raises(RejectedInput):
        _open(net, data)


@FUZZ
@given(ops=mutations)
def test_fuzz_any_mutation_of_a_real_bundle_is_refused(net: Net, ops: Any) -> None:
    data = mutate(net.to_office, ops)
    assume(data != net.to_office)
    with pytest.raises(RejectedInput):
        _open(net, data)


@FUZZ
@given(ops=mutations)
def test_fuzz_mutations_signed_by_the_trusted_sender_raise_only_rejected_input(
    net: Net, ops: Any
) -> None:
    # A buggy but trusted sender: the mutated body carries a valid signature, so the parsing
    # after the signature check (lengths, HPKE, Cobblestone, zlib, JSON) is exercised too.
    body = mutate(net.to_office[:-64], ops)
    assume(body != net.to_office[:-64])
    data = body + net.laptop_keys.sign.sign(body)
    with pytest.raises(RejectedInput):
        _open(net, data)


@pytest.fixture(scope="module")
def fuzz_office(net: Net, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receiver]:
    receiver = Receiver(net.office, tmp_path_factory.mktemp("fuzz"))
    yield receiver
    receiver.close_and_check_files()


@settings(max_examples=20, deadline=None, database=None)
@given(ops=mutations, random_file=random_files, use_random=st.booleans())
def test_fuzz_import_file_raises_only_rejected_input_and_changes_nothing(
    net: Net, fuzz_office: Receiver, ops: Any, random_file: bytes, use_random: bool
) -> None:
    data = random_file if use_random else mutate(net.to_office, ops)
    assume(data != net.to_office)
    fuzz_office.refuse(data)
