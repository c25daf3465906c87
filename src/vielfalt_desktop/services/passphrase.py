"""Changing the passphrase: the data key is wrapped anew in the key file; the store stays as is.

Two ways in, one logic:

* :func:`change_passphrase` – the desktop app (Einstellungen → „Passphrase ändern …“) on an
  open store, with the current passphrase or the recovery key. The new passphrase must meet the
  setup's rules (:func:`~vielfalt_desktop.services.setup.passphrase_problems`).
  :class:`PassphraseChange` holds the dialog's input and says what still blocks "OK".
* ``vielfalt passwd [--recovery] [--rekey]`` on a locked store: :meth:`LockedChange.unlock`
  checks the old secret against the key file alone, :meth:`LockedChange.apply` opens the store
  with the data key and changes the passphrase under the same rules (:class:`PassphraseChange`).

Either way the old secret is checked against the key file before anything changes; a wrong
one raises WrongPassphrase, changes nothing and counts as a failed unlock. The key file is
rewritten atomically inside the transaction that logs ``passphrase_changed`` (detail
``wiederherstellungsschluessel`` when the recovery key was used), so the change and its entry
are saved together. Argon2id runs twice (about a second each): call this off the UI thread.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.clock import Clock, SystemClock
from vielfalt_desktop.domain.errors import StoreError, ValidationError, WrongPassphrase
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.fileio import fsync_directory
from vielfalt_desktop.services import audit
from vielfalt_desktop.services.setup import Strength, estimate, name_words, passphrase_problems
from vielfalt_desktop.store.database import Busy, DataPaths, Store
from vielfalt_desktop.store.keymem import take, wipe
from vielfalt_desktop.store.vault import DATA_KEY_BYTES, KeyFile

if TYPE_CHECKING:
    from vielfalt_desktop.services.app import App

RECOVERY_DETAIL = "wiederherstellungsschluessel"
REKEY_DETAIL = "neuer_datenschluessel"
REKEYED_AT = "rekeyed_at"


@dataclass(frozen=True, slots=True)
class Rekeyed:
    """After a rekey: the new recovery key (show it once) and what the old key still opens."""

    recovery_key: str = field(repr=False)
    old_backups: tuple[Path, ...]
    backup_folder: Path  # where they are (and would be)


def rekey(store: Store, keyfile: KeyFile, new: str, *, recovery: bool = False) -> Rekeyed:
    """A new random data key and a new recovery key, because the passphrase became known.

    ``store`` is open (the old secret was checked). Order, so that no step leaves a store
    nobody can open: the new key file is written beside the old one (``vielfalt.key.neu``);
    the store is re-encrypted with ``PRAGMA rekey`` (one transaction); then, in the
    transaction that logs ``passphrase_changed`` (detail ``neuer_datenschluessel``), the new
    key file replaces the old one atomically. An interruption in between is resolved at the
    next unlock (Store.open tries both files). Copies of the old key file and the backups in
    ``backups/`` still open with the old key: they are listed for the user to delete.
    """
    new_key = take(secrets.token_bytes(DATA_KEY_BYTES))
    try:
        pending = store.paths.pending_key
        fresh, recovery_key = KeyFile.fresh(
            pending, keyfile.store_id, new_key, new, keyfile.params
        )  # Argon2id: slow, outside the write lock
        fresh.save()
        store.rekey(new_key)
    finally:
        wipe(new_key)
    detail = REKEY_DETAIL + ("/" + RECOVERY_DETAIL if recovery else "")
    now = store.clock.now()
    with store.write() as write:
        audit.log(write, now, "passphrase_changed", detail=detail)
        Store._save_meta(write.conn, {REKEYED_AT: now.isoformat(timespec="seconds")})
        os.replace(pending, store.paths.key)  # last: if it fails, the entry is rolled back
        fsync_directory(store.paths.root)
    backups = store.paths.backups
    old = tuple(sorted(backups.iterdir())) if backups.is_dir() else ()
    return Rekeyed(recovery_key, old, backups)


def unlock_key(keyfile: KeyFile, secret: str, *, recovery: bool = False) -> bytes:
    """The data key, if ``secret`` (the passphrase, or with ``recovery`` the recovery key)
    opens ``keyfile``; WrongPassphrase otherwise.

    Noting the failed attempt is the caller's part: only it knows whether the store is open.
    """
    return keyfile.unlock_with_recovery(secret) if recovery else keyfile.unlock(secret)


def rewrap(
    store: Store, keyfile: KeyFile, data_key: bytes, new: str, *, recovery: bool = False
) -> None:
    """Wrap ``data_key`` under ``new``, write the key file and log ``passphrase_changed``.

    ``store`` is the open store of ``keyfile``; the key file on disk is replaced atomically.
    """
    keyfile.rewrap(data_key, new)  # Argon2id: slow, so outside the store's write lock
    detail = RECOVERY_DETAIL if recovery else ""
    with store.write() as write:
        audit.log(write, store.clock.now(), "passphrase_changed", detail=detail)
        keyfile.save()  # last in the transaction: if it fails, the entry is rolled back


def change_passphrase(
    app: App, old: str, new: str, *, recovery: bool = False, new_key: bool = False
) -> Rekeyed | None:
    """Give the open ``app``'s store a new passphrase.

    ``old`` is the current passphrase, or with ``recovery`` the recovery key. Raises
    ValidationError when ``new`` breaks the setup's rules and WrongPassphrase (logged as a
    failed unlock) when ``old`` does not open the key file; either way nothing is changed.
    With ``new_key`` (the passphrase became known) the store also gets a new data key and a
    new recovery key (:func:`rekey`), which is returned.
    """
    store = app.store
    found = passphrase_problems(new, new, estimate(new, name_words(store.node_name)))
    if found:
        raise ValidationError(found)
    keyfile = KeyFile.load(store.paths.key)
    if keyfile.store_id != store.meta("store_id", keyfile.store_id):
        raise StoreError(Message(msg.KEY_FILE_FOREIGN, path=store.paths.key))
    try:
        data_key = unlock_key(keyfile, old, recovery=recovery)
    except WrongPassphrase:
        audit.record_failed_unlock(store)
        raise
    try:
        if new_key:
            return rekey(store, keyfile, new, recovery=recovery)
        rewrap(store, keyfile, data_key, new, recovery=recovery)
        return None
    finally:
        wipe(data_key)


@dataclass
class PassphraseChange:
    """The "Passphrase ändern" dialog's input and rules, without Qt; the dialog only drives it.

    ``device_name`` counts as easy to guess, as in the setup.
    """

    device_name: str = ""
    old: str = field(default="", repr=False)
    new: str = field(default="", repr=False)
    repeat: str = field(default="", repr=False)
    recovery: bool = False
    new_key: bool = False  # "Passphrase ändern, weil sie bekannt wurde": rekey as well

    def strength(self) -> Strength:
        return estimate(self.new, name_words(self.device_name))

    def problems(self) -> dict[str, str]:
        """What keeps the change from being made, by field ("old", "passphrase", "repeat")."""
        found: dict[str, str] = {}
        if not self.old.strip():
            found["old"] = Message(
                msg.RECOVERY_KEY_REQUIRED if self.recovery else msg.OLD_PASSPHRASE_REQUIRED
            )
        found.update(passphrase_problems(self.new, self.repeat, self.strength()))
        if not self.recovery and self.new and self.new == self.old:
            found.setdefault(
                "passphrase",
                Message(
                    msg.REKEY_NEEDS_NEW_PASSPHRASE if self.new_key else msg.PASSPHRASE_UNCHANGED
                ),
            )
        return found

    def can_apply(self) -> bool:
        return not self.problems()

    def apply(self, app: App) -> Rekeyed | None:
        """Change the passphrase of ``app`` (slow: run it off the UI thread)."""
        found = self.problems()
        if found:
            raise ValidationError(found)
        return change_passphrase(
            app, self.old, self.new, recovery=self.recovery, new_key=self.new_key
        )


@dataclass(eq=False)
class LockedChange:
    """``vielfalt passwd`` on a locked store, in three steps: :meth:`load` reads the key file,
    :meth:`unlock` checks the old secret against it alone, :meth:`apply` opens the store with
    the data key and changes the passphrase under the dialog's rules (:class:`PassphraseChange`).

    Between the steps the caller asks for the secrets; :meth:`close` (also done by
    :meth:`apply`) wipes the data key if it never gets that far.
    """

    paths: DataPaths
    keyfile: KeyFile
    clock: Clock | None = None
    recovery: bool = False
    secret: str = field(default="", repr=False)
    data_key: bytearray | None = field(default=None, repr=False)

    @classmethod
    def load(cls, data_dir: Path, *, clock: Clock | None = None) -> LockedChange:
        """The key file of the store in ``data_dir``; StoreError if it is missing or damaged."""
        paths = DataPaths(Path(data_dir))
        return cls(paths, KeyFile.load(paths.key), clock)

    def unlock(self, secret: str, *, recovery: bool = False) -> None:
        """Open the key file with ``secret`` (the passphrase, or with ``recovery`` the recovery
        key). A wrong one raises WrongPassphrase and is noted beside the store as a failed
        unlock; nothing else changes."""
        try:
            data_key = unlock_key(self.keyfile, secret, recovery=recovery)
        except WrongPassphrase:
            audit.note_failed_unlock(self.paths, (self.clock or SystemClock()).now())
            raise
        self.close()
        self.data_key, self.secret, self.recovery = take(data_key), secret, recovery

    def apply(self, new: str, *, new_key: bool = False, busy: Busy | None = None) -> Rekeyed | None:
        """Give the store the passphrase ``new``; with ``new_key`` also a new data key and a new
        recovery key (returned). Raises ValidationError, changing nothing, when ``new`` breaks
        the rules of the setup and the dialog (too short, too easy to guess, e.g. the device's
        name, or unchanged)."""
        if self.data_key is None:
            raise WrongPassphrase(Message(msg.WRONG_PASSPHRASE))  # unlock() first
        try:
            # A copy the store keeps and zeroes when it closes.
            key = bytearray(self.data_key)
            store = Store.open_with_key(self.paths, key, clock=self.clock, busy=busy)
            try:
                change = PassphraseChange(
                    device_name=store.node_name,
                    old=self.secret,
                    new=new,
                    repeat=new,
                    recovery=self.recovery,
                    new_key=new_key,
                )
                found = change.problems()
                if found:
                    raise ValidationError(found)
                if new_key:
                    return rekey(store, self.keyfile, new, recovery=self.recovery)
                raw = bytes(self.data_key)  # the key file's API takes bytes: wiped below
                try:
                    rewrap(store, self.keyfile, raw, new, recovery=self.recovery)
                finally:
                    wipe(raw)
                return None
            finally:
                store.close()
        finally:
            self.close()

    def close(self) -> None:
        """Wipe the data key (and forget the old secret)."""
        wipe(self.data_key)
        self.data_key, self.secret = None, ""
