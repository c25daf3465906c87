"""How long what is kept: the retention rules and their defaults.

Records themselves stay as anonymous statistics. What goes is what could identify a person
over time: free-text notes after 12 months, pseudonym links after 24 months. A laptop may
also give up whole records once the coordinator has confirmed receiving them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field

from vielfalt_desktop.domain import messages as msg
from vielfalt_desktop.domain.errors import ValidationError
from vielfalt_desktop.domain.messages import Message, kind_label

# Free-text fields per record kind that the notes rule clears. Titles of events and the
# partner directory (organisations, not people) are not notes and stay.
NOTE_FIELDS: dict[str, tuple[str, ...]] = {
    "contact": ("note",),
    "referral": ("feedback",),
    "referral_status": ("note",),
    "conflict": ("note", "outcome"),
    "intervention": ("result", "next_step"),
    "event": ("note",),
}
RULE_LABELS = {
    "notes": "Freitext nach Ablauf geleert",
    "pseudonym": "Pseudonym-Verknüpfung entfernt",
    "conflict_log": "Abgelegte Werte des Konfliktprotokolls entfernt",
    "after_ack": "Vom Laptop entfernt, nachdem die Koordination den Empfang bestätigt hat",
    "backup": "Sicherungskopie vor einem Programm-Update gelöscht",
}
MIN_MONTHS, MAX_MONTHS = 1, 120
MIN_ACK_DAYS, MAX_ACK_DAYS = 7, 3650


def _default_notes() -> dict[str, int]:
    return dict.fromkeys(NOTE_FIELDS, 12)


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    note_months: dict[str, int] = field(default_factory=_default_notes)
    pseudonym_months: int = 24
    # None: the laptop keeps everything; N: it drops acknowledged, settled records after N days.
    purge_after_ack_days: int | None = None

    def problems(self) -> dict[str, str]:
        """What is wrong with the rules, by field (German :class:`Message` texts)."""
        found: dict[str, str] = {}
        for kind, months in self.note_months.items():
            if kind not in NOTE_FIELDS:
                found[kind] = Message(msg.NOT_A_NOTE_KIND, value=kind)
            elif not MIN_MONTHS <= months <= MAX_MONTHS:
                found[kind] = Message(
                    msg.NOTE_MONTHS, kind=kind_label(kind), minimum=MIN_MONTHS, maximum=MAX_MONTHS
                )
        if not MIN_MONTHS <= self.pseudonym_months <= MAX_MONTHS:
            found["pseudonym"] = Message(
                msg.PSEUDONYM_MONTHS, minimum=MIN_MONTHS, maximum=MAX_MONTHS
            )
        days = self.purge_after_ack_days
        if days is not None and not MIN_ACK_DAYS <= days <= MAX_ACK_DAYS:
            found["purge_after_ack_days"] = Message(
                msg.ACK_DAYS, minimum=MIN_ACK_DAYS, maximum=MAX_ACK_DAYS
            )
        return found

    def checked(self) -> RetentionPolicy:
        broken = self.problems()
        if broken:
            raise ValidationError(broken)
        return self

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> RetentionPolicy:
        """The saved policy; missing or unreadable parts fall back to the defaults."""
        default = cls()
        if not text:
            return default
        try:
            data = json.loads(text)
            notes = {
                **default.note_months,
                **{str(k): int(v) for k, v in data["note_months"].items()},
            }
            days = data.get("purge_after_ack_days")
            policy = cls(
                note_months=notes,
                pseudonym_months=int(data["pseudonym_months"]),
                purge_after_ack_days=None if days is None else int(days),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return default
        return policy if not policy.problems() else default


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day where that day is missing)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")
