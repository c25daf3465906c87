"""The rows a bundle carries out, and the digest of what a store holds.

Export selection: for each kind, the rows a peer should get — changed since it acknowledged,
limited to what a field laptop needs and, on a laptop, to what it may write — rendered to
their wire form (docs/bundle-format.md) by SQLite itself, so no row passes through Python
objects. The digest hashes the merged content of every record, so two stores can be compared.
Checking incoming rows is sync.schema's, applying them sync.merge's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    LargeBinary,
    Select,
    Table,
    case,
    cast,
    func,
    select,
    true,
)

from vielfalt_desktop.domain.records import LOG_KINDS, RECORD_TYPE_BY_KIND
from vielfalt_desktop.store.codec import Codec, FieldType, canonical, codec_for, decode
from vielfalt_desktop.store.models import RECORD_KINDS, TABLE_BY_KIND
from vielfalt_desktop.sync.bundle import JsonRows
from vielfalt_desktop.sync.identity import canonical_json

#: Rendered rows fetched from the cursor at a time.
FETCH = 5000


def codec_of(kind: str) -> Codec:
    """The codec of a kind's rows, on the wire and in the store."""
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


def pending(
    conn: Connection, since: int, recipient_id: str, everything: bool, author: str | None = None
) -> dict[str, int]:
    """How many rows of each kind :func:`collect` would carry now (kinds with none left out).

    The same selection, counted by SQLite: no row is rendered or fetched.
    """
    counts: dict[str, int] = {}
    for kind in RECORD_KINDS:
        stmt = _selection(kind, since, recipient_id, everything, author)
        if stmt is None:
            continue
        counted = stmt.with_only_columns(func.count(TABLE_BY_KIND[kind].c.id))
        if n := int(conn.execute(counted).scalar_one()):
            counts[kind] = n
    return counts


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
