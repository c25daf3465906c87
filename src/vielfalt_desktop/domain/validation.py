"""Domain rules. Each returns {field: German message}; empty means the record is valid."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.audit import ACTIONS
from vielfalt_desktop.domain.records import (
    AuditEntry,
    Conflict,
    Contact,
    DeletionEntry,
    Event,
    Intervention,
    Partner,
    Record,
    Referral,
    ReferralStatusChange,
    VocabEntry,
)
from vielfalt_desktop.domain.retention import RULE_LABELS
from vielfalt_desktop.domain.vocab import Vocabularies

# Which vocabulary each code field draws from. "district" and "country" are the special lists.
CODE_FIELDS: dict[str, dict[str, str]] = {
    "vocab_entry": {},
    "audit": {},
    "deletion_log": {},
    "contact": {
        "setting": "setting",
        "district": "district",
        "target_group": "target_group",
        "citizenship": "country",
        "age_band": "age_band",
        "gender": "gender",
        "languages": "language",
        "interpreter": "interpreter",
        "topics": "topic",
        "interests": "interest",
    },
    "partner": {
        "partner_kind": "partner_kind",
        "districts": "district",
        "topics": "topic",
        "offers": "offer",
        "seeks": "offer",
        "languages": "language",
    },
    "referral": {"topic": "topic", "referral_kind": "referral_kind", "status": "referral_status"},
    "referral_status": {"status": "referral_status"},
    "conflict": {
        "district": "district",
        "place_type": "place_type",
        "categories": "conflict_category",
        "institutions": "institution",
        "escalation": "escalation_stage",
        "status": "conflict_status",
    },
    "intervention": {"intervention_kind": "intervention_kind"},
    "event": {"event_kind": "event_kind", "district": "district", "interests": "interest"},
}

FIELD_LABELS = {
    "date": "Datum",
    "opened": "Eröffnet am",
    "closed": "Abgeschlossen am",
    "follow_up": "Wiedervorlage",
    "next_step_date": "Nächster Schritt am",
    "district": "Stadtteil",
    "sub_area": "Teilgebiet",
    "setting": "Setting",
    "target_group": "Zielgruppe",
    "citizenship": "Staatsangehörigkeit",
    "age_band": "Altersgruppe",
    "gender": "Geschlecht",
    "languages": "Sprachen",
    "interpreter": "Sprachmittlung",
    "topics": "Themen",
    "interests": "Interessen",
    "partner_kind": "Art der Organisation",
    "districts": "Stadtteile",
    "offers": "Angebote",
    "seeks": "Gesuche",
    "topic": "Thema",
    "referral_kind": "Art der Verweisung",
    "status": "Status",
    "place_type": "Ort",
    "categories": "Konfliktthemen",
    "institutions": "Beteiligte Institutionen",
    "escalation": "Eskalationsstufe",
    "intervention_kind": "Art der Intervention",
    "event_kind": "Art der Veranstaltung",
}

EARLIEST = dt.date(2020, 1, 1)  # the project started in March 2020


class Checker:
    def __init__(self, vocab: Vocabularies, today: dt.date) -> None:
        self.vocab = vocab
        self.today = today
        self.problems: dict[str, str] = {}

    def fail(self, name: str, message: str) -> None:
        self.problems.setdefault(name, message)

    def codes(self, record: Record) -> None:
        for name, source in CODE_FIELDS[record.kind].items():
            value = getattr(record, name)
            values = value if isinstance(value, tuple) else (value,)
            label = FIELD_LABELS.get(name, name)
            for code in values:
                if code is None or code == "":
                    if not isinstance(value, tuple) and name not in ("citizenship",):
                        self.fail(name, f"Bitte „{label}“ angeben.")
                    continue
                if not self._known(source, code):
                    self.fail(name, f"„{code}“ ist kein gültiger Wert für „{label}“.")

    def _known(self, source: str, code: str) -> bool:
        if source == "district":
            return code in self.vocab.districts
        if source == "country":
            return code in self.vocab.countries
        return code in self.vocab[source]

    def past(self, name: str, value: dt.date | None, *, required: bool = True) -> None:
        label = FIELD_LABELS.get(name, name)
        if value is None:
            if required:
                self.fail(name, f"Bitte „{label}“ angeben.")
            return
        if value > self.today:
            self.fail(name, f"„{label}“ darf nicht in der Zukunft liegen.")
        elif value < EARLIEST:
            self.fail(name, f"„{label}“ liegt vor Projektbeginn (2020).")

    def not_before(self, name: str, value: dt.date | None, start: dt.date, start_name: str) -> None:
        if value is not None and value < start:
            self.fail(
                name,
                f"„{FIELD_LABELS.get(name, name)}“ darf nicht vor "
                f"„{FIELD_LABELS.get(start_name, start_name)}“ liegen.",
            )

    def count(self, name: str, value: int, label: str, maximum: int = 10_000) -> None:
        if value < 0:
            self.fail(name, f"„{label}“ darf nicht negativ sein.")
        elif value > maximum:
            self.fail(name, f"„{label}“ ist unplausibel groß (höchstens {maximum}).")

    def sub_area(self, district: str, sub_area: str | None) -> None:
        districts = self.vocab.districts
        if (
            sub_area
            and district in districts
            and sub_area not in districts.sub_area_codes(district)
        ):
            self.fail("sub_area", f"„{sub_area}“ ist kein Teilgebiet dieses Stadtteils.")


def _contact(c: Checker, r: Contact) -> None:
    c.past("date", r.date)
    c.not_before("follow_up", r.follow_up, r.date, "date")
    c.sub_area(r.district, r.sub_area)
    if not 1 <= r.duration_min <= 600:
        c.fail("duration_min", "Die Dauer muss zwischen 1 und 600 Minuten liegen.")
    if r.pseudonym and not pseudonym.is_valid(r.pseudonym):
        c.fail("pseudonym", "Der Pseudonym-Code ist ungültig (Tippfehler?).")
    if not r.topics:
        c.fail("topics", "Bitte mindestens ein Thema angeben.")


def _partner(c: Checker, r: Partner) -> None:
    if not r.name.strip():
        c.fail("name", "Bitte den Namen der Organisation angeben.")
    elif len(r.name) > 200:
        c.fail("name", "Der Name ist zu lang (höchstens 200 Zeichen).")


def _referral(c: Checker, r: Referral) -> None:
    if not r.partner_id:
        c.fail("partner_id", "Ein Verweis braucht eine Partnerorganisation.")
    c.past("date", r.date)
    c.not_before("follow_up", r.follow_up, r.date, "date")


def _referral_status(c: Checker, r: ReferralStatusChange) -> None:
    if not r.referral_id:
        c.fail("referral_id", "Der Statuseintrag gehört zu keinem Verweis.")
    c.past("date", r.date)


def _conflict(c: Checker, r: Conflict) -> None:
    c.past("opened", r.opened)
    c.sub_area(r.district, r.sub_area)
    c.count("households", r.households, "Beteiligte Haushalte", 500)
    c.count("groups", r.groups, "Beteiligte Gruppen", 100)
    if not r.categories:
        c.fail("categories", "Bitte mindestens ein Konfliktthema angeben.")
    is_closed = r.status in c.vocab["conflict_status"] and c.vocab["conflict_status"].get(
        r.status
    ).flag("closed")
    if is_closed:
        if not r.outcome.strip():
            c.fail("outcome", "Ein abgeschlossener Konflikt braucht ein Ergebnis.")
        if r.closed is None:
            c.fail("closed", "Ein abgeschlossener Konflikt braucht ein Abschlussdatum.")
    if r.closed is not None:
        c.past("closed", r.closed)
        c.not_before("closed", r.closed, r.opened, "opened")
        if not is_closed:
            c.fail("closed", "Ein Abschlussdatum passt nur zu „beigelegt“ oder „weitergeleitet“.")


def _intervention(c: Checker, r: Intervention) -> None:
    if not r.conflict_id:
        c.fail("conflict_id", "Eine Intervention gehört zu einem Konflikt.")
    c.past("date", r.date)
    c.count("participants", r.participants, "Teilnehmende", 1000)
    c.not_before("next_step_date", r.next_step_date, r.date, "date")


def _event(c: Checker, r: Event) -> None:
    c.past("date", r.date)
    if not r.title.strip():
        c.fail("title", "Bitte einen Titel angeben.")
    for name in (
        "participants_total",
        "participants_third_country",
        "participants_women",
        "participants_men",
        "participants_divers",
        "participants_children",
    ):
        c.count(name, getattr(r, name), "Teilnehmende", 100_000)
    total = r.participants_total
    if r.participants_third_country > total:
        c.fail("participants_third_country", "Mehr Drittstaatsangehörige als Teilnehmende.")
    if r.participants_women + r.participants_men + r.participants_divers > total:
        c.fail("participants_women", "Frauen, Männer und Diverse ergeben mehr als die Gesamtzahl.")
    if r.participants_children > total:
        c.fail("participants_children", "Mehr Kinder als Teilnehmende.")


_SLUG = re.compile(r"^[a-z0-9_]{1,64}$")


def _vocab_entry(c: Checker, r: VocabEntry) -> None:
    if r.vocabulary not in c.vocab:
        c.fail("vocabulary", f"„{r.vocabulary}“ ist kein Vokabular.")
    if not _SLUG.match(r.code):
        c.fail("code", "Der Code besteht aus Kleinbuchstaben, Ziffern und „_“ (höchstens 64).")
    for name, label in (("de", "Deutsche Bezeichnung"), ("en", "Englische Bezeichnung")):
        text = getattr(r, name).strip()
        if not text:
            c.fail(name, f"Bitte „{label}“ angeben.")
        elif len(text) > 200:
            c.fail(name, f"„{label}“ ist zu lang (höchstens 200 Zeichen).")


def _audit(c: Checker, r: AuditEntry) -> None:
    if r.action not in ACTIONS:
        c.fail("action", f"„{r.action}“ ist keine protokollierte Aktion.")
    if r.count < 0:
        c.fail("count", "Die Anzahl kann nicht negativ sein.")


def _deletion(c: Checker, r: DeletionEntry) -> None:
    if r.rule not in RULE_LABELS:
        c.fail("rule", f"„{r.rule}“ ist keine Aufbewahrungsregel.")
    if r.count < 0:
        c.fail("count", "Die Anzahl kann nicht negativ sein.")


_RULES: dict[str, Callable[[Checker, Record], None]] = {
    "audit": _audit,  # type: ignore[dict-item]
    "deletion_log": _deletion,  # type: ignore[dict-item]
    "vocab_entry": _vocab_entry,  # type: ignore[dict-item]
    "contact": _contact,  # type: ignore[dict-item]
    "partner": _partner,  # type: ignore[dict-item]
    "referral": _referral,  # type: ignore[dict-item]
    "referral_status": _referral_status,  # type: ignore[dict-item]
    "conflict": _conflict,  # type: ignore[dict-item]
    "intervention": _intervention,  # type: ignore[dict-item]
    "event": _event,  # type: ignore[dict-item]
}


def problems(record: Record, vocab: Vocabularies, today: dt.date) -> dict[str, str]:
    """Every broken rule of one record, by field."""
    checker = Checker(vocab, today)
    _RULES[record.kind](checker, record)
    checker.codes(record)
    return checker.problems
