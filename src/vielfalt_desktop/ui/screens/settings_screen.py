"""Einstellungen: auto-lock, passphrase, sync folder, language, light/dark mode, this store."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop import __version__
from vielfalt_desktop.ui import i18n
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.passphrase_dialog import PassphraseDialog
from vielfalt_desktop.ui.screens.base import Screen, heading
from vielfalt_desktop.ui.settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from vielfalt_desktop.ui.signals import emit, relay
from vielfalt_desktop.ui.widgets.sync_folder import SyncFolderBox


class SettingsScreen(Screen):
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)
    color_scheme_changed = Signal(str)
    sync_folder_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        settings = ctx.settings

        self.idle = QSpinBox()
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" Minuten"))
        self.idle.setValue(settings.idle_minutes)
        self.idle.setAccessibleName(self.tr("Automatisch sperren nach"))
        self.idle.valueChanged.connect(relay(self.idle_minutes_changed))
        self.idle.setMaximumWidth(160)

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Sprache"))
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.activated.connect(self._language_chosen)
        self.language.setMaximumWidth(260)
        self.language_note: QLabel | None = None
        if not i18n.has_translation("en"):
            self.language_note = QLabel(
                self.tr(
                    "Die englische Übersetzung ist nicht installiert "
                    "(„make translations“ erzeugt sie)."
                )
            )
            self.language_note.setWordWrap(True)

        self.scheme = QComboBox()
        self.scheme.setAccessibleName(self.tr("Farbschema"))
        self.scheme.setMaximumWidth(260)
        for code, label in (
            ("system", self.tr("Wie das System")),
            ("light", self.tr("Hell")),
            ("dark", self.tr("Dunkel")),
        ):
            self.scheme.addItem(label, code)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(settings.color_scheme)))
        self.scheme.activated.connect(
            lambda _i: emit(self.color_scheme_changed, self.scheme.currentData())
        )

        security = QGroupBox(self.tr("Sicherheit"))
        column = QVBoxLayout(security)
        # Not a QFormLayout: it sizes a word-wrapped label for a narrow width and leaves gaps.
        idle_row = QHBoxLayout()
        idle_label = QLabel(self.tr("&Automatisch sperren nach:"))
        idle_label.setBuddy(self.idle)
        idle_row.addWidget(idle_label)
        idle_row.addWidget(self.idle)
        idle_row.addStretch(1)
        column.addLayout(idle_row)
        hint = QLabel(
            self.tr(
                "Nach dieser Zeit ohne Eingabe wird der Datenbestand gesperrt und der Schlüssel "
                "aus dem Speicher entfernt. Sofort sperren: Strg+L."
            )
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.passphrase_button = QPushButton(self.tr("&Passphrase ändern …"))
        self.passphrase_button.clicked.connect(self.change_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.passphrase_button)
        row.addStretch(1)
        column.addSpacing(6)
        column.addLayout(row)
        self.passphrase_note = QLabel()
        self.passphrase_note.setWordWrap(True)
        self.passphrase_note.setVisible(False)
        column.addWidget(self.passphrase_note)

        self.sync_folder = SyncFolderBox(ctx.app)
        self.sync_folder.changed.connect(relay(self.sync_folder_changed))

        look = QGroupBox(self.tr("Darstellung"))
        form = QFormLayout(look)
        form.addRow(self.tr("&Sprache:"), self.language)
        if self.language_note is not None:
            form.addRow("", self.language_note)
        form.addRow(self.tr("&Farbschema:"), self.scheme)

        device = ctx.app.device
        about = QGroupBox(self.tr("Dieses Gerät"))
        form = QFormLayout(about)
        form.addRow(self.tr("Name:"), QLabel(device.name))
        form.addRow(self.tr("Rolle:"), QLabel(i18n.message_text(device.role_label)))
        folder = QLabel(str(device.data_folder))
        folder.setWordWrap(True)
        form.addRow(self.tr("Datenordner:"), folder)
        form.addRow(self.tr("Version:"), QLabel(__version__))

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Einstellungen")))
        layout.addWidget(security)
        layout.addWidget(self.sync_folder)
        layout.addWidget(look)
        layout.addWidget(about)
        layout.addStretch(1)

    def activated(self) -> None:
        """Shown (again): the sync folder may have been chosen meanwhile („Synchronisieren“)."""
        if self.ctx.app.is_open:
            self._stale = False
            self.reload()

    def reload(self) -> None:
        self.sync_folder.reload()

    def change_passphrase(self) -> PassphraseDialog:
        """Open "Passphrase ändern" (window-modal; it closes itself when the store locks)."""
        self.passphrase_note.setVisible(False)
        dialog = PassphraseDialog(self.ctx.app, self)
        dialog.changed.connect(self._passphrase_changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _passphrase_changed(self) -> None:
        self.passphrase_note.setText(
            self.tr("Die Passphrase wurde geändert. Ab jetzt entsperren Sie mit der neuen.")
        )
        self.passphrase_note.setVisible(True)
        self.passphrase_button.setFocus()

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if code != self.ctx.lang:
            emit(self.language_changed, code)
