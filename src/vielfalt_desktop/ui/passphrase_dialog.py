"""Einstellungen → „Passphrase ändern …“: the dialog drives PassphraseChange; Argon2id runs in
the background."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import VielfaltError, WrongPassphrase
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.passphrase import PassphraseChange, Rekeyed
from vielfalt_desktop.ui.i18n import error_text
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.tasks import Task, run_task
from vielfalt_desktop.ui.widgets.busy import busy_bar
from vielfalt_desktop.ui.widgets.passphrase_fields import ERROR_STYLE, NewPassphraseFields


def _wrap(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class PassphraseDialog(QDialog):
    """Old passphrase (or the recovery key) and a new one; "Ändern" only when all is valid."""

    changed = Signal()  # the new passphrase is in force

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.change = PassphraseChange(device_name=app.device.name)
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Passphrase ändern"))
        self.setMinimumWidth(540)

        self.intro = _wrap(
            self.tr(
                "Die Daten bleiben unverändert; nur der Schlüssel, der sie schützt, wird mit der "
                "neuen Passphrase neu verschlüsselt. Der Wiederherstellungsschlüssel gilt weiter."
            )
        )
        self._intro_text = self.intro.text()
        self.old = QLineEdit()
        self._old_labels = (
            self.tr("&Bisherige Passphrase:"),
            self.tr("Wiederherstellungs&schlüssel:"),
        )
        self.old_label = QLabel()
        self.old_label.setBuddy(self.old)
        # As wide as the longer of its two texts, so the fields do not jump when switching.
        metrics = self.old_label.fontMetrics()
        self.old_label.setMinimumWidth(
            max(metrics.horizontalAdvance(text.replace("&", "")) for text in self._old_labels)
        )
        self.use_recovery = QCheckBox(self.tr("Ich habe nur den &Wiederherstellungsschlüssel"))
        self.use_recovery.toggled.connect(self._recovery_toggled)
        self.new_key = QCheckBox(self.tr("Passphrase ändern, weil sie be&kannt wurde"))
        self.new_key.setToolTip(
            self.tr(
                "Die Daten werden zusätzlich mit einem neuen Schlüssel verschlüsselt, und es "
                "gibt einen neuen Wiederherstellungsschlüssel. Alte Kopien der Schlüsseldatei "
                "öffnen den Datenbestand dann nicht mehr."
            )
        )
        self.new_key.toggled.connect(self._new_key_toggled)
        self.rekeyed: Rekeyed | None = None
        self.fields = NewPassphraseFields(
            self,
            passphrase_label=self.tr("&Neue Passphrase:"),
            repeat_label=self.tr("Wieder&holen:"),
            passphrase_name=self.tr("Neue Passphrase"),
            repeat_name=self.tr("Neue Passphrase wiederholen"),
        )
        self.inputs = QWidget()
        form = QFormLayout(self.inputs)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.old_label, self.old)
        form.addRow("", self.use_recovery)
        self.fields.add_rows(form)
        form.addRow("", self.new_key)

        self.busy = busy_bar(self.tr("Bitte warten"))
        self.message = _wrap()
        self.message.setAccessibleName(self.tr("Meldung"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Ändern"))
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Abbrechen"))
        # Some styles (KDE, GNOME) put icons on standard dialog buttons; no other button in
        # the program has one.
        for button in (self.ok_button, self.cancel_button):
            button.setIcon(QIcon())
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addWidget(self.inputs)
        layout.addStretch(1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.old.textChanged.connect(self._edited)
        self.fields.edited.connect(self._edited)
        self._recovery_toggled(False)

    # --- reactions ----------------------------------------------------------------------

    def _recovery_toggled(self, recovery: bool) -> None:
        # Cleared either way: a passphrase must not become readable by switching to the
        # recovery key, which is shown as typed (it is copied from paper).
        self.old.clear()
        if recovery:
            self.old_label.setText(self._old_labels[1])
            self.old.setEchoMode(QLineEdit.EchoMode.Normal)
            self.old.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.old.setAccessibleName(self.tr("Wiederherstellungsschlüssel"))
        else:
            self.old_label.setText(self._old_labels[0])
            self.old.setEchoMode(QLineEdit.EchoMode.Password)
            self.old.setPlaceholderText("")
            self.old.setAccessibleName(self.tr("Bisherige Passphrase"))
        self.old.setFocus()
        self._edited()

    def _new_key_toggled(self, new_key: bool) -> None:
        self.intro.setText(
            self.tr(
                "Die Daten werden mit einem neuen Schlüssel neu verschlüsselt, und es gibt einen "
                "neuen Wiederherstellungsschlüssel. Wer die alte Passphrase und eine alte Kopie "
                "der Schlüsseldatei hat, kommt damit nicht mehr an die Daten."
            )
            if new_key
            else self._intro_text
        )
        self._edited()

    def _edited(self) -> None:
        c = self.change
        c.old = self.old.text()
        c.new = self.fields.passphrase()
        c.repeat = self.fields.repeat()
        c.recovery = self.use_recovery.isChecked()
        c.new_key = self.new_key.isChecked()
        self.fields.show_strength(c.strength(), c.problems().get("repeat", ""))
        self._show("")
        self._refresh()

    def _refresh(self) -> None:
        working = self.task is not None
        self.inputs.setEnabled(not working)
        self.busy.setVisible(working)
        self.ok_button.setEnabled(not working and self.change.can_apply())
        self.cancel_button.setEnabled(not working)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    # --- the change ---------------------------------------------------------------------

    def apply(self) -> Task | None:
        """Start the change in the background (Argon2id takes about two seconds)."""
        if self.task is not None or not self.change.can_apply():
            return None
        # A copy: the fields are cleared if the store locks meanwhile (see done()).
        change, app = dataclasses.replace(self.change), self.app
        self.task = run_task(lambda: change.apply(app), done=self._done, failed=self._failed)
        self._show(self.tr("Die Passphrase wird geändert …"))
        self._refresh()
        return self.task

    def _done(self, result: object) -> None:
        self.task = None
        if isinstance(result, Rekeyed):
            self.rekeyed = result
            self._show_rekeyed(result)
        emit(self.changed)
        self.accept()

    def _show_rekeyed(self, result: Rekeyed) -> None:
        """The new recovery key, once, and the old copies that still open with the old key."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Neuer Schlüssel"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = self.tr(
            "Die Daten sind jetzt mit einem neuen Schlüssel verschlüsselt. Neuer "
            "Wiederherstellungsschlüssel (nur jetzt sichtbar – bitte notieren oder drucken, "
            "der alte gilt nicht mehr):\n\n{key}\n\n"
            "Alte Kopien der Schlüsseldatei öffnen den Datenbestand nicht mehr. Ältere "
            "Sicherungen lassen sich aber weiter mit dem alten Schlüssel und der bekannt "
            "gewordenen Passphrase öffnen – bitte löschen: {backups}"
        ).format(
            key=result.recovery_key,
            backups=", ".join(p.name for p in result.old_backups) or self.tr("keine in backups/"),
        )
        box.setText(text)
        box.exec()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._refresh()
        if isinstance(error, WrongPassphrase):
            text = (
                self.tr("Der Wiederherstellungsschlüssel stimmt nicht. Es wurde nichts geändert.")
                if self.use_recovery.isChecked()
                else self.tr("Die bisherige Passphrase stimmt nicht. Es wurde nichts geändert.")
            )
            self._show(text, error=True)
            self.old.setFocus()
            self.old.selectAll()
            return
        if isinstance(error, VielfaltError):
            self._show(error_text(error), error=True)
        elif isinstance(error, OSError):
            self._show(
                self.tr(
                    "Die Schlüsseldatei konnte nicht geschrieben werden ({reason}). "
                    "Es wurde nichts geändert."
                ).format(reason=error.strerror or type(error).__name__),
                error=True,
            )
        else:
            self._show(
                self.tr("Die Passphrase konnte nicht geändert werden ({kind}).").format(
                    kind=type(error).__name__
                ),
                error=True,
            )

    # --- closing ------------------------------------------------------------------------

    def reject(self) -> None:
        if self.task is not None:
            return  # Esc while the key file is being written: finish first
        super().reject()

    def done(self, result: int) -> None:
        # Also reached when the store locks: no passphrase stays behind in the fields.
        self.old.clear()
        self.fields.clear()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.old.setFocus(Qt.FocusReason.OtherFocusReason)
