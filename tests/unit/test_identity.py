"""Identity cards: what a node hands out once, and what a peer refuses to trust."""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.sync import SyncService
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.vault import KeyFile
from vielfalt_desktop.sync.identity import (
    MAX_CARD_BYTES,
    IdentityCard,
    NodeKeys,
    b64,
    canonical_json,
    fingerprint,
)

# What a laptop writes (partners are the coordinator's).
CONTACT = Contact(
    date=NOW.date(), district="kannenstieg", target_group="drittstaat", topics=("wohnen",)
)
FINGERPRINT = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$")
INVALID = "keine gültige Vielfalt-Identitätskarte"


@dataclass(frozen=True)
class Node:
    path: Path
    key: bytes
    keys: NodeKeys
    card: IdentityCard
    card_bytes: bytes


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Node]:
    """A laptop and an office, made once; tests open copies of them."""
    root = tmp_path_factory.mktemp("identity")
    result = {}
    for name, role, label in (("laptop", "field", "Laptop Nord"), ("office", "office", "Büro")):
        app, _ = App.create(root / name, PASSPHRASE, role=role, name=label, clock=FixedClock(NOW))
        card = app.sync.export_identity(root / f"{name}.card")
        keys = app.sync._keys()
        app.close()
        key = KeyFile.load(root / name / "vielfalt.key").unlock(PASSPHRASE)
        card_bytes = (root / f"{name}.card").read_bytes()
        result[name] = Node(root / name, key, keys, card, card_bytes)
    return result


def open_copy(node: Node, target: Path) -> App:
    shutil.copytree(node.path, target)
    return App(Store.open_with_key(DataPaths(target), node.key, clock=FixedClock(NOW)))


@pytest.fixture
def laptop(nodes: dict[str, Node], tmp_path: Path) -> Iterator[App]:
    app = open_copy(nodes["laptop"], tmp_path / "laptop")
    yield app
    app.close()


@pytest.fixture
def office(nodes: dict[str, Node], tmp_path: Path) -> Iterator[App]:
    app = open_copy(nodes["office"], tmp_path / "office")
    yield app
    app.close()


def doc_of(card_bytes: bytes) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(card_bytes)
    return doc


def unsigned(doc: dict[str, Any]) -> bytes:
    """The card as edited, keeping its old signature."""
    return json.dumps(doc, indent=2, ensure_ascii=False).encode()


def signed(doc: dict[str, Any], keys: NodeKeys) -> bytes:
    """The card as edited and signed again, as the owner of `keys` would."""
    body = {k: v for k, v in doc.items() if k != "signature"}
    body["signature"] = b64(keys.sign.sign(canonical_json(body)))
    return json.dumps(body, indent=2, ensure_ascii=False).encode()


# --- round trip and fingerprint -------------------------------------------------------------


def test_card_round_trip(nodes: dict[str, Node], tmp_path: Path) -> None:
    node = nodes["laptop"]
    assert IdentityCard.parse(node.card_bytes) == node.card
    assert IdentityCard.parse(node.card.to_bytes(node.keys)) == node.card
    path = tmp_path / "karte.json"
    path.write_bytes(node.card.to_bytes(node.keys))
    assert SyncService.read_card(path) == node.card
    doc = doc_of(node.card_bytes)
    assert set(doc) == {
        "format",
        "version",
        "node_id",
        "name",
        "role",
        "sign_key",
        "kem_key",
        "created",
        "signature",
    }
    assert (doc["format"], doc["version"], doc["name"], doc["role"]) == (
        "vielfalt-identity",
        2,
        "Laptop Nord",
        "field",
    )


def test_card_holds_no_private_key(nodes: dict[str, Node]) -> None:
    node = nodes["laptop"]
    text = node.card_bytes.decode()
    for secret in (
        node.keys.sign.private_bytes_raw(),
        node.keys.kem_mlkem.private_bytes_raw(),
        node.keys.kem_x25519.private_bytes_raw(),
    ):
        assert b64(secret) not in text
        assert secret.hex() not in text
    assert len(node.card_bytes) < MAX_CARD_BYTES


def test_card_is_stable(laptop: App, nodes: dict[str, Node]) -> None:
    # Exporting again gives the same card (same created stamp, same fingerprint).
    assert laptop.sync.identity_card() == nodes["laptop"].card


def test_fingerprint_format_and_both_sides_agree(
    laptop: App, office: App, nodes: dict[str, Node], tmp_path: Path
) -> None:
    shown_at_laptop = laptop.sync.export_identity(tmp_path / "laptop.card").fingerprint
    assert FINGERPRINT.match(shown_at_laptop), shown_at_laptop
    read_at_office = office.sync.read_card(tmp_path / "laptop.card")
    assert read_at_office.fingerprint == shown_at_laptop
    peer = office.sync.add_peer(read_at_office)
    assert peer.fingerprint == shown_at_laptop
    assert [p.fingerprint for p in office.sync.peers()] == [shown_at_laptop]
    card = nodes["laptop"].card
    assert fingerprint(card.node_id, card.role, card.sign_key, card.kem_key) == shown_at_laptop
    assert nodes["office"].card.fingerprint != shown_at_laptop
    assert FINGERPRINT.match(nodes["office"].card.fingerprint)


def test_fingerprint_covers_both_keys_the_node_id_and_the_role(nodes: dict[str, Node]) -> None:
    laptop, office = nodes["laptop"].card, nodes["office"].card
    node, role = laptop.node_id, laptop.role
    base = fingerprint(node, role, laptop.sign_key, laptop.kem_key)
    assert fingerprint(node, role, office.sign_key, laptop.kem_key) != base
    assert fingerprint(node, role, laptop.sign_key, office.kem_key) != base
    assert fingerprint(node, "office", laptop.sign_key, laptop.kem_key) != base
    assert fingerprint(office.node_id, role, laptop.sign_key, laptop.kem_key) != base


# --- tampered cards ---------------------------------------------------------------------------


def _other_keys(nodes: dict[str, Node]) -> dict[str, str]:
    office = nodes["office"].card
    return {"sign_key": b64(office.sign_key), "kem_key": b64(office.kem_key)}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Koordination"),
        ("name", "Laptop Nord "),
        ("role", "office"),
        ("node_id", "00000000-0000-4000-8000-000000000000"),
        ("created", "2020-01-01T00:00:00+00:00"),
        ("sign_key", None),
        ("kem_key", None),
        ("format", "vielfalt-identität"),
        ("version", 0),
    ],
)
def test_a_card_with_a_modified_field_is_refused(
    nodes: dict[str, Node], office: App, field: str, value: object
) -> None:
    doc = doc_of(nodes["laptop"].card_bytes)
    doc[field] = _other_keys(nodes)[field] if value is None else value
    with pytest.raises(RejectedInput, match=INVALID):
        IdentityCard.parse(unsigned(doc))
    assert office.sync.peers() == []


def _flip_signature(doc: dict[str, Any]) -> None:
    raw = bytearray(base64.b64decode(doc["signature"]))
    raw[10] ^= 1
    doc["signature"] = b64(bytes(raw))


@pytest.mark.parametrize(
    "damage",
    ["flipped", "truncated", "empty", "missing", "not-base64", "of-another-card", "as-number"],
)
def test_a_card_with_a_bad_signature_is_refused(nodes: dict[str, Node], damage: str) -> None:
    doc = doc_of(nodes["laptop"].card_bytes)
    if damage == "flipped":
        _flip_signature(doc)
    elif damage == "truncated":
        doc["signature"] = b64(base64.b64decode(doc["signature"])[:63])
    elif damage == "empty":
        doc["signature"] = ""
    elif damage == "missing":
        del doc["signature"]
    elif damage == "not-base64":
        doc["signature"] = "kein base64!"
    elif damage == "of-another-card":
        doc["signature"] = doc_of(nodes["office"].card_bytes)["signature"]
    else:
        doc["signature"] = 12345
    with pytest.raises(RejectedInput, match=INVALID):
        IdentityCard.parse(unsigned(doc))


def test_a_card_signed_by_another_key_is_refused(nodes: dict[str, Node]) -> None:
    # The laptop's public keys, but the office signed the card.
    doc = doc_of(nodes["laptop"].card_bytes)
    with pytest.raises(RejectedInput, match=INVALID):
        IdentityCard.parse(signed(doc, nodes["office"].keys))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("role", "admin"),
        ("role", ""),
        ("name", ""),
        ("name", "x" * 201),
        ("node_id", ""),
        ("node_id", "x" * 37),
        ("created", ""),
        ("kem_key", b64(bytes(100))),
        ("kem_key", b64(bytes(1217))),
        ("kem_key", "%%%"),
        ("name", 5),
        ("name", None),
        ("extra", "Zusatz"),
    ],
)
def test_a_card_signed_by_its_owner_but_malformed_is_refused(
    nodes: dict[str, Node], field: str, value: object
) -> None:
    node = nodes["laptop"]
    doc = doc_of(node.card_bytes)
    doc[field] = value
    with pytest.raises(RejectedInput, match=INVALID):
        IdentityCard.parse(signed(doc, node.keys))


def test_a_card_with_a_field_missing_is_refused(nodes: dict[str, Node]) -> None:
    node = nodes["laptop"]
    for field in ("node_id", "name", "role", "sign_key", "kem_key", "created", "format"):
        doc = doc_of(node.card_bytes)
        del doc[field]
        with pytest.raises(RejectedInput):
            IdentityCard.parse(signed(doc, node.keys))


def test_a_card_with_a_short_sign_key_is_refused(nodes: dict[str, Node]) -> None:
    doc = doc_of(nodes["laptop"].card_bytes)
    doc["sign_key"] = b64(bytes(31))
    with pytest.raises(RejectedInput, match=INVALID):
        IdentityCard.parse(unsigned(doc))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hallo",
        b"\x00\x01\x02\xff" * 10,
        b"\xff\xfe{}",
        b"[]",
        b'"vielfalt-identity"',
        b"null",
        b"{}",
        b'{"format": "vielfalt-identity"}',
        b"VFBUNDLE\x00\x01",
    ],
    ids=lambda d: repr(d[:12]),
)
def test_a_file_that_is_not_a_card_is_refused(data: bytes) -> None:
    with pytest.raises(RejectedInput):
        IdentityCard.parse(data)


def test_a_card_in_utf16_is_refused(nodes: dict[str, Node]) -> None:
    with pytest.raises(RejectedInput, match=INVALID):
        IdentityCard.parse(nodes["laptop"].card_bytes.decode().encode("utf-16"))


def test_an_oversized_card_is_refused_even_when_valid_otherwise(nodes: dict[str, Node]) -> None:
    card_bytes = nodes["laptop"].card_bytes
    padded = card_bytes + b" " * (MAX_CARD_BYTES + 1 - len(card_bytes))
    assert IdentityCard.parse(card_bytes.rstrip() + b" " * 100) == nodes["laptop"].card
    with pytest.raises(RejectedInput, match=INVALID):
        IdentityCard.parse(padded)
    with pytest.raises(RejectedInput):
        IdentityCard.parse(b"{" + b" " * (10 * MAX_CARD_BYTES) + b"}")


@pytest.mark.parametrize("version", [3, 99])
def test_a_card_of_a_newer_version_is_refused(nodes: dict[str, Node], version: int) -> None:
    node = nodes["laptop"]
    doc = doc_of(node.card_bytes)
    doc["version"] = version
    with pytest.raises(RejectedInput, match="neueren Programmversion"):
        IdentityCard.parse(signed(doc, node.keys))


def test_a_deeply_nested_card_is_refused() -> None:
    with pytest.raises(RejectedInput):
        IdentityCard.parse(b"[" * 8000 + b"]" * 8000)


@pytest.mark.parametrize(
    "name",
    ["Büro\nFingerabdruck: AAAA-BBBB-CCCC-DDDD-EEEE", "Büro\x1b[8m", "Büro\r", "Büro\u202e"],
    ids=["newline", "escape", "carriage-return", "bidi-override"],
)
def test_a_card_name_with_control_characters_is_refused(nodes: dict[str, Node], name: str) -> None:
    node = nodes["office"]
    doc = doc_of(node.card_bytes)
    doc["name"] = name
    with pytest.raises(RejectedInput):
        IdentityCard.parse(signed(doc, node.keys))


# --- trusting cards ---------------------------------------------------------------------------


def test_adding_the_own_card_is_refused(laptop: App, nodes: dict[str, Node]) -> None:
    with pytest.raises(RejectedInput, match="dieses Geräts selbst"):
        laptop.sync.add_peer(nodes["laptop"].card)
    assert laptop.sync.peers() == []


def test_adding_the_same_card_again_is_fine_and_keeps_the_sync_state(
    laptop: App, office: App, nodes: dict[str, Node], tmp_path: Path
) -> None:
    laptop.sync.add_peer(nodes["office"].card)
    office.sync.add_peer(nodes["laptop"].card)
    laptop.records.create(CONTACT)
    laptop.sync.export("Büro", tmp_path / "b.vfb")
    office.sync.import_file(tmp_path / "b.vfb")
    before = office.sync.peers()
    assert before[0].received_upto > 0

    again = office.sync.add_peer(IdentityCard.parse(nodes["laptop"].card_bytes))
    assert office.sync.peers() == before
    assert again == before[0]


def test_a_different_card_claiming_a_known_node_id_is_refused(
    laptop: App, office: App, nodes: dict[str, Node], tmp_path: Path
) -> None:
    office.sync.add_peer(nodes["laptop"].card)
    trusted = office.sync.peers()
    impostor_keys = NodeKeys.generate()
    real = nodes["laptop"].card
    impostor = IdentityCard(
        real.node_id,
        real.name,
        real.role,
        impostor_keys.public_sign_bytes(),
        impostor_keys.public_kem_bytes(),
        real.created,
    )
    parsed = IdentityCard.parse(impostor.to_bytes(impostor_keys))  # well-formed, self-signed
    assert parsed.fingerprint != real.fingerprint
    with pytest.raises(RejectedInput, match="anderen Schlüsseln"):
        office.sync.add_peer(parsed)
    assert office.sync.peers() == trusted
    # The old keys still decide: the real laptop's bundles are accepted.
    laptop.sync.add_peer(nodes["office"].card)
    laptop.records.create(CONTACT)
    laptop.sync.export("Büro", tmp_path / "b.vfb")
    assert office.sync.import_file(tmp_path / "b.vfb").changed == 1


def test_a_different_card_with_only_the_kem_key_changed_is_refused(
    office: App, nodes: dict[str, Node]
) -> None:
    office.sync.add_peer(nodes["laptop"].card)
    doc = doc_of(nodes["laptop"].card_bytes)
    doc["kem_key"] = b64(NodeKeys.generate().public_kem_bytes())
    card = IdentityCard.parse(signed(doc, nodes["laptop"].keys))
    with pytest.raises(RejectedInput, match="anderen Schlüsseln"):
        office.sync.add_peer(card)


def test_reading_a_missing_card_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput, match="nicht lesen"):
        SyncService.read_card(tmp_path / "fehlt.card")


# --- fuzzing ------------------------------------------------------------------------------

FUZZ = settings(max_examples=150, deadline=None, database=None)


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=300).map(str.encode)))
def test_fuzz_random_cards_raise_only_rejected_input(data: bytes) -> None:
    with pytest.raises(RejectedInput):
        IdentityCard.parse(data)


@FUZZ
@given(
    ops=st.lists(
        st.tuples(
            st.sampled_from(["flip", "insert", "delete"]),
            st.integers(0, 5000),
            st.integers(1, 255),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_fuzz_a_mutated_card_is_refused_or_means_the_same(
    nodes: dict[str, Node], ops: list[tuple[str, int, int]]
) -> None:
    # Whitespace between JSON tokens may change harmlessly; nothing else may get through.
    original = nodes["laptop"].card_bytes
    data = bytearray(original)
    for op, where, arg in ops:
        at = where % (len(data) + 1)
        if op == "flip" and data:
            data[at % len(data)] ^= arg
        elif op == "insert":
            data[at:at] = bytes([arg])
        else:
            del data[at : at + arg % 16 + 1]
    try:
        card = IdentityCard.parse(bytes(data))
    except RejectedInput:
        return
    assert card == nodes["laptop"].card
