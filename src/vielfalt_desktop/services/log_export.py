"""Log exports ("Protokolle"): the deletion log and the audit trail as files.

For the data protection officer: the deletion log as PDF, the audit trail as PDF or CSV
(`vielfalt audit -o`, `vielfalt deletion-log -o`, the Datenschutz screen). Written atomically
to the path the user chose, like every export; the export is itself logged. The PDF layout is
:mod:`vielfalt_desktop.reports.log_pdf`.
"""

from __future__ import annotations

from pathlib import Path

from vielfalt_desktop.domain.messages import KIND_LABELS
from vielfalt_desktop.domain.retention import RULE_LABELS
from vielfalt_desktop.reports import formatting as fmt
from vielfalt_desktop.reports.log_pdf import LogDocument, render_log_pdf
from vielfalt_desktop.reports.spreadsheet import render_csv_table
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.audit import AuditFilter, AuditRow
from vielfalt_desktop.services.report_export import save_export
from vielfalt_desktop.sync.naming import file_slug

MAX_AUDIT_ROWS = 100_000


def _produced(app: App) -> tuple[tuple[str, str], ...]:
    return (
        ("Gerät", f"{app.device.name} ({app.device.role_label})"),
        ("Erstellt", fmt.datetime(app.now())),
    )


def _when(at: str) -> str:
    # "2026-11-24T10:00:00Z" → local "24.11.2026, 11:00 Uhr"; anything else (a malformed
    # entry received from elsewhere) is shown as it is rather than breaking the export
    import datetime as dt

    try:
        parsed = dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return at
    return fmt.datetime(parsed.replace(tzinfo=dt.UTC))


def write_deletion_log_pdf(app: App, path: Path) -> int:
    """The deletion log of this store (its own runs and, at the coordinator, the laptops')."""
    entries = app.retention.deletion_log()
    document = LogDocument(
        title="Löschprotokoll",
        facts=_produced(app),
        columns=("Zeitpunkt", "Gerät", "Regel", "Art der Einträge", "Anzahl", "Stichtag"),
        widths=(0.17, 0.14, 0.3, 0.18, 0.09, 0.12),
        numeric=(4,),
        rows=tuple(
            (
                _when(e.at),
                e.node_name,
                RULE_LABELS.get(e.rule, e.rule),
                KIND_LABELS.get(e.record_kind, e.record_kind),
                fmt.integer(e.count),
                fmt.date(e.cutoff) if e.cutoff else "–",
            )
            for e in entries
        ),
        empty="Bisher wurde nach den Aufbewahrungsregeln nichts gelöscht.",
        explanation=(
            "Jede Zeile ist ein Lauf einer Aufbewahrungsregel: welche Art von Einträgen, "
            "wie viele, wann, nach welcher Regel. Stichtag: betroffen war, was vor diesem Tag "
            "lag. Das Protokoll enthält keine Inhalte der Einträge."
        ),
    )
    save_export(path, render_log_pdf(document))
    app.audit.log("log_export", record_kind="deletion_log", count=len(entries), detail="pdf")
    return len(entries)


def _audit_cells(e: AuditRow) -> tuple[str, ...]:
    return (
        _when(e.at),
        e.node_name,
        e.action_label,
        KIND_LABELS.get(e.record_kind, e.record_kind),
        e.record_id or "",
        fmt.integer(e.count),
        e.detail,
    )


AUDIT_COLUMNS = ("Zeitpunkt", "Gerät", "Aktion", "Art", "Kennung", "Anzahl", "Hinweis")


def write_audit_pdf(app: App, path: Path, where: AuditFilter | None = None) -> int:
    entries = app.audit.entries(where or AuditFilter(), limit=MAX_AUDIT_ROWS)
    document = LogDocument(
        title="Prüfprotokoll",
        facts=_produced(app),
        columns=AUDIT_COLUMNS,
        widths=(0.12, 0.14, 0.2, 0.16, 0.18, 0.09, 0.11),  # no word of the fixed texts breaks
        numeric=(5,),
        rows=tuple(_audit_cells(e) for e in entries),
        explanation=(
            "Wer (welches Gerät) hat wann was getan und an welchem Eintrag (nur dessen "
            "Kennung). Das Protokoll wird nur ergänzt, nie geändert, und enthält keine Inhalte."
        ),
    )
    save_export(path, render_log_pdf(document))
    app.audit.log("log_export", record_kind="audit", count=len(entries), detail="pdf")
    return len(entries)


def write_audit_csv(app: App, path: Path, where: AuditFilter | None = None) -> int:
    """The audit trail as CSV: raw time stamp and record kind (for sorting and filtering),
    every cell made safe for spreadsheets."""
    entries = app.audit.entries(where or AuditFilter(), limit=MAX_AUDIT_ROWS)
    rows = (
        (e.at, e.node_name, e.action_label, e.record_kind, e.record_id or "", e.count, e.detail)
        for e in entries
    )
    save_export(path, render_csv_table(AUDIT_COLUMNS, rows))
    app.audit.log("log_export", record_kind="audit", count=len(entries), detail="csv")
    return len(entries)


#: File name stems of the two logs (ASCII, like the other suggested file names).
FILE_STEMS = {"audit": "Pruefprotokoll", "deletion_log": "Loeschprotokoll"}


def file_name(app: App, log: str, suffix: str) -> str:
    """The suggested file name of a log export, e.g. ``Pruefprotokoll_Laptop-Nord_2026-11-24.pdf``.

    ``log`` is ``"audit"`` or ``"deletion_log"``, ``suffix`` ``"pdf"`` or ``"csv"``.
    """
    return f"{FILE_STEMS[log]}_{file_slug(app.device.name)}_{app.today().isoformat()}.{suffix}"
