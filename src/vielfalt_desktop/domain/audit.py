"""The actions the audit trail records, with their German names."""

from __future__ import annotations

import datetime as dt

ACTIONS: dict[str, str] = {
    "create": "angelegt",
    "update": "geändert",
    "delete": "gelöscht",
    "export": "Bündel exportiert",
    "import": "Bündel eingelesen",
    "import_refused": "Bündel abgelehnt",
    "report": "Bericht oder Zettel gespeichert",
    "unlock": "entsperrt",
    "unlock_failed": "Entsperren fehlgeschlagen",
    "purge": "Aufbewahrungsfristen angewandt",
    "peer_added": "Gerät als vertrauenswürdig eingetragen",
    "peer_removed": "Vertrauen in ein Gerät entzogen",
    "passphrase_changed": "Passphrase geändert",
    "log_export": "Protokoll exportiert",
}


def timestamp(moment: dt.datetime) -> str:
    """UTC to the second, e.g. ``2026-11-24T10:00:00Z``: sorts as text, reads the same anywhere."""
    utc = moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def day_start(day: dt.date) -> str:
    """The first moment of a day in this computer's local time, as a stored UTC timestamp.

    Filters by day compare against it, so "24.11." means the local day, not the UTC one.
    """
    return timestamp(dt.datetime.combine(day, dt.time.min).astimezone())
