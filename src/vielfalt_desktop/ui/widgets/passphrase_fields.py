"""The fields for a new passphrase, with strength bar and advice: setup and "Passphrase ändern"."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar

from vielfalt_desktop.services.setup import Strength
from vielfalt_desktop.ui.i18n import message_text
from vielfalt_desktop.ui.signals import emit

ERROR_STYLE = "color: #c0392b;"
STRENGTH_COLORS = ("#c0392b", "#d35400", "#b7950b", "#27ae60", "#1e8449")


def _wrap(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class NewPassphraseFields(QObject):
    """Passphrase and repetition, "show" box, strength bar, advice and a mismatch note.

    Not a widget of its own: :meth:`add_rows` puts the rows into the owner's form, so their
    labels line up with its other rows. The rules live in the services; the owner asks them on
    :attr:`edited` and hands the answer to :meth:`show_strength`.
    """

    edited = Signal()

    def __init__(
        self,
        parent: QObject,
        *,
        passphrase_label: str,
        repeat_label: str,
        passphrase_name: str,
        repeat_name: str,
    ) -> None:
        super().__init__(parent)
        self._labels = (passphrase_label, repeat_label)
        self.pass1 = QLineEdit()
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setAccessibleName(passphrase_name)
        self.pass2 = QLineEdit()
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass2.setAccessibleName(repeat_name)
        self.show_pass = QCheckBox(self.tr("Passphrase &anzeigen"))
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(10)
        self.strength_bar.setAccessibleName(self.tr("Stärke der Passphrase"))
        self.strength_label = _wrap()
        self.strength_advice = _wrap()
        self.repeat_error = _wrap()
        self.repeat_error.setStyleSheet(ERROR_STYLE)
        self.repeat_error.setVisible(False)
        self.pass1.textChanged.connect(self._edited)
        self.pass2.textChanged.connect(self._edited)
        self.show_pass.toggled.connect(self._toggle_echo)

    def add_rows(self, form: QFormLayout) -> None:
        passphrase_label, repeat_label = self._labels
        form.addRow(passphrase_label, self.pass1)
        form.addRow(repeat_label, self.pass2)
        form.addRow("", self.repeat_error)
        form.addRow("", self.show_pass)
        form.addRow(self.tr("Stärke:"), self.strength_bar)
        form.addRow("", self.strength_label)
        form.addRow("", self.strength_advice)

    def passphrase(self) -> str:
        return self.pass1.text()

    def repeat(self) -> str:
        return self.pass2.text()

    def show_strength(self, strength: Strength, mismatch: str = "") -> None:
        """Show ``strength`` of the typed passphrase and ``mismatch`` once the repetition is
        typed. Advice and ``mismatch`` may be the core's German messages: shown translated."""
        if not self.pass1.text():
            self.strength_bar.setValue(0)
            self.strength_bar.setAccessibleDescription("")
            self.strength_label.setText("")
            self.strength_advice.setText("")
        else:
            self.strength_bar.setValue(strength.score)
            color = STRENGTH_COLORS[strength.score]
            self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }}")
            labels = (
                self.tr("sehr schwach"),
                self.tr("schwach"),
                self.tr("mäßig"),
                self.tr("stark"),
                self.tr("sehr stark"),
            )
            text = labels[strength.score]
            if strength.score >= 3 and not strength.acceptable:
                text = self.tr("{label}, aber zu kurz").format(label=text)
            self.strength_label.setText(text)
            self.strength_bar.setAccessibleDescription(text)
            advice = [message_text(a) for a in (strength.warning, *strength.suggestions) if a]
            self.strength_advice.setText("\n".join(advice))
        shown = message_text(mismatch) if self.pass2.text() else ""
        self.repeat_error.setText(shown)
        self.repeat_error.setVisible(bool(shown))

    def clear(self) -> None:
        """Empty both fields (the strength display follows through :attr:`edited`)."""
        self.pass1.clear()
        self.pass2.clear()

    def _edited(self, _text: str) -> None:
        emit(self.edited)

    def _toggle_echo(self, show: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if show else QLineEdit.EchoMode.Password
        self.pass1.setEchoMode(mode)
        self.pass2.setEchoMode(mode)
