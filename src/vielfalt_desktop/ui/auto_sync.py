"""Folder synchronisation in the window: one job that runs it, one watcher that starts it.

:class:`FolderSyncJob` is the only place a folder sync runs (the „Synchronisieren“ button,
Strg+Umschalt+S and the automatic runs all go through it): ``app.folder_sync.run`` off the
GUI thread, at most one run at a time, progress from the worker carried to the GUI thread by
a queued signal, and the bus told what changed afterwards.

:class:`AutoSync` starts the job by itself when the device has a sync folder and the setting
„Automatisch synchronisieren“ is on: after unlocking, when a file appears in this device's
mailbox (a ``QFileSystemWatcher``, debounced, since sync clients write in steps) and, because
network shares send no events, on a poll every few minutes that asks the cheap
``has_incoming()``. It waits while a form has unsaved changes and tries again when that form
closes. Locking stops it first (``stop``): timers, watcher, and a run between two files.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog

from vielfalt_desktop.domain.errors import VielfaltError
from vielfalt_desktop.domain.records import RECORD_TYPE_BY_KIND
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.i18n import error_text
from vielfalt_desktop.ui.signals import emit
from vielfalt_desktop.ui.tasks import Task, run_task

# (Plain comments here: lupdate would take "#:" comments for notes to the translator.)
# The fallback poll for shares that send no file-system events: 3 minutes.
POLL_MS = 3 * 60_000
# Quiet time after the last event in the mailbox before looking (a client writes in steps).
DEBOUNCE_MS = 500
# A run leaves a file that was still changing (the core's settle_seconds); look again after
# this long, at most MAX_RETRIES times in a row without anything read (then the poll's turn).
RETRY_MS = 1_500
MAX_RETRIES = 5
# Exit code of a busy store (StoreBusy; the UI may not import the store layer).
BUSY_EXIT_CODE = 5

MANUAL = "manual"
UNLOCK = "unlock"
WATCHER = "watcher"
POLL = "poll"
SETTINGS = "settings"  # switched on, or a folder chosen, with a bundle waiting


class SyncStopped(BaseException):
    """Raised from the progress callback to end a run between two files (locking).

    A ``BaseException``, so that no per-file ``except Exception`` in the core takes it for a
    refused bundle.
    """


def is_busy(error: BaseException) -> bool:
    return isinstance(error, VielfaltError) and error.exit_code == BUSY_EXIT_CODE


class FolderSyncJob(QObject):
    """Runs ``app.folder_sync.run`` in the thread pool, never two at once."""

    started = Signal(str)  # why: MANUAL, UNLOCK, WATCHER or POLL
    progress = Signal(int, int, str)  # done, total, what (a file name)
    succeeded = Signal(object, str)  # FolderSyncResult, why
    failed = Signal(object, str)  # the exception, why
    finished = Signal()

    _reported = Signal(int, int, str)  # emitted in the worker thread

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: Task | None = None
        self.reason = ""
        self.last_result: Any = None
        self.last_error: BaseException | None = None
        self._stop = threading.Event()
        # Explicitly queued: the worker emits, the GUI thread relays.
        self._reported.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, reason: str = MANUAL) -> Task | None:
        """Start a run; None if one is running already or the window is locking."""
        if self.task is not None or self._stop.is_set() or not self.ctx.app.is_open:
            return None
        folder_sync = self.ctx.app.folder_sync
        reported = self._reported
        stop = self._stop

        def progress(done: int, total: int, what: str) -> None:
            if stop.is_set():
                raise SyncStopped
            emit(reported, done, total, what)

        def work() -> Any:
            return folder_sync.run(progress=progress)

        self.reason = reason
        self.task = run_task(
            work,
            done=lambda result: self._done(result, reason),
            failed=lambda error: self._failed(error, reason),
        )
        emit(self.started, reason)
        return self.task

    def stop(self) -> None:
        """The window is locking or closing: no new run, and a running one ends soon."""
        self._stop.set()

    def _relay_progress(self, done: int, total: int, what: str) -> None:
        if not self._stop.is_set():
            emit(self.progress, done, total, what)

    def _announce(self, result: Any) -> None:
        if result is None or not result.imported:
            return
        if result.vocabulary_changed:
            # The core already re-read its vocabularies; labels use them at once.
            self.ctx.announce_vocabulary()
        for kind in RECORD_TYPE_BY_KIND:
            self.ctx.announce(kind)

    def _done(self, result: Any, reason: str) -> None:
        self.task = None
        if self._stop.is_set():
            return  # the App is closing: nobody to tell
        self.last_result, self.last_error = result, None
        self._announce(result)
        emit(self.succeeded, result, reason)
        emit(self.finished)

    def _failed(self, error: BaseException, reason: str) -> None:
        self.task = None
        if self._stop.is_set():
            return
        self.last_error = error
        # A folder lost mid-run (FolderSyncFailed) keeps what was imported before.
        self._announce(getattr(error, "result", None))
        emit(self.failed, error, reason)
        emit(self.finished)

    def failure_text(self, error: BaseException) -> str:
        """One calm line for a run that did not happen or stopped; nothing was lost."""
        if is_busy(error):
            return self.tr(
                "Ein anderes Programm schreibt gerade in den Datenbestand; es ging nichts "
                "verloren. Bitte später erneut synchronisieren."
            )
        if isinstance(error, VielfaltError):
            return error_text(error)
        if isinstance(error, OSError):
            return self.tr("Der Synchronisationsordner ist nicht erreichbar: {reason}").format(
                reason=error.strerror or type(error).__name__
            )
        return self.tr("Fehlgeschlagen: {message}").format(message=error_text(error))


def unsaved(dialog: QDialog) -> bool:
    """True for an open form with unsaved input (record forms have ``is_dirty``)."""
    value = getattr(dialog, "is_dirty", False)
    if callable(value):
        value = value()
    return bool(value)


class AutoSync(QObject):
    """Starts the job on its own: after unlock, on new files in the mailbox, on a poll.

    ``open_forms`` lists the window's open dialogs; a run waits while one has unsaved changes.
    The intervals are parameters, so tests need not wait minutes.
    """

    postponed = Signal(str)  # why: a form with unsaved input is open

    def __init__(
        self,
        ctx: UiContext,
        job: FolderSyncJob,
        open_forms: Callable[[], list[QDialog]],
        *,
        poll_ms: int = POLL_MS,
        debounce_ms: int = DEBOUNCE_MS,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = job
        self.open_forms = open_forms
        self.stopped = False
        self.pending: str | None = None
        self.retries = 0
        self._waiting_for: list[QDialog] = []

        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._directory_changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(self._look)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(retry_ms)
        self.retry.timeout.connect(self._look_again)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(self._poll)
        job.finished.connect(self._job_finished)

    # --- settings -----------------------------------------------------------------------

    def enabled(self) -> bool:
        """A folder is set and „Automatisch synchronisieren“ is on."""
        if self.stopped or not self.ctx.app.is_open:
            return False
        try:
            folder_sync = self.ctx.app.folder_sync
            return folder_sync.folder() is not None and folder_sync.automatic()
        except VielfaltError:
            return False

    def start(self, *, run_now: bool = True) -> None:
        """Begin watching (the window was unlocked) and, if on, synchronise once."""
        self.refresh(look=False)
        if run_now:
            self.request(UNLOCK)

    def refresh(self, *, look: bool = True) -> None:
        """Follow the settings: watch the current mailbox and poll, or do nothing at all.

        Switched on (or a folder chosen) with a bundle already waiting: it is read now.
        """
        if not self.enabled():
            self._unwatch()
            for timer in (self.poll, self.debounce, self.retry):
                timer.stop()
            return
        self._watch()
        if not self.poll.isActive():
            self.poll.start()
        if look and self._incoming():
            self.request(SETTINGS)

    def stop(self) -> None:
        """Locking or closing: timers and watcher first, then nothing starts again."""
        self.stopped = True
        self.pending = None
        for timer in (self.poll, self.debounce, self.retry):
            timer.stop()
        self._unwatch()
        self._release_forms()

    def watched(self) -> list[str]:
        return self.watcher.directories()

    def _watch(self) -> None:
        """Watch the mailbox; until it exists, the folder (its creation is an event there)."""
        try:
            folder_sync = self.ctx.app.folder_sync
            mailbox = folder_sync.mailbox()
            folder = folder_sync.folder()
        except VielfaltError:
            mailbox = folder = None
        wanted = [
            str(path) for path in (mailbox, folder) if path is not None and Path(path).is_dir()
        ][:1]
        current = self.watcher.directories()
        if current == wanted:
            return
        if current:
            self.watcher.removePaths(current)
        if wanted:
            self.watcher.addPaths(wanted)

    def _unwatch(self) -> None:
        current = self.watcher.directories()
        if current:
            self.watcher.removePaths(current)

    # --- triggers -----------------------------------------------------------------------

    def _directory_changed(self, _path: str) -> None:
        if not self.stopped:
            self.retries = 0
            self.debounce.start()  # restarts: look once things are quiet

    def _look(self) -> None:
        self._watch()  # the mailbox may have been created, or the stick come back
        if self._incoming():
            self.request(WATCHER)

    def _look_again(self) -> None:
        if self._incoming():
            self.request(WATCHER)

    def _poll(self) -> None:
        self._watch()
        if self._incoming():
            self.request(POLL)

    def _incoming(self) -> bool:
        """The core's cheap look (one listing, nothing read, no waiting)."""
        if not self.enabled():
            return False
        try:
            return bool(self.ctx.app.folder_sync.has_incoming())
        except (VielfaltError, OSError):
            return False  # an unreachable share: the next poll tries again

    def request(self, reason: str) -> bool:
        """Run now if allowed; otherwise remember it for when the job or the form is done."""
        if not self.enabled():
            return False
        if self.job.running:
            self.pending = self.pending or reason
            return False
        dirty = [dialog for dialog in self.open_forms() if unsaved(dialog)]
        if dirty:
            self.pending = self.pending or reason
            self._wait_for(dirty)
            emit(self.postponed, reason)
            return False
        self.pending = None
        return self.job.start(reason) is not None

    def _wait_for(self, dialogs: list[QDialog]) -> None:
        for dialog in dialogs:
            if dialog not in self._waiting_for:
                self._waiting_for.append(dialog)
                dialog.finished.connect(self._form_closed)

    def _release_forms(self) -> None:
        for dialog in self._waiting_for:
            with contextlib.suppress(RuntimeError, TypeError):  # already gone
                dialog.finished.disconnect(self._form_closed)
        self._waiting_for.clear()

    def _form_closed(self, _code: int = 0) -> None:
        self._release_forms()
        # After the form's own finished handlers (a list screen reloads, deletes it later).
        QTimer.singleShot(0, self, self._retry_pending)

    def _job_finished(self) -> None:
        if self.stopped:
            return
        self._watch()
        if self.pending:
            QTimer.singleShot(0, self, self._retry_pending)
            return
        if self.job.last_error is not None:
            return  # busy, or the folder is gone: the next event or poll tries again
        result = self.job.last_result
        read = result is not None and bool(result.imported or result.refused)
        self.retries = 0 if read else self.retries + 1
        # A file the run left because it was still changing: look again once it may be still.
        if self.enabled() and self.retries <= MAX_RETRIES and self._incoming():
            self.retry.start()

    def _retry_pending(self) -> None:
        reason, self.pending = self.pending, None
        if reason is None or self.stopped:
            return
        # An event during the last run may have been that run's own work: look first.
        if reason in (WATCHER, POLL) and not self._incoming():
            return
        self.request(reason)
