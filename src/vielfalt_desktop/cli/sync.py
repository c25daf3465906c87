"""`vielfalt identity | peers | export | import`: trusting other devices and exchanging
bundles with them.

Where ``-o`` names an existing folder, the file gets the app's default name there
(SyncService.card_name and SyncService.bundle_path).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vielfalt_desktop.cli.common import confirmed, opened
from vielfalt_desktop.domain.messages import role_label


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
