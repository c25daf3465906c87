"""What every benchmark group shares: results, timing, the cached data set, raw-SQLite floors."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Argon2id is excluded from every benchmark; the cheapest setting the key file accepts keeps
# creating and opening stores quick. Must be set before a store is created.
os.environ.setdefault("VIELFALT_TESTING", "1")
os.environ.setdefault("VIELFALT_ARGON2_MEMORY_MIB", "64")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Bump when the way the data set is built changes; part of the cache key.
DATASET_VERSION = "3"
PASSPHRASE = "benchmark-pferd-batterie-heftklammer"
FIELD_NAME = "Bench Laptop"
OFFICE_NAME = "Bench Koordination"
SEED = 1
ROOT = Path(__file__).resolve().parent.parent


# --- results ---------------------------------------------------------------------------------


@dataclass
class Result:
    """One line of build/bench.json. ``target`` is an upper bound in ``unit``."""

    name: str
    value: float | None
    unit: str
    target: float
    met: bool
    baseline: float | None
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        if isinstance(self.value, float):
            data["value"] = round(self.value, 4)
        if isinstance(self.baseline, float):
            data["baseline"] = round(self.baseline, 4)
        return data


def missing(name: str, unit: str, target: float, note: str) -> Result:
    """An entry whose part of the program is not there (yet): no number, never a fake one."""
    return Result(name, None, unit, target, False, None, note)


def ratio(
    name: str, subject: Sequence[float], base: Sequence[float], target: float, note: str
) -> Result:
    """Median of the subject over median of the baseline (both measured in this run)."""
    s, b = statistics.median(subject), statistics.median(base)
    value = s / b if b > 0 else float("inf")
    text = f"{s:.3f} s vs Basis {b:.3f} s. {note}".strip()
    return Result(name, value, "ratio", target, value <= target, b, text)


# --- timing ----------------------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds for one call (garbage collected before, not during) and its return value."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        value = fn()
        return time.perf_counter() - start, value
    finally:
        gc.enable()


def check(condition: object, what: object) -> None:
    """A benchmark that did not do what it measures is an error, not a number."""
    if not condition:
        raise RuntimeError(f"Messung ungültig: {what!r}")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def load() -> str:
    """The machine's load (1/5/15 min) for notes on absolute times: the machine is shared."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "Last unbekannt"
    return f"Last {one:.1f}/{five:.1f}/{fifteen:.1f} bei {os.cpu_count()} Kernen"


def log(message: str) -> None:
    print(f"  · {message}", file=sys.stderr, flush=True)


# --- the run ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sizes:
    contacts: int

    @property
    def label(self) -> str:
        return f"c{self.contacts}"


LARGE = Sizes(contacts=100_000)
QUICK = Sizes(contacts=2_000)


@dataclass(frozen=True, slots=True)
class Dataset:
    """The cached stores: a filled field laptop trusting the coordinator, and an empty one."""

    root: Path
    counts: dict[str, int]

    @property
    def field(self) -> Path:
        return self.root / "field"

    @property
    def office(self) -> Path:
        return self.root / "office"


@dataclass
class Context:
    sizes: Sizes
    reps: int
    cache: Path
    quick: bool
    work: Path = field(init=False)
    _dataset: Dataset | None = None
    _field_copy: Path | None = None
    shared: dict[str, Any] = field(default_factory=dict)
    _tmp: tempfile.TemporaryDirectory[str] | None = None

    def __post_init__(self) -> None:
        self.cache.mkdir(parents=True, exist_ok=True)
        remove_abandoned(self.cache)
        # Copies live next to the cache (same disk), not in a RAM-backed /tmp.
        self._tmp = tempfile.TemporaryDirectory(prefix=f"run-{os.getpid()}-", dir=self.cache)
        self.work = Path(self._tmp.name)

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def scratch(self, name: str) -> Path:
        """A fresh, empty path under the run's work directory."""
        path = self.work / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        return path

    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = build_dataset(self.cache, self.sizes)
        return self._dataset

    def field_copy(self) -> Path:
        """One copy of the filled field store for this run (export, reports, GUI)."""
        if self._field_copy is None:
            self._field_copy = copy_store(self.dataset().field, self.scratch("field"))
        return self._field_copy


# --- the data set ----------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_abandoned(cache: Path) -> None:
    """Work and build directories of runs that were killed (their process is gone)."""
    for path in [*cache.glob("run-*-*"), *cache.glob("building-*")]:
        pid = path.name.split("-")[1]
        if path.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def dataset_key(sizes: Sizes) -> str:
    from vielfalt_desktop.store import migrate

    return f"large-v{DATASET_VERSION}-{sizes.label}-s{SEED}-{migrate.head_revision()}"


def build_dataset(cache: Path, sizes: Sizes) -> Dataset:
    """The data set for ``sizes``, built once and reused while the key matches."""
    root = cache / dataset_key(sizes)
    done = root / "dataset.json"
    if done.exists():
        info = json.loads(done.read_text())
        log(f"Datensatz aus dem Cache: {root}")
        return Dataset(root, info["counts"])
    if root.exists():
        shutil.rmtree(root)  # a build that did not finish
    for stale in cache.glob("large-*"):
        if stale.is_dir() and stale != root:
            shutil.rmtree(stale)  # keyed by sizes and version: older ones are never used again
    building = cache / f"building-{os.getpid()}"
    if building.exists():
        shutil.rmtree(building)
    building.mkdir(parents=True)
    log(f"Datensatz wird gebaut ({sizes.contacts} Kontakte) …")
    start = time.perf_counter()
    try:
        counts = _fill(building, sizes)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    info = {"counts": counts, "seconds": round(time.perf_counter() - start, 1)}
    (building / "dataset.json").write_text(json.dumps(info, indent=2))
    building.rename(root)
    log(f"Datensatz gebaut in {info['seconds']} s: {counts}")
    return Dataset(root, counts)


def _fill(root: Path, sizes: Sizes) -> dict[str, int]:
    from vielfalt_desktop import demo
    from vielfalt_desktop.services.app import App

    field_app, _ = App.create(root / "field", PASSPHRASE, role="field", name=FIELD_NAME)
    office_app, _ = App.create(root / "office", PASSPHRASE, role="office", name=OFFICE_NAME)
    try:
        field_app.sync.export_identity(root / "field.card")
        office_app.sync.export_identity(root / "office.card")
        field_app.sync.add_peer(field_app.sync.read_card(root / "office.card"))
        office_app.sync.add_peer(office_app.sync.read_card(root / "field.card"))
        # Partners are the coordinator's; the laptop's referrals go to the ones it received.
        today = office_app.store.clock.today()
        partners = demo.directory(office_app.vocab, today, sizes.contacts, SEED)
        office_app.records.create_many(partners)
        office_app.sync.export(field_app.store.node_id, root / "directory.vfb")
        field_app.sync.import_file(root / "directory.vfb")
        (root / "directory.vfb").unlink()
        result = demo.fill(field_app, contacts=sizes.contacts, seed=SEED)
        for app in (field_app, office_app):
            checkpoint(app.store.engine)
    finally:
        field_app.close()
        office_app.close()
    return {
        "contact": result.contacts,
        "referral": result.referrals,
        "conflict": result.conflicts,
        "intervention": result.interventions,
        "event": result.events,
        "partner": len(partners),
    }


def checkpoint(engine: Any) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def copy_store(source: Path, target: Path) -> Path:
    """A byte copy of a closed store (database, key file, nothing else)."""
    target.mkdir(parents=True, mode=0o700)
    for item in source.iterdir():
        if item.is_file():
            shutil.copy2(item, target / item.name)
    return target


def open_app(path: Path) -> Any:
    from vielfalt_desktop.services.app import App

    return App.open(path, PASSPHRASE, housekeeping=False)  # retention runs daily, apart


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Any]:
    app = open_app(path)
    try:
        yield app
    finally:
        app.close()


# --- raw SQLite floors -----------------------------------------------------------------------


def raw_rows(engine: Any, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """A table's rows exactly as stored (driver values, no SQLAlchemy types)."""
    with engine.connect() as conn:
        result = conn.exec_driver_sql(f'SELECT * FROM "{table}"')
        columns = list(result.keys())
        return columns, [tuple(row) for row in result]


def plain_schema(tables: Sequence[str]) -> list[str]:
    """CREATE TABLE/INDEX statements of the store's tables, as SQLite gets them."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from vielfalt_desktop.store.models import Base

    dialect = sqlite.dialect()
    statements = []
    for name in tables:
        table = Base.metadata.tables[name]
        statements.append(str(CreateTable(table).compile(dialect=dialect)))
        statements.extend(str(CreateIndex(i).compile(dialect=dialect)) for i in table.indexes)
    return statements


def raw_connection(path: Path) -> sqlite3.Connection:
    """Plain sqlite3 with the store's own connection setup (pragmas, fold())."""
    from vielfalt_desktop.store.engine import _on_connect

    conn = sqlite3.connect(path)
    _on_connect(conn, None)
    return conn


def timed_floor(path: Path, data: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    """Seconds for the inserts and commit only (the empty schema is made outside the clock)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = raw_connection(path)
    try:
        for statement in plain_schema(list(data)):
            conn.execute(statement)

        def insert() -> None:
            conn.execute("BEGIN")
            for table, (columns, rows) in data.items():
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
                conn.executemany(sql, rows)
            conn.execute("COMMIT")

        seconds, _ = timed(insert)
    finally:
        conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return seconds
