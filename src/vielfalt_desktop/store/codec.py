"""Turning domain records into table rows and back, driven by the records' type hints."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from vielfalt_desktop.domain.records import Record


class FieldType(Enum):
    TEXT = "text"
    OPTIONAL_TEXT = "optional_text"
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    OPTIONAL_DATE = "optional_date"
    CODES = "codes"


_BY_HINT: dict[object, FieldType] = {
    str: FieldType.TEXT,
    str | None: FieldType.OPTIONAL_TEXT,
    int: FieldType.INT,
    bool: FieldType.BOOL,
    dt.date: FieldType.DATE,
    dt.date | None: FieldType.OPTIONAL_DATE,
    tuple[str, ...]: FieldType.CODES,
}


@dataclass(frozen=True, slots=True)
class Codec:
    record_type: type[Record]
    fields: tuple[tuple[str, FieldType], ...]

    @property
    def kind(self) -> str:
        return self.record_type.kind

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.fields)

    @property
    def code_fields(self) -> tuple[str, ...]:
        return tuple(name for name, ftype in self.fields if ftype is FieldType.CODES)

    def to_row(self, record: Record) -> dict[str, Any]:
        row: dict[str, Any] = {"id": record.id}
        for name, ftype in self.fields:
            row[name] = encode(ftype, getattr(record, name))
        return row

    def from_row(self, row: Mapping[Any, Any]) -> Record:
        values = {name: decode(ftype, row[name]) for name, ftype in self.fields}
        return self.record_type(id=row["id"], **values)

    def values(self, record: Record) -> dict[str, Any]:
        """Field values in their canonical, JSON-friendly form (dates as ISO text)."""
        return {name: canonical(ftype, getattr(record, name)) for name, ftype in self.fields}

    def tag_rows(self, record: Record, only: tuple[str, ...] | None = None) -> list[dict[str, str]]:
        rows = []
        for name in only if only is not None else self.code_fields:
            for code in dict.fromkeys(getattr(record, name)):
                rows.append(
                    {"entity": self.kind, "field": name, "code": code, "record_id": record.id}
                )
        return rows


def encode(ftype: FieldType, value: Any) -> Any:
    if ftype is FieldType.CODES:
        return json.dumps(list(value), ensure_ascii=False)
    return value


def decode(ftype: FieldType, value: Any) -> Any:
    if ftype is FieldType.CODES:
        return tuple(json.loads(value)) if value else ()
    if ftype is FieldType.BOOL:
        return bool(value)
    if ftype is FieldType.DATE and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if ftype is FieldType.OPTIONAL_DATE and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def canonical(ftype: FieldType, value: Any) -> Any:
    if ftype is FieldType.CODES:
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_canonical(ftype: FieldType, value: Any) -> Any:
    if ftype is FieldType.CODES:
        return tuple(value)
    if ftype in (FieldType.DATE, FieldType.OPTIONAL_DATE) and value is not None:
        return dt.date.fromisoformat(value)
    return value


_CODECS: dict[str, Codec] = {}


def codec_for(record_type: type[Record]) -> Codec:
    cached = _CODECS.get(record_type.kind)
    if cached is not None:
        return cached
    hints = typing.get_type_hints(record_type)
    fields = []
    for f in dataclasses.fields(record_type):
        if f.name == "id":
            continue
        fields.append((f.name, _BY_HINT[hints[f.name]]))
    codec = Codec(record_type, tuple(fields))
    _CODECS[record_type.kind] = codec
    return codec
