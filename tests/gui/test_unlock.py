"""Unlocking: the right passphrase opens the main window, a wrong one costs a growing wait."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from tests.conftest import PASSPHRASE

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.controller import Controller
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.unlock_window import Backoff, UnlockWindow


@pytest.fixture
def store_dir(data_dir: Path, clock: FixedClock) -> Path:
    app, _key = App.create(data_dir, PASSPHRASE, role="field", name="Laptop Nord", clock=clock)
    app.close()
    return data_dir


@pytest.fixture
def controller(store_dir: Path, ui_settings: UiSettings, clock: FixedClock, qtbot):
    ctl = Controller(store_dir, ui_settings, clock=clock)
    yield ctl
    if ctl.main_window is not None:
        ctl.main_window.close_for_lock()
    if ctl.unlock_window is not None:
        ctl.unlock_window.close()
    ctl.shutdown()


def test_backoff_grows_and_is_capped() -> None:
    backoff = Backoff()
    assert backoff.delay() == 0
    assert [backoff.fail() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    backoff.reset()
    assert backoff.delay() == 0


def test_unlock_window_title_and_focus(controller: Controller, qtbot) -> None:
    window = controller.start()
    qtbot.addWidget(window)
    assert isinstance(window, UnlockWindow)
    assert "Vielfalt" in window.windowTitle()
    assert window.passphrase.echoMode() == window.passphrase.EchoMode.Password
    assert window.passphrase.accessibleName() == "Passphrase"


def test_typing_passphrase_and_enter_unlocks(controller: Controller, qtbot) -> None:
    window = controller.start()
    assert isinstance(window, UnlockWindow)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    with qtbot.waitSignal(controller.entered, timeout=20_000) as entered:
        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
        assert window.busy.isVisible() or window.busy_now
    main = entered.args[0]
    assert "Vielfalt" in main.windowTitle()
    assert "Laptop Nord" in main.windowTitle()
    assert main.isVisible()
    assert controller.app is not None
    assert controller.unlock_window is None


def test_wrong_passphrase_message_and_growing_delay(controller: Controller, qtbot) -> None:
    window = controller.start()
    assert isinstance(window, UnlockWindow)
    window.passphrase.setText("falsch-falsch-falsch")
    window.unlock()
    qtbot.waitUntil(lambda: not window.busy_now, timeout=20_000)
    assert "falsch" in window.message.text()
    assert window.message.text() == "Die Passphrase ist falsch. Nächster Versuch in 1 Sekunde."
    assert not window.passphrase.isEnabled()  # waiting
    assert controller.backoff.failures == 1
    window.unlock()  # ignored while waiting
    assert not window.busy_now
    qtbot.waitUntil(window.passphrase.isEnabled, timeout=3000)
    window.passphrase.setText("noch-falscher")
    window.unlock()
    qtbot.waitUntil(lambda: not window.busy_now, timeout=20_000)
    assert window.message.text() == "Die Passphrase ist falsch. Nächster Versuch in 2 Sekunden."
    assert controller.backoff.failures == 2
    assert controller.app is None


def test_empty_passphrase(controller: Controller, qtbot) -> None:
    window = controller.start()
    assert isinstance(window, UnlockWindow)
    window.unlock()
    assert "eingeben" in window.message.text()
    assert not window.busy_now


def test_backoff_survives_a_new_unlock_window(store_dir: Path, clock: FixedClock, qtbot) -> None:
    backoff = Backoff()
    backoff.fail()
    backoff.fail()
    window = UnlockWindow(store_dir, lambda d, p: App.open(d, p, clock=clock), backoff)
    qtbot.addWidget(window)
    assert not window.passphrase.isEnabled()
