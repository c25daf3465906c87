"""„Synchronisieren“ on the Synchronisation screen: the button, the folder, progress, the result.

The run itself belongs to the window's one :class:`~vielfalt_desktop.ui.auto_sync.FolderSyncJob`
(shared with Strg+Umschalt+S and the automatic runs), so this panel also shows what an
automatic run did. Without a folder the button offers to choose one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vielfalt_desktop.ui.auto_sync import MANUAL, FolderSyncJob
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import message_text
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.tasks import Task
from vielfalt_desktop.ui.widgets.busy import busy_bar
from vielfalt_desktop.ui.widgets.sync_folder import ask_for_folder


class FolderSyncPanel(QWidget):
    folder_chosen = Signal()  # a folder was chosen here (Einstellungen, automatic sync follow)
    ended = Signal()  # a run ended (the screen reloads its history)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: FolderSyncJob | None = None
        self.button = QPushButton(self.tr("S&ynchronisieren"))
        self.button.setToolTip(
            self.tr(
                "Bündel im Synchronisationsordner einlesen und für jedes vertraute Gerät "
                "schreiben, was es noch nicht hat (Strg+Umschalt+S)"
            )
        )
        self.button.clicked.connect(self.synchronise)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setAccessibleName(self.tr("Synchronisationsordner"))
        self.busy = busy_bar(self.tr("Synchronisieren läuft"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(self.tr("Ergebnis der Synchronisation"))
        self.result.setVisible(False)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.folder, 1)
        column.addLayout(row)
        column.addWidget(self.busy)
        column.addWidget(self.result)
        # Below: the exchange by hand (a chosen folder or stick, one bundle at a time).
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        column.addWidget(line)

    def use_job(self, job: FolderSyncJob) -> None:
        """Run through ``job`` (the window's one job, shared with the automatic runs)."""
        self.job = job
        job.started.connect(self._started)
        job.progress.connect(self._progress)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        if job.running:
            self._started(job.reason)
        elif job.last_error is not None:
            self._show_result(job.failure_text(job.last_error))
        elif job.last_result is not None:  # a run before this screen was first shown
            self._show_result(self._summary(job.last_result, job.reason))
        self.reload()

    def reload(self) -> None:
        folder = self.ctx.app.folder_sync.folder()
        if folder is None:
            self.folder.setText(self.tr("Noch kein Ordner gewählt (Einstellungen)."))
        else:
            self.folder.setText(str(folder))
        self.button.setEnabled(self.job is None or not self.job.running)

    def synchronise(self) -> Task | None:
        """Read this device's mailbox in the sync folder, write to every peer (one click)."""
        if self.job is None:
            self.use_job(FolderSyncJob(self.ctx, self))
        assert self.job is not None
        if self.job.running:
            return None
        if self.ctx.app.folder_sync.folder() is None:
            chosen = ask_for_folder(self, self.ctx.app)
            self.reload()
            if not chosen:
                return None
            emit(self.folder_chosen)
        return self.job.start(MANUAL)

    def _started(self, _reason: str) -> None:
        self.button.setEnabled(False)
        self.busy.setRange(0, 0)
        self.busy.setVisible(True)
        self.result.setText(self.tr("Synchronisieren …"))
        self.result.setVisible(True)

    def _progress(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.busy.setRange(0, total)
            self.busy.setValue(done)
        if what:
            self.result.setText(
                self.tr("Synchronisieren … {done} von {total}: {what}").format(
                    done=done, total=total, what=what
                )
            )

    def _summary(self, result: Any, reason: str) -> str:
        text = message_text(result.summary())
        if reason != MANUAL:
            text = self.tr("Automatisch synchronisiert: {summary}").format(summary=text)
        return text

    def _succeeded(self, result: Any, reason: str) -> None:
        self._ended(self._summary(result, reason))

    def _failed(self, error: BaseException, _reason: str) -> None:
        assert self.job is not None
        self._ended(self.job.failure_text(error))

    def _show_result(self, text: str) -> None:
        self.busy.setVisible(False)
        self.result.setText(text)
        self.result.setVisible(True)

    def _ended(self, text: str) -> None:
        self._show_result(text)
        if self.ctx.app.is_open:
            self.reload()
            emit(self.ended)
