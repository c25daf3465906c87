"""The sync folder in Einstellungen, and the question „Ordner wählen?“ where one is missing.

The folder and its two options live in the store (``app.folder_sync``), so the command line
and the app agree; this widget only shows and changes them. The core refuses a missing, not
writable or otherwise unusable folder with one German line, shown here as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.i18n import error_text
from vielfalt_desktop.ui.signals import emit


def pick_folder(parent: QWidget, app: App) -> bool:
    """Ask for a folder (QFileDialog) and set it; False if cancelled or refused."""
    from PySide6.QtWidgets import QFileDialog

    current = app.folder_sync.folder()
    chosen = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("SyncFolder", "Synchronisationsordner wählen"),
        str(current or Path.home()),
    )
    if not chosen:
        return False
    try:
        app.folder_sync.set_folder(Path(chosen))
    except VielfaltError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("SyncFolder", "Ordner nicht übernommen"),
            error_text(exc),
        )
        return False
    return True


def ask_for_folder(parent: QWidget, app: App) -> bool:
    """„Synchronisieren“ without a folder: offer to choose one now (or later in Einstellungen)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("SyncFolder", "Kein Synchronisationsordner"),
        QCoreApplication.translate(
            "SyncFolder",
            "Zum Synchronisieren braucht dieses Gerät einen Ordner, den auch die anderen "
            "Geräte erreichen: ein Netzlaufwerk, einen Nextcloud-Ordner oder einen USB-Stick."
            "\n\nJetzt einen Ordner wählen? Ändern lässt er sich jederzeit unter Einstellungen.",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return pick_folder(parent, app)


class SyncFolderBox(QGroupBox):
    """„Synchronisationsordner“: the folder, choose, remove, and the two options."""

    changed = Signal()  # folder or an option changed (the window's automatic sync follows)

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setTitle(self.tr("Synchronisationsordner"))

        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(self.tr("Synchronisationsordner"))
        self.choose_button = QPushButton(self.tr("&Ordner wählen …"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Ordner &entfernen"))
        self.remove_button.clicked.connect(self.remove)
        self.automatic = QCheckBox(
            self.tr("A&utomatisch synchronisieren (beim Entsperren und wenn ein Bündel ankommt)")
        )
        self.automatic.toggled.connect(self._automatic_toggled)
        self.keep = QCheckBox(self.tr("Eingelesene &Bündel 30 Tage in „erledigt“ aufbewahren"))
        self.keep.setToolTip(
            self.tr(
                "Sonst wird ein Bündel aus dem Ordner gelöscht, sobald es eingelesen ist; "
                "der Verlauf hält es trotzdem fest."
            )
        )
        self.keep.toggled.connect(self._keep_toggled)
        hint = QLabel(
            self.tr(
                "Ein Ordner, den alle Geräte erreichen (Netzlaufwerk, Nextcloud-Ordner, "
                "USB-Stick). Jedes Gerät legt dort Bündel für die anderen ab; sie sind "
                "verschlüsselt und signiert."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)

        column = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        column.addLayout(row)
        column.addWidget(hint)
        column.addWidget(self.automatic)
        column.addWidget(self.keep)
        self.setTabOrder(self.choose_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.automatic)
        self.setTabOrder(self.automatic, self.keep)
        self.reload()

    def reload(self) -> None:
        """Show what the store says (also after the folder was chosen elsewhere)."""
        folder_sync = self.app.folder_sync
        folder = folder_sync.folder()
        self.folder_label.setText(str(folder) if folder else self.tr("Kein Ordner gewählt"))
        for box, value in (
            (self.automatic, folder_sync.automatic()),
            (self.keep, folder_sync.keep_processed()),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
            box.setEnabled(folder is not None)
        self.remove_button.setEnabled(folder is not None)

    def choose(self) -> bool:
        chosen = pick_folder(self, self.app)
        self.reload()
        if chosen:
            emit(self.changed)
        return chosen

    def remove(self) -> bool:
        folder = self.app.folder_sync.folder()
        if folder is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Synchronisationsordner entfernen?"),
            self.tr(
                "Dieses Gerät synchronisiert dann nicht mehr über „{folder}“. Was im Ordner "
                "liegt, bleibt dort; im Datenbestand geht nichts verloren."
            ).format(folder=folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.app.folder_sync.set_folder(None)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht geändert"), error_text(exc))
            return False
        self.reload()
        self.choose_button.setFocus()
        emit(self.changed)
        return True

    def _automatic_toggled(self, on: bool) -> None:
        self._set(self.app.folder_sync.set_automatic, on)

    def _keep_toggled(self, on: bool) -> None:
        self._set(self.app.folder_sync.set_keep_processed, on)

    def _set(self, setter: Callable[[bool], None], on: bool) -> None:
        try:
            setter(on)
        except VielfaltError as exc:
            QMessageBox.warning(self, self.tr("Nicht geändert"), error_text(exc))
        self.reload()
        emit(self.changed)
