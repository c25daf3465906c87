"""The main window: every screen opens, keyboard navigation, titles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.gui.helpers import activate

from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.main_window import SCREEN_KEYS, MainWindow
from vielfalt_desktop.ui.signals import emit

TITLES = [
    "Übersicht",
    "Kontakte",
    "Verweise",
    "Konflikte",
    "Veranstaltungen",
    "Netzwerk",
    "Synchronisation",
    "Berichte",
    "Datenschutz",
    "Einstellungen",
]


@pytest.fixture
def window(ctx: UiContext, qtbot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    activate(qtbot, win)
    return win


def test_title_and_navigation_entries(window: MainWindow) -> None:
    assert "Vielfalt" in window.windowTitle()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == TITLES
    assert window.nav.accessibleName() == "Navigation"


def test_every_screen_has_a_number_key(window: MainWindow) -> None:
    assert len(SCREEN_KEYS) <= 10  # Strg+1 … Strg+9, Strg+0
    assert window.nav.item(SCREEN_KEYS.index("privacy")).toolTip() == "Datenschutz (Strg+9)"
    assert window.nav.item(SCREEN_KEYS.index("settings")).toolTip() == "Einstellungen (Strg+0)"


def test_every_screen_opens(window: MainWindow) -> None:
    for index, key in enumerate(SCREEN_KEYS):
        screen = window.show_screen(index)
        assert window.stack.currentIndex() == index
        assert screen.isVisible(), key


@pytest.mark.parametrize(
    "modifier", [Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier]
)
def test_number_keys_switch_screens(window: MainWindow, qtbot, modifier) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, modifier)
    assert window.current_key() == "referrals"
    qtbot.keyClick(window, Qt.Key.Key_9, modifier)
    assert window.current_key() == "privacy"
    qtbot.keyClick(window, Qt.Key.Key_0, modifier)  # the tenth screen
    assert window.current_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_1, modifier)
    assert window.current_key() == "overview"


def test_ctrl_l_asks_to_lock(window: MainWindow, qtbot) -> None:
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_overview_opens_a_due_contact(window: MainWindow, ctx: UiContext, qtbot) -> None:
    contact = ctx.records.create(
        Contact(
            date=ctx.today(),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("arbeit",),
            follow_up=ctx.today(),
        )
    )
    overview = window.page("overview")
    overview.reload()
    assert "(1)" in overview.due_boxes["contacts"].title()
    assert "(0)" in overview.due_boxes["referrals"].title()
    row = overview.due_contacts.topLevelItem(0)
    assert row is not None
    assert row.text(0) == "24.11.2026"
    emit(overview.due_contacts.itemActivated, row, 0)
    assert window.current_key() == "contacts"
    form = window.page("contacts").form
    assert form is not None
    assert form.original.id == contact.id
    form.discard()


def test_contacts_refer_opens_a_referral_form(window: MainWindow, ctx: UiContext, partner) -> None:
    ctx.records.create(
        Contact(
            date=ctx.today(),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("aufenthalt",),
        )
    )
    contacts = window.show_key("contacts")
    contacts.view.selectRow(0)
    contacts.refer_button.click()
    assert window.current_key() == "referrals"
    form = window.page("referrals").form
    assert form is not None
    assert form.topic.code() == "aufenthalt"
    # The partner for the topic is suggested.
    assert form.partner.list.count() >= 1
    assert "Migrationsberatung" in form.partner.list.item(0).text()
    form.discard()


def test_contacts_suggest_partners(window: MainWindow, ctx: UiContext, partner) -> None:
    ctx.records.create(
        Contact(
            date=ctx.today(), district="kannenstieg", target_group="drittstaat", topics=("arbeit",)
        )
    )
    contacts = window.show_key("contacts")
    contacts.view.selectRow(0)
    contacts.suggest_button.click()
    network = window.page("network")
    assert window.current_key() == "network"
    assert network.suggest_box.isVisible()
    assert network.suggestions.count() == 1
    assert "im Stadtteil" in network.suggestions.item(0).text()
