"""The sync folder on disk: one mailbox per recipient, and what in it counts as a bundle.

Any folder can carry bundles — a network share, a Nextcloud or Syncthing folder, a USB
stick. Its layout is fixed (docs/bundle-format.md, "Sync folder")::

    <folder>/
      an-<node-id>/                  the mailbox of one device: bundles *for* it
        name.txt                     that device's name, for people (never trusted)
        Laptop-Nord_an_Koordination_2026-03-02.vfb      a complete bundle
        .Laptop-Nord_an_…vfb.3fa2c1d0e4b5.tmp           one being written
        erledigt/2026-03-02_Laptop-Nord_an_…vfb         applied, kept 30 days (optional)

A device writes only into its peers' mailboxes and reads only its own. A bundle is written
under a temporary dot-name, flushed to disk and renamed when complete (fileio), so a reader
that ignores dot-files, ``*.tmp`` and anything not ending in ``.vfb`` never sees half a
file; a file whose size or modification time still changes between two looks (a copy in
progress under its final name, as some file managers make) is left for the next run.
Conflict copies made by sync clients (``… (conflicted copy …).vfb``,
``….sync-conflict-….vfb``) end in ``.vfb`` and are read like any bundle: the ledger makes
a duplicate harmless.

Only the file system is touched here — no store, no Qt. Errors are the OSError the system
raised; services.folder_sync turns them into one message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vielfalt_desktop.fileio import atomic_write_text, fsync_directory
from vielfalt_desktop.sync.naming import BUNDLE_SUFFIX

MAILBOX_PREFIX = "an-"
NAME_FILE = "name.txt"
DONE_DIR = "erledigt"
#: How long applied bundles stay in ``erledigt/`` when they are kept.
KEEP_DAYS = 30
#: A file last changed this long before the folder's "now" is not still being written.
RECENT_SECONDS = 60.0
#: The most characters of a device name written to ``name.txt``.
MAX_NAME = 200

_NODE_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DONE_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})_(.+)")
_CONFLICT = re.compile(r"\(conflicted copy [^)]*\)|\.sync-conflict-[^.]*|_conflict-\d", re.I)


@dataclass(frozen=True, slots=True)
class Seen:
    """What a file looked like: when either changes, it is a different file to us."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file in a mailbox that may be a complete bundle."""

    path: Path
    seen: Seen

    @property
    def name(self) -> str:
        return self.path.name


# --- names -----------------------------------------------------------------------------------


def mailbox_name(node_id: str) -> str:
    """``an-<node-id>``; refuses anything that is not a node id (no path can sneak in)."""
    if _NODE_ID.fullmatch(node_id) is None:
        raise ValueError(f"not a node id: {node_id!r}")
    return f"{MAILBOX_PREFIX}{node_id}"


def mailbox_path(root: Path, node_id: str) -> Path:
    return Path(root) / mailbox_name(node_id)


def is_bundle_name(name: str) -> bool:
    """Whether a file of this name in a mailbox is read: ``*.vfb`` (any case), not hidden.

    Temporary files of this program (``.<name>.<hex>.tmp``), of sync clients (Syncthing's
    ``.syncthing.*.tmp``, Nextcloud's ``.*.~*``, ``*.part``) and office lock files
    (``~$*``) are never read.
    """
    if not name or name[0] in ".~" or "/" in name or "\\" in name:
        return False
    return name.casefold().endswith(BUNDLE_SUFFIX)


def is_conflict_copy(name: str) -> bool:
    """A copy a sync client made when two versions met (read like any other bundle)."""
    return is_bundle_name(name) and _CONFLICT.search(name) is not None


# --- mailboxes ---------------------------------------------------------------------------------


def ensure_own_mailbox(root: Path, node_id: str, device_name: str) -> Path:
    """This device's mailbox, made if missing, with its name file up to date.

    ``root`` must exist: a missing sync folder is not created (a stick not plugged in must
    not become an empty folder on the laptop). Raises OSError.
    """
    mailbox = mailbox_path(root, node_id)
    _make_dir(mailbox)
    _write_name(mailbox, device_name, replace=True)
    return mailbox


def ensure_peer_mailbox(root: Path, node_id: str, device_name: str) -> Path:
    """A peer's mailbox, made if missing; an existing one (and its name file) is left alone."""
    mailbox = mailbox_path(root, node_id)
    if not mailbox.is_dir():
        _make_dir(mailbox)
        _write_name(mailbox, device_name, replace=False)
    return mailbox


def read_name(mailbox: Path) -> str | None:
    """The name a mailbox claims for its device (for people; never trusted)."""
    try:
        with (mailbox / NAME_FILE).open("rb") as handle:
            text = handle.read(4 * MAX_NAME).decode("utf-8", "replace")
    except OSError:
        return None
    return text.strip() or None


def _make_dir(path: Path) -> None:
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        if not path.is_dir():
            raise


def _write_name(mailbox: Path, device_name: str, *, replace: bool) -> None:
    text = " ".join(device_name.split())[:MAX_NAME] + "\n"
    if read_name(mailbox) == text.strip() or (not replace and (mailbox / NAME_FILE).exists()):
        return  # unchanged: no write, so a sync client has nothing to upload
    atomic_write_text(mailbox / NAME_FILE, text, mode=0o644)


def probe(directory: Path) -> float:
    """Prove ``directory`` writable: make and remove an empty dot-file.

    Returns that file's modification time — the folder's own clock, which may differ from
    this computer's (a file server). Raises OSError (read-only, missing, no permission).
    """
    path = Path(directory) / f".vielfalt-probe-{secrets.token_hex(6)}.tmp"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        moment = os.fstat(fd).st_mtime
    finally:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return moment


# --- reading a mailbox -------------------------------------------------------------------------


def candidates(mailbox: Path) -> list[Candidate]:
    """The regular files in ``mailbox`` with a bundle's name, by name (nothing read yet).

    Symbolic links, folders and every other name are left alone. Raises OSError if the
    mailbox cannot be listed.
    """
    found: list[Candidate] = []
    with os.scandir(mailbox) as entries:
        for entry in entries:
            if not is_bundle_name(entry.name):
                continue
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # gone meanwhile
            found.append(Candidate(Path(entry.path), Seen(info.st_size, info.st_mtime_ns)))
    return sorted(found, key=lambda c: c.name)


def look(path: Path) -> Seen | None:
    """The file's size and modification time now; None if it is gone or not a file."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return Seen(info.st_size, info.st_mtime_ns)


def settled(
    found: Iterable[Candidate], settle_seconds: float, folder_now: float | None = None
) -> list[Candidate]:
    """Those of ``found`` that are complete: unchanged after a second look.

    Files last modified more than :data:`RECENT_SECONDS` before ``folder_now`` (the folder's
    clock, from :func:`probe`) are taken as they are; for the others one pause of
    ``settle_seconds`` and a second look decide. A file that changed, or is gone, is left out.
    """
    found = list(found)
    recent = [
        c
        for c in found
        if folder_now is None or folder_now - c.seen.mtime_ns / 1e9 < RECENT_SECONDS
    ]
    if recent and settle_seconds > 0:
        time.sleep(settle_seconds)
    recent_paths = {c.path for c in recent}
    return [c for c in found if c.path not in recent_paths or look(c.path) == c.seen]


# --- after applying ----------------------------------------------------------------------------


def remove(path: Path) -> None:
    """An applied bundle goes; one gone already (another run took it) is fine."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def keep(path: Path, day: dt.date) -> Path | None:
    """Move an applied bundle to ``erledigt/<day>_<name>`` beside it; None if it is gone."""
    done = path.parent / DONE_DIR
    _make_dir(done)
    stem = f"{day.isoformat()}_{path.name}"
    target = done / stem
    number = 2
    while target.exists():
        target = done / f"{day.isoformat()}_{number}_{path.name}"
        number += 1
    try:
        os.rename(path, target)
    except FileNotFoundError:
        return None
    fsync_directory(done)
    return target


def purge_done(mailbox: Path, today: dt.date, days: int = KEEP_DAYS) -> int:
    """Delete kept bundles moved to ``erledigt/`` more than ``days`` days before ``today``.

    The day is the one in the name (this store's clock when it was moved), not the file's
    time, which is the sender's. Files of other names are left alone. Returns how many went.
    """
    done = mailbox / DONE_DIR
    cutoff = today - dt.timedelta(days=days)
    removed = 0
    try:
        entries = list(os.scandir(done))
    except OSError:
        return 0
    for entry in entries:
        match = _DONE_NAME.fullmatch(entry.name)
        if match is None or not is_bundle_name(match.group(2)):
            continue
        try:
            moved = dt.date.fromisoformat(match.group(1))
        except ValueError:
            continue
        if moved < cutoff and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def read_head(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes from the start of a file (a bundle's header, never the file)."""
    with path.open("rb") as handle:
        return handle.read(limit)
