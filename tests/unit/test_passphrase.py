"""Changing the passphrase of an open store, with the old passphrase or the recovery key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.unit.test_services import contact

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import StoreError, ValidationError, WrongPassphrase
from vielfalt_desktop.services import audit
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.audit import AuditFilter
from vielfalt_desktop.services.passphrase import (
    RECOVERY_DETAIL,
    PassphraseChange,
    change_passphrase,
)
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.vault import KeyFile

NEW = "amsel-teekanne-regen-bruecke"


def _entries(app: App, action: str) -> list[str]:
    return [e.detail for e in app.audit.entries(AuditFilter(action=action))]


def _key_bytes(data_dir: Path) -> bytes:
    return DataPaths(data_dir).key.read_bytes()


def test_change_with_the_old_passphrase(app: App, data_dir: Path, clock: FixedClock) -> None:
    change_passphrase(app, PASSPHRASE, NEW)
    assert _entries(app, "passphrase_changed") == [""]
    app.records.create(contact())  # the open store carries on with the same data key
    app.close()
    paths = DataPaths(data_dir)
    with pytest.raises(WrongPassphrase):
        KeyFile.load(paths.key).unlock(PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Store.open(paths, PASSPHRASE)
    again = App.open(data_dir, NEW, clock=clock)
    try:
        assert again.stats.counts()["contacts"] == 1
        assert _entries(again, "passphrase_changed") == [""]
    finally:
        again.close()


def test_wrong_old_passphrase_changes_nothing(app: App, data_dir: Path) -> None:
    before = _key_bytes(data_dir)
    with pytest.raises(WrongPassphrase):
        change_passphrase(app, "daneben-daneben-daneben", NEW)
    assert _key_bytes(data_dir) == before
    assert _entries(app, "passphrase_changed") == []
    assert _entries(app, "unlock_failed") == [""]  # logged at once: the store is open
    assert KeyFile.load(DataPaths(data_dir).key).unlock(PASSPHRASE)


def test_change_with_the_recovery_key(tmp_path: Path, clock: FixedClock) -> None:
    data_dir = tmp_path / "daten"
    app, recovery = App.create(data_dir, PASSPHRASE, role="office", name="Büro", clock=clock)
    try:
        before = _key_bytes(data_dir)
        with pytest.raises(WrongPassphrase):
            change_passphrase(app, "AAAA-BBBB", NEW, recovery=True)  # not even well-formed
        with pytest.raises(WrongPassphrase):  # the passphrase is not the recovery key
            change_passphrase(app, PASSPHRASE, NEW, recovery=True)
        assert _key_bytes(data_dir) == before
        assert _entries(app, "unlock_failed") == ["", ""]
        change_passphrase(app, recovery.lower().replace("-", " "), NEW, recovery=True)
        assert _entries(app, "passphrase_changed") == [RECOVERY_DETAIL]
    finally:
        app.close()
    keyfile = KeyFile.load(DataPaths(data_dir).key)
    assert keyfile.unlock(NEW) == keyfile.unlock_with_recovery(recovery)  # recovery still works
    with pytest.raises(WrongPassphrase):
        keyfile.unlock(PASSPHRASE)


def test_a_weak_new_passphrase_is_refused_before_anything(app: App, data_dir: Path) -> None:
    before = _key_bytes(data_dir)
    for weak in ("kurz", "passwort12345", "LaptopTest123"):
        with pytest.raises(ValidationError) as refused:
            change_passphrase(app, PASSPHRASE, weak)
        assert set(refused.value.problems) == {"passphrase"}
    assert _key_bytes(data_dir) == before
    assert app.audit.entries(AuditFilter(action="unlock_failed")) == []


def test_a_key_file_of_another_store_is_refused(
    app: App, data_dir: Path, tmp_path: Path, clock: FixedClock
) -> None:
    other, _ = App.create(tmp_path / "anders", PASSPHRASE, role="field", name="B", clock=clock)
    other.close()
    shutil.copy(DataPaths(tmp_path / "anders").key, DataPaths(data_dir).key)
    with pytest.raises(StoreError, match="gehört nicht"):
        change_passphrase(app, PASSPHRASE, NEW)


def test_a_failed_attempt_after_locking_is_noted_beside_the_store(
    app: App, data_dir: Path, clock: FixedClock
) -> None:
    app.close()
    audit.record_failed_unlock(app.store)
    again = App.open(data_dir, PASSPHRASE, clock=clock)
    try:
        assert [e.action for e in reversed(again.audit.entries())][-2:] == [
            "unlock_failed",
            "unlock",
        ]
    finally:
        again.close()


def test_the_dialog_rules() -> None:
    change = PassphraseChange(device_name="Laptop Nord")
    assert set(change.problems()) == {"old", "passphrase"}
    change.old = PASSPHRASE
    change.new = NEW
    assert set(change.problems()) == {"repeat"}
    change.repeat = NEW
    assert change.can_apply()
    change.new = change.repeat = "LaptopNord2026"  # the device's name is easy to guess
    assert "zu leicht" in change.problems()["passphrase"]
    change.new = change.repeat = PASSPHRASE
    assert "bisherigen" in change.problems()["passphrase"]
    change.recovery = True  # the old passphrase is not known: the same one is fine
    assert change.can_apply()
    change.old = ""
    assert "Wiederherstellungsschlüssel" in change.problems()["old"]


def test_apply_checks_the_rules_first(app: App) -> None:
    with pytest.raises(ValidationError):
        PassphraseChange(old=PASSPHRASE, new=NEW, repeat=NEW + "x").apply(app)
    PassphraseChange(old=PASSPHRASE, new=NEW, repeat=NEW).apply(app)
    assert _entries(app, "passphrase_changed") == [""]
