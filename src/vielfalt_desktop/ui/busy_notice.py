"""Says so when a write waits for another program on the same store (issue 13).

The store waits up to half a minute for another program's write lock (the command line, a
second window, a script) and calls ``notify`` once after a second. The person then sees a line
in the status bar and the wait cursor instead of a window that seems to hang; when the wait
ends the cursor comes back. ``notify`` may be called from a worker thread (an import): the
signal carries it to the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from vielfalt_desktop.ui.signals import emit

WAIT_S = 30.0
SHOWN_MS = 15_000


def busy_text() -> str:
    return QCoreApplication.translate(
        "BusyNotice",
        "Der Datenbestand wird gerade von einem anderen Vorgang benutzt – warte …",
    )


class BusyNotice(QObject):
    waiting = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.waiting.connect(self._show)

    def notify(self) -> None:
        emit(self.waiting)

    def _show(self) -> None:
        text = busy_text()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                widget.statusBar().showMessage(text, SHOWN_MS)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        # Paint the line now: the write that waits may be holding up this very thread.
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        QTimer.singleShot(0, QApplication.restoreOverrideCursor)
