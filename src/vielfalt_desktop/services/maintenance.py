"""Care of the store beside the App: what the command line needs before, after or around it.

The CLI reaches the core only through :class:`~vielfalt_desktop.services.app.App` and the
services; the few things only the store offers are wrapped here:

* before unlocking: whether a data folder holds a store, how long to wait after wrong
  passphrases (:func:`unlock_wait`), how a write waits for another program (:func:`patience`),
  no core dumps (:func:`harden_process`);
* ``vielfalt check``: :func:`integrity_problems` on the open App, then (closed)
  :func:`permission_problems` and :func:`kdf_warnings`;
* a lock met outside a write: :func:`busy_exit_code`.

The store modules are imported where they are used, so ``vielfalt --help`` stays quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vielfalt_desktop.domain.messages import Message
    from vielfalt_desktop.services.app import App
    from vielfalt_desktop.store.database import Busy


def harden_process() -> list[str]:
    """No core dumps of this process: they would hold the key while the store is open.

    Returns what could not be done (for ``--debug``), empty normally.
    """
    from vielfalt_desktop.store.keymem import harden_process as harden

    return harden()


def patience(wait_s: float, notice: Callable[[], None] | None = None) -> Busy:
    """Writes wait up to ``wait_s`` seconds for another program's lock, calling ``notice`` once
    after a second of waiting; then they give up with StoreBusy (exit code 5)."""
    from vielfalt_desktop.store.database import Busy

    return Busy(wait_s=wait_s, notice=notice)


def store_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a store or a key file (then ``init`` leaves it alone)."""
    from vielfalt_desktop.store.database import DataPaths

    return DataPaths(Path(data_dir)).exists()


def database_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds the encrypted database itself."""
    from vielfalt_desktop.store.database import DataPaths

    return DataPaths(Path(data_dir)).db.exists()


def unlock_wait(data_dir: Path, now: dt.datetime | None = None) -> tuple[int, float]:
    """The failed unlocks noted beside the store since its last unlock, and the seconds still
    to wait before the next try (the growing wait, held across program runs)."""
    from vielfalt_desktop.services import audit
    from vielfalt_desktop.store.database import DataPaths

    failed = audit.failed_unlocks(DataPaths(Path(data_dir)))
    return len(failed), audit.unlock_delay(failed, now or dt.datetime.now(dt.UTC))


def integrity_problems(app: App) -> list[str]:
    """SQLite's integrity and foreign-key checks of the open store (empty: all is well)."""
    return list(app.store.integrity_problems())


def permission_problems(data_dir: Path) -> list[Message]:
    """The folder, key file, store, its -wal/-shm files and backups/ that another user could
    read or change (they should be this user's alone)."""
    from vielfalt_desktop.store.database import DataPaths
    from vielfalt_desktop.store.database import permission_problems as problems

    return problems(DataPaths(Path(data_dir)))


def kdf_warnings(data_dir: Path) -> list[Message]:
    """Why the key file's passphrase slot is weaker than the default (lowered Argon2id)."""
    from vielfalt_desktop.store.database import DataPaths
    from vielfalt_desktop.store.vault import KeyFile
    from vielfalt_desktop.store.vault import kdf_warnings as warnings

    return warnings(KeyFile.load(DataPaths(Path(data_dir)).key))


def busy_exit_code(error: BaseException) -> int | None:
    """The exit code for "store busy" if ``error`` is SQLite's lock met outside a write (e.g.
    during a schema upgrade), else None."""
    from vielfalt_desktop.store.engine import BUSY_EXIT_CODE, is_busy

    return BUSY_EXIT_CODE if is_busy(error) else None
