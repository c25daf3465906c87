import json
import os
import stat
from pathlib import Path

import pytest

from vielfalt_desktop.domain.errors import StoreError, WrongPassphrase
from vielfalt_desktop.store.vault import (
    DEFAULT,
    MAXIMUM,
    MINIMUM,
    Argon2Params,
    KeyFile,
    kdf_warnings,
    params_from_env,
)

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


# --- key file integrity (issue 13.4) ----------------------------------------------------------

V1_FIXTURE = Path(__file__).parent / "data" / "keyfile-v1.json"
V1_PASS = "korrekt-pferd-batterie-heftklammer"
V1_RECOVERY = "AY6Z-J344-DQEG-ZUS6-TCLX-IHYT-CENK-GOAB"
V1_KEY = "9eba044e04a0a6b96cb06b18da495d06c0d3b1bb5a5f5b16f6861f8e66cb6a55"


def _v1(tmp_path: Path) -> Path:
    path = tmp_path / "vielfalt.key"
    path.write_bytes(V1_FIXTURE.read_bytes())
    return path


def _doc(path: Path) -> dict:  # type: ignore[type-arg]
    return dict(json.loads(path.read_text()))


def test_a_version_1_key_file_still_opens(tmp_path: Path) -> None:
    keyfile = KeyFile.load(_v1(tmp_path))
    assert keyfile.version == 1
    assert keyfile.unlock(V1_PASS).hex() == V1_KEY
    assert keyfile.unlock_with_recovery(V1_RECOVERY).hex() == V1_KEY


def test_a_version_1_key_file_is_upgraded_on_the_next_rewrap(tmp_path: Path) -> None:
    path = _v1(tmp_path)
    keyfile = KeyFile.load(path)
    keyfile.change_passphrase(keyfile.unlock(V1_PASS), "eine-ganz-neue-passphrase")
    again = KeyFile.load(path)
    assert again.version == 2
    assert again.slot_version("passphrase") == 2
    assert again.slot_version("recovery") == 1  # only the recovery key could rewrap it
    assert again.unlock("eine-ganz-neue-passphrase").hex() == V1_KEY
    assert again.unlock_with_recovery(V1_RECOVERY).hex() == V1_KEY


def test_new_key_files_bind_the_kdf_parameters(tmp_path: Path) -> None:
    keyfile, _key, _recovery = _make(tmp_path)
    assert keyfile.version == 2
    assert keyfile.slot_version("passphrase") == keyfile.slot_version("recovery") == 2
    assert b"argon2id/m=65536/t=3/p=4" in keyfile._aad("passphrase")


@pytest.mark.parametrize(
    ("field", "value"), [("memory_kib", 128 * 1024), ("iterations", 4), ("lanes", 8)]
)
def test_a_changed_kdf_parameter_is_detected(tmp_path: Path, field: str, value: int) -> None:
    """Raised or lowered, a parameter that is not the one the key was wrapped with fails."""
    _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    doc = _doc(path)
    doc["slots"]["passphrase"]["kdf"][field] = value
    path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock(PASS)


def test_a_downgrade_to_the_version_1_associated_data_is_detected(tmp_path: Path) -> None:
    _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    doc = _doc(path)
    del doc["slots"]["passphrase"]["aad"]
    doc["version"] = 1
    path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        KeyFile.load(path).unlock(PASS)


def test_a_rewrap_with_the_recovery_key_never_keeps_lowered_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported attack: memory lowered in a v1 file, then `passwd --recovery`."""
    path = _v1(tmp_path)
    doc = _doc(path)
    doc["slots"]["passphrase"]["kdf"]["memory_kib"] = 8 * 1024
    path.write_text(json.dumps(doc))
    monkeypatch.setenv("VIELFALT_ARGON2_MEMORY_MIB", "96")  # the floor in this test
    keyfile = KeyFile.load(path)
    keyfile.change_passphrase(keyfile.unlock_with_recovery(V1_RECOVERY), "noch-eine-passphrase")
    assert KeyFile.load(path).params == Argon2Params(memory_kib=96 * 1024)


def test_check_warns_below_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keyfile = KeyFile.load(_v1(tmp_path))  # 64 MiB
    assert kdf_warnings(keyfile) == []  # the test default
    monkeypatch.delenv("VIELFALT_TESTING")  # a normal run: the default is 256 MiB
    warnings = kdf_warnings(keyfile)
    assert len(warnings) == 1
    assert "64 MiB" in warnings[0]
    assert "256 MiB" in warnings[0]


def test_the_memory_override_needs_the_test_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIELFALT_ARGON2_MEMORY_MIB", "64")
    monkeypatch.delenv("VIELFALT_TESTING")
    assert params_from_env() == DEFAULT
    monkeypatch.setenv("VIELFALT_TESTING", "yes")
    assert params_from_env() == DEFAULT
    monkeypatch.setenv("VIELFALT_TESTING", "1")
    assert params_from_env().memory_kib == 64 * 1024


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory_kib", 64 * 1024 * 1024), ("iterations", 10**9), ("lanes", 1024)],
)
def test_absurd_parameters_are_refused_before_allocating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: int
) -> None:
    _make(tmp_path)
    path = tmp_path / "vielfalt.key"
    doc = _doc(path)
    doc["slots"]["passphrase"]["kdf"][field] = value
    path.write_text(json.dumps(doc))

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Argon2id must not run")

    monkeypatch.setattr("vielfalt_desktop.store.vault.Argon2id", never)
    keyfile = KeyFile.load(path)  # loads: the recovery key can still replace the slot
    with pytest.raises(StoreError, match="unvernünftig"):
        keyfile.unlock(PASS)
    assert MAXIMUM.memory_kib == 2 * 1024 * 1024
