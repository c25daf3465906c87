"""A decrypted payload's rows, checked strictly against the record schema before anything else.

The first check an authenticated payload meets (step 7 of "Reading" in docs/bundle-format.md):
exactly the kinds and row counts the header announced, each kind's columns in schema order,
and every row a six-element array whose id, origin, stamps and values have the wire types of
"Columns of each kind". Rows that pass become :class:`IncomingRow`; what they mean — clock,
authority, value rules, references — is sync.incoming's to judge, and sync.merge applies them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.messages import Message
from vielfalt_desktop.domain.records import LOG_KINDS
from vielfalt_desktop.store.codec import Codec, FieldType, from_canonical
from vielfalt_desktop.store.models import RECORD_KINDS
from vielfalt_desktop.sync.bundle import gc_paused
from vielfalt_desktop.sync.changes import codec_of
from vielfalt_desktop.sync.limits import MAX_CODE, MAX_CODES, MAX_STAMP, MAX_TEXT


@dataclass(slots=True)
class IncomingRow:
    id: str
    origin: str
    created_hlc: int
    deleted: bool
    stamps: dict[str, list[Any]]
    values: dict[str, Any]


def validate(payload: dict[str, Any], counts: dict[str, int]) -> dict[str, list[IncomingRow]]:
    """Every row checked against the schema before anything is applied."""
    with gc_paused():
        return _validate(payload, counts)


def _validate(payload: dict[str, Any], counts: dict[str, int]) -> dict[str, list[IncomingRow]]:
    bad = RejectedInput(Message(msg.BUNDLE_CONTENT_REFUSED))
    if set(payload) != {"records"} or not isinstance(payload["records"], dict):
        raise bad
    result: dict[str, list[IncomingRow]] = {}
    for kind, block in payload["records"].items():
        if (
            kind not in RECORD_KINDS
            or not isinstance(block, dict)
            or set(block) != {"columns", "rows"}
        ):
            raise bad
        plan = _plan(kind)
        if block["columns"] != list(plan.names) or not isinstance(block["rows"], list):
            raise bad
        rows = [_validate_row(plan, raw) for raw in block["rows"]]
        if any(row is None for row in rows) or counts.get(kind) != len(rows):
            raise bad
        checked = [row for row in rows if row is not None]
        if len({row.id for row in checked}) != len(checked):
            raise bad
        result[kind] = checked
    if set(result) != {k for k, n in counts.items() if n}:
        raise bad
    return result


# The canonical text form, as str(uuid.UUID(...)) writes it (either case of hex digits).
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_uuid_match = _UUID.fullmatch


def _is_uuid(value: object) -> bool:
    return type(value) is str and _uuid_match(value) is not None


def _is_stamp(value: object) -> bool:
    return (
        type(value) is list
        and len(value) == 4
        and _is_stamp_number(value[0])
        and _is_uuid(value[1])
        and _is_stamp_number(value[2])
        and type(value[3]) is str
        and len(value[3]) <= 36
    )


def _is_stamp_number(value: object) -> bool:
    return type(value) is int and 0 <= value < MAX_STAMP


@dataclass(frozen=True, slots=True)
class _Plan:
    """How to check one kind's rows: a check per column, decided once, not per value."""

    names: tuple[str, ...]
    checks: tuple[Callable[[object], bool], ...]
    stamp_names: frozenset[str]


_PLANS: dict[str, _Plan] = {}


def _plan(kind: str) -> _Plan:
    plan = _PLANS.get(kind)
    if plan is None:
        codec = codec_of(kind)
        checks = tuple(_CHECKS[ftype] for _, ftype in codec.fields)
        plan = _Plan(codec.names, checks, frozenset({*codec.names, "deleted"}))
        _PLANS[kind] = plan
    return plan


def _validate_row(plan: _Plan, raw: object) -> IncomingRow | None:
    if type(raw) is not list or len(raw) != 6:
        return None
    record_id, origin, created, deleted, stamps, values = raw
    if not (_is_uuid(record_id) and _is_uuid(origin) and _is_stamp_number(created)):
        return None
    if type(deleted) is not bool or not isinstance(stamps, dict):
        return None
    allowed = plan.stamp_names
    if stamps and not all(name in allowed and _is_stamp(s) for name, s in stamps.items()):
        return None
    if type(values) is not list or len(values) != len(plan.checks):
        return None
    for check, value in zip(plan.checks, values):  # noqa: B905 (lengths compared above)
        if not check(value):
            return None
    return IncomingRow(
        record_id, origin, created, deleted, stamps, dict(zip(plan.names, values, strict=True))
    )


def _is_text(value: object, limit: int = MAX_TEXT) -> bool:
    if type(value) is not str or len(value) > limit:
        return False
    if value.isascii():  # constant time: no lone surrogates in ASCII
        return True
    try:
        value.encode("utf-8")  # JSON allows lone surrogates; the store does not
    except UnicodeEncodeError:
        return False
    return True


def _is_optional_text(value: object) -> bool:
    return value is None or _is_text(value)


def _is_int(value: object) -> bool:
    return type(value) is int and -(2**62) < value < 2**62


def _is_bool(value: object) -> bool:
    return type(value) is bool


@functools.lru_cache(maxsize=4096)
def _is_date_text(value: str) -> bool:
    # Only the canonical form "YYYY-MM-DD" (fromisoformat alone would also take "2026-W01-1").
    if _DATE.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_date(value: object) -> bool:
    return type(value) is str and len(value) == 10 and _is_date_text(value)


def _is_optional_date(value: object) -> bool:
    return value is None or _is_date(value)


def _is_code(value: object) -> bool:
    return type(value) is str and 0 < len(value) <= MAX_CODE and _is_text(value, MAX_CODE)


def _is_codes(value: object) -> bool:
    return type(value) is list and len(value) <= MAX_CODES and all(map(_is_code, value))


_CHECKS: dict[FieldType, Callable[[object], bool]] = {
    FieldType.TEXT: _is_text,
    FieldType.OPTIONAL_TEXT: _is_optional_text,
    FieldType.INT: _is_int,
    FieldType.BOOL: _is_bool,
    FieldType.DATE: _is_date,
    FieldType.OPTIONAL_DATE: _is_optional_date,
    FieldType.CODES: _is_codes,
}


def check_logs(rows: dict[str, list[IncomingRow]]) -> None:
    """Log rows (audit, deletion log) are append-only: never deleted, never edited."""
    for kind in LOG_KINDS:
        if any(r.deleted or r.stamps for r in rows.get(kind, ())):
            raise RejectedInput(Message(msg.LOGS_ARE_APPEND_ONLY))


def to_record(codec: Codec, record_id: str, values: dict[str, Any]) -> Any:
    """The domain record of canonical values (an incoming row's, or a merge of them)."""
    converted = {name: from_canonical(ftype, values[name]) for name, ftype in codec.fields}
    return codec.record_type(id=record_id, **converted)


def record_of(kind: str, record_id: str, values: dict[str, Any]) -> Any:
    """The domain record of an incoming row's canonical values."""
    return to_record(codec_of(kind), record_id, values)
