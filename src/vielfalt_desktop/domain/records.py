"""The record kinds, as plain data. Codes refer to the vocabularies in resources/vocab.

No record has a place for a client's name, address, birth date, phone number, e-mail or file
number: repeat contacts are linked only by a random pseudonym code. Partners are
organisations, so their names and addresses may be stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar

Codes = tuple[str, ...]


@dataclass(slots=True)
class Record:
    kind: ClassVar[str]
    # Free-text fields screened for personal data before saving.
    screened: ClassVar[tuple[str, ...]] = ()
    id: str = ""


@dataclass(slots=True)
class Contact(Record):
    kind: ClassVar[str] = "contact"
    screened: ClassVar[tuple[str, ...]] = ("note",)

    date: dt.date = field(default_factory=dt.date.today)
    duration_min: int = 30
    setting: str = "projektbuero"
    district: str = ""
    sub_area: str | None = None
    pseudonym: str | None = None
    target_group: str = ""
    citizenship: str | None = None
    age_band: str = "unbekannt"
    gender: str = "keine_angabe"
    languages: Codes = ()
    interpreter: str = "keine"
    topics: Codes = ()
    interests: Codes = ()
    follow_up: dt.date | None = None
    note: str = ""


@dataclass(slots=True)
class Partner(Record):
    kind: ClassVar[str] = "partner"

    name: str = ""
    partner_kind: str = "sonstige"
    districts: Codes = ()
    topics: Codes = ()
    offers: Codes = ()
    offer_text: str = ""
    seeks: Codes = ()
    seek_text: str = ""
    languages: Codes = ()
    address: str = ""
    contact_channel: str = ""
    opening_hours: str = ""
    note: str = ""


@dataclass(slots=True)
class Referral(Record):
    kind: ClassVar[str] = "referral"
    screened: ClassVar[tuple[str, ...]] = ("feedback",)

    contact_id: str | None = None
    partner_id: str = ""
    topic: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    referral_kind: str = "information"
    status: str = "vorgeschlagen"
    follow_up: dt.date | None = None
    feedback: str = ""


@dataclass(slots=True)
class ReferralStatusChange(Record):
    """One step in a referral's history; appended, never edited, so histories merge by union."""

    kind: ClassVar[str] = "referral_status"
    screened: ClassVar[tuple[str, ...]] = ("note",)

    referral_id: str = ""
    status: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    note: str = ""


@dataclass(slots=True)
class Conflict(Record):
    kind: ClassVar[str] = "conflict"
    screened: ClassVar[tuple[str, ...]] = ("outcome", "note")

    opened: dt.date = field(default_factory=dt.date.today)
    district: str = ""
    sub_area: str | None = None
    place_type: str = "sonstiges"
    categories: Codes = ()
    households: int = 0
    groups: int = 0
    institutions: Codes = ()
    escalation: str = "glasl_1"
    status: str = "gemeldet"
    outcome: str = ""
    closed: dt.date | None = None
    # Shared cases travel back from the coordinator to every laptop.
    shared: bool = False
    note: str = ""


@dataclass(slots=True)
class Intervention(Record):
    kind: ClassVar[str] = "intervention"
    screened: ClassVar[tuple[str, ...]] = ("result", "next_step")

    conflict_id: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    intervention_kind: str = "einzelgespraech"
    participants: int = 0
    bridge_builder: bool = False
    result: str = ""
    next_step: str = ""
    next_step_date: dt.date | None = None


@dataclass(slots=True)
class Event(Record):
    kind: ClassVar[str] = "event"
    screened: ClassVar[tuple[str, ...]] = ("title", "note")

    date: dt.date = field(default_factory=dt.date.today)
    title: str = ""
    event_kind: str = "sonstiges"
    district: str = ""
    participants_total: int = 0
    participants_third_country: int = 0
    participants_women: int = 0
    participants_men: int = 0
    participants_divers: int = 0
    participants_children: int = 0
    partner_ids: Codes = ()
    interests: Codes = ()
    note: str = ""


@dataclass(slots=True)
class VocabEntry(Record):
    """A coordinator's change to a vocabulary: a new value, a new label, or a retired value.

    Its id is derived from (vocabulary, code), so edits of one entry on two devices merge into
    one record instead of two.
    """

    kind: ClassVar[str] = "vocab_entry"

    vocabulary: str = ""
    code: str = ""
    de: str = ""
    en: str = ""
    active: bool = True


@dataclass(slots=True)
class AuditEntry(Record):
    """Who (the origin node) did what, when, to which record — by id, never by content.

    Appended, never edited: the store refuses changes to a written entry.
    """

    kind: ClassVar[str] = "audit"

    at: str = ""  # ISO date and time in UTC, to the second
    action: str = ""
    record_kind: str = ""
    record_id: str | None = None
    count: int = 1
    detail: str = ""  # a device name, a rule or a file type; never record content


@dataclass(slots=True)
class DeletionEntry(Record):
    """One run of one retention rule: what kind of record, how many, when, which rule."""

    kind: ClassVar[str] = "deletion_log"

    at: str = ""
    rule: str = ""
    record_kind: str = ""
    count: int = 0
    cutoff: dt.date | None = None


RECORD_TYPES: tuple[type[Record], ...] = (
    VocabEntry,
    Partner,
    Contact,
    Referral,
    ReferralStatusChange,
    Conflict,
    Intervention,
    Event,
    AuditEntry,
    DeletionEntry,
)
# Logs of what happened here: they travel to the coordinator but are no record content.
LOG_KINDS = ("audit", "deletion_log")
RECORD_TYPE_BY_KIND: dict[str, type[Record]] = {t.kind: t for t in RECORD_TYPES}
