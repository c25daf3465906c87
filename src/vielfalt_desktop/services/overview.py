"""What is due today and what happened this month: the Übersicht screen's data (no Qt).

Everything is answered in SQL with a row limit; nothing loads a whole table.

Due means:

* **contacts** whose follow-up date (Wiedervorlage) is today or earlier;
* **referrals awaiting feedback**: status "vorgeschlagen" or "vermittelt", and either the
  follow-up date is today or earlier, or no follow-up date is set and the referral is older
  than :data:`REFERRAL_WAIT_DAYS` days (a referral with a follow-up date still ahead is not
  yet due);
* **conflicts** that are not closed and whose latest intervention's next step is dated today
  or earlier.

Beside them, the exchange that is overdue (:func:`sync_warnings`): on the coordinator every
device that sent no bundle for longer than the warning period, on a laptop the entries a
coordinator has not confirmed for that long.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    false,
    func,
    or_,
    select,
)

from vielfalt_desktop.domain.vocab import Vocabularies
from vielfalt_desktop.services.sync import PeerStatus
from vielfalt_desktop.store.database import Store
from vielfalt_desktop.store.models import TABLE_BY_KIND

REFERRAL_WAIT_DAYS = 14
AWAITING_FEEDBACK = ("vorgeschlagen", "vermittelt")
DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class DueContact:
    id: str
    date: dt.date
    follow_up: dt.date
    district: str
    pseudonym: str | None
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DueReferral:
    id: str
    date: dt.date
    follow_up: dt.date | None
    status: str
    topic: str
    partner_id: str
    partner_name: str
    days_open: int


@dataclass(frozen=True, slots=True)
class DueConflict:
    id: str
    opened: dt.date
    district: str
    status: str
    categories: tuple[str, ...]
    next_step: str
    next_step_date: dt.date


@dataclass(frozen=True, slots=True)
class DueList:
    """Up to ``limit`` due items, oldest first, and how many there are in all."""

    contacts: tuple[DueContact, ...] = ()
    contacts_total: int = 0
    referrals: tuple[DueReferral, ...] = ()
    referrals_total: int = 0
    conflicts: tuple[DueConflict, ...] = ()
    conflicts_total: int = 0

    @property
    def total(self) -> int:
        return self.contacts_total + self.referrals_total + self.conflicts_total


@dataclass(frozen=True, slots=True)
class MonthCounts:
    first: dt.date
    last: dt.date
    contacts: int = 0
    pseudonyms: int = 0
    referrals: int = 0
    conflicts_opened: int = 0
    conflicts_closed: int = 0
    interventions: int = 0
    events: int = 0
    event_participants: int = 0
    open_conflicts: int = 0
    by_district: tuple[tuple[str, int], ...] = field(default=())


def sync_warnings(statuses: Iterable[PeerStatus], *, office: bool) -> tuple[PeerStatus, ...]:
    """The peers the Übersicht warns about (``statuses`` from SyncService.peer_status()).

    The coordinator: every device without a bundle for longer than the warning period
    (``behind``). A laptop: each coordinator that has entries of this laptop still to confirm
    while it sent nothing back, or the laptop sent nothing, for that long (``waiting``).
    """
    if office:
        return tuple(s for s in statuses if s.behind)
    return tuple(s for s in statuses if s.peer.is_office and s.waiting)


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _codes(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(str(code) for code in json.loads(value))


def _count(conn: Connection, stmt: Select[Any]) -> int:
    counted = select(func.count()).select_from(stmt.order_by(None).subquery())
    return int(conn.execute(counted).scalar_one())


class OverviewService:
    def __init__(self, store: Store, vocab: Callable[[], Vocabularies]) -> None:
        self.store = store
        self._vocab = vocab  # read through the App, which holds the vocabularies once

    @property
    def vocab(self) -> Vocabularies:
        return self._vocab()

    def _closed_statuses(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.vocab["conflict_status"] if e.flag("closed"))

    # --- due ----------------------------------------------------------------------------

    def due(self, today: dt.date | None = None, limit: int = DEFAULT_LIMIT) -> DueList:
        today = today or self.store.clock.today()
        with self.store.read() as conn:
            contacts_stmt = self._due_contacts(today)
            referral_keys = self._due_referral_keys(today)
            contacts = tuple(
                DueContact(
                    id=row.id,
                    date=_date(row.date),
                    follow_up=_date(row.follow_up),
                    district=row.district,
                    pseudonym=row.pseudonym,
                    topics=_codes(row.topics),
                )
                for row in conn.execute(contacts_stmt.limit(limit))
            )
            referrals = tuple(
                DueReferral(
                    id=row.id,
                    date=_date(row.date),
                    follow_up=_date(row.follow_up) if row.follow_up is not None else None,
                    status=row.status,
                    topic=row.topic,
                    partner_id=row.partner_id,
                    partner_name=row.partner_name or "",
                    days_open=(today - _date(row.date)).days,
                )
                for row in conn.execute(self._due_referrals(referral_keys.limit(limit)))
            )
            # Finding each conflict's latest intervention is the costly part: the total comes
            # with the page (count(*) OVER ()), not from running the query again.
            conflict_rows = conn.execute(self._due_conflicts(today, limit)).all()
            conflicts = tuple(
                DueConflict(
                    id=row.id,
                    opened=_date(row.opened),
                    district=row.district,
                    status=row.status,
                    categories=_codes(row.categories),
                    next_step=row.next_step or "",
                    next_step_date=_date(row.next_step_date),
                )
                for row in conflict_rows
            )
            return DueList(
                contacts=contacts,
                contacts_total=_count(conn, contacts_stmt),
                referrals=referrals,
                referrals_total=_count(conn, referral_keys),
                conflicts=conflicts,
                conflicts_total=int(conflict_rows[0].total) if conflict_rows else 0,
            )

    def _due_contacts(self, today: dt.date) -> Select[Any]:
        c = TABLE_BY_KIND["contact"]
        return (
            select(c.c.id, c.c.date, c.c.follow_up, c.c.district, c.c.pseudonym, c.c.topics)
            .where(c.c.deleted == false(), c.c.follow_up.is_not(None), c.c.follow_up <= today)
            .order_by(c.c.follow_up.asc(), c.c.id.asc())
        )

    def _due_referral_keys(self, today: dt.date) -> Select[Any]:
        """Ids of the referrals awaiting feedback, in due order: read from the index
        ix_referral_awaiting alone (no row is decrypted to count or order them)."""
        r = TABLE_BY_KIND["referral"]
        waited = today - dt.timedelta(days=REFERRAL_WAIT_DAYS)
        when: ColumnElement[bool] = or_(
            and_(r.c.follow_up.is_not(None), r.c.follow_up <= today),
            and_(r.c.follow_up.is_(None), r.c.date <= waited),
        )
        return (
            select(r.c.id)
            .where(r.c.deleted == false(), r.c.status.in_(AWAITING_FEEDBACK), when)
            .order_by(func.coalesce(r.c.follow_up, r.c.date).asc(), r.c.id.asc())
        )

    def _due_referrals(self, keys: Select[Any]) -> Select[Any]:
        """The rows of the referrals ``keys`` selects (one page of them), in due order."""
        r = TABLE_BY_KIND["referral"]
        p = TABLE_BY_KIND["partner"]
        return (
            select(
                r.c.id,
                r.c.date,
                r.c.follow_up,
                r.c.status,
                r.c.topic,
                r.c.partner_id,
                p.c.name.label("partner_name"),
            )
            .select_from(r.outerjoin(p, p.c.id == r.c.partner_id))
            .where(r.c.id.in_(keys.scalar_subquery()))
            .order_by(func.coalesce(r.c.follow_up, r.c.date).asc(), r.c.id.asc())
        )

    def _due_conflicts(self, today: dt.date, limit: int) -> Select[Any]:
        """Open conflicts whose latest live intervention has a next step due, up to ``limit``
        of them; ``total`` is the number of all such conflicts.

        The candidates, their due dates, the order and the total come from indexes alone
        (ix_conflict_open, ix_intervention_live_conflict); rows are read for the page only.
        """
        k = TABLE_BY_KIND["conflict"]
        i = TABLE_BY_KIND["intervention"]
        newer = i.alias("newer")

        def of_latest(column: ColumnElement[Any]) -> ColumnElement[Any]:
            # The conflict's latest live intervention: one step into the covering index
            # (conflict_id, deleted, date, created_hlc, id, next_step_date).
            return (
                select(column)
                .where(newer.c.conflict_id == k.c.id, newer.c.deleted == false())
                .order_by(newer.c.date.desc(), newer.c.created_hlc.desc(), newer.c.id.desc())
                .limit(1)
                .scalar_subquery()
            )

        candidates = (
            select(k.c.id, of_latest(newer.c.next_step_date).label("due"))
            .where(
                k.c.deleted == false(),
                k.c.closed.is_(None),
                k.c.status.not_in(self._closed_statuses()),
            )
            .subquery("candidates")
        )
        page = (
            select(candidates.c.id, candidates.c.due, func.count().over().label("total"))
            .where(candidates.c.due <= today)  # NULL (no next step, no intervention) is not
            .order_by(candidates.c.due.asc(), candidates.c.id.asc())
            .limit(limit)
            .subquery("page")
        )
        return (
            select(
                k.c.id,
                k.c.opened,
                k.c.district,
                k.c.status,
                k.c.categories,
                i.c.next_step,
                i.c.next_step_date,
                page.c.total,
            )
            .select_from(page.join(k, k.c.id == page.c.id).join(i, i.c.id == of_latest(newer.c.id)))
            .order_by(page.c.due.asc(), page.c.id.asc())
        )

    # --- this month ---------------------------------------------------------------------

    def month(self, day: dt.date | None = None) -> MonthCounts:
        """Counts for the calendar month containing ``day`` (default: today)."""
        first, last = month_bounds(day or self.store.clock.today())
        c = TABLE_BY_KIND["contact"]
        r = TABLE_BY_KIND["referral"]
        k = TABLE_BY_KIND["conflict"]
        i = TABLE_BY_KIND["intervention"]
        e = TABLE_BY_KIND["event"]
        with self.store.read() as conn:

            def scalar(stmt: Select[Any]) -> int:
                return int(conn.execute(stmt).scalar() or 0)

            in_month_c = and_(c.c.deleted == false(), c.c.date >= first, c.c.date <= last)
            by_district = tuple(
                (str(row[0]), int(row[1]))
                for row in conn.execute(
                    select(c.c.district, func.count())
                    .where(in_month_c)
                    .group_by(c.c.district)
                    .order_by(func.count().desc(), c.c.district)
                    .limit(10)
                )
            )
            return MonthCounts(
                first=first,
                last=last,
                contacts=scalar(select(func.count()).where(in_month_c)),
                pseudonyms=scalar(
                    select(func.count(func.distinct(c.c.pseudonym))).where(
                        in_month_c, c.c.pseudonym.is_not(None)
                    )
                ),
                referrals=scalar(
                    select(func.count()).where(
                        r.c.deleted == false(), r.c.date >= first, r.c.date <= last
                    )
                ),
                conflicts_opened=scalar(
                    select(func.count()).where(
                        k.c.deleted == false(), k.c.opened >= first, k.c.opened <= last
                    )
                ),
                conflicts_closed=scalar(
                    select(func.count()).where(
                        k.c.deleted == false(), k.c.closed >= first, k.c.closed <= last
                    )
                ),
                interventions=scalar(
                    select(func.count()).where(
                        i.c.deleted == false(), i.c.date >= first, i.c.date <= last
                    )
                ),
                events=scalar(
                    select(func.count()).where(
                        e.c.deleted == false(), e.c.date >= first, e.c.date <= last
                    )
                ),
                event_participants=scalar(
                    select(func.coalesce(func.sum(e.c.participants_total), 0)).where(
                        e.c.deleted == false(), e.c.date >= first, e.c.date <= last
                    )
                ),
                open_conflicts=scalar(
                    select(func.count()).where(
                        k.c.deleted == false(),
                        k.c.closed.is_(None),
                        k.c.status.not_in(self._closed_statuses()),
                    )
                ),
                by_district=by_district,
            )
