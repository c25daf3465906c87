"""Strict reading of the vocabulary data files, behind :mod:`vielfalt_desktop.domain.vocab`.

Only the file-level rules live here: UTF-8 JSON without duplicate keys, objects and lists where
they belong, codes, labels, typed extras and unique codes, each failure a
:class:`VocabularyError` with a German message naming the file. What the entries mean
(groups, age bands, districts, countries) is read in ``vocab``, which is also where callers
import :class:`VocabularyError` from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final, Protocol

from vielfalt_desktop.domain.errors import VielfaltError

SLUG_RE: Final = re.compile(r"[a-z0-9][a-z0-9_]*")
COUNTRY_CODE_RE: Final = re.compile(r"[A-Z]{2}")

# Extras with a fixed meaning: (allowed types, may be null)
TYPED_EXTRAS: Final[Mapping[str, tuple[type, bool]]] = MappingProxyType(
    {
        "min": (int, True),
        "max": (int, True),
        "level": (int, False),
        "final": (bool, False),
        "closed": (bool, False),
        "focus": (bool, False),
        "eu_eea_ch": (bool, False),
    }
)

Scalar = str | int | float | bool | None


class VocabularyError(VielfaltError, ValueError):
    """A vocabulary file is missing or malformed. The message names the file in German."""


class File:
    """Error context for one data file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str) -> VocabularyError:
        return VocabularyError(f"Fehler in der Vokabular-Datei „{self.path.name}“: {message}")

    def read(self) -> object:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise VocabularyError(
                f"Die Vokabular-Datei „{self.path.name}“ fehlt ({self.path.parent})."
            ) from None
        except UnicodeDecodeError:
            raise self.fail("die Datei ist nicht UTF-8-kodiert.") from None
        except OSError as exc:
            raise VocabularyError(
                f"Die Vokabular-Datei „{self.path.name}“ kann nicht gelesen werden "
                f"({exc.strerror or exc.__class__.__name__})."
            ) from None
        try:
            return json.loads(text, object_pairs_hook=self._no_duplicate_keys)
        except json.JSONDecodeError as exc:
            raise self.fail(
                f"kein gültiges JSON (Zeile {exc.lineno}, Spalte {exc.colno}: {exc.msg})."
            ) from None

    def _no_duplicate_keys(self, pairs: list[tuple[str, object]]) -> dict[str, object]:
        result: dict[str, object] = {}
        for key, value in pairs:
            if key in result:
                raise self.fail(f"der Schlüssel „{key}“ steht doppelt in einem Objekt.")
            result[key] = value
        return result

    def obj(self, value: object, where: str) -> Mapping[str, object]:
        if not isinstance(value, dict):
            raise self.fail(f"{where} muss ein JSON-Objekt sein.")
        return value

    def items(self, value: object, where: str, *, allow_empty: bool = False) -> list[object]:
        if not isinstance(value, list):
            raise self.fail(f"{where} muss eine Liste sein.")
        if not value and not allow_empty:
            raise self.fail(f"{where} ist leer.")
        return value

    def text(self, raw: Mapping[str, object], key: str, where: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            lang = {"de": "deutsche", "en": "englische"}.get(key)
            what = f"die {lang} Bezeichnung („{key}“)" if lang else f"„{key}“"
            raise self.fail(f"{where}: {what} fehlt oder ist leer.")
        return value.strip()


def check_code(f: File, value: object, where: str, pattern: re.Pattern[str]) -> str:
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        allowed = "a–z, 0–9, _" if pattern is SLUG_RE else "zwei Großbuchstaben"
        shown = value if isinstance(value, str) else json.dumps(value)
        raise f.fail(f"{where}: ungültiger Code „{shown}“ (erlaubt: {allowed}).")
    return value


def parse_extra(
    f: File, raw: Mapping[str, object], reserved: frozenset[str], where: str
) -> Mapping[str, object]:
    extra: dict[str, object] = {}
    for key, value in raw.items():
        if key in reserved or key.startswith("_"):
            continue
        if not isinstance(value, Scalar):
            raise f.fail(f"{where}: Zusatzangabe „{key}“ muss ein einfacher Wert sein.")
        typed = TYPED_EXTRAS.get(key)
        if typed is not None:
            kind, nullable = typed
            ok = (value is None and nullable) or (
                isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
            )
            if not ok:
                expected = {int: "eine ganze Zahl", bool: "true oder false"}[kind]
                null = " oder null" if nullable else ""
                raise f.fail(f"{where}: „{key}“ muss {expected}{null} sein.")
        extra[key] = value
    return MappingProxyType(extra)


class Coded(Protocol):
    @property
    def code(self) -> str: ...


def unique(f: File, entries: Iterable[Coded], what: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.code in seen:
            raise f.fail(f"doppelter Code „{entry.code}“ ({what}).")
        seen.add(entry.code)
