"""Reading and writing records with SQLAlchemy Core.

Every write goes through here and stamps what it touches: the row's `rev` (for incremental
export), `updated_hlc`, and for edits the per-field stamps that last-writer-wins merges read.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    delete,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table

from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import RECORD_TYPE_BY_KIND, Record
from vielfalt_desktop.store.codec import Codec, codec_for
from vielfalt_desktop.store.database import Write
from vielfalt_desktop.store.models import TABLE_BY_KIND, TAG_TABLE

DATE_FIELD = {"conflict": "opened", "partner": "name", "vocab_entry": "code"}
UNDATED = ("partner", "vocab_entry")
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "vocab_entry": ("code", "de", "en"),
    "contact": ("note", "pseudonym"),
    "partner": ("name", "offer_text", "seek_text", "note", "address"),
    "referral": ("feedback",),
    "referral_status": ("note",),
    "conflict": ("note", "outcome"),
    "intervention": ("result", "next_step"),
    "event": ("title", "note"),
}
PARENT_FIELD = {
    "referral": "contact_id",
    "referral_status": "referral_id",
    "intervention": "conflict_id",
}
TOPIC_FIELD = {
    "contact": "topics",
    "partner": "topics",
    "referral": "topic",
    "conflict": "categories",
    "event": "interests",
}
#: Kinds with an FTS5 trigram index over fold() of their TEXT_FIELDS (migration 0006).
SEARCH_TABLES = {"contact": "contact_fts"}
#: The trigram tokenizer finds nothing for fewer characters.
TRIGRAM = 3
BATCH = 5000


def date_field(kind: str) -> str:
    return DATE_FIELD.get(kind, "date")


def insert_many(write: Write, records: Sequence[Record]) -> None:
    """Insert new records of one kind; each gets its own create stamp."""
    if not records:
        return
    codec = codec_for(type(records[0]))
    table = TABLE_BY_KIND[codec.kind]
    columns = ["id", *codec.names, "origin", "created_hlc", "updated_hlc", "deleted", "stamps"]
    columns.append("rev")
    # The column types' own conversions (dates to ISO text, booleans to 0/1), as
    # table.insert() would apply them.
    dialect = write.conn.dialect
    convert = [
        (index, processor)
        for index, name in enumerate(columns)
        if (processor := table.c[name].type.bind_processor(dialect)) is not None
    ]
    for start in range(0, len(records), BATCH):
        chunk = records[start : start + BATCH]
        rows: list[tuple[Any, ...]] = []
        tags: list[tuple[Any, ...]] = []
        for record in chunk:
            stamp = write.tick()
            row = [*codec.to_row(record).values(), write.node_id, stamp, stamp, False, "{}"]
            row.append(write.rev)
            for index, processor in convert:
                row[index] = processor(row[index])
            rows.append(tuple(row))
            tags.extend(tuple(tag.values()) for tag in codec.tag_rows(record))
        insert_tuples(write.conn, table.name, columns, rows)
        insert_tuples(write.conn, TAG_TABLE.name, TAG_COLUMNS, tags)


TAG_COLUMNS = ("entity", "field", "code", "record_id")
#: Rows per INSERT statement, and SQLite's limit on bound parameters in one statement.
ROWS_PER_INSERT = 500
MAX_PARAMS = 32_766


def insert_tuples(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT rows given as tuples in ``columns`` order, many rows per statement.

    Not executemany (one statement per row): every statement that writes the FTS5 search
    index — contact rows do, through the triggers of migration 0006 — flushes that index to
    disk at its end, which made bulk inserts of contacts three times slower.
    Table and column names come from the schema, never from input.
    """
    if not rows:
        return
    width = len(columns)
    per = max(1, min(ROWS_PER_INSERT, MAX_PARAMS // width))
    names = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join("?" * width) + ")"
    head = f'INSERT INTO "{table}" ({names}) VALUES '  # noqa: S608
    full = head + ", ".join([one] * per)
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        sql = full if len(part) == per else head + ", ".join([one] * len(part))
        conn.exec_driver_sql(sql, tuple(itertools.chain.from_iterable(part)))


def edit_stamp(
    stamps: dict[str, list[Any]], name: str, stamp: int, node: str, row: Any
) -> list[Any]:
    """[hlc, node, previous hlc, previous node]: the edit and the value it replaced.

    Keeping the replaced stamp lets a merge tell an edit made on top of another (sequential)
    from two edits that did not know of each other (concurrent).
    """
    previous = stamps.get(name) or [row.created_hlc, row.origin]
    return [stamp, node, previous[0], previous[1]]


def update_fields(write: Write, record: Record, changed: Iterable[str]) -> None:
    """Write the changed fields of an existing record and stamp each of them."""
    changed = tuple(changed)
    if not changed:
        return
    codec = codec_for(type(record))
    table = TABLE_BY_KIND[codec.kind]
    stamp = write.tick()
    current = write.conn.execute(
        select(table.c.stamps, table.c.created_hlc, table.c.origin).where(table.c.id == record.id)
    ).one()
    stamps = json.loads(current.stamps or "{}")
    for name in changed:
        stamps[name] = edit_stamp(stamps, name, stamp, write.node_id, current)
    row = codec.to_row(record)
    values: dict[str, Any] = {name: row[name] for name in changed}
    values.update(
        updated_hlc=stamp, rev=write.rev, stamps=json.dumps(stamps, sort_keys=True), source=None
    )
    write.conn.execute(update(table).where(table.c.id == record.id).values(**values))
    replace_tags(write.conn, codec, record, tuple(n for n in changed if n in codec.code_fields))


def replace_tags(conn: Connection, codec: Codec, record: Record, fields: tuple[str, ...]) -> None:
    if not fields:
        return
    conn.execute(
        delete(TAG_TABLE).where(
            TAG_TABLE.c.record_id == record.id,
            TAG_TABLE.c.entity == codec.kind,
            TAG_TABLE.c.field.in_(fields),
        )
    )
    tags = codec.tag_rows(record, fields)
    if tags:
        conn.execute(TAG_TABLE.insert(), tags)


def cleared_on_delete(kind: str) -> dict[str, Any]:
    """Free text and the pseudonym link: a deletion empties them, so they do not travel on."""
    cleared: dict[str, Any] = dict.fromkeys(RECORD_TYPE_BY_KIND[kind].screened, "")
    if kind == "contact":
        cleared["pseudonym"] = None
    return cleared


def tombstone(write: Write, kind: str, ids: Sequence[str]) -> int:
    """Mark records deleted and empty their free text; the row stays so the deletion can
    travel to other stores."""
    if not ids:
        return 0
    table = TABLE_BY_KIND[kind]
    cleared = cleared_on_delete(kind)
    count = 0
    for record_id in ids:
        stamp = write.tick()
        current = write.conn.execute(
            select(
                table.c.stamps,
                table.c.created_hlc,
                table.c.origin,
                *(table.c[name] for name in cleared),
            ).where(table.c.id == record_id, table.c.deleted == false())
        ).first()
        if current is None:
            continue
        stamps = json.loads(current.stamps)
        for name in (
            "deleted",
            *(n for n, empty in cleared.items() if current._mapping[n] != empty),
        ):
            stamps[name] = edit_stamp(stamps, name, stamp, write.node_id, current)
        write.conn.execute(
            update(table)
            .where(table.c.id == record_id)
            .values(
                **cleared,
                deleted=True,
                updated_hlc=stamp,
                rev=write.rev,
                source=None,
                stamps=json.dumps(stamps, sort_keys=True),
            )
        )
        write.conn.execute(delete(TAG_TABLE).where(TAG_TABLE.c.record_id == record_id))
        count += 1
    return count


def get(conn: Connection, record_type: type[Record], record_id: str) -> Record | None:
    codec = codec_for(record_type)
    table = TABLE_BY_KIND[codec.kind]
    row = (
        conn.execute(select(table).where(table.c.id == record_id, table.c.deleted == false()))
        .mappings()
        .first()
    )
    return codec.from_row(row) if row is not None else None


def existing_ids(conn: Connection, kind: str, ids: Iterable[str]) -> set[str]:
    table = TABLE_BY_KIND[kind]
    wanted = list(set(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            conn.execute(
                select(table.c.id).where(table.c.id.in_(chunk), table.c.deleted == false())
            ).scalars()
        )
    return found


def child_ids(conn: Connection, kind: str, parent_id: str) -> list[str]:
    table = TABLE_BY_KIND[kind]
    column = table.c[PARENT_FIELD[kind]]
    return list(
        conn.execute(
            select(table.c.id).where(column == parent_id, table.c.deleted == false())
        ).scalars()
    )


def conditions(kind: str, query: Query) -> list[ColumnElement[bool]]:
    table = TABLE_BY_KIND[kind]
    where: list[ColumnElement[bool]] = []
    if not query.include_deleted:
        where.append(table.c.deleted == false())
    if kind not in UNDATED:
        date_col = table.c[date_field(kind)]
        if query.date_from is not None:
            where.append(date_col >= query.date_from)
        if query.date_to is not None:
            where.append(date_col <= query.date_to)
    if query.districts:
        if "district" in table.c:
            where.append(table.c.district.in_(query.districts))
        elif kind == "partner":
            where.append(_has_tag(kind, "districts", query.districts))
    if query.topic:
        field = TOPIC_FIELD.get(kind)
        if field == "topic":
            where.append(table.c.topic == query.topic)
        elif field is not None:
            where.append(_has_tag(kind, field, (query.topic,)))
    if query.language and "languages" in table.c:
        where.append(_has_tag(kind, "languages", (query.language,)))
    if query.status and "status" in table.c:
        where.append(table.c.status == query.status)
    if query.pseudonym and "pseudonym" in table.c:
        where.append(table.c.pseudonym == query.pseudonym)
    if query.parent_id and kind in PARENT_FIELD:
        where.append(table.c[PARENT_FIELD[kind]] == query.parent_id)
    if query.text.strip():
        where.append(_text_condition(kind, query.text))
    return where


def _text_condition(kind: str, text: str) -> ColumnElement[bool]:
    """Any text field contains ``text``, both Unicode-folded (so "übergabe" finds "Übergabe").

    Contacts with three or more characters ask the FTS5 trigram index ``contact_fts``
    (migration 0006), which holds fold() of the same fields: the same substring test without
    reading every row. Shorter texts, and other kinds, test each row with LIKE.
    """
    table = TABLE_BY_KIND[kind]
    folded = fold_text(text)
    search = SEARCH_TABLES.get(kind)
    if search is not None and len(folded) >= TRIGRAM:
        phrase = '"' + folded.replace('"', '""') + '"'
        fts = sql_table(search, sql_column("rowid"))
        matching = select(fts.c.rowid).where(sql_column(search).op("MATCH")(phrase))
        return literal_column(f"{kind}.rowid").in_(matching)
    pattern = f"%{_escape_like(folded)}%"
    return or_(*(func.fold(table.c[name]).like(pattern, escape="\\") for name in TEXT_FIELDS[kind]))


def fold_text(text: str) -> str:
    """What the SQL function fold() does (store/engine.py), for query values."""
    return " ".join(text.casefold().split())


def _has_tag(kind: str, field: str, codes: Sequence[str]) -> ColumnElement[bool]:
    table = TABLE_BY_KIND[kind]
    return exists().where(
        and_(
            TAG_TABLE.c.entity == kind,
            TAG_TABLE.c.field == field,
            TAG_TABLE.c.code.in_(codes),
            TAG_TABLE.c.record_id == table.c.id,
        )
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def select_records(kind: str, query: Query) -> Select[Any]:
    table = TABLE_BY_KIND[kind]
    stmt = select(table).where(*conditions(kind, query))
    order_name = query.order_by or date_field(kind)
    column = table.c[order_name]
    descending = query.descending if query.order_by else kind not in UNDATED
    stmt = stmt.order_by(column.desc() if descending else column.asc())
    # Ties keep the order of creation; the id makes paging stable (no row twice or skipped).
    if descending:
        return stmt.order_by(table.c.created_hlc.desc(), table.c.id.desc())
    return stmt.order_by(table.c.created_hlc.asc(), table.c.id.asc())


def list_records(
    conn: Connection, record_type: type[Record], query: Query, offset: int = 0, limit: int = 100
) -> list[Record]:
    codec = codec_for(record_type)
    stmt = select_records(codec.kind, query).offset(offset).limit(limit)
    return [codec.from_row(row) for row in conn.execute(stmt).mappings()]


def count_records(conn: Connection, kind: str, query: Query) -> int:
    table = TABLE_BY_KIND[kind]
    stmt = select(func.count()).select_from(table).where(*conditions(kind, query))
    return int(conn.execute(stmt).scalar_one())


def find_by_name(conn: Connection, name: str) -> Record | None:
    """The live partner with this name, compared case- and space-insensitively."""
    from vielfalt_desktop.domain.records import Partner

    table = TABLE_BY_KIND["partner"]
    stmt = select(table).where(
        func.fold(table.c.name) == fold_text(name), table.c.deleted == false()
    )
    row = conn.execute(stmt).mappings().first()
    return codec_for(Partner).from_row(row) if row is not None else None


def count_where(conn: Connection, kind: str, column: str, value: str) -> int:
    table = TABLE_BY_KIND[kind]
    stmt = (
        select(func.count())
        .select_from(table)
        .where(table.c[column] == value, table.c.deleted == false())
    )
    return int(conn.execute(stmt).scalar_one())


def origin_of(conn: Connection, kind: str, record_id: str) -> str | None:
    """The node that created a record (None if it is not here)."""
    table = TABLE_BY_KIND[kind]
    value = conn.execute(select(table.c.origin).where(table.c.id == record_id)).scalar()
    return str(value) if value is not None else None


_PARENT = {
    "referral_status": ("referral", "referral_id"),
    "intervention": ("conflict", "conflict_id"),
}


def parent_origin(conn: Connection, kind: str, record_id: str) -> str | None:
    """The origin of the referral of a status step or the conflict of an intervention."""
    if kind not in _PARENT:
        return None
    parent_kind, column = _PARENT[kind]
    table, parent = TABLE_BY_KIND[kind], TABLE_BY_KIND[parent_kind]
    stmt = (
        select(parent.c.origin)
        .join(table, table.c[column] == parent.c.id)
        .where(table.c.id == record_id)
    )
    value = conn.execute(stmt).scalar()
    return str(value) if value is not None else None
