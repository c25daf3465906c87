"""The report's records copied once into temporary tables, and the counting queries on them.

All counting happens in SQLite (``GROUP BY``, ``COUNT(DISTINCT …)``, ``json_each`` for
multi-valued code fields); no query loads record rows into Python.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Float,
    FromClause,
    Integer,
    MetaData,
    Select,
    Text,
    and_,
    case,
    distinct,
    false,
    func,
    literal,
    null,
    select,
    true,
)
from sqlalchemy import Column as SqlColumn
from sqlalchemy import Table as SqlTable

from vielfalt_desktop.domain.vocab import HOME_COUNTRY, Vocabularies
from vielfalt_desktop.reports.tables import Period
from vielfalt_desktop.store.models import TABLE_BY_KIND

__all__ = ["EVENT_PARTICIPANTS", "SETTLED", "UNKNOWN", "Counts", "Snapshot"]

CONTACT = TABLE_BY_KIND["contact"]
REFERRAL = TABLE_BY_KIND["referral"]
PARTNER = TABLE_BY_KIND["partner"]
CONFLICT = TABLE_BY_KIND["conflict"]
INTERVENTION = TABLE_BY_KIND["intervention"]
EVENT = TABLE_BY_KIND["event"]

#: The code for "not recorded / not in the vocabulary".
UNKNOWN = "unbekannt"
#: The conflict status whose cases count as settled (median days to settle).
SETTLED = "beigelegt"

AnySelect = Select[*tuple[Any, ...]]
Counts = Mapping[str, Sequence[int]]


EVENT_PARTICIPANTS: tuple[str, ...] = (
    "participants_total",
    "participants_third_country",
    "participants_women",
    "participants_men",
    "participants_divers",
    "participants_children",
)


def _text(name: str) -> SqlColumn[Any]:
    return SqlColumn(name, Text)


def _int(name: str) -> SqlColumn[Any]:
    return SqlColumn(name, Integer)


class Snapshot:
    """The report's records, copied once into temporary tables, then counted there.

    Every kind is read from the store in one pass (an SQLCipher page is decrypted once, not
    once per breakdown) inside the caller's read transaction, so all numbers come from the
    same state of the store. The store runs with ``temp_store = MEMORY``: the copies never
    touch the disk, and they are dropped when the report is done.
    """

    def __init__(
        self, conn: Connection, vocab: Vocabularies, period: Period, districts: Sequence[str]
    ) -> None:
        self.conn = conn
        self.vocab = vocab
        self.period = period
        self.districts = tuple(districts)
        meta = MetaData()
        temporary = ["TEMPORARY"]
        self.contact = SqlTable(
            "report_contact",
            meta,
            _text("id"),
            _text("person"),
            _text("monat"),
            _text("jahr"),
            _text("target_group"),
            _text("drittstaat"),
            _text("gender"),
            _text("age_band"),
            _text("district"),
            _text("gebiet"),
            _text("setting"),
            _text("interpreter"),
            _text("topics"),
            _text("interests"),
            prefixes=temporary,
        )
        self.referral = SqlTable(
            "report_referral",
            meta,
            _text("status"),
            _text("topic"),
            _text("partner_kind"),
            prefixes=temporary,
        )
        self.conflict = SqlTable(
            "report_conflict",
            meta,
            _text("id"),
            _text("status"),
            _text("district"),
            _text("gebiet"),
            _text("place_type"),
            _text("escalation"),
            _text("categories"),
            SqlColumn("settled_days", Float),
            prefixes=temporary,
        )
        self.intervention = SqlTable(
            "report_intervention",
            meta,
            _text("intervention_kind"),
            _int("participants"),
            _int("bridge_builder"),
            prefixes=temporary,
        )
        self.event = SqlTable(
            "report_event",
            meta,
            _text("id"),
            _text("event_kind"),
            *(_int(name) for name in EVENT_PARTICIPANTS),
            _text("interests"),
            prefixes=temporary,
        )
        self.tables = (self.contact, self.referral, self.conflict, self.intervention, self.event)

    def __enter__(self) -> Snapshot:
        self._drop()
        for table in self.tables:
            table.create(self.conn)
        self._fill()
        return self

    def __exit__(self, *_: object) -> None:
        self._drop()

    def _drop(self) -> None:
        for table in self.tables:
            self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{table.name}")

    def _in_period(self, column: ColumnElement[Any]) -> list[ColumnElement[bool]]:
        # likely(): tells SQLite the range keeps most rows, so it scans the table once in
        # page order instead of walking the date index and fetching each row's page out of
        # order (40 000 referrals, whole period: 0.04 s scanned against 0.27 s by index).
        return [
            func.likely(column >= self.period.start, type_=Boolean),
            func.likely(column <= self.period.end, type_=Boolean),
        ]

    def _fill(self) -> None:
        c, r, k, i, e = (t.c for t in (CONTACT, REFERRAL, CONFLICT, INTERVENTION, EVENT))
        chosen = self.districts

        contact_where = [c.deleted == false(), *self._in_period(c.date)]
        if chosen:
            contact_where.append(c.district.in_(chosen))
        self._copy(
            self.contact,
            select(
                c.id,
                func.nullif(func.trim(c.pseudonym), ""),
                func.substr(c.date, 1, 7),
                func.substr(c.date, 1, 4),
                c.target_group,
                self._citizenship_status(c.citizenship),
                c.gender,
                c.age_band,
                c.district,
                self._district_group(c.district),
                c.setting,
                c.interpreter,
                c.topics,
                c.interests,
            ).where(*contact_where),
        )

        referral_where = [r.deleted == false(), *self._in_period(r.date)]
        source: FromClause = REFERRAL.outerjoin(PARTNER, PARTNER.c.id == r.partner_id)
        if chosen:
            # A referral counts in the district of its contact; one without a contact cannot
            # be placed and stays out of a district report.
            source = source.join(CONTACT, CONTACT.c.id == r.contact_id)
            referral_where.append(c.district.in_(chosen))
        self._copy(
            self.referral,
            select(r.status, r.topic, PARTNER.c.partner_kind)
            .select_from(source)
            .where(*referral_where),
        )

        conflict_where = [k.deleted == false(), *self._in_period(k.opened)]
        if chosen:
            conflict_where.append(k.district.in_(chosen))
        settled_days = case(
            (
                and_(k.status == SETTLED, k.closed.is_not(None)),
                func.julianday(k.closed) - func.julianday(k.opened),
            ),
            else_=null(),
        )
        self._copy(
            self.conflict,
            select(
                k.id,
                k.status,
                k.district,
                self._district_group(k.district),
                k.place_type,
                k.escalation,
                k.categories,
                settled_days,
            ).where(*conflict_where),
        )

        intervention_where = [i.deleted == false(), *self._in_period(i.date)]
        source = INTERVENTION
        if chosen:
            source = INTERVENTION.join(CONFLICT, k.id == i.conflict_id)
            intervention_where.append(k.district.in_(chosen))
        self._copy(
            self.intervention,
            select(
                i.intervention_kind,
                i.participants,
                case((i.bridge_builder == true(), 1), else_=0),
            )
            .select_from(source)
            .where(*intervention_where),
        )

        event_where = [e.deleted == false(), *self._in_period(e.date)]
        if chosen:
            event_where.append(e.district.in_(chosen))
        self._copy(
            self.event,
            select(
                e.id, e.event_kind, *(e[name] for name in EVENT_PARTICIPANTS), e.interests
            ).where(*event_where),
        )

    def _copy(self, target: SqlTable, source: AnySelect) -> None:
        self.conn.execute(target.insert().from_select([col.name for col in target.c], source))

    # --- derived codes ------------------------------------------------------------------

    def _citizenship_status(self, column: ColumnElement[Any]) -> ColumnElement[str]:
        countries = self.vocab.countries
        eu = [e.code for e in countries if e.code != HOME_COUNTRY and e.flag("eu_eea_ch")]
        third = [e.code for e in countries if countries.is_third_country(e.code)]
        code = func.upper(func.trim(column))
        return case(
            (column.is_(None), UNKNOWN),
            (code == HOME_COUNTRY, "deutschland"),
            (code.in_(eu), "eu"),
            (code.in_(third), "drittstaat"),
            else_=UNKNOWN,
        )

    def _district_group(self, column: ColumnElement[Any]) -> ColumnElement[str]:
        districts = self.vocab.districts
        whens = [
            (column.in_([d.code for d in districts.in_group(g.code)]), literal(g.code))
            for g in districts.groups
            if districts.in_group(g.code)
        ]
        return case(*whens, else_=literal(UNKNOWN))

    # --- counting -----------------------------------------------------------------------

    def _rows(self, stmt: AnySelect) -> dict[str, list[int]]:
        return {
            str(row[0]) if row[0] is not None else UNKNOWN: [int(v or 0) for v in row[1:]]
            for row in self.conn.execute(stmt)
        }

    def _one(self, stmt: AnySelect) -> list[int]:
        row = self.conn.execute(stmt).one()
        return [int(v or 0) for v in row]

    @staticmethod
    def _each(column: ColumnElement[Any]) -> Any:
        return func.json_each(column).table_valued("value").alias("each_code")

    def contacts_total(self) -> list[int]:
        t = self.contact.c
        return self._one(select(func.count(), func.count(distinct(t.person))))

    def contacts_by(self, name: str) -> dict[str, list[int]]:
        t = self.contact.c
        dimension = t[name]
        return self._rows(
            select(dimension, func.count(), func.count(distinct(t.person))).group_by(dimension)
        )

    def contacts_by_codes(self, name: str) -> dict[str, list[int]]:
        """Contacts (and persons) per code of a multi-valued field (a JSON array)."""
        t = self.contact.c
        each = self._each(t[name])
        return self._rows(
            select(each.c.value, func.count(distinct(t.id)), func.count(distinct(t.person)))
            .select_from(self.contact)
            .join(each, true())
            .group_by(each.c.value)
        )

    def contacts_cross(self, first: str, second: str) -> dict[tuple[str, str], int]:
        t = self.contact.c
        stmt = select(t[first], t[second], func.count()).group_by(t[first], t[second])
        return {
            (str(a or UNKNOWN), str(b or UNKNOWN)): int(n) for a, b, n in self.conn.execute(stmt)
        }

    def referrals_total(self) -> int:
        return self._one(select(func.count()).select_from(self.referral))[0]

    def referrals_by(self, name: str) -> Counts:
        dimension = self.referral.c[name]
        return self._rows(select(dimension, func.count()).group_by(dimension))

    def conflicts_total(self) -> int:
        return self._one(select(func.count()).select_from(self.conflict))[0]

    def conflicts_by(self, name: str) -> Counts:
        dimension = self.conflict.c[name]
        return self._rows(select(dimension, func.count()).group_by(dimension))

    def conflicts_by_codes(self, name: str) -> Counts:
        t = self.conflict.c
        each = self._each(t[name])
        return self._rows(
            select(each.c.value, func.count(distinct(t.id)))
            .select_from(self.conflict)
            .join(each, true())
            .group_by(each.c.value)
        )

    def median_days_to_settle(self) -> tuple[float | None, int]:
        days = self.conflict.c.settled_days
        known = days.is_not(None)
        n = self._one(select(func.count()).where(known))[0]
        if n == 0:
            return None, 0
        stmt = select(days).where(known).order_by(days).offset((n - 1) // 2)
        middle = [float(v) for v in self.conn.execute(stmt.limit(1 if n % 2 else 2)).scalars()]
        return sum(middle) / len(middle), n

    def interventions_by_kind(self) -> Counts:
        t = self.intervention.c
        return self._rows(
            select(
                t.intervention_kind,
                func.count(),
                func.coalesce(func.sum(t.participants), 0),
                func.coalesce(func.sum(t.bridge_builder), 0),
            ).group_by(t.intervention_kind)
        )

    def events_by_kind(self) -> Counts:
        t = self.event.c
        return self._rows(
            select(
                t.event_kind,
                func.count(),
                *(func.coalesce(func.sum(t[name]), 0) for name in EVENT_PARTICIPANTS),
            ).group_by(t.event_kind)
        )

    def events_by_interest(self) -> Counts:
        t = self.event.c
        each = self._each(t.interests)
        return self._rows(
            select(each.c.value, func.count(distinct(t.id)))
            .select_from(self.event)
            .join(each, true())
            .group_by(each.c.value)
        )
