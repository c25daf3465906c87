"""Node identities: an Ed25519 signing key and an HPKE (ML-KEM-768 + X25519) key per store.

The private keys live only inside the encrypted store. The public *identity card* is a small
JSON file, self-signed, exchanged once; people compare its short fingerprint by phone or in
person before trusting it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mlkem, x25519

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.messages import Message

CARD_FORMAT = "vielfalt-identity"
#: Version 2: the fingerprint covers node id and role too (a version 1 card is still read).
CARD_VERSION = 2
MAX_CARD_BYTES = 16 * 1024
MLKEM768_PUBLIC_BYTES = 1184
X25519_BYTES = 32


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical_json(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True, slots=True)
class NodeKeys:
    """This node's private keys, as held in the store's meta table."""

    sign: ed25519.Ed25519PrivateKey
    kem_mlkem: mlkem.MLKEM768PrivateKey
    kem_x25519: x25519.X25519PrivateKey

    @classmethod
    def generate(cls) -> NodeKeys:
        return cls(
            ed25519.Ed25519PrivateKey.generate(),
            mlkem.MLKEM768PrivateKey.generate(),
            x25519.X25519PrivateKey.generate(),
        )

    def to_meta(self) -> dict[str, str]:
        return {
            "sign_key": b64(self.sign.private_bytes_raw()),
            "kem_mlkem_seed": b64(self.kem_mlkem.private_bytes_raw()),
            "kem_x25519": b64(self.kem_x25519.private_bytes_raw()),
        }

    @classmethod
    def from_meta(cls, meta: dict[str, str]) -> NodeKeys:
        return cls(
            ed25519.Ed25519PrivateKey.from_private_bytes(unb64(meta["sign_key"])),
            mlkem.MLKEM768PrivateKey.from_seed_bytes(unb64(meta["kem_mlkem_seed"])),
            x25519.X25519PrivateKey.from_private_bytes(unb64(meta["kem_x25519"])),
        )

    @property
    def hpke_private(self) -> hpke.MLKEM768X25519PrivateKey:
        return hpke.MLKEM768X25519PrivateKey(self.kem_mlkem, self.kem_x25519)

    def public_kem_bytes(self) -> bytes:
        return (
            self.kem_mlkem.public_key().public_bytes_raw()
            + self.kem_x25519.public_key().public_bytes_raw()
        )

    def public_sign_bytes(self) -> bytes:
        return self.sign.public_key().public_bytes_raw()


def key_id(kem_key: bytes) -> str:
    return hashlib.sha256(kem_key).hexdigest()[:16]


def fingerprint(node_id: str, role: str, sign_key: bytes, kem_key: bytes) -> str:
    """Five groups of four characters, easy to read aloud and compare. It covers who the
    device is (node id, role) and its keys: a card claiming another role reads differently."""
    who = f"{node_id}\n{role}\n".encode("ascii")
    digest = hashlib.sha256(b"vielfalt-identity/2\n" + who + sign_key + kem_key).digest()
    text = base64.b32encode(digest).decode("ascii")[:20]
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


def hpke_public(kem_key: bytes) -> hpke.MLKEM768X25519PublicKey:
    return hpke.MLKEM768X25519PublicKey(
        mlkem.MLKEM768PublicKey.from_public_bytes(kem_key[:MLKEM768_PUBLIC_BYTES]),
        x25519.X25519PublicKey.from_public_bytes(kem_key[MLKEM768_PUBLIC_BYTES:]),
    )


@dataclass(frozen=True, slots=True)
class IdentityCard:
    node_id: str
    name: str
    role: str
    sign_key: bytes
    kem_key: bytes
    created: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.node_id, self.role, self.sign_key, self.kem_key)

    @property
    def key_id(self) -> str:
        return key_id(self.kem_key)

    def _body(self, version: int = CARD_VERSION) -> dict[str, Any]:
        return {
            "format": CARD_FORMAT,
            "version": version,
            "node_id": self.node_id,
            "name": self.name,
            "role": self.role,
            "sign_key": b64(self.sign_key),
            "kem_key": b64(self.kem_key),
            "created": self.created,
        }

    def to_bytes(self, keys: NodeKeys) -> bytes:
        body = self._body()
        body["signature"] = b64(keys.sign.sign(canonical_json(body)))
        return json.dumps(body, indent=2, ensure_ascii=False).encode() + b"\n"

    @classmethod
    def for_node(
        cls, node_id: str, name: str, role: str, keys: NodeKeys, now: datetime
    ) -> IdentityCard:
        return cls(
            node_id, name, role, keys.public_sign_bytes(), keys.public_kem_bytes(), now.isoformat()
        )

    @classmethod
    def parse(cls, data: bytes) -> IdentityCard:
        """A card read from a file: well-formed, of a known version, and signed by its own key."""
        bad = RejectedInput(Message(msg.NOT_A_CARD))
        if len(data) > MAX_CARD_BYTES:
            raise bad
        try:
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != CARD_FORMAT:
                raise bad
            if not isinstance(doc.get("version"), int) or doc["version"] > CARD_VERSION:
                raise RejectedInput(Message(msg.CARD_TOO_NEW))
            signature = unb64(doc.pop("signature"))
            card = cls(
                node_id=_text(doc, "node_id", 36),
                name=_text(doc, "name", 200),
                role=_text(doc, "role", 16),
                sign_key=unb64(doc["sign_key"]),
                kem_key=unb64(doc["kem_key"]),
                created=_text(doc, "created", 40),
            )
            if card.role not in ("field", "office") or set(doc) != set(card._body()):
                raise bad
            if doc["version"] < 1 or not _is_node_id(card.node_id):
                raise bad
            if len(card.kem_key) != MLKEM768_PUBLIC_BYTES + X25519_BYTES:
                raise bad
            hpke_public(card.kem_key)
            ed25519.Ed25519PublicKey.from_public_bytes(card.sign_key).verify(
                signature, canonical_json(doc)
            )
        except RejectedInput:
            raise
        except (
            ValueError,
            KeyError,
            TypeError,
            UnicodeDecodeError,
            InvalidSignature,
            RecursionError,
        ):
            raise bad from None
        return card


_NODE_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _is_node_id(value: str) -> bool:
    return _NODE_ID.fullmatch(value) is not None


def _text(doc: dict[str, Any], key: str, limit: int) -> str:
    value = doc[key]
    if not isinstance(value, str) or not value or len(value) > limit or not is_plain_text(value):
        raise ValueError(key)
    return value


def is_plain_text(value: str) -> bool:
    """No control, format or unassigned characters: a card's name is shown right next to its
    fingerprint, and line breaks, terminal escapes or bidi overrides could forge that line."""
    return not any(unicodedata.category(char).startswith("C") for char in value)
