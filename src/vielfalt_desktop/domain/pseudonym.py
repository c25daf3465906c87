"""Random pseudonym codes such as ``K-7QX2-M4AZ`` that link repeat contacts without naming anyone.

The code is random, never derived from the person: seven random characters (31⁷ ≈ 27 billion
codes, so two people in a city practically never share one) and a check character.

The check character makes the weighted sum of all eight characters divisible by 31. Because 31
is prime and the weights 8…1 are distinct, every single mistyped character and every swap of
two neighbours changes the sum, so such typos are always caught. (Luhn mod N, the usual
choice, misses some single errors when the alphabet size is odd.)
"""

from __future__ import annotations

import random
import re
import secrets

# No 0/O, 1/I/L: codes are read aloud and copied by hand.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "K"
PAYLOAD_LENGTH = 7
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)
_VALUE = {char: index for index, char in enumerate(ALPHABET)}
_SHAPE = re.compile(rf"^{PREFIX}([{ALPHABET}]{{8}})$")


def check_character(payload: str) -> str:
    total = sum(w * _VALUE[c] for w, c in zip(_WEIGHTS, payload, strict=True))
    return ALPHABET[-total % len(ALPHABET)]


def from_payload(payload: str) -> str:
    """The full code for seven payload characters."""
    return _format(payload + check_character(payload))


def new_code(rng: random.Random | None = None) -> str:
    """A fresh random code; `rng` only for reproducible demo data, never for real codes."""
    if rng is None:
        payload = "".join(secrets.choice(ALPHABET) for _ in range(PAYLOAD_LENGTH))
    else:
        payload = "".join(rng.choice(ALPHABET) for _ in range(PAYLOAD_LENGTH))
    return from_payload(payload)


def _format(body: str) -> str:
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalize(text: str) -> str | None:
    """The canonical form of a typed code, or None if it is not a valid code."""
    compact = re.sub(r"[\s\-_]", "", text.upper())
    match = _SHAPE.match(compact)
    if match is None:
        return None
    body = match.group(1)
    if check_character(body[:PAYLOAD_LENGTH]) != body[PAYLOAD_LENGTH]:
        return None
    return _format(body)


def is_valid(text: str) -> bool:
    return normalize(text) is not None
