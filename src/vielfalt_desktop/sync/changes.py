"""What a bundle carries, how it is checked, and how it is merged into a store.

Rows travel whole, with per-field stamps. Merging takes, field by field, the value with the
greater (HLC, node id) stamp — last writer wins — so any delivery order, duplicates and
re-exports end in the same state. The losing value of a concurrent edit goes to the conflict
log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    LargeBinary,
    Select,
    Table,
    and_,
    case,
    cast,
    func,
    select,
    true,
)

from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.records import LOG_KINDS, RECORD_TYPE_BY_KIND
from vielfalt_desktop.store.codec import (
    Codec,
    FieldType,
    canonical,
    codec_for,
    decode,
    from_canonical,
)
from vielfalt_desktop.store.database import Write
from vielfalt_desktop.store.models import (
    CONFLICT_LOG_TABLE,
    RECORD_KINDS,
    TABLE_BY_KIND,
)
from vielfalt_desktop.store.repository import replace_tags
from vielfalt_desktop.sync.bundle import JsonRows
from vielfalt_desktop.sync.identity import canonical_json

MAX_TEXT = 100_000
MAX_STAMP = 2**63
MAX_CODES = 200
CHUNK = 500
FETCH = 5000


def codec_of(kind: str) -> Codec:
    return codec_for(RECORD_TYPE_BY_KIND[kind])


# --- export -----------------------------------------------------------------------------


def _selection(kind: str, since: int, recipient_id: str, everything: bool) -> Select[Any] | None:
    stmt = _relevant(kind, since, recipient_id, everything)
    if stmt is None:
        return None
    table = TABLE_BY_KIND[kind]
    # Rows exactly as the recipient sent them need not travel back.
    return stmt.where(table.c.source.is_(None) | (table.c.source != recipient_id))


def _relevant(kind: str, since: int, recipient_id: str, everything: bool) -> Select[Any] | None:
    """Rows of one kind that a peer should get; a field laptop gets only what it needs."""
    table = TABLE_BY_KIND[kind]
    if everything:
        return select(table).where(table.c.rev > since)
    if kind in ("partner", "vocab_entry"):
        return select(table).where(table.c.rev > since)
    if kind == "conflict":
        return select(table).where(table.c.shared == true(), table.c.rev > since)
    if kind == "intervention":
        conflict = TABLE_BY_KIND["conflict"]
        return (
            select(table)
            .join(conflict, conflict.c.id == table.c.conflict_id)
            .where(conflict.c.shared == true(), (table.c.rev > since) | (conflict.c.rev > since))
        )
    if kind == "referral":
        return select(table).where(table.c.origin == recipient_id, table.c.rev > since)
    if kind == "referral_status":
        referral = TABLE_BY_KIND["referral"]
        return (
            select(table)
            .join(referral, referral.c.id == table.c.referral_id)
            .where(referral.c.origin == recipient_id, table.c.rev > since)
        )
    return None  # contacts and events stay with the laptop that recorded them


def collect(
    conn: Connection, since: int, recipient_id: str, everything: bool
) -> dict[str, dict[str, Any]]:
    """Every row of every kind the recipient should get, as payload blocks.

    SQLite renders each row's wire form (see _wire_json) over the same selection, so no row
    passes through Python objects; bundle.payload_json() splices the rows in as they are.
    """
    records: dict[str, dict[str, Any]] = {}
    for kind in RECORD_KINDS:
        stmt = _selection(kind, since, recipient_id, everything)
        if stmt is None:
            continue
        codec = codec_of(kind)
        wire = stmt.with_only_columns(cast(_wire_json(codec, TABLE_BY_KIND[kind]), LargeBinary))
        rows = _fetch_joined(conn, wire)
        if rows:
            records[kind] = {"columns": list(codec.names), "rows": rows}
    return records


def _fetch_joined(conn: Connection, stmt: Select[Any]) -> JsonRows:
    # The rendered rows come as UTF-8 bytes straight off the driver's cursor, and are joined
    # in runs: no Python object per row beyond the bytes themselves.
    result = conn.execute(stmt)
    chunks: list[bytes] = []
    count = 0
    try:
        cursor = result.cursor
        while batch := cursor.fetchmany(FETCH):
            chunks.append(b",".join([row[0] for row in batch]))
            count += len(batch)
    finally:
        result.close()
    return JsonRows(chunks, count)


def _wire_json(codec: Codec, table: Table) -> ColumnElement[str]:
    """One row in canonical JSON, built by SQLite: ``[id, origin, created_hlc, deleted,
    stamps, values]`` exactly as ``canonical_json`` of the decoded row would write it
    (docs/bundle-format.md). SQLite's json_array quotes strings byte for byte as Python's
    ``json.dumps(ensure_ascii=False)`` does; stored JSON (stamps, code lists) is re-rendered
    from its parsed values whenever it is not already in canonical form."""
    values = [_wire_value(ftype, table.c[name]) for name, ftype in codec.fields]
    return func.json_array(
        table.c.id,
        table.c.origin,
        table.c.created_hlc,
        _json_bool(table.c.deleted),
        _canonical_object(table.c.stamps),
        func.json_array(*values),
    )


def _json_bool(column: ColumnElement[Any]) -> ColumnElement[Any]:
    return func.json(case((column, "true"), else_="false"))


def _wire_value(ftype: FieldType, column: ColumnElement[Any]) -> ColumnElement[Any]:
    if ftype is FieldType.BOOL:
        return _json_bool(column)
    if ftype is FieldType.CODES:
        return _canonical_list(column)
    return column  # text and numbers as they are; dates are stored as ISO "YYYY-MM-DD"


def _canonical_list(column: ColumnElement[Any]) -> ColumnElement[Any]:
    # Stored by json.dumps(ensure_ascii=False): json() only drops the spaces. A list holding
    # an escape (written elsewhere) is rebuilt from its parsed strings; "" or NULL is empty.
    each = func.json_each(column).table_valued("value")
    rebuilt = select(func.json_group_array(each.c.value)).scalar_subquery()
    return func.json(
        case(
            (func.coalesce(column, "") == "", "[]"),
            (func.instr(column, "\\") > 0, rebuilt),
            else_=column,
        )
    )


def _canonical_object(column: ColumnElement[Any]) -> ColumnElement[Any]:
    # Most rows were never edited ("{}"); others are rebuilt with sorted keys, as
    # canonical_json would sort them, whatever order and spacing they were stored in.
    each = func.json_each(column).table_valued("key", "value")
    ordered = select(each.c.key, each.c.value).order_by(each.c.key).subquery()
    rebuilt = select(
        func.json_group_object(ordered.c.key, func.json(ordered.c.value))
    ).scalar_subquery()
    return func.json(case((column == "{}", "{}"), else_=rebuilt))


# --- strict validation ------------------------------------------------------------------


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
    bad = RejectedInput("Der Inhalt des Bündels ist fehlerhaft; es wurde nichts übernommen.")
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
        codec = codec_of(kind)
        if block["columns"] != list(codec.names) or not isinstance(block["rows"], list):
            raise bad
        rows = [_validate_row(codec, raw) for raw in block["rows"]]
        if any(row is None for row in rows) or counts.get(kind) != len(rows):
            raise bad
        checked = [row for row in rows if row is not None]
        if len({row.id for row in checked}) != len(checked):
            raise bad
        result[kind] = checked
    if set(result) != {k for k, n in counts.items() if n}:
        raise bad
    return result


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _is_stamp(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 4
        and _is_stamp_number(value[0])
        and _is_uuid(value[1])
        and _is_stamp_number(value[2])
        and isinstance(value[3], str)
        and len(value[3]) <= 36
    )


def _is_stamp_number(value: object) -> bool:
    return type(value) is int and 0 <= value < MAX_STAMP


def _validate_row(codec: Codec, raw: object) -> IncomingRow | None:
    if not isinstance(raw, list) or len(raw) != 6:
        return None
    record_id, origin, created, deleted, stamps, values = raw
    if not (_is_uuid(record_id) and _is_uuid(origin) and _is_stamp_number(created)):
        return None
    if type(deleted) is not bool or not isinstance(stamps, dict):
        return None
    allowed = {*codec.names, "deleted"}
    if not all(name in allowed and _is_stamp(stamp) for name, stamp in stamps.items()):
        return None
    if not isinstance(values, list) or len(values) != len(codec.fields):
        return None
    checked: dict[str, Any] = {}
    for (name, ftype), value in zip(codec.fields, values, strict=True):
        if not _valid_value(ftype, value):
            return None
        checked[name] = value
    return IncomingRow(record_id, origin, created, deleted, stamps, checked)


def _is_text(value: object, limit: int) -> bool:
    if not isinstance(value, str) or len(value) > limit:
        return False
    try:
        value.encode("utf-8")  # JSON allows lone surrogates; the store does not
    except UnicodeEncodeError:
        return False
    return True


def _valid_value(ftype: FieldType, value: object) -> bool:
    if ftype is FieldType.TEXT:
        return _is_text(value, MAX_TEXT)
    if ftype is FieldType.OPTIONAL_TEXT:
        return value is None or _is_text(value, MAX_TEXT)
    if ftype is FieldType.INT:
        return type(value) is int and -(2**62) < value < 2**62
    if ftype is FieldType.BOOL:
        return type(value) is bool
    if ftype in (FieldType.DATE, FieldType.OPTIONAL_DATE):
        if value is None:
            return ftype is FieldType.OPTIONAL_DATE
        if not isinstance(value, str) or len(value) != 10:
            return False
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return (
        isinstance(value, list)
        and len(value) <= MAX_CODES
        and all(_is_text(code, 64) and code for code in value)
    )


def latest_stamp(rows: dict[str, list[IncomingRow]]) -> int:
    latest = 0
    for kind_rows in rows.values():
        for row in kind_rows:
            latest = max(latest, row.created_hlc, *(stamp[0] for stamp in row.stamps.values()))
    return latest


# --- merge --------------------------------------------------------------------------------


def _key(stamp: list[Any]) -> tuple[int, str]:
    return (stamp[0], stamp[1])


def _concurrent(winner: list[Any], loser: list[Any]) -> bool:
    # Sequential when the winner was written on top of the loser, or by the same node
    # (a node sees its own writes). Longer chains across nodes may be reported as
    # concurrent: the log then holds one entry too many, never one too few.
    if winner[1] == loser[1]:
        return False
    return len(winner) < 4 or (winner[2], winner[3]) != (loser[0], loser[1])


def merge(
    write: Write, kind: str, rows: list[IncomingRow], bundle_id: str, now: str, sender: str
) -> int:
    """Apply incoming rows of one kind; returns how many rows changed here."""
    codec = codec_of(kind)
    table = TABLE_BY_KIND[kind]
    changed = 0
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        local = {
            row["id"]: row
            for row in write.conn.execute(
                select(table).where(table.c.id.in_([r.id for r in chunk]))
            ).mappings()
        }
        new_rows: list[IncomingRow] = []
        for incoming in chunk:
            write.hlc.observe(
                max([incoming.created_hlc, *(s[0] for s in incoming.stamps.values())])
            )
            current = local.get(incoming.id)
            if current is None:
                new_rows.append(incoming)
            elif _merge_row(write, codec, incoming, current, bundle_id, now, sender):
                changed += 1
        if new_rows:
            _insert(write, codec, new_rows, sender)
            changed += len(new_rows)
    return changed


def _insert(write: Write, codec: Codec, rows: list[IncomingRow], sender: str) -> None:
    # Plain tuples straight from the validated canonical values: half of an import's time went
    # into building Record objects and dicts for SQLAlchemy.
    columns = ["id", *codec.names, "origin", "created_hlc", "updated_hlc", "deleted", "stamps"]
    columns += ["rev", "source"]
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    # Table and column names come from the schema, never from the bundle.
    insert = f'INSERT INTO "{codec.kind}" ({names}) VALUES ({marks})'  # noqa: S608
    db_rows: list[tuple[Any, ...]] = []
    tags: list[tuple[str, str, str, str]] = []
    for incoming in rows:
        values = [_db_value(ftype, incoming.values[name]) for name, ftype in codec.fields]
        updated = max([incoming.created_hlc, *(s[0] for s in incoming.stamps.values())])
        db_rows.append(
            (
                incoming.id,
                *values,
                incoming.origin,
                incoming.created_hlc,
                updated,
                int(incoming.deleted),
                json.dumps(incoming.stamps, sort_keys=True),
                write.rev,
                sender,
            )
        )
        if not incoming.deleted:
            for name in codec.code_fields:
                for code in dict.fromkeys(incoming.values[name]):
                    tags.append((codec.kind, name, code, incoming.id))
    write.conn.exec_driver_sql(insert, db_rows)
    if tags:
        write.conn.exec_driver_sql(
            "INSERT INTO tag (entity, field, code, record_id) VALUES (?, ?, ?, ?)",
            tags,
        )


def _db_value(ftype: FieldType, value: Any) -> Any:
    """A canonical value as the store keeps it (the same as codec.encode of the record)."""
    if ftype is FieldType.CODES:
        return json.dumps(list(value), ensure_ascii=False)
    if ftype is FieldType.BOOL:
        return int(value)
    return value  # text, numbers, and dates already as ISO "YYYY-MM-DD"


def _record(codec: Codec, record_id: str, values: dict[str, Any]) -> Any:
    converted = {name: from_canonical(ftype, values[name]) for name, ftype in codec.fields}
    return codec.record_type(id=record_id, **converted)


def _merge_row(
    write: Write,
    codec: Codec,
    incoming: IncomingRow,
    current: Any,
    bundle_id: str,
    now: str,
    sender: str,
) -> bool:
    local_stamps: dict[str, list[Any]] = json.loads(current["stamps"])
    local_default = [current["created_hlc"], current["origin"]]
    incoming_default = [incoming.created_hlc, incoming.origin]
    local_values = {
        name: canonical(ftype, decode(ftype, current[name])) for name, ftype in codec.fields
    }
    local_values["deleted"] = bool(current["deleted"])
    incoming_values = dict(incoming.values, deleted=incoming.deleted)
    updates: dict[str, Any] = {}
    stamps = dict(local_stamps)
    for name in (*codec.names, "deleted"):
        theirs = incoming.stamps.get(name) or incoming_default
        ours = local_stamps.get(name) or local_default
        their_value, our_value = incoming_values[name], local_values[name]
        if _key(theirs) > _key(ours):
            if their_value != our_value:
                updates[name] = their_value
                if _concurrent(theirs, ours):
                    _log(
                        write,
                        codec.kind,
                        incoming.id,
                        name,
                        their_value,
                        theirs,
                        our_value,
                        ours,
                        bundle_id,
                        now,
                    )
            stamps[name] = theirs
        elif _key(theirs) < _key(ours) and their_value != our_value and _concurrent(ours, theirs):
            _log(
                write,
                codec.kind,
                incoming.id,
                name,
                our_value,
                ours,
                their_value,
                theirs,
                bundle_id,
                now,
            )
    if not updates and stamps == local_stamps:
        return False
    merged = dict(local_values, **updates)
    record = _record(codec, incoming.id, merged)
    row = codec.to_row(record)
    values: dict[str, Any] = {name: row[name] for name in updates if name != "deleted"}
    if "deleted" in updates:
        values["deleted"] = merged["deleted"]
    same_as_sent = merged == incoming_values and stamps == _explicit(incoming, local_default)
    values.update(
        stamps=json.dumps(stamps, sort_keys=True),
        updated_hlc=max([current["updated_hlc"], *(s[0] for s in stamps.values())]),
        rev=write.rev,
        source=sender if same_as_sent else None,
    )
    table = TABLE_BY_KIND[codec.kind]
    write.conn.execute(table.update().where(table.c.id == incoming.id).values(**values))
    if merged["deleted"]:
        replace_tags(
            write.conn,
            codec,
            _record(codec, incoming.id, {**merged, **_empty_codes(codec)}),
            codec.code_fields,
        )
    else:
        replace_tags(write.conn, codec, record, tuple(n for n in updates if n in codec.code_fields))
    return True


def _explicit(incoming: IncomingRow, local_default: list[Any]) -> dict[str, list[Any]]:
    """The sender's stamps as they would be stored here (creation stamps stay implicit)."""
    return {k: v for k, v in incoming.stamps.items() if v[:2] != local_default}


def _empty_codes(codec: Codec) -> dict[str, list[str]]:
    return {name: [] for name in codec.code_fields}


def _log(
    write: Write,
    kind: str,
    record_id: str,
    field: str,
    kept: Any,
    kept_stamp: list[Any],
    lost: Any,
    lost_stamp: list[Any],
    bundle_id: str,
    now: str,
) -> None:
    lost_key = f"{lost_stamp[0]}:{lost_stamp[1]}"
    table = CONFLICT_LOG_TABLE
    already = write.conn.execute(
        select(table.c.id).where(
            and_(
                table.c.record_id == record_id,
                table.c.field == field,
                table.c.lost_stamp == lost_key,
            )
        )
    ).first()
    if already is not None:
        return
    write.conn.execute(
        table.insert().values(
            entity=kind,
            record_id=record_id,
            field=field,
            kept_value=json.dumps(kept, ensure_ascii=False),
            kept_stamp=f"{kept_stamp[0]}:{kept_stamp[1]}",
            lost_value=json.dumps(lost, ensure_ascii=False),
            lost_stamp=lost_key,
            bundle_id=bundle_id,
            logged_at=now,
            reviewed=False,
        )
    )


# --- digest -------------------------------------------------------------------------------


def digest(conn: Connection) -> str:
    """SHA-256 over the merged content of every record, independent of local bookkeeping."""
    hasher = hashlib.sha256()
    for line in _digest_lines(conn):
        hasher.update(line)
    return hasher.hexdigest()


def _digest_lines(conn: Connection) -> Iterator[bytes]:
    # Logs say what happened on which device; they differ by nature and are not content.
    for kind in sorted(set(RECORD_KINDS) - set(LOG_KINDS)):
        codec = codec_of(kind)
        table = TABLE_BY_KIND[kind]
        for row in conn.execute(select(table).order_by(table.c.id)).mappings():
            if row["deleted"]:
                item: list[Any] = [kind, row["id"], True]
            else:
                values = [
                    canonical(ftype, decode(ftype, row[name])) for name, ftype in codec.fields
                ]
                item = [kind, row["id"], False, values]
            yield canonical_json(item) + b"\n"
