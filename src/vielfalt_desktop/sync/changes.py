"""What a bundle carries, how it is checked, and how it is merged into a store.

Rows travel whole, with per-field stamps. Merging takes, field by field, the value with the
greater (HLC, node id) stamp — last writer wins — so any delivery order, duplicates and
re-exports end in the same state. The losing value of a concurrent edit goes to the conflict
log.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any, Protocol

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

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import RejectedInput
from vielfalt_desktop.domain.messages import Message
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
from vielfalt_desktop.store.repository import TAG_COLUMNS, insert_tuples, replace_tags
from vielfalt_desktop.sync.bundle import JsonRows, gc_paused
from vielfalt_desktop.sync.identity import canonical_json
from vielfalt_desktop.sync.limits import MAX_CODE, MAX_CODES, MAX_STAMP, MAX_TEXT

#: Incoming rows handled together; LOOKUP bounds an IN (…) list of bound parameters.
CHUNK = 5000
LOOKUP = 500
FETCH = 5000


def codec_of(kind: str) -> Codec:
    return codec_for(RECORD_TYPE_BY_KIND[kind])


# --- export -----------------------------------------------------------------------------


def _selection(
    kind: str, since: int, recipient_id: str, everything: bool, author: str | None
) -> Select[Any] | None:
    stmt = _relevant(kind, since, recipient_id, everything)
    if stmt is None:
        return None
    table = TABLE_BY_KIND[kind]
    if author is not None:
        stmt = stmt.where(_authored_by(kind, table, author))
    # Rows exactly as the recipient sent them need not travel back.
    return stmt.where(table.c.source.is_(None) | (table.c.source != recipient_id))


_PARENTS = {
    "referral_status": ("referral", "referral_id"),
    "intervention": ("conflict", "conflict_id"),
}


def _authored_by(kind: str, table: Table, author: str) -> ColumnElement[bool]:
    """Rows a laptop may send (domain.authority): its own, and the steps others added to its
    own referrals and conflicts (which it tombstones when it deletes those)."""
    own = table.c.origin == author
    if kind not in _PARENTS:
        return own
    parent_kind, column = _PARENTS[kind]
    parent = TABLE_BY_KIND[parent_kind]
    owned_parent = (
        select(parent.c.id).where(parent.c.id == table.c[column], parent.c.origin == author)
    ).exists()
    return own | owned_parent


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
    conn: Connection, since: int, recipient_id: str, everything: bool, author: str | None = None
) -> dict[str, dict[str, Any]]:
    """Every row of every kind the recipient should get, as payload blocks.

    SQLite renders each row's wire form (see _wire_json) over the same selection, so no row
    passes through Python objects; bundle.payload_json() splices the rows in as they are.
    ``author``: a laptop's node id; it sends only what it may write.
    """
    records: dict[str, dict[str, Any]] = {}
    for kind in RECORD_KINDS:
        stmt = _selection(kind, since, recipient_id, everything, author)
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


class Gatekeeper(Protocol):
    """Who may write what (sync.incoming.Gate); refuses by raising RejectedInput."""

    def new_row(self, kind: str, row: IncomingRow) -> None: ...

    def edit(
        self, kind: str, row: IncomingRow, current: Any, winning: dict[str, list[Any]]
    ) -> None: ...

    def logs_conflict(self, stamp: list[Any]) -> bool: ...


def merge(
    write: Write,
    kind: str,
    rows: list[IncomingRow],
    bundle_id: str,
    now: str,
    sender: str,
    gate: Gatekeeper,
) -> int:
    """Apply incoming rows of one kind; returns how many rows changed here."""
    with gc_paused():
        return _merge(write, kind, rows, bundle_id, now, sender, gate)


def _merge(
    write: Write,
    kind: str,
    rows: list[IncomingRow],
    bundle_id: str,
    now: str,
    sender: str,
    gate: Gatekeeper,
) -> int:
    codec = codec_of(kind)
    table = TABLE_BY_KIND[kind]
    # Table names come from the schema, never from the bundle.
    known_sql = f'SELECT id FROM "{kind}" WHERE id IN (SELECT value FROM json_each(?))'  # noqa: S608
    changed = 0
    # In id order, new rows go into the id index (and new tags, sorted, into the tag table's
    # key) one after another instead of all over: about a third less time for the contacts.
    rows = sorted(rows, key=attrgetter("id"))
    tags: list[tuple[str, str, str, str]] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        # One observation per chunk: observing is taking the maximum.
        write.hlc.observe(max(_latest(incoming) for incoming in chunk))
        # Which ids are here already: one index-only lookup per chunk; whole rows only for those.
        ids = json.dumps([incoming.id for incoming in chunk])
        known = list(write.conn.exec_driver_sql(known_sql, (ids,)).scalars())
        local: dict[str, Any] = {}
        for part in range(0, len(known), LOOKUP):
            wanted = known[part : part + LOOKUP]
            local.update(
                (row["id"], row)
                for row in write.conn.execute(
                    select(table).where(table.c.id.in_(wanted))
                ).mappings()
            )
        new_rows: list[IncomingRow] = []
        for incoming in chunk:
            current = local.get(incoming.id)
            if current is None:
                gate.new_row(kind, incoming)
                new_rows.append(incoming)
            elif _merge_row(write, codec, incoming, current, bundle_id, now, sender, gate):
                changed += 1
        if new_rows:
            tags += _insert(write, codec, new_rows, sender)
            changed += len(new_rows)
    tags.sort()
    insert_tuples(write.conn, "tag", TAG_COLUMNS, tags)
    return changed


def _latest(incoming: IncomingRow) -> int:
    if not incoming.stamps:
        return incoming.created_hlc
    latest: int = max(incoming.created_hlc, *(s[0] for s in incoming.stamps.values()))
    return latest


def _insert(
    write: Write, codec: Codec, rows: list[IncomingRow], sender: str
) -> list[tuple[str, str, str, str]]:
    """Insert new rows; returns their tag rows, for the caller to insert."""
    # Plain tuples straight from the validated canonical values: half of an import's time went
    # into building Record objects and dicts for SQLAlchemy.
    names = codec.names
    columns = ["id", *names, "origin", "created_hlc", "updated_hlc", "deleted", "stamps"]
    columns += ["rev", "source"]
    # Only code lists need converting (to the JSON text codec.encode writes); texts, numbers,
    # booleans (SQLite stores them as 0/1) and ISO dates go in as they are.
    field_values = itemgetter(*names)
    code_fields = codec.code_fields
    code_columns = [(1 + names.index(name), name) for name in code_fields]
    encoded: dict[tuple[str, ...], str] = {}
    rev = write.rev
    db_rows: list[tuple[Any, ...]] = []
    tags: list[tuple[str, str, str, str]] = []
    for incoming in rows:
        values = incoming.values
        row = [incoming.id, *field_values(values)]
        for index, name in code_columns:
            key = tuple(values[name])
            text = encoded.get(key)
            if text is None:
                text = encoded[key] = json.dumps(list(key), ensure_ascii=False)
            row[index] = text
        stamps = incoming.stamps
        row += (
            incoming.origin,
            incoming.created_hlc,
            _latest(incoming),
            int(incoming.deleted),
            json.dumps(stamps, sort_keys=True) if stamps else "{}",
            rev,
            sender,
        )
        db_rows.append(tuple(row))
        if not incoming.deleted:
            for name in code_fields:
                for code in dict.fromkeys(values[name]):
                    tags.append((codec.kind, name, code, incoming.id))
    insert_tuples(write.conn, codec.kind, columns, db_rows)
    return tags


def _record(codec: Codec, record_id: str, values: dict[str, Any]) -> Any:
    converted = {name: from_canonical(ftype, values[name]) for name, ftype in codec.fields}
    return codec.record_type(id=record_id, **converted)


def record_of(kind: str, record_id: str, values: dict[str, Any]) -> Any:
    """The domain record of an incoming row's canonical values."""
    return _record(codec_of(kind), record_id, values)


def _merge_row(
    write: Write,
    codec: Codec,
    incoming: IncomingRow,
    current: Any,
    bundle_id: str,
    now: str,
    sender: str,
    gate: Gatekeeper,
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
    winning = {
        name: theirs
        for name in (*codec.names, "deleted")
        if _key(theirs := incoming.stamps.get(name) or incoming_default)
        > _key(local_stamps.get(name) or local_default)
    }
    gate.edit(codec.kind, incoming, current, winning)
    for name in (*codec.names, "deleted"):
        theirs = incoming.stamps.get(name) or incoming_default
        ours = local_stamps.get(name) or local_default
        their_value, our_value = incoming_values[name], local_values[name]
        if name in winning:
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
        elif (
            _key(theirs) < _key(ours)
            and their_value != our_value
            and _concurrent(ours, theirs)
            and gate.logs_conflict(theirs)
        ):
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
