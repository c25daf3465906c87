"""The store: key file + encrypted database + schema upgrades + write transactions."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.clock import Clock, SystemClock
from vielfalt_desktop.domain.errors import StoreError, StoreLocked
from vielfalt_desktop.domain.hlc import HybridClock
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.store import migrate
from vielfalt_desktop.store.engine import (
    READ_CACHE_KIB,
    WRITE_CACHE_KIB,
    integrity_problems,
    open_engine,
)
from vielfalt_desktop.store.models import META_TABLE, Meta
from vielfalt_desktop.store.vault import DEFAULT, Argon2Params, KeyFile

DB_NAME = "vielfalt.db"
KEY_NAME = "vielfalt.key"
ROLES = ("field", "office")


@dataclass(frozen=True, slots=True)
class DataPaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def key(self) -> Path:
        return self.root / KEY_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def exists(self) -> bool:
        return self.db.exists() or self.key.exists()


@dataclass(slots=True)
class Write:
    """One write transaction: every row it touches gets the same `rev`."""

    conn: Connection
    rev: int
    node_id: str
    hlc: HybridClock

    def tick(self) -> int:
        return self.hlc.tick()


class Store:
    def __init__(self, paths: DataPaths, engine: Engine, clock: Clock) -> None:
        self.paths = paths
        self._engine: Engine | None = engine
        self.clock = clock
        self._lock = threading.RLock()
        meta = self._read_meta()
        self.node_id = meta["node_id"]
        self.node_name = meta["node_name"]
        self.role = meta["role"]
        self._rev = int(meta.get("rev", "0"))
        self.hlc = HybridClock(clock, int(meta.get("hlc", "0")))

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        paths: DataPaths,
        passphrase: str,
        *,
        role: str,
        name: str,
        params: Argon2Params = DEFAULT,
        clock: Clock | None = None,
    ) -> tuple[Store, str]:
        """A new encrypted store. Returns it and the recovery key to show once."""
        if role not in ROLES:
            raise StoreError(Message(msg.UNKNOWN_STORE_ROLE, role=role))
        if not name.strip():
            raise StoreError(Message(msg.DEVICE_NAME_REQUIRED))
        if paths.exists():
            raise StoreError(Message(msg.STORE_EXISTS, folder=paths.root))
        paths.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        keyfile, data_key, recovery = KeyFile.create(paths.key, passphrase, params)
        try:
            engine = open_engine(paths.db, data_key, create=True)
            migrate.upgrade(engine, paths.db, paths.backups)
            with engine.begin() as conn:
                for key, value in {
                    "node_id": str(uuid.uuid4()),
                    "node_name": name.strip(),
                    "role": role,
                    "store_id": keyfile.store_id,
                    "rev": "0",
                    "hlc": "0",
                }.items():
                    conn.execute(META_TABLE.insert().values(key=key, value=value))
        except BaseException:
            # Nothing was ever stored under this key: remove the half-made store entirely.
            for leftover in (paths.db, paths.key, *paths.root.glob(f"{DB_NAME}-*")):
                leftover.unlink(missing_ok=True)
            raise
        paths.db.chmod(0o600)
        return cls(paths, engine, clock or SystemClock()), recovery

    @classmethod
    def open(cls, paths: DataPaths, passphrase: str, *, clock: Clock | None = None) -> Store:
        return cls.open_with_key(paths, cls._keyfile(paths).unlock(passphrase), clock=clock)

    @classmethod
    def open_with_recovery(
        cls, paths: DataPaths, recovery_key: str, *, clock: Clock | None = None
    ) -> Store:
        data_key = cls._keyfile(paths).unlock_with_recovery(recovery_key)
        return cls.open_with_key(paths, data_key, clock=clock)

    @classmethod
    def open_with_key(
        cls, paths: DataPaths, data_key: bytes, *, clock: Clock | None = None
    ) -> Store:
        engine = open_engine(paths.db, data_key)
        try:
            migrate.upgrade(engine, paths.db, paths.backups)
            return cls(paths, engine, clock or SystemClock())
        except BaseException:
            engine.dispose()
            raise

    @staticmethod
    def _keyfile(paths: DataPaths) -> KeyFile:
        if not paths.db.exists():
            raise StoreError(
                Message(msg.NO_STORE, folder=paths.root)
                if not paths.key.exists()
                else Message(msg.ONLY_KEY_FILE, path=paths.db)
            )
        return KeyFile.load(paths.key)

    # --- use ----------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked(Message(msg.STORE_LOCKED))
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def close(self) -> None:
        """Close every connection; the key lives only inside the engine and goes with it."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Write]:
        """One transaction; bookkeeping (rev, clock) is saved with it or not at all."""
        with self._lock, self.engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
            try:
                write = Write(
                    conn, self._rev + 1, self.node_id, HybridClock(self.clock, self.hlc.last)
                )
                yield write
                self._save_meta(conn, {"rev": str(write.rev), "hlc": str(write.hlc.last)})
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        self._rev = write.rev
        self.hlc.last = write.hlc.last

    @property
    def rev(self) -> int:
        return self._rev

    def integrity_problems(self, *, thorough: bool = True) -> list[str]:
        return integrity_problems(self.engine, thorough=thorough)

    def meta(self, key: str, default: str | None = None) -> str | None:
        return self._read_meta().get(key, default)

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self.engine.begin() as conn:
            self._save_meta(conn, {key: value})

    def _read_meta(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {row.key: row.value for row in conn.execute(select(Meta.key, Meta.value))}

    @staticmethod
    def _save_meta(conn: Connection, values: dict[str, str]) -> None:
        for key, value in values.items():
            stmt = sqlite_insert(META_TABLE).values(key=key, value=value)
            conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))
