"""Export renders rows in SQLite: the payload must stay byte for byte what Python wrote."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Connection, select

from vielfalt_desktop import demo
from vielfalt_desktop.domain.records import Contact, Partner
from vielfalt_desktop.services.app import App
from vielfalt_desktop.store.codec import canonical, decode
from vielfalt_desktop.store.models import RECORD_KINDS, TABLE_BY_KIND
from vielfalt_desktop.sync import bundle, changes
from vielfalt_desktop.sync.identity import canonical_json

# Every kind of character JSON treats specially, non-ASCII, and line separators.
AWKWARD = 'Zitat "x" \\ Pfad\t Tab\nZeile\r\x00\x01\x1f\x7f ä ß 😀 \u2028\u2029 \ufeff'
ORIGIN = "00000000-0000-4000-8000-0000000000aa"


def reference(conn: Connection) -> dict[str, dict[str, Any]]:
    """The payload as export built it in Python before (decoded row → canonical values)."""
    records: dict[str, dict[str, Any]] = {}
    for kind in RECORD_KINDS:
        stmt = changes._selection(kind, 0, "nobody", True, None)
        assert stmt is not None
        codec = changes.codec_of(kind)
        rows = [
            [
                row["id"],
                row["origin"],
                row["created_hlc"],
                bool(row["deleted"]),
                json.loads(row["stamps"]),
                [canonical(ftype, decode(ftype, row[name])) for name, ftype in codec.fields],
            ]
            for row in conn.execute(stmt).mappings()
        ]
        if rows:
            records[kind] = {"columns": list(codec.names), "rows": rows}
    return records


def _raw_contact(conn: Connection, number: int, **values: Any) -> None:
    table = TABLE_BY_KIND["contact"]
    row: dict[str, Any] = {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "origin": ORIGIN,
        "created_hlc": 2**40 + number,
        "updated_hlc": 2**40 + number,
        "deleted": False,
        "stamps": "{}",
        "rev": 1,
        "date": dt.date(2026, 1, 2),
        "duration_min": 15,
        "setting": "beratung",
        "district": "kannenstieg",
        "target_group": "drittstaat",
        "age_band": "27_44",
        "gender": "w",
        "languages": "[]",
        "interpreter": "keiner",
        "topics": "[]",
        "interests": "[]",
        "note": "",
    }
    row.update(values)
    conn.execute(table.insert().values(**row))


def test_sql_rendered_payload_is_byte_identical(
    office_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = office_app  # the coordinator holds every kind, the partner directory included
    monkeypatch.setattr(changes, "FETCH", 7)  # rows arrive in several runs
    demo.fill(app, contacts=60, seed=3)
    records = app.records
    with app.store.read() as conn:
        first = conn.execute(select(TABLE_BY_KIND["contact"].c.id).limit(2)).scalars().all()
        partner_id = conn.execute(select(TABLE_BY_KIND["partner"].c.id)).scalars().first()
    contact = records.get(Contact, first[0])
    contact.note = "Übergabe „Mitte“ — ß 😀"
    contact.topics = ("wohnen", "arbeit")
    records.update(contact, accept_findings=True)  # per-field stamps
    records.delete(Contact, first[1])  # a tombstone
    assert partner_id is not None
    partner = records.get(Partner, partner_id)
    partner.offer_text = "Büro „Mitte“ — 1/2 Tag"
    records.update(partner, accept_findings=True)
    with app.store.write() as write:
        # Stored forms another writer might leave: spaced or escaped code lists, an empty
        # list as "", stamps unsorted and with spaces, NULL optionals.
        stamp = [2**41, ORIGIN, 2**40, ORIGIN]
        _raw_contact(
            write.conn,
            1,
            topics='["wohnen",   "arbeit"]',
            languages='["\\u0061r"]',
            interests="",
            stamps=json.dumps({"note": stamp, "district": stamp}),
            note=AWKWARD,
            pseudonym=None,
            follow_up=None,
        )
        _raw_contact(write.conn, 2, deleted=True, stamps=json.dumps({"deleted": stamp}))
    with app.store.read() as conn:
        expected = canonical_json({"records": reference(conn)})
        collected = changes.collect(conn, 0, "nobody", True)
    assert all(isinstance(b["rows"], bundle.JsonRows) for b in collected.values())
    assert bundle.payload_json({"records": collected}) == expected
    # The row counts the header carries.
    counts = {kind: len(block["rows"]) for kind, block in collected.items()}
    assert counts == {k: len(b["rows"]) for k, b in json.loads(expected)["records"].items()}


def test_payload_json_of_plain_values_is_canonical_json() -> None:
    payload = {"records": {"contact": {"columns": ["a"], "rows": [["x", AWKWARD]]}}}
    assert bundle.payload_json(payload) == canonical_json(payload)
    assert bundle.payload_json({"records": {}}) == canonical_json({"records": {}})
    rows = bundle.JsonRows([b'["x",1]', b'["y",2]'], 2)
    mixed = {"records": {"z": {"columns": [], "rows": rows}, "a": {"columns": ["b"], "rows": rows}}}
    plain = {
        "records": {
            "z": {"columns": [], "rows": [["x", 1], ["y", 2]]},
            "a": {"columns": ["b"], "rows": [["x", 1], ["y", 2]]},
        }
    }
    assert bundle.payload_json(mixed) == canonical_json(plain)
