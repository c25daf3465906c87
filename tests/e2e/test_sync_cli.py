"""Sync through the command line: two laptops and a coordinator, real processes, real files.

The network is built once per module: laptops "Laptop Nord" and "Laptop Süd" (field) and two
coordinators, "Koordination" and "Koordination West" (office), every laptop trusting both
coordinators and both coordinators trusting both laptops. Each laptop fills itself with demo
data and writes a bundle for each coordinator. "Koordination" imports laptop Nord's bundle,
then laptop Süd's; "Koordination West" imports them the other way round.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.sync.bundle import Header, read_header

PASS = "korrekt-pferd-batterie-heftklammer"
COUNT_KEYS = ("contacts", "referrals", "conflicts", "interventions", "events", "partners")
NORD, SUED = "Laptop Nord", "Laptop Süd"
KOORD, WEST = "Koordination", "Koordination West"


def _env() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VIELFALT_")}
    environment["VIELFALT_TESTING"] = "1"
    environment["VIELFALT_ARGON2_MEMORY_MIB"] = "64"
    environment["VIELFALT_PASSPHRASE"] = PASS
    return environment


def _command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "vielfalt_desktop", "--data-dir", str(data_dir), *args]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(data_dir, *args),
        capture_output=True,
        text=True,
        env=_env(),
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def ok(data_dir: Path, *args: str) -> str:
    result = run(data_dir, *args)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def content(directory: Path) -> dict[str, Any]:
    """What the store holds, and every file beside it byte for byte.

    Left out: the audit trail and the revision/clock counters, which every command moves on
    by logging its unlock, and the database files themselves, which that entry rewrites.
    """
    files = {
        name: digest
        for name, digest in snapshot(directory).items()
        if not name.startswith("vielfalt.db")
    }
    store = Store.open(DataPaths(directory), PASS)
    try:
        with store.read() as conn:
            tables: dict[str, list[str]] = {}
            for name in inspect(conn).get_table_names():
                if name == "audit":
                    continue
                rows = conn.exec_driver_sql(f'SELECT * FROM "{name}"').fetchall()
                if name == "meta":
                    rows = [r for r in rows if r[0] not in ("rev", "hlc", "retention_last_run")]
                tables[name] = sorted(repr(tuple(r)) for r in rows)
    finally:
        store.close()
    return {"files": files, "tables": tables}


def stats(data_dir: Path) -> dict[str, Any]:
    counts: dict[str, Any] = json.loads(ok(data_dir, "stats", "--json"))
    return counts


def snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def header_of(path: Path) -> Header:
    return read_header(path.read_bytes())[0]


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 4, one line on stderr, no traceback."""
    assert result.returncode == 4, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("vielfalt: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def partner_csv(path: Path, name: str) -> Path:
    """The one-line partner CSV a coordinator might save from a spreadsheet."""
    path.write_text(f"Name\n{name}\n", encoding="utf-8")
    return path


def init(directory: Path, role: str, name: str) -> Path:
    ok(directory, "init", "--role", role, "--name", name)
    return directory


def trust(root: Path, truster: Path, *others: Path) -> None:
    for other in others:
        card = root / f"{other.name}.card"
        if not card.exists():
            ok(other, "identity", "export", "-o", str(card))
        out = ok(truster, "peers", "add", str(card), "--yes")
        assert "Fingerabdruck:" in out


@dataclass
class Network:
    root: Path
    nord: Path
    sued: Path
    koord: Path
    west: Path
    bundles: dict[tuple[str, str], Path]  # (laptop, coordinator) → first bundle
    laptop_stats: dict[str, dict[str, Any]]
    koord_stats: dict[str, Any]  # right after importing both laptops
    west_stats: dict[str, Any]
    import_output: str


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    root = tmp_path_factory.mktemp("sync")
    nord = init(root / "nord", "field", NORD)
    sued = init(root / "sued", "field", SUED)
    koord = init(root / "koord", "office", KOORD)
    west = init(root / "west", "office", WEST)
    for laptop in (nord, sued):
        trust(root, laptop, koord, west)
    for office in (koord, west):
        trust(root, office, nord, sued)
    listed = ok(koord, "peers", "list")
    assert NORD in listed
    assert SUED in listed

    # The partner directory is the coordinator's: it reaches the laptops (and the second
    # coordinator) in a bundle before they refer anyone to it.
    trust(root, koord, west)
    trust(root, west, koord)
    directory = root / "verzeichnis.csv"
    directory.write_text(
        "Name\nMigrationsberatung Nord e.V.\nStadtteiltreff Kannenstieg\nJobcenter Magdeburg\n",
        encoding="utf-8",
    )
    ok(koord, "partners", "import", str(directory))
    for target, name in ((nord, NORD), (sued, SUED), (west, WEST)):
        path = root / f"verzeichnis-an-{target.name}.vfb"
        ok(koord, "export", "--to", name, "-o", str(path))
        ok(target, "import", str(path))

    ok(nord, "demo", "--contacts", "60", "--seed", "1")
    ok(sued, "demo", "--contacts", "60", "--seed", "2")
    laptop_stats = {NORD: stats(nord), SUED: stats(sued)}

    bundles = {}
    for laptop, name in ((nord, NORD), (sued, SUED)):
        for office_name in (KOORD, WEST):
            path = root / f"{laptop.name}-an-{office_name.split()[-1].lower()}.vfb"
            ok(laptop, "export", "--to", office_name, "-o", str(path))
            bundles[(name, office_name)] = path
        # Writing bundles changes nothing a peer could see.
        assert stats(laptop)["digest"] == laptop_stats[name]["digest"]

    output = ok(koord, "import", str(bundles[(NORD, KOORD)]), str(bundles[(SUED, KOORD)]))
    ok(west, "import", str(bundles[(SUED, WEST)]))
    ok(west, "import", str(bundles[(NORD, WEST)]))
    return Network(
        root, nord, sued, koord, west, bundles, laptop_stats, stats(koord), stats(west), output
    )


# --- the union, in any order --------------------------------------------------------------


def test_a_first_export_carries_all_of_a_laptops_records(network: Network) -> None:
    for name in (NORD, SUED):
        header = header_of(network.bundles[(name, KOORD)])
        laptop = network.laptop_stats[name]
        assert header.sender_name == name
        assert header.since == 0
        assert header.counts["contact"] == laptop["contacts"] == 60
        for kind, key in (
            ("referral", "referrals"),
            ("conflict", "conflicts"),
            ("intervention", "interventions"),
            ("event", "events"),
        ):
            assert header.counts[kind] == laptop[key], kind
        assert header.counts["referral_status"] >= laptop["referrals"]
        # The directory came from the coordinator: a laptop sends no partner back.
        assert header.counts.get("partner", 0) == 0
        assert laptop["partners"] == 3


def test_the_coordinator_holds_the_union(network: Network) -> None:
    nord, sued = network.laptop_stats[NORD], network.laptop_stats[SUED]
    assert network.koord_stats["contacts"] == 120
    for key in COUNT_KEYS:
        if key == "partners":  # one directory, held by everyone
            assert network.koord_stats[key] == nord[key] == sued[key] == 3
            continue
        # Demo ids come from the seed, so the two laptops share no record.
        assert network.koord_stats[key] == nord[key] + sued[key], key
    assert network.koord_stats["digest"] not in (nord["digest"], sued["digest"])
    assert network.import_output.count("übernommen") == 2


def test_reverse_order_import_gives_the_same_digest(network: Network) -> None:
    assert network.west_stats == network.koord_stats


def test_reimport_is_a_noop_and_says_so(network: Network) -> None:
    koord = network.koord
    before = stats(koord)
    files = content(koord)
    first, second = network.bundles[(NORD, KOORD)], network.bundles[(SUED, KOORD)]
    out = ok(koord, "import", str(first), str(second))
    assert out.count("schon eingelesen") == 2, out
    assert "nichts geändert" in out
    assert stats(koord) == before
    assert content(koord) == files


# --- refused bundles ------------------------------------------------------------------------


def _variants(data: bytes) -> dict[str, bytes]:
    middle = bytearray(data)
    middle[len(data) // 2] ^= 0x01
    header = bytearray(data)
    header[40] ^= 0x01
    return {
        "flipped-in-the-middle": bytes(middle),
        "flipped-in-the-header": bytes(header),
        "truncated": data[: len(data) - 100],
        "signature-cut-off": data[:-64],
        "one-byte-appended": data + b"\0",
        "appended-copy": data + data,
    }


def test_tampered_copies_exit_4_and_change_nothing(network: Network) -> None:
    koord = network.koord
    before = stats(koord)
    files = content(koord)
    original = network.bundles[(SUED, KOORD)].read_bytes()
    for name, data in _variants(original).items():
        path = network.root / f"manipuliert-{name}.vfb"
        path.write_bytes(data)
        assert_refused(run(koord, "import", str(path)), path.name)
        assert content(koord) == files, name
    assert stats(koord) == before


def test_a_tampered_bundle_is_refused_before_it_is_known(network: Network, tmp_path: Path) -> None:
    # At a coordinator that has not seen the bundle yet: refused, and the intact one works.
    fresh = init(tmp_path / "neu", "office", "Koordination Neu")
    trust(tmp_path, fresh, network.nord, network.koord)
    trust(tmp_path, network.nord, fresh)
    trust(tmp_path, network.koord, fresh)
    # Referrals name partners of the directory, which the new coordinator first receives.
    directory = tmp_path / "koord-an-neu.vfb"
    ok(network.koord, "export", "--to", "Koordination Neu", "-o", str(directory))
    ok(fresh, "import", str(directory))
    bundle = tmp_path / "nord-an-neu.vfb"
    ok(network.nord, "export", "--to", "Koordination Neu", "-o", str(bundle))
    data = bundle.read_bytes()
    before = stats(fresh)
    files = content(fresh)
    for name, changed in _variants(data).items():
        tampered = tmp_path / f"manipuliert-{name}.vfb"
        tampered.write_bytes(changed)
        assert_refused(run(fresh, "import", str(tampered)))
        assert content(fresh) == files, name
    assert stats(fresh) == before
    assert "übernommen" in ok(fresh, "import", str(bundle))
    assert stats(fresh)["contacts"] == before["contacts"] == 120


def test_a_bundle_for_the_other_coordinator_exits_4(network: Network) -> None:
    koord = network.koord
    before = stats(koord)
    files = content(koord)
    # Fresh: Koordination West's copy of laptop Süd's data was never seen at Koordination.
    result = run(koord, "import", str(network.bundles[(SUED, WEST)]))
    assert_refused(result, "anderes Gerät")
    assert content(koord) == files
    assert stats(koord) == before


def test_a_bundle_for_the_other_laptop_exits_4(network: Network, tmp_path: Path) -> None:
    koord_bundle = tmp_path / "koord-an-sued.vfb"
    ok(network.koord, "export", "--to", SUED, "-o", str(koord_bundle))
    before = stats(network.nord)
    files = content(network.nord)
    assert_refused(run(network.nord, "import", str(koord_bundle)), "anderes Gerät")
    assert content(network.nord) == files
    assert stats(network.nord) == before


def test_an_untrusted_sender_exits_4(network: Network, tmp_path: Path) -> None:
    stranger = init(tmp_path / "fremd", "field", "Fremder Laptop")
    ok(stranger, "peers", "add", str(network.root / "koord.card"), "--yes")
    ok(stranger, "demo", "--contacts", "5", "--seed", "9")
    path = tmp_path / "fremd.vfb"
    ok(stranger, "export", "--to", KOORD, "-o", str(path))
    files = content(network.koord)
    assert_refused(run(network.koord, "import", str(path)), "nicht vertrauten Gerät")
    assert content(network.koord) == files


def test_its_own_card_is_refused_before_the_question(network: Network) -> None:
    peers = ok(network.koord, "peers", "list")
    result = run(network.koord, "peers", "add", str(network.root / "koord.card"))
    assert_refused(result, "dieses Geräts selbst")
    assert "Fingerabdruck" not in result.stdout  # nothing to compare: refused at once
    assert ok(network.koord, "peers", "list") == peers


def test_a_file_that_is_no_bundle_exits_4(network: Network, tmp_path: Path) -> None:
    path = tmp_path / "notiz.vfb"
    path.write_text("Das ist kein Bündel, sondern eine Notiz.\n" * 5)
    assert_refused(run(network.koord, "import", str(path)), "kein Vielfalt-Bündel")
    path.write_text("Kurz.\n")
    assert_refused(run(network.koord, "import", str(path)), "beschädigt")
    assert_refused(run(network.koord, "import", str(tmp_path / "fehlt.vfb")), "nicht lesen")


# --- coordinator → laptop, and the second export ------------------------------------------


@dataclass
class Roundtrip:
    koord_before: dict[str, Any]
    koord_after_csv: dict[str, Any]
    nord_before: dict[str, Any]
    nord_after: dict[str, Any]
    to_nord: Header
    second: Header
    first_nord_export: Header
    koord_after_second: dict[str, Any]
    nord_final: dict[str, Any]
    import_output: str


@pytest.fixture(scope="module")
def roundtrip(network: Network) -> Roundtrip:
    """The coordinator adds a partner and writes to laptop Nord; Nord answers with news."""
    root, koord, nord = network.root, network.koord, network.nord
    koord_before = stats(koord)
    ok(koord, "partners", "import", str(partner_csv(root / "partner.csv", "Neuer Partner e.V.")))
    koord_after_csv = stats(koord)

    to_nord = root / "koord-an-nord.vfb"
    ok(koord, "export", "--to", NORD, "-o", str(to_nord))
    nord_before = stats(nord)
    output = ok(nord, "import", str(to_nord))
    nord_after = stats(nord)

    # A partner of its own is refused at the laptop (the directory is the coordinator's).
    refused = run(nord, "partners", "import", str(partner_csv(root / "nord.csv", "Eigener e.V.")))
    assert refused.returncode == 4, refused.stderr
    second = root / "nord-an-koord-2.vfb"
    ok(nord, "export", "--to", KOORD, "-o", str(second))
    ok(koord, "import", str(second))
    return Roundtrip(
        koord_before=koord_before,
        koord_after_csv=koord_after_csv,
        nord_before=nord_before,
        nord_after=nord_after,
        to_nord=header_of(to_nord),
        second=header_of(second),
        first_nord_export=header_of(network.bundles[(NORD, KOORD)]),
        koord_after_second=stats(koord),
        nord_final=stats(nord),
        import_output=output,
    )


def test_a_partner_added_at_the_coordinator_reaches_the_laptop(roundtrip: Roundtrip) -> None:
    assert roundtrip.koord_after_csv["partners"] == roundtrip.koord_before["partners"] + 1
    # The laptop gets the whole directory, the new partner included.
    assert roundtrip.nord_after["partners"] == roundtrip.koord_after_csv["partners"]
    assert roundtrip.nord_after["partners"] > roundtrip.nord_before["partners"]
    # Contacts and events stay with the laptop that recorded them.
    assert roundtrip.to_nord.counts.get("contact", 0) == 0
    assert roundtrip.to_nord.counts.get("event", 0) == 0
    assert roundtrip.nord_after["contacts"] == roundtrip.nord_before["contacts"]
    assert roundtrip.nord_after["events"] == roundtrip.nord_before["events"]


def test_the_coordinators_bundle_carries_the_acknowledgement(roundtrip: Roundtrip) -> None:
    assert roundtrip.to_nord.ack == roundtrip.first_nord_export.upto
    assert roundtrip.second.since == roundtrip.first_nord_export.upto


def test_a_second_export_carries_nothing_it_carried_before(roundtrip: Roundtrip) -> None:
    counts = roundtrip.second.counts
    for kind in ("contact", "referral", "referral_status", "event"):
        assert counts.get(kind, 0) == 0, counts
    assert sum(counts.values()) < sum(roundtrip.first_nord_export.counts.values()) // 2
    # The laptop sends the coordinator's directory back to nobody; both hold the same.
    after = roundtrip.koord_after_second
    assert after["partners"] == roundtrip.koord_after_csv["partners"]
    assert roundtrip.nord_final["partners"] == after["partners"]


def test_a_second_export_carries_only_what_is_new(roundtrip: Roundtrip) -> None:
    counts = dict(roundtrip.second.counts)
    # Only the laptop's audit entries since (its unlocks, its export, the refused import).
    assert counts.pop("audit") > 0
    assert counts == {}


# --- kill -9 during import ------------------------------------------------------------------

PROC_LOCKS = Path("/proc/locks")
WAL_WRITE_LOCK_BYTE = 120  # SQLite's WAL write lock: a POSIX lock on this byte of the -shm file


@dataclass
class Kill:
    phase: str
    elapsed: float
    write_lock_held: bool
    wal_bytes: int
    returncode: int | None


def _holds_write_lock(pid: int, shm: Path) -> bool:
    """Whether `pid` is inside a write transaction on the store (from Linux /proc/locks)."""
    try:
        inode = str(shm.stat().st_ino)
        lines = PROC_LOCKS.read_text().splitlines()
    except OSError:
        return False
    for line in lines:
        # "3: POSIX  ADVISORY  WRITE 10639 fd:01:1234567 120 120"
        parts = line.split()
        if (
            len(parts) >= 8
            and parts[1:4] == ["POSIX", "ADVISORY", "WRITE"]
            and parts[4] == str(pid)
            and parts[5].rsplit(":", 1)[-1] == inode
            and parts[6] == str(WAL_WRITE_LOCK_BYTE)
        ):
            return True
    return False


def _import_and_kill(data_dir: Path, bundle: Path, phase: str, delay: float) -> Kill:
    """Start `import` and SIGKILL it.

    phase "open": the store is open (its -shm file exists) and `delay` seconds have passed, or
    the write transaction has begun, whichever comes first.
    phase "transaction": the process has held SQLite's write lock for `delay` seconds.
    """
    shm, wal = data_dir / "vielfalt.db-shm", data_dir / "vielfalt.db-wal"
    process = subprocess.Popen(
        _command(data_dir, "import", str(bundle)),
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    start = time.monotonic()
    locked_since: float | None = None
    held, elapsed, wal_bytes = False, 0.0, -1
    try:
        while process.poll() is None and time.monotonic() - start < 120:
            now = time.monotonic()
            held = _holds_write_lock(process.pid, shm)
            if phase == "open":  # killed at once should the transaction begin early
                ready = shm.exists() and (held or now - start >= delay)
            else:
                locked_since = (locked_since or now) if held else None
                ready = locked_since is not None and now - locked_since >= delay
            if ready:
                wal_bytes = wal.stat().st_size if wal.exists() else -1
                elapsed = round(now - start, 2)
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
        else:
            held, elapsed = False, round(time.monotonic() - start, 2)
    finally:
        if process.poll() is None and time.monotonic() - start >= 120:
            process.kill()
        process.wait(timeout=60)
    return Kill(phase, elapsed, held, wal_bytes, process.returncode)


@pytest.mark.skipif(not PROC_LOCKS.exists(), reason="needs Linux /proc/locks to see the lock")
def test_kill_9_during_import_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    big = init(tmp_path / "gross", "field", "Laptop Groß")
    office = init(tmp_path / "buero", "office", "Koordination Ost")
    trust(tmp_path, big, office)
    trust(tmp_path, office, big)
    ok(office, "partners", "import", str(partner_csv(tmp_path / "p.csv", "Stadtteilbüro Ost")))
    ok(big, "demo", "--contacts", "20000", "--seed", "5")
    big_stats = stats(big)
    bundle = tmp_path / "gross.vfb"
    ok(big, "export", "--to", "Koordination Ost", "-o", str(bundle))
    assert header_of(bundle).counts["contact"] == 20000

    before = stats(office)
    files = content(office)
    kills: list[Kill] = []
    # 1. Early: the store is open, ~1 s has passed, no write yet. Shorter delays if the
    #    import got to its transaction sooner.
    for delay in (1.0, 0.5, 0.2):
        kills.append(_import_and_kill(office, bundle, "open", delay))
        if not kills[-1].write_lock_held:
            break
    # 2. Inside the write transaction, half a second after it took SQLite's write lock.
    kills.append(_import_and_kill(office, bundle, "transaction", 0.5))
    print("kill -9 attempts:", kills)  # shown with -rP, for the record
    early, late = kills[-2], kills[-1]
    assert early.returncode == -signal.SIGKILL, f"import finished before the kill: {kills}"
    assert not early.write_lock_held
    assert late.returncode == -signal.SIGKILL, f"import finished before the kill: {kills}"
    assert late.write_lock_held, kills

    assert stats(office) == before
    check = run(office, "check")
    assert check.returncode == 0, check.stderr
    assert "in Ordnung" in check.stdout
    # Reopening dropped the torn transaction: nothing of it arrived.
    assert content(office) == files

    out = ok(office, "import", str(bundle))
    assert "übernommen" in out
    after = stats(office)
    for key in COUNT_KEYS:
        assert after[key] == before[key] + big_stats[key], key
    assert after["digest"] != before["digest"]
    assert run(office, "check").returncode == 0
    assert "schon eingelesen" in ok(office, "import", str(bundle))
