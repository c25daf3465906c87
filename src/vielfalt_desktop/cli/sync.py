"""`vielfalt identity | peers | export | import | sync-folder | sync`: trusting other devices
and exchanging bundles with them, by hand or over a sync folder.

Where ``-o`` names an existing folder, the file gets the app's default name there
(SyncService.card_name and SyncService.bundle_path).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from vielfalt_desktop.cli.common import confirmed, opened
from vielfalt_desktop.domain.messages import role_label

if TYPE_CHECKING:
    from vielfalt_desktop.services.folder_sync import FolderSync


def cmd_identity_export(args: argparse.Namespace) -> int:
    with opened(args) as app:
        output = Path(args.output)
        if output.is_dir():
            output = output / app.sync.card_name()
        card = app.sync.export_identity(output)
    print(f"Identitätskarte von „{card.name}“ geschrieben: {output}")
    print(f"Fingerabdruck: {card.fingerprint}")
    return 0


def cmd_peers_add(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services.sync import SyncService

    card = SyncService.read_card(args.file)
    with opened(args) as app:
        app.sync.check_card(card)  # refused cards are refused before the question
        print(f"Gerät: {card.name} ({role_label(card.role)})")
        print(f"Fingerabdruck: {card.fingerprint}")
        if not confirmed(
            "Stimmt der Fingerabdruck mit dem des Geräts überein? [j/N] ",
            yes=args.yes,
            without_terminal="Bitte den Fingerabdruck vergleichen und mit --yes bestätigen.",
        ):
            print("Nicht hinzugefügt.")
            return 1
        app.sync.add_peer(card)
    print(f"„{card.name}“ ist jetzt ein vertrautes Gerät.")
    return 0


def cmd_peers_remove(args: argparse.Namespace) -> int:
    with opened(args) as app:
        peer = app.sync.find_peer(args.peer)
        if not confirmed(
            f"„{peer.name}“ nicht mehr vertrauen? Seine Bündel werden dann abgelehnt. [j/N] ",
            yes=args.yes,
            without_terminal="Bitte mit --yes bestätigen, dass dem Gerät nicht mehr vertraut wird.",
        ):
            print("Nichts geändert.")
            return 1
        app.sync.remove_peer(peer.node_id)
    print(f"„{peer.name}“ ist kein vertrautes Gerät mehr; was es früher geschickt hat, bleibt.")
    return 0


def cmd_peers_list(args: argparse.Namespace) -> int:
    with opened(args) as app:
        peers = app.sync.peers()
    if not peers:
        print("Noch keine vertrauten Geräte.")
    for peer in peers:
        print(f"{peer.name:<24} {role_label(peer.role):<13} {peer.fingerprint}  {peer.node_id}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with opened(args) as app:
        output = Path(args.output)
        if output.is_dir():
            output = app.sync.bundle_path(app.sync.find_peer(args.to).name, output)
        result = app.sync.export(args.to, output)
    print(f"Bündel geschrieben: {result.path} ({result.total} Einträge).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with opened(args) as app:
        for path in args.files:
            result = app.sync.import_file(path)
            if result.already_known:
                print(f"{path.name}: schon eingelesen – nichts geändert.")
            else:
                print(
                    f"{path.name}: von „{result.sender_name}“, {result.records} Einträge, "
                    f"{result.changed} übernommen."
                )
            for problem in result.problems:
                print(f"Problem bei der Integritätsprüfung: {problem}", file=sys.stderr)
            if result.problems:
                return 1
    return 0


# --- the sync folder (issue 15) -------------------------------------------------------------

_ON_OFF = {"on": True, "off": False}


def cmd_sync_folder_set(args: argparse.Namespace) -> int:
    with opened(args) as app:
        folder_sync = app.folder_sync
        folder_sync.set_folder(args.folder)
        if args.automatic is not None:
            folder_sync.set_automatic(_ON_OFF[args.automatic])
        if args.keep_processed is not None:
            folder_sync.set_keep_processed(_ON_OFF[args.keep_processed])
        _show_folder(app.folder_sync)
    return 0


def cmd_sync_folder_show(args: argparse.Namespace) -> int:
    with opened(args) as app:
        _show_folder(app.folder_sync)
    return 0


def cmd_sync_folder_clear(args: argparse.Namespace) -> int:
    with opened(args) as app:
        app.folder_sync.set_folder(None)
    print("Kein Synchronisationsordner mehr eingestellt; der Ordner selbst bleibt unberührt.")
    return 0


def _show_folder(folder_sync: FolderSync) -> None:
    folder = folder_sync.folder()
    if folder is None:
        print("Kein Synchronisationsordner eingestellt („vielfalt sync-folder set ORDNER“).")
        return
    yes_no = {True: "ja", False: "nein"}
    print(f"Synchronisationsordner:      {folder}")
    print(f"Postfach dieses Geräts:      {folder_sync.mailbox()}")
    print(f"Automatisch synchronisieren: {yes_no[folder_sync.automatic()]}")
    keep = yes_no[folder_sync.keep_processed()]
    print(f"Erledigte Bündel behalten:   {keep} (in „erledigt/“, 30 Tage)")


def cmd_sync(args: argparse.Namespace) -> int:
    with opened(args) as app:
        result = app.folder_sync.run(args.folder)
    print(result.summary())
    problems = [p for r in result.imported for p in r.problems]
    for problem in problems:
        print(f"Problem bei der Integritätsprüfung: {problem}", file=sys.stderr)
    return 1 if problems else 0
