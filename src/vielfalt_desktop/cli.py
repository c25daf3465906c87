"""`vielfalt`: the command line. With no command it opens the desktop app.

Errors are one line on stderr and an exit code: 0 ok, 2 usage, 3 wrong passphrase or locked
store, 4 rejected input, 5 store busy (another program kept its write lock), 1 anything else.
A traceback only with --debug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vielfalt_desktop import __version__
from vielfalt_desktop.cli_parser import GermanArgumentParser
from vielfalt_desktop.domain.errors import VielfaltError, WrongPassphrase

if TYPE_CHECKING:
    from vielfalt_desktop.services.app import App
    from vielfalt_desktop.store.database import Busy

# Names of environment variables, not secrets.
PASSPHRASE_ENV = "VIELFALT_PASSPHRASE"  # noqa: S105
NEW_PASSPHRASE_ENV = "VIELFALT_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_ENV = "VIELFALT_RECOVERY_KEY"


class UsageError(VielfaltError):
    exit_code = 2


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("vielfalt-desktop", "Landeshauptstadt Magdeburg"))


def build_parser() -> argparse.ArgumentParser:
    parser = GermanArgumentParser(
        prog="vielfalt",
        description="Vielfalt Desktop – Dokumentation für die Integrationsgemeinwesenarbeit.",
    )
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
        type=_seconds,
        default=60.0,
        metavar="SEKUNDEN",
        help="so lange warten, wenn ein anderer Vorgang den Datenbestand benutzt (Standard: 60)",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")

    init = sub.add_parser("init", help="einen neuen verschlüsselten Datenbestand anlegen")
    init.add_argument("--role", choices=("field", "office"), required=True)
    init.add_argument("--name", required=True, help="Name dieses Geräts, z. B. „Laptop Nord“")
    init.add_argument("--recovery-key-out", type=Path, metavar="FILE")
    init.set_defaults(run=cmd_init)

    demo = sub.add_parser("demo", help="mit realistischen, erfundenen Daten füllen")
    demo.add_argument(
        "--contacts",
        type=_positive,
        default=500,
        metavar="ANZAHL",
        help="wie viele Kontakte, mit passenden Verweisen, Konflikten usw. (Standard: 500)",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="ZAHL",
        help="gleiche Zahl, gleiche Daten (Standard: 1)",
    )
    demo.set_defaults(run=cmd_demo)

    stats = sub.add_parser("stats", help="Anzahl der Einträge")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=cmd_stats)

    partners = sub.add_parser("partners", help="Partnerverzeichnis")
    partners_sub = partners.add_subparsers(dest="partners_command", metavar="BEFEHL")
    partners_import = partners_sub.add_parser("import", help="aus einer CSV-Datei laden")
    partners_import.add_argument("file", type=Path, metavar="FILE.csv")
    partners_import.set_defaults(run=cmd_partners_import)

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
    vocab_set.set_defaults(run=cmd_vocab_set)
    vocab_list = vocab_sub.add_parser("list", help="die Werte einer Liste zeigen")
    vocab_list.add_argument("vocabulary", metavar="LISTE")
    vocab_list.set_defaults(run=cmd_vocab_list)

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
    passwd.set_defaults(run=cmd_passwd)

    from vielfalt_desktop.cli_privacy import add_privacy_commands

    add_privacy_commands(sub)

    identity = sub.add_parser("identity", help="die Identitätskarte dieses Geräts")
    identity_sub = identity.add_subparsers(dest="identity_command", metavar="BEFEHL")
    identity_export = identity_sub.add_parser("export", help="Identitätskarte schreiben")
    identity_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    identity_export.set_defaults(run=cmd_identity_export)

    peers = sub.add_parser("peers", help="vertraute Geräte")
    peers_sub = peers.add_subparsers(dest="peers_command", metavar="BEFEHL")
    peers_add = peers_sub.add_parser("add", help="einer Identitätskarte vertrauen")
    peers_add.add_argument("file", type=Path, metavar="FILE")
    peers_add.add_argument("--yes", action="store_true", help="Fingerabdruck ist verglichen")
    peers_add.set_defaults(run=cmd_peers_add)
    peers_list = peers_sub.add_parser("list", help="vertraute Geräte zeigen")
    peers_list.set_defaults(run=cmd_peers_list)
    peers_remove = peers_sub.add_parser(
        "remove", help="einem Gerät nicht mehr vertrauen (z. B. verlorener Laptop)"
    )
    peers_remove.add_argument("peer", metavar="PEER", help="Name oder ID des Geräts")
    peers_remove.add_argument("--yes", action="store_true", help="ohne Rückfrage")
    peers_remove.set_defaults(run=cmd_peers_remove)

    export = sub.add_parser("export", help="ein Bündel für ein vertrautes Gerät schreiben")
    export.add_argument("--to", required=True, metavar="PEER", help="Name oder ID des Geräts")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(run=cmd_export)

    import_ = sub.add_parser("import", help="Bündel prüfen, entschlüsseln und übernehmen")
    import_.add_argument("files", type=Path, nargs="+", metavar="FILE")
    import_.set_defaults(run=cmd_import)

    report = sub.add_parser("report", help="Bericht für die Koordination (PDF, optional CSV)")
    report.add_argument(
        "--from", dest="date_from", type=_iso_date, required=True, metavar="JJJJ-MM-TT"
    )
    report.add_argument("--to", dest="date_to", type=_iso_date, required=True, metavar="JJJJ-MM-TT")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument("--csv", type=Path, metavar="FILE.csv")
    report.add_argument(
        "--district",
        action="append",
        default=[],
        metavar="CODE",
        help="nur diese Stadtteile oder Gebiete (mehrfach möglich)",
    )
    report.add_argument(
        "--threshold",
        type=int,
        default=4,
        help="Zahlen von 1 bis zu diesem Wert geheim halten (ab 3)",
    )
    report.set_defaults(run=cmd_report)

    check = sub.add_parser("check", help="Datenbestand und Schlüsseldatei prüfen")
    check.set_defaults(run=cmd_check)
    return parser


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum der Form JJJJ-MM-TT") from None


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl") from None
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError("muss zwischen 0 und 3600 liegen")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl") from None
    if value < 1:
        raise argparse.ArgumentTypeError("muss mindestens 1 sein")
    return value


# --- passphrases --------------------------------------------------------------------------


def read_passphrase(prompt: str = "Passphrase: ", env: str = PASSPHRASE_ENV) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise WrongPassphrase(f"Keine Passphrase: bitte im Terminal eingeben oder {env} setzen.")
    return getpass.getpass(prompt)


def read_new_passphrase() -> str:
    value = os.environ.get(NEW_PASSPHRASE_ENV)
    if value is not None:
        return value
    first = read_passphrase("Neue Passphrase: ", env="_VIELFALT_NEVER_SET")
    second = read_passphrase("Neue Passphrase wiederholen: ", env="_VIELFALT_NEVER_SET")
    if first != second:
        raise UsageError("Die beiden Eingaben stimmen nicht überein.")
    return first


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def _busy(args: argparse.Namespace) -> Busy:
    """Wait up to --wait seconds for another program's write lock, saying so once."""
    from vielfalt_desktop.domain import messages as msg
    from vielfalt_desktop.domain.messages import Message
    from vielfalt_desktop.store.database import Busy

    def notice() -> None:
        print(f"vielfalt: {Message(msg.STORE_BUSY_WAITING)}", file=sys.stderr, flush=True)

    return Busy(wait_s=float(getattr(args, "wait", 60.0)), notice=notice)


def _throttle(data_dir: Path) -> None:
    """The growing wait after wrong passphrases, also across invocations (noted beside the
    store, like the GUI's)."""
    from vielfalt_desktop.domain import messages as msg
    from vielfalt_desktop.domain.messages import Message
    from vielfalt_desktop.services import audit
    from vielfalt_desktop.store.database import DataPaths

    failed = audit.failed_unlocks(DataPaths(data_dir))
    left = audit.unlock_delay(failed, dt.datetime.now(dt.UTC))
    if left > 0:
        seconds = max(1, round(left))
        text = Message(msg.UNLOCK_THROTTLED, count=len(failed), seconds=seconds)
        print(f"vielfalt: {text}", file=sys.stderr, flush=True)
        time.sleep(left)


def _open(args: argparse.Namespace, *, housekeeping: bool = True) -> App:
    from vielfalt_desktop.services.app import App

    data_dir = _data_dir(args)
    passphrase = read_passphrase()
    _throttle(data_dir)
    return App.open(data_dir, passphrase, housekeeping=housekeeping, busy=_busy(args))


# --- commands -----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from vielfalt_desktop.fileio import atomic_write_text
    from vielfalt_desktop.services.app import App
    from vielfalt_desktop.store.database import DataPaths

    data_dir = _data_dir(args)
    if DataPaths(data_dir).exists():
        raise VielfaltError(f"In {data_dir} liegt schon ein Datenbestand; er bleibt unverändert.")
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        passphrase = read_new_passphrase()
    app, recovery = App.create(data_dir, passphrase, role=args.role, name=args.name)
    app.close()
    print(f"Datenbestand angelegt in {data_dir}.")
    if args.recovery_key_out:
        text = (
            "Vielfalt Desktop – Wiederherstellungsschlüssel\n"
            f"Gerät: {args.name}\n\n{recovery}\n\n"
            "Sicher aufbewahren: Wer diesen Schlüssel hat, kann die Daten öffnen.\n"
        )
        atomic_write_text(args.recovery_key_out, text, mode=0o600)
        print(f"Wiederherstellungsschlüssel gespeichert in {args.recovery_key_out}.")
    else:
        print("Wiederherstellungsschlüssel (nur jetzt sichtbar – bitte notieren oder drucken):")
        print(f"  {recovery}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services import demo

    app = _open(args)
    try:
        result = demo.fill(app, contacts=args.contacts, seed=args.seed)
    finally:
        app.close()
    print(
        f"Demodaten angelegt: {result.contacts} Kontakte, {result.referrals} Verweise, "
        f"{result.conflicts} Konflikte, {result.interventions} Interventionen, "
        f"{result.events} Veranstaltungen, {result.partners} Partner."
    )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        counts: dict[str, object] = dict(app.stats.counts())
        if args.json:
            counts["digest"] = app.sync.digest()
    finally:
        app.close()
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        labels = {
            "contacts": "Kontakte",
            "referrals": "Verweise",
            "conflicts": "Konflikte",
            "interventions": "Interventionen",
            "events": "Veranstaltungen",
            "partners": "Partner",
        }
        for key, label in labels.items():
            print(f"{label:<16}{counts[key]:>10}")
    return 0


def cmd_partners_import(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services.partners_csv import import_partners

    app = _open(args)
    try:
        result = import_partners(app.records, args.file)
    finally:
        app.close()
    print(
        f"Partnerverzeichnis: {result.created} neu, {result.updated} aktualisiert, "
        f"{result.unchanged} unverändert."
    )
    return 0


def cmd_identity_export(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        card = app.sync.export_identity(args.output)
    finally:
        app.close()
    print(f"Identitätskarte von „{card.name}“ geschrieben: {args.output}")
    print(f"Fingerabdruck: {card.fingerprint}")
    return 0


def cmd_peers_add(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services.sync import SyncService

    card = SyncService.read_card(args.file)
    app = _open(args)
    try:
        app.sync.check_card(card)  # refused cards are refused before the question
        role = "Koordination" if card.role == "office" else "Laptop"
        print(f"Gerät: {card.name} ({role})")
        print(f"Fingerabdruck: {card.fingerprint}")
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError("Bitte den Fingerabdruck vergleichen und mit --yes bestätigen.")
            answer = input("Stimmt der Fingerabdruck mit dem des Geräts überein? [j/N] ")
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                print("Nicht hinzugefügt.")
                return 1
        app.sync.add_peer(card)
    finally:
        app.close()
    print(f"„{card.name}“ ist jetzt ein vertrautes Gerät.")
    return 0


def cmd_peers_remove(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        peer = app.sync.find_peer(args.peer)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(
                    "Bitte mit --yes bestätigen, dass dem Gerät nicht mehr vertraut wird."
                )
            answer = input(
                f"„{peer.name}“ nicht mehr vertrauen? Seine Bündel werden dann abgelehnt. [j/N] "
            )
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                print("Nichts geändert.")
                return 1
        app.sync.remove_peer(peer.node_id)
    finally:
        app.close()
    print(f"„{peer.name}“ ist kein vertrautes Gerät mehr; was es früher geschickt hat, bleibt.")
    return 0


def cmd_peers_list(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        peers = app.sync.peers()
    finally:
        app.close()
    if not peers:
        print("Noch keine vertrauten Geräte.")
    for peer in peers:
        role = "Koordination" if peer.role == "office" else "Laptop"
        print(f"{peer.name:<24} {role:<13} {peer.fingerprint}  {peer.node_id}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        result = app.sync.export(args.to, args.output)
    finally:
        app.close()
    print(f"Bündel geschrieben: {result.path} ({result.total} Einträge).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
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
    finally:
        app.close()
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services import report_export

    app = _open(args)
    try:
        report = report_export.build_report(
            app, args.date_from, args.date_to, tuple(args.district), threshold=args.threshold
        )
        report_export.write_pdf(app, report, args.output)
        print(f"Bericht geschrieben: {args.output}")
        if args.csv:
            report_export.write_csv(app, report, args.csv)
            print(f"Tabelle geschrieben: {args.csv}")
    finally:
        app.close()
    print("Hinweis: PDF und CSV sind nicht verschlüsselt – bitte sicher aufbewahren.")
    return 0


def cmd_vocab_set(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        app.vocabulary.set_entry(
            args.vocabulary, args.code, args.de, args.en, active=not args.inactive
        )
    finally:
        app.close()
    state = "stillgelegt" if args.inactive else "gespeichert"
    print(f"{args.vocabulary}: „{args.code}“ {state}; geht mit dem nächsten Export an die Laptops.")
    return 0


def cmd_vocab_list(args: argparse.Namespace) -> int:
    app = _open(args)
    try:
        if args.vocabulary not in app.vocab:
            raise UsageError(
                f"Unbekannte Liste „{args.vocabulary}“. Vorhanden: {', '.join(app.vocab.names())}"
            )
        entries = app.vocab[args.vocabulary].entries
    finally:
        app.close()
    for entry in entries:
        mark = "" if entry.active else "  (stillgelegt)"
        print(f"{entry.code:<24} {entry.de}{mark}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from vielfalt_desktop.services import audit, passphrase
    from vielfalt_desktop.store.database import DataPaths, Store
    from vielfalt_desktop.store.vault import KeyFile, check_passphrase

    # The store is locked here, so the old secret is checked against the key file alone.
    # The desktop app changes it on an open store: services.passphrase.change_passphrase.
    paths = DataPaths(_data_dir(args))
    if not paths.db.exists():
        raise VielfaltError(f"In {paths.root} gibt es keinen Datenbestand.")
    keyfile = KeyFile.load(paths.key)
    try:
        if args.recovery:
            secret = read_passphrase("Wiederherstellungsschlüssel: ", env=RECOVERY_ENV)
        else:
            secret = read_passphrase("Bisherige Passphrase: ")
        _throttle(paths.root)
        data_key = passphrase.unlock_key(keyfile, secret, recovery=args.recovery)
    except WrongPassphrase:
        audit.note_failed_unlock(paths, dt.datetime.now(dt.UTC))
        raise
    new = read_new_passphrase()
    check_passphrase(new)
    if args.rekey and not args.recovery and new == secret:
        raise UsageError("Die neue Passphrase muss sich von der bekannt gewordenen unterscheiden.")
    store = Store.open_with_key(paths, data_key, busy=_busy(args))
    try:
        if args.rekey:
            done = passphrase.rekey(store, keyfile, new, recovery=args.recovery)
        else:
            passphrase.rewrap(store, keyfile, data_key, new, recovery=args.recovery)
    finally:
        store.close()
    print("Die Passphrase wurde geändert.")
    if args.rekey:
        _show_recovery_key(done.recovery_key, args.recovery_key_out, "")
        print(
            "Die Daten sind mit einem neuen Schlüssel verschlüsselt. Alte Kopien der "
            "Schlüsseldatei öffnen sie nicht mehr; ältere Sicherungen aber schon – bitte löschen:"
        )
        for backup in done.old_backups or (paths.backups,):
            print(f"  {backup}")
    return 0


def _show_recovery_key(recovery: str, out: Path | None, device: str) -> None:
    from vielfalt_desktop.fileio import atomic_write_text

    if out:
        text = (
            "Vielfalt Desktop – Wiederherstellungsschlüssel\n"
            f"Gerät: {device}\n\n{recovery}\n\n"
            "Sicher aufbewahren: Wer diesen Schlüssel hat, kann die Daten öffnen.\n"
        )
        atomic_write_text(out, text, mode=0o600)
        print(f"Neuer Wiederherstellungsschlüssel gespeichert in {out}.")
    else:
        print("Neuer Wiederherstellungsschlüssel (nur jetzt sichtbar – bitte notieren):")
        print(f"  {recovery}")


def cmd_check(args: argparse.Namespace) -> int:
    from vielfalt_desktop.store.database import DataPaths, permission_problems
    from vielfalt_desktop.store.vault import KeyFile, kdf_warnings

    paths = DataPaths(_data_dir(args))
    app = _open(args)
    try:
        problems = app.store.integrity_problems()
    finally:
        app.close()
    # The folder, key file, store, its -wal/-shm files and backups/: the user's alone.
    problems += permission_problems(paths)
    for warning in kdf_warnings(KeyFile.load(paths.key)):
        print(f"Warnung: {warning}", file=sys.stderr)
    if problems:
        for problem in problems:
            print(f"Problem: {problem}", file=sys.stderr)
        return 1
    print("Datenbestand und Schlüsseldatei sind in Ordnung.")
    return 0


def run_gui(args: argparse.Namespace) -> int:
    from vielfalt_desktop.ui.main import run

    return run(_data_dir(args))


def main(argv: Sequence[str] | None = None) -> int:
    from vielfalt_desktop.store.keymem import harden_process

    os.umask(0o077)  # everything this program creates is the user's alone
    harden_process()  # no core dumps: they would hold the key while the store is open
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if args.command is None:
        command = run_gui
    elif command is None:
        parser.parse_args([*(argv or sys.argv[1:]), "--help"])
        return 2
    try:
        return command(args)
    except VielfaltError as exc:
        if args.debug:
            raise
        print(f"vielfalt: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("vielfalt: abgebrochen.", file=sys.stderr)
        return 1
    except Exception as exc:  # anything unforeseen: one line, no secrets, no traceback
        if args.debug:
            raise
        from vielfalt_desktop.store.engine import BUSY_EXIT_CODE, is_busy

        if is_busy(exc):  # a lock met outside Store.write (e.g. a schema upgrade)
            from vielfalt_desktop.domain import messages as msg
            from vielfalt_desktop.domain.messages import Message

            print(f"vielfalt: {Message(msg.STORE_BUSY)}", file=sys.stderr)
            return BUSY_EXIT_CODE
        print(
            f"vielfalt: Unerwarteter Fehler ({type(exc).__name__}). "
            "Mit --debug erscheinen Einzelheiten.",
            file=sys.stderr,
        )
        return 1
