"""What every command shares: the data folder, passphrases, the opened App and questions.

:func:`opened` is the one way a command unlocks the store::

    with opened(args) as app:
        ...

The passphrase comes from ``VIELFALT_PASSPHRASE`` or a terminal prompt, never from an
argument; before unlocking, the growing wait after wrong passphrases is served
(:func:`throttle`); writes wait up to ``--wait`` seconds for another program's lock.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import VielfaltError, WrongPassphrase
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.services import maintenance

if TYPE_CHECKING:
    from vielfalt_desktop.services.app import App

# Names of environment variables, not secrets.
PASSPHRASE_ENV = "VIELFALT_PASSPHRASE"  # noqa: S105
NEW_PASSPHRASE_ENV = "VIELFALT_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_ENV = "VIELFALT_RECOVERY_KEY"


class UsageError(VielfaltError):
    exit_code = 2


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("vielfalt-desktop", "Landeshauptstadt Magdeburg"))


def data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


# --- passphrases --------------------------------------------------------------------------


def read_passphrase(prompt: str = "Passphrase: ", env: str = PASSPHRASE_ENV) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise WrongPassphrase(f"Keine Passphrase: bitte im Terminal eingeben oder {env} setzen.")
    return getpass.getpass(prompt)


def read_new_passphrase() -> str:
    value = os.environ.get(NEW_PASSPHRASE_ENV)
    if value is not None:
        return value
    first = read_passphrase("Neue Passphrase: ", env="_VIELFALT_NEVER_SET")
    second = read_passphrase("Neue Passphrase wiederholen: ", env="_VIELFALT_NEVER_SET")
    if first != second:
        raise UsageError("Die beiden Eingaben stimmen nicht überein.")
    return first


def throttle(folder: Path) -> None:
    """The growing wait after wrong passphrases, also across invocations (noted beside the
    store, like the GUI's)."""
    count, left = maintenance.unlock_wait(folder)
    if left > 0:
        text = Message(msg.UNLOCK_THROTTLED, count=count, seconds=max(1, round(left)))
        print(f"vielfalt: {text}", file=sys.stderr, flush=True)
        time.sleep(left)


def wait_seconds(args: argparse.Namespace) -> float:
    """How long a write waits for another program's lock (``--wait``)."""
    return float(getattr(args, "wait", 60.0))


def busy_notice() -> None:
    """Said once while a write waits for another program's lock."""
    print(f"vielfalt: {Message(msg.STORE_BUSY_WAITING)}", file=sys.stderr, flush=True)


@contextmanager
def opened(args: argparse.Namespace, *, housekeeping: bool = True) -> Iterator[App]:
    """The unlocked store of ``--data-dir`` for one command; closed when the block ends, also
    on an error. ``housekeeping=False`` skips the daily retention run (``purge`` does it)."""
    from vielfalt_desktop.services.app import App

    folder = data_dir(args)
    passphrase = read_passphrase()
    throttle(folder)
    busy = maintenance.patience(wait_seconds(args), busy_notice)
    with App.open(folder, passphrase, housekeeping=housekeeping, busy=busy) as app:
        yield app


# --- questions ----------------------------------------------------------------------------


def confirmed(question: str, *, yes: bool, without_terminal: str) -> bool:
    """``--yes``, or the user's „j“ to ``question``; without a terminal a UsageError."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError(without_terminal)
    answer = input(question)
    return answer.strip().lower() in ("j", "ja", "y", "yes")
