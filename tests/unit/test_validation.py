"""Domain rules: validation.problems(record, vocab, today) → {field: German message}."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from vielfalt_desktop.domain.records import (
    Conflict,
    Contact,
    Event,
    Intervention,
    Partner,
    Record,
    Referral,
    ReferralStatusChange,
)
from vielfalt_desktop.domain.validation import problems
from vielfalt_desktop.domain.vocab import Vocabularies, default_vocabularies

TODAY = dt.date(2026, 11, 24)
PARTNER_ID = "6f1c2a7e-3a52-4d0b-9a51-2b7c0e1d4f10"
CONFLICT_ID = "0b8e5d2c-6d33-4c9f-8e0e-7a9d5c1b2e33"
REFERRAL_ID = "9a7d3e11-0c4b-4f5e-b1d2-8e6f4a3c2b01"
VALID_CODE = "K-7QX2-M4AJ"

# A German message: contains at least one of these German words.
GERMAN = re.compile(
    r"\b(Bitte|nicht|kein|ist|muss|braucht|darf|liegt|Mehr|mehr|ergeben|gehört|passt|"
    r"zwischen|mindestens|angeben)\b"
)
ENGLISH = re.compile(r"\b(must|invalid|required|should|cannot|please)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def vocab() -> Vocabularies:
    return default_vocabularies()


# --- valid examples of every kind ---------------------------------------------------------


def contact(**changes: Any) -> Contact:
    return replace(
        Contact(
            date=dt.date(2026, 11, 20),
            duration_min=45,
            setting="aufsuchend",
            district="leipziger_strasse",
            sub_area="schilfbreite",
            pseudonym=VALID_CODE,
            target_group="drittstaat",
            citizenship="SY",
            age_band="27_44",
            gender="weiblich",
            languages=("ar", "de"),
            interpreter="sprachmittler",
            topics=("wohnen", "kita"),
            interests=("sprachcafe",),
            follow_up=dt.date(2026, 12, 3),
            note="Fragen zum Kita-Platz, Termin beim Jobcenter vorbereitet.",
        ),
        **changes,
    )


def partner(**changes: Any) -> Partner:
    return replace(
        Partner(
            name="Migrationsberatung Magdeburg",
            partner_kind="beratungsstelle",
            districts=("kannenstieg", "neustaedter_see"),
            topics=("aufenthalt", "arbeit"),
            offers=("migrationsberatung", "verweisberatung"),
            offer_text="Beratung zu Aufenthalt und Arbeit",
            seeks=("sprachmittlung",),
            languages=("de", "ar", "fa"),
            address="Breiter Weg 1, 39104 Magdeburg",
            contact_channel="Telefon 0391 000000",
            opening_hours="Di und Do 9–12 Uhr",
        ),
        **changes,
    )


def referral(**changes: Any) -> Referral:
    return replace(
        Referral(
            partner_id=PARTNER_ID,
            topic="arbeit",
            date=dt.date(2026, 11, 18),
            referral_kind="begleitet",
            status="vermittelt",
            follow_up=dt.date(2026, 12, 10),
        ),
        **changes,
    )


def status_change(**changes: Any) -> ReferralStatusChange:
    return replace(
        ReferralStatusChange(
            referral_id=REFERRAL_ID, status="angenommen", date=dt.date(2026, 11, 21)
        ),
        **changes,
    )


def conflict(**changes: Any) -> Conflict:
    return replace(
        Conflict(
            opened=dt.date(2026, 9, 2),
            district="kannenstieg",
            place_type="innenhof",
            categories=("laerm", "muell"),
            households=4,
            groups=1,
            institutions=("wohnungsunternehmen", "stadtwache"),
            escalation="glasl_3",
            status="vermittlung",
        ),
        **changes,
    )


def intervention(**changes: Any) -> Intervention:
    return replace(
        Intervention(
            conflict_id=CONFLICT_ID,
            date=dt.date(2026, 9, 10),
            intervention_kind="hausversammlung",
            participants=12,
            bridge_builder=True,
            result="Hausordnung mehrsprachig ausgehängt",
            next_step="Nachgespräch",
            next_step_date=dt.date(2026, 10, 1),
        ),
        **changes,
    )


def event(**changes: Any) -> Event:
    return replace(
        Event(
            date=dt.date(2026, 8, 29),
            title="Begegnungsfest Neustädter See",
            event_kind="begegnungsfest",
            district="neustaedter_see",
            participants_total=120,
            participants_third_country=45,
            participants_women=60,
            participants_men=50,
            participants_divers=2,
            participants_children=30,
            interests=("sprachcafe", "sport"),
        ),
        **changes,
    )


FACTORIES: dict[str, Callable[..., Record]] = {
    "contact": contact,
    "partner": partner,
    "referral": referral,
    "referral_status": status_change,
    "conflict": conflict,
    "intervention": intervention,
    "event": event,
}


def assert_problem(found: dict[str, str], field: str, *fragments: str) -> None:
    """`field` is refused with a non-empty German message that contains `fragments`."""
    assert field in found, found
    message = found[field]
    assert message.strip(), found
    assert GERMAN.search(message), message
    assert not ENGLISH.search(message), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def assert_only(found: dict[str, str], field: str, *fragments: str) -> None:
    assert_problem(found, field, *fragments)
    assert set(found) == {field}, found


@pytest.mark.parametrize("kind", sorted(FACTORIES))
def test_valid_example_of_each_kind_has_no_problems(kind: str, vocab: Vocabularies) -> None:
    assert problems(FACTORIES[kind](), vocab, TODAY) == {}


def test_minimal_contact_with_defaults_is_valid(vocab: Vocabularies) -> None:
    minimal = Contact(
        date=TODAY, district="kannenstieg", target_group="drittstaat", topics=("wohnen",)
    )
    assert problems(minimal, vocab, TODAY) == {}


# --- dates ----------------------------------------------------------------------------------

DATE_FIELDS = [
    ("contact", "date"),
    ("referral", "date"),
    ("referral_status", "date"),
    ("conflict", "opened"),
    ("intervention", "date"),
    ("event", "date"),
]


@pytest.mark.parametrize(("kind", "field"), DATE_FIELDS)
def test_dates_in_the_future_are_refused(kind: str, field: str, vocab: Vocabularies) -> None:
    make = FACTORIES[kind]
    tomorrow = TODAY + dt.timedelta(days=1)
    extra: dict[str, Any] = {}
    if kind in ("contact", "referral"):
        extra["follow_up"] = None
    if kind == "intervention":
        extra["next_step_date"] = None
    found = problems(make(**{field: tomorrow}, **extra), vocab, TODAY)
    assert_only(found, field, "Zukunft")
    assert problems(make(**{field: TODAY}, **extra), vocab, TODAY) == {}


@pytest.mark.parametrize(("kind", "field"), DATE_FIELDS)
def test_dates_before_2020_are_refused(kind: str, field: str, vocab: Vocabularies) -> None:
    make = FACTORIES[kind]
    found = problems(make(**{field: dt.date(2019, 12, 31)}), vocab, TODAY)
    assert_only(found, field, "Projektbeginn", "2020")
    first_day = dt.date(2020, 1, 1)
    extra: dict[str, Any] = {"closed": None, "status": "gemeldet"} if kind == "conflict" else {}
    assert problems(make(**{field: first_day}, **extra), vocab, TODAY) == {}


@pytest.mark.parametrize(
    ("kind", "field"),
    [("contact", "follow_up"), ("referral", "follow_up"), ("intervention", "next_step_date")],
)
def test_follow_ups_may_lie_in_the_future(kind: str, field: str, vocab: Vocabularies) -> None:
    far = TODAY + dt.timedelta(days=180)
    assert problems(FACTORIES[kind](**{field: far}), vocab, TODAY) == {}


@pytest.mark.parametrize(
    ("kind", "field", "start"),
    [
        ("contact", "follow_up", "date"),
        ("referral", "follow_up", "date"),
        ("intervention", "next_step_date", "date"),
    ],
)
def test_follow_up_before_its_date_is_refused(
    kind: str, field: str, start: str, vocab: Vocabularies
) -> None:
    make = FACTORIES[kind]
    record = make()
    day_before = getattr(record, start) - dt.timedelta(days=1)
    found = problems(make(**{field: day_before}), vocab, TODAY)
    assert_only(found, field, "nicht vor")
    # The same day is fine.
    assert problems(make(**{field: getattr(record, start)}), vocab, TODAY) == {}


def test_missing_follow_up_is_fine(vocab: Vocabularies) -> None:
    assert problems(contact(follow_up=None), vocab, TODAY) == {}
    assert problems(referral(follow_up=None), vocab, TODAY) == {}
    assert problems(intervention(next_step_date=None), vocab, TODAY) == {}


# --- contact rules --------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "ok"), [(0, False), (1, True), (600, True), (601, False)])
def test_contact_duration_bounds(minutes: int, ok: bool, vocab: Vocabularies) -> None:
    found = problems(contact(duration_min=minutes), vocab, TODAY)
    if ok:
        assert found == {}
    else:
        assert_only(found, "duration_min", "Minuten")


def test_negative_duration_is_refused(vocab: Vocabularies) -> None:
    assert_only(problems(contact(duration_min=-30), vocab, TODAY), "duration_min", "Dauer")


@pytest.mark.parametrize(
    "code",
    [
        "K-7QX2-M4A2",  # wrong check character
        "K-7QX3-M4AJ",  # typo in the payload
        "K-7QX2",  # too short
        "7QX2MZ",  # prefix missing
        "Herr Müller",  # not a code at all
    ],
)
def test_invalid_pseudonym_is_refused(code: str, vocab: Vocabularies) -> None:
    found = problems(contact(pseudonym=code), vocab, TODAY)
    assert_only(found, "pseudonym", "Pseudonym", "ungültig")


@pytest.mark.parametrize("code", [None, "", "k7qx2m4aj", "K 7QX2 M4AJ"])
def test_missing_or_sloppily_typed_valid_pseudonym_is_accepted(
    code: str | None, vocab: Vocabularies
) -> None:
    assert problems(contact(pseudonym=code), vocab, TODAY) == {}


def test_contact_needs_at_least_one_topic(vocab: Vocabularies) -> None:
    assert_only(problems(contact(topics=()), vocab, TODAY), "topics", "mindestens ein Thema")


def test_contact_citizenship_is_optional(vocab: Vocabularies) -> None:
    assert problems(contact(citizenship=None), vocab, TODAY) == {}
    assert problems(contact(citizenship=""), vocab, TODAY) == {}


@pytest.mark.parametrize("field", ["district", "target_group", "setting", "gender"])
def test_contact_required_codes(field: str, vocab: Vocabularies) -> None:
    extra = {"sub_area": None} if field == "district" else {}
    found = problems(contact(**{field: ""}, **extra), vocab, TODAY)
    assert_only(found, field, "Bitte", "angeben")


# --- sub-areas ------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [contact, conflict], ids=["contact", "conflict"])
def test_sub_area_must_belong_to_the_district(
    make: Callable[..., Record], vocab: Vocabularies
) -> None:
    ok = make(district="leipziger_strasse", sub_area="schilfbreite")
    assert problems(ok, vocab, TODAY) == {}
    wrong = make(district="kannenstieg", sub_area="schilfbreite")
    assert_only(problems(wrong, vocab, TODAY), "sub_area", "schilfbreite", "Teilgebiet")
    unknown = make(district="leipziger_strasse", sub_area="atlantis")
    assert_only(problems(unknown, vocab, TODAY), "sub_area", "atlantis")
    # A district without sub-areas takes none.
    none_there = make(district="neustaedter_see", sub_area="danziger_dorf")
    assert_only(problems(none_there, vocab, TODAY), "sub_area")
    # Its own sub-area is fine; no sub-area is fine.
    assert problems(make(district="kannenstieg", sub_area="danziger_dorf"), vocab, TODAY) == {}
    assert problems(make(district="kannenstieg", sub_area=None), vocab, TODAY) == {}


# --- unknown codes --------------------------------------------------------------------------

# (kind, field, is a list): every code field of every kind, written down independently of
# validation.CODE_FIELDS so that a field dropped from that table is noticed.
CODE_FIELD_CASES = [
    ("contact", "setting", False),
    ("contact", "district", False),
    ("contact", "target_group", False),
    ("contact", "citizenship", False),
    ("contact", "age_band", False),
    ("contact", "gender", False),
    ("contact", "languages", True),
    ("contact", "interpreter", False),
    ("contact", "topics", True),
    ("contact", "interests", True),
    ("partner", "partner_kind", False),
    ("partner", "districts", True),
    ("partner", "topics", True),
    ("partner", "offers", True),
    ("partner", "seeks", True),
    ("partner", "languages", True),
    ("referral", "topic", False),
    ("referral", "referral_kind", False),
    ("referral", "status", False),
    ("referral_status", "status", False),
    ("conflict", "district", False),
    ("conflict", "place_type", False),
    ("conflict", "categories", True),
    ("conflict", "institutions", True),
    ("conflict", "escalation", False),
    ("conflict", "status", False),
    ("intervention", "intervention_kind", False),
    ("event", "event_kind", False),
    ("event", "district", False),
    ("event", "interests", True),
]


@pytest.mark.parametrize(
    ("kind", "field", "is_list"), CODE_FIELD_CASES, ids=[f"{k}.{f}" for k, f, _ in CODE_FIELD_CASES]
)
def test_unknown_codes_are_refused_per_field(
    kind: str, field: str, is_list: bool, vocab: Vocabularies
) -> None:
    make = FACTORIES[kind]
    bogus = "XX" if field == "citizenship" else "gibt_es_nicht"
    extra: dict[str, Any] = {}
    if field == "district" and kind in ("contact", "conflict"):
        extra["sub_area"] = None
    if is_list:
        # One good code next to the bad one does not save it.
        good = getattr(make(), field)
        value: Any = (*good, bogus) if good else (bogus,)
    else:
        value = bogus
    found = problems(make(**{field: value}, **extra), vocab, TODAY)
    assert_only(found, field, f"„{bogus}“", "kein gültiger Wert")


def test_codes_are_case_sensitive(vocab: Vocabularies) -> None:
    assert_only(problems(contact(topics=("Wohnen",)), vocab, TODAY), "topics", "Wohnen")
    found = problems(contact(district="Kannenstieg", sub_area=None), vocab, TODAY)
    assert_only(found, "district", "Kannenstieg")


# --- referral -------------------------------------------------------------------------------


def test_referral_needs_a_partner(vocab: Vocabularies) -> None:
    assert_only(problems(referral(partner_id=""), vocab, TODAY), "partner_id", "Partner")


def test_referral_without_contact_is_allowed(vocab: Vocabularies) -> None:
    assert problems(referral(contact_id=None), vocab, TODAY) == {}


def test_referral_needs_a_topic(vocab: Vocabularies) -> None:
    assert_only(problems(referral(topic=""), vocab, TODAY), "topic", "Thema")


def test_status_change_belongs_to_a_referral(vocab: Vocabularies) -> None:
    assert_only(problems(status_change(referral_id=""), vocab, TODAY), "referral_id", "Verweis")
    assert_only(problems(status_change(status=""), vocab, TODAY), "status", "Status")


# --- conflict -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["beigelegt", "weitergeleitet"])
def test_closed_conflict_needs_outcome_and_closed_date(status: str, vocab: Vocabularies) -> None:
    found = problems(conflict(status=status, outcome="", closed=None), vocab, TODAY)
    assert_problem(found, "outcome", "Ergebnis")
    assert_problem(found, "closed", "Abschlussdatum")
    assert set(found) == {"outcome", "closed"}

    no_date = problems(conflict(status=status, outcome="Einigung", closed=None), vocab, TODAY)
    assert_only(no_date, "closed", "Abschlussdatum")

    blank = conflict(status=status, outcome="   ", closed=dt.date(2026, 11, 3))
    assert_only(problems(blank, vocab, TODAY), "outcome", "Ergebnis")

    done = conflict(status=status, outcome="Ruhezeiten vereinbart", closed=dt.date(2026, 11, 3))
    assert problems(done, vocab, TODAY) == {}


@pytest.mark.parametrize("status", ["gemeldet", "in_klaerung", "vermittlung", "ruhend"])
def test_closed_date_only_with_a_closed_status(status: str, vocab: Vocabularies) -> None:
    found = problems(conflict(status=status, closed=dt.date(2026, 11, 3)), vocab, TODAY)
    assert_only(found, "closed", "beigelegt", "weitergeleitet")


def test_open_conflict_needs_no_outcome(vocab: Vocabularies) -> None:
    assert problems(conflict(status="in_klaerung", outcome="", closed=None), vocab, TODAY) == {}


def test_closed_date_not_before_opened(vocab: Vocabularies) -> None:
    early = conflict(
        status="beigelegt",
        outcome="Einigung",
        opened=dt.date(2026, 9, 2),
        closed=dt.date(2026, 9, 1),
    )
    assert_only(problems(early, vocab, TODAY), "closed", "nicht vor", "Eröffnet am")
    same_day = replace(early, closed=dt.date(2026, 9, 2))
    assert problems(same_day, vocab, TODAY) == {}


def test_closed_date_not_in_the_future(vocab: Vocabularies) -> None:
    future = conflict(status="beigelegt", outcome="Einigung", closed=TODAY + dt.timedelta(1))
    assert_only(problems(future, vocab, TODAY), "closed", "Zukunft")


def test_conflict_needs_a_category(vocab: Vocabularies) -> None:
    assert_only(problems(conflict(categories=()), vocab, TODAY), "categories", "Konfliktthema")


@pytest.mark.parametrize(
    ("field", "value", "ok"),
    [
        ("households", -1, False),
        ("households", 0, True),
        ("households", 500, True),
        ("households", 501, False),
        ("groups", -1, False),
        ("groups", 100, True),
        ("groups", 101, False),
    ],
)
def test_conflict_party_counts(field: str, value: int, ok: bool, vocab: Vocabularies) -> None:
    found = problems(conflict(**{field: value}), vocab, TODAY)
    if ok:
        assert found == {}
    else:
        assert_only(found, field)


# --- intervention ---------------------------------------------------------------------------


def test_intervention_belongs_to_a_conflict(vocab: Vocabularies) -> None:
    assert_only(problems(intervention(conflict_id=""), vocab, TODAY), "conflict_id", "Konflikt")


@pytest.mark.parametrize(("value", "ok"), [(-1, False), (0, True), (1000, True), (1001, False)])
def test_intervention_participants(value: int, ok: bool, vocab: Vocabularies) -> None:
    found = problems(intervention(participants=value), vocab, TODAY)
    if ok:
        assert found == {}
    else:
        assert_only(found, "participants", "Teilnehmende")


# --- event ----------------------------------------------------------------------------------


def test_event_third_country_not_above_total(vocab: Vocabularies) -> None:
    found = problems(event(participants_third_country=121), vocab, TODAY)
    assert_only(found, "participants_third_country", "Drittstaatsangehörige")
    assert problems(event(participants_third_country=120), vocab, TODAY) == {}


def test_event_gender_split_not_above_total(vocab: Vocabularies) -> None:
    # 60 + 50 + 2 = 112 of 120: raising the men by 9 gives 121.
    found = problems(event(participants_men=59), vocab, TODAY)
    assert_only(found, "participants_women", "Gesamtzahl")
    assert problems(event(participants_men=58), vocab, TODAY) == {}
    found = problems(event(participants_divers=11), vocab, TODAY)
    assert_only(found, "participants_women")


def test_event_children_not_above_total(vocab: Vocabularies) -> None:
    found = problems(event(participants_children=121), vocab, TODAY)
    assert_only(found, "participants_children", "Kinder")


@pytest.mark.parametrize(
    "field",
    [
        "participants_total",
        "participants_third_country",
        "participants_women",
        "participants_men",
        "participants_divers",
        "participants_children",
    ],
)
def test_event_counts_not_negative(field: str, vocab: Vocabularies) -> None:
    found = problems(event(**{field: -1}), vocab, TODAY)
    assert_problem(found, field, "negativ")


def test_event_needs_a_title(vocab: Vocabularies) -> None:
    assert_only(problems(event(title=" "), vocab, TODAY), "title", "Titel")


def test_empty_event_is_plausible(vocab: Vocabularies) -> None:
    zero = event(
        participants_total=0,
        participants_third_country=0,
        participants_women=0,
        participants_men=0,
        participants_divers=0,
        participants_children=0,
    )
    assert problems(zero, vocab, TODAY) == {}


# --- partner --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_partner_name_is_required(name: str, vocab: Vocabularies) -> None:
    assert_only(problems(partner(name=name), vocab, TODAY), "name", "Namen")


def test_partner_name_length(vocab: Vocabularies) -> None:
    assert problems(partner(name="V" * 200), vocab, TODAY) == {}
    assert_only(problems(partner(name="V" * 201), vocab, TODAY), "name", "200")


def test_minimal_partner_is_valid(vocab: Vocabularies) -> None:
    assert problems(Partner(name="Bürgerhaus Kannenstieg"), vocab, TODAY) == {}


def test_today_decides_what_is_future(vocab: Vocabularies) -> None:
    record = contact(date=dt.date(2026, 11, 25), follow_up=None)
    assert "date" in problems(record, vocab, TODAY)
    assert problems(record, vocab, dt.date(2026, 11, 25)) == {}
