"""Emitting Qt signals from Python without upsetting the interpreter.

PySide6 6.12 drops one reference to ``True`` on every ``SignalInstance.emit()`` called from
Python (each emit returns ``True`` without owning it). On Python 3.11, where ``True`` is not
yet immortal, its count reaches zero after enough emits and the interpreter aborts with
"bool_dealloc: deallocating True or False". All code in ``ui`` therefore emits through
:func:`emit` (and chains signals with :func:`relay`), which measures the loss once at import
and gives the references back. On a fixed PySide6 or Python ≥ 3.12 the measured loss is
zero and :func:`emit` is a plain emit.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _measure_loss(rounds: int = 8) -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)
    return max(0, round(lost / rounds))


LOSS_PER_EMIT = _measure_loss()


def emit(signal: SignalInstance, *args: Any) -> None:
    signal.emit(*args)
    for _ in range(LOSS_PER_EMIT):
        _incref(True)


def relay(signal: SignalInstance) -> Callable[..., None]:
    """A slot that re-emits ``signal`` (instead of connecting to ``signal.emit``)."""

    def forward(*args: Any) -> None:
        emit(signal, *args)

    return forward
