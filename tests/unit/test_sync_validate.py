"""The per-kind check plan of sync.schema.validate: what it takes and what it refuses."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest

from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.records import Contact
from vielfalt_desktop.services.app import App
from vielfalt_desktop.sync import bundle, changes, incoming
from vielfalt_desktop.sync.schema import validate


@pytest.fixture
def payload(app: App) -> dict[str, Any]:
    app.records.create(
        Contact(
            date=dt.date(2026, 11, 2),
            district="kannenstieg",
            target_group="drittstaat",
            topics=("wohnen", "arbeit"),
            note="Begleitung zur Ausländerbehörde",
            follow_up=dt.date(2026, 12, 1),
        )
    )
    with app.store.read() as conn:
        records = changes.collect(conn, 0, "nobody", True)
    loaded: dict[str, Any] = json.loads(bundle.payload_json({"records": records}))
    return loaded


def _counts(payload: dict[str, Any]) -> dict[str, int]:
    return {kind: len(block["rows"]) for kind, block in payload["records"].items()}


def _field(name: str) -> int:
    return changes.codec_of("contact").names.index(name)


def _set(field: str, value: object) -> Callable[[list[Any]], None]:
    def change(row: list[Any]) -> None:
        row[5][_field(field)] = value

    return change


def _set_at(index: int, value: object) -> Callable[[list[Any]], None]:
    def change(row: list[Any]) -> None:
        row[index] = value

    return change


def test_a_collected_payload_passes(payload: dict[str, Any]) -> None:
    rows = validate(payload, _counts(payload))
    (contact,) = rows["contact"]
    assert contact.values["note"] == "Begleitung zur Ausländerbehörde"
    assert contact.values["topics"] == ["wohnen", "arbeit"]
    assert incoming.latest_stamp(rows) >= contact.created_hlc


ACCEPTED = {
    "upper-case-uuid": _set_at(0, "ABCDEF01-2345-4678-89AB-CDEF01234567"),
    "emoji-text": _set("note", "Fest 😀 im Hof"),
    "surrogate-pair-text": _set("note", "\U0001f600"),
    "leap-day": _set("date", "2028-02-29"),
    "no-follow-up": _set("follow_up", None),
    "empty-codes": _set("interests", []),
}
REFUSED = {
    "braced-uuid": _set_at(0, "{bcdef01-2345-4678-89ab-cdef0123456}"),
    "uuid-without-dashes": _set_at(1, "abcdef012345467889abcdef0123456701234"),
    "uuid-dash-moved": _set_at(0, "abcdef0-12345-4678-89ab-cdef01234567"),
    "uuid-not-text": _set_at(0, 12345),
    "iso-week-date": _set("date", "2026-W45-1"),
    "date-out-of-range": _set("date", "2026-02-30"),
    "date-other-digits": _set("date", "２０２６-11-02"),
    "lone-surrogate-text": _set("note", "a\ud800b"),
    "lone-surrogate-code": _set("topics", ["wohnen", "\udc00x"]),
    "empty-code": _set("topics", [""]),
    "long-code": _set("topics", ["x" * 65]),
    "codes-not-list": _set("topics", "wohnen"),
    "bool-for-int": _set("duration_min", True),
    "int-too-big": _set("duration_min", 2**62),
    "text-for-date": _set("follow_up", 20261201),
    "none-for-text": _set("note", None),
    "deleted-not-bool": _set_at(3, 0),
    "stamp-unknown-field": _set_at(4, {"nope": [1, "00000000-0000-4000-8000-000000000000", 0, ""]}),
    "stamp-bad-node": _set_at(4, {"note": [1, "x", 0, ""]}),
    "too-few-values": lambda row: row[5].pop(),
    "row-too-short": lambda row: row.pop(),
}


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_accepted(payload: dict[str, Any], case: str) -> None:
    changed = copy.deepcopy(payload)
    ACCEPTED[case](changed["records"]["contact"]["rows"][0])
    assert validate(changed, _counts(changed))["contact"]


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused(payload: dict[str, Any], case: str) -> None:
    changed = copy.deepcopy(payload)
    REFUSED[case](changed["records"]["contact"]["rows"][0])
    with pytest.raises(RejectedInput):
        validate(changed, _counts(changed))
