"""The filter bar builds a Query; the lists filter in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt

from vielfalt_desktop.domain.query import Query
from vielfalt_desktop.domain.records import Conflict, Contact, Partner
from vielfalt_desktop.ui.context import UiContext
from vielfalt_desktop.ui.screens.conflicts_screen import ConflictsScreen
from vielfalt_desktop.ui.screens.contacts_screen import ContactsScreen
from vielfalt_desktop.ui.screens.network_screen import NetworkScreen
from vielfalt_desktop.ui.widgets.filter_bar import FilterBar, period_range

TODAY = dt.date(2026, 11, 24)


def test_period_ranges() -> None:
    assert period_range("all", TODAY) == (None, None)
    assert period_range("today", TODAY) == (TODAY, TODAY)
    assert period_range("month", TODAY) == (dt.date(2026, 11, 1), None)
    assert period_range("last_month", TODAY) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert period_range("last_year", TODAY) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert period_range("week", TODAY)[0] == dt.date(2026, 11, 18)


def test_filter_bar_builds_the_query(ctx: UiContext, qtbot) -> None:
    bar = FilterBar(ctx, topic_vocab="topic", status_vocab="referral_status")
    qtbot.addWidget(bar)
    assert bar.query() == Query()
    assert not bar.is_filtered()
    bar.period.setCurrentIndex(bar.period.findData("custom"))
    bar.date_from.set_value(dt.date(2026, 1, 1))
    bar.date_to.set_value(dt.date(2026, 6, 30))
    bar.district.setCurrentIndex(bar.district.findData("group:nord"))
    bar.topic.set_code("wohnen")
    bar.status.set_code("vermittelt")
    bar.text.setText("  Kita ")
    query = bar.query()
    assert query.date_from == dt.date(2026, 1, 1)
    assert query.date_to == dt.date(2026, 6, 30)
    assert set(query.districts) == {"kannenstieg", "neustaedter_see", "neue_neustadt"}
    assert query.topic == "wohnen"
    assert query.status == "vermittelt"
    assert query.text == "Kita"
    state = bar.state()
    with qtbot.waitSignal(bar.changed):
        bar.reset()
    assert bar.query() == Query()
    bar.restore(state)
    assert bar.query() == query


def test_text_filter_is_debounced(ctx: UiContext, qtbot) -> None:
    bar = FilterBar(ctx)
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.changed, timeout=2000):
        bar.text.setText("abc")


def test_contacts_screen_filters(ctx: UiContext, qtbot) -> None:
    def add(day: dt.date, district: str, topic: str, note: str = "") -> None:
        ctx.records.create(
            Contact(
                date=day, district=district, target_group="drittstaat", topics=(topic,), note=note
            )
        )

    add(TODAY, "kannenstieg", "wohnen", "Wohnungssuche")
    add(TODAY - dt.timedelta(days=40), "kannenstieg", "arbeit")
    add(TODAY, "altstadt", "arbeit", "Bewerbung")
    screen = ContactsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    assert screen.model.total == 3
    bar = screen.filters
    bar.district.setCurrentIndex(bar.district.findData("kannenstieg"))
    assert screen.model.total == 2
    bar.topic.set_code("arbeit")
    assert screen.model.total == 1
    bar.period.setCurrentIndex(bar.period.findData("month"))
    assert screen.model.total == 0
    assert screen.empty_label.text() == "Keine Kontakte für diese Filter."
    bar.reset()
    assert screen.model.total == 3
    bar.text.setText("bewerb")
    bar._now()
    assert screen.model.total == 1
    assert screen.count_label.text() == "1 Kontakt"


def test_conflicts_screen_filters_status_and_category(ctx: UiContext, qtbot) -> None:
    ctx.records.create(Conflict(opened=TODAY, district="kannenstieg", categories=("laerm",)))
    ctx.records.create(
        Conflict(
            opened=TODAY,
            district="kannenstieg",
            categories=("muell",),
            status="beigelegt",
            outcome="geklärt",
            closed=TODAY,
        )
    )
    screen = ConflictsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    assert screen.model.total == 2
    screen.filters.status.set_code("beigelegt")
    assert screen.model.total == 1
    screen.filters.status.set_code(None)
    screen.filters.topic.set_code("laerm")
    assert screen.model.total == 1
    assert screen.model.record(0).categories == ("laerm",)


def test_network_filters_by_district_and_topic(
    ctx: UiContext, partner: Partner, directory: Callable[..., list[Partner]], qtbot
) -> None:
    directory(
        Partner(
            name="Bürgerhaus Süd",
            partner_kind="verein",
            districts=("leipziger_strasse",),
            topics=("freizeit",),
        )
    )
    screen = NetworkScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    assert screen.model.total == 2
    assert screen.model.record(0).name == "Bürgerhaus Süd"  # by name, A–Z
    bar = screen.filters
    bar.district.setCurrentIndex(bar.district.findData("group:sued"))
    assert screen.model.total == 1
    bar.reset()
    bar.topic.set_code("aufenthalt")
    assert screen.model.total == 1
    assert screen.model.record(0).name == partner.name


def test_header_click_sorts_in_sql(ctx: UiContext, qtbot) -> None:
    for minutes in (45, 15, 30):
        ctx.records.create(
            Contact(
                date=TODAY,
                district="kannenstieg",
                target_group="drittstaat",
                topics=("arbeit",),
                duration_min=minutes,
            )
        )
    screen = ContactsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activated()
    column = next(i for i, c in enumerate(screen.model.columns) if c.sort_field == "duration_min")
    header = screen.view.horizontalHeader()
    # What a click does: the header flips its indicator, then announces the click.
    header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    screen._header_clicked(column)
    assert [screen.model.record(r).duration_min for r in range(3)] == [15, 30, 45]
    header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    screen._header_clicked(column)
    assert [screen.model.record(r).duration_min for r in range(3)] == [45, 30, 15]
    topics = next(i for i, c in enumerate(screen.model.columns) if c.title == "Themen")
    screen._header_clicked(topics)
    assert header.sortIndicatorSection() == column  # not sortable: indicator stays


# --- width: a laptop screen is 1366 pixels wide ---------------------------------------------

LAPTOP_WIDTH = 1280  # the window's default width, well inside a 1366-pixel screen


def test_custom_period_does_not_widen_the_window(ctx: UiContext, qtbot) -> None:
    from vielfalt_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(LAPTOP_WIDTH, 800)
    window.show()
    qtbot.waitExposed(window)
    for key in ("contacts", "referrals", "conflicts", "events"):
        screen = window.show_key(key)
        bar = screen.filters
        first_row = bar.minimumSizeHint().width()
        bar.period.setCurrentIndex(bar.period.findData("custom"))
        qtbot.waitUntil(bar.date_from.isVisible, timeout=2000)
        assert bar.date_to.isVisible()
        # The range opens a row of its own: the filter row is no wider than before.
        assert bar.minimumSizeHint().width() == first_row, key
        assert screen.minimumSizeHint().width() <= LAPTOP_WIDTH - 200, key
        assert window.minimumSizeHint().width() <= LAPTOP_WIDTH, key
    qtbot.wait(50)  # let a too-wide minimum (were there one) resize the window
    assert window.width() == LAPTOP_WIDTH
    assert screen.new_button.isVisible()
    assert screen.new_button.geometry().right() <= screen.width()
    window.close_for_lock()


def test_filter_combos_give_way_in_a_narrow_window(ctx: UiContext, qtbot) -> None:
    bar = FilterBar(ctx, topic_vocab="conflict_category", status_vocab="conflict_status")
    qtbot.addWidget(bar)
    for combo in (bar.district, bar.topic, bar.status):
        # As wide as the longest entry if there is room, but much narrower if need be.
        assert combo.minimumWidth() <= combo.sizeHint().width()
        assert combo.minimumWidth() < 130
    assert bar.district.sizeHint().width() > 200  # long district names
    natural = sum(w.sizeHint().width() for w in (bar.period, bar.district, bar.topic, bar.status))
    assert bar.minimumSizeHint().width() < natural


def test_new_vocabulary_values_reach_the_filters(office_ctx: UiContext, qtbot) -> None:
    bar = FilterBar(office_ctx, topic_vocab="topic")
    qtbot.addWidget(bar)
    bar.topic.set_code("wohnen")
    codes = [bar.topic.itemData(i) for i in range(bar.topic.count())]
    assert "energie" not in codes
    office_ctx.app.vocabulary.set_entry("topic", "energie", "Energiekosten", "Energy costs")
    with qtbot.assertNotEmitted(bar.changed):
        office_ctx.announce_vocabulary()
    codes = [bar.topic.itemData(i) for i in range(bar.topic.count())]
    assert "energie" in codes
    assert bar.topic.code() == "wohnen"  # what was chosen stays chosen
