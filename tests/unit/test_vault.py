import json
import os
import stat
from pathlib import Path

import pytest

from vielfalt_desktop.domain.errors import StoreError, WrongPassphrase
from vielfalt_desktop.store.vault import MINIMUM, Argon2Params, KeyFile, params_from_env

PASS = "korrekt-pferd-batterie"


def _make(tmp_path: Path) -> tuple[KeyFile, bytes, str]:
    return KeyFile.create(tmp_path / "vielfalt.key", PASS, params_from_env())


def test_unlock_returns_the_data_key(tmp_path: Path) -> None:
    _keyfile, data_key, _recovery = _make(tmp_path)
    assert len(data_key) == 32
    assert KeyFile.load(tmp_path / "vielfalt.key").unlock(PASS) == data_key


def test_wrong_passphrase_is_refused_and_changes_no_byte(tmp_path: Path) -> None:
    _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock("falsche-passphrase")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_recovery_key_opens_and_allows_a_new_passphrase(tmp_path: Path) -> None:
    _keyfile, data_key, recovery = _make(tmp_path)
    keyfile = KeyFile.load(tmp_path / "vielfalt.key")
    assert keyfile.unlock_with_recovery(recovery.lower().replace("-", " ")) == data_key
    keyfile.change_passphrase(data_key, "ganz-neue-passphrase")
    reloaded = KeyFile.load(tmp_path / "vielfalt.key")
    assert reloaded.unlock("ganz-neue-passphrase") == data_key
    assert reloaded.unlock_with_recovery(recovery) == data_key
    with pytest.raises(WrongPassphrase):
        reloaded.unlock(PASS)


def test_rewrap_writes_nothing_until_saved(tmp_path: Path) -> None:
    keyfile, data_key, _recovery = _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    before = path.read_bytes()
    keyfile.rewrap(data_key, "ganz-neue-passphrase")
    assert path.read_bytes() == before
    keyfile.save()
    assert KeyFile.load(path).unlock("ganz-neue-passphrase") == data_key


def test_wrong_recovery_key_is_refused(tmp_path: Path) -> None:
    _keyfile, _data_key, recovery = _make(tmp_path)
    other = "A" * 4 + recovery[4:]
    if other == recovery:
        other = "B" * 4 + recovery[4:]
    with pytest.raises(WrongPassphrase):
        KeyFile.load(tmp_path / "vielfalt.key").unlock_with_recovery(other)
    with pytest.raises(WrongPassphrase):
        KeyFile.load(tmp_path / "vielfalt.key").unlock_with_recovery("zu-kurz")


def test_key_file_is_user_only_and_holds_no_key_in_clear(tmp_path: Path) -> None:
    _keyfile, data_key, recovery = _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert data_key.hex().encode() not in raw
    assert recovery.encode() not in raw
    doc = json.loads(raw)
    kdf = doc["slots"]["passphrase"]["kdf"]
    assert kdf["name"] == "argon2id"
    assert kdf["memory_kib"] >= MINIMUM.memory_kib
    assert {"salt", "iterations", "lanes"} <= kdf.keys()
    assert [p.name for p in tmp_path.iterdir()] == ["vielfalt.key"]  # no temp file left over


def test_default_parameters_are_the_designed_ones() -> None:
    assert Argon2Params() == Argon2Params(memory_kib=256 * 1024, iterations=3, lanes=4)


@pytest.mark.parametrize(
    "params",
    [
        Argon2Params(memory_kib=32 * 1024),
        Argon2Params(iterations=2),
        Argon2Params(lanes=2),
    ],
)
def test_weak_parameters_are_refused(tmp_path: Path, params: Argon2Params) -> None:
    with pytest.raises(StoreError):
        KeyFile.create(tmp_path / "vielfalt.key", PASS, params)
    assert not (tmp_path / "vielfalt.key").exists()


def test_env_cannot_lower_below_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIELFALT_ARGON2_MEMORY_MIB", "16")
    with pytest.raises(StoreError):
        params_from_env()


def test_weak_parameters_in_a_tampered_file_are_refused(tmp_path: Path) -> None:
    _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    doc = json.loads(path.read_text())
    doc["slots"]["passphrase"]["kdf"]["memory_kib"] = 1024
    path.write_text(json.dumps(doc))
    with pytest.raises(StoreError):
        KeyFile.load(path).unlock(PASS)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw.replace(b"vielfalt-keyfile", b"something-else"),
        lambda raw: b"\x00" * 64,
    ],
)
def test_damaged_key_file_gives_a_clear_error(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(StoreError, match="beschädigt"):
        KeyFile.load(path)


def test_flipped_wrapped_key_is_not_accepted(tmp_path: Path) -> None:
    _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    doc = json.loads(path.read_text())
    wrapped = doc["slots"]["passphrase"]["wrapped_key"]
    doc["slots"]["passphrase"]["wrapped_key"] = ("B" if wrapped[0] != "B" else "C") + wrapped[1:]
    path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock(PASS)


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="mindestens"):
        KeyFile.create(tmp_path / "vielfalt.key", "kurz", params_from_env())


def test_existing_key_file_is_never_replaced(tmp_path: Path) -> None:
    _make(tmp_path)
    before = (tmp_path / "vielfalt.key").read_bytes()
    with pytest.raises(StoreError):
        _make(tmp_path)
    assert (tmp_path / "vielfalt.key").read_bytes() == before
