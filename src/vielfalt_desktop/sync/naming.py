"""File names of bundles and identity cards, the same in the app and on the command line.

``Laptop Nord`` sends ``Laptop-Nord_an_Koordination_2026-03-02.vfb``; a second bundle that
day gets ``-2``. Names carry no content: they repeat what the unencrypted header says anyway.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

BUNDLE_SUFFIX = ".vfb"
CARD_SUFFIX = ".vfcard"
_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def file_slug(name: str) -> str:
    """A device name as part of a file name: "Laptop Nord" → "Laptop-Nord"."""
    text = unicodedata.normalize("NFKD", name.translate(_UMLAUTS))
    text = text.encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    return text or "Geraet"


def bundle_name(sender: str, recipient: str, day: dt.date, folder: Path) -> Path:
    """``<sender>_an_<recipient>_<YYYY-MM-DD>.vfb`` in ``folder``, not yet taken there."""
    stem = f"{file_slug(sender)}_an_{file_slug(recipient)}_{day.isoformat()}"
    path = folder / f"{stem}{BUNDLE_SUFFIX}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{BUNDLE_SUFFIX}"
        number += 1
    return path


def card_name(device: str) -> str:
    """``Laptop-Nord.vfcard``."""
    return f"{file_slug(device)}{CARD_SUFFIX}"
