"""The list models: checked by QAbstractItemModelTester, paged, sorted and filtered in SQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Conflict, Contact, Event, Partner, Referral
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.models.conflict_model import conflict_model
from vielfalt_desktop.ui.models.contact_model import contact_model
from vielfalt_desktop.ui.models.event_model import event_model
from vielfalt_desktop.ui.models.paged_model import PagedRecordModel
from vielfalt_desktop.ui.models.partner_model import partner_model
from vielfalt_desktop.ui.models.partner_names import PartnerNames
from vielfalt_desktop.ui.models.referral_model import referral_model

TODAY = dt.date(2026, 11, 24)
DISTRICTS = ("kannenstieg", "neustaedter_see", "neue_neustadt", "leipziger_strasse", "altstadt")
TOPICS = ("arbeit", "wohnen", "schule", "kita")


def _contacts(ctx: UiContext, n: int) -> None:
    ctx.records.create_many(
        [
            Contact(
                date=TODAY - dt.timedelta(days=i % 300),
                district=DISTRICTS[i % len(DISTRICTS)],
                target_group="drittstaat",
                topics=(TOPICS[i % len(TOPICS)],),
                duration_min=10 + i % 50,
                note=f"Notiz {i}",
            )
            for i in range(n)
        ]
    )


def _tester(model: PagedRecordModel) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


@pytest.fixture
def filled(ctx: UiContext, partner: Partner) -> UiContext:
    _contacts(ctx, 450)
    referral = ctx.records.create(Referral(partner_id=partner.id, topic="arbeit", date=TODAY))
    ctx.records.set_referral_status(referral.id, "vermittelt")
    ctx.records.create(
        Conflict(opened=TODAY, district="kannenstieg", categories=("laerm", "muell"))
    )
    ctx.records.create(
        Event(date=TODAY, title="Sprachcafé", district="kannenstieg", participants_total=12)
    )
    return ctx


def _all_models(ctx: UiContext) -> list[PagedRecordModel]:
    return [
        contact_model(ctx.records, ctx.labels),
        referral_model(ctx.records, ctx.labels, PartnerNames(ctx.records)),
        conflict_model(ctx.records, ctx.labels),
        event_model(ctx.records, ctx.labels),
        partner_model(ctx.records, ctx.labels),
    ]


def test_every_model_passes_the_model_tester(filled: UiContext, qtbot) -> None:
    for model in _all_models(filled):
        tester = _tester(model)
        model.set_query(Query())
        while model.canFetchMore():
            model.fetchMore()
        for column in range(model.columnCount()):
            if model.is_sortable(column):
                model.sort(column, Qt.SortOrder.AscendingOrder)
                model.fetchMore()
        model.set_query(Query(text="nichts-passt"))
        del tester


def test_pages_are_fetched_lazily(filled: UiContext) -> None:
    model = contact_model(filled.records, filled.labels)
    _tester(model)
    model.set_query(Query())
    assert model.total == 450
    assert model.rowCount() == 0
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PagedRecordModel.PAGE_SIZE
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()


def test_cells_are_labels_and_dates(filled: UiContext) -> None:
    model = contact_model(filled.records, filled.labels)
    model.set_query(Query())
    model.fetchMore()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Datum"
    assert model.data(model.index(0, 0)) == "24.11.2026"
    districts = {model.data(model.index(r, 1)) for r in range(20)}
    assert "Kannenstieg" in districts
    assert "kannenstieg" not in districts
    assert isinstance(model.data(model.index(0, 0), Qt.ItemDataRole.UserRole), Contact)


def test_sorting_runs_in_sql(filled: UiContext) -> None:
    model = contact_model(filled.records, filled.labels)
    model.set_query(Query())
    duration = next(i for i, c in enumerate(model.columns) if c.sort_field == "duration_min")
    model.sort(duration, Qt.SortOrder.AscendingOrder)
    model.fetchMore()
    first = model.record(0)
    assert first is not None
    assert first.duration_min == 10
    assert model.query.order_by == "duration_min"
    model.sort(duration, Qt.SortOrder.DescendingOrder)
    model.fetchMore()
    assert model.record(0).duration_min == 59
    topics = next(i for i, c in enumerate(model.columns) if c.title == "Themen")
    assert not model.is_sortable(topics)
    model.sort(topics)
    assert model.query.order_by == "duration_min"  # unchanged


def test_filters_keep_the_order(filled: UiContext) -> None:
    model = contact_model(filled.records, filled.labels)
    model.set_query(Query(order_by="duration_min", descending=False))
    model.set_filters(Query(districts=("altstadt",), topic="arbeit"))
    assert model.query.order_by == "duration_min"
    assert model.total == sum(
        1 for i in range(450) if DISTRICTS[i % 5] == "altstadt" and TOPICS[i % 4] == "arbeit"
    )
    model.set_filters(Query(text="Notiz 44"))
    assert model.total == 11  # 44, 440-449
    model.set_filters(dataclasses.replace(Query(), date_from=TODAY, date_to=TODAY))
    assert model.total == 2  # day 0 and day 300


def test_rows_that_vanish_stop_fetching(filled: UiContext) -> None:
    model = event_model(filled.records, filled.labels)
    model.set_query(Query())
    event = filled.records.page(Event)[0]
    filled.records.delete(Event, event.id)
    model.fetchMore()
    assert model.total == 0
    assert not model.canFetchMore()


def test_referral_model_shows_partner_name(filled: UiContext) -> None:
    model = referral_model(filled.records, filled.labels, PartnerNames(filled.records))
    model.set_query(Query())
    model.fetchMore()
    assert model.data(model.index(0, 1)) == "Migrationsberatung Magdeburg"
    assert model.data(model.index(0, 4)) == "vermittelt"
