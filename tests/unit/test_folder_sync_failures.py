"""Sync over a shared folder when the folder fails: missing, read-only, full, pulled out.

Real encrypted stores on one fixed clock, real bundles, a real folder in tmp. The file system's
failures are made by raising the OSError the system would raise, where it would raise it
(a full disk at fsync, a stick pulled at the rename or while reading, a read-only mount),
or by really removing the folder.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from tests.unit.folder_sync_helpers import (
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
from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.services import folder_sync as folder_sync_module
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.folder_sync import FolderSyncFailed

__all__ = ["pair", "share"]  # fixtures, used by name

# --- a folder that is missing, read-only, full, or pulled out ---------------------------------


def test_a_missing_or_wrong_folder_is_refused_when_set(app: App, tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as missing:
        app.folder_sync.set_folder(tmp_path / "gibt-es-nicht")
    assert missing.value.message.template == msg.SYNC_FOLDER_MISSING
    a_file = tmp_path / "datei.txt"
    a_file.write_text("x")
    with pytest.raises(RejectedInput) as not_a_folder:
        app.folder_sync.set_folder(a_file)
    assert not_a_folder.value.message.template == msg.SYNC_NOT_A_FOLDER
    assert app.folder_sync.folder() is None
    assert not app.folder_sync.automatic()
    with pytest.raises(RejectedInput) as none_set:
        app.folder_sync.run()
    assert none_set.value.message.template == msg.SYNC_NO_FOLDER


def test_settings_default_and_change(app: App, share: Path) -> None:
    sync = app.folder_sync
    assert (sync.folder(), sync.automatic(), sync.keep_processed(), sync.mailbox()) == (
        None,
        False,
        False,
        None,
    )
    sync.set_folder(share)
    assert sync.folder() == share
    assert sync.automatic()
    assert not sync.keep_processed()
    sync.set_automatic(False)
    sync.set_keep_processed(True)
    assert not sync.automatic()
    assert sync.keep_processed()
    sync.set_folder(None)
    assert sync.folder() is None
    assert not sync.automatic()
    assert sync.mailbox() is None


def test_a_folder_gone_at_sync_time_is_one_message_and_nothing_changes(
    pair: tuple[App, App], share: Path
) -> None:
    office, laptop = pair
    contact(laptop)
    laptop_bundle(office, laptop)
    before = state_of(office), state_of(laptop)
    shutil.rmtree(share)  # the stick is not plugged in
    for app in (office, laptop):
        with pytest.raises(RejectedInput) as refused:
            app.folder_sync.run()
        assert refused.value.message.template == msg.SYNC_FOLDER_MISSING
        assert str(share) in refused.value.message
        assert "Es wurde nichts geändert." in refused.value.message
    assert (state_of(office), state_of(laptop)) == before


def read_only(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """The share as a read-only mount: every change beneath ``root`` fails with EROFS.

    (Tests run as root, for whom file modes alone do not make a folder read-only.)
    """

    def inside(path: object) -> bool:
        try:
            return Path(os.fspath(path)).resolve().is_relative_to(root.resolve())  # type: ignore[arg-type]
        except TypeError:
            return False

    def refuse(name: str) -> None:
        real = getattr(os, name)

        def wrapped(path: object, *args: object, **kwargs: object) -> object:
            if inside(path) and (name != "open" or (int(str(args[0])) & os.O_ACCMODE) != 0):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, wrapped)

    for name in ("open", "mkdir", "replace", "rename", "unlink"):
        refuse(name)


def test_a_read_only_folder_is_one_message_and_nothing_changes(
    pair: tuple[App, App], share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = pair
    path = laptop_bundle(office, laptop)
    news_for_laptops(office)  # something to write, too
    before = state_of(office), files_under(share)
    read_only(monkeypatch, share)
    with pytest.raises(RejectedInput) as refused:
        office.folder_sync.run()
    monkeypatch.undo()
    assert not isinstance(refused.value, FolderSyncFailed)
    assert refused.value.message.template == msg.SYNC_FOLDER_READ_ONLY
    assert "Read-only file system" in refused.value.message
    # Checked before anything is read: the waiting bundle was not applied either.
    assert (state_of(office), files_under(share)) == before
    assert path.exists()
    read_only(monkeypatch, share)
    with pytest.raises(RejectedInput):
        office.folder_sync.set_folder(share)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_without_write_permission_is_refused(app: App, share: Path) -> None:
    share.chmod(0o500)
    try:
        with pytest.raises(RejectedInput) as refused:
            app.folder_sync.set_folder(share)
    finally:
        share.chmod(0o700)
    assert refused.value.message.template == msg.SYNC_FOLDER_READ_ONLY


def fail_while_writing(monkeypatch: pytest.MonkeyPatch, how: str, share: Path) -> None:
    """Make the next bundle write fail as a full disk or a pulled stick would."""

    def fsync_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def replace_pulled(src: str | Path, dst: str | Path) -> None:
        shutil.rmtree(share)  # the stick is gone: the temp file with it
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    def fsync_pulled(fd: int) -> None:
        shutil.rmtree(share)
        raise OSError(errno.ENOENT, os.strerror(errno.ENOENT))

    patches = {
        "full": ("fsync", fsync_full),
        "pulled-at-rename": ("replace", replace_pulled),
        "pulled-while-writing": ("fsync", fsync_pulled),
    }
    name, function = patches[how]
    monkeypatch.setattr(fileio.os, name, function)


@pytest.mark.parametrize("how", ["full", "pulled-at-rename", "pulled-while-writing"])
def test_a_write_that_fails_midway_leaves_nothing_under_a_final_name(
    pair: tuple[App, App], share: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    office, laptop = pair
    incoming = laptop_bundle(office, laptop, records=2)  # one to import first
    news_for_laptops(office)  # and something new for the laptop, so a bundle is written
    peer_before = office.sync.find_peer(laptop.store.node_id)
    history_before = office.sync.history()
    fail_while_writing(monkeypatch, how, share)
    with pytest.raises(FolderSyncFailed) as failed:
        office.folder_sync.run()
    monkeypatch.undo()
    message = failed.value.message
    assert message.template == msg.SYNC_WRITE_FAILED
    assert "„Laptop Nord“" in message
    assert "nichts Halbfertiges" in message
    # The import before it stays, and the message says so.
    assert "Was davor gelang, bleibt gültig: 1 Bündel eingelesen: " in message
    assert [r.bundle_id for r in failed.value.result.new_bundles] == [
        e.bundle_id for e in office.sync.history() if e.direction == "in"
    ]
    assert office.stats.counts()["contacts"] == 2
    assert not incoming.exists()
    # Nothing under a final name, no temp file left where the folder still is.
    if share.exists():
        laptop_box = mailbox(laptop)
        assert [p.name for p in laptop_box.iterdir()] == ["name.txt"]
    # Nothing noted for the failed part: not sent, no ledger entry out.
    peer_after = office.sync.find_peer(laptop.store.node_id)
    assert peer_after.sent_seq == peer_before.sent_seq
    assert [e for e in office.sync.history() if e.direction == "out"] == [
        e for e in history_before if e.direction == "out"
    ]
    # With the folder back, the next run writes the bundle.
    share.mkdir(exist_ok=True)
    [written] = office.folder_sync.run().written
    assert written.path.exists()
    assert laptop.folder_sync.run().new_bundles
    assert laptop.stats.counts()["partners"] == 1


def test_a_folder_pulled_out_while_reading_keeps_what_was_imported(
    pair: tuple[App, App], share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = pair
    first = laptop_bundle(office, laptop, records=1)
    second = first.with_name("zweites.vfb")
    laptop.sync.export(office.store.node_id, second)  # by hand, a second one
    later = first.with_name("z-drittes.vfb")
    later.write_bytes(b"noch da")
    real_import = office.sync.import_file

    def pull_after_first(path: Path) -> object:
        if path.name != first.name:
            shutil.rmtree(share)
        return real_import(path)

    monkeypatch.setattr(office.sync, "import_file", pull_after_first)
    with pytest.raises(FolderSyncFailed) as failed:
        office.folder_sync.run()
    message = failed.value.message
    assert message.template == msg.SYNC_FOLDER_LOST
    assert "Was davor gelang, bleibt gültig: 1 Bündel eingelesen" in message
    assert failed.value.result.refused == ()
    assert office.stats.counts()["contacts"] == 1
    # Nothing remembered as refused: with the stick back, everything is tried again.
    remembered = json.loads(office.store.meta(folder_sync_module.STATE_KEY) or "{}")
    assert remembered.get("skip", {}) == {}
