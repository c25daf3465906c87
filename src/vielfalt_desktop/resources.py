"""Where the shipped data files live: in a wheel, a frozen build, or the source checkout."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [
        Path(frozen) / "resources" if frozen else None,
        Path(__file__).resolve().parent / "_resources",  # installed wheel
        Path(__file__).resolve().parents[2] / "resources",  # source checkout / editable install
    ]
    for candidate in candidates:
        if candidate is not None and candidate.is_dir():
            return candidate
    raise FileNotFoundError("Programmdaten (resources/) wurden nicht gefunden.")


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
