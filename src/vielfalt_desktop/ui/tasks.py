"""Long work off the UI thread: a callable runs in QThreadPool, the result comes back as a signal.

Usage::

    task = run_task(
        lambda: App.open(path, passphrase),
        done=self._opened,      # receives the return value (in the UI thread)
        failed=self._failed,    # receives the exception
        progress=bar.setValue,  # if the callable takes a ``report`` argument
    )

The handlers are connected before the work starts, so a quick result is never missed. The
task object stays alive until it has finished (a module-level set holds it).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from vielfalt_desktop.ui.signals import emit

_running: set[Task] = set()


class Task(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)  # (done, total)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.fn = fn
        self.is_finished = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.done.connect(self._end)
        self.failed.connect(self._end)

    def _report(self, done: int, total: int) -> None:
        emit(self.progress, done, total)

    def _end(self, _value: object = None) -> None:
        self.is_finished = True
        _running.discard(self)
        emit(self.finished)

    def _call(self) -> None:
        try:
            takes_report = "report" in inspect.signature(self.fn).parameters
        except (TypeError, ValueError):
            takes_report = False
        try:
            value = self.fn(report=self._report) if takes_report else self.fn()
        except BaseException as exc:  # delivered to the UI thread, never lost
            self.error = exc
            emit(self.failed, exc)
        else:
            self.result = value
            emit(self.done, value)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._call()


def run_task(
    fn: Callable[..., Any],
    *,
    done: Callable[[Any], Any] | None = None,
    failed: Callable[[BaseException], Any] | None = None,
    progress: Callable[[int, int], Any] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    task = Task(fn)
    if done is not None:
        task.done.connect(done)
    if failed is not None:
        task.failed.connect(failed)
    if progress is not None:
        task.progress.connect(progress)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runner(task))
    return task


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every running task (used on exit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
