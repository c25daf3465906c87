"""Random pseudonym codes such as ``K-7QX2-M4`` that link repeat contacts without naming anyone.

The code is random, never derived from the person. Its last character is a Luhn mod N check
character, so a mistyped code is caught instead of silently linking the wrong person.
"""

from __future__ import annotations

import re
import secrets

from stdnum import luhn

# No 0/O, 1/I/L: codes are read aloud and copied by hand.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "K"
_PAYLOAD_LENGTH = 5
_SHAPE = re.compile(rf"^{PREFIX}([{ALPHABET}]{{4}})([{ALPHABET}]{{2}})$")


def new_code() -> str:
    payload = "".join(secrets.choice(ALPHABET) for _ in range(_PAYLOAD_LENGTH))
    check = luhn.calc_check_digit(payload, alphabet=ALPHABET)
    return _format(payload + check)


def _format(body: str) -> str:
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalize(text: str) -> str | None:
    """The canonical form of a typed code, or None if it is not a valid code."""
    compact = re.sub(r"[\s\-_]", "", text.upper())
    match = _SHAPE.match(compact)
    if match is None:
        return None
    body = match.group(1) + match.group(2)
    if not luhn.is_valid(body, alphabet=ALPHABET):
        return None
    return _format(body)


def is_valid(text: str) -> bool:
    return normalize(text) is not None
