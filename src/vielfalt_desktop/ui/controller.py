"""Which window is showing: setup, unlock or the main window; locking and unlocking.

Locking closes the App (the engine is disposed and the key goes with it), drops every
reference to it with the main window and its screens, and shows the unlock window. What the
user was doing (screen, filters, selection, an unsaved form) is kept as plain data and put
back after unlocking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from vielfalt_desktop.domain.clock import Clock
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.maintenance import patience, store_exists
from vielfalt_desktop.ui import i18n
from vielfalt_desktop.ui.busy_notice import WAIT_S, BusyNotice
from vielfalt_desktop.ui.idle import IdleWatcher
from vielfalt_desktop.ui.settings import UiSettings
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.unlock_window import Backoff, Opener, UnlockWindow


def default_opener(clock: Clock | None = None) -> Opener:
    notice: list[BusyNotice] = []

    def open_app(data_dir: Path, passphrase: str) -> App:
        if not notice:  # made on first use: it needs the running QApplication
            # This runs in the unlock's worker thread: the notice must live in the GUI thread
            # (a parent there cannot be given from here, and its slot must run there).
            made = BusyNotice()
            qapp = QCoreApplication.instance()
            if qapp is not None:
                made.moveToThread(qapp.thread())
            notice.append(made)
        busy = patience(WAIT_S, notice[0].notify)
        return App.open(data_dir, passphrase, clock=clock, busy=busy)

    return open_app


def apply_color_scheme(scheme: str) -> None:
    """Follow the system (default) or force light/dark (Qt ≥ 6.8)."""
    hints = QGuiApplication.styleHints()
    value = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(scheme, Qt.ColorScheme.Unknown)
    setter = getattr(hints, "setColorScheme", None)
    if setter is not None:
        setter(value)


class Controller(QObject):
    locked = Signal()
    entered = Signal(object)  # the MainWindow

    def __init__(
        self,
        data_dir: Path,
        settings: UiSettings,
        *,
        opener: Opener | None = None,
        clock: Clock | None = None,
        wizard_factory: Callable[[Path], Any] | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.settings = settings
        self.clock = clock
        self.opener = opener or default_opener(clock)
        self.wizard_factory = wizard_factory
        self.backoff = Backoff()
        self.app: App | None = None
        self.main_window: Any = None
        self.unlock_window: UnlockWindow | None = None
        self.setup_dialog: Any = None
        self._saved_state: dict[str, Any] | None = None
        self.idle = IdleWatcher(settings.idle_minutes, self)
        self.idle.expired.connect(self.lock)

    # --- start --------------------------------------------------------------------------

    def start(self) -> QWidget:
        if store_exists(self.data_dir):
            return self.show_unlock()
        return self.show_setup()

    def show_setup(self) -> QWidget:
        from vielfalt_desktop.services.setup import SetupWizard
        from vielfalt_desktop.ui.setup_dialog import SetupDialog

        factory = self.wizard_factory or (lambda path: SetupWizard(path))
        dialog = SetupDialog(factory(self.data_dir))
        dialog.completed.connect(self.enter)
        dialog.rejected.connect(self._setup_cancelled)
        self.setup_dialog = dialog
        dialog.show()
        return dialog

    def _setup_cancelled(self) -> None:
        self.setup_dialog = None
        if self.app is None and self.unlock_window is None:
            QApplication.quit()

    def show_unlock(self, note: str = "") -> UnlockWindow:
        window = UnlockWindow(self.data_dir, self.opener, self.backoff, note=note)
        window.unlocked.connect(self.enter)
        self.unlock_window = window
        window.show()
        return window

    # --- unlocked -----------------------------------------------------------------------

    def enter(self, app: App) -> Any:
        from vielfalt_desktop.ui.context import UiContext
        from vielfalt_desktop.ui.main_window import MainWindow

        self.app = app
        ctx = UiContext(app, self.settings, lang=self.settings.language)
        window = MainWindow(ctx)
        window.lock_requested.connect(self.lock)
        window.closing.connect(self._main_closed)
        window.language_changed.connect(self.set_language)
        window.idle_minutes_changed.connect(self.set_idle_minutes)
        window.color_scheme_changed.connect(self.set_color_scheme)
        geometry = self.settings.geometry
        if geometry:
            window.restoreGeometry(geometry)
        self.main_window = window
        window.show()
        if self._saved_state is not None:
            state, self._saved_state = self._saved_state, None
            window.restore(state)
        if self.unlock_window is not None:
            self.unlock_window.close()
            self.unlock_window.deleteLater()
            self.unlock_window = None
        if self.setup_dialog is not None:
            self.setup_dialog.deleteLater()
            self.setup_dialog = None
        self.idle.set_minutes(self.settings.idle_minutes)
        self.idle.start()
        emit(self.entered, window)
        return window

    def _main_closed(self) -> None:
        """The user closed the main window: close the store; the program ends."""
        self.idle.stop()
        if self.app is not None:
            self.app.close()
            self.app = None
        self.main_window = None

    # --- locking ------------------------------------------------------------------------

    def lock(self) -> UnlockWindow | None:
        """Lock now: from the idle timer and from Ctrl+L (also in a modal dialog).

        Open dialogs close without asking; unsaved form input is kept as plain data and put
        back after unlocking (see ``LockKey`` in main_window for why the lock wins).
        """
        if self.app is None or self.main_window is None:
            return None
        self.idle.stop()
        window = self.main_window
        self._saved_state = window.state()
        # Show the unlock window first, so closing the main window does not end the program.
        unlock = self.show_unlock(note=self.tr("Zum Weiterarbeiten bitte entsperren."))
        window.close_for_lock()
        window.deleteLater()
        self.main_window = None
        app, self.app = self.app, None
        app.close()
        emit(self.locked)
        return unlock

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_minutes = minutes
        self.idle.set_minutes(self.settings.idle_minutes)

    def set_color_scheme(self, scheme: str) -> None:
        self.settings.color_scheme = scheme
        apply_color_scheme(scheme)

    def set_language(self, lang: str) -> None:
        """Switch the language: rebuild the main window in place (the store stays open)."""
        self.settings.language = lang
        i18n.install(lang)
        if self.app is None or self.main_window is None:
            return
        window = self.main_window
        state = window.state()
        app = self.app
        window._locking = True
        window.close_for_lock()
        window.deleteLater()
        self.main_window = None
        self._saved_state = state
        self.enter(app)

    def shutdown(self) -> None:
        self.idle.stop()
        if self.app is not None:
            self.app.close()
            self.app = None
