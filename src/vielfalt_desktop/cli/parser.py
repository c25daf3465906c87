"""The `vielfalt` argument parser, in German: usage, section titles, help and error messages.

argparse's own words come from gettext without a German catalogue, so the few that users
see are replaced here (:data:`ERRORS`); anything not listed stays as argparse says it.
:func:`build_parser` adds the commands in the order ``vielfalt --help`` lists them, one
small function per command or family; each names the function that runs it (``run``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any, NoReturn

from vielfalt_desktop import __version__
from vielfalt_desktop.cli import demo, directory, privacy, report, store, sync
from vielfalt_desktop.domain.audit import ACTIONS
from vielfalt_desktop.domain.retention import NOTE_FIELDS

#: argparse's error messages (Python 3.11–3.13) and their German wording.
ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), german)
    for pattern, german in (
        (r"the following arguments are required: (.+)", r"Es fehlt: \1"),
        (r"unrecognized arguments: (.+)", r"Unbekannte Angaben: \1"),
        (
            r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)",
            r"\1: „\2“ gibt es nicht (möglich: \3)",
        ),
        (r"argument (\S+): invalid \S+ value: '(.*)'", r"\1: „\2“ ist kein gültiger Wert"),
        (r"argument (\S+): expected one argument", r"\1: Hier fehlt der Wert."),
        (r"argument (\S+): not allowed with argument (\S+)", r"\1 geht nicht zusammen mit \2"),
        (r"argument (\S+): (.+)", r"\1: \2"),
    )
)


def german_error(message: str) -> str:
    for pattern, german in ERRORS:
        if pattern.fullmatch(message):
            return pattern.sub(german, message)
    return message


class GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class GermanArgumentParser(argparse.ArgumentParser):
    """Sub-commands made by ``add_subparsers().add_parser`` are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {german_error(message)}\n")


# --- argument types -----------------------------------------------------------------------


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum der Form JJJJ-MM-TT") from None


def seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl") from None
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError("muss zwischen 0 und 3600 liegen")
    return value


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl") from None
    if value < 1:
        raise argparse.ArgumentTypeError("muss mindestens 1 sein")
    return value


# --- the parser ---------------------------------------------------------------------------

# ``add_subparsers()`` returns argparse's private _SubParsersAction.
Commands = Any


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="vielfalt",
        description="Vielfalt Desktop – Dokumentation für die Integrationsgemeinwesenarbeit.",
    )
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")
    for add in (
        _init,
        _demo,
        _stats,
        _directory,
        _passwd,
        _privacy,
        _identity_and_peers,
        _exchange,
        _folder_sync,
        _report,
        _check,
    ):
        add(sub)
    return parser


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        action="version",
        version=f"vielfalt {__version__}",
        help="die Versionsnummer zeigen und beenden",
    )
    parser.add_argument("--data-dir", type=Path, help="Datenverzeichnis (Standard: Benutzerdaten)")
    parser.add_argument("--debug", action="store_true", help="bei Fehlern den Traceback zeigen")
    parser.add_argument(
        "--wait",
        type=seconds,
        default=60.0,
        metavar="SEKUNDEN",
        help="so lange warten, wenn ein anderer Vorgang den Datenbestand benutzt (Standard: 60)",
    )


# --- the store: init, stats, passwd, check (store.py); demo (demo.py) ------------------------


def _init(sub: Commands) -> None:
    init = sub.add_parser("init", help="einen neuen verschlüsselten Datenbestand anlegen")
    init.add_argument("--role", choices=("field", "office"), required=True)
    init.add_argument("--name", required=True, help="Name dieses Geräts, z. B. „Laptop Nord“")
    init.add_argument("--recovery-key-out", type=Path, metavar="FILE")
    init.set_defaults(run=store.cmd_init)


def _demo(sub: Commands) -> None:
    fill = sub.add_parser("demo", help="mit realistischen, erfundenen Daten füllen")
    fill.add_argument(
        "--contacts",
        type=positive,
        default=500,
        metavar="ANZAHL",
        help="wie viele Kontakte, mit passenden Verweisen, Konflikten usw. (Standard: 500)",
    )
    fill.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="ZAHL",
        help="gleiche Zahl, gleiche Daten (Standard: 1)",
    )
    fill.set_defaults(run=demo.cmd_demo)


def _stats(sub: Commands) -> None:
    stats = sub.add_parser("stats", help="Anzahl der Einträge")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=store.cmd_stats)


def _passwd(sub: Commands) -> None:
    passwd = sub.add_parser("passwd", help="die Passphrase ändern")
    passwd.add_argument(
        "--recovery",
        action="store_true",
        help="mit dem Wiederherstellungsschlüssel statt der Passphrase",
    )
    passwd.add_argument(
        "--rekey",
        action="store_true",
        help="die Passphrase wurde bekannt: neuer Daten- und Wiederherstellungsschlüssel",
    )
    passwd.add_argument("--recovery-key-out", type=Path, metavar="FILE")
    passwd.set_defaults(run=store.cmd_passwd)


def _check(sub: Commands) -> None:
    check = sub.add_parser("check", help="Datenbestand und Schlüsseldatei prüfen")
    check.set_defaults(run=store.cmd_check)


# --- partners and vocab (directory.py) ----------------------------------------------------


def _directory(sub: Commands) -> None:
    partners = sub.add_parser("partners", help="Partnerverzeichnis")
    partners_sub = partners.add_subparsers(dest="partners_command", metavar="BEFEHL")
    partners_import = partners_sub.add_parser("import", help="aus einer CSV-Datei laden")
    partners_import.add_argument("file", type=Path, metavar="FILE.csv")
    partners_import.set_defaults(run=directory.cmd_partners_import)

    vocab = sub.add_parser("vocab", help="Auswahllisten anpassen (Koordination)")
    vocab_sub = vocab.add_subparsers(dest="vocab_command", metavar="BEFEHL")
    vocab_set = vocab_sub.add_parser(
        "set", help="einen Wert hinzufügen, umbenennen oder stilllegen"
    )
    vocab_set.add_argument("vocabulary", metavar="LISTE", help="z. B. topic, offer, language")
    vocab_set.add_argument("code", metavar="CODE", help="Kleinbuchstaben, Ziffern, _")
    vocab_set.add_argument("--de", required=True, help="deutsche Bezeichnung")
    vocab_set.add_argument("--en", required=True, help="englische Bezeichnung")
    vocab_set.add_argument("--inactive", action="store_true", help="nicht mehr zur Auswahl")
    vocab_set.set_defaults(run=directory.cmd_vocab_set)
    vocab_list = vocab_sub.add_parser("list", help="die Werte einer Liste zeigen")
    vocab_list.add_argument("vocabulary", metavar="LISTE")
    vocab_list.set_defaults(run=directory.cmd_vocab_list)


# --- audit, retention, purge, deletion-log (privacy.py) -----------------------------------


def _privacy(sub: Commands) -> None:
    _audit(sub)
    _retention(sub)
    purge = sub.add_parser("purge", help="die Aufbewahrungsregeln jetzt anwenden")
    purge.add_argument("--dry-run", action="store_true", help="nur zählen, nichts ändern")
    purge.set_defaults(run=privacy.cmd_purge)

    log = sub.add_parser("deletion-log", help="Löschprotokoll zeigen oder als PDF exportieren")
    log.add_argument("-o", "--output", type=Path, metavar="FILE.pdf")
    log.set_defaults(run=privacy.cmd_deletion_log)


def _audit(sub: Commands) -> None:
    audit = sub.add_parser("audit", help="Prüfprotokoll zeigen oder exportieren")
    audit.add_argument("--from", dest="date_from", type=iso_date, metavar="JJJJ-MM-TT")
    audit.add_argument("--to", dest="date_to", type=iso_date, metavar="JJJJ-MM-TT")
    audit.add_argument("--device", metavar="NAME", help="nur dieses Gerät (Name oder ID)")
    audit.add_argument("--action", choices=sorted(ACTIONS), metavar="AKTION")
    audit.add_argument("--record", metavar="ID", help="nur dieser Eintrag")
    audit.add_argument("--limit", type=positive, default=50)
    audit.add_argument("-o", "--output", type=Path, metavar="FILE.pdf|FILE.csv")
    audit.set_defaults(run=privacy.cmd_audit)


def _retention(sub: Commands) -> None:
    retention = sub.add_parser("retention", help="Aufbewahrungsregeln zeigen oder ändern")
    retention_sub = retention.add_subparsers(dest="retention_command", metavar="BEFEHL")
    show = retention_sub.add_parser("show", help="die geltenden Regeln zeigen")
    show.set_defaults(run=privacy.cmd_retention_show)
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
    change.set_defaults(run=privacy.cmd_retention_set)


# --- identity, peers, export, import (sync.py) --------------------------------------------

_FOLDER_HELP = "Datei, oder ein Ordner: dort unter dem üblichen Namen"


def _identity_and_peers(sub: Commands) -> None:
    identity = sub.add_parser("identity", help="die Identitätskarte dieses Geräts")
    identity_sub = identity.add_subparsers(dest="identity_command", metavar="BEFEHL")
    identity_export = identity_sub.add_parser("export", help="Identitätskarte schreiben")
    identity_export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help=_FOLDER_HELP
    )
    identity_export.set_defaults(run=sync.cmd_identity_export)

    peers = sub.add_parser("peers", help="vertraute Geräte")
    peers_sub = peers.add_subparsers(dest="peers_command", metavar="BEFEHL")
    peers_add = peers_sub.add_parser("add", help="einer Identitätskarte vertrauen")
    peers_add.add_argument("file", type=Path, metavar="FILE")
    peers_add.add_argument("--yes", action="store_true", help="Fingerabdruck ist verglichen")
    peers_add.set_defaults(run=sync.cmd_peers_add)
    peers_list = peers_sub.add_parser("list", help="vertraute Geräte zeigen")
    peers_list.set_defaults(run=sync.cmd_peers_list)
    peers_remove = peers_sub.add_parser(
        "remove", help="einem Gerät nicht mehr vertrauen (z. B. verlorener Laptop)"
    )
    peers_remove.add_argument("peer", metavar="PEER", help="Name oder ID des Geräts")
    peers_remove.add_argument("--yes", action="store_true", help="ohne Rückfrage")
    peers_remove.set_defaults(run=sync.cmd_peers_remove)


def _exchange(sub: Commands) -> None:
    export = sub.add_parser("export", help="ein Bündel für ein vertrautes Gerät schreiben")
    export.add_argument("--to", required=True, metavar="PEER", help="Name oder ID des Geräts")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help=_FOLDER_HELP
    )
    export.set_defaults(run=sync.cmd_export)

    import_ = sub.add_parser("import", help="Bündel prüfen, entschlüsseln und übernehmen")
    import_.add_argument("files", type=Path, nargs="+", metavar="FILE")
    import_.set_defaults(run=sync.cmd_import)


# --- sync-folder, sync (sync.py) ---------------------------------------------------------


def _folder_sync(sub: Commands) -> None:
    folder = sub.add_parser("sync-folder", help="der Synchronisationsordner dieses Geräts")
    folder_sub = folder.add_subparsers(dest="sync_folder_command", metavar="BEFEHL")
    choose = folder_sub.add_parser(
        "set", help="einen Ordner (Netzlaufwerk, Nextcloud, Stick) für die Bündel wählen"
    )
    choose.add_argument("folder", type=Path, metavar="ORDNER")
    choose.add_argument(
        "--automatic",
        choices=("on", "off"),
        help="in der App beim Entsperren und bei neuen Bündeln synchronisieren (Standard: on)",
    )
    choose.add_argument(
        "--keep-processed",
        choices=("on", "off"),
        help="eingelesene Bündel 30 Tage in „erledigt/“ behalten (Standard: off, gelöscht)",
    )
    choose.set_defaults(run=sync.cmd_sync_folder_set)
    show = folder_sub.add_parser("show", help="den eingestellten Ordner zeigen")
    show.set_defaults(run=sync.cmd_sync_folder_show)
    clear = folder_sub.add_parser("clear", help="keinen Ordner mehr verwenden")
    clear.set_defaults(run=sync.cmd_sync_folder_clear)

    run = sub.add_parser(
        "sync", help="über den Synchronisationsordner: Bündel einlesen, neue schreiben"
    )
    run.add_argument(
        "--folder", type=Path, metavar="ORDNER", help="dieses Mal diesen Ordner verwenden"
    )
    run.set_defaults(run=sync.cmd_sync)


# --- report (report.py) -------------------------------------------------------------------


def _report(sub: Commands) -> None:
    make = sub.add_parser("report", help="Bericht für die Koordination (PDF, optional CSV)")
    make.add_argument(
        "--from", dest="date_from", type=iso_date, required=True, metavar="JJJJ-MM-TT"
    )
    make.add_argument("--to", dest="date_to", type=iso_date, required=True, metavar="JJJJ-MM-TT")
    make.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    make.add_argument("--csv", type=Path, metavar="FILE.csv")
    make.add_argument(
        "--district",
        action="append",
        default=[],
        metavar="CODE",
        help="nur diese Stadtteile oder Gebiete (mehrfach möglich)",
    )
    make.add_argument(
        "--threshold",
        type=int,
        default=4,
        help="Zahlen von 1 bis zu diesem Wert geheim halten (ab 3)",
    )
    make.set_defaults(run=report.cmd_report)
