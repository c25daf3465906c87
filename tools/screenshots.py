"""Screenshots of every main screen on a demo store, for docs/screenshots/ (``make screenshots``).

Run under a real X server or Xvfb (``xvfb-run -a python tools/screenshots.py``); with no
display it falls back to Qt's offscreen platform. Everything happens in a temporary folder:
a laptop store filled with demo data and a coordinator store it has exchanged bundles with,
so the Synchronisation screen shows a trusted device and a history.

Options: ``--out DIR`` (default docs/screenshots), ``--contacts N`` (default 2000),
``--lang de|en`` (default de; en needs the .qm from ``make translations``).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# A throwaway store: the cheapest key derivation the key file accepts is fine here.
os.environ.setdefault("VIELFALT_TESTING", "1")
os.environ.setdefault("VIELFALT_ARGON2_MEMORY_MIB", "64")
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QWidget

from vielfalt_desktop import demo
from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Conflict, Contact
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.setup import SetupWizard
from vielfalt_desktop.ui import i18n
from vielfalt_desktop.ui.controller import Controller
from vielfalt_desktop.ui.main import make_application
from vielfalt_desktop.ui.main_window import SCREEN_KEYS, MainWindow
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.setup_dialog import SetupDialog

PASSPHRASE = "Kranich Löffel Wolke Fahrrad"  # noqa: S105 - a demo store's passphrase
SIZE = QSize(1360, 820)
NAMES = {
    "overview": "03-uebersicht",
    "contacts": "04-kontakte",
    "referrals": "06-verweise",
    "conflicts": "07-konflikte",
    "events": "08-veranstaltungen",
    "network": "09-netzwerk",
    "sync": "10-synchronisation",
    "reports": "11-berichte",
    "privacy": "datenschutz",
    "settings": "12-einstellungen",
}


def settle(ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str) -> Path:
    settle()
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"Konnte {path} nicht schreiben.")
    print(f"  {path}")
    return path


def make_stores(root: Path, contacts: int) -> Path:
    """A laptop store with demo data that has exchanged bundles with a coordinator."""
    laptop_dir, office_dir, stick = root / "laptop", root / "buero", root / "stick"
    stick.mkdir()
    laptop, _ = App.create(laptop_dir, PASSPHRASE, role="field", name="Laptop Nord")
    office, _ = App.create(office_dir, PASSPHRASE, role="office", name="Koordination")
    try:
        laptop.sync.export_identity(stick / "laptop.vfcard")
        office.sync.export_identity(stick / "koordination.vfcard")
        laptop.sync.add_peer(laptop.sync.read_card(stick / "koordination.vfcard"))
        office.sync.add_peer(office.sync.read_card(stick / "laptop.vfcard"))
        day = laptop.store.clock.today().isoformat()
        # The partner directory is the coordinator's; the laptop receives it first.
        today = office.store.clock.today()
        office.records.create_many(demo.directory(office.vocab, today, contacts, 7))
        first = stick / f"Koordination_an_Laptop-Nord_{day}_verzeichnis.vfb"
        office.sync.export("Laptop Nord", first)
        laptop.sync.import_file(first)
        print(f"Demodaten: {contacts} Kontakte …")
        demo.fill(laptop, contacts=contacts, seed=7)
        out = stick / f"Laptop-Nord_an_Koordination_{day}.vfb"
        laptop.sync.export("Koordination", out)
        office.sync.import_file(out)
        back = stick / f"Koordination_an_Laptop-Nord_{day}.vfb"
        office.sync.export("Laptop Nord", back)
        laptop.sync.import_file(back)
    finally:
        laptop.close()
        office.close()
    return laptop_dir


def setup_pages(root: Path, out: Path) -> None:
    dialog = SetupDialog(SetupWizard(root / "neu"))
    dialog.resize(720, 520)
    dialog.show()
    dialog.name.setText("Laptop Nord")
    save(dialog, out, "01-einrichtung-rolle")
    dialog.go_next()
    dialog.pass1.setText("Kranich Löffel Wolke")
    dialog.pass2.setText("Kranich Löffel Wolke")
    save(dialog, out, "01-einrichtung-passphrase")
    dialog.wizard.abort()
    dialog.done(0)
    dialog.deleteLater()


def busiest_conflict(app: App) -> Conflict | None:
    """An open conflict with several interventions, for the timeline."""
    for conflict in app.records.page(Conflict, Query(status="vermittlung"), 0, 50):
        if len(app.records.interventions_of(conflict)) >= 3:
            return conflict
    found = app.records.page(Conflict, Query(), 0, 1)
    return found[0] if found else None


def main_screens(window: MainWindow, out: Path) -> None:
    window.resize(SIZE)
    for index, key in enumerate(SCREEN_KEYS):
        screen: Any = window.show_screen(index)
        view = getattr(screen, "view", None)
        if view is not None and screen.model.rowCount():
            view.selectRow(0)
        if key == "conflicts":
            conflict = busiest_conflict(window.ctx.app)
            if conflict is not None:
                screen.select_id(conflict.id)
        if key == "privacy":
            # The audit trail after a day's work: one contact got a follow-up date.
            app = window.ctx.app
            contact = app.records.page(Contact, Query(), 0, 1)
            if contact:
                follow_up = app.store.clock.today() + dt.timedelta(days=7)
                app.records.update(dataclasses.replace(contact[0], follow_up=follow_up))
            screen.tabs.setCurrentIndex(0)
            screen.reload()
        if key == "network":
            contact = window.ctx.app.records.page(Contact, Query(topic="aufenthalt"), 0, 1)
            if contact:
                screen.suggest_for(contact[0])
        save(window, out, NAMES[key])
        if key == "privacy":
            screen.tabs.setCurrentIndex(2)  # the retention rules
            save(window, out, NAMES[key] + "-aufbewahrung")


def forms(window: MainWindow, out: Path) -> None:
    contacts: Any = window.show_key("contacts")
    form = contacts.open_new()
    form.district.set_code("neustaedter_see")
    form.target_group.set_code("drittstaat")
    form.citizenship.set_code("SY")
    form.age_band.set_code(form.age_band.itemData(3))
    form.gender.set_code("weiblich")
    form.interpreter.set_code("sprachmittler")
    form.languages.set_codes(("ar", "de"))
    form.topics.set_codes(("kita", "behoerden"))
    form.note.set_text(
        "Anmeldung für die Kita besprochen. Rückruf bitte unter 0176 12345678 – "
        "Unterlagen bringt sie zum nächsten Termin mit."
    )
    form.run_check()
    form.run_screen()
    save(form, out, "05-kontakt-erfassen")
    form.discard()
    referrals: Any = window.show_key("referrals")
    if referrals.model.rowCount():
        referrals.view.selectRow(0)
        dialog = referrals.change_status()
        if dialog is not None:
            save(dialog, out, "06-verweis-status")
            dialog.done(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--contacts", type=int, default=2000)
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default="de")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="vielfalt-bilder-") as tmp:
        root = Path(tmp)
        settings = UiSettings(root / "ui.ini")
        settings.language = args.lang
        if not i18n.install(args.lang):
            print(f"Übersetzung „{args.lang}“ fehlt (make translations).", file=sys.stderr)
        print(f"Plattform: {app.platformName()}")
        setup_pages(root, out)
        data_dir = make_stores(root, args.contacts)
        controller = Controller(data_dir, settings)
        unlock = controller.start()
        unlock.resize(560, 320)
        save(unlock, out, "02-entsperren")
        windows: list[MainWindow] = []
        controller.entered.connect(windows.append)
        unlock.passphrase.setText(PASSPHRASE)  # type: ignore[attr-defined]
        unlock.unlock()  # type: ignore[attr-defined]
        deadline = time.monotonic() + 60
        while not windows and time.monotonic() < deadline:
            settle(50)
        if not windows:
            raise SystemExit("Entsperren hat nicht geklappt.")
        window = windows[0]
        main_screens(window, out)
        forms(window, out)
        window.close_for_lock()
        controller.shutdown()
        settle(100)
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
