"""Errors a person can act on. Each carries one clear German sentence and a CLI exit code.

Where the GUI shows the sentence it is a :class:`~vielfalt_desktop.domain.messages.Message`
(still a ``str``), so the UI can translate it (``ui.i18n.error_text``).
"""

from __future__ import annotations


class VielfaltError(Exception):
    """Base class: `str(err)` is the message shown to the user, never a secret."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(VielfaltError):
    """Input breaks a domain rule. `problems` maps a field name to its message."""

    exit_code = 4

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(" ".join(problems.values()))


class WrongPassphrase(VielfaltError):
    exit_code = 3


class StoreLocked(VielfaltError):
    exit_code = 3


class RejectedInput(VielfaltError):
    """A file from outside (CSV, bundle, identity card) was refused; nothing was changed."""

    exit_code = 4


class StoreError(VielfaltError):
    """The store or key file is missing, damaged or of an unknown kind."""

    exit_code = 1


class NotFound(VielfaltError):
    exit_code = 1


class NotAllowed(VielfaltError):
    """This device may not write that record (domain.authority); nothing was changed."""

    exit_code = 4
