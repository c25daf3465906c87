"""`vielfalt partners | vocab`: the partner directory and the selection lists, both kept by
the coordinator and sent to the laptops with the next export."""

from __future__ import annotations

import argparse

from vielfalt_desktop.cli.common import UsageError, opened


def cmd_partners_import(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services.partners_csv import import_partners

    with opened(args) as app:
        result = import_partners(app.records, args.file)
    print(
        f"Partnerverzeichnis: {result.created} neu, {result.updated} aktualisiert, "
        f"{result.unchanged} unverändert."
    )
    return 0


def cmd_vocab_set(args: argparse.Namespace) -> int:
    with opened(args) as app:
        app.vocabulary.set_entry(
            args.vocabulary, args.code, args.de, args.en, active=not args.inactive
        )
    state = "stillgelegt" if args.inactive else "gespeichert"
    print(f"{args.vocabulary}: „{args.code}“ {state}; geht mit dem nächsten Export an die Laptops.")
    return 0


def cmd_vocab_list(args: argparse.Namespace) -> int:
    with opened(args) as app:
        if args.vocabulary not in app.vocab:
            raise UsageError(
                f"Unbekannte Liste „{args.vocabulary}“. Vorhanden: {', '.join(app.vocab.names())}"
            )
        entries = app.vocab[args.vocabulary].entries
    for entry in entries:
        mark = "" if entry.active else "  (stillgelegt)"
        print(f"{entry.code:<24} {entry.de}{mark}")
    return 0
