"""An argparse parser that speaks German: usage, section titles, help and its error messages.

argparse's own words come from gettext without a German catalogue, so the few that users
see are replaced here; anything not listed stays as argparse says it.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

#: argparse's error messages (Python 3.11–3.13) and their German wording.
ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), german)
    for pattern, german in (
        (r"the following arguments are required: (.+)", r"Es fehlt: \1"),
        (r"unrecognized arguments: (.+)", r"Unbekannte Angaben: \1"),
        (
            r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)",
            r"\1: „\2“ gibt es nicht (möglich: \3)",
        ),
        (r"argument (\S+): invalid \S+ value: '(.*)'", r"\1: „\2“ ist kein gültiger Wert"),
        (r"argument (\S+): expected one argument", r"\1: Hier fehlt der Wert."),
        (r"argument (\S+): not allowed with argument (\S+)", r"\1 geht nicht zusammen mit \2"),
        (r"argument (\S+): (.+)", r"\1: \2"),
    )
)


def german_error(message: str) -> str:
    for pattern, german in ERRORS:
        if pattern.fullmatch(message):
            return pattern.sub(german, message)
    return message


class GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class GermanArgumentParser(argparse.ArgumentParser):
    """Sub-commands made by ``add_subparsers().add_parser`` are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {german_error(message)}\n")
