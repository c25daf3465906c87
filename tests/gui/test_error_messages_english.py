"""Errors from the core appear in the UI's language: refused bundles and cards, the unlock
window, the passphrase fields, reports and retention rules (German templates, Qt .ts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain import retention as retention_rules
from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import StoreError, StoreLocked
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text, message_text
from vielfalt_desktop.ui.passphrase_dialog import PassphraseDialog
from vielfalt_desktop.ui.screens.privacy.screen import PrivacyScreen
from vielfalt_desktop.ui.screens.reports_screen import ReportsScreen
from vielfalt_desktop.ui.screens.sync_screen import SyncScreen
from vielfalt_desktop.ui.unlock_window import UnlockWindow

TODAY = dt.date(2026, 11, 24)


def _english(ctx: UiContext) -> UiContext:
    return UiContext(ctx.app, ctx.settings, lang="en")


@pytest.fixture
def office(tmp_path: Path, clock: FixedClock):
    app, _key = App.create(
        tmp_path / "buero", PASSPHRASE, role="office", name="Koordination", clock=clock
    )
    yield app
    app.close()


def _tampered_bundle(laptop: App, office: App, folder: Path) -> Path:
    """A bundle from the trusted coordinator to the laptop, with one bit flipped."""
    office_card, laptop_card = folder / "koordination.vfcard", folder / "laptop.vfcard"
    office.sync.export_identity(office_card)
    laptop.sync.export_identity(laptop_card)
    office.sync.add_peer(office.sync.read_card(laptop_card))
    laptop.sync.add_peer(laptop.sync.read_card(office_card))
    path = folder / "Koordination_an_Laptop-Test.vfb"
    office.sync.export(laptop.store.node_id, path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def _refuse(ctx: UiContext, office: App, tmp_path: Path, qtbot, files, boxes) -> SyncScreen:
    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    bundle = _tampered_bundle(ctx.app, office, tmp_path)
    assert screen.import_files([bundle]) is not None
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    own = tmp_path / "eigene.vfcard"
    ctx.app.sync.export_identity(own)
    files.open_path = str(own)
    screen.add_peer()
    return screen


def test_refusals_on_the_sync_screen_in_german(
    ctx: UiContext, office: App, tmp_path: Path, qtbot, files, boxes
) -> None:
    screen = _refuse(ctx, office, tmp_path, qtbot, files, boxes)
    assert screen.result.text() == (
        "Abgelehnt – Koordination_an_Laptop-Test.vfb: Das Bündel ist beschädigt oder wurde "
        "verändert; es wurde nicht eingelesen."
    )
    assert boxes.asked[-1] == (
        "warning",
        "Karte abgelehnt",
        "Das ist die Identitätskarte dieses Geräts selbst.",
    )


def test_refusals_on_the_sync_screen_in_english(
    ctx: UiContext, english: None, office: App, tmp_path: Path, qtbot, files, boxes
) -> None:
    screen = _refuse(_english(ctx), office, tmp_path, qtbot, files, boxes)
    assert screen.result.text() == (
        "Refused – Koordination_an_Laptop-Test.vfb: The bundle is damaged or has been altered; "
        "it was not read in."
    )
    assert boxes.asked[-1] == (
        "warning",
        "Card refused",
        "This is this device’s own identity card.",
    )


def test_unlock_window_in_english(
    app: App, data_dir: Path, tmp_path: Path, clock: FixedClock, english: None, qtbot
) -> None:
    def opener(folder: Path, passphrase: str) -> App:
        return App.open(folder, passphrase, clock=clock)

    window = UnlockWindow(data_dir, opener)
    qtbot.addWidget(window)
    window.passphrase.setText("falsch-falsch-falsch")
    window.unlock()
    qtbot.waitUntil(lambda: not window.busy_now, timeout=20_000)
    assert window.message.text() == "The passphrase is wrong. Next attempt in 1 second."

    empty = tmp_path / "leer"
    elsewhere = UnlockWindow(empty, opener)
    qtbot.addWidget(elsewhere)
    elsewhere.passphrase.setText(PASSPHRASE)
    elsewhere.unlock()
    qtbot.waitUntil(lambda: not elsewhere.busy_now, timeout=20_000)
    assert elsewhere.message.text() == (
        f"There is no data store in {empty}. “vielfalt init” creates one."
    )


def test_passphrase_dialog_in_english(ctx: UiContext, english: None, qtbot) -> None:
    dialog = PassphraseDialog(ctx.app)
    qtbot.addWidget(dialog)
    dialog.fields.pass1.setText("passwort")
    dialog.fields.pass2.setText("passwor")
    assert dialog.fields.repeat_error.text() == "The two entries do not match."
    advice = dialog.fields.strength_advice.text()
    assert "Use at least 10 characters." in advice.splitlines()
    assert "Mindestens" not in advice
    dialog._failed(StoreLocked(Message(msg.STORE_LOCKED)))
    assert dialog.message.text() == "The data store is locked."
    damaged = Path("/daten/schluessel.json")
    dialog._failed(StoreError(Message(msg.KEY_FILE_DAMAGED, path=damaged)))
    assert dialog.message.text() == f"The key file {damaged} is damaged."
    dialog.reject()


def test_reversed_report_period_in_english(ctx: UiContext, english: None, qtbot) -> None:
    screen = ReportsScreen(_english(ctx))
    qtbot.addWidget(screen)
    screen.period.setCurrentIndex(screen.period.findData("custom"))
    screen.date_from.set_value(TODAY)
    screen.date_to.set_value(TODAY - dt.timedelta(days=10))
    screen.compute()
    qtbot.waitUntil(lambda: screen.task is None, timeout=30_000)
    assert screen.message.text() == (
        "The reporting period ends (14.11.2026) before it starts (24.11.2026)."
    )


def test_refused_retention_rule_in_english(
    ctx: UiContext, english: None, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = PrivacyScreen(_english(ctx))
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    page = screen.retention_page
    monkeypatch.setattr(retention_rules, "MAX_MONTHS", 60)
    page.pseudonym_months.setValue(100)
    assert not page.save()
    assert page.errors.text() == "Not saved: Pseudonym link: between 1 and 60 months."


def test_translated_values_and_fallbacks(english: None) -> None:
    months = Message(msg.NOTE_MONTHS, kind=msg.kind_label("intervention"), minimum=1, maximum=120)
    assert message_text(months) == "Interventions, free text: between 1 and 120 months."
    assert message_text(msg.label("district")) == "District"
    assert message_text(msg.label("gibt_es_nicht")) == "gibt_es_nicht"
    assert error_text(ValueError("intern")) == "ValueError"
