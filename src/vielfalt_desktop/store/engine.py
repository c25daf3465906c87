"""Opening the SQLCipher database through SQLAlchemy with a raw 32-byte key.

The key never becomes a Python ``str`` or part of a URL: every new connection gets it through
:func:`sqlcipher3`'s ``set_key`` (``sqlite3_key``) from a ``bytearray`` built for that call and
zeroed right after it (:func:`_keyed_connection`). The caller owns the ``bytearray`` with the
raw key and zeroes it when the store is locked (:func:`~vielfalt_desktop.store.keymem.wipe`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import StoreError
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.store.keymem import raw_key_literal, wipe

READ_CACHE_KIB = 16 * 1024
# Bulk inserts with random UUID keys touch pages all over the indexes; with SQLite's 2 MiB
# default they slowed down as the store grew.
WRITE_CACHE_KIB = 64 * 1024
#: How long a statement waits for another program's write lock before SQLite gives up.
DEFAULT_BUSY_MS = 30_000
#: Exit code of the command line when the store stays busy (README, "Command line").
BUSY_EXIT_CODE = 5


class StoreBusy(StoreError):
    """Another program (or window) holds the store's write lock; nothing was changed."""

    exit_code = BUSY_EXIT_CODE


def is_busy(error: BaseException) -> bool:
    """True for SQLite's "database is locked"/"busy", raw or wrapped by SQLAlchemy."""
    orig = error.orig if isinstance(error, OperationalError) else error
    if not isinstance(orig, sqlcipher.OperationalError):
        return False
    text = str(orig).lower()
    return "locked" in text or "busy" in text


def _keyed_connection(path: str, data_key: bytearray) -> Any:
    conn = sqlcipher.connect(path, check_same_thread=False)
    literal = raw_key_literal(data_key)
    try:
        conn.set_key(literal)  # sqlite3_key copies it into SQLCipher's own (wiped) memory
    finally:
        wipe(literal)
    return conn


def open_engine(
    path: Path, data_key: bytearray, *, create: bool = False, busy_ms: int = DEFAULT_BUSY_MS
) -> Engine:
    """An engine on the encrypted store; checks the key and SQLCipher before returning.

    ``data_key`` stays referenced by the engine (each new connection is keyed from it); the
    caller zeroes it after :meth:`Engine.dispose`.
    """
    if not create and not path.exists():
        raise StoreError(Message(msg.DATABASE_MISSING, path=path))
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        module=sqlcipher,
        creator=functools.partial(_keyed_connection, str(path), data_key),
    )
    event.listen(engine, "connect", functools.partial(_on_connect, busy_ms=busy_ms))
    event.listen(engine, "begin", _on_begin)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            if not version:
                raise StoreError(Message(msg.NO_SQLCIPHER))
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except OperationalError as exc:
        engine.dispose()
        if is_busy(exc):
            raise StoreBusy(Message(msg.STORE_BUSY)) from None
        raise StoreError(Message(msg.DATABASE_WRONG_KEY, path=path)) from None
    except DatabaseError:
        engine.dispose()
        raise StoreError(Message(msg.DATABASE_WRONG_KEY, path=path)) from None
    except BaseException:
        engine.dispose()
        raise
    return engine


def _on_connect(dbapi_connection: Any, _record: Any, *, busy_ms: int = DEFAULT_BUSY_MS) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions begin (see _on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA foreign_keys = ON",
        f"PRAGMA busy_timeout = {int(busy_ms)}",
        # Every thread has its own connection, so the per-connection cache stays moderate;
        # Store.write() raises it while a transaction runs (see WRITE_CACHE_KIB).
        f"PRAGMA cache_size = -{READ_CACHE_KIB}",
    ):
        cursor.execute(pragma)
    cursor.close()
    # SQLite's lower() folds ASCII only; names like „Ökumenisches …“ need Unicode folding.
    dbapi_connection.create_function("fold", 1, _fold, deterministic=True)


def _fold(text: str | None) -> str | None:
    return " ".join(text.casefold().split()) if text is not None else None


def _on_begin(conn: Any) -> None:
    # Store.write() asks for BEGIN IMMEDIATE: the write lock is taken (or waited for) first,
    # so a transaction never finds out half-way that another program wrote meanwhile.
    conn.exec_driver_sql(conn.get_execution_options().get("vielfalt_begin", "BEGIN"))


def integrity_problems(engine: Engine, *, thorough: bool = True) -> list[str]:
    """Problems found by SQLCipher's HMAC check and SQLite's own check; empty when healthy.

    Both read every page of the file: ``cipher_integrity_check`` verifies each page's HMAC as
    written on disk, SQLite's check decrypts each b-tree page and checks its structure (cells,
    keys in order, record format, freelist, NOT NULL). ``thorough`` adds what
    ``integrity_check`` does beyond ``quick_check``: that every index holds exactly the
    entries of its table's rows, O(N log N) and most of the time (5–6 s of 6–7 s on the
    100 000-contact store). It finds faults in SQLite's logic rather than damaged pages, so
    ``vielfalt check`` runs it and the check after each import does not.
    """
    problems: list[str] = []
    with engine.connect() as conn:
        if not thorough:
            # Pages still in the write-ahead log are not in the file the HMAC check reads.
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").all()
        for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check"):
            problems.append(str(row[0]))
        check = "integrity_check" if thorough else "quick_check"
        for row in conn.exec_driver_sql(f"PRAGMA {check}"):
            if row[0] != "ok":
                problems.append(str(row[0]))
    return problems
