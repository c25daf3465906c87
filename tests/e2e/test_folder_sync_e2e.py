"""„Synchronisieren“ over one shared folder: two laptops and a coordinator, real processes.

Three real stores and one real folder in tmp. Everything that happens to the stores happens
through ``vielfalt`` subprocesses: records are written with ``vielfalt demo`` and
``vielfalt partners import``, and the only exchange is ``vielfalt sync``. A seeded random
schedule interleaves writes and syncs on the three devices with what shared folders do:
conflict copies of bundles (Nextcloud and Syncthing names), a truncated copy under a final
name, a temporary file a writer left behind, the folder missing (stick pulled) while a device
syncs. Then the two laptops sync at the same moment as the coordinator, into and out of its
mailbox. After quiet rounds of syncing everywhere:

* every device says „Nichts Neues.“, and no complete bundle is left unread;
* every record a laptop holds is at the coordinator, identical, and the coordinator holds
  exactly the union of the laptops' records (``stats --json`` digests and the records behind
  them);
* an exchange by hand (export/import between copies of the three stores) changes no digest:
  the folder brought everything a by-hand exchange would.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import trust
from tests.e2e.test_sync_cli import PASS, _command, _env, run, stats

from vielfalt_desktop.services.app import App
from vielfalt_desktop.store.database import DataPaths, Store
from vielfalt_desktop.sync import changes
from vielfalt_desktop.sync import folder as box

pytestmark = pytest.mark.slow

NORD, SUED, KOORD = "Laptop Nord", "Laptop Süd", "Koordination"
SEED = int(os.environ.get("FOLDER_SYNC_SEED", "20261124"))  # another schedule: set it
WRITES, SYNCS = 4, 5
QUIET_ROUNDS = 5


def ok(data_dir: Path, *args: str) -> str:
    result = run(data_dir, *args)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    assert result.stderr == "", result.stderr
    return result.stdout


@dataclass
class Node:
    name: str
    path: Path
    node_id: str
    outputs: list[str] = field(default_factory=list)

    def sync(self) -> str:
        out = ok(self.path, "sync").strip()
        self.outputs.append(out)
        return out


@dataclass
class Shared:
    root: Path
    share: Path
    nord: Node
    sued: Node
    koord: Node
    log: list[str]
    broken: set[str]  # names of the truncated copies thrown in (refused, left in place)
    pulled: list[subprocess.CompletedProcess[str]]
    concurrent: list[list[subprocess.CompletedProcess[str]]]
    quiet_after: int  # rounds of syncing everywhere until all three said „Nichts Neues.“
    digests: dict[str, str]
    counts: dict[str, dict[str, Any]]
    seconds: float

    @property
    def nodes(self) -> tuple[Node, Node, Node]:
        return (self.nord, self.sued, self.koord)


def _create(root: Path, share: Path) -> tuple[Node, Node, Node]:
    """Three stores that trust each other (laptops ↔ coordinator), made in this process; the
    laptops' sync folder is set here too (the coordinator's with the command line)."""
    apps = {
        name: App.create(root / slug, PASS, role=role, name=name)[0]
        for name, slug, role in (
            (NORD, "nord", "field"),
            (SUED, "sued", "field"),
            (KOORD, "koord", "office"),
        )
    }
    try:
        trust(apps[KOORD], apps[NORD], root / "karten")
        trust(apps[KOORD], apps[SUED], root / "karten")
        for name in (NORD, SUED):
            apps[name].folder_sync.set_folder(share)
        nodes = tuple(Node(n, a.store.paths.root, a.store.node_id) for n, a in apps.items())
    finally:
        for app in apps.values():
            app.close()
    nord, sued, koord = nodes
    return nord, sued, koord


def _bundles(share: Path) -> list[Path]:
    return sorted(p for p in share.glob("an-*/*") if p.is_file() and box.is_bundle_name(p.name))


def _sync_at_once(nodes: tuple[Node, ...]) -> list[subprocess.CompletedProcess[str]]:
    """Start ``vielfalt sync`` on every node at the same moment; wait for all."""
    processes = [
        subprocess.Popen(
            _command(node.path, "sync"),
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for node in nodes
    ]
    results = []
    for node, process in zip(nodes, processes, strict=True):
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
        node.outputs.append(out.strip())
    return results


DISTURBANCES = ("conflict", "syncthing", "truncated", "leftover", "pulled")


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    start = time.monotonic()
    root = tmp_path_factory.mktemp("ordner-sync")
    share = root / "Nextcloud" / "Vielfalt"
    share.mkdir(parents=True)
    nord, sued, koord = _create(root, share)
    nodes = (nord, sued, koord)
    out = ok(koord.path, "sync-folder", "set", str(share))  # the laptops' were set in _create
    assert str(box.mailbox_path(share, koord.node_id)) in out
    rng = random.Random(SEED)
    log: list[str] = []
    broken: set[str] = set()
    pulled: list[subprocess.CompletedProcess[str]] = []
    counter = 0

    def write(node: Node) -> None:
        nonlocal counter
        counter += 1
        if node is koord:
            csv = root / f"partner-{counter}.csv"
            csv.write_text(f"Name\nPartner {counter} e.V.\n", encoding="utf-8")
            ok(koord.path, "partners", "import", str(csv))
        else:
            ok(node.path, "demo", "--contacts", str(rng.randint(2, 6)), "--seed", str(counter))
        log.append(f"write {node.name}")

    def sync(node: Node) -> None:
        node.sync()
        log.append(f"sync {node.name}")

    def disturb(what: str) -> bool:
        """Do what a shared folder does; False if it needs a bundle and none is there."""
        if what == "pulled":  # the stick is not plugged in while a device syncs
            away = share.with_name("abgezogen")
            share.rename(away)
            try:
                pulled.append(run(rng.choice(nodes).path, "sync"))
            finally:
                away.rename(share)
            log.append("disturb pulled")
            return True
        found = [p for p in _bundles(share) if "-abgebrochen" not in p.name]
        if not found:
            return False
        source = rng.choice(found)
        stem = source.name.removesuffix(".vfb")
        data = source.read_bytes()
        if what == "conflict":  # Nextcloud/ownCloud
            target = source.with_name(f"{stem} (conflicted copy 2026-11-24 101500).vfb")
            target.write_bytes(data)
        elif what == "syncthing":
            target = source.with_name(f"{stem}.sync-conflict-20261124-101500-ABCDEFG.vfb")
            target.write_bytes(data)
        elif what == "truncated":  # a copy broken off, under its final name
            target = source.with_name(f"{stem}-abgebrochen.vfb")
            target.write_bytes(data[: rng.randint(1, len(data) - 1)])
            broken.add(target.name)
        else:  # a writer died before its rename: its temp file, half written
            target = source.with_name(f".{source.name}.{rng.randbytes(6).hex()}.tmp")
            target.write_bytes(data[: len(data) // 2])
        log.append(f"disturb {what} {source.parent.name[:11]}")
        return True

    # The directory comes first, as in real life; then anything in any order: every
    # disturbance once, among random writes and syncs on random devices.
    write(koord)
    sync(koord)
    schedule = [f"disturb {d}" for d in DISTURBANCES] + ["write"] * WRITES + ["sync"] * SYNCS
    rng.shuffle(schedule)
    waiting: list[str] = []
    for action in schedule:
        if action == "write":
            write(rng.choice(nodes))
        elif action == "sync":
            sync(rng.choice(nodes))
        elif not disturb(action.split()[1]):
            waiting.append(action)  # no bundle lies in the folder just now: later
        waiting = [a for a in waiting if a == action or not disturb(a.split()[1])]
    for action in waiting:  # still none: make one
        write(nord)
        sync(nord)
        assert disturb(action.split()[1])

    # Two laptops write into the coordinator's mailbox while it reads and writes.
    concurrent = []
    for _ in range(2):
        write(nord)
        write(sued)
        concurrent.append(_sync_at_once(nodes))
        log.append("sync all at once")

    quiet_after = 0
    for number in range(1, QUIET_ROUNDS + 1):
        outputs = [node.sync() for node in nodes]
        if all(out == "Nichts Neues." for out in outputs):
            quiet_after = number
            break

    counts = {node.name: stats(node.path) for node in nodes}
    digests = {name: c["digest"] for name, c in counts.items()}
    return Shared(
        root,
        share,
        nord,
        sued,
        koord,
        log,
        broken,
        pulled,
        concurrent,
        quiet_after,
        digests,
        counts,
        time.monotonic() - start,
    )


# --- the run --------------------------------------------------------------------------------


def test_the_schedule_had_everything_in_it(shared: Shared) -> None:
    kinds = {entry.split()[0] for entry in shared.log}
    assert kinds == {"write", "sync", "disturb"}, shared.log
    done = {entry.split()[1] for entry in shared.log if entry.startswith("disturb")}
    assert done == set(DISTURBANCES)
    assert len(shared.pulled) == 1
    assert len(shared.broken) == 1
    assert any(entry.startswith("sync all at once") for entry in shared.log)
    assert any(out.startswith(("1 ", "2 ", "3 ", "4 ")) for out in shared.koord.outputs)
    print(f"\nschedule ({shared.seconds:.1f} s): " + "; ".join(shared.log))


def test_a_pulled_stick_is_one_line_and_exit_4(shared: Shared) -> None:
    for result in shared.pulled:
        assert result.returncode == 4, (result.stdout, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert "nicht erreichbar" in line
        assert "Es wurde nichts geändert." in line
        assert result.stdout == ""


def test_syncing_at_the_same_moment_works(shared: Shared) -> None:
    for results in shared.concurrent:
        for result in results:
            assert result.returncode == 0, (result.stdout, result.stderr)
            assert result.stderr == ""


def test_quiet_rounds_end_in_nichts_neues_everywhere(shared: Shared) -> None:
    # A round in which all three found nothing and wrote nothing: from here on it stays so.
    assert 1 <= shared.quiet_after <= QUIET_ROUNDS, [n.outputs[-4:] for n in shared.nodes]


def test_no_complete_bundle_is_left_unread(shared: Shared) -> None:
    left = {p.name for p in _bundles(shared.share)}
    # Only the truncated copies remain: refused once, left where they are, not tried again.
    assert left == shared.broken
    for node in shared.nodes:
        own = box.mailbox_path(shared.share, node.node_id)
        assert (own / "name.txt").read_text(encoding="utf-8") == f"{node.name}\n"


def test_a_refusal_was_named_once(shared: Shared) -> None:
    notes = [o for n in shared.nodes for o in n.outputs if "übersprungen" in o]
    named = [name for name in shared.broken if any(name in note for note in notes)]
    assert sorted(named) == sorted(shared.broken)
    for name in shared.broken:
        assert sum(note.count(name) for note in notes) == 1, name


# --- the same merged state as by hand ---------------------------------------------------------


def _records(data_dir: Path) -> set[bytes]:
    """Every record a store holds, as the digest sees it (kind, id, deleted, values)."""
    store = Store.open(DataPaths(data_dir), PASS)
    try:
        with store.read() as conn:
            return set(changes._digest_lines(conn))
    finally:
        store.close()


def test_the_coordinator_holds_exactly_the_union_of_the_laptops(shared: Shared) -> None:
    nord, sued, koord = (_records(n.path) for n in shared.nodes)
    assert nord <= koord
    assert sued <= koord
    assert koord == nord | sued
    counts = shared.counts
    assert counts[KOORD]["contacts"] == counts[NORD]["contacts"] + counts[SUED]["contacts"]
    assert counts[NORD]["contacts"] > 0
    assert counts[SUED]["contacts"] > 0
    assert counts[KOORD]["partners"] == counts[NORD]["partners"] == counts[SUED]["partners"]
    # Shared records (the directory, shared conflicts) are the same on all three.
    assert len({shared.digests[n] for n in (NORD, SUED, KOORD)}) == 3


def test_an_exchange_by_hand_changes_nothing(shared: Shared, tmp_path: Path) -> None:
    copies = {}
    for node in shared.nodes:
        copies[node.name] = tmp_path / node.path.name
        shutil.copytree(node.path, copies[node.name])
    apps = {name: App.open(path, PASS, housekeeping=False) for name, path in copies.items()}
    try:
        for name, app in apps.items():
            assert app.sync.digest() == shared.digests[name]
        stick = tmp_path / "stick"
        stick.mkdir()
        for sender, receiver in ((NORD, KOORD), (SUED, KOORD), (KOORD, NORD), (KOORD, SUED)):
            to = apps[receiver].store.node_id
            path = apps[sender].sync.bundle_path(receiver, stick)
            apps[sender].sync.export(to, path)
            result = apps[receiver].sync.import_file(path)
            assert not result.already_known
        for name, app in apps.items():
            assert app.sync.digest() == shared.digests[name], name
    finally:
        for app in apps.values():
            app.close()


def test_runtime_is_reasonable(shared: Shared) -> None:
    assert shared.seconds < 120, shared.seconds
    calls = sum(len(n.outputs) for n in shared.nodes)
    print(
        f"\nfolder sync e2e: {shared.seconds:.1f} s, {calls} sync runs, quiet after "
        f"{shared.quiet_after} rounds, {os.cpu_count()} cores"
    )


# --- the commands themselves ------------------------------------------------------------------


def test_sync_folder_commands_and_their_exit_codes(tmp_path: Path) -> None:
    app, _ = App.create(tmp_path / "ost", PASS, role="field", name="Laptop Ost")
    data_dir, node_id = app.store.paths.root, app.store.node_id
    app.close()
    refused = run(data_dir, "sync")
    assert refused.returncode == 4
    assert refused.stderr.strip() == (
        "vielfalt: Es ist kein Synchronisationsordner eingestellt (Einstellungen, oder "
        "„vielfalt sync-folder set ORDNER“)."
    )
    missing = run(data_dir, "sync-folder", "set", str(tmp_path / "Stick"))
    assert missing.returncode == 4
    [line] = missing.stderr.strip().splitlines()
    assert "nicht erreichbar" in line
    share = tmp_path / "Freigabe"
    share.mkdir()
    out = ok(
        data_dir, "sync-folder", "set", str(share), "--automatic", "off", "--keep-processed", "on"
    )
    assert f"Synchronisationsordner:      {share}" in out
    assert "Automatisch synchronisieren: nein" in out
    assert "Erledigte Bündel behalten:   ja" in out
    assert ok(data_dir, "sync") == "Nichts Neues.\n"
    assert "Kein Synchronisationsordner mehr" in ok(data_dir, "sync-folder", "clear")
    assert [p.name for p in share.iterdir()] == [f"an-{node_id}"]  # left as it was
