"""Two programs, one store: the desktop app, the command line and scripts share a data folder.

Everything on the real clock (each command line run is its own process with the real clock);
nothing here depends on the date. Real processes, real SQLCipher stores in tmp dirs.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from vielfalt_desktop.domain.errors import StoreError
from vielfalt_desktop.domain.records import Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.audit import AuditFilter
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.store.engine import BUSY_EXIT_CODE
from vielfalt_desktop.store.models import TABLE_BY_KIND
from vielfalt_desktop.store.vault import KeyFile

PASS = "korrekt-pferd-batterie-heftklammer"


def _env(**extra: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VIELFALT_")}
    environment["VIELFALT_TESTING"] = "1"
    environment["VIELFALT_ARGON2_MEMORY_MIB"] = "64"
    environment["VIELFALT_PASSPHRASE"] = PASS
    environment.update(extra)
    return environment


def run(data_dir: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vielfalt_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=_env(),
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


def ok(data_dir: Path, *args: str) -> str:
    result = run(data_dir, *args)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    assert "OperationalError" not in result.stderr
    return result.stdout


CONTACTS = textwrap.dedent(
    """
    import datetime as dt
    import sys
    from pathlib import Path
    from vielfalt_desktop.domain.records import Contact
    from vielfalt_desktop.services.app import App

    app = App.open(Path(sys.argv[1]), sys.argv[2], housekeeping=False)
    try:
        day = app.store.clock.today() - dt.timedelta(days=1)
        for _ in range(int(sys.argv[3])):
            app.records.create(Contact(
                date=day, district="kannenstieg", target_group="drittstaat", topics=("wohnen",),
            ))
    finally:
        app.close()
    """
)


def write_contacts(data_dir: Path, count: int) -> None:
    """Another program (a script) records ``count`` contacts on a laptop."""
    result = subprocess.run(
        [sys.executable, "-c", CONTACTS, str(data_dir), PASS, str(count)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def stats(data_dir: Path) -> dict[str, object]:
    return dict(json.loads(ok(data_dir, "stats", "--json")))


def partner(name: str) -> Partner:
    return Partner(
        name=name,
        partner_kind="beratungsstelle",
        districts=("kannenstieg",),
        topics=("arbeit",),
        languages=("de",),
    )


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A coordinator and a laptop that trust each other, made by the command line."""
    root = tmp_path_factory.mktemp("zwei")
    office, laptop = root / "koordination", root / "laptop"
    ok(office, "init", "--role", "office", "--name", "Koordination")
    ok(laptop, "init", "--role", "field", "--name", "Laptop Nord")
    ok(office, "identity", "export", "-o", str(root / "office.vfcard"))
    ok(laptop, "identity", "export", "-o", str(root / "laptop.vfcard"))
    ok(office, "peers", "add", str(root / "laptop.vfcard"), "--yes")
    ok(laptop, "peers", "add", str(root / "office.vfcard"), "--yes")
    return root, office, laptop


def _meta_rev(data_dir: Path) -> int:
    store = Store.open(DataPaths(data_dir), PASS)
    try:
        return store.rev
    finally:
        store.close()


def test_an_edit_in_the_open_app_after_a_cli_import_and_export_reaches_the_laptop(
    pair: tuple[Path, Path, Path],
) -> None:
    """The reported loss: app open (rev cached), CLI imports and exports, then the app edits."""
    root, office, laptop = pair
    app = App.open(office, PASS)  # the desktop app, open all along
    try:
        write_contacts(laptop, 20)
        ok(laptop, "export", "--to", "Koordination", "-o", str(root / "a.vfb"))
        ok(office, "import", str(root / "a.vfb"))  # moves the store's rev on
        ok(office, "export", "--to", "Laptop Nord", "-o", str(root / "b.vfb"))
        before = app.store.rev
        created = app.records.create(partner("Beratung nach dem Import"))
        after = app.store.rev
        assert after == before + 1  # from the store, not the app's memory
        assert _meta_rev(office) == after  # never went back
    finally:
        app.close()
    ok(laptop, "import", str(root / "b.vfb"))
    ok(office, "export", "--to", "Laptop Nord", "-o", str(root / "c.vfb"))
    out = ok(laptop, "import", str(root / "c.vfb"))
    assert "0 Einträge" not in out  # the app's edit is in this bundle
    ok(laptop, "export", "--to", "Koordination", "-o", str(root / "d.vfb"))
    ok(office, "import", str(root / "d.vfb"))
    office_stats, laptop_stats = stats(office), stats(laptop)
    assert office_stats["digest"] == laptop_stats["digest"]
    store = Store.open(DataPaths(laptop), PASS)
    try:
        with store.read() as conn:
            table = TABLE_BY_KIND["partner"]
            names = set(conn.execute(select(table.c.name).where(table.c.id == created.id)))
        assert names == {("Beratung nach dem Import",)}
    finally:
        store.close()


@pytest.mark.parametrize("seed", [11, 12])
def test_interleaved_app_edits_cli_imports_and_exports_converge(
    pair: tuple[Path, Path, Path], seed: int
) -> None:
    """A random interleaving of app writes, laptop writes, imports and exports; then one sync
    round. The store's rev only ever grows, and both sides end with the same digest."""
    root, office, laptop = pair
    rng = random.Random(seed)
    app = App.open(office, PASS)
    revs = [app.store.rev]
    inbox_office: list[Path] = []
    inbox_laptop: list[Path] = []
    try:
        for step in range(8):
            action = rng.choice(("app", "app", "laptop", "to_office", "to_laptop", "import"))
            bundle = root / f"s{seed}-{step}.vfb"
            if action == "app":
                app.records.create(partner(f"Partner {seed}-{step}"))
            elif action == "laptop":
                write_contacts(laptop, 3)
            elif action == "to_office":
                ok(laptop, "export", "--to", "Koordination", "-o", str(bundle))
                inbox_office.append(bundle)
            elif action == "to_laptop":
                ok(office, "export", "--to", "Laptop Nord", "-o", str(bundle))
                inbox_laptop.append(bundle)
            elif inbox_office:
                ok(office, "import", *map(str, inbox_office))
                inbox_office.clear()
            revs.append(app.store.rev)
    finally:
        app.close()
    assert revs == sorted(revs)
    if inbox_laptop:
        ok(laptop, "import", *map(str, inbox_laptop))
    for name in ("r1", "r3"):  # laptop → office, office → laptop, twice (acks settle)
        ok(laptop, "export", "--to", "Koordination", "-o", str(root / f"{seed}{name}.vfb"))
        ok(office, "import", str(root / f"{seed}{name}.vfb"))
        ok(office, "export", "--to", "Laptop Nord", "-o", str(root / f"{seed}{name}b.vfb"))
        ok(laptop, "import", str(root / f"{seed}{name}b.vfb"))
    assert stats(office)["digest"] == stats(laptop)["digest"]


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from vielfalt_desktop.domain.records import Partner
    from vielfalt_desktop.services.app import App

    app = App.open(Path(sys.argv[1]), sys.argv[2], housekeeping=False)
    try:
        print("bereit", flush=True)
        sys.stdin.readline()  # start together
        for i in range(int(sys.argv[4])):
            app.records.create(Partner(
                name=f"{sys.argv[3]} {i}", partner_kind="beratungsstelle",
                districts=("kannenstieg",), topics=("arbeit",), languages=("de",),
            ))
    finally:
        app.close()
    """
)


def test_two_processes_writing_at_once_never_share_a_rev(tmp_path: Path) -> None:
    data_dir = tmp_path / "daten"
    ok(data_dir, "init", "--role", "office", "--name", "Koordination")
    start = _meta_rev(data_dir)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), PASS, name, "25"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for name in ("A", "B")
    ]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "bereit"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("los\n")
        writer.stdin.flush()
    for writer in writers:
        _out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    store = Store.open(DataPaths(data_dir), PASS)
    try:
        with store.read() as conn:
            table = TABLE_BY_KIND["partner"]
            revs = [r for (r,) in conn.execute(select(table.c.rev))]
        assert len(revs) == 50
        assert len(set(revs)) == 50  # one transaction, one rev; none reused
        # 50 partner writes and two unlock entries, each its own transaction
        assert store.rev == start + 52
    finally:
        store.close()


# --- busy is busy -----------------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from vielfalt_desktop.store.database import DataPaths, Store

    store = Store.open(DataPaths(Path(sys.argv[1])), sys.argv[2])
    with store.write():
        print("gesperrt", flush=True)
        sys.stdin.readline()
    store.close()
    """
)


@contextlib.contextmanager
def holding(office: Path) -> Iterator[Path]:
    """Another process holds the store's write lock until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(office), PASS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "gesperrt"
    try:
        yield office
    finally:
        holder.communicate("\n", timeout=60)  # lets go and closes the pipes


@pytest.fixture
def held(pair: tuple[Path, Path, Path]) -> Iterator[Path]:
    with holding(pair[1]) as office:
        yield office


def test_reading_works_while_another_program_holds_the_write_lock(held: Path) -> None:
    started = time.monotonic()
    result = run(held, "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert "OperationalError" not in result.stderr + result.stdout
    assert time.monotonic() - started < 20  # no waiting for the lock


def test_a_write_waits_says_so_once_then_gives_up_with_its_own_code(
    pair: tuple[Path, Path, Path], held: Path
) -> None:
    root, _office, laptop = pair
    ok(laptop, "export", "--to", "Koordination", "-o", str(root / "busy.vfb"))
    before = {p.name: p.read_bytes() for p in held.iterdir() if p.name == "vielfalt.db"}
    result = run(held, "--wait", "3", "import", str(root / "busy.vfb"))
    assert result.returncode == BUSY_EXIT_CODE, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "vielfalt: Der Datenbestand wird gerade von einem anderen Vorgang benutzt – warte …",
        "vielfalt: Der Datenbestand wird gerade von einem anderen Vorgang benutzt; es wurde "
        "nichts geändert. Bitte später noch einmal versuchen.",
    ]
    assert "OperationalError" not in result.stdout + result.stderr
    assert before == {p.name: p.read_bytes() for p in held.iterdir() if p.name == "vielfalt.db"}


def test_unlocks_noted_while_busy_reach_the_audit_trail_later(
    pair: tuple[Path, Path, Path],
) -> None:
    _root, office, _laptop = pair
    app = App.open(office, PASS)
    try:
        unlocks_before = app.audit.count(AuditFilter(action="unlock"))
    finally:
        app.close()
    with holding(office):
        assert run(office, "stats").returncode == 0
        assert run(office, "stats").returncode == 0
        noted = json.loads((office / "entsperrungen.json").read_text())
        assert len(noted) == 2  # noted beside the store, not lost
    app = App.open(office, PASS)
    try:
        assert not (office / "entsperrungen.json").exists()
        # the two noted while busy, and this one
        assert app.audit.count(AuditFilter(action="unlock")) == unlocks_before + 3
    finally:
        app.close()


# --- the command line's growing wait after wrong passphrases ----------------------------------


def test_wrong_passphrases_cost_a_growing_wait_across_invocations(tmp_path: Path) -> None:
    data_dir = tmp_path / "daten"
    ok(data_dir, "init", "--role", "field", "--name", "Laptop")
    environment = _env(VIELFALT_PASSPHRASE="ganz-falsche-passphrase")
    command = [sys.executable, "-m", "vielfalt_desktop", "--data-dir", str(data_dir), "stats"]
    timings = []
    for _ in range(3):
        started = time.monotonic()
        result = subprocess.run(
            command, capture_output=True, text=True, env=environment, timeout=120, check=False
        )
        timings.append(time.monotonic() - started)
        assert result.returncode == 3
    noted = json.loads((data_dir / "entsperrversuche.json").read_text())
    assert len(noted) == 3
    # The third wait (4 s from the third attempt) is still running when the next run starts
    # (each run takes well under 4 s to reach the unlock: see timings).
    assert timings[0] < 4
    result = run(data_dir, "stats")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("vielfalt: Nach 3 falschen Eingaben bitte ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (data_dir / "entsperrversuche.json").exists()  # moved into the audit trail
    assert run(data_dir, "stats").stderr == ""  # an unlock resets the wait


# --- rekey: the passphrase became known -------------------------------------------------------


def test_rekey_an_old_key_file_with_the_old_passphrase_no_longer_opens(tmp_path: Path) -> None:
    data_dir = tmp_path / "daten"
    ok(data_dir, "init", "--role", "field", "--name", "Laptop")
    write_contacts(data_dir, 5)
    before = stats(data_dir)
    old_key_file = tmp_path / "alte-kopie.key"
    old_key_file.write_bytes((data_dir / "vielfalt.key").read_bytes())
    old_db = tmp_path / "alte-kopie.db"
    old_db.write_bytes((data_dir / "vielfalt.db").read_bytes())
    new_pass = "eine-neue-unbekannte-passphrase"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vielfalt_desktop",
            "--data-dir",
            str(data_dir),
            "passwd",
            "--rekey",
        ],
        capture_output=True,
        text=True,
        env=_env(VIELFALT_NEW_PASSPHRASE=new_pass),
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Neuer Wiederherstellungsschlüssel" in result.stdout
    recovery = result.stdout.split("bitte notieren):\n")[1].split("\n")[0].strip()
    assert not (data_dir / "vielfalt.key.neu").exists()

    # the store now opens only with the new key file: new passphrase or new recovery key
    app = App.open(data_dir, new_pass)
    try:
        assert app.sync.digest() == before["digest"]
    finally:
        app.close()
    Store.open_with_recovery(DataPaths(data_dir), recovery).close()
    # an old copy of the key file with the old passphrase: refused by the store
    stolen = tmp_path / "gestohlen"
    stolen.mkdir()
    (stolen / "vielfalt.db").write_bytes((data_dir / "vielfalt.db").read_bytes())
    (stolen / "vielfalt.key").write_bytes(old_key_file.read_bytes())
    with pytest.raises(StoreError, match="nicht öffnen"):
        Store.open(DataPaths(stolen), PASS)
    # ... while an old copy of the database (a backup) still opens with it: hence the warning
    (stolen / "vielfalt.db").write_bytes(old_db.read_bytes())
    for leftover in stolen.glob("vielfalt.db-*"):
        leftover.unlink()
    Store.open(DataPaths(stolen), PASS).close()
    assert "ältere Sicherungen aber schon" in result.stdout


def test_an_interrupted_rekey_is_resolved_at_the_next_unlock(tmp_path: Path) -> None:
    """Crash after PRAGMA rekey, before the new key file replaced the old one."""
    data_dir = tmp_path / "daten"
    app, _ = App.create(data_dir, PASS, role="field", name="Laptop")
    try:
        paths = app.store.paths
        keyfile = KeyFile.load(paths.key)
        new_key = bytearray(os.urandom(32))
        fresh, _recovery = KeyFile.fresh(
            paths.pending_key, keyfile.store_id, new_key, "die-neue-passphrase", keyfile.params
        )
        fresh.save()
        app.store.rekey(new_key)
    finally:
        app.close()
    assert paths.pending_key.exists()
    store = Store.open(paths, "die-neue-passphrase")
    store.close()
    assert not paths.pending_key.exists()
    assert KeyFile.load(paths.key).unlock("die-neue-passphrase") == bytes(new_key)
