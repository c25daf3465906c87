"""Sync over a shared folder: each reality of a share, a Nextcloud folder or a stick as an attack.

Real encrypted stores on one fixed clock, real bundles, a real folder in tmp. Failures of the
file system (a full disk, a pulled stick, a read-only share) are made by raising the OSError
the system would raise, at the point it would raise it; everything else is the real thing.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from tests.conftest import NOW, PASSPHRASE, trust, trusted_pair
from tests.unit.folder_sync_helpers import (
    DAY,
    bundles_in,
    contact,
    files_under,
    laptop_bundle,
    mailbox,
    news_for_laptops,
    pair,
    share,
    state_of,
)

from vielfalt_desktop import fileio
from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.services import folder_sync as folder_sync_module
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.folder_sync import FolderSyncResult
from vielfalt_desktop.sync import folder as box

__all__ = ["pair", "share"]  # fixtures, used by name

# --- the layout -------------------------------------------------------------------------------


def test_each_device_gets_a_mailbox_named_by_node_id_with_a_name_file(
    pair: tuple[App, App], share: Path
) -> None:
    office, laptop = pair
    for app in (office, laptop):
        own = mailbox(app)
        assert own == share / f"an-{app.store.node_id}"
        assert (own / "name.txt").read_text(encoding="utf-8") == f"{app.store.node_name}\n"
    assert sorted(p.name for p in share.iterdir()) == sorted(
        f"an-{a.store.node_id}" for a in (office, laptop)
    )


def test_a_writer_makes_a_missing_peer_mailbox_but_never_rewrites_its_name_file(
    tmp_path: Path, clock: FixedClock, share: Path
) -> None:
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Nord")
    laptop.folder_sync.settle_seconds = 0.05
    laptop.folder_sync.set_folder(share)  # the coordinator has not set its folder yet
    contact(laptop)
    [written] = laptop.folder_sync.run().written
    peer_box = share / f"an-{office.store.node_id}"
    assert written.path.parent == peer_box
    assert (peer_box / "name.txt").read_text(encoding="utf-8") == "Koordination\n"
    # A name file says who a mailbox is for; it is informational and never rewritten by others.
    (peer_box / "name.txt").write_text("Irgendwer\n", encoding="utf-8")
    contact(laptop, 1)
    laptop.folder_sync.run()
    assert (peer_box / "name.txt").read_text(encoding="utf-8") == "Irgendwer\n"
    # Its own device corrects its own name file.
    office.folder_sync.set_folder(share)
    assert (peer_box / "name.txt").read_text(encoding="utf-8") == "Koordination\n"
    office.close()
    laptop.close()


def test_names_that_are_read_and_names_that_are_not() -> None:
    read = [
        "Laptop-Nord_an_Koordination_2026-11-24.vfb",
        "Laptop-Nord_an_Koordination_2026-11-24-2.vfb",
        "LAPTOP.VFB",
        "Laptop-Nord_an_Koordination_2026-11-24 (conflicted copy 2026-11-25 101500).vfb",
        "Laptop-Nord_an_Koordination_2026-11-24.sync-conflict-20261125-101500-ABCDEFG.vfb",
    ]
    ignored = [
        ".Laptop-Nord_an_Koordination_2026-11-24.vfb.3fa2c1d0e4b5.tmp",
        ".Laptop-Nord_an_Koordination_2026-11-24.vfb",
        ".syncthing.Laptop-Nord.vfb.tmp",
        "Laptop-Nord.vfb.part",
        "Laptop-Nord.vfb.tmp",
        "~$Laptop-Nord.vfb",
        "Laptop-Nord.vfcard",
        "name.txt",
        "",
    ]
    assert [n for n in read if box.is_bundle_name(n)] == read
    assert [n for n in ignored if box.is_bundle_name(n)] == []
    assert box.is_conflict_copy(read[3])
    assert box.is_conflict_copy(read[4])
    assert not box.is_conflict_copy(read[0])
    with pytest.raises(ValueError, match="node id"):
        box.mailbox_name("../../etc")


# --- temporary names and growing files --------------------------------------------------------


def test_a_bundle_is_written_under_a_temporary_dot_name_and_renamed_when_complete(
    pair: tuple[App, App], monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = pair
    contact(laptop)
    seen_at_rename: list[tuple[str, int, list[str]]] = []
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        # The moment before the rename: what a reader listing the mailbox would find.
        found = [c.name for c in box.candidates(mailbox(office))]
        seen_at_rename.append((Path(src).name, os.stat(src).st_size, found))
        real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", replace)
    [written] = laptop.folder_sync.run().written
    monkeypatch.undo()
    [(temp_name, size, listed)] = seen_at_rename
    assert temp_name.startswith(f".{written.path.name}.")
    assert temp_name.endswith(".tmp")
    assert not box.is_bundle_name(temp_name)
    assert size == written.path.stat().st_size  # complete (and fsynced) before the rename
    assert listed == []  # a reader at that moment sees nothing at all
    assert office.folder_sync.run().new_bundles[0].bundle_id == written.bundle_id


def test_a_file_still_growing_under_its_final_name_waits_for_the_next_run(
    pair: tuple[App, App], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)
    data = path.read_bytes()
    # A file manager copying onto the share under the final name: half there, and growing
    # while the reader takes its second look.
    path.unlink()
    copy = mailbox(office) / "Laptop-Nord_Kopie.vfb"
    copy.write_bytes(data[: len(data) // 2])
    real_sleep = box.time.sleep

    def sleep_while_growing(seconds: float) -> None:
        with copy.open("ab") as handle:
            handle.write(data[len(data) // 2 : len(data) // 2 + 100])
        real_sleep(seconds)

    monkeypatch.setattr(box.time, "sleep", sleep_while_growing)
    calls: list[Path] = []
    real_import = office.sync.import_file
    monkeypatch.setattr(office.sync, "import_file", lambda p: calls.append(p) or real_import(p))
    before = state_of(office)
    result = office.folder_sync.run()
    assert calls == []  # not even opened
    assert result.imported == ()
    assert result.refused == ()
    assert office.sync.digest() == before[1]
    assert office.folder_sync.has_incoming()  # not remembered as refused
    monkeypatch.undo()
    copy.write_bytes(data)  # the copy finished
    result = office.folder_sync.run()
    assert [r.records for r in result.new_bundles] == [sum(written_counts(data).values())]
    assert not copy.exists()


def written_counts(data: bytes) -> dict[str, int]:
    from vielfalt_desktop.sync.bundle import read_header

    return read_header(data)[0].counts


def test_files_that_are_not_bundles_are_never_read(
    pair: tuple[App, App], monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)
    own = mailbox(office)
    data = path.read_bytes()
    path.unlink()
    for name in (".laptop.vfb.1234.tmp", "laptop.vfb.part", "~$laptop.vfb", "laptop.vfb.tmp"):
        (own / name).write_bytes(data)
    (own / "ordner.vfb").mkdir()
    (own / "verweis.vfb").symlink_to(own / "laptop.vfb.part")
    calls: list[Path] = []
    real_import = office.sync.import_file
    monkeypatch.setattr(office.sync, "import_file", lambda p: calls.append(p) or real_import(p))
    before = files_under(own)
    result = office.folder_sync.run()
    assert calls == []
    assert result.imported == ()
    assert result.refused == ()
    assert files_under(own) == before
    assert not office.folder_sync.has_incoming()


# --- conflict copies --------------------------------------------------------------------------


def test_conflict_copies_are_read_like_any_bundle_and_applied_once(pair: tuple[App, App]) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop, records=3)
    data = path.read_bytes()
    stem = path.name.removesuffix(".vfb")
    nextcloud = path.with_name(f"{stem} (conflicted copy 2026-11-24 101500).vfb")
    syncthing = path.with_name(f"{stem}.sync-conflict-20261124-101500-ABCDEFG.vfb")
    shutil.copyfile(path, nextcloud)
    shutil.copyfile(path, syncthing)
    result = office.folder_sync.run()
    assert len(result.imported) == 3
    assert len(result.new_bundles) == 1
    assert result.refused == ()
    assert office.stats.counts()["contacts"] == 3
    assert bundles_in(mailbox(office)) == []
    assert "1 Bündel eingelesen: " in result.summary()
    assert "2 Bündel waren schon eingelesen." in result.summary()
    # A copy that arrives later (the sync client was slow) still changes nothing.
    digest = office.sync.digest()
    nextcloud.write_bytes(data)
    late = office.folder_sync.run()
    assert [r.already_known for r in late.imported] == [True]
    assert office.sync.digest() == digest
    assert not nextcloud.exists()


# --- garbage, truncated, foreign, replayed ------------------------------------------------------


@pytest.fixture
def hostile(pair: tuple[App, App], tmp_path: Path, clock: FixedClock) -> dict[str, Path]:
    """Files in the coordinator's mailbox that must not be applied, and one good bundle."""
    office, laptop = pair
    own = mailbox(office)
    good = laptop_bundle(office, laptop, records=2)
    data = good.read_bytes()
    stranger, _ = App.create(
        tmp_path / "fremd", PASSPHRASE, role="field", name="Fremder Laptop", clock=clock
    )
    trust(stranger, office, tmp_path / "karten-fremd")
    office.sync.remove_peer(stranger.store.node_id)  # was trusted once, no longer
    contact(stranger)
    foreign = stranger.sync.export(office.store.node_id, tmp_path / "fremd.vfb").path
    other, _ = App.create(
        tmp_path / "andere", PASSPHRASE, role="office", name="Andere Stelle", clock=clock
    )
    trust(laptop, other, tmp_path / "karten-andere")
    contact(laptop, 3)
    elsewhere = laptop.sync.export(other.store.node_id, tmp_path / "andere.vfb").path
    files = {
        "garbage": own / "muell.vfb",
        "truncated": own / "abgeschnitten.vfb",
        "foreign": own / "fremd.vfb",
        "for-another": own / "fuer-andere.vfb",
        "empty": own / "leer.vfb",
    }
    files["garbage"].write_bytes(os.urandom(5000))
    files["truncated"].write_bytes(data[: len(data) - 100])
    shutil.copyfile(foreign, files["foreign"])
    shutil.copyfile(elsewhere, files["for-another"])
    files["empty"].write_bytes(b"")
    files["good"] = good
    stranger.close()
    other.close()
    return files


REASONS = {
    "garbage": "kein Vielfalt-Bündel",
    "truncated": "beschädigt",
    "foreign": "nicht vertrauten Gerät",
    "for-another": "anderes Gerät",
    "empty": "beschädigt",
}


def test_hostile_files_are_skipped_with_a_note_and_the_good_one_is_applied(
    pair: tuple[App, App], hostile: dict[str, Path]
) -> None:
    office, _laptop = pair
    result = office.folder_sync.run()
    refused = {r.file_name: r.reason for r in result.refused}
    assert set(refused) == {hostile[k].name for k in REASONS}
    for kind, words in REASONS.items():
        assert words in refused[hostile[kind].name], (kind, refused[hostile[kind].name])
        assert hostile[kind].exists()  # a refused file stays where it is
    assert [r.records > 0 for r in result.new_bundles] == [True]
    assert not hostile["good"].exists()
    assert office.stats.counts()["contacts"] == 2
    summary = result.summary()
    assert "5 Dateien übersprungen: " in summary
    assert f"{hostile['garbage'].name} – Die Datei ist kein Vielfalt-Bündel." in summary
    assert summary.startswith("1 Bündel eingelesen: ")


def test_a_refused_file_is_not_tried_again_until_it_changes(
    pair: tuple[App, App], hostile: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    office, _laptop = pair
    assert len(office.folder_sync.run().refused) == 5
    calls: list[str] = []
    real_import = office.sync.import_file
    monkeypatch.setattr(
        office.sync, "import_file", lambda p: calls.append(p.name) or real_import(p)
    )
    for _ in range(3):
        again = office.folder_sync.run()
        assert again.refused == ()
        assert again.imported == ()
        assert again.summary() == "Nichts Neues."
    assert calls == []
    assert not office.folder_sync.has_incoming()
    # Changed (the rest of the copy arrived, or someone replaced it): tried once more.
    with hostile["garbage"].open("ab") as handle:
        handle.write(b"mehr")
    assert office.folder_sync.has_incoming()
    assert [r.file_name for r in office.folder_sync.run().refused] == [hostile["garbage"].name]
    assert calls == [hostile["garbage"].name]
    # Removed by a person: forgotten; the remembered names stay bounded by what is there.
    hostile["garbage"].unlink()
    office.folder_sync.run()
    remembered = json.loads(office.store.meta(folder_sync_module.STATE_KEY) or "{}")["skip"]
    assert hostile["garbage"].name not in remembered
    assert len(remembered) == 4


def test_a_replayed_bundle_changes_nothing_and_is_noted(pair: tuple[App, App]) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)
    data = path.read_bytes()
    office.folder_sync.run()
    before = office.sync.digest()
    replay = mailbox(office) / "alt.vfb"
    replay.write_bytes(data)
    result = office.folder_sync.run()
    assert [r.already_known for r in result.imported] == [True]
    assert result.summary() == "1 Bündel war schon eingelesen."
    assert office.sync.digest() == before
    assert not replay.exists()  # applied before: it may go


def test_an_unexpected_failure_on_one_file_is_a_note_not_a_crash(
    pair: tuple[App, App], monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)

    def explode(p: Path) -> object:
        raise MemoryError if p == path else AssertionError(p)

    monkeypatch.setattr(office.sync, "import_file", explode)
    result = office.folder_sync.run()
    [refusal] = result.refused
    assert refusal.file_name == path.name
    assert "ließ sich nicht verarbeiten (MemoryError)" in refusal.reason
    assert path.exists()


# --- after applying ---------------------------------------------------------------------------


def test_applied_bundles_are_removed_by_default(pair: tuple[App, App]) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)
    office.folder_sync.run()
    assert not path.exists()
    assert not (mailbox(office) / box.DONE_DIR).exists()


def test_kept_bundles_go_to_erledigt_and_are_deleted_after_30_days(
    pair: tuple[App, App], clock: FixedClock
) -> None:
    office, laptop = pair
    office.folder_sync.set_keep_processed(True)
    path = laptop_bundle(office, laptop)
    data = path.read_bytes()
    office.folder_sync.run()
    done = mailbox(office) / box.DONE_DIR
    kept = done / f"{NOW.date().isoformat()}_{path.name}"
    assert not path.exists()
    assert kept.read_bytes() == data
    stray = done / "notiz.txt"
    stray.write_text("bleibt")
    undated = done / "ohne-datum.vfb"
    undated.write_bytes(b"bleibt auch")
    clock.advance(30 * DAY)
    office.folder_sync.run()
    assert kept.exists()  # 30 days: still kept
    clock.advance(DAY)
    office.folder_sync.run()
    assert not kept.exists()
    assert stray.read_text() == "bleibt"
    assert undated.exists()


# --- other mailboxes, stray files ---------------------------------------------------------------


def test_stray_files_and_other_mailboxes_are_left_alone(pair: tuple[App, App], share: Path) -> None:
    office, laptop = pair
    other = share / "an-00000000-0000-4000-8000-000000000000"
    other.mkdir()
    (other / "name.txt").write_text("Laptop Süd\n")
    (other / "Laptop-Nord_an_Laptop-Sued.vfb").write_bytes(b"fremdes Postfach")
    (share / "LIESMICH.txt").write_text("Bitte nicht löschen.")
    (share / "lose.vfb").write_bytes(b"liegt im Ordner selbst")
    (mailbox(office) / "notizen.txt").write_text("eigene Notiz")
    (mailbox(office) / "unterordner").mkdir()
    (mailbox(office) / "unterordner" / "alt.vfb").write_bytes(b"tiefer")
    strays = {
        k: v
        for k, v in files_under(share).items()
        if not k.endswith("name.txt") or k.startswith(other.name)
    }
    for _ in range(2):
        contact(laptop)
        laptop.folder_sync.run()
        office.folder_sync.run()
    after = files_under(share)
    for name, data in strays.items():
        assert after.get(name) == data, name


# --- news, acknowledgements, and the end of the conversation -------------------------------------


def test_nothing_new_writes_no_bundle_and_a_round_trip_ends(pair: tuple[App, App]) -> None:
    office, laptop = pair
    assert laptop.folder_sync.run().summary() == "Nichts Neues."
    assert office.folder_sync.run().summary() == "Nichts Neues."
    contact(laptop)
    assert len(laptop.folder_sync.run().written) == 1
    # The coordinator answers with an acknowledgement, so the laptop may purge.
    answer = office.folder_sync.run()
    assert len(answer.written) == 1
    acked_before = laptop.sync.find_peer(office.store.node_id).acked_rev
    assert laptop.folder_sync.run().written == ()
    assert laptop.sync.find_peer(office.store.node_id).acked_rev > acked_before
    # From here on both are quiet, although every run writes audit entries.
    for _ in range(3):
        assert office.folder_sync.run().summary() == "Nichts Neues."
        assert laptop.folder_sync.run().summary() == "Nichts Neues."
    # A run that finds nothing changes nothing in the store (the app may poll every minute).
    revs = office.store.rev, laptop.store.rev
    office.folder_sync.run()
    laptop.folder_sync.run()
    assert (office.store.rev, laptop.store.rev) == revs
    assert laptop.sync.peer_status()[0].unacknowledged == 0
    # Every later bundle with records is answered too, and the answer ends it again.
    for number in (1, 2):
        contact(laptop, number)
        assert len(laptop.folder_sync.run().written) == 1
        assert len(office.folder_sync.run().written) == 1
        assert laptop.folder_sync.run().written == ()
        assert office.folder_sync.run().written == ()
        assert laptop.sync.peer_status()[0].unacknowledged == 0


def test_two_laptops_and_the_summary_a_person_reads(
    tmp_path: Path, clock: FixedClock, share: Path
) -> None:
    office, nord = trusted_pair(tmp_path, clock, "Laptop Nord")
    sued, _ = App.create(tmp_path / "s", PASSPHRASE, role="field", name="Laptop Süd", clock=clock)
    trust(office, sued, tmp_path / "karten")
    for app in (office, nord, sued):
        app.folder_sync.settle_seconds = 0.05
        app.folder_sync.set_folder(share)
    for number in range(3):
        contact(nord, number)
    contact(sued)
    nord.folder_sync.run()
    sued.folder_sync.run()
    result = office.folder_sync.run()
    changed = {r.sender_name: r.changed for r in result.new_bundles}
    assert result.summary() == (
        f"2 Bündel eingelesen: {changed['Laptop Nord']} neue Einträge von Laptop Nord, "
        f"{changed['Laptop Süd']} von Laptop Süd. 2 Bündel geschrieben."
    )
    assert office.stats.counts()["contacts"] == 4
    assert isinstance(result, FolderSyncResult)
    for app in (office, nord, sued):
        app.close()


def test_an_unconfirmed_bundle_is_written_again_after_a_week(
    pair: tuple[App, App], clock: FixedClock
) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)
    path.unlink()  # lost: someone tidied the share
    assert laptop.folder_sync.run().written == ()
    clock.advance(6 * DAY)
    assert laptop.folder_sync.run().written == ()
    clock.advance(DAY)
    [again] = laptop.folder_sync.run().written
    office.folder_sync.run()
    assert office.stats.counts()["contacts"] == 2
    assert again.path.name.endswith(f"{(NOW + 7 * DAY).date().isoformat()}.vfb")


def test_has_incoming_says_whether_a_bundle_waits(pair: tuple[App, App]) -> None:
    office, laptop = pair
    assert not office.folder_sync.has_incoming()
    laptop_bundle(office, laptop)
    assert office.folder_sync.has_incoming()
    office.folder_sync.run()
    assert not office.folder_sync.has_incoming()


def test_progress_counts_files_and_peers(pair: tuple[App, App]) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)
    news_for_laptops(office)
    seen: list[tuple[int, int, str]] = []
    office.folder_sync.run(progress=lambda done, total, what: seen.append((done, total, what)))
    assert seen == [(0, 2, path.name), (1, 2, "Laptop Nord")]


def test_two_laptops_write_while_the_coordinator_reads(
    tmp_path: Path, clock: FixedClock, share: Path
) -> None:
    """Three devices syncing at the same moment, in threads, round after round."""
    office, nord = trusted_pair(tmp_path, clock, "Laptop Nord")
    sued, _ = App.create(tmp_path / "s", PASSPHRASE, role="field", name="Laptop Süd", clock=clock)
    trust(office, sued, tmp_path / "karten")
    apps = (office, nord, sued)
    for app in apps:
        app.folder_sync.settle_seconds = 0.02
        app.folder_sync.set_folder(share)
    errors: list[BaseException] = []

    def sync(app: App) -> None:
        try:
            app.folder_sync.run()
        except BaseException as exc:  # reported below
            errors.append(exc)

    for round_ in range(4):
        contact(nord, round_)
        contact(sued, round_)
        news_for_laptops(office, round_)
        threads = [threading.Thread(target=sync, args=(app,)) for app in apps]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    for _ in range(3):  # quiet rounds, one after the other
        for app in apps:
            app.folder_sync.run()
    assert office.stats.counts()["contacts"] == 8
    assert nord.stats.counts()["partners"] == sued.stats.counts()["partners"] == 4
    assert [app.folder_sync.run().summary() for app in apps] == ["Nichts Neues."] * 3
    for laptop in (nord, sued):
        assert laptop.sync.peer_status()[0].unacknowledged == 0
        assert bundles_in(mailbox(laptop)) == []
    assert bundles_in(mailbox(office)) == []
    for app in apps:
        app.close()
