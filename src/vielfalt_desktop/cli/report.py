"""`vielfalt report`: the coordinator's report for the funders, as PDF and optionally CSV,
with small numbers kept secret (services.report_export)."""

from __future__ import annotations

import argparse

from vielfalt_desktop.cli.common import opened


def cmd_report(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services import report_export

    with opened(args) as app:
        report = report_export.build_report(
            app, args.date_from, args.date_to, tuple(args.district), threshold=args.threshold
        )
        report_export.write_pdf(app, report, args.output)
        print(f"Bericht geschrieben: {args.output}")
        if args.csv:
            report_export.write_csv(app, report, args.csv)
            print(f"Tabelle geschrieben: {args.csv}")
    print("Hinweis: PDF und CSV sind nicht verschlüsselt – bitte sicher aufbewahren.")
    return 0
