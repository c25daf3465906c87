"""The unlocked window: navigation on the left, one screen at a time on the right.

Ctrl+1…9 and Ctrl+0 (or Alt+…) switch screens, 0 being the tenth; Ctrl+L locks, F5 reloads the
current screen, Ctrl+Shift+S synchronises over the sync folder (from every screen).
Screens are built the first time they are shown, so unlocking is quick. The window owns the one
folder-sync job and its automatic starter (ui/auto_sync.py); both stop before it closes.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.ui.auto_sync import MANUAL, AutoSync, FolderSyncJob
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import message_text
from vielfalt_desktop.ui.icons import icon
from vielfalt_desktop.ui.screens.base import Screen
from vielfalt_desktop.ui.signals import emit, relay
from vielfalt_desktop.ui.tasks import Task
from vielfalt_desktop.ui.widgets.sync_folder import ask_for_folder

SCREEN_KEYS = (
    "overview",
    "contacts",
    "referrals",
    "conflicts",
    "events",
    "network",
    "sync",
    "reports",
    "privacy",
    "settings",
)


_SCREEN_CLASSES = {
    "overview": ("overview_screen", "OverviewScreen"),
    "contacts": ("contacts_screen", "ContactsScreen"),
    "referrals": ("referrals_screen", "ReferralsScreen"),
    "conflicts": ("conflicts_screen", "ConflictsScreen"),
    "events": ("events_screen", "EventsScreen"),
    "network": ("network_screen", "NetworkScreen"),
    "sync": ("sync_screen", "SyncScreen"),
    "reports": ("reports_screen", "ReportsScreen"),
    "privacy": ("privacy.screen", "PrivacyScreen"),
    "settings": ("settings_screen", "SettingsScreen"),
}


class LockKey(QObject):
    """Ctrl+L anywhere in the program, modal dialogs included: ``pressed`` asks to lock.

    An application-wide event filter, installed while the main window is open. It claims the
    key's ShortcutOverride (so no shortcut takes it) and reacts to the key press that follows.

    It locks exactly as the idle timer does (the controller's ``lock``): open forms close
    without the "Änderungen verwerfen?" question and their unsaved input comes back after
    unlocking. Security first, the lock wins: a question would keep the data open on the
    screen of a person who pressed Ctrl+L to walk away.
    """

    pressed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed = False

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    @staticmethod
    def matches(event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return event.key() == Qt.Key.Key_L and modifiers == Qt.KeyboardModifier.ControlModifier

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or not self.matches(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # ours: no shortcut may take it; the key press follows
        else:
            emit(self.pressed)
        return True


def make_screen(key: str, ctx: UiContext, parent: QWidget) -> Screen:
    """Import a screen's module only when the screen is first shown."""
    module_name, class_name = _SCREEN_CLASSES[key]
    module = importlib.import_module(f"vielfalt_desktop.ui.screens.{module_name}")
    cls: type[Screen] = getattr(module, class_name)
    return cls(ctx, parent)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    closing = Signal()
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)
    color_scheme_changed = Signal(str)

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        auto_sync: dict[str, int] | None = None,
    ) -> None:
        """``auto_sync``: intervals of the automatic sync (``poll_ms``, ``debounce_ms``,
        ``retry_ms`` of :class:`AutoSync`; tests make them short)."""
        super().__init__(parent)
        self.ctx = ctx
        self._locking = False
        device = ctx.app.device
        role = message_text(device.role_label)
        self.setWindowTitle(
            self.tr("Vielfalt – {name} ({role})").format(name=device.name, role=role)
        )
        self.setObjectName("MainWindow")
        titles = {
            "overview": self.tr("Übersicht"),
            "contacts": self.tr("Kontakte"),
            "referrals": self.tr("Verweise"),
            "conflicts": self.tr("Konflikte"),
            "events": self.tr("Veranstaltungen"),
            "network": self.tr("Netzwerk"),
            "sync": self.tr("Synchronisation"),
            "reports": self.tr("Berichte"),
            "privacy": self.tr("Datenschutz"),
            "settings": self.tr("Einstellungen"),
        }
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self._screens: dict[str, Screen] = {}
        self._holders: dict[str, QWidget] = {}
        self._holder_layouts: dict[str, QHBoxLayout] = {}
        for number, key in enumerate(SCREEN_KEYS, start=1):
            digit = number % 10  # the tenth screen is on 0, as on the keyboard
            item = QListWidgetItem(icon(key), titles[key])
            item.setToolTip(self.tr("{title} (Strg+{n})").format(title=titles[key], n=digit))
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 16))
            self.nav.addItem(item)
            holder = QWidget()
            holder_layout = QHBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self._holder_layouts[key] = holder_layout
            self.stack.addWidget(holder)
            for prefix in ("Ctrl", "Alt"):
                QShortcut(
                    QKeySequence(f"{prefix}+{digit}"),
                    self,
                    lambda n=number - 1: self.show_screen(n),
                )
        width = max(self.nav.sizeHintForColumn(0), 150) + 36
        self.nav.setFixedWidth(width)
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Ctrl+L is caught by an application-wide event filter, not a QShortcut: Qt does not
        # deliver even an ApplicationShortcut while a modal dialog (a record form, „Passphrase
        # ändern …“) is active, and locking must work from there too.
        self.lock_key = LockKey(self)
        self.lock_key.pressed.connect(relay(self.lock_requested))
        self.lock_key.install()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload_current)
        QShortcut(QKeySequence("F5"), self, self.reload_current)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self, self.close)
        # Folder sync: one job for the button, this key and the automatic runs.
        self.folder_job = FolderSyncJob(ctx, self)
        self.folder_job.started.connect(self._sync_started)
        self.folder_job.progress.connect(self._sync_progress)
        self.folder_job.succeeded.connect(self._sync_succeeded)
        self.folder_job.failed.connect(self._sync_failed)
        self.auto_sync = AutoSync(
            ctx, self.folder_job, self.open_dialogs, parent=self, **(auto_sync or {})
        )
        self.auto_sync.postponed.connect(self._sync_postponed)
        self.sync_key = QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.synchronise)
        self.sync_status = QLabel()
        self.sync_status.setAccessibleName(self.tr("Letzte Synchronisation"))
        # Ignored width: a long result must not widen the window; the tooltip has it whole.
        self.sync_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.sync_status, 1)

        where = QLabel(
            self.tr("{name} · {role} · Sperren: Strg+L").format(name=device.name, role=role)
        )
        where.setEnabled(False)
        self.statusBar().addPermanentWidget(where)
        self.resize(1280, 800)
        self.nav.setCurrentRow(0)
        # After the controller has put back what was open before locking (restore): a form
        # restored with unsaved input holds the first run back until it closes.
        QTimer.singleShot(0, self, self.auto_sync.start)

    # --- screens ------------------------------------------------------------------------

    def page(self, key: str) -> Screen:
        """The screen for ``key``, built on first use."""
        screen = self._screens.get(key)
        if screen is None:
            holder = self._holders[key]
            screen = make_screen(key, self.ctx, holder)
            self._holder_layouts[key].addWidget(screen)
            self._screens[key] = screen
            self._wire(key, screen)
        return screen

    def _wire(self, key: str, screen: Screen) -> None:
        if key == "contacts":
            screen.refer.connect(self.refer_contact)  # type: ignore[attr-defined]
            screen.suggest.connect(self.suggest_for_contact)  # type: ignore[attr-defined]
        elif key == "overview":
            screen.open_record.connect(self.open_record)  # type: ignore[attr-defined]
        elif key == "settings":
            screen.language_changed.connect(self.language_changed)  # type: ignore[attr-defined]
            screen.idle_minutes_changed.connect(  # type: ignore[attr-defined]
                self.idle_minutes_changed
            )
            screen.color_scheme_changed.connect(  # type: ignore[attr-defined]
                self.color_scheme_changed
            )
            screen.sync_folder_changed.connect(self.auto_sync.refresh)  # type: ignore[attr-defined]
        elif key == "sync":
            screen.use_folder_job(self.folder_job)  # type: ignore[attr-defined]
            screen.folder_sync.folder_chosen.connect(  # type: ignore[attr-defined]
                self._sync_folder_chosen
            )

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = SCREEN_KEYS[row]
        screen = self.page(key)
        self.stack.setCurrentIndex(row)
        screen.activated()

    def show_screen(self, index: int) -> Screen:
        self.nav.setCurrentRow(index)
        return self.page(SCREEN_KEYS[index])

    def show_key(self, key: str) -> Screen:
        return self.show_screen(SCREEN_KEYS.index(key))

    def current_index(self) -> int:
        return self.nav.currentRow()

    def current_key(self) -> str:
        return SCREEN_KEYS[max(0, self.nav.currentRow())]

    def reload_current(self) -> None:
        self.page(self.current_key()).reload()

    # --- cross-screen actions -----------------------------------------------------------

    def refer_contact(self, contact: Contact) -> None:
        screen = self.show_key("referrals")
        screen.open_for_contact(contact)  # type: ignore[attr-defined]

    def suggest_for_contact(self, contact: Contact) -> None:
        screen = self.show_key("network")
        screen.suggest_for(contact)  # type: ignore[attr-defined]

    def open_record(self, key: str, record_id: str) -> None:
        screen = self.show_key(key)
        screen.open_id(record_id)  # type: ignore[attr-defined]

    # --- folder sync --------------------------------------------------------------------

    def open_dialogs(self) -> list[QDialog]:
        """Every open dialog of every screen (record forms among them)."""
        return [dialog for screen in self._screens.values() for dialog in screen.open_dialogs()]

    def synchronise(self) -> Task | None:
        """Strg+Umschalt+S: „Synchronisieren“ from whichever screen is shown."""
        if self.folder_job.running or not self.ctx.app.is_open:
            return None
        if self.ctx.app.folder_sync.folder() is None:
            if not ask_for_folder(self, self.ctx.app):
                return None
            self._sync_folder_chosen()
        return self.folder_job.start(MANUAL)

    def _sync_folder_chosen(self) -> None:
        self.auto_sync.refresh()
        for key in ("settings", "sync"):
            screen = self._screens.get(key)
            if screen is not None:
                screen.reload()

    def _show_sync_status(self, text: str) -> None:
        self.sync_status.setText(text)
        self.sync_status.setToolTip(text)

    def _sync_started(self, reason: str) -> None:
        if reason == MANUAL:
            self._show_sync_status(self.tr("Synchronisieren …"))
        else:
            self._show_sync_status(self.tr("Automatisch synchronisieren …"))

    def _sync_progress(self, done: int, total: int, _what: str) -> None:
        if total > 0:
            self._show_sync_status(
                self.tr("Synchronisieren … {done} von {total}").format(done=done, total=total)
            )

    def _stamp(self) -> str:
        return self.ctx.app.now().astimezone().strftime("%H:%M")

    def _sync_succeeded(self, result: Any, reason: str) -> None:
        summary = message_text(result.summary())
        if reason == MANUAL:
            text = self.tr("Synchronisiert um {time}: {summary}")
        else:
            text = self.tr("Automatisch synchronisiert um {time}: {summary}")
        self._show_sync_status(text.format(time=self._stamp(), summary=summary))

    def _sync_failed(self, error: BaseException, reason: str) -> None:
        message = self.folder_job.failure_text(error)
        if reason == MANUAL:
            text = self.tr("Nicht synchronisiert ({time}): {message}")
        else:
            text = self.tr("Automatische Synchronisation ({time}): {message}")
        self._show_sync_status(text.format(time=self._stamp(), message=message))

    def _sync_postponed(self, _reason: str) -> None:
        self._show_sync_status(
            self.tr(
                "Automatische Synchronisation wartet, bis das Formular gespeichert oder "
                "geschlossen ist."
            )
        )

    # --- locking ------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "index": self.current_index(),
            "screens": {key: screen.state() for key, screen in self._screens.items()},
        }

    def restore(self, state: dict[str, Any]) -> None:
        for key, screen_state in state.get("screens", {}).items():
            if screen_state:
                self.page(key).restore(screen_state)
        self.show_screen(state.get("index", 0))

    def close_for_lock(self) -> None:
        """Close every dialog without asking and the window itself (the store is locking)."""
        from vielfalt_desktop.ui.forms.record_form import RecordForm

        self._locking = True
        self._stop_sync()
        self.lock_key.remove()
        for screen in self._screens.values():
            for dialog in screen.open_dialogs():
                if isinstance(dialog, RecordForm):
                    dialog.discard()
                else:
                    dialog.done(0)
        self.close()

    def _stop_sync(self) -> None:
        """Before the App goes: no timer, watcher or new run; a running one ends soon."""
        self.auto_sync.stop()
        self.folder_job.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.geometry = bytes(self.saveGeometry().data())
        if not self._locking:
            for screen in self._screens.values():
                for dialog in screen.open_dialogs():
                    if not dialog.close():
                        event.ignore()
                        return
            emit(self.closing)
        self._stop_sync()
        self.lock_key.remove()
        super().closeEvent(event)
