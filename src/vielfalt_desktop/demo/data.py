"""Reading the demo data files in ``resources/demo/`` (UTF-8 JSON, through the resource helper,
so a wheel and the frozen build find them as the checkout does).

A malformed file raises ``ValueError`` with a German message naming the file and the key.
Keys that start with ``_`` are comments.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from vielfalt_desktop.resources import resource_path


def read(name: str) -> Mapping[str, object]:
    """The JSON object in ``resources/demo/<name>``."""
    raw = json.loads(resource_path("demo", name).read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError(f"Demodaten-Datei „{name}“: erwartet ein JSON-Objekt.")
    return raw


def strings(value: object, where: str) -> tuple[str, ...]:
    """A list of texts (or codes)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"Demodaten: „{where}“ muss eine Liste von Texten sein.")
    return tuple(value)


def text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"Demodaten: „{where}“ muss ein Text sein.")
    return value


def table(value: object, where: str) -> dict[str, tuple[str, ...]]:
    """Lists of texts by code, in file order."""
    if not isinstance(value, dict):
        raise ValueError(f"Demodaten: „{where}“ muss ein JSON-Objekt sein.")
    return {str(key): strings(items, f"{where}.{key}") for key, items in value.items()}


def objects(value: object, where: str) -> list[Mapping[str, object]]:
    """A list of JSON objects."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError(f"Demodaten: „{where}“ muss eine Liste von JSON-Objekten sein.")
    return value
