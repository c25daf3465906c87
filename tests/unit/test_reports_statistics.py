"""Statistics against a store whose every number is known in advance.

:func:`fill_known` writes a small, fully specified data set; the expected counts below follow
from it by hand. The e2e PDF test reuses it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from tests.unit.test_reports_disclosure import attack

from vielfalt_desktop.domain.pseudonym import new_code
from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Record,
    Referral,
)
from vielfalt_desktop.reports.disclosure import suppress
from vielfalt_desktop.reports.statistics import compute_statistics
from vielfalt_desktop.reports.tables import CellKey, Period, Statistics
from vielfalt_desktop.services.app import App

PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
IN_PERIOD = dt.date(2026, 3, 10)


@pytest.fixture
def app(office_app: App) -> App:
    """Reports are the coordinator's: made on its store, which holds the partner directory."""
    return office_app


@pytest.fixture
def partner(office_partner: Partner) -> Partner:
    return office_partner


def fill_known(app: App, partner: Partner) -> dict[str, str]:
    """The known data set; returns the ids of a few records (for slips and filters)."""
    verein = app.records.create(
        Partner(
            name="Nachbarschaftsverein „Kannenstieg gemeinsam“ e.V.",
            partner_kind="verein",
            address="Pablo-Neruda-Straße 11, 39126 Magdeburg",
            opening_hours="Di und Do 14–18 Uhr",
            contact_channel="0391 000-2222",
            languages=("de", "sq", "tr"),
        )
    )
    codes = [new_code() for _ in range(4)]
    records: list[Record] = []

    def contacts(n: int, **fields: object) -> list[Contact]:
        made = [Contact(date=IN_PERIOD, duration_min=30, **fields) for _ in range(n)]  # type: ignore[arg-type]
        records.extend(made)
        return made

    syrian = contacts(
        12,
        target_group="drittstaat",
        citizenship="SY",
        gender="weiblich",
        age_band="27_44",
        district="kannenstieg",
        setting="aufsuchend",
        interpreter="sprachmittler",
        topics=("wohnen", "arbeit"),
        interests=("sprachcafe",),
    )
    for index, contact in enumerate(syrian):
        contact.pseudonym = codes[index % 3]
    contacts(
        8,
        target_group="unionsbuerger",
        citizenship="PL",
        gender="maennlich",
        age_band="18_26",
        district="leipziger_strasse",
        setting="projektbuero",
        interpreter="keine",
        topics=("arbeit",),
    )
    for contact in contacts(
        6,
        target_group="anwohner_ohne_mh",
        citizenship="DE",
        gender="weiblich",
        age_band="45_64",
        district="altstadt",
        setting="telefon_online",
        interpreter="keine",
        topics=("nachbarschaft",),
        interests=("nachbarschaftsfest",),
    ):
        contact.pseudonym = codes[3]
    contacts(
        2,
        target_group="drittstaat",
        citizenship=None,
        gender="divers",
        age_band="u18",
        district="kannenstieg",
        setting="aufsuchend",
        interpreter="brueckenbauer",
        topics=("schule",),
    )
    contacts(
        5,
        target_group="drittstaat",
        citizenship="XS",  # stateless: a third-country national
        gender="maennlich",
        age_band="27_44",
        district="neue_neustadt",
        setting="aufsuchend",
        interpreter="keine",
        topics=("aufenthalt", "wohnen"),
        interests=("deutschkurs", "sprachcafe"),
    )
    # Outside the period, and deleted: neither counts.
    outside = Contact(
        date=dt.date(2025, 12, 31),
        target_group="drittstaat",
        district="kannenstieg",
        topics=("wohnen",),
    )
    deleted = Contact(
        date=IN_PERIOD, target_group="drittstaat", district="kannenstieg", topics=("wohnen",)
    )
    records += [outside, deleted]

    def referrals(n: int, to: Partner, status: str, topic: str) -> None:
        for i in range(n):
            records.append(
                Referral(
                    contact_id=syrian[i % len(syrian)].id or None,
                    partner_id=to.id,
                    topic=topic,
                    date=IN_PERIOD,
                    status=status,
                )
            )

    # ids are assigned by create_many; give the contacts theirs first
    app.records.create_many(records)
    records.clear()
    referrals(6, partner, "abgeschlossen", "wohnen")
    referrals(5, partner, "angenommen", "arbeit")
    referrals(5, verein, "abgelehnt", "wohnen")
    referrals(5, verein, "vermittelt", "aufenthalt")

    settled = []
    for days in (10, 20, 30, 40, 50):
        opened = dt.date(2026, 2, 1)
        settled.append(
            Conflict(
                opened=opened,
                district="kannenstieg",
                place_type="hausflur",
                categories=("laerm", "muell"),
                escalation="glasl_2",
                status="beigelegt",
                outcome="Hausregeln gemeinsam vereinbart.",
                closed=opened + dt.timedelta(days=days),
            )
        )
    open_cases = [
        Conflict(
            opened=dt.date(2026, 3, 1),
            district="leipziger_strasse",
            place_type="innenhof",
            categories=("laerm",),
            escalation="glasl_3",
            status="in_klaerung",
        )
        for _ in range(5)
    ]
    records += settled + open_cases
    app.records.create_many(records)
    records.clear()
    for _ in range(6):
        records.append(
            Intervention(
                conflict_id=settled[0].id,
                date=dt.date(2026, 2, 5),
                intervention_kind="einzelgespraech",
                participants=2,
                bridge_builder=True,
            )
        )
    records[0] = replace(records[0], bridge_builder=False)  # type: ignore[type-var]
    for _ in range(5):
        records.append(
            Intervention(
                conflict_id=settled[0].id,
                date=dt.date(2026, 2, 6),
                intervention_kind="vermittlungsgespraech",
                participants=4,
            )
        )
    for day in range(5):
        records.append(
            Event(
                date=dt.date(2026, 4, 1 + day),
                title="Sprachcafé im Stadtteiltreff",
                event_kind="sprachcafe",
                district="kannenstieg",
                participants_total=20,
                participants_third_country=10,
                participants_women=12,
                participants_men=8,
                participants_children=2,
                interests=("deutschkurs", "sprachcafe"),
            )
        )
    app.records.create_many(records)
    app.records.delete(Contact, deleted.id)
    return {"partner": partner.id, "verein": verein.id, "contact": syrian[0].id}


def stats_of(app: App, period: Period = PERIOD, districts: tuple[str, ...] = ()) -> Statistics:
    with app.store.read() as conn:
        return compute_statistics(conn, app.vocab, period, districts)


def v(stats: Statistics, measure: str, **conditions: str) -> int:
    return stats.values[CellKey.of(measure, **conditions)]


@pytest.fixture
def known(app: App, partner: Partner) -> dict[str, str]:
    return fill_known(app, partner)


def test_contacts_and_persons(app: App, known: dict[str, str]) -> None:
    s = stats_of(app)
    assert v(s, "kontakte") == 33
    assert v(s, "personen") == 4
    assert v(s, "kontakte", zielgruppe="drittstaat") == 19
    assert v(s, "personen", zielgruppe="drittstaat") == 3
    assert v(s, "kontakte", zielgruppe="unionsbuerger") == 8
    assert v(s, "personen", zielgruppe="unionsbuerger") == 0
    assert v(s, "kontakte", geschlecht="weiblich") == 18
    assert v(s, "kontakte", geschlecht="divers") == 2
    assert v(s, "kontakte", geschlecht="keine_angabe") == 0
    assert v(s, "kontakte", alter="u18") == 2
    assert v(s, "kontakte", setting="aufsuchend") == 19
    assert v(s, "kontakte", sprachmittlung="keine") == 19
    assert v(s, "kontakte", sprachmittlung="_mit") == 14
    assert v(s, "kontakte", monat="2026-03") == 33
    assert v(s, "kontakte", monat="2026-01") == 0


def test_third_country_status_is_derived_from_citizenship(app: App, known: dict[str, str]) -> None:
    s = stats_of(app)
    assert v(s, "kontakte", drittstaat="drittstaat") == 17  # 12 Syrian + 5 stateless
    assert v(s, "kontakte", drittstaat="eu") == 8
    assert v(s, "kontakte", drittstaat="deutschland") == 6
    assert v(s, "kontakte", drittstaat="unbekannt") == 2  # no citizenship recorded


def test_districts_and_areas(app: App, known: dict[str, str]) -> None:
    s = stats_of(app)
    assert v(s, "kontakte", stadtteil="kannenstieg") == 14
    assert v(s, "kontakte", gebiet="nord") == 19
    assert v(s, "kontakte", gebiet="sued") == 8
    assert v(s, "kontakte", gebiet="mitte") == 6
    assert v(s, "kontakte", gebiet="nord", drittstaat="drittstaat") == 17
    assert v(s, "kontakte", gebiet="nord", drittstaat="unbekannt") == 2


def test_multi_valued_fields_count_each_record_once_per_code(
    app: App, known: dict[str, str]
) -> None:
    s = stats_of(app)
    assert v(s, "kontakte", thema="wohnen") == 17
    assert v(s, "kontakte", thema="arbeit") == 20
    assert v(s, "personen", thema="arbeit") == 3
    assert v(s, "kontakte", thema="schule") == 2
    assert v(s, "kontakte", interesse="sprachcafe") == 17
    assert v(s, "veranstaltungen", interesse="sprachcafe") == 5
    assert v(s, "kontakte", interesse="nachbarschaftsfest") == 6
    assert v(s, "veranstaltungen", interesse="nachbarschaftsfest") == 0
    table = s.table("kontakte_thema")
    assert table.multiple
    # Multiple answers publish no sum: no equation has a topic cell in it.
    topic_cells = {k for k in table.cell_keys() if k.conditions}
    assert not any(set(eq.cells) & topic_cells for eq in s.equations)


def test_referrals(app: App, known: dict[str, str]) -> None:
    s = stats_of(app)
    assert v(s, "verweise") == 21
    assert v(s, "verweise", status="abgeschlossen") == 6
    assert v(s, "verweise", status="nicht_wahrgenommen") == 0
    assert v(s, "verweise", ergebnis="entschieden") == 16
    assert v(s, "verweise", ergebnis="angenommen") == 11
    assert v(s, "verweise", partnerart="beratungsstelle") == 11
    assert v(s, "verweise", partnerart="verein") == 10
    assert v(s, "verweise", thema="wohnen") == 11


def test_conflicts_and_interventions(app: App, known: dict[str, str]) -> None:
    s = stats_of(app)
    assert v(s, "konflikte") == 10
    assert v(s, "konflikte", status="beigelegt") == 5
    assert v(s, "konflikte", thema="laerm") == 10
    assert v(s, "konflikte", thema="muell") == 5
    assert v(s, "konflikte", ort="hausflur") == 5
    assert v(s, "konflikte", eskalation="glasl_3") == 5
    assert v(s, "konflikte", gebiet="nord") == 5
    median = s.medians["tage_bis_beilegung"]
    assert (median.value, median.n) == (30.0, 5)
    assert v(s, "interventionen") == 11
    assert v(s, "interventionen", art="einzelgespraech") == 6
    assert v(s, "interventionen_tn") == 32
    assert v(s, "interventionen_bb") == 5


def test_events(app: App, known: dict[str, str]) -> None:
    s = stats_of(app)
    assert v(s, "veranstaltungen") == 5
    assert v(s, "teilnehmende") == 100
    assert v(s, "tn_drittstaat", art="sprachcafe") == 50
    assert v(s, "tn_frauen") == 60
    assert v(s, "tn_divers") == 0
    assert v(s, "tn_kinder") == 10


def test_period_bounds_are_inclusive(app: App, known: dict[str, str]) -> None:
    assert v(stats_of(app, Period(IN_PERIOD, IN_PERIOD)), "kontakte") == 33
    day_after = IN_PERIOD + dt.timedelta(days=1)
    assert v(stats_of(app, Period(day_after, PERIOD.end)), "kontakte") == 0
    assert v(stats_of(app, Period(dt.date(2025, 12, 31), IN_PERIOD)), "kontakte") == 34


def test_district_filter(app: App, known: dict[str, str]) -> None:
    s = stats_of(app, districts=("kannenstieg",))
    assert v(s, "kontakte") == 14
    assert v(s, "konflikte") == 5
    assert v(s, "interventionen") == 11  # all belong to a Kannenstieg conflict
    assert v(s, "veranstaltungen") == 5
    assert v(s, "verweise") == 21  # all made for Kannenstieg contacts
    assert v(stats_of(app, districts=("altstadt",)), "verweise") == 0


def test_every_table_adds_up(app: App, known: dict[str, str]) -> None:
    s = stats_of(app)
    for equation in s.equations:
        if equation.total.measure == "personen":
            continue  # a person may appear in several rows
        assert s.values[equation.total] == sum(s.values[p] for p in equation.parts), equation


def test_small_counts_of_the_real_report_cannot_be_recomputed(
    app: App, known: dict[str, str]
) -> None:
    s = stats_of(app)
    protection = suppress(s.values, s.equations, 4)
    for key, value in s.values.items():
        assert (key in protection.primary) == (1 <= value <= 4)
    claims = attack(dict(s.values), list(s.equations), set(protection.cells))
    # Person counts are not additive, so an attacker's sums about them are not exact.
    recovered = {k: c for k, c in claims.items() if c == s.values[k] and k.measure != "personen"}
    assert not recovered


def test_empty_store_gives_zeros(app: App) -> None:
    s = stats_of(app)
    assert v(s, "kontakte") == 0
    assert s.medians["tage_bis_beilegung"].value is None
    assert all(value == 0 for value in s.values.values())


def test_report_tables_leave_no_temporary_tables_behind(app: App, known: dict[str, str]) -> None:
    with app.store.read() as conn:
        compute_statistics(conn, app.vocab, PERIOD)
        left = conn.exec_driver_sql("SELECT name FROM sqlite_temp_master").all()
    assert left == []
