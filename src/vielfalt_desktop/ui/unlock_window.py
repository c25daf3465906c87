"""The unlock window: passphrase, Enter, done. Key derivation runs off the UI thread.

A wrong passphrase costs a growing wait (1 s, 2 s, 4 s … at most 30 s) before the next try;
the count survives locking (it lives in :class:`Backoff`, owned by the controller).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vielfalt_desktop.domain.errors import VielfaltError, WrongPassphrase
from vielfalt_desktop.services.app import App
from vielfalt_desktop.ui.i18n import error_text
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.tasks import Task, run_task
from vielfalt_desktop.ui.widgets.busy import busy_bar

Opener = Callable[[Path, str], App]
MAX_DELAY_S = 30


class Backoff:
    """Failed attempts and the wait they cost."""

    def __init__(self, first_s: float = 1.0, cap_s: float = MAX_DELAY_S) -> None:
        self.failures = 0
        self.first_s = first_s
        self.cap_s = cap_s

    def fail(self) -> float:
        self.failures += 1
        return self.delay()

    def delay(self) -> float:
        if self.failures == 0:
            return 0.0
        return float(min(self.cap_s, self.first_s * 2 ** (self.failures - 1)))

    def reset(self) -> None:
        self.failures = 0


class UnlockWindow(QWidget):
    unlocked = Signal(object)  # the opened App

    def __init__(
        self,
        data_dir: Path,
        opener: Opener,
        backoff: Backoff | None = None,
        *,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._opener = opener
        self.backoff = backoff or Backoff()
        self._task: Task | None = None
        self._wait_left = 0
        self.setWindowTitle(self.tr("Vielfalt – Entsperren"))
        self.setObjectName("UnlockWindow")

        title = QLabel(self.tr("Vielfalt Desktop"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Der Datenbestand ist verschlüsselt und gesperrt."))
        subtitle.setWordWrap(True)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        prompt = QLabel(self.tr("&Passphrase:"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setMinimumWidth(320)
        prompt.setBuddy(self.passphrase)
        self.button = QPushButton(self.tr("&Entsperren"))
        self.button.setDefault(True)
        self.button.setAccessibleName(self.tr("Entsperren"))
        self.busy = busy_bar(self.tr("Schlüssel wird geprüft"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Meldung"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        forgot = QPushButton(self.tr("Passphrase vergessen?"))
        forgot.setFlat(True)
        forgot.clicked.connect(self._forgot)
        where = QLabel(self.tr("Datenbestand: {path}").format(path=data_dir))
        where.setWordWrap(True)
        where.setEnabled(False)

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.note)
        layout.addSpacing(8)
        layout.addWidget(prompt)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(where, 1)
        bottom.addWidget(forgot)
        layout.addLayout(bottom)

        self.passphrase.returnPressed.connect(self.unlock)
        self.button.clicked.connect(self.unlock)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self, self.close)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self.resize(520, 300)
        if self.backoff.delay():
            self._start_wait(self.backoff.delay())

    # --- unlocking ----------------------------------------------------------------------

    @property
    def busy_now(self) -> bool:
        return self._task is not None

    def unlock(self) -> None:
        if self._task is not None or self._wait_left > 0:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._show(self.tr("Bitte die Passphrase eingeben."), error=True)
            return
        self._set_working(True)
        self._show(self.tr("Schlüssel wird abgeleitet …"))
        opener, data_dir = self._opener, self.data_dir
        self._task = run_task(
            lambda: opener(data_dir, passphrase), done=self._opened, failed=self._failed
        )

    def _opened(self, app: App) -> None:
        self._task = None
        self.backoff.reset()
        self.passphrase.clear()
        self._set_working(False)
        self._show("")
        emit(self.unlocked, app)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self._set_working(False)
        self.passphrase.selectAll()
        if isinstance(error, WrongPassphrase):
            delay = self.backoff.fail()
            self._show(self._wait_text(int(delay)), error=True)
            self._start_wait(delay)
        elif isinstance(error, VielfaltError):
            self._show(error_text(error), error=True)
        else:
            self._show(
                self.tr("Der Datenbestand konnte nicht geöffnet werden ({kind}).").format(
                    kind=type(error).__name__
                ),
                error=True,
            )

    def _start_wait(self, seconds: float) -> None:
        self._wait_left = max(1, round(seconds))
        self.passphrase.setEnabled(False)
        self.button.setEnabled(False)
        self._wait_timer.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._end_wait()
        else:
            self._show(self._wait_text(self._wait_left), error=True)

    def _wait_text(self, seconds: int) -> str:
        if seconds == 1:
            return self.tr("Die Passphrase ist falsch. Nächster Versuch in 1 Sekunde.")
        return self.tr("Die Passphrase ist falsch. Nächster Versuch in {s} Sekunden.").format(
            s=seconds
        )

    def _end_wait(self) -> None:
        self._wait_left = 0
        self._wait_timer.stop()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self._show(self.tr("Die Passphrase ist falsch. Bitte erneut versuchen."), error=True)
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def _set_working(self, working: bool) -> None:
        self.busy.setVisible(working)
        self.passphrase.setEnabled(not working)
        self.button.setEnabled(not working)
        if not working:
            self.passphrase.setFocus()

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c0392b;" if error else "")

    def _forgot(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Passphrase vergessen"),
            self.tr(
                "Mit dem Wiederherstellungsschlüssel, der bei der Einrichtung angezeigt wurde, "
                "lässt sich eine neue Passphrase setzen. Bitte wenden Sie sich an die "
                "Koordination oder führen Sie im Terminal „vielfalt passwd --recovery“ aus."
            ),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.passphrase.setFocus()
