"""Domain rules. Each returns {field: German message}; empty means the record is valid.

The messages are :class:`~vielfalt_desktop.domain.messages.Message` strings, so the UI can show
them translated; their templates and the field labels live in ``domain.messages``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
import unicodedata
from collections.abc import Callable

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.audit import ACTIONS
from vielfalt_desktop.domain.messages import FIELD_LABELS as FIELD_LABELS
from vielfalt_desktop.domain.messages import Message, label
from vielfalt_desktop.domain.records import (
    RECORD_TYPES,
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

EARLIEST = dt.date(2020, 1, 1)  # the project started in March 2020
#: Characters in any free-text field (a bundle may carry no more: sync.limits.MAX_TEXT).
MAX_TEXT = 10_000


class Checker:
    def __init__(self, vocab: Vocabularies, today: dt.date) -> None:
        self.vocab = vocab
        self.today = today
        self.problems: dict[str, str] = {}

    def fail(self, name: str, template: str, **params: object) -> None:
        """Record a broken rule (the first per field wins); ``template`` is from ``messages``."""
        if name not in self.problems:
            self.problems[name] = Message(template, **params)

    def codes(self, record: Record) -> None:
        for name, source in CODE_FIELDS[record.kind].items():
            value = getattr(record, name)
            values = value if isinstance(value, tuple) else (value,)
            for code in values:
                if code is None or code == "":
                    if not isinstance(value, tuple) and name not in ("citizenship",):
                        self.fail(name, msg.REQUIRED, label=label(name))
                    continue
                if not self._known(source, code):
                    self.fail(name, msg.NOT_A_VALUE, value=code, label=label(name))

    def _known(self, source: str, code: str) -> bool:
        if source == "district":
            return code in self.vocab.districts
        if source == "country":
            return code in self.vocab.countries
        return code in self.vocab[source]

    def past(self, name: str, value: dt.date | None, *, required: bool = True) -> None:
        if value is None:
            if required:
                self.fail(name, msg.REQUIRED, label=label(name))
            return
        if value > self.today:
            self.fail(name, msg.IN_FUTURE, label=label(name))
        elif value < EARLIEST:
            self.fail(name, msg.BEFORE_PROJECT, label=label(name), year=EARLIEST.year)

    def not_before(self, name: str, value: dt.date | None, start: dt.date, start_name: str) -> None:
        if value is not None and value < start:
            self.fail(name, msg.NOT_BEFORE, label=label(name), other=label(start_name))

    def count(self, name: str, value: int, label_name: str, maximum: int = 10_000) -> None:
        """A number of people etc.; ``label_name`` names the label in ``FIELD_LABELS``."""
        if value < 0:
            self.fail(name, msg.NEGATIVE, label=label(label_name))
        elif value > maximum:
            self.fail(name, msg.TOO_LARGE, label=label(label_name), maximum=maximum)

    def sub_area(self, district: str, sub_area: str | None) -> None:
        districts = self.vocab.districts
        if (
            sub_area
            and district in districts
            and sub_area not in districts.sub_area_codes(district)
        ):
            self.fail("sub_area", msg.NOT_A_SUB_AREA, value=sub_area)


def _contact(c: Checker, r: Contact) -> None:
    c.past("date", r.date)
    c.not_before("follow_up", r.follow_up, r.date, "date")
    c.sub_area(r.district, r.sub_area)
    if not 1 <= r.duration_min <= 600:
        c.fail("duration_min", msg.DURATION)
    if r.pseudonym and not pseudonym.is_valid(r.pseudonym):
        c.fail("pseudonym", msg.PSEUDONYM_INVALID)
    if not r.topics:
        c.fail("topics", msg.TOPICS_REQUIRED)


def _partner(c: Checker, r: Partner) -> None:
    if not r.name.strip():
        c.fail("name", msg.NAME_REQUIRED)
    elif len(r.name) > 200:
        c.fail("name", msg.NAME_TOO_LONG, maximum=200)


def _referral(c: Checker, r: Referral) -> None:
    if not r.partner_id:
        c.fail("partner_id", msg.REFERRAL_NEEDS_PARTNER)
    c.past("date", r.date)
    c.not_before("follow_up", r.follow_up, r.date, "date")


def _referral_status(c: Checker, r: ReferralStatusChange) -> None:
    if not r.referral_id:
        c.fail("referral_id", msg.STATUS_NEEDS_REFERRAL)
    c.past("date", r.date)


def _conflict(c: Checker, r: Conflict) -> None:
    c.past("opened", r.opened)
    c.sub_area(r.district, r.sub_area)
    c.count("households", r.households, "households", 500)
    c.count("groups", r.groups, "groups", 100)
    if not r.categories:
        c.fail("categories", msg.CATEGORIES_REQUIRED)
    is_closed = r.status in c.vocab["conflict_status"] and c.vocab["conflict_status"].get(
        r.status
    ).flag("closed")
    if is_closed:
        if not r.outcome.strip():
            c.fail("outcome", msg.CLOSED_NEEDS_OUTCOME)
        if r.closed is None:
            c.fail("closed", msg.CLOSED_NEEDS_DATE)
    if r.closed is not None:
        c.past("closed", r.closed)
        c.not_before("closed", r.closed, r.opened, "opened")
        if not is_closed:
            c.fail("closed", msg.CLOSED_DATE_NEEDS_STATUS)


def _intervention(c: Checker, r: Intervention) -> None:
    if not r.conflict_id:
        c.fail("conflict_id", msg.INTERVENTION_NEEDS_CONFLICT)
    c.past("date", r.date)
    c.count("participants", r.participants, "participants", 1000)
    c.not_before("next_step_date", r.next_step_date, r.date, "date")


def _event(c: Checker, r: Event) -> None:
    c.past("date", r.date)
    if not r.title.strip():
        c.fail("title", msg.TITLE_REQUIRED)
    for name in (
        "participants_total",
        "participants_third_country",
        "participants_women",
        "participants_men",
        "participants_divers",
        "participants_children",
    ):
        c.count(name, getattr(r, name), "participants", 100_000)
    total = r.participants_total
    if r.participants_third_country > total:
        c.fail("participants_third_country", msg.MORE_THIRD_COUNTRY)
    if r.participants_women + r.participants_men + r.participants_divers > total:
        c.fail("participants_women", msg.GENDERS_EXCEED_TOTAL)
    if r.participants_children > total:
        c.fail("participants_children", msg.MORE_CHILDREN)


_SLUG = re.compile(r"^[a-z0-9_]{1,64}$")


def _vocab_entry(c: Checker, r: VocabEntry) -> None:
    if r.vocabulary not in c.vocab:
        c.fail("vocabulary", msg.NOT_A_VOCABULARY, value=r.vocabulary)
    if not _SLUG.match(r.code):
        c.fail("code", msg.CODE_FORMAT)
    for name in ("de", "en"):
        text = getattr(r, name).strip()
        if not text:
            c.fail(name, msg.REQUIRED, label=label(name))
        elif len(text) > 200:
            c.fail(name, msg.TOO_LONG, label=label(name), maximum=200)


_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_KIND = re.compile(r"[a-z_]{0,32}")
_RECORD_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _log_entry(c: Checker, r: AuditEntry | DeletionEntry) -> None:
    """What both logs share: a stamp as audit.timestamp writes it, a kind code, a count."""
    if not _TIMESTAMP.fullmatch(r.at) or not _valid_moment(r.at):
        c.fail("at", msg.NOT_A_TIMESTAMP, label=label("at"))
    if not _KIND.fullmatch(r.record_kind):
        c.fail("record_kind", msg.CODE_FORMAT)
    if r.count < 0:
        c.fail("count", msg.COUNT_NEGATIVE)
    elif r.count > 10_000_000:
        c.fail("count", msg.TOO_LARGE, label=label("count"), maximum=10_000_000)


def _valid_moment(text: str) -> bool:
    try:
        dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


def _audit(c: Checker, r: AuditEntry) -> None:
    if r.action not in ACTIONS:
        c.fail("action", msg.NOT_AN_ACTION, value=r.action)
    _log_entry(c, r)
    if r.record_id is not None and not _RECORD_ID.fullmatch(r.record_id):
        c.fail("record_id", msg.NOT_A_RECORD_ID, label=label("record_id"))
    if len(r.detail) > 300:
        c.fail("detail", msg.TOO_LONG, label=label("detail"), maximum=300)
    elif any(unicodedata.category(char).startswith("C") for char in r.detail):
        c.fail("detail", msg.NOT_PLAIN_TEXT, label=label("detail"))


def _deletion(c: Checker, r: DeletionEntry) -> None:
    if r.rule not in RULE_LABELS:
        c.fail("rule", msg.NOT_A_RULE, value=r.rule)
    _log_entry(c, r)


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
    _text_lengths(checker, record)
    return checker.problems


def _text_lengths(c: Checker, record: Record) -> None:
    for name in _TEXT_FIELDS[type(record)]:
        value = getattr(record, name)
        if not isinstance(value, str):
            continue
        if len(value) > MAX_TEXT:
            c.fail(name, msg.TOO_LONG, label=label(name), maximum=MAX_TEXT)
        elif (not value.isascii() or not value.isprintable()) and not is_plain(value):
            c.fail(name, msg.NOT_PLAIN_TEXT, label=label(name))


# Bidi embeddings, overrides and isolates can make a line read other than it is stored.
_HIDDEN = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_plain(value: str) -> bool:
    """Text without control, unassigned or private-use characters (line breaks and tabs are
    fine, and the joiners and direction marks Persian or Arabic writing needs)."""
    for char in value:
        category = unicodedata.category(char)
        if category == "Cf":
            if char in _HIDDEN:
                return False
        elif category.startswith("C") and char not in "\n\t":
            return False
    return True


def _text_fields(record_type: type[Record]) -> tuple[str, ...]:
    hints = typing.get_type_hints(record_type)
    return tuple(
        f.name
        for f in dataclasses.fields(record_type)
        if hints[f.name] in (str, str | None) and f.name != "id"
    )


_TEXT_FIELDS: dict[type[Record], tuple[str, ...]] = {t: _text_fields(t) for t in RECORD_TYPES}
