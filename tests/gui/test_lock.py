"""Auto-lock and Ctrl+L: the store closes, the key goes; unlocking returns to the same place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from tests.conftest import PASSPHRASE
from tests.gui.helpers import activate

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.controller import Controller
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.unlock_window import UnlockWindow


@pytest.fixture
def store_dir(data_dir: Path, clock: FixedClock) -> Path:
    app, _key = App.create(data_dir, PASSPHRASE, role="office", name="Koordination", clock=clock)
    app.records.create(
        Contact(
            date=clock.today(),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("arbeit",),
        )
    )
    app.close()
    return data_dir


@pytest.fixture
def controller(store_dir: Path, ui_settings: UiSettings, clock: FixedClock):
    ctl = Controller(store_dir, ui_settings, clock=clock)
    yield ctl
    if ctl.main_window is not None:
        ctl.main_window.close_for_lock()
    if ctl.unlock_window is not None:
        ctl.unlock_window.close()
    ctl.shutdown()


def _unlock(controller: Controller, qtbot, window: UnlockWindow | None = None):
    window = window or controller.unlock_window
    assert window is not None
    window.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(controller.entered, timeout=20_000) as entered:
        window.unlock()
    return entered.args[0]


def test_idle_minutes_come_from_settings(controller: Controller, ui_settings: UiSettings) -> None:
    assert ui_settings.idle_minutes == 10
    assert controller.idle.timer.interval() == 10 * 60_000
    controller.set_idle_minutes(3)
    assert controller.idle.timer.interval() == 3 * 60_000
    assert (
        UiSettings(ui_settings._qs.fileName() and Path(ui_settings._qs.fileName())).idle_minutes
        == 3
    )


def test_auto_lock_closes_the_store_and_returns_to_the_same_place(
    controller: Controller, qtbot
) -> None:
    controller.start()
    main = _unlock(controller, qtbot)
    app = controller.app
    assert app is not None
    assert controller.idle.timer.isActive()
    contacts = main.show_key("contacts")
    contacts.filters.text.setText("arbeit")
    contacts.filters._now()
    form = contacts.open_new()
    form.topics.toggle("wohnen")
    assert form.is_dirty

    # The idle timer fires (called directly instead of waiting ten minutes).
    with qtbot.waitSignal(controller.locked, timeout=2000):
        controller.idle.expire()
    assert controller.app is None
    assert controller.main_window is None
    assert not app.store.is_open  # engine disposed, key gone with it
    unlock = controller.unlock_window
    assert unlock is not None
    assert unlock.isVisible()
    assert unlock.note.text() == "Zum Weiterarbeiten bitte entsperren."
    assert "Vielfalt" in unlock.windowTitle()

    main = _unlock(controller, qtbot)
    assert main.current_key() == "contacts"
    contacts = main.page("contacts")
    assert contacts.filters.text.text() == "arbeit"
    assert contacts.form is not None  # the unsaved contact is back
    assert "wohnen" in contacts.form.topics.codes()
    assert contacts.form.is_dirty
    contacts.form.discard()


def test_the_unlock_window_says_locked_once(controller: Controller, qtbot) -> None:
    controller.start()
    _unlock(controller, qtbot)
    unlock = controller.lock()
    assert unlock is not None
    texts = [label.text() for label in unlock.findChildren(QLabel) if label.isVisible()]
    assert "Der Datenbestand ist verschlüsselt und gesperrt." in texts
    assert "Zum Weiterarbeiten bitte entsperren." in texts
    assert " ".join(texts).lower().count("gesperrt") == 1


def test_idle_timer_short_interval_locks(controller: Controller, qtbot) -> None:
    controller.start()
    _unlock(controller, qtbot)
    controller.idle.set_interval_ms(50)
    with qtbot.waitSignal(controller.locked, timeout=3000):
        pass
    assert controller.app is None


def test_activity_restarts_the_idle_timer(controller: Controller, qtbot) -> None:
    controller.start()
    main = _unlock(controller, qtbot)
    controller.idle.set_interval_ms(400)
    for _ in range(8):  # 800 ms of typing: twice the idle time, but never idle
        qtbot.wait(100)
        qtbot.keyClick(main, Qt.Key.Key_Shift)
    assert controller.app is not None
    with qtbot.waitSignal(controller.locked, timeout=3000):
        pass  # now idle: it locks


def test_ctrl_l_locks(controller: Controller, qtbot) -> None:
    controller.start()
    main = _unlock(controller, qtbot)
    activate(qtbot, main)
    main.show_key("events")
    with qtbot.waitSignal(controller.locked, timeout=2000):
        qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.app is None
    main = _unlock(controller, qtbot)
    assert main.current_key() == "events"


def test_closing_the_main_window_closes_the_store(controller: Controller, qtbot) -> None:
    controller.start()
    main = _unlock(controller, qtbot)
    app = controller.app
    main.close()
    assert controller.app is None
    assert not app.store.is_open


def test_ctrl_l_locks_from_a_modal_form(controller: Controller, qtbot, boxes) -> None:
    controller.start()
    main = _unlock(controller, qtbot)
    activate(qtbot, main)
    contacts = main.show_key("contacts")
    form = contacts.open_new()
    activate(qtbot, form)
    assert QApplication.activeModalWidget() is form
    form.topics.toggle("wohnen")
    assert form.is_dirty
    inside = form.focusWidget()
    assert inside is not None
    assert form.isAncestorOf(inside)

    with qtbot.waitSignal(controller.locked, timeout=2000):
        qtbot.keyClick(inside, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.app is None
    assert not form.isVisible()
    assert boxes.asked == []  # the lock wins: no "Änderungen verwerfen?" first
    unlock = controller.unlock_window
    assert unlock is not None
    assert unlock.isVisible()

    # As with the idle lock, the unsaved input is back after unlocking.
    main = _unlock(controller, qtbot)
    contacts = main.page("contacts")
    assert contacts.form is not None
    assert "wohnen" in contacts.form.topics.codes()
    contacts.form.discard()


def test_ctrl_l_locks_from_the_passphrase_dialog(controller: Controller, qtbot) -> None:
    controller.start()
    main = _unlock(controller, qtbot)
    activate(qtbot, main)
    settings = main.show_key("settings")
    dialog = settings.change_passphrase()
    activate(qtbot, dialog)
    assert QApplication.activeModalWidget() is dialog
    qtbot.keyClicks(dialog.old, PASSPHRASE)

    with qtbot.waitSignal(controller.locked, timeout=2000):
        qtbot.keyClick(dialog.old, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.app is None
    assert not dialog.isVisible()
    assert dialog.old.text() == ""
