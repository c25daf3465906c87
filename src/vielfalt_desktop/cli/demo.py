"""`vielfalt demo`: fill the store with realistic, made-up, anonymised data (the demo layer)."""

from __future__ import annotations

import argparse

from vielfalt_desktop.cli.common import opened


def cmd_demo(args: argparse.Namespace) -> int:
    from vielfalt_desktop import demo

    with opened(args) as app:
        result = demo.fill(app, contacts=args.contacts, seed=args.seed)
    print(
        f"Demodaten angelegt: {result.contacts} Kontakte, {result.referrals} Verweise, "
        f"{result.conflicts} Konflikte, {result.interventions} Interventionen, "
        f"{result.events} Veranstaltungen, {result.partners} Partner."
    )
    return 0
