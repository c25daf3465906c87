"""„Synchronisieren“ over a folder in the window (issue 15): Einstellungen, the button, the
shortcut, and the automatic runs (a real QFileSystemWatcher, the poll, unsaved forms, locking).

Real stores of a trusted pair, a real shared folder under tmp_path; the coordinator writes into
the laptop's mailbox with its own ``folder_sync.run()``, as it would on the share.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.conftest import PASSPHRASE, trusted_pair
from tests.gui.helpers import activate
from tests.gui.test_mnemonics import clashes, english_texts, untranslated

from vielfalt_desktop.domain.clock import FixedClock
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.records import Contact, Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.store.database import Busy
from vielfalt_desktop.ui.auto_sync import MANUAL, POLL, SETTINGS, UNLOCK, WATCHER
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.controller import Controller
from vielfalt_desktop.ui.i18n import error_text, message_text
from vielfalt_desktop.ui.main_window import MainWindow
from vielfalt_desktop.ui.screens.settings_screen import SettingsScreen
from vielfalt_desktop.ui.screens.sync_screen import SyncScreen
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.tasks import wait_all

log = logging.getLogger(__name__)

#: Short intervals for the automatic sync; the poll is off (an hour) unless a test wants it.
QUICK_AUTO = {"poll_ms": 3_600_000, "debounce_ms": 100, "retry_ms": 200}
#: How long a file must stand still before the core takes it (production: 2 s).
SETTLE_S = 0.05


class Pair:
    """A coordinator and a laptop that trust each other and share one folder."""

    def __init__(self, root: Path, clock: FixedClock) -> None:
        self.root = root
        self.clock = clock
        self.office, self.laptop = trusted_pair(root / "stores", clock, "Laptop Nord")
        self.shared = root / "geteilt"
        self.shared.mkdir()
        self.partners = 0
        self.office.folder_sync.settle_seconds = SETTLE_S
        self.laptop.folder_sync.settle_seconds = SETTLE_S

    @property
    def laptop_dir(self) -> Path:
        return self.root / "stores" / "l"

    def use_folder(self) -> None:
        self.office.folder_sync.set_folder(self.shared)
        self.laptop.folder_sync.set_folder(self.shared)

    def office_sends(self) -> str:
        """The coordinator adds a partner and synchronises: a bundle lands in the mailbox."""
        self.partners += 1
        name = f"Jobcenter Magdeburg {self.partners}"
        self.office.records.create(Partner(name=name, partner_kind="behoerde"))
        result = self.office.folder_sync.run()
        assert len(result.written) == 1, message_text(result.summary())
        return name

    def reopen_laptop(self, **kwargs: Any) -> App:
        self.laptop.close()
        self.laptop = App.open(self.laptop_dir, PASSPHRASE, clock=self.clock, **kwargs)
        self.laptop.folder_sync.settle_seconds = SETTLE_S
        return self.laptop

    def close(self) -> None:
        for app in (self.office, self.laptop):
            app.close()


@pytest.fixture
def pair(tmp_path: Path, clock: FixedClock, qapp: Any) -> Iterator[Pair]:
    made = Pair(tmp_path, clock)
    yield made
    assert wait_all(30_000)
    qapp.processEvents()
    made.close()


@pytest.fixture
def laptop_ctx(pair: Pair, ui_settings: UiSettings) -> UiContext:
    return UiContext(pair.laptop, ui_settings, lang="de")


def _window(ctx: UiContext, qtbot: Any, **auto: int) -> MainWindow:
    window = MainWindow(ctx, auto_sync={**QUICK_AUTO, **auto})
    qtbot.addWidget(window)
    activate(qtbot, window)
    return window


def _settled(window: MainWindow, qtbot: Any) -> None:
    """Wait for the first (unlock) run to be over, whatever it found."""
    qtbot.waitUntil(lambda: not window.folder_job.running, timeout=20_000)
    qtbot.wait(50)


def _has_partner(app: App, name: str) -> bool:
    return app.records.find_partner_by_name(name) is not None


# --- Einstellungen ----------------------------------------------------------------------------


def test_settings_choose_refuse_and_remove_the_sync_folder(
    pair: Pair, laptop_ctx: UiContext, tmp_path: Path, qtbot, files, boxes
) -> None:
    screen = SettingsScreen(laptop_ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    box = screen.sync_folder
    assert box.title() == "Synchronisationsordner"
    assert box.folder_label.text() == "Kein Ordner gewählt"
    assert not box.remove_button.isEnabled()
    assert not box.automatic.isEnabled()

    # A folder that does not exist: the core's one line, nothing set.
    missing = tmp_path / "gibt-es-nicht"
    with pytest.raises(RejectedInput) as refused:
        pair.laptop.folder_sync.set_folder(missing)
    files.directory = str(missing)
    assert not box.choose()
    assert boxes.asked[-1] == ("warning", "Ordner nicht übernommen", error_text(refused.value))
    assert pair.laptop.folder_sync.folder() is None
    assert box.folder_label.text() == "Kein Ordner gewählt"

    # Cancelled dialog: nothing happens.
    files.directory = ""
    assert not box.choose()

    files.directory = str(pair.shared)
    with qtbot.waitSignal(screen.sync_folder_changed, timeout=1000):
        assert box.choose()
    folder = pair.laptop.folder_sync.folder()
    assert folder is not None
    assert folder.resolve() == pair.shared.resolve()
    assert box.folder_label.text() == str(folder)
    assert box.automatic.isChecked()  # on by default once a folder is set
    assert not box.keep.isChecked()
    assert box.remove_button.isEnabled()

    box.automatic.click()
    assert pair.laptop.folder_sync.automatic() is False
    box.keep.click()
    assert pair.laptop.folder_sync.keep_processed() is True

    # Kept in the store: a new screen (or the command line) sees the same.
    again = SettingsScreen(laptop_ctx)
    qtbot.addWidget(again)
    again.activated()
    assert again.sync_folder.folder_label.text() == str(folder)
    assert not again.sync_folder.automatic.isChecked()
    assert again.sync_folder.keep.isChecked()

    # Removing asks first.
    boxes.answer = QMessageBox.StandardButton.No
    assert not box.remove()
    assert pair.laptop.folder_sync.folder() is not None
    assert boxes.asked[-1][1] == "Synchronisationsordner entfernen?"
    assert str(folder) in boxes.asked[-1][2]
    boxes.answer = QMessageBox.StandardButton.Yes
    assert box.remove()
    assert pair.laptop.folder_sync.folder() is None
    assert box.folder_label.text() == "Kein Ordner gewählt"
    assert not box.keep.isEnabled()
    assert pair.shared.is_dir()  # the folder itself stays


def test_settings_keyboard_mnemonics_names(pair: Pair, laptop_ctx: UiContext, qtbot) -> None:
    pair.use_folder()
    screen = SettingsScreen(laptop_ctx)
    qtbot.addWidget(screen)
    activate(qtbot, screen)
    screen.activated()
    assert clashes(screen) == {}
    box = screen.sync_folder
    controls = [box.choose_button, box.remove_button, box.automatic, box.keep]
    assert [c.text() for c in controls] == [
        "&Ordner wählen …",
        "Ordner &entfernen",
        "A&utomatisch synchronisieren (beim Entsperren und wenn ein Bündel ankommt)",
        "Eingelesene &Bündel 30 Tage in „erledigt“ aufbewahren",
    ]
    for control in controls:
        assert control.isEnabled()
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Tab goes from one to the next, in this order; Alt+letter reaches each.
    box.choose_button.setFocus()
    for control in controls[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is control
    qtbot.keyClick(screen, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.keep.isChecked, timeout=2000)  # a mnemonic clicks with a short delay
    assert pair.laptop.folder_sync.keep_processed() is True
    assert box.folder_label.accessibleName() == "Synchronisationsordner"


def test_settings_and_sync_screen_in_english(
    pair: Pair, ui_settings: UiSettings, english: None, qtbot
) -> None:
    pair.use_folder()
    ctx = UiContext(pair.laptop, ui_settings, lang="en")
    texts = english_texts()
    for screen in (SettingsScreen(ctx), SyncScreen(ctx)):
        qtbot.addWidget(screen)
        screen.activated()
        assert clashes(screen) == {}
        assert untranslated(screen, texts) == []
    assert screen.folder_sync.button.text() == "S&ynchronise"  # type: ignore[attr-defined]


# --- the button -------------------------------------------------------------------------------


def test_button_imports_what_the_coordinator_put_into_the_mailbox(
    pair: Pair, laptop_ctx: UiContext, qtbot
) -> None:
    pair.use_folder()
    name = pair.office_sends()
    qtbot.waitUntil(pair.laptop.folder_sync.has_incoming, timeout=5000)

    screen = SyncScreen(laptop_ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    panel = screen.folder_sync
    assert panel.folder.text() == str(pair.laptop.folder_sync.folder())
    assert clashes(screen) == {}

    with qtbot.waitSignal(laptop_ctx.bus.changed, timeout=20_000):
        task = screen.synchronise()
        assert task is not None
        assert panel.busy.isVisible()
        assert not panel.button.isEnabled()
        assert screen.synchronise() is None  # never two at once
    qtbot.waitUntil(lambda: not panel.job.running, timeout=20_000)  # type: ignore[union-attr]
    result = panel.job.last_result  # type: ignore[union-attr]
    assert len(result.imported) == 1
    assert panel.result.text() == message_text(result.summary())
    assert "1 Bündel eingelesen" in panel.result.text()
    assert "Koordination" in panel.result.text()
    assert not panel.busy.isVisible()
    assert panel.button.isEnabled()
    assert _has_partner(pair.laptop, name)
    assert not pair.laptop.folder_sync.has_incoming()
    assert screen.history.rowCount() >= 1  # the history shows the bundle that came in


def test_button_without_a_folder_offers_to_choose_one(
    pair: Pair, laptop_ctx: UiContext, qtbot, files, boxes
) -> None:
    pair.laptop.records.create(
        Contact(
            date=pair.clock.today(),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("arbeit",),
        )
    )
    screen = SyncScreen(laptop_ctx)
    qtbot.addWidget(screen)
    screen.activated()
    assert "Einstellungen" in screen.folder_sync.folder.text()

    boxes.answer = QMessageBox.StandardButton.No
    assert screen.synchronise() is None
    assert boxes.asked[-1][1] == "Kein Synchronisationsordner"
    assert "Einstellungen" in boxes.asked[-1][2]
    assert pair.laptop.folder_sync.folder() is None

    boxes.answer = QMessageBox.StandardButton.Yes
    files.directory = str(pair.shared)
    with qtbot.waitSignal(screen.folder_sync.folder_chosen, timeout=1000):
        task = screen.synchronise()
    assert task is not None
    qtbot.waitUntil(lambda: task.is_finished, timeout=20_000)
    assert pair.laptop.folder_sync.folder() is not None
    assert screen.folder_sync.folder.text() == str(pair.laptop.folder_sync.folder())
    # The laptop wrote its contact for the coordinator into the coordinator's mailbox.
    assert "1 Bündel geschrieben" in screen.folder_sync.result.text()
    pair.office.folder_sync.set_folder(pair.shared)
    assert pair.office.folder_sync.has_incoming()


def test_a_busy_store_gives_a_calm_message_and_loses_nothing(
    pair: Pair, ui_settings: UiSettings, qtbot
) -> None:
    pair.use_folder()
    name = pair.office_sends()
    laptop = pair.reopen_laptop(busy=Busy(wait_s=0.3, notice_after_s=0.3))
    ctx = UiContext(laptop, ui_settings)
    screen = SyncScreen(ctx)
    qtbot.addWidget(screen)
    screen.activated()
    qtbot.waitUntil(laptop.folder_sync.has_incoming, timeout=5000)

    # Another program (a second App on the same store) holds the write lock meanwhile.
    other = App.open(pair.laptop_dir, PASSPHRASE, clock=pair.clock, housekeeping=False)
    try:
        with other.store.write():
            task = screen.synchronise()
            assert task is not None
            qtbot.waitUntil(lambda: task.is_finished, timeout=20_000)
    finally:
        other.close()
    text = screen.folder_sync.result.text()
    assert text.startswith("Ein anderes Programm schreibt gerade")
    assert "später erneut" in text
    assert not _has_partner(laptop, name)
    assert laptop.folder_sync.has_incoming()  # the bundle is still there

    task = screen.synchronise()
    assert task is not None
    qtbot.waitUntil(lambda: task.is_finished, timeout=20_000)
    assert _has_partner(laptop, name)


# --- Strg+Umschalt+S --------------------------------------------------------------------------


def test_ctrl_shift_s_synchronises_from_another_screen(
    pair: Pair, laptop_ctx: UiContext, qtbot
) -> None:
    pair.use_folder()
    pair.laptop.folder_sync.set_automatic(False)  # only the key may start it
    name = pair.office_sends()
    window = _window(laptop_ctx, qtbot)
    window.show_key("contacts")
    qtbot.wait(300)
    assert window.folder_job.last_result is None  # nothing automatic

    with qtbot.waitSignal(window.folder_job.succeeded, timeout=20_000) as done:
        qtbot.keyClick(
            window.focusWidget() or window,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    result, reason = done.args
    assert reason == MANUAL
    assert window.current_key() == "contacts"  # stays where the person works
    assert _has_partner(pair.laptop, name)
    summary = message_text(result.summary())
    assert window.sync_status.text().endswith(summary)
    assert window.sync_status.text().startswith("Synchronisiert um ")

    # The Synchronisation screen, built later, shares the job and its state.
    screen = window.show_key("sync")
    assert screen.folder_sync.job is window.folder_job  # type: ignore[attr-defined]
    assert screen.folder_sync.result.text() == summary  # type: ignore[attr-defined]


# --- automatic --------------------------------------------------------------------------------


def test_unlock_runs_once_with_a_folder_and_automatic_on(
    pair: Pair, laptop_ctx: UiContext, qtbot
) -> None:
    pair.use_folder()
    name = pair.office_sends()
    qtbot.waitUntil(pair.laptop.folder_sync.has_incoming, timeout=5000)
    window = MainWindow(laptop_ctx, auto_sync=QUICK_AUTO)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.folder_job.succeeded, timeout=20_000) as done:
        window.show()
    assert done.args[1] == UNLOCK
    assert _has_partner(pair.laptop, name)
    assert window.sync_status.text().startswith("Automatisch synchronisiert um ")


def test_watcher_imports_a_new_bundle_without_a_click(
    pair: Pair, laptop_ctx: UiContext, qtbot
) -> None:
    pair.use_folder()
    window = _window(laptop_ctx, qtbot)
    _settled(window, qtbot)
    mailbox = pair.laptop.folder_sync.mailbox()
    assert mailbox is not None
    assert window.auto_sync.watched() == [str(mailbox)]
    assert window.auto_sync.poll.isActive()  # an hour here: it is not what imports below

    reasons: list[str] = []
    window.folder_job.succeeded.connect(lambda _result, why: reasons.append(why))
    latencies = []
    for _ in range(3):
        reasons.clear()
        name = pair.office_sends()  # ends with the rename into the laptop's mailbox
        start = time.monotonic()
        qtbot.waitUntil(
            lambda name=name: bool(reasons) and _has_partner(pair.laptop, name), timeout=20_000
        )
        latencies.append(time.monotonic() - start)
        assert reasons == [WATCHER]
        qtbot.waitUntil(lambda: not window.folder_job.running, timeout=5000)
    log.warning(
        "watcher: bundle in mailbox -> imported, median %.2f s (%s; debounce %d ms, settle %.2f s)",
        statistics.median(latencies),
        ", ".join(f"{s:.2f}" for s in latencies),
        QUICK_AUTO["debounce_ms"],
        SETTLE_S,
    )


def test_nothing_runs_while_a_form_has_unsaved_input(
    pair: Pair, laptop_ctx: UiContext, qtbot
) -> None:
    pair.use_folder()
    window = _window(laptop_ctx, qtbot)
    _settled(window, qtbot)
    contacts = window.show_key("contacts")
    form = contacts.open_new()  # type: ignore[attr-defined]
    form.topics.toggle("wohnen")
    assert form.is_dirty

    name = pair.office_sends()
    with qtbot.waitSignal(window.auto_sync.postponed, timeout=10_000):
        pass  # the watcher saw the bundle, and held back
    qtbot.wait(500)
    assert not window.folder_job.running
    assert not _has_partner(pair.laptop, name)
    assert window.auto_sync.pending == WATCHER
    assert "wartet" in window.sync_status.text()

    with qtbot.waitSignal(window.folder_job.succeeded, timeout=20_000) as done:
        form.discard()  # the form closes: now it runs
    assert done.args[1] == WATCHER
    assert _has_partner(pair.laptop, name)


def test_poll_finds_a_bundle_where_no_event_comes(pair: Pair, laptop_ctx: UiContext, qtbot) -> None:
    pair.use_folder()
    # The watcher's look comes only after ten minutes: whatever imports here is the poll.
    window = _window(laptop_ctx, qtbot, poll_ms=300, debounce_ms=600_000)
    _settled(window, qtbot)
    name = pair.office_sends()
    with qtbot.waitSignal(window.folder_job.succeeded, timeout=20_000) as done:
        pass
    assert done.args[1] == POLL
    assert _has_partner(pair.laptop, name)


def test_automatic_off_means_nothing_automatic(pair: Pair, laptop_ctx: UiContext, qtbot) -> None:
    pair.use_folder()
    pair.laptop.folder_sync.set_automatic(False)
    name = pair.office_sends()
    window = _window(laptop_ctx, qtbot, poll_ms=200)
    qtbot.wait(1000)
    assert window.folder_job.last_result is None
    assert window.auto_sync.watched() == []
    assert not window.auto_sync.poll.isActive()
    assert not _has_partner(pair.laptop, name)

    # Switched on in Einstellungen: the window follows at once.
    settings = window.show_key("settings")
    with qtbot.waitSignal(window.folder_job.succeeded, timeout=20_000) as done:
        settings.sync_folder.automatic.click()  # type: ignore[attr-defined]
    assert done.args[1] == SETTINGS
    assert _has_partner(pair.laptop, name)


def test_locking_stops_the_watcher_and_unlocking_synchronises(
    pair: Pair, ui_settings: UiSettings, qtbot
) -> None:
    pair.use_folder()
    pair.laptop.close()
    controller = Controller(pair.laptop_dir, ui_settings, clock=pair.clock)
    try:
        controller.start()
        window = controller.unlock_window
        assert window is not None
        window.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(controller.entered, timeout=20_000) as entered:
            window.unlock()
        main: MainWindow = entered.args[0]
        assert controller.app is not None
        controller.app.folder_sync.settle_seconds = SETTLE_S
        _settled(main, qtbot)
        auto = main.auto_sync
        assert auto.watched()

        controller.lock()
        assert auto.stopped
        assert auto.watched() == []
        assert not auto.poll.isActive()
        name = pair.office_sends()  # arrives while locked: nobody touches the closed store
        qtbot.wait(500)

        unlock = controller.unlock_window
        assert unlock is not None
        unlock.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(controller.entered, timeout=20_000) as entered:
            unlock.unlock()
        main = entered.args[0]
        with qtbot.waitSignal(main.folder_job.succeeded, timeout=20_000) as done:
            pass
        assert done.args[1] == UNLOCK
        assert controller.app is not None
        assert _has_partner(controller.app, name)
    finally:
        if controller.main_window is not None:
            controller.main_window.close_for_lock()
        if controller.unlock_window is not None:
            controller.unlock_window.close()
        assert wait_all(30_000)
        controller.shutdown()
        pair.laptop = App.open(pair.laptop_dir, PASSPHRASE, clock=pair.clock)
