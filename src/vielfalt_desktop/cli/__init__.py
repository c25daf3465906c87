"""`vielfalt`: the command line. With no command it opens the desktop app (``gui``, given by
``vielfalt_desktop.__main__``: the command line itself never imports the UI).

Errors are one line on stderr and an exit code: 0 ok, 2 usage, 3 wrong passphrase or locked
store, 4 rejected input, 5 store busy (another program kept its write lock), 1 anything else.
A traceback only with --debug.

The rooms: :mod:`.parser` (the German argparse parser), :mod:`.common` (data folder,
passphrases, ``opened(args)``), and one module per command group – :mod:`.store` (init,
stats, passwd, check), :mod:`.demo`, :mod:`.directory` (partners, vocab), :mod:`.sync`
(identity, peers, export, import), :mod:`.report`, :mod:`.privacy` (audit, retention, purge,
deletion-log). Commands reach the core only through ``App`` and the services.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from vielfalt_desktop.cli.common import data_dir
from vielfalt_desktop.cli.parser import build_parser
from vielfalt_desktop.domain.errors import VielfaltError

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None, *, gui: Callable[[Path], int] | None = None) -> int:
    """Run the command in ``argv`` (default: the program's arguments) and return its exit code.

    With no command, ``gui`` opens the desktop app on the data folder; without one the help is
    shown (exit code 2).
    """
    from vielfalt_desktop.services import maintenance

    os.umask(0o077)  # everything this program creates is the user's alone
    maintenance.harden_process()  # no core dumps: they would hold the key while it is open
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if args.command is None and gui is not None:
        window = gui
        command = lambda args: window(data_dir(args))  # noqa: E731
    elif command is None:
        parser.parse_args([*(argv or sys.argv[1:]), "--help"])
        return 2
    try:
        return command(args)
    except VielfaltError as exc:
        if args.debug:
            raise
        print(f"vielfalt: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("vielfalt: abgebrochen.", file=sys.stderr)
        return 1
    except Exception as exc:  # anything unforeseen: one line, no secrets, no traceback
        if args.debug:
            raise
        busy = maintenance.busy_exit_code(exc)
        if busy is not None:  # a lock met outside Store.write (e.g. a schema upgrade)
            from vielfalt_desktop.domain import messages as msg
            from vielfalt_desktop.domain.messages import Message

            print(f"vielfalt: {Message(msg.STORE_BUSY)}", file=sys.stderr)
            return busy
        print(
            f"vielfalt: Unerwarteter Fehler ({type(exc).__name__}). "
            "Mit --debug erscheinen Einzelheiten.",
            file=sys.stderr,
        )
        return 1
