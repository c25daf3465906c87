import datetime as dt
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
from vielfalt_desktop.services.audit import unlock_delay
from vielfalt_desktop.store.database import DataPaths, Store, permission_problems
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


def test_reopen_keeps_identity_and_data(app: App, data_dir: Path, clock: FixedClock) -> None:
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
    again = App.open(data_dir, PASSPHRASE, clock=clock)
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


# --- issue 13: two programs, files, throttle --------------------------------------------------


def test_rev_comes_from_the_store_not_from_what_a_program_saw_at_open(
    app: App, data_dir: Path, clock: FixedClock
) -> None:
    """Two Store objects (two programs) on one store: each write takes the store's next rev."""
    other = Store.open(DataPaths(data_dir), PASSPHRASE, clock=clock)
    try:
        start = app.store.rev
        for store in (other, other, app.store, other, app.store):
            with store.write() as write:
                assert write.rev == store.rev + 1
        assert app.store.rev == other.rev == start + 5
        with app.store.read() as conn:
            stored = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'rev'").scalar()
        assert int(stored) == start + 5
    finally:
        other.close()


def test_the_hlc_never_goes_back_across_programs(
    app: App, data_dir: Path, clock: FixedClock
) -> None:
    other = Store.open(DataPaths(data_dir), PASSPHRASE, clock=clock)
    try:
        with other.write() as write:
            for _ in range(50):
                write.tick()
            ahead = write.hlc.last
        with app.store.write() as write:
            assert write.tick() > ahead
    finally:
        other.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_everything_created_is_user_only_even_with_an_open_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        created, _ = App.create(tmp_path / "d", PASSPHRASE, role="field", name="Laptop")
        created.close()
    finally:
        os.umask(old)
    names = sorted(p.name for p in (tmp_path / "d").iterdir())
    assert "vielfalt.db" in names
    for path in (tmp_path / "d").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_existing_open_data_folder_is_made_0700(app: App, data_dir: Path) -> None:
    app.close()
    data_dir.chmod(0o755)
    (data_dir / "vielfalt.db").chmod(0o644)
    Store.open(DataPaths(data_dir), PASSPHRASE).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "vielfalt.db").stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permission_problems_cover_folder_wal_shm_and_backups(app: App, data_dir: Path) -> None:
    paths = DataPaths(data_dir)
    assert permission_problems(paths) == []
    backups = data_dir / "backups"
    backups.mkdir(mode=0o700)
    (backups / "vielfalt-vor-upgrade.db").write_bytes(b"x")
    for path, mode in (
        (data_dir, 0o755),
        (backups, 0o755),
        (backups / "vielfalt-vor-upgrade.db", 0o644),
        *((p, 0o644) for p in data_dir.glob("vielfalt.db-*")),
    ):
        path.chmod(mode)
    found = " ".join(permission_problems(paths))
    for name in (
        "daten",
        "backups",
        "vielfalt-vor-upgrade.db",
        "vielfalt.db-wal",
        "vielfalt.db-shm",
    ):
        assert f"{name} ist für andere Benutzer zugänglich" in found


def test_the_unlock_wait_grows_and_runs_from_the_latest_attempt() -> None:
    at = "2026-11-24T10:00:00Z"
    moment = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
    assert unlock_delay([], moment) == 0
    assert unlock_delay([at], moment) == 1
    assert unlock_delay([at] * 3, moment) == 4
    assert unlock_delay([at] * 30, moment) == 30
    assert unlock_delay([at] * 3, moment + dt.timedelta(seconds=3)) == 1
    assert unlock_delay([at] * 3, moment + dt.timedelta(seconds=10)) == 0
    assert unlock_delay([at] * 3, moment - dt.timedelta(hours=1)) == 4  # clock set back
