"""Synchronisation screen: trust a card, export to a folder, import by dialog or drop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain.records import Contact, Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.audit import AuditFilter
from vielfalt_desktop.sync.naming import bundle_name, file_slug
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.screens.sync_screen import SyncScreen


@pytest.fixture
def office(tmp_path: Path, clock):
    app, _key = App.create(
        tmp_path / "buero", PASSPHRASE, role="office", name="Koordination", clock=clock
    )
    yield app
    app.close()


def test_file_names_say_sender_recipient_and_date(tmp_path: Path) -> None:
    assert file_slug("Laptop Süd / Büro") == "Laptop-Sued-Buero"
    day = dt.date(2026, 11, 24)
    first = bundle_name("Laptop Nord", "Koordination", day, tmp_path)
    assert first.name == "Laptop-Nord_an_Koordination_2026-11-24.vfb"
    first.write_bytes(b"x")
    assert bundle_name("Laptop Nord", "Koordination", day, tmp_path).name.endswith("-2.vfb")


def test_exchange_with_the_coordinator(
    ctx: UiContext, office: App, tmp_path: Path, qtbot, files, boxes
) -> None:
    laptop = ctx.app
    laptop.records.create(
        Contact(
            date=ctx.today(), district="kannenstieg", target_group="drittstaat", topics=("arbeit",)
        )
    )
    office_card = tmp_path / "koordination.vfcard"
    office.sync.export_identity(office_card)
    laptop_card = tmp_path / "laptop.vfcard"
    laptop.sync.export_identity(laptop_card)
    office.sync.add_peer(office.sync.read_card(laptop_card))

    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    assert laptop.sync.identity_card().fingerprint in screen.me.text()
    assert not screen.export_button.isEnabled()  # nobody trusted yet

    # Trust the coordinator's card after comparing the fingerprint.
    files.open_path = str(office_card)
    boxes.answer = QMessageBox.StandardButton.No
    screen.add_peer()
    assert laptop.sync.peers() == []
    boxes.answer = QMessageBox.StandardButton.Yes
    screen.add_peer()
    assert [p.name for p in laptop.sync.peers()] == ["Koordination"]
    assert screen.peers.rowCount() == 1
    assert office.sync.identity_card().fingerprint in screen.peers.item(0, 2).text()

    # Export to a chosen folder (the stick).
    stick = tmp_path / "stick"
    stick.mkdir()
    files.directory = str(stick)
    task = screen.export()
    assert task is not None
    assert screen.busy.isVisible()
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    written = stick / "Laptop-Test_an_Koordination_2026-11-24.vfb"
    assert written.exists(), screen.result.text()
    assert "1 Kontakte" in screen.result.text()
    assert screen.history.rowCount() == 1
    assert screen.history.item(0, 1).text() == "gesendet"

    # The coordinator imports it and answers with a partner.
    office.sync.import_file(written)
    office.records.create(Partner(name="Jobcenter Magdeburg", partner_kind="behoerde"))
    answer = stick / "Koordination_an_Laptop-Test_2026-11-24.vfb"
    office.sync.export(laptop.store.node_id, answer)

    # Import by drag and drop.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(answer))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(ctx.bus.changed, timeout=20_000):
        screen.dropEvent(event)
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    assert "von Koordination" in screen.result.text()
    assert laptop.records.find_partner_by_name("Jobcenter Magdeburg") is not None
    assert screen.history.rowCount() == 2

    # The same bundle again: nothing changes, and the screen says so.
    files.open_paths = [str(answer)]
    screen.import_dialog()
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    assert "schon importiert" in screen.result.text()


def test_withdrawing_trust_from_a_lost_laptop(
    ctx: UiContext, office: App, tmp_path: Path, qtbot, boxes
) -> None:
    laptop = ctx.app
    laptop.records.create(
        Contact(
            date=ctx.today(), district="kannenstieg", target_group="drittstaat", topics=("arbeit",)
        )
    )
    office.sync.export_identity(tmp_path / "office.vfcard")
    laptop.sync.export_identity(tmp_path / "laptop.vfcard")
    office.sync.add_peer(office.sync.read_card(tmp_path / "laptop.vfcard"))
    laptop.sync.add_peer(laptop.sync.read_card(tmp_path / "office.vfcard"))
    bundle = tmp_path / "from-laptop.vfb"
    laptop.sync.export(office.store.node_id, bundle)

    screen = SyncScreen(UiContext(office, ctx.settings))
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    assert screen.peers.rowCount() == 1
    assert not screen.remove_peer_button.isEnabled()  # nothing chosen yet
    screen.peers.selectRow(0)
    assert screen.remove_peer_button.isEnabled()

    boxes.answer = QMessageBox.StandardButton.No
    screen.remove_peer()
    assert [p.name for p in office.sync.peers()] == ["Laptop Test"]
    assert "Laptop Test" in boxes.asked[-1][2]

    boxes.answer = QMessageBox.StandardButton.Yes
    screen.remove_peer()
    assert office.sync.peers() == []
    assert screen.peers.rowCount() == 0
    assert not screen.remove_peer_button.isEnabled()
    assert "kein vertrautes Gerät mehr" in screen.result.text()

    # Its bundle is refused from now on, and the coordinator's store is unchanged by it.
    screen.import_files([bundle])
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    assert screen.result.text().startswith("Abgelehnt")
    assert office.records.count(Contact) == 0
    assert office.audit.count(AuditFilter(action="peer_removed")) == 1


def test_card_dialogs_offer_identity_cards(ctx: UiContext, tmp_path: Path, qtbot, files) -> None:
    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.activated()
    files.save_path = str(tmp_path / "laptop.vfcard")
    screen.save_card()
    assert (tmp_path / "laptop.vfcard").exists()
    files.open_path = ""
    screen.add_peer()  # cancelled
    assert files.filters == ["Identitätskarte (*.vfcard);;Alle Dateien (*)"] * 2


def test_a_bad_bundle_is_rejected_clearly(ctx: UiContext, tmp_path: Path, qtbot) -> None:
    bad = tmp_path / "kaputt.vfb"
    bad.write_bytes(b"not a bundle at all")
    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.activated()
    screen.import_files([bad])
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    assert screen.result.text().startswith("Abgelehnt")


def test_coordinator_sees_the_conflict_log(office: App, ui_settings, qtbot) -> None:
    ctx = UiContext(office, ui_settings)
    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.activated()
    assert screen.tabs.count() == 3
    assert screen.tabs.tabText(2) == "Konfliktprotokoll (0)"


def test_this_devices_own_card_is_refused_before_the_question(
    ctx: UiContext, tmp_path: Path, qtbot, files, boxes
) -> None:
    own = tmp_path / "eigene.vfcard"
    ctx.app.sync.export_identity(own)
    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.activated()
    files.open_path = str(own)
    boxes.answer = QMessageBox.StandardButton.Yes
    screen.add_peer()
    assert boxes.asked == [
        ("warning", "Karte abgelehnt", "Das ist die Identitätskarte dieses Geräts selbst.")
    ]
    assert ctx.app.sync.peers() == []


def test_a_vocabulary_change_in_a_bundle_reaches_the_screens(
    ctx: UiContext, office: App, tmp_path: Path, qtbot
) -> None:
    laptop = ctx.app
    office.sync.export_identity(tmp_path / "office.vfcard")
    laptop.sync.export_identity(tmp_path / "laptop.vfcard")
    office.sync.add_peer(office.sync.read_card(tmp_path / "laptop.vfcard"))
    laptop.sync.add_peer(laptop.sync.read_card(tmp_path / "office.vfcard"))
    office.vocabulary.set_entry("topic", "energie", "Energiekosten", "Energy costs")
    bundle = tmp_path / "from-office.vfb"
    office.sync.export(laptop.device.node_id, bundle)
    assert ctx.labels.code("topic", "energie") == "energie"  # unknown here yet

    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(ctx.bus.vocabulary_changed, timeout=20_000):
        screen.import_files([bundle])
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    assert ctx.labels.code("topic", "energie") == "Energiekosten"
    assert ctx.overview.vocab is laptop.vocab
