"""Bundles: export of every change of the large set, import into an empty coordinator, again."""

from __future__ import annotations

import os
from typing import Any

from benchmarks.common import (
    OFFICE_NAME,
    Context,
    Result,
    check,
    copy_store,
    log,
    median,
    opened,
    raw_rows,
    timed,
    timed_floor,
)

NAMES = ("bundle_export", "bundle_import", "bundle_reimport")
IMPORT_SECONDS = 60.0


def read_everything(app: Any) -> int:
    """The store query behind an export: every row of every record kind."""
    from sqlalchemy import select

    from vielfalt_desktop.store.models import RECORD_KINDS, TABLE_BY_KIND

    rows = 0
    with app.store.read() as conn:
        for kind in RECORD_KINDS:
            rows += len(conn.execute(select(TABLE_BY_KIND[kind])).all())
    return rows


def payload_bytes(app: Any, peer_id: str) -> bytes:
    """The bundle's plaintext payload, exactly as export builds it."""
    from vielfalt_desktop.sync import bundle, changes

    with app.store.read() as conn:
        records = changes.collect(conn, 0, peer_id, True)
    return bundle.payload_json({"records": records})


def seal(key: bytes, data: bytes) -> int:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return len(AESGCM(key).encrypt(os.urandom(12), data, None))


def run(ctx: Context) -> list[Result]:
    export, bundle = bundle_export(ctx)
    imported, import_times = bundle_import(ctx, bundle)
    return [export, imported, bundle_reimport(ctx, bundle, import_times)]


def bundle_export(ctx: Context) -> tuple[Result, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    total = sum(ctx.dataset().counts.values())
    subject: list[float] = []
    base: list[float] = []
    with opened(ctx.field_copy()) as app:
        peer = app.sync.find_peer(OFFICE_NAME)
        data = payload_bytes(app, peer.node_id)
        key = AESGCM.generate_key(bit_length=256)
        bundle = ctx.work / "bundle.vfb"
        for rep in range(ctx.reps):
            query, rows = timed(lambda a=app: read_everything(a))
            crypt, _ = timed(lambda: seal(key, data))
            base.append(query + crypt)
            path = ctx.scratch(f"bundle-{rep}.vfb")
            seconds, result = timed(lambda a=app, p=path: a.sync.export(OFFICE_NAME, p))
            subject.append(seconds)
            log(
                f"  Lauf {rep + 1}: export {seconds:.2f} s ({result.total} Datensätze, "
                f"{path.stat().st_size / 1e6:.1f} MB); Basis Abfrage {query:.2f} s + "
                f"AES-GCM {crypt:.2f} s ({len(data) / 1e6:.1f} MB)"
            )
            path.replace(bundle)
    check(result.total >= total, (result.total, total))
    s, b = median(subject), median(base)
    value = s / b
    note = (
        f"{s:.2f} s vs Basis {b:.2f} s. app.sync.export() aller {result.total} Datensätze an "
        f"die Koordination ({bundle.stat().st_size / 1e6:.1f} MB Bündel); Basis: SELECT aller "
        f"Zeilen jeder Art ({rows}) + AESGCM.encrypt über die {len(data) / 1e6:.1f} MB "
        "Klartext-Nutzlast."
    )
    return Result("bundle_export", value, "ratio", 2.0, value <= 2.0, b, note), bundle


def bundle_import(ctx: Context, bundle: Any) -> tuple[Result, list[float]]:
    from vielfalt_desktop.store.models import RECORD_KINDS

    subject: list[float] = []
    reimport: list[float] = []
    floor: list[float] = []
    data: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    records = 0
    for rep in range(ctx.reps):
        target = copy_store(ctx.dataset().office, ctx.scratch("office"))
        with opened(target) as app:
            seconds, result = timed(lambda a=app: a.sync.import_file(bundle))
            check(not result.already_known and not result.problems, result)
            records = result.records
            subject.append(seconds)
            again, second = timed(lambda a=app: a.sync.import_file(bundle))
            check(second.already_known, second)
            reimport.append(again)
            if not data:
                data = {t: raw_rows(app.store.engine, t) for t in (*RECORD_KINDS, "tag")}
        floor.append(timed_floor(ctx.scratch("import-floor.db"), data))
        log(
            f"  Lauf {rep + 1}: import {seconds:.2f} s, nochmals {again * 1000:.0f} ms, "
            f"executemany {floor[-1]:.2f} s"
        )
    ctx.shared["reimport"] = reimport
    s, f = median(subject), median(floor)
    value = s / f
    rows = sum(len(rows) for _, rows in data.values())
    met = value <= 3.0 and s <= IMPORT_SECONDS
    note = (
        f"{s:.2f} s (Ziel ≤ {IMPORT_SECONDS:.0f} s: {'ja' if s <= IMPORT_SECONDS else 'NEIN'}) "
        f"vs Basis {f:.2f} s. app.sync.import_file() von {records} Datensätzen in einen leeren "
        f"Koordinationsbestand; Basis: sqlite3.executemany derselben {rows} Zeilen (mit Tags) "
        "in eine unverschlüsselte Datei mit gleichen Tabellen, Indexen und Pragmas."
    )
    return Result("bundle_import", value, "ratio", 3.0, met, f, note), subject


def bundle_reimport(ctx: Context, bundle: Any, import_times: list[float]) -> Result:
    again = median(ctx.shared["reimport"])
    first = median(import_times)
    value = 100.0 * again / first
    note = (
        f"{again * 1000:.0f} ms vs erster Import {first:.2f} s: dasselbe Bündel noch einmal "
        "(Signatur geprüft, am Eingangsbuch erkannt, nichts entschlüsselt oder geschrieben)."
    )
    return Result("bundle_reimport", value, "%", 5.0, value <= 5.0, first, note)
