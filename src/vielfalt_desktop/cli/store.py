"""`vielfalt init | stats | passwd | check`: the store itself – making it, counting it, its
passphrase and its health.

``passwd`` works on the locked store (services.passphrase.LockedChange) under the same rules
as the desktop app's „Passphrase ändern“ dialog.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vielfalt_desktop.cli.common import (
    PASSPHRASE_ENV,
    RECOVERY_ENV,
    busy_notice,
    data_dir,
    opened,
    read_new_passphrase,
    read_passphrase,
    throttle,
    wait_seconds,
)
from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.domain.messages import kind_label
from vielfalt_desktop.services import maintenance

#: What ``stats`` prints, in this order: the key in the counts and the record kind it counts.
STATS_KINDS = (
    ("contacts", "contact"),
    ("referrals", "referral"),
    ("conflicts", "conflict"),
    ("interventions", "intervention"),
    ("events", "event"),
    ("partners", "partner"),
)


def cmd_init(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services.app import App

    folder = data_dir(args)
    if maintenance.store_exists(folder):
        raise VielfaltError(f"In {folder} liegt schon ein Datenbestand; er bleibt unverändert.")
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        passphrase = read_new_passphrase()
    app, recovery = App.create(folder, passphrase, role=args.role, name=args.name)
    app.close()
    print(f"Datenbestand angelegt in {folder}.")
    if args.recovery_key_out:
        _write_recovery_key(args.recovery_key_out, recovery, args.name)
        print(f"Wiederherstellungsschlüssel gespeichert in {args.recovery_key_out}.")
    else:
        print("Wiederherstellungsschlüssel (nur jetzt sichtbar – bitte notieren oder drucken):")
        print(f"  {recovery}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with opened(args) as app:
        counts: dict[str, object] = dict(app.stats.counts())
        if args.json:
            counts["digest"] = app.sync.digest()
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        for key, kind in STATS_KINDS:
            print(f"{kind_label(kind):<16}{counts[key]:>10}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services.passphrase import LockedChange

    # The store is locked here, so the old secret is checked against the key file alone.
    # The desktop app changes it on an open store: services.passphrase.change_passphrase.
    folder = data_dir(args)
    if not maintenance.database_exists(folder):
        raise VielfaltError(f"In {folder} gibt es keinen Datenbestand.")
    change = LockedChange.load(folder)
    try:
        if args.recovery:
            secret = read_passphrase("Wiederherstellungsschlüssel: ", env=RECOVERY_ENV)
        else:
            secret = read_passphrase("Bisherige Passphrase: ")
        throttle(folder)
        change.unlock(secret, recovery=args.recovery)
        new = read_new_passphrase()
    except BaseException:
        change.close()
        raise
    busy = maintenance.patience(wait_seconds(args), busy_notice)
    done = change.apply(new, new_key=args.rekey, busy=busy)
    print("Die Passphrase wurde geändert.")
    if done is not None:
        _show_new_recovery_key(done.recovery_key, args.recovery_key_out)
        print(
            "Die Daten sind mit einem neuen Schlüssel verschlüsselt. Alte Kopien der "
            "Schlüsseldatei öffnen sie nicht mehr; ältere Sicherungen aber schon – bitte löschen:"
        )
        for backup in done.old_backups or (done.backup_folder,):
            print(f"  {backup}")
    return 0


def _write_recovery_key(out: Path, recovery: str, device: str) -> None:
    from vielfalt_desktop.fileio import atomic_write_text

    text = (
        "Vielfalt Desktop – Wiederherstellungsschlüssel\n"
        f"Gerät: {device}\n\n{recovery}\n\n"
        "Sicher aufbewahren: Wer diesen Schlüssel hat, kann die Daten öffnen.\n"
    )
    atomic_write_text(out, text, mode=0o600)


def _show_new_recovery_key(recovery: str, out: Path | None) -> None:
    if out:
        _write_recovery_key(out, recovery, "")
        print(f"Neuer Wiederherstellungsschlüssel gespeichert in {out}.")
    else:
        print("Neuer Wiederherstellungsschlüssel (nur jetzt sichtbar – bitte notieren):")
        print(f"  {recovery}")


def cmd_check(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    with opened(args) as app:
        problems: list[str] = maintenance.integrity_problems(app)
    # The folder, key file, store, its -wal/-shm files and backups/: the user's alone.
    problems += maintenance.permission_problems(folder)
    for warning in maintenance.kdf_warnings(folder):
        print(f"Warnung: {warning}", file=sys.stderr)
    if problems:
        for problem in problems:
            print(f"Problem: {problem}", file=sys.stderr)
        return 1
    print("Datenbestand und Schlüsseldatei sind in Ordnung.")
    return 0
