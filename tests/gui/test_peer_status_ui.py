"""Who is behind, what is safe: the device list of the Synchronisation screen and the
Übersicht's warning, on real stores exchanging real bundles, on one fixed clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from tests.conftest import NOW, trusted_pair
from tests.gui.test_mnemonics import clashes, mnemonic

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.records import LOG_KINDS, Contact, Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import fmt_stamp
from vielfalt_desktop.ui.main_window import MainWindow
from vielfalt_desktop.ui.screens.overview_screen import OverviewScreen
from vielfalt_desktop.ui.screens.sync_screen import SyncScreen
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.tasks import wait_all
from vielfalt_desktop.ui.widgets import peer_list

DAY = dt.timedelta(days=1)
STAMP = fmt_stamp(NOW.isoformat())


@pytest.fixture
def pair(tmp_path: Path, clock: FixedClock, qapp: Any) -> Iterator[tuple[App, App]]:
    office, laptop = trusted_pair(tmp_path, clock, "Laptop Nord")
    yield office, laptop
    assert wait_all(30_000)
    qapp.processEvents()
    laptop.close()
    office.close()


def window(app: App, tmp_path: Path, qtbot: Any, lang: str = "de") -> tuple[UiContext, SyncScreen]:
    ctx = UiContext(app, UiSettings(tmp_path / f"{app.store.node_id}.ini"), lang=lang)
    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.activated()
    return ctx, screen


def overview(ctx: UiContext, qtbot: Any) -> OverviewScreen:
    screen = OverviewScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    return screen


def cell(screen: SyncScreen, column: int, row: int = 0) -> str:
    item = screen.peers.item(row, column)
    assert item is not None
    return item.text()


def send(sender: App, receiver: App, path: Path) -> dict[str, int]:
    counts = sender.sync.export(receiver.store.node_id, path).counts
    receiver.sync.import_file(path)
    return counts


def write_contacts(app: App, n: int) -> None:
    for _ in range(n):
        app.records.create(
            Contact(
                date=app.today(),
                district="kannenstieg",
                target_group="drittstaat",
                topics=("arbeit",),
            )
        )


def test_coordinator_sees_each_device_and_who_is_behind(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock, qtbot: Any
) -> None:
    office, laptop = pair
    write_contacts(laptop, 3)
    send(laptop, office, tmp_path / "1.vfb")
    office.records.create(Partner(name="Jobcenter Magdeburg", partner_kind="behoerde"))
    office.records.create(Partner(name="Caritas", partner_kind="beratungsstelle"))

    ctx, screen = window(office, tmp_path, qtbot)
    assert screen.peers.rowCount() == 1
    assert cell(screen, peer_list.NAME) == "Laptop Nord"
    assert cell(screen, peer_list.FINGERPRINT) == laptop.sync.identity_card().fingerprint
    assert cell(screen, peer_list.RECEIVED) == STAMP
    assert cell(screen, peer_list.SENT) == "noch nie"
    assert cell(screen, peer_list.CONFIRMED) == "noch nichts"
    assert cell(screen, peer_list.NOTE) == ""
    assert not screen.peer_list.summary.isVisibleTo(screen)
    assert screen.peer_list.safety.isHidden()  # the coordinator's own data is not at stake
    # The count is what the store has for that device, and what the bundle then carries.
    [status] = office.sync.peer_status()
    assert cell(screen, peer_list.OPEN) == str(status.unacknowledged) == "2"
    assert "2 Partner" in screen.peers.item(0, peer_list.OPEN).toolTip()
    carried = send(office, laptop, tmp_path / "2.vfb")
    assert sum(n for kind, n in carried.items() if kind not in LOG_KINDS) == 2
    send(laptop, office, tmp_path / "3.vfb")  # the laptop confirms the partners
    screen.reload()
    assert cell(screen, peer_list.OPEN) == "0"
    assert cell(screen, peer_list.CONFIRMED) == STAMP
    assert screen.peers.item(0, peer_list.CONFIRMED).toolTip() == f"Bündel vom {STAMP}"
    assert cell(screen, peer_list.SENT) == STAMP

    # 14 days on the coordinator's clock: not yet; the 15th day: in words, with an icon.
    board = overview(ctx, qtbot)
    clock.advance(14 * DAY)
    screen.reload()
    assert cell(screen, peer_list.NOTE) == ""
    clock.advance(DAY)
    screen.reload()
    note = screen.peers.item(0, peer_list.NOTE)
    assert note.text() == "seit 15 Tagen kein Bündel"
    assert not note.icon().isNull()
    assert screen.peer_list.summary.isVisibleTo(screen)
    assert screen.peer_list.summary.text() == "Länger als 14 Tage ohne Bündel: Laptop Nord"
    # The Übersicht, told by the screen, says so too.
    assert board.sync_warning.isVisibleTo(board)
    assert board.sync_warning_text.text() == "Laptop Nord: seit 15 Tagen kein Bündel"

    # The spin box changes the setting, by keyboard, and both take the warning back.
    spin = screen.peer_list.warn_days
    assert spin.value() == 14
    assert spin.accessibleName() == "Warnen nach … Tagen ohne Bündel"
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "20")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert office.sync.warn_days() == 20
    assert cell(screen, peer_list.NOTE) == ""
    assert not screen.peer_list.summary.isVisibleTo(screen)
    assert not board.sync_warning.isVisibleTo(board)
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert office.sync.warn_days() == 19


def test_a_device_that_never_sent_anything(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock, qtbot: Any
) -> None:
    office, _laptop = pair
    clock.advance(15 * DAY)
    ctx, screen = window(office, tmp_path, qtbot)
    assert cell(screen, peer_list.RECEIVED) == "noch keins"
    assert cell(screen, peer_list.NOTE) == "noch nie ein Bündel"
    assert cell(screen, peer_list.TRUSTED) == fmt_stamp(NOW.isoformat())[:10]
    board = overview(ctx, qtbot)
    assert board.sync_warning_text.text() == "Laptop Nord: noch kein Bündel, seit 15 Tagen vertraut"


def test_laptop_sees_what_is_safe(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock, qtbot: Any
) -> None:
    office, laptop = pair
    write_contacts(laptop, 5)
    ctx, screen = window(laptop, tmp_path, qtbot)
    safety = screen.peer_list.safety
    assert safety.isVisibleTo(screen)
    assert screen.peer_list.safety_text.text() == (
        "Von Koordination bestätigt: noch nichts\nNur auf diesem Laptop: 5 Einträge"
    )
    [status] = laptop.sync.peer_status()
    assert status.unacknowledged == 5
    assert cell(screen, peer_list.OPEN) == "5"

    # A round trip: the coordinator's answer confirms everything.
    carried = send(laptop, office, tmp_path / "1.vfb")
    assert carried["contact"] == 5
    send(office, laptop, tmp_path / "2.vfb")
    screen.reload()
    assert screen.peer_list.safety_text.text() == (
        f"Von Koordination bestätigt: alles bis {STAMP}\nNur auf diesem Laptop: nichts"
    )
    assert cell(screen, peer_list.OPEN) == "0"

    # One new entry, nothing sent for 15 days: the screen and the Übersicht say so.
    write_contacts(laptop, 1)
    board = overview(ctx, qtbot)
    assert board.sync_warning.isHidden()
    clock.advance(15 * DAY)
    screen.reload()
    assert screen.peer_list.safety_text.text().endswith(
        "\nNur auf diesem Laptop: 1 Eintrag – seit 15 Tagen kein Bündel"
    )
    board.reload()
    assert board.sync_warning_text.text() == (
        "Noch nicht von Koordination bestätigt: 1 Eintrag (seit 15 Tagen kein Bündel von dort)"
    )


def _check_mnemonics(pair: tuple[App, App], tmp_path: Path, qtbot: Any, lang: str) -> None:
    for app in pair:
        _ctx, screen = window(app, tmp_path, qtbot, lang)
        assert clashes(screen) == {}
        spin = screen.peer_list.warn_days
        [label] = [w for w in screen.findChildren(QLabel) if w.buddy() is spin]
        assert mnemonic(label.text()) == ("Alt+W" if lang == "de" else "Alt+A")


def test_mnemonics_stay_unique_on_the_screen(
    pair: tuple[App, App], tmp_path: Path, qtbot: Any
) -> None:
    _check_mnemonics(pair, tmp_path, qtbot, "de")


def test_mnemonics_stay_unique_in_english(
    pair: tuple[App, App], tmp_path: Path, qtbot: Any, english: None
) -> None:
    _check_mnemonics(pair, tmp_path, qtbot, "en")
    _ctx, screen = window(pair[0], tmp_path, qtbot, "en")
    assert screen.peer_list.warn_days.accessibleName() == "Warn after … days without a bundle"
    assert screen.peers.horizontalHeaderItem(peer_list.OPEN).text() == "Unconfirmed"


@pytest.mark.parametrize("role", ["office", "field"])
def test_the_table_fits_at_1366_pixels(
    pair: tuple[App, App], tmp_path: Path, clock: FixedClock, qtbot: Any, role: str
) -> None:
    """In the main window at 1366×768, with a warning in the last column: no column cut off."""
    office, laptop = pair
    write_contacts(laptop, 2)
    send(laptop, office, tmp_path / "1.vfb")
    send(office, laptop, tmp_path / "2.vfb")
    clock.advance(17 * DAY)
    app = office if role == "office" else laptop
    main = MainWindow(UiContext(app, UiSettings(tmp_path / "ui.ini"), lang="de"))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    screen = main.show_key("sync")
    assert isinstance(screen, SyncScreen)
    qtbot.wait(50)
    table = screen.peers
    assert "seit 17 Tagen kein Bündel" in cell(screen, peer_list.NOTE)
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(table.columnCount() - 1))
    note = table.fontMetrics().horizontalAdvance(cell(screen, peer_list.NOTE)) + 40  # + icon
    assert used + note <= table.viewport().width(), (used, note, table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    main.close_for_lock()
