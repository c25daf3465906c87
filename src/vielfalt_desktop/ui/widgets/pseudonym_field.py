"""A pseudonym code: type one to look it up, or make a new random one with a click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.ui.i18n import error_text
from vielfalt_desktop.ui.signals import emit


class PseudonymField(QWidget):
    changed = Signal()

    def __init__(self, lookup: Callable[[str], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("K-XXXX-XXXX (optional)"))
        self.edit.setMaxLength(16)
        self.new_button = QPushButton(self.tr("&Neuer Code"))
        self.new_button.setAutoDefault(False)
        self.new_button.setToolTip(
            self.tr("Einen zufälligen Code erzeugen – nie aus Name oder Geburtsdatum ableiten.")
        )
        self.new_button.setAccessibleName(self.tr("Neuen Pseudonym-Code erzeugen"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.info)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.look_up)
        self.edit.textChanged.connect(self._typed)
        self.new_button.clicked.connect(self.generate)
        self.setFocusProxy(self.edit)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def value(self) -> str | None:
        text = self.edit.text().strip()
        if not text:
            return None
        return pseudonym.normalize(text) or text

    def set_value(self, code: str | None) -> None:
        self.edit.setText(code or "")
        self.look_up()

    def generate(self) -> None:
        self.edit.setText(pseudonym.new_code())
        self.info.setText(
            self.tr("Neuer Code – bitte der Person mitgeben (z. B. auf einer Karte).")
        )
        self._timer.stop()

    def _typed(self, _text: str) -> None:
        emit(self.changed)
        self._timer.start()

    def look_up(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.info.setText("")
            return
        normal = pseudonym.normalize(text)
        if normal is None:
            compact = "".join(ch for ch in text if ch.isalnum())
            complete = len(pseudonym.new_code().replace("-", ""))
            self.info.setText(
                self.tr("Noch unvollständig.")
                if len(compact) < complete
                else self.tr("Ungültiger Code (Tippfehler?).")
            )
            return
        try:
            count = self._lookup(normal)
        except VielfaltError as exc:
            self.info.setText(error_text(exc))
            return
        if count:
            self.info.setText(self.tr("Bekannter Code: {n} Kontakt(e) bisher.").format(n=count))
        else:
            self.info.setText(self.tr("Dieser Code ist noch nicht vergeben."))
