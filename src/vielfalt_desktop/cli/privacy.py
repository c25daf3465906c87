"""`vielfalt audit | retention | purge | deletion-log`: data protection on the command line –
the audit trail, the retention rules, applying them, and what they removed."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from vielfalt_desktop.cli.common import UsageError, opened
from vielfalt_desktop.domain.messages import KIND_LABELS
from vielfalt_desktop.domain.retention import NOTE_FIELDS, RULE_LABELS


def cmd_audit(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services import log_export
    from vielfalt_desktop.services.audit import AuditFilter

    with opened(args) as app:
        device = app.device
        node = app.sync.find_peer(args.device).node_id if args.device else None
        if args.device and args.device in (device.name, device.node_id):
            node = device.node_id
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
    return 0


def cmd_retention_show(args: argparse.Namespace) -> int:
    with opened(args) as app:
        policy = app.retention.policy()
        role = app.device.role
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
    with opened(args) as app:
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
    print("Die Aufbewahrungsregeln wurden gespeichert; sie gelten ab dem nächsten Lauf.")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    # Not the daily run at unlock: a dry run must change nothing, and a real one is this.
    with opened(args, housekeeping=False) as app:
        result = app.retention.purge(dry_run=args.dry_run)
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

    with opened(args) as app:
        if args.output:
            count = log_export.write_deletion_log_pdf(app, args.output)
            print(f"Löschprotokoll geschrieben: {args.output} ({count} Einträge)")
            print("Hinweis: Die Datei ist nicht verschlüsselt – bitte sicher aufbewahren.")
            return 0
        entries = app.retention.deletion_log()
    for e in entries:
        kind = KIND_LABELS.get(e.record_kind, e.record_kind)
        print(f"{e.at}  {e.node_name:<18} {RULE_LABELS.get(e.rule, e.rule)}: {e.count} {kind}")
    if not entries:
        print("Das Löschprotokoll ist leer.")
    return 0
