import json
import os
import secrets
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.conftest import NOW, PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import StoreError, StoreLocked, WrongPassphrase
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services.app import App
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.engine import open_engine


def test_store_file_is_encrypted(app: App, data_dir: Path) -> None:
    app.close()
    head = (data_dir / "vielfalt.db").read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_pragmas_and_cipher(app: App) -> None:
    with app.store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY


def test_files_are_user_only(app: App, data_dir: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for name in ("vielfalt.db", "vielfalt.key"):
        assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600


def test_wrong_passphrase_changes_no_byte_on_disk(app: App, data_dir: Path) -> None:
    app.close()
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}
    with pytest.raises(WrongPassphrase):
        App.open(data_dir, "falsche-passphrase-123", clock=FixedClock(NOW))
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in data_dir.iterdir()}
    # Only the time of the attempt is noted beside the store, for the audit trail.
    attempts = after.pop("entsperrversuche.json")
    assert after == before
    assert json.loads(attempts[0]) == ["2026-11-24T10:00:00Z"]


def test_wrong_raw_key_is_refused(app: App, data_dir: Path) -> None:
    app.close()
    with pytest.raises(StoreError, match="nicht öffnen"):
        open_engine(data_dir / "vielfalt.db", secrets.token_bytes(32))


def test_missing_key_file_never_creates_a_new_store(app: App, data_dir: Path) -> None:
    app.close()
    db_before = (data_dir / "vielfalt.db").read_bytes()
    (data_dir / "vielfalt.key").unlink()
    with pytest.raises(StoreError, match="Schlüsseldatei"):
        App.open(data_dir, PASSPHRASE)
    with pytest.raises(StoreError):
        App.create(data_dir, PASSPHRASE, role="field", name="Neu")
    assert (data_dir / "vielfalt.db").read_bytes() == db_before
    assert not (data_dir / "vielfalt.key").exists()


def test_damaged_key_file_never_creates_a_new_store(app: App, data_dir: Path) -> None:
    app.close()
    (data_dir / "vielfalt.key").write_bytes(b"{kaputt")
    with pytest.raises(StoreError, match="beschädigt"):
        App.open(data_dir, PASSPHRASE)
    with pytest.raises(StoreError):
        App.create(data_dir, PASSPHRASE, role="field", name="Neu")
    assert (data_dir / "vielfalt.key").read_bytes() == b"{kaputt"


def test_missing_database_is_reported_not_recreated(app: App, data_dir: Path) -> None:
    app.close()
    (data_dir / "vielfalt.db").unlink()
    with pytest.raises(StoreError, match="fehlt"):
        App.open(data_dir, PASSPHRASE)
    assert not (data_dir / "vielfalt.db").exists()


def test_reopen_keeps_identity_and_data(app: App, data_dir: Path) -> None:
    node = app.store.node_id
    app.records.create(
        Contact(
            date=app.store.clock.today(),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("wohnen",),
        )
    )
    rev = app.store.rev
    app.close()
    again = App.open(data_dir, PASSPHRASE)
    try:
        assert again.store.node_id == node
        assert again.store.role == "field"
        # Nothing lost or reset; the unlock itself is a new entry in the audit trail.
        assert again.store.rev > rev
        assert [e.action for e in again.audit.entries()][:1] == ["unlock"]
        assert again.stats.counts()["contacts"] == 1
    finally:
        again.close()


def test_closed_store_refuses_work(app: App) -> None:
    app.close()
    with pytest.raises(StoreLocked):
        app.stats.counts()


def test_failed_write_rolls_back_rows_and_bookkeeping(app: App) -> None:
    rev, hlc = app.store.rev, app.store.hlc.last
    with pytest.raises(RuntimeError), app.store.write() as write:
        write.conn.execute(text("INSERT INTO meta (key, value) VALUES ('probe', 'x')"))
        write.tick()
        raise RuntimeError("mitten im Schreiben")
    assert (app.store.rev, app.store.hlc.last) == (rev, hlc)
    assert app.store.meta("probe") is None


def test_integrity_check_is_clean(app: App) -> None:
    assert app.store.integrity_problems() == []


def test_unknown_role_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.create(DataPaths(tmp_path / "x"), PASSPHRASE, role="admin", name="x")
    assert not (tmp_path / "x" / "vielfalt.db").exists()
