"""Opening the SQLCipher database through SQLAlchemy with a raw 32-byte key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import StoreError
from vielfalt_desktop.domain.messages import Message

READ_CACHE_KIB = 16 * 1024
# Bulk inserts with random UUID keys touch pages all over the indexes; with SQLite's 2 MiB
# default they slowed down as the store grew.
WRITE_CACHE_KIB = 64 * 1024


def _raw_key_literal(data_key: bytes) -> str:
    # The pysqlcipher dialect quotes this as an identifier: PRAGMA key = "x'…'", SQLCipher's
    # syntax for a raw key that skips its own passphrase derivation.
    return f"x'{data_key.hex()}'"


def open_engine(path: Path, data_key: bytes, *, create: bool = False) -> Engine:
    """An engine on the encrypted store; checks the key and SQLCipher before returning."""
    if not create and not path.exists():
        raise StoreError(Message(msg.DATABASE_MISSING, path=path))
    url = URL.create("sqlite+pysqlcipher", password=_raw_key_literal(data_key), database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            if not version:
                raise StoreError(Message(msg.NO_SQLCIPHER))
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DatabaseError:
        engine.dispose()
        raise StoreError(Message(msg.DATABASE_WRONG_KEY, path=path)) from None
    except BaseException:
        engine.dispose()
        raise
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions begin (see _on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA foreign_keys = ON",
        "PRAGMA busy_timeout = 10000",
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
    conn.exec_driver_sql("BEGIN")


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
