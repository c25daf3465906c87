"""The bundle file: header, HPKE-sealed file key, Cobblestone-256 payload, Ed25519 signature.

See docs/bundle-format.md for the byte layout. Reading checks the signature over the whole file
before anything is decrypted, so a flipped, cut or appended byte is refused up front.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import mmap
import os
import re
import struct
import zlib
from collections.abc import Collection, Container, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.domain.records import RECORD_TYPE_BY_KIND
from vielfalt_desktop.sync import cobble
from vielfalt_desktop.sync.identity import (
    NodeKeys,
    canonical_json,
    hpke_public,
    is_plain_text,
    key_id,
)
from vielfalt_desktop.sync.limits import payload_budget

MAGIC = b"VFBUNDLE"
VERSION = 1
SIGNATURE_BYTES = 64
MAX_HEADER_BYTES = 64 * 1024
#: Default limits (SyncService may set others): the file, and the payload's JSON once inflated.
MAX_BUNDLE_BYTES = 512 * 1024**2
MAX_PAYLOAD_JSON = 512 * 1024**2
READ_CHUNK = 1024**2
FILE_KEY_BYTES = 32
MAX_INT = 2**63  # SQLite's integers are signed 64-bit
SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_PREAMBLE = struct.Struct(">8sHI")  # magic, version, header length
_U16 = struct.Struct(">H")
_U64 = struct.Struct(">Q")
HEADER_KEYS = {
    "format": int,
    "bundle_id": str,
    "sender": str,
    "sender_name": str,
    "recipient": str,
    "recipient_key_id": str,
    "seq": int,
    "created": str,
    "since": int,
    "upto": int,
    "ack": int,
    "counts": dict,
    "compression": str,
}


@dataclass(frozen=True, slots=True)
class Header:
    bundle_id: str
    sender: str
    sender_name: str
    recipient: str
    recipient_key_id: str
    seq: int
    created: str
    since: int
    upto: int
    ack: int
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": VERSION,
            "bundle_id": self.bundle_id,
            "sender": self.sender,
            "sender_name": self.sender_name,
            "recipient": self.recipient,
            "recipient_key_id": self.recipient_key_id,
            "seq": self.seq,
            "created": self.created,
            "since": self.since,
            "upto": self.upto,
            "ack": self.ack,
            "counts": dict(sorted(self.counts.items())),
            "compression": "zlib",
        }


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one bulk step (restored after).

    Parsing, checking and inserting a large payload creates millions of containers, and the
    collector walks all of them again and again while they pile up: json.loads of the
    100 000-contact bundle took 2–4 s with it and 0.6 s without. The objects form no
    reference cycles, so nothing is left for it to find.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class JsonRows:
    """Payload rows already rendered as canonical JSON (UTF-8): ``chunks`` are runs of rows
    joined by commas. sync.changes has SQLite render them; payload_pieces() splices them in."""

    chunks: list[bytes]
    count: int

    def __len__(self) -> int:
        return self.count


def payload_pieces(payload: dict[str, Any]) -> Iterator[bytes]:
    """The payload's canonical JSON in pieces: together the same bytes as
    ``canonical_json(payload)`` with every JsonRows row parsed back into lists."""
    records = payload.get("records") if isinstance(payload, dict) else None
    blocks = records.values() if isinstance(records, dict) and len(payload) == 1 else ()
    if not blocks or not all(
        isinstance(b, dict) and set(b) == {"columns", "rows"} and isinstance(b["rows"], JsonRows)
        for b in blocks
    ):
        yield canonical_json(payload)
        return
    assert isinstance(records, dict)
    yield b'{"records":{'
    for number, kind in enumerate(sorted(records)):
        block = records[kind]
        yield b"," if number else b""
        yield canonical_json(kind) + b':{"columns":' + canonical_json(block["columns"])
        yield b',"rows":['
        yield from _comma_joined(block["rows"].chunks)
        yield b"]}"
    yield b"}}"


def _comma_joined(chunks: list[bytes]) -> Iterator[bytes]:
    for number, chunk in enumerate(chunks):
        yield b"," + chunk if number else chunk


def payload_json(payload: dict[str, Any]) -> bytes:
    return b"".join(payload_pieces(payload))


def _bindings(preamble_and_header: bytes) -> tuple[bytes, bytes]:
    digest = hashlib.sha256(preamble_and_header).digest()
    return b"vielfalt-bundle/1 key\x00" + digest, b"vielfalt-bundle/1 payload\x00" + digest


def write_bundle(
    header: Header, payload: dict[str, Any], keys: NodeKeys, recipient_kem: bytes
) -> bytes:
    header_bytes = canonical_json(header.to_json())
    head = _PREAMBLE.pack(MAGIC, VERSION, len(header_bytes)) + header_bytes
    info, context = _bindings(head)
    file_key = cobble.generate_key()
    sealed = SUITE.encrypt(file_key, hpke_public(recipient_kem), info=info)
    # Level 1: three times faster than 6 for a bundle about a quarter larger.
    compressor = zlib.compressobj(1)
    plain = b"".join([*map(compressor.compress, payload_pieces(payload)), compressor.flush()])
    ciphertext = cobble.encrypt(file_key, context, plain)
    body = b"".join((head, _U16.pack(len(sealed)), sealed, _U64.pack(len(ciphertext)), ciphertext))
    return body + keys.sign.sign(body)


def read_header(data: bytes | memoryview) -> tuple[Header, int]:
    """The header (not yet authenticated!) and the offset after it. Refuses malformed files."""
    if len(data) < _PREAMBLE.size + SIGNATURE_BYTES:
        raise _damaged()
    magic, version, header_length = _PREAMBLE.unpack_from(data)
    if magic != MAGIC:
        raise RejectedInput(Message(msg.NOT_A_BUNDLE))
    if version > VERSION:
        raise RejectedInput(Message(msg.BUNDLE_TOO_NEW, version=version, known=VERSION))
    if version != VERSION or header_length > MAX_HEADER_BYTES:
        raise _damaged()
    end = _PREAMBLE.size + header_length
    if end > len(data) - SIGNATURE_BYTES:
        raise _damaged()
    raw = bytes(data[_PREAMBLE.size : end])
    try:
        doc = json.loads(raw.decode("utf-8"), object_pairs_hook=_unique_keys)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged() from None
    if not isinstance(doc, dict) or set(doc) != set(HEADER_KEYS):
        raise _damaged()
    for name, kind in HEADER_KEYS.items():
        if type(doc[name]) is not kind:
            raise _damaged()
    # Exactly the canonical form the format promises: one text, one meaning.
    if canonical_json(doc) != raw:
        raise _damaged()
    counts = doc["counts"]
    if doc["format"] != VERSION or doc["compression"] != "zlib":
        raise _damaged()
    if not all(k in RECORD_TYPE_BY_KIND and type(v) is int and v >= 0 for k, v in counts.items()):
        raise _damaged()
    numbers = (doc["seq"], doc["since"], doc["upto"], doc["ack"], *counts.values())
    if not all(0 <= n < MAX_INT for n in numbers):
        raise _damaged()
    # The header is read before it is authenticated: its texts end up in messages.
    if not all(is_plain_text(doc[k]) for k in HEADER_KEYS if isinstance(doc[k], str)):
        raise _damaged()
    if not (_is_uuid(doc["bundle_id"]) and _is_uuid(doc["sender"]) and _is_uuid(doc["recipient"])):
        raise _damaged()
    if len(doc["sender_name"]) > 200 or created_time(doc["created"]) is None:
        raise _damaged()
    header = Header(**{k: v for k, v in doc.items() if k not in ("format", "compression")})
    return header, end


def created_time(text: str) -> dt.datetime | None:
    """A header's ``created``: ISO 8601 with a UTC offset, or None."""
    if len(text) > 40:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    doc = dict(pairs)
    if len(doc) != len(pairs):
        raise ValueError("duplicate key")
    return doc


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _is_uuid(value: str) -> bool:
    return _UUID.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class Receiver:
    """What reading a bundle needs to know about the receiving device, as data."""

    node_id: str
    keys: NodeKeys
    #: The most JSON an inflated payload may take (the header's counts may allow less).
    max_json: int = MAX_PAYLOAD_JSON


class BundleFile:
    """A bundle being read: header first, then the signature, then the payload.

    What the reader needs from the receiving store comes in as data (:meth:`read`): the
    sender's verify key, the bundle ids known from it, this device's keys and limits.

    The file is mapped, not read: checking the signature and decrypting walk it in place, so
    no copy of a large file is made, and nothing is decrypted before the signature holds.
    """

    def __init__(self, data: bytes | mmap.mmap) -> None:
        self.view = memoryview(data)
        try:
            self.header, self._offset = read_header(self.view)
        except BaseException:
            self.view.release()  # a mapped file can only be closed once no view is left
            raise
        self.verified = False

    @classmethod
    @contextlib.contextmanager
    def open(cls, path: Path, max_bytes: int) -> Iterator[BundleFile]:
        """Refuses a file over ``max_bytes`` before reading any of it."""
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise RejectedInput(Message(msg.BUNDLE_TOO_LARGE, file=path.name))
            if size < _PREAMBLE.size + SIGNATURE_BYTES:
                raise _damaged()
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            bundle = cls(mapped)
            try:
                yield bundle
            finally:
                bundle.view.release()
        finally:
            mapped.close()

    def read(
        self, receiver: Receiver, sender_key: bytes | None, known: Container[str]
    ) -> dict[str, Any] | None:
        """Steps 3–7 of reading (docs/bundle-format.md) up to the decrypted payload.

        ``sender_key``: the verify key of the header's sender if this device trusts it
        (None refuses the bundle, naming the sender by node id only: the header is not yet
        authenticated); ``known``: ids of the bundles already applied from that sender.
        Returns None for a known bundle, after its signature and recipient were checked.
        """
        header = self.header
        if sender_key is None:
            raise RejectedInput(Message(msg.UNKNOWN_SENDER, sender=header.sender))
        self.verify(sender_key)
        own_key_id = key_id(receiver.keys.public_kem_bytes())
        if header.recipient != receiver.node_id or header.recipient_key_id != own_key_id:
            raise RejectedInput(Message(msg.WRONG_RECIPIENT))
        if header.bundle_id in known:
            return None
        return self.payload(receiver.keys, receiver.max_json)

    def verify(self, sign_key: bytes) -> None:
        """The sender's Ed25519 signature over everything before it."""
        body = self.view[:-SIGNATURE_BYTES]
        signature = bytes(self.view[-SIGNATURE_BYTES:])
        try:
            ed25519.Ed25519PublicKey.from_public_bytes(sign_key).verify(signature, body)
        except InvalidSignature:
            raise _damaged() from None
        finally:
            body.release()
        self.verified = True

    def payload(self, keys: NodeKeys, max_json: int) -> dict[str, Any]:
        """Decrypt and inflate in chunks, never past what the header's counts allow."""
        if not self.verified:
            raise RuntimeError("verify() first")
        view, offset = self.view, self._offset
        end = len(view) - SIGNATURE_BYTES
        info, context = _bindings(bytes(view[:offset]))
        limit = min(max_json, payload_budget(self.header.counts))
        try:
            (sealed_length,) = _U16.unpack_from(view, offset)
            sealed = bytes(view[offset + 2 : offset + 2 + sealed_length])
            offset += 2 + sealed_length
            (payload_length,) = _U64.unpack_from(view, offset)
            offset += 8
            if offset + payload_length != end:
                raise _damaged()
            file_key = SUITE.decrypt(sealed, keys.hpke_private, info=info)
            text = _decrypt_inflate(file_key, context, view, offset, end, limit)
            with gc_paused():
                payload = json.loads(text, object_pairs_hook=_unique_keys)
        except (
            struct.error,
            InvalidTag,
            ValueError,
            zlib.error,
            UnicodeDecodeError,
            RecursionError,
        ):
            raise _damaged() from None
        if not isinstance(payload, dict):
            raise RejectedInput(Message(msg.BUNDLE_CONTENT_BROKEN))
        return payload


class _TooLarge(Exception):
    pass


def _decrypt_inflate(
    key: bytes, context: bytes, view: memoryview, start: int, end: int, limit: int
) -> str:
    decryptor = cobble.decryptor(key, context)
    inflater = zlib.decompressobj()
    out = bytearray()

    def inflate(plain: bytes) -> None:
        room = limit - len(out)
        part = inflater.decompress(plain, room + 1)
        if len(part) > room or inflater.unconsumed_tail:
            raise _TooLarge
        out.extend(part)

    try:
        for position in range(start, end, READ_CHUNK):
            inflate(decryptor.update(view[position : min(position + READ_CHUNK, end)]))
        inflate(decryptor.finalize())
    except _TooLarge:
        raise RejectedInput(Message(msg.BUNDLE_PAYLOAD_TOO_LARGE)) from None
    if not inflater.eof or inflater.unused_data:
        raise ValueError("payload does not decompress cleanly")
    return out.decode("utf-8")


def open_bundle(
    data: bytes,
    keys: NodeKeys,
    my_node_id: str,
    sender_keys: Mapping[str, bytes],
    *,
    known: Collection[tuple[str, str]] = (),
    max_json: int = MAX_PAYLOAD_JSON,
) -> tuple[Header, dict[str, Any] | None]:
    """Verify and decrypt bytes in memory: :meth:`BundleFile.read` for data at hand.

    ``sender_keys``: the verify key of every trusted sender, by node id; ``known``: the
    (sender, bundle id) pairs already applied. Returns (header, payload); payload is None for
    a known bundle."""
    bundle = BundleFile(data)
    header = bundle.header
    ids = {bundle_id for sender, bundle_id in known if sender == header.sender}
    receiver = Receiver(my_node_id, keys, max_json)
    return header, bundle.read(receiver, sender_keys.get(header.sender), ids)


def _damaged() -> RejectedInput:
    return RejectedInput(Message(msg.BUNDLE_DAMAGED))
