"""`vielfalt audit | retention | purge | deletion-log`: data protection on the command line."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from vielfalt_desktop.cli import UsageError, _iso_date, _open, _positive
from vielfalt_desktop.domain.audit import ACTIONS
from vielfalt_desktop.domain.retention import KIND_LABELS, NOTE_FIELDS, RULE_LABELS


def add_privacy_commands(sub: Any) -> None:
    audit = sub.add_parser("audit", help="Prüfprotokoll zeigen oder exportieren")
    audit.add_argument("--from", dest="date_from", type=_iso_date, metavar="JJJJ-MM-TT")
    audit.add_argument("--to", dest="date_to", type=_iso_date, metavar="JJJJ-MM-TT")
    audit.add_argument("--device", metavar="NAME", help="nur dieses Gerät (Name oder ID)")
    audit.add_argument("--action", choices=sorted(ACTIONS), metavar="AKTION")
    audit.add_argument("--record", metavar="ID", help="nur dieser Eintrag")
    audit.add_argument("--limit", type=_positive, default=50)
    audit.add_argument("-o", "--output", type=Path, metavar="FILE.pdf|FILE.csv")
    audit.set_defaults(run=cmd_audit)

    retention = sub.add_parser("retention", help="Aufbewahrungsregeln zeigen oder ändern")
    retention_sub = retention.add_subparsers(dest="retention_command", metavar="BEFEHL")
    show = retention_sub.add_parser("show", help="die geltenden Regeln zeigen")
    show.set_defaults(run=cmd_retention_show)
    change = retention_sub.add_parser("set", help="Regeln ändern")
    change.add_argument(
        "--notes",
        action="append",
        default=[],
        metavar="ART=MONATE",
        help=f"Freitext leeren nach Monaten, z. B. contact=12 ({', '.join(NOTE_FIELDS)}, all)",
    )
    change.add_argument("--pseudonym-months", type=int, metavar="MONATE")
    change.add_argument(
        "--purge-after-ack",
        metavar="TAGE|off",
        help="Laptop: bestätigte, erledigte Einträge nach so vielen Tagen entfernen",
    )
    change.set_defaults(run=cmd_retention_set)

    purge = sub.add_parser("purge", help="die Aufbewahrungsregeln jetzt anwenden")
    purge.add_argument("--dry-run", action="store_true", help="nur zählen, nichts ändern")
    purge.set_defaults(run=cmd_purge)

    log = sub.add_parser("deletion-log", help="Löschprotokoll zeigen oder als PDF exportieren")
    log.add_argument("-o", "--output", type=Path, metavar="FILE.pdf")
    log.set_defaults(run=cmd_deletion_log)


def cmd_audit(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services import log_export
    from vielfalt_desktop.services.audit import AuditFilter

    app = _open(args)
    try:
        node = app.sync.find_peer(args.device).node_id if args.device else None
        if args.device and args.device in (app.store.node_name, app.store.node_id):
            node = app.store.node_id
        where = AuditFilter(
            node_id=node,
            action=args.action,
            record_id=args.record,
            date_from=args.date_from,
            date_to=args.date_to,
        )
        if args.output:
            suffix = Path(args.output).suffix.lower()
            if suffix not in (".pdf", ".csv"):
                raise UsageError("Das Prüfprotokoll wird als .pdf oder .csv geschrieben.")
            write = log_export.write_audit_pdf if suffix == ".pdf" else log_export.write_audit_csv
            count = write(app, args.output, where)
            print(f"Prüfprotokoll geschrieben: {args.output} ({count} Einträge)")
            print("Hinweis: Die Datei ist nicht verschlüsselt – bitte sicher aufbewahren.")
            return 0
        total = app.audit.count(where)
        for e in app.audit.entries(where, limit=args.limit):
            target = f"{e.record_kind} {e.record_id or ''}".strip()
            extra = f" ×{e.count}" if e.count != 1 else ""
            detail = f" ({e.detail})" if e.detail else ""
            print(f"{e.at}  {e.node_name:<18} {e.action_label:<34} {target}{extra}{detail}")
        shown = min(total, args.limit)
        print(f"{shown} von {total} Einträgen" + (" (mehr mit --limit)" if total > shown else ""))
    finally:
        app.close()
    return 0


def cmd_retention_show(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        policy = app.retention.policy()
        role = app.store.role
    finally:
        app.close()
    print("Freitext wird geleert nach (Monaten ab Datum bzw. Abschluss):")
    for kind, months in policy.note_months.items():
        print(f"  {KIND_LABELS[kind]:<22} ({kind}): {months}")
    print(f"Pseudonym-Verknüpfung entfernt nach: {policy.pseudonym_months} Monaten")
    if role == "field":
        days = policy.purge_after_ack_days
        state = "aus" if days is None else f"nach {days} Tagen"
        print(f"Bestätigte, erledigte Einträge vom Laptop entfernen: {state}")
    return 0


def cmd_retention_set(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        policy = app.retention.policy()
        notes = dict(policy.note_months)
        for item in args.notes:
            kind, _, months = item.partition("=")
            if not months.strip().isdigit() or (kind not in NOTE_FIELDS and kind != "all"):
                raise UsageError(f"„{item}“: bitte ART=MONATE, z. B. contact=12.")
            for chosen in NOTE_FIELDS if kind == "all" else (kind,):
                notes[chosen] = int(months)
        changes: dict[str, Any] = {"note_months": notes}
        if args.pseudonym_months is not None:
            changes["pseudonym_months"] = args.pseudonym_months
        if args.purge_after_ack is not None:
            value = args.purge_after_ack.strip().lower()
            if value not in ("off", "aus") and not value.isdigit():
                raise UsageError("--purge-after-ack: eine Zahl von Tagen oder „off“.")
            changes["purge_after_ack_days"] = None if not value.isdigit() else int(value)
        app.retention.set_policy(dataclasses.replace(policy, **changes))
    finally:
        app.close()
    print("Die Aufbewahrungsregeln wurden gespeichert; sie gelten ab dem nächsten Lauf.")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    # Not the daily run at unlock: a dry run must change nothing, and a real one is this.
    app = _open(args, housekeeping=False)
    try:
        result = app.retention.purge(dry_run=args.dry_run)
    finally:
        app.close()
    if not result.counts:
        print("Nichts fällig: keine Einträge sind von den Aufbewahrungsregeln betroffen.")
        return 0
    for c in result.counts:
        kind = KIND_LABELS.get(c.record_kind, c.record_kind)
        print(f"{RULE_LABELS[c.rule]}: {c.count} {kind}")
    if args.dry_run:
        print("Probelauf – nichts wurde geändert.")
    return 0


def cmd_deletion_log(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services import log_export

    app = _open(args)
    try:
        if args.output:
            count = log_export.write_deletion_log_pdf(app, args.output)
            print(f"Löschprotokoll geschrieben: {args.output} ({count} Einträge)")
            print("Hinweis: Die Datei ist nicht verschlüsselt – bitte sicher aufbewahren.")
            return 0
        entries = app.retention.deletion_log()
    finally:
        app.close()
    for e in entries:
        kind = KIND_LABELS.get(e.record_kind, e.record_kind)
        print(f"{e.at}  {e.node_name:<18} {RULE_LABELS.get(e.rule, e.rule)}: {e.count} {kind}")
    if not entries:
        print("Das Löschprotokoll ist leer.")
    return 0
