"""Due follow-ups and this month's counts for the Übersicht."""

from __future__ import annotations

import datetime as dt

import pytest

from vielfalt_desktop import demo
from vielfalt_desktop.domain.pseudonym import new_code
from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Referral,
)
from vielfalt_desktop.services.app import App
from vielfalt_desktop.services.overview import OverviewService, month_bounds

TODAY = dt.date(2026, 11, 24)


def _contact(app: App, day: dt.date, follow_up: dt.date | None, **extra: object) -> Contact:
    return app.records.create(
        Contact(
            date=day,
            district="kannenstieg",
            target_group="drittstaat",
            topics=("wohnen",),
            follow_up=follow_up,
            **extra,  # type: ignore[arg-type]
        )
    )


@pytest.fixture
def overview(app: App) -> OverviewService:
    return app.overview


def test_month_bounds() -> None:
    assert month_bounds(TODAY) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert month_bounds(dt.date(2026, 12, 31)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert month_bounds(dt.date(2028, 2, 10))[1] == dt.date(2028, 2, 29)


def test_empty_store(overview: OverviewService) -> None:
    due = overview.due()
    assert due.total == 0
    month = overview.month()
    assert month.contacts == 0
    assert month.first == dt.date(2026, 11, 1)


def test_due_contacts(app: App, overview: OverviewService) -> None:
    first = _contact(app, dt.date(2026, 11, 1), TODAY)
    second = _contact(app, dt.date(2026, 10, 1), dt.date(2026, 10, 20))
    _contact(app, dt.date(2026, 11, 1), TODAY + dt.timedelta(days=1))
    _contact(app, dt.date(2026, 11, 1), None)
    gone = _contact(app, dt.date(2026, 11, 2), TODAY)
    app.records.delete(Contact, gone.id)
    due = overview.due()
    assert [c.id for c in due.contacts] == [second.id, first.id]  # oldest first
    assert due.contacts_total == 2
    assert due.contacts[0].topics == ("wohnen",)


def test_due_list_is_limited_but_counted(app: App, overview: OverviewService) -> None:
    app.records.create_many(
        [
            Contact(
                date=dt.date(2026, 11, 1),
                district="kannenstieg",
                target_group="drittstaat",
                topics=("arbeit",),
                follow_up=dt.date(2026, 11, 2),
            )
            for _ in range(30)
        ]
    )
    due = overview.due(limit=10)
    assert len(due.contacts) == 10
    assert due.contacts_total == 30


def test_referrals_awaiting_feedback(app: App, overview: OverviewService, partner: Partner) -> None:
    def referral(day: dt.date, status: str, follow_up: dt.date | None = None) -> Referral:
        return app.records.create(
            Referral(
                partner_id=partner.id, topic="arbeit", date=day, status=status, follow_up=follow_up
            )
        )

    old = referral(TODAY - dt.timedelta(days=20), "vorgeschlagen")
    referral(TODAY - dt.timedelta(days=5), "vorgeschlagen")  # too fresh
    follow = referral(TODAY - dt.timedelta(days=3), "vermittelt", TODAY)
    # follow-up still ahead: not due, though old
    referral(TODAY - dt.timedelta(days=30), "vermittelt", TODAY + dt.timedelta(days=2))
    referral(TODAY - dt.timedelta(days=40), "angenommen")  # has feedback
    referral(TODAY - dt.timedelta(days=40), "abgeschlossen")
    due = overview.due()
    assert {r.id for r in due.referrals} == {old.id, follow.id}
    assert due.referrals_total == 2
    first = next(r for r in due.referrals if r.id == old.id)
    assert first.partner_name == "Migrationsberatung Magdeburg"
    assert first.days_open == 20


def test_conflicts_with_due_next_step(app: App, overview: OverviewService) -> None:
    def conflict(**extra: object) -> Conflict:
        return app.records.create(
            Conflict(
                opened=dt.date(2026, 9, 1),
                district="neustaedter_see",
                categories=("laerm",),
                **extra,
            )  # type: ignore[arg-type]
        )

    def step(conflict_id: str, day: dt.date, next_date: dt.date | None) -> None:
        app.records.create(
            Intervention(
                conflict_id=conflict_id,
                date=day,
                next_step="Hausversammlung",
                next_step_date=next_date,
            )
        )

    due_one = conflict()
    step(due_one.id, dt.date(2026, 10, 1), dt.date(2026, 12, 1))  # older step, not latest
    step(due_one.id, dt.date(2026, 11, 1), dt.date(2026, 11, 20))  # latest: due
    later = conflict()
    step(later.id, dt.date(2026, 10, 1), dt.date(2026, 11, 1))  # older step was due…
    step(later.id, dt.date(2026, 11, 10), dt.date(2026, 12, 5))  # …but the latest is ahead
    settled = conflict(status="beigelegt", outcome="Einigung", closed=dt.date(2026, 11, 2))
    step(settled.id, dt.date(2026, 11, 1), dt.date(2026, 11, 3))
    conflict()  # no intervention yet
    due = overview.due()
    assert [c.id for c in due.conflicts] == [due_one.id]
    assert due.conflicts[0].next_step_date == dt.date(2026, 11, 20)
    assert due.conflicts[0].next_step == "Hausversammlung"
    assert due.conflicts_total == 1


# The due lists as they were computed before the index-only queries (row_number over every
# intervention; referral rows filtered and sorted directly): the new ones must agree.
REFERENCE_CONFLICTS = """
SELECT k.id FROM conflict k JOIN (
    SELECT conflict_id, next_step_date, row_number() OVER (
        PARTITION BY conflict_id ORDER BY date DESC, created_hlc DESC, id DESC) AS position
    FROM intervention WHERE deleted = 0) AS latest ON latest.conflict_id = k.id
WHERE k.deleted = 0 AND k.closed IS NULL AND k.status NOT IN ('beigelegt', 'weitergeleitet')
  AND latest.position = 1 AND latest.next_step_date IS NOT NULL AND latest.next_step_date <= ?
ORDER BY latest.next_step_date, k.id
"""
LATEST_OF_LONG_CONFLICTS = """
SELECT id FROM (
    SELECT id, count(*) OVER (PARTITION BY conflict_id) AS steps, row_number() OVER (
        PARTITION BY conflict_id ORDER BY date DESC, created_hlc DESC, id DESC) AS position
    FROM intervention WHERE deleted = 0)
WHERE steps >= 2 AND position = 1 ORDER BY id LIMIT 5
"""
REFERENCE_REFERRALS = """
SELECT id FROM referral WHERE deleted = 0 AND status IN ('vorgeschlagen', 'vermittelt')
  AND ((follow_up IS NOT NULL AND follow_up <= ?) OR (follow_up IS NULL AND date <= ?))
ORDER BY coalesce(follow_up, date), id
"""


def test_due_lists_agree_with_the_reference_queries(office_app: App) -> None:
    # Enough conflicts that every date below has several due; ids are random per store,
    # so the data must not hinge on which rows get picked. The coordinator's store: a
    # laptop's demo data has referrals only with a partner directory.
    app = office_app
    overview = app.overview
    demo.fill(app, contacts=1200, seed=11)
    with app.store.read() as conn:
        latest_steps = conn.exec_driver_sql(LATEST_OF_LONG_CONFLICTS).scalars()
        doomed = list(latest_steps)
    assert len(doomed) == 5
    for intervention_id in doomed:  # a deleted latest step makes the one before it count
        app.records.delete(Intervention, intervention_id)
    for today in (TODAY, TODAY - dt.timedelta(days=90), TODAY + dt.timedelta(days=60)):
        waited = today - dt.timedelta(days=14)
        with app.store.read() as conn:
            conflicts = list(
                conn.exec_driver_sql(REFERENCE_CONFLICTS, (today.isoformat(),)).scalars()
            )
            referrals = list(
                conn.exec_driver_sql(
                    REFERENCE_REFERRALS, (today.isoformat(), waited.isoformat())
                ).scalars()
            )
        assert conflicts
        assert referrals
        for limit in (3, 50, 10_000):
            due = overview.due(today, limit=limit)
            assert [c.id for c in due.conflicts] == conflicts[:limit]
            assert due.conflicts_total == len(conflicts)
            assert [r.id for r in due.referrals] == referrals[:limit]
            assert due.referrals_total == len(referrals)


def test_month_counts(app: App, overview: OverviewService, partner: Partner) -> None:
    _contact(app, dt.date(2026, 11, 3), None, pseudonym=new_code())
    _contact(app, dt.date(2026, 11, 4), None)
    _contact(app, dt.date(2026, 10, 31), None)  # last month
    app.records.create(Referral(partner_id=partner.id, topic="arbeit", date=dt.date(2026, 11, 5)))
    app.records.create(
        Event(
            date=dt.date(2026, 11, 6),
            title="Sprachcafé",
            district="kannenstieg",
            participants_total=12,
        )
    )
    app.records.create(
        Event(
            date=dt.date(2026, 11, 7),
            title="Hoffest",
            district="kannenstieg",
            participants_total=30,
        )
    )
    k = app.records.create(
        Conflict(opened=dt.date(2026, 11, 8), district="kannenstieg", categories=("muell",))
    )
    app.records.create(Intervention(conflict_id=k.id, date=dt.date(2026, 11, 9)))
    month = overview.month()
    assert month.contacts == 2
    assert month.pseudonyms == 1
    assert month.referrals == 1
    assert month.events == 2
    assert month.event_participants == 42
    assert month.conflicts_opened == 1
    assert month.interventions == 1
    assert month.open_conflicts == 1
    assert month.by_district == (("kannenstieg", 2),)
    assert overview.month(dt.date(2026, 10, 15)).contacts == 1
