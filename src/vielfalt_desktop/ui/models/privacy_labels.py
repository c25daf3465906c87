"""Display names for the codes of the audit trail and the deletion log, in the chosen language.

The German originals live in the core (``domain.audit.ACTIONS``, ``domain.messages``,
``domain.retention``); these are the same names through Qt's translator. A code the UI does
not know yet (a newer core) shows the core's German name, and a test checks that every known
code has one here.
"""

from __future__ import annotations

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.audit import ACTIONS
from vielfalt_desktop.domain.messages import KIND_LABELS
from vielfalt_desktop.domain.retention import RULE_LABELS
from vielfalt_desktop.ui.i18n import message_text, translate


def action_labels() -> dict[str, str]:
    return {
        "create": translate("Datenschutz", "angelegt"),
        "update": translate("Datenschutz", "geändert"),
        "delete": translate("Datenschutz", "gelöscht"),
        "export": translate("Datenschutz", "Bündel exportiert"),
        "import": translate("Datenschutz", "Bündel eingelesen"),
        "import_refused": translate("Datenschutz", "Bündel abgelehnt"),
        "report": translate("Datenschutz", "Bericht oder Zettel gespeichert"),
        "unlock": translate("Datenschutz", "entsperrt"),
        "unlock_failed": translate("Datenschutz", "Entsperren fehlgeschlagen"),
        "purge": translate("Datenschutz", "Aufbewahrungsfristen angewandt"),
        "peer_added": translate("Datenschutz", "Gerät als vertrauenswürdig eingetragen"),
        "peer_removed": translate("Datenschutz", "Vertrauen in ein Gerät entzogen"),
        "passphrase_changed": translate("Datenschutz", "Passphrase geändert"),
        "log_export": translate("Datenschutz", "Protokoll exportiert"),
    }


def kind_labels() -> dict[str, str]:
    """Record kinds as they appear in the audit trail and the deletion log (plural).

    They come from the core's one table (``domain.messages.KIND_LABELS``), translated by
    ``message_text``.
    """
    return {kind: message_text(msg.kind_label(kind)) for kind in msg.KIND_LABELS}


def rule_labels() -> dict[str, str]:
    return {
        "notes": translate("Datenschutz", "Freitext nach Ablauf geleert"),
        "pseudonym": translate("Datenschutz", "Pseudonym-Verknüpfung entfernt"),
        "conflict_log": translate("Datenschutz", "Abgelegte Werte des Konfliktprotokolls entfernt"),
        "after_ack": translate(
            "Datenschutz",
            "Vom Laptop entfernt, nachdem die Koordination den Empfang bestätigt hat",
        ),
        "backup": translate("Datenschutz", "Sicherungskopie vor einem Programm-Update gelöscht"),
    }


def detail_labels() -> dict[str, str]:
    """The few fixed words the core writes into an entry's note (names pass through)."""
    return {
        "pdf": "PDF",
        "csv": "CSV",
        "verweiszettel": translate("Datenschutz", "Verweiszettel"),
        "wiederherstellungsschluessel": translate(
            "Datenschutz", "mit dem Wiederherstellungsschlüssel"
        ),
    }


def action_label(code: str, labels: dict[str, str] | None = None) -> str:
    return (labels or action_labels()).get(code) or ACTIONS.get(code, code)


def kind_label(code: str, labels: dict[str, str] | None = None) -> str:
    if not code:
        return ""
    return (labels or kind_labels()).get(code) or KIND_LABELS.get(code, code)


def rule_label(code: str, labels: dict[str, str] | None = None) -> str:
    return (labels or rule_labels()).get(code) or RULE_LABELS.get(code, code)
