"""Keeping the data key out of places it would outlive the lock.

* The raw key travels as a ``bytearray`` that is zeroed when it is no longer needed
  (:func:`wipe`); the text SQLCipher expects (``x'<hex>'``) is built straight into one
  (:func:`raw_key_literal`), never into a ``str``.
* ``bytes`` handed out by libraries (AES-GCM's plaintext, Argon2id's output) are copied into
  a ``bytearray`` and the original is overwritten in place (:func:`take`).
* :func:`harden_process` switches core dumps off for the whole process.

Freed Python objects keep their bytes until the memory is reused, which is why zeroing before
letting go matters. SQLCipher keeps its own copy inside each connection and wipes it when the
connection closes (on lock).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys

_HEX = b"0123456789abcdef"
# Where CPython keeps the bytes of a `bytes` object: after the header (checked in tests).
_BYTES_OFFSET = sys.getsizeof(b"") - 1
PR_SET_DUMPABLE = 4


def wipe(buffer: bytearray | bytes | None) -> None:
    """Overwrite ``buffer`` with zeros in place (``bytes`` too: only for secrets we own)."""
    if not buffer:
        return
    if isinstance(buffer, bytearray):
        buffer[:] = bytes(len(buffer))
        return
    if type(buffer) is bytes and len(buffer) > 1 and sys.implementation.name == "cpython":
        # A fresh bytes object from a library call (never a shared constant: length > 1).
        ctypes.memset(id(buffer) + _BYTES_OFFSET, 0, len(buffer))


def take(secret: bytes) -> bytearray:
    """A wipeable copy of ``secret``; the original is zeroed."""
    copy = bytearray(secret)
    wipe(secret)
    return copy


def raw_key_literal(data_key: bytearray) -> bytearray:
    """``x'<hex>'``: SQLCipher's form for a raw key that skips its own key derivation."""
    out = bytearray(3 + 2 * len(data_key))
    out[0:2] = b"x'"
    for i, byte in enumerate(data_key):
        out[2 + 2 * i] = _HEX[byte >> 4]
        out[3 + 2 * i] = _HEX[byte & 0x0F]
    out[-1] = ord("'")
    return out


def harden_process() -> list[str]:
    """No core dumps of this process (they would hold the key while unlocked).

    POSIX: ``RLIMIT_CORE`` 0. Linux: also ``PR_SET_DUMPABLE`` 0, which keeps other processes
    of the same user from attaching a debugger or reading ``/proc/PID/mem``. Windows has no
    per-process switch the program can set for Windows Error Reporting dumps; see
    docs/Datenschutz.md. Returns what could not be done (for ``--debug``), empty normally.
    """
    missed: list[str] = []
    if os.name == "posix":
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ImportError, OSError, ValueError):
            missed.append("RLIMIT_CORE")
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                missed.append("PR_SET_DUMPABLE")
    return missed
