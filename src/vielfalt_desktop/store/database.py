"""The store: key file + encrypted database + schema upgrades + write transactions.

Several programs may have the same store open at once (the desktop app, a terminal, a
scheduled script). Each write transaction starts with ``BEGIN IMMEDIATE``, so it holds the
store's single write lock from its first statement, and takes its change counter (``rev``) and
clock from ``meta`` inside that transaction: no two transactions get the same ``rev`` and it
never goes back, whichever program writes. A program that finds the lock taken waits (telling
the user once, :class:`Busy`) up to a limit and then raises :class:`StoreBusy`, nothing
changed.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.clock import Clock, SystemClock
from vielfalt_desktop.domain.errors import StoreError, StoreLocked, WrongPassphrase
from vielfalt_desktop.domain.hlc import HybridClock
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.store import migrate
from vielfalt_desktop.store.engine import (
    READ_CACHE_KIB,
    WRITE_CACHE_KIB,
    StoreBusy,
    integrity_problems,
    is_busy,
    open_engine,
)
from vielfalt_desktop.store.keymem import raw_key_literal, take, wipe
from vielfalt_desktop.store.models import META_TABLE, Meta
from vielfalt_desktop.store.vault import DEFAULT, Argon2Params, KeyFile

__all__ = ["Busy", "DataPaths", "Store", "StoreBusy", "Write"]

DB_NAME = "vielfalt.db"
KEY_NAME = "vielfalt.key"
#: The key file of a rekey in progress: written before the store is rekeyed, then renamed.
PENDING_KEY_NAME = "vielfalt.key.neu"
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

    @property
    def pending_key(self) -> Path:
        return self.root / PENDING_KEY_NAME

    def exists(self) -> bool:
        return self.db.exists() or self.key.exists()


@dataclass(slots=True)
class Busy:
    """How long a write waits for another program's lock, and whom it tells meanwhile.

    After ``notice_after_s`` ``notice`` is called once (the CLI prints one line, the GUI shows
    it in the status bar); after ``wait_s`` in all the write gives up with StoreBusy.
    """

    wait_s: float = 30.0
    notice_after_s: float = 1.0
    notice: Callable[[], None] | None = None


#: A write that may as well happen later (the unlock's audit entry): no waiting, no notice.
QUICK = Busy(wait_s=0.25, notice_after_s=0.25)


@dataclass(slots=True)
class _Deferred:
    """Work for the next write transaction; ``fallback`` runs if the store closes first."""

    during: Callable[[Write], None]
    after: Callable[[], None] | None = None
    fallback: Callable[[], None] | None = None


@dataclass(slots=True)
class Write:
    """One write transaction: every row it touches gets the same `rev`.

    ``rev`` is allocated from ``meta`` under the write lock when the transaction begins.
    """

    conn: Connection
    rev: int
    node_id: str
    hlc: HybridClock

    def tick(self) -> int:
        return self.hlc.tick()


class Store:
    def __init__(
        self,
        paths: DataPaths,
        engine: Engine,
        clock: Clock,
        key: bytearray | None = None,
        busy: Busy | None = None,
    ) -> None:
        self.paths = paths
        self._engine: Engine | None = engine
        self._key = key  # the raw data key the engine keys new connections from; wiped on close
        self.clock = clock
        self.busy = busy or Busy()
        self._busy_ms = int(self.busy.wait_s * 1000)  # the connections' own busy_timeout
        self._lock = threading.RLock()
        self._reading = threading.local()
        self._deferred: list[_Deferred] = []
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
        restrict_folder(paths.root)
        keyfile, raw_key, recovery = KeyFile.create(paths.key, passphrase, params)
        data_key = take(raw_key)
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
            wipe(data_key)
            raise
        restrict_files(paths)
        return cls(paths, engine, clock or SystemClock(), data_key), recovery

    @classmethod
    def open(
        cls,
        paths: DataPaths,
        passphrase: str,
        *,
        clock: Clock | None = None,
        busy: Busy | None = None,
    ) -> Store:
        keyfile = cls._keyfile(paths)
        if paths.pending_key.exists():
            return cls._open_after_rekey(paths, keyfile, passphrase, clock=clock, busy=busy)
        data_key = take(keyfile.unlock(passphrase))
        return cls.open_with_key(paths, data_key, clock=clock, busy=busy)

    @classmethod
    def _open_after_rekey(
        cls,
        paths: DataPaths,
        keyfile: KeyFile,
        passphrase: str,
        *,
        clock: Clock | None,
        busy: Busy | None,
    ) -> Store:
        """A rekey was interrupted: the store opens with either the old or the new key file.

        Whichever key opens it is kept; the other file goes (the new one is renamed into
        place if the store was rekeyed already).
        """
        pending = KeyFile.load(paths.pending_key)
        for candidate, is_pending in ((keyfile, False), (pending, True)):
            try:
                data_key = take(candidate.unlock(passphrase))
                store = cls.open_with_key(paths, data_key, clock=clock, busy=busy)
            except (WrongPassphrase, StoreError) as exc:
                if isinstance(exc, StoreBusy):
                    raise
                continue
            if is_pending:
                os.replace(paths.pending_key, paths.key)
            else:
                paths.pending_key.unlink(missing_ok=True)
            return store
        raise WrongPassphrase(Message(msg.WRONG_PASSPHRASE))

    @classmethod
    def open_with_recovery(
        cls,
        paths: DataPaths,
        recovery_key: str,
        *,
        clock: Clock | None = None,
        busy: Busy | None = None,
    ) -> Store:
        data_key = take(cls._keyfile(paths).unlock_with_recovery(recovery_key))
        return cls.open_with_key(paths, data_key, clock=clock, busy=busy)

    @classmethod
    def open_with_key(
        cls,
        paths: DataPaths,
        data_key: bytes | bytearray,
        *,
        clock: Clock | None = None,
        busy: Busy | None = None,
    ) -> Store:
        """Open with the raw data key. A ``bytearray`` is kept by the store and zeroed when it
        closes (also when opening fails); a ``bytes`` key is copied and stays the caller's."""
        key = data_key if isinstance(data_key, bytearray) else bytearray(data_key)
        restrict_folder(paths.root)
        busy = busy or Busy()
        try:
            engine = open_engine(paths.db, key, busy_ms=int(busy.wait_s * 1000))
        except BaseException:
            wipe(key)
            raise
        try:
            migrate.upgrade(engine, paths.db, paths.backups)
            store = cls(paths, engine, clock or SystemClock(), key, busy)
        except OperationalError as exc:
            engine.dispose()
            wipe(key)
            if is_busy(exc):
                raise StoreBusy(Message(msg.STORE_BUSY)) from None
            raise
        except BaseException:
            engine.dispose()
            wipe(key)
            raise
        restrict_files(paths)
        return store

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
        """Close every connection and zero the key (SQLCipher wipes its copies on close).

        Work deferred to the next write (:meth:`defer`) is tried once more without waiting;
        if the store is still busy, its fallback runs instead.
        """
        with self._lock:
            if self._engine is None:
                return
            if self._deferred:
                try:
                    with self.write(busy=QUICK):
                        pass  # the write runs the deferred work
                except Exception:  # busy, or anything else: the fallback keeps the work
                    for item in self._deferred:
                        if item.fallback is not None:
                            item.fallback()
                    self._deferred.clear()
            self._engine.dispose()
            self._engine = None
            wipe(self._key)
            self._key = None

    def rekey(self, new_key: bytearray) -> None:
        """Re-encrypt every page under ``new_key`` (SQLCipher's ``sqlite3_rekey``, one
        transaction: on failure the store keeps the old key). New connections use the new
        key; ``new_key`` is copied, the caller zeroes it."""
        with self._lock:
            engine = self.engine
            if self._key is None or len(new_key) != len(self._key):
                raise StoreError(Message(msg.STORE_LOCKED))
            engine.dispose()  # no pooled connection may keep the old key
            raw = engine.raw_connection()
            try:
                dbapi = raw.driver_connection
                assert dbapi is not None
                literal = raw_key_literal(new_key)
                try:
                    dbapi.reset_key(literal)
                except sqlcipher.OperationalError as exc:
                    if is_busy(exc):
                        raise StoreBusy(Message(msg.STORE_BUSY)) from None
                    raise
                finally:
                    wipe(literal)
            finally:
                raw.close()
            self._key[:] = new_key  # the engine keys new connections from this very buffer
            engine.dispose()

    def defer(
        self,
        during: Callable[[Write], None],
        *,
        after: Callable[[], None] | None = None,
        fallback: Callable[[], None] | None = None,
    ) -> None:
        """Run ``during`` inside the next write transaction (``after`` once it committed);
        if the store closes before one succeeds, run ``fallback``."""
        with self._lock:
            self._deferred.append(_Deferred(during, after, fallback))

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            stack = self._reading.__dict__.setdefault("conns", [])
            stack.append(conn)
            try:
                yield conn
            finally:
                stack.pop()

    @contextmanager
    def write(self, *, busy: Busy | None = None) -> Iterator[Write]:
        """One transaction under the write lock; ``rev`` and clock come from the store.

        Bookkeeping (rev, clock) is saved with the transaction or not at all. Raises
        StoreBusy, with nothing changed, when another program keeps the lock past ``busy``
        (default: the store's :attr:`busy`).
        """
        with self._lock, self._immediate(busy or self.busy) as conn:
            conn.exec_driver_sql(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
            try:
                meta = self._meta_in(conn, ("rev", "hlc"))
                rev = int(meta.get("rev", "0")) + 1
                last = max(self.hlc.last, int(meta.get("hlc", "0")))
                write = Write(conn, rev, self.node_id, HybridClock(self.clock, last))
                deferred = list(self._deferred)
                for item in deferred:
                    item.during(write)
                yield write
                self._save_meta(conn, {"rev": str(write.rev), "hlc": str(write.hlc.last)})
            finally:
                conn.exec_driver_sql(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        self._rev = write.rev
        self.hlc.last = write.hlc.last
        for item in deferred:
            self._deferred.remove(item)
            if item.after is not None:
                item.after()

    @contextmanager
    def _immediate(self, busy: Busy) -> Iterator[Connection]:
        """A connection inside BEGIN IMMEDIATE: waits for the write lock as ``busy`` says."""
        deadline = time.monotonic() + busy.wait_s
        first = min(busy.notice_after_s, busy.wait_s)
        told = False
        normal = f"PRAGMA busy_timeout = {self._busy_ms}"
        while True:
            conn = self.engine.connect().execution_options(vielfalt_begin="BEGIN IMMEDIATE")
            # The raw connection: through SQLAlchemy the pragma would begin the transaction.
            raw = conn.connection.driver_connection
            assert raw is not None
            wait = first if not told else max(deadline - time.monotonic(), 0.0)
            raw.execute(f"PRAGMA busy_timeout = {max(0, int(wait * 1000))}")
            try:
                transaction = conn.begin()
            except OperationalError as exc:
                raw.execute(normal)
                conn.close()
                if not is_busy(exc):
                    raise
                if told or time.monotonic() >= deadline:
                    raise StoreBusy(Message(msg.STORE_BUSY)) from None
                told = True
                if busy.notice is not None and busy.wait_s > busy.notice_after_s:
                    busy.notice()
                continue
            break
        try:
            raw.execute(normal)
            with transaction:
                yield conn
        finally:
            conn.close()

    @property
    def rev(self) -> int:
        """The store's change counter as seen now (inside :meth:`read`: by that snapshot)."""
        conns = getattr(self._reading, "conns", None)
        if conns:
            return int(self._meta_in(conns[-1], ("rev",)).get("rev", "0"))
        with self.engine.connect() as conn:
            return int(self._meta_in(conn, ("rev",)).get("rev", "0"))

    def integrity_problems(self, *, thorough: bool = True) -> list[str]:
        return integrity_problems(self.engine, thorough=thorough)

    def meta(self, key: str, default: str | None = None) -> str | None:
        return self._read_meta().get(key, default)

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._immediate(self.busy) as conn:
            self._save_meta(conn, {key: value})

    def _read_meta(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {row.key: row.value for row in conn.execute(select(Meta.key, Meta.value))}

    @staticmethod
    def _meta_in(conn: Connection, keys: tuple[str, ...]) -> dict[str, str]:
        rows = conn.execute(select(Meta.key, Meta.value).where(Meta.key.in_(keys)))
        return {row.key: row.value for row in rows}

    @staticmethod
    def _save_meta(conn: Connection, values: dict[str, str]) -> None:
        for key, value in values.items():
            stmt = sqlite_insert(META_TABLE).values(key=key, value=value)
            conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


# --- file permissions -------------------------------------------------------------------------


def restrict_folder(root: Path) -> None:
    """The data folder is the user's alone (0700), also when it existed before."""
    if os.name != "posix" or not root.is_dir():
        return
    try:
        if root.stat().st_mode & 0o077:
            root.chmod(0o700)
    except OSError:
        pass  # not ours to change (e.g. another owner); `vielfalt check` reports it


def restrict_files(paths: DataPaths) -> None:
    """Store, its WAL and shared-memory files and the backups: owner only."""
    if os.name != "posix":
        return
    candidates = [paths.db, *paths.root.glob(f"{DB_NAME}-*"), paths.key]
    if paths.backups.is_dir():
        candidates.append(paths.backups)
        candidates += list(paths.backups.iterdir())
    for path in candidates:
        try:
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:
                path.chmod(0o700 if path.is_dir() else 0o600)
        except OSError:
            pass


def permission_problems(paths: DataPaths) -> list[Message]:
    """Everything in the data folder another user could read or change (for ``check``)."""
    if os.name != "posix":
        return []
    found: list[Message] = []
    candidates = [paths.root, paths.key, paths.db, *sorted(paths.root.glob(f"{DB_NAME}-*"))]
    if paths.backups.exists():
        candidates.append(paths.backups)
        candidates += sorted(paths.backups.iterdir())
    for path in candidates:
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            continue
        if mode & 0o077:
            found.append(Message(msg.PERMISSIONS_OPEN, name=path.name, mode=oct(mode)))
    return found
