"""The key file beside the store: the random data key, wrapped twice.

Once under a key derived from the passphrase with Argon2id, once under the recovery key shown
at setup. Changing the passphrase rewraps the data key; the store itself is never rewritten.
A wrong passphrase fails the AES-GCM tag check before the store is touched.

Format version 2 binds each slot's key derivation into the AES-GCM associated data (for the
passphrase slot: Argon2id with its memory, passes and lanes), so a changed parameter is
detected. Version 1 files (``aad`` missing in a slot: the associated data names only format,
version 1, store and slot) still open; a slot is upgraded when it is next wrapped, and the
file then says version 2. A rewrap never lowers the Argon2id parameters below the default
(:func:`params_from_env`); parameters above :data:`MAXIMUM` are refused before any memory is
allocated.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import StoreError, WrongPassphrase
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.fileio import atomic_write_text
from vielfalt_desktop.store.keymem import wipe

FORMAT = "vielfalt-keyfile"
VERSION = 2
LEGACY_VERSION = 1
#: Set to 1 by the test suite only: lets VIELFALT_ARGON2_MEMORY_MIB lower the Argon2 memory.
TEST_FLAG = "VIELFALT_TESTING"
DATA_KEY_BYTES = 32
RECOVERY_KEY_BYTES = 20  # 160 bits, shown as 8 groups of 4 base32 characters
MIN_PASSPHRASE_LENGTH = 10


@dataclass(frozen=True, slots=True)
class Argon2Params:
    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 4

    def check(self) -> None:
        """Refuse parameters below the minimum or above the sane maximum (before Argon2id
        allocates anything)."""
        if self.memory_kib < MINIMUM.memory_kib or self.iterations < MINIMUM.iterations:
            raise StoreError(Message(msg.KDF_TOO_WEAK))
        if self.lanes < MINIMUM.lanes:
            raise StoreError(Message(msg.KDF_LANES))
        if not self.reasonable():
            raise StoreError(
                Message(
                    msg.KDF_UNREASONABLE,
                    memory=MAXIMUM.memory_kib // 1024,
                    iterations=MAXIMUM.iterations,
                    lanes=MAXIMUM.lanes,
                )
            )

    def reasonable(self) -> bool:
        return (
            self.memory_kib <= MAXIMUM.memory_kib
            and self.iterations <= MAXIMUM.iterations
            and self.lanes <= MAXIMUM.lanes
        )

    def below(self, other: Argon2Params) -> bool:
        """True if any parameter is weaker than ``other``'s."""
        return (
            self.memory_kib < other.memory_kib
            or self.iterations < other.iterations
            or self.lanes < other.lanes
        )

    def at_least(self, floor: Argon2Params) -> Argon2Params:
        """These parameters, each raised to ``floor``'s where lower."""
        return Argon2Params(
            max(self.memory_kib, floor.memory_kib),
            max(self.iterations, floor.iterations),
            max(self.lanes, floor.lanes),
        )


MINIMUM = Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=4)
DEFAULT = Argon2Params()
#: Beyond this an unlock would mostly exhaust memory or time: such a key file was altered.
MAXIMUM = Argon2Params(memory_kib=2 * 1024 * 1024, iterations=16, lanes=16)


def testing() -> bool:
    return os.environ.get(TEST_FLAG) == "1"


def params_from_env() -> Argon2Params:
    """The default parameters. Only with the test flag (VIELFALT_TESTING=1) does
    VIELFALT_ARGON2_MEMORY_MIB lower the memory, never below 64 MiB; in a normal run the
    variable is ignored."""
    mib = os.environ.get("VIELFALT_ARGON2_MEMORY_MIB")
    if not mib or not testing():
        return DEFAULT
    params = Argon2Params(memory_kib=int(mib) * 1024)
    params.check()
    return params


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(compact + "=" * (-len(compact) % 8))
    except ValueError:
        raw = b""
    if len(raw) != RECOVERY_KEY_BYTES:
        raise WrongPassphrase(Message(msg.INVALID_RECOVERY_KEY))
    return raw


def _argon2(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    params.check()  # before Argon2id allocates memory_kib
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _recovery_wrapping_key(raw: bytes, salt: bytes) -> bytes:
    # The recovery key is already 160 random bits, so a slow KDF adds nothing.
    return HKDF(hashes.SHA256(), 32, salt, b"vielfalt recovery slot").derive(raw)


class KeyFile:
    """An opened key file; `unlock*` return the 32-byte data key."""

    def __init__(self, path: Path, document: dict[str, Any]) -> None:
        self.path = path
        self._doc = document

    @property
    def store_id(self) -> str:
        return str(self._doc["store_id"])

    @property
    def params(self) -> Argon2Params:
        kdf = self._doc["slots"]["passphrase"]["kdf"]
        return Argon2Params(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))

    @property
    def version(self) -> int:
        return int(self._doc["version"])

    def slot_version(self, slot: str) -> int:
        """1 for a slot wrapped by a version-1 program, else the version of its AAD."""
        return int(self._doc["slots"][slot].get("aad", LEGACY_VERSION))

    def _aad(self, slot: str, version: int | None = None) -> bytes:
        version = self.slot_version(slot) if version is None else version
        if version == LEGACY_VERSION:
            return f"{FORMAT}/{LEGACY_VERSION}/{self.store_id}/{slot}".encode()
        kdf = self._doc["slots"][slot]["kdf"]
        if slot == "passphrase":
            binding = (
                f"argon2id/m={int(kdf['memory_kib'])}/t={int(kdf['iterations'])}"
                f"/p={int(kdf['lanes'])}"
            )
        else:
            binding = str(kdf["name"])
        return f"{FORMAT}/{version}/{self.store_id}/{slot}/{binding}".encode()

    @classmethod
    def create(
        cls, path: Path, passphrase: str, params: Argon2Params = DEFAULT
    ) -> tuple[KeyFile, bytes, str]:
        """Make a new key file. Returns it, the data key and the recovery key to show once."""
        check_passphrase(passphrase)
        if path.exists():
            raise StoreError(Message(msg.KEY_FILE_EXISTS, path=path))
        data_key = secrets.token_bytes(DATA_KEY_BYTES)
        recovery = secrets.token_bytes(RECOVERY_KEY_BYTES)
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": str(uuid.uuid4()),
            "cipher": "AES-256-GCM",
            "slots": {},
        }
        keyfile = cls(path, doc)
        keyfile._set_passphrase_slot(data_key, passphrase, params)
        keyfile._set_recovery_slot(data_key, recovery)
        keyfile._write()
        return keyfile, data_key, format_recovery_key(recovery)

    @classmethod
    def fresh(
        cls, path: Path, store_id: str, data_key: bytearray, passphrase: str, params: Argon2Params
    ) -> tuple[KeyFile, str]:
        """A new key file for an existing store (rekey): ``data_key`` under ``passphrase`` and
        a new recovery key, returned to show once. Nothing is written yet (:meth:`save`)."""
        check_passphrase(passphrase)
        recovery = secrets.token_bytes(RECOVERY_KEY_BYTES)
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "store_id": store_id,
            "cipher": "AES-256-GCM",
            "slots": {},
        }
        keyfile = cls(path, doc)
        keyfile._set_passphrase_slot(data_key, passphrase, params.at_least(params_from_env()))
        keyfile._set_recovery_slot(data_key, recovery)
        shown = format_recovery_key(recovery)
        wipe(recovery)
        return keyfile, shown

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(Message(msg.KEY_FILE_MISSING, path=path)) from None
        try:
            doc = json.loads(raw)
            if doc.get("format") != FORMAT:
                raise ValueError
            if int(doc["version"]) > VERSION:
                raise StoreError(Message(msg.KEY_FILE_NEWER))
            for slot in ("passphrase", "recovery"):
                entry = doc["slots"][slot]
                _unb64(entry["nonce"])
                _unb64(entry["wrapped_key"])
                _unb64(entry["kdf"]["salt"])
                if int(entry.get("aad", LEGACY_VERSION)) not in (LEGACY_VERSION, VERSION):
                    raise ValueError
            kdf = doc["slots"]["passphrase"]["kdf"]
            if kdf["name"] != "argon2id":
                raise ValueError
            int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])
            str(doc["store_id"])
        except StoreError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise StoreError(Message(msg.KEY_FILE_DAMAGED, path=path)) from None
        return cls(path, doc)

    def unlock(self, passphrase: str) -> bytes:
        slot = self._doc["slots"]["passphrase"]
        salt = _unb64(slot["kdf"]["salt"])
        wrapping = _argon2(passphrase, salt, self.params)
        try:
            return self._unwrap("passphrase", wrapping, Message(msg.WRONG_PASSPHRASE))
        finally:
            wipe(wrapping)

    def unlock_with_recovery(self, recovery_key: str) -> bytes:
        raw = parse_recovery_key(recovery_key)
        slot = self._doc["slots"]["recovery"]
        wrapping = _recovery_wrapping_key(raw, _unb64(slot["kdf"]["salt"]))
        wipe(raw)
        try:
            return self._unwrap("recovery", wrapping, Message(msg.WRONG_RECOVERY_KEY))
        finally:
            wipe(wrapping)

    def change_passphrase(
        self, data_key: bytes, new_passphrase: str, params: Argon2Params | None = None
    ) -> None:
        self.rewrap(data_key, new_passphrase, params)
        self.save()

    def rewrap(
        self, data_key: bytes, new_passphrase: str, params: Argon2Params | None = None
    ) -> None:
        """Wrap the data key under a new passphrase, in memory only (Argon2id: slow).

        :meth:`save` then writes the key file; until then the file on disk is unchanged.
        The parameters are the file's, but never below the default (:func:`params_from_env`)
        and, where the file's are absurd, the default itself.
        """
        check_passphrase(new_passphrase)
        floor = params_from_env()
        current = self.params if self.params.reasonable() else floor
        self._set_passphrase_slot(data_key, new_passphrase, (params or current).at_least(floor))

    def save(self) -> None:
        """Write the key file atomically (temp file, fsync, replace)."""
        self._write()

    def _unwrap(self, slot_name: str, wrapping: bytes, message: str) -> bytes:
        slot = self._doc["slots"][slot_name]
        try:
            key = AESGCM(wrapping).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped_key"]), self._aad(slot_name)
            )
        except InvalidTag:
            raise WrongPassphrase(message) from None
        if len(key) != DATA_KEY_BYTES:
            raise StoreError(Message(msg.KEY_FILE_DAMAGED, path=self.path))
        return key

    def _set_passphrase_slot(
        self, data_key: bytes | bytearray, passphrase: str, params: Argon2Params
    ) -> None:
        salt = secrets.token_bytes(16)
        wrapping = _argon2(passphrase, salt, params)
        nonce = secrets.token_bytes(12)
        slot: dict[str, Any] = {
            "kdf": {
                "name": "argon2id",
                "memory_kib": params.memory_kib,
                "iterations": params.iterations,
                "lanes": params.lanes,
                "salt": _b64(salt),
            },
            "aad": VERSION,
            "nonce": _b64(nonce),
        }
        self._seal("passphrase", slot, wrapping, nonce, data_key)

    def _set_recovery_slot(self, data_key: bytes | bytearray, recovery: bytes) -> None:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        wrapping = _recovery_wrapping_key(recovery, salt)
        slot: dict[str, Any] = {
            "kdf": {"name": "hkdf-sha256", "salt": _b64(salt)},
            "aad": VERSION,
            "nonce": _b64(nonce),
        }
        self._seal("recovery", slot, wrapping, nonce, data_key)

    def _seal(
        self,
        name: str,
        slot: dict[str, Any],
        wrapping: bytes,
        nonce: bytes,
        data_key: bytes | bytearray,
    ) -> None:
        """Put ``slot`` in place with the data key wrapped under ``wrapping``; the file says
        version 2 from then on."""
        previous = self._doc["slots"].get(name)
        self._doc["slots"][name] = slot
        try:
            sealed = AESGCM(wrapping).encrypt(nonce, data_key, self._aad(name))
        except BaseException:
            if previous is None:
                del self._doc["slots"][name]
            else:
                self._doc["slots"][name] = previous
            raise
        finally:
            wipe(wrapping)
        slot["wrapped_key"] = _b64(sealed)
        self._doc["version"] = VERSION

    def _write(self) -> None:
        atomic_write_text(self.path, json.dumps(self._doc, indent=2) + "\n", mode=0o600)


def kdf_warnings(keyfile: KeyFile) -> list[Message]:
    """Why the passphrase slot is weaker than it should be (for ``vielfalt check``)."""
    params, floor = keyfile.params, params_from_env()
    if not params.below(floor):
        return []
    return [
        Message(
            msg.KDF_BELOW_DEFAULT,
            memory=params.memory_kib // 1024,
            iterations=params.iterations,
            lanes=params.lanes,
            default_memory=floor.memory_kib // 1024,
            default_iterations=floor.iterations,
            default_lanes=floor.lanes,
        )
    ]


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise StoreError(Message(msg.PASSPHRASE_MIN_LENGTH, minimum=MIN_PASSPHRASE_LENGTH))
