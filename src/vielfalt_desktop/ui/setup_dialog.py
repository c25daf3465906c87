"""The first-run dialog. It only shows pages and forwards input; the rules are in SetupWizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.services.setup import MIN_LENGTH, SetupWizard, Step
from vielfalt_desktop.ui.i18n import error_text, message_text
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.tasks import Task, run_task
from vielfalt_desktop.ui.widgets.busy import busy_bar
from vielfalt_desktop.ui.widgets.passphrase_fields import ERROR_STYLE, NewPassphraseFields


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def _wrap(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class SetupDialog(QDialog):
    completed = Signal(object)  # the opened App

    def __init__(self, wizard: SetupWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard = wizard
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Vielfalt – Einrichtung"))
        self.setMinimumSize(620, 460)

        self.step_label = QLabel()
        self.step_label.setEnabled(False)
        self.pages = QStackedWidget()
        self._page_of: dict[Step, QWidget] = {
            Step.ROLE: self._role_page(),
            Step.PASSPHRASE: self._passphrase_page(),
            Step.RECOVERY: self._recovery_page(),
            Step.PEER: self._peer_page(),
        }
        for page in self._page_of.values():
            self.pages.addWidget(page)
        self.busy = busy_bar(self.tr("Bitte warten"))
        self.message = _wrap("")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Meldung"))

        self.back_button = QPushButton(self.tr("&Zurück"))
        self.next_button = QPushButton(self.tr("&Weiter"))
        self.cancel_button = QPushButton(self.tr("Abbrechen"))
        for button in (self.back_button, self.next_button, self.cancel_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._refresh()

    # --- pages --------------------------------------------------------------------------

    def _role_page(self) -> QWidget:
        page = QWidget()
        self.laptop = QRadioButton(
            self.tr("&Laptop – Arbeit vor Ort; die Daten gehen an die Koordination")
        )
        self.office = QRadioButton(
            self.tr("&Koordination – führt die Daten zusammen und erstellt Berichte")
        )
        self.laptop.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.laptop)
        group.addButton(self.office)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("z. B. Laptop Nord"))
        self.name.setAccessibleName(self.tr("Name dieses Geräts"))
        self.name.setMaxLength(60)
        self.name_error = _wrap("")
        self.name_error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("&Name dieses Geräts:"), self.name)
        form.addRow("", self.name_error)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("Willkommen bei Vielfalt Desktop")))
        layout.addWidget(
            _wrap(
                self.tr(
                    "Die Daten werden verschlüsselt auf diesem Gerät gespeichert. "
                    "Wofür wird dieses Gerät genutzt?"
                )
            )
        )
        layout.addWidget(self.laptop)
        layout.addWidget(self.office)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addStretch(1)
        for widget in (self.laptop, self.office):
            widget.toggled.connect(self._role_changed)
        self.name.textChanged.connect(self._role_changed)
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        self.passphrase_fields = NewPassphraseFields(
            page,
            passphrase_label=self.tr("&Passphrase:"),
            repeat_label=self.tr("&Wiederholen:"),
            passphrase_name=self.tr("Passphrase"),
            repeat_name=self.tr("Passphrase wiederholen"),
        )
        fields = self.passphrase_fields
        self.pass1, self.pass2, self.show_pass = fields.pass1, fields.pass2, fields.show_pass
        self.strength_bar, self.strength_label = fields.strength_bar, fields.strength_label
        self.strength_advice, self.repeat_error = fields.strength_advice, fields.repeat_error
        form = QFormLayout()
        fields.add_rows(form)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("Passphrase festlegen")))
        layout.addWidget(
            _wrap(
                self.tr(
                    "Die Passphrase schützt alle Daten auf diesem Gerät. Gut merkbar und "
                    "schwer zu erraten sind mehrere zufällige Wörter, z. B. „Kranich Löffel "
                    "Wolke Fahrrad“. Mindestens {n} Zeichen und die Stärke „stark“."
                ).format(n=MIN_LENGTH)
            )
        )
        layout.addLayout(form)
        layout.addStretch(1)
        fields.edited.connect(self._passphrase_changed)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        self.recovery = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        self.recovery.setFont(mono)
        self.recovery.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery.setWordWrap(True)
        self.recovery.setAccessibleName(self.tr("Wiederherstellungsschlüssel"))
        self.recovery.setFrameShape(QLabel.Shape.StyledPanel)
        self.recovery.setMargin(12)
        self.print_button = QPushButton(self.tr("&Drucken …"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self._print_recovery)
        self.noted = QCheckBox(
            self.tr("Ich habe den Wiederherstellungsschlüssel &notiert oder ausgedruckt.")
        )
        self.noted.toggled.connect(self._noted_changed)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("Wiederherstellungsschlüssel")))
        layout.addWidget(
            _wrap(
                self.tr(
                    "Der Datenbestand ist angelegt. Mit diesem Schlüssel lassen sich die Daten "
                    "öffnen, wenn die Passphrase vergessen wurde. Er wird nur jetzt angezeigt. "
                    "Bitte aufschreiben oder ausdrucken und verschlossen aufbewahren – "
                    "nicht auf diesem Gerät speichern."
                )
            )
        )
        layout.addWidget(self.recovery)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.noted)
        layout.addStretch(1)
        return page

    def _peer_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("Koordination verbinden")))
        self.peer_intro = _wrap(
            self.tr(
                "Damit dieser Laptop Daten sicher an die Koordination schicken kann, wird deren "
                "Identitätskarte (eine kleine Datei) geladen. Vergleichen Sie danach den "
                "Fingerabdruck mit dem, den die Koordination Ihnen nennt."
            )
        )
        layout.addWidget(self.peer_intro)
        self.card_button = QPushButton(self.tr("Identitätskarte &laden …"))
        self.card_button.setAutoDefault(False)
        self.card_button.clicked.connect(self._load_card)
        self.skip_button = QPushButton(self.tr("&Überspringen – später unter „Synchronisation“"))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self._skip_peer)
        row = QHBoxLayout()
        row.addWidget(self.card_button)
        row.addWidget(self.skip_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.card_info = _wrap("")
        self.card_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.card_info)
        self.fingerprint_ok = QCheckBox(
            self.tr("Der &Fingerabdruck stimmt mit dem der Koordination überein.")
        )
        self.fingerprint_ok.setVisible(False)
        self.fingerprint_ok.toggled.connect(self._fingerprint_changed)
        layout.addWidget(self.fingerprint_ok)
        layout.addStretch(1)
        return page

    # --- reactions ----------------------------------------------------------------------

    def _role_changed(self) -> None:
        if self.wizard.store_created:
            return
        role = "office" if self.office.isChecked() else "field"
        self.wizard.set_role(role, self.name.text())
        self._refresh(quiet=True)

    def _passphrase_changed(self) -> None:
        if self.wizard.store_created:
            return  # the fields are being cleared after the store was made
        fields = self.passphrase_fields
        strength = self.wizard.set_passphrase(fields.passphrase(), fields.repeat())
        fields.show_strength(strength, self.wizard.problems().get("repeat", ""))
        self._refresh(quiet=True)

    def _noted_changed(self, on: bool) -> None:
        self.wizard.set_recovery_noted(on)
        self._refresh(quiet=True)

    def _print_recovery(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(
            self.tr(
                "Vielfalt Desktop – Wiederherstellungsschlüssel\n\nGerät: {name}\n\n{key}\n\n"
                "Sicher aufbewahren: Wer diesen Schlüssel hat, kann die Daten öffnen."
            ).format(name=self.wizard.data.name.strip(), key=self.wizard.data.recovery_key)
        )
        document.print_(printer)

    def _load_card(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Identitätskarte der Koordination laden"), str(Path.home())
        )
        if not path:
            return
        try:
            card = self.wizard.load_card(Path(path))
        except VielfaltError as exc:
            self.message.setText(error_text(exc))
            return
        self.card_info.setText(
            self.tr("Gerät: {name}\nFingerabdruck: {fp}").format(
                name=card.name, fp=card.fingerprint
            )
        )
        self.fingerprint_ok.setChecked(False)
        self.fingerprint_ok.setVisible(True)
        self.fingerprint_ok.setFocus()
        self._refresh(quiet=True)

    def _fingerprint_changed(self, on: bool) -> None:
        self.wizard.confirm_fingerprint(on)
        self._refresh(quiet=True)

    def _skip_peer(self) -> None:
        self.wizard.skip_peer()
        self.card_info.setText("")
        self.fingerprint_ok.setVisible(False)
        self.go_next()

    # --- navigation ---------------------------------------------------------------------

    def _refresh(self, *, quiet: bool = False) -> None:
        w = self.wizard
        step = w.current
        if step in self._page_of:
            self.pages.setCurrentWidget(self._page_of[step])
        steps = w.steps()
        if step in steps:
            self.step_label.setText(
                self.tr("Schritt {n} von {total}").format(n=steps.index(step) + 1, total=len(steps))
            )
        working = self._task is not None
        self.pages.setEnabled(not working)  # no input while the store is being made
        self.back_button.setEnabled(w.can_back() and not working)
        self.next_button.setEnabled(not working and w.can_next())
        last = step is Step.PEER or (step is Step.RECOVERY and w.data.role == "office")
        self.next_button.setText(self.tr("&Fertigstellen") if last else self.tr("&Weiter"))
        problems = w.problems()
        if step is Step.ROLE:
            self.name_error.setText(
                message_text(problems.get("name", "")) if self.name.text() else ""
            )
        if not quiet:
            self.message.setText("")
        if step is Step.PASSPHRASE and "data_dir" in problems:
            self.message.setText(message_text(problems["data_dir"]))

    def go_next(self) -> None:
        w = self.wizard
        if self._task is not None:
            return
        if not w.can_next():
            problems = w.problems()
            self.message.setText(message_text(next(iter(problems.values()), "")))
            return
        if w.next_is_slow():
            self.busy.setVisible(True)
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Der verschlüsselte Datenbestand wird angelegt …"))
            self._task = run_task(w.next, done=self._advanced, failed=self._failed)
            self._refresh(quiet=True)
            return
        try:
            w.next()
        except VielfaltError as exc:
            self.message.setText(error_text(exc))
            return
        self._advanced(w.current)

    def _advanced(self, _step: object) -> None:
        self._task = None
        self.busy.setVisible(False)
        self.message.setStyleSheet(ERROR_STYLE)
        w = self.wizard
        if w.current is Step.RECOVERY:
            self.pass1.clear()
            self.pass2.clear()
            self.recovery.setText(w.data.recovery_key)
            self.noted.setFocus()
        if w.current is Step.DONE:
            app = w.finish()
            self.recovery.clear()
            emit(self.completed, app)
            self.accept()
            return
        self._refresh()
        self._focus_page()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.busy.setVisible(False)
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, VielfaltError):
            self.message.setText(error_text(error))
        else:
            self.message.setText(
                self.tr("Der Datenbestand konnte nicht angelegt werden ({kind}).").format(
                    kind=type(error).__name__
                )
            )
        self._refresh(quiet=True)

    def go_back(self) -> None:
        if self.wizard.can_back():
            self.wizard.back()
            self._refresh()
            self._focus_page()

    def _focus_page(self) -> None:
        step = self.wizard.current
        if step is Step.ROLE:
            self.name.setFocus()
        elif step is Step.PASSPHRASE:
            self.pass1.setFocus()
        elif step is Step.PEER:
            self.card_button.setFocus()

    def reject(self) -> None:
        if self._task is not None:
            return
        if self.wizard.store_created:
            answer = QMessageBox.question(
                self,
                self.tr("Einrichtung abbrechen?"),
                self.tr(
                    "Der Datenbestand ist schon angelegt und bleibt erhalten; beim nächsten "
                    "Start kann er mit der Passphrase entsperrt werden. Den "
                    "Wiederherstellungsschlüssel sehen Sie danach nicht mehr. Abbrechen?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.wizard.abort()
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_page()
