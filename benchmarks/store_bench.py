"""The store: SQLCipher against plain SQLite, and the services against raw executemany."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import (
    PASSPHRASE,
    SEED,
    Context,
    Result,
    check,
    log,
    median,
    raw_rows,
    timed,
    timed_floor,
)

NAMES = ("encryption_overhead", "store_floor")
#: Fresh connections per query measurement: the page cache starts cold each time.
QUERY_ROUNDS = 5


def generate(contacts: int, seed: int) -> list[Any]:
    from vielfalt_desktop import demo
    from vielfalt_desktop.domain.vocab import default_vocabularies

    return demo.generate(default_vocabularies(), dt.date.today(), contacts, seed)


def run(ctx: Context) -> list[Result]:
    return [encryption_overhead(ctx), store_floor(ctx)]


# --- encryption_overhead ---------------------------------------------------------------------


def _cipher_engine(path: Path, key: bytes) -> Any:
    from vielfalt_desktop.store.engine import open_engine

    return open_engine(path, key, create=True)


def _plain_engine(path: Path, library: str = "sqlcipher") -> Any:
    """The same SQLAlchemy setup without encryption.

    ``sqlcipher``: SQLCipher's own SQLite without a key (the same SQLite version and query
    planner as the store, only the encryption is off); ``stdlib``: Python's sqlite3 module.
    """
    import sqlcipher3.dbapi2
    from sqlalchemy import create_engine, event

    from vielfalt_desktop.store.engine import _on_begin, _on_connect

    extra = {"module": sqlcipher3.dbapi2} if library == "sqlcipher" else {}
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False}, **extra)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _insert_all(engine: Any, by_kind: dict[str, list[Any]]) -> None:
    from vielfalt_desktop.domain.clock import SystemClock
    from vielfalt_desktop.domain.hlc import HybridClock
    from vielfalt_desktop.store import repository as repo
    from vielfalt_desktop.store.database import Write
    from vielfalt_desktop.store.engine import WRITE_CACHE_KIB
    from vielfalt_desktop.store.models import RECORD_KINDS

    with engine.begin() as conn:
        # The same write-time page cache Store.write() sets, on both sides of the comparison.
        conn.exec_driver_sql(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
        write = Write(conn, 1, str(uuid.uuid4()), HybridClock(SystemClock()))
        for kind in RECORD_KINDS:  # parents before children
            repo.insert_many(write, by_kind.get(kind, []))


def _queries(conn: Any, district: str) -> tuple[int, int]:
    from vielfalt_desktop.domain.query import Query
    from vielfalt_desktop.domain.records import Contact
    from vielfalt_desktop.store import repository as repo

    page = repo.list_records(conn, Contact, Query(), 0, 100)
    count = repo.count_records(conn, "contact", Query(districts=(district,)))
    return len(page), count


def _query_rounds(make: Callable[[], Any], district: str) -> tuple[list[float], list[float]]:
    """Cold (first on a new connection) and warm (the same again) list queries."""
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(QUERY_ROUNDS):
        # A new connection, opened, keyed and with the schema read outside the clock:
        # nothing of the data is decrypted and cached yet, as right after unlocking.
        engine = make()
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()  # the schema
            seconds, (shown, counted) = timed(lambda c=conn: _queries(c, district))
            cold.append(seconds)
            seconds, _ = timed(lambda c=conn: _queries(c, district))
            warm.append(seconds)
        engine.dispose()
        check(shown == 100 and counted > 0, (shown, counted))
    return cold, warm


def encryption_overhead(ctx: Context) -> Result:
    from vielfalt_desktop.store.models import Base

    records = generate(ctx.sizes.contacts, SEED + 1)
    by_kind: dict[str, list[Any]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record)
    district = Counter(r.district for r in by_kind["contact"]).most_common(1)[0][0]
    key = secrets.token_bytes(32)
    times: dict[str, dict[str, list[float]]] = {
        v: {"insert": [], "cold": [], "warm": []} for v in ("cipher", "plain", "stdlib")
    }
    log(f"encryption_overhead: {len(records)} Datensätze je Lauf")
    for rep in range(ctx.reps):
        # Alternate which side goes first, so drift of the machine hits both alike.
        order = ("cipher", "plain") if rep % 2 == 0 else ("plain", "cipher")
        for variant in order:
            path = ctx.scratch(f"enc-{variant}.db")

            def make(p: Path = path, v: str = variant) -> Any:
                return _cipher_engine(p, key) if v == "cipher" else _plain_engine(p)

            engine = make()
            Base.metadata.create_all(engine)
            seconds, _ = timed(lambda e=engine: _insert_all(e, by_kind))
            times[variant]["insert"].append(seconds)
            engine.dispose()
            cold, warm = _query_rounds(make, district)
            times[variant]["cold"] += cold
            times[variant]["warm"] += warm
            log(
                f"  Lauf {rep + 1} {variant}: insert {seconds:.2f} s, Abfrage kalt "
                f"{median(cold) * 1000:.1f} ms, warm {median(warm) * 1000:.1f} ms"
            )
            if variant == "plain":
                # The same plain file through Python's own sqlite3 (an older SQLite).
                cold, warm = _query_rounds(lambda p=path: _plain_engine(p, "stdlib"), district)
                times["stdlib"]["cold"] += cold
                times["stdlib"]["warm"] += warm
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    m = {v: {k: median(t) for k, t in parts.items() if t} for v, parts in times.items()}
    ratios = {k: m["cipher"][k] / m["plain"][k] for k in ("insert", "cold", "warm")}
    value = max(ratios.values())
    ms = {v: {k: t * 1000 for k, t in parts.items()} for v, parts in m.items()}
    note = (
        f"Wert = das Größte aus Einfügen ×{ratios['insert']:.2f} "
        f"({m['cipher']['insert']:.2f} s vs {m['plain']['insert']:.2f} s, {len(records)} "
        f"Datensätze aller Arten über repository.insert_many), Abfrage kalt "
        f"×{ratios['cold']:.2f} ({ms['cipher']['cold']:.1f} vs {ms['plain']['cold']:.1f} ms) "
        f"und warm ×{ratios['warm']:.2f} ({ms['cipher']['warm']:.1f} vs "
        f"{ms['plain']['warm']:.1f} ms); Abfrage = erste Seite Kontakte nach Datum + Anzahl "
        f"Stadtteil „{district}“, kalt = erste auf neuer Verbindung. Basis: gleicher Code und "
        "gleiche Pragmas auf SQLCiphers SQLite ohne Schlüssel (gleiche SQLite-Version); "
        f"Pythons sqlite3 auf derselben Datei: kalt {ms['stdlib']['cold']:.1f} ms, warm "
        f"{ms['stdlib']['warm']:.1f} ms."
    )
    base = m["plain"]["insert"] + m["plain"]["cold"]
    return Result("encryption_overhead", value, "ratio", 1.3, value <= 1.3, base, note)


# --- store_floor -----------------------------------------------------------------------------


def _contacts(ctx: Context) -> list[Any]:
    records = generate(ctx.sizes.contacts, SEED + 2)
    return [r for r in records if r.kind == "contact"]


def _fresh_app(ctx: Context, name: str) -> Any:
    from vielfalt_desktop.services.app import App

    app, _ = App.create(ctx.scratch(name), PASSPHRASE, role="field", name="Bench Floor")
    return app


def store_floor(ctx: Context) -> Result:
    contacts = _contacts(ctx)
    log(f"store_floor: {len(contacts)} Kontakte je Lauf")
    service: list[float] = []
    unchecked: list[float] = []
    floor: list[float] = []
    data: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for rep in range(ctx.reps):
        for validate in (True, False):
            app = _fresh_app(ctx, f"floor-{validate}")
            try:
                seconds, count = timed(
                    lambda a=app, v=validate: a.records.create_many(contacts, validate=v)
                )
                check(count == len(contacts), count)
                (service if validate else unchecked).append(seconds)
                if not data:
                    data = {t: raw_rows(app.store.engine, t) for t in ("contact", "tag")}
            finally:
                app.close()
        floor.append(timed_floor(ctx.scratch("floor.db"), data))
        log(
            f"  Lauf {rep + 1}: Dienste {service[-1]:.2f} s (ohne Prüfung {unchecked[-1]:.2f} s), "
            f"executemany {floor[-1]:.2f} s"
        )
    s, u, f = median(service), median(unchecked), median(floor)
    value = s / f
    tags = len(data["tag"][1])
    note = (
        f"{s:.2f} s vs Basis {f:.2f} s. Gemessen: app.records.create_many(…, validate=True) "
        f"wie demo.fill und Importe (ohne Prüfung: {u:.2f} s, ×{u / f:.2f}) in einen neuen "
        f"SQLCipher-Bestand; Basis: sqlite3.executemany derselben {len(contacts)} Zeilen und "
        f"{tags} Tag-Zeilen in eine unverschlüsselte Datei mit gleichen Tabellen, Indexen und "
        "Pragmas, eine Transaktion."
    )
    return Result("store_floor", value, "ratio", 3.0, value <= 3.0, f, note)


def names() -> Sequence[str]:
    return NAMES
