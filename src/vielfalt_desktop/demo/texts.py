"""The free texts of the demo data, from ``resources/demo/texts.json``.

Ordinary social-work wording without names, addresses, dates or numbers of persons: every
text passes :func:`vielfalt_desktop.domain.privacy.screen_text` (a test checks the generated
records). Tables are keyed by vocabulary codes (topic, referral status, conflict category,
conflict status, intervention kind, event kind, district); event titles hold ``{district}``
and ``{venue}``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from vielfalt_desktop.demo import data

FILE = "texts.json"


@dataclass(frozen=True, slots=True)
class Texts:
    contact_notes: Mapping[str, tuple[str, ...]]  # by first topic; "sonstiges" as fallback
    note_additions: tuple[str, ...]
    referral_feedback: Mapping[str, tuple[str, ...]]  # by the referral's last status
    status_notes: Mapping[str, tuple[str, ...]]  # by status step
    conflict_notes: Mapping[str, tuple[str, ...]]  # by first category; "sonstiges"
    outcomes: Mapping[str, tuple[str, ...]]  # by closed status; "beigelegt"
    intervention_results: Mapping[str, tuple[str, ...]]  # by intervention kind; "sonstiges"
    next_steps: tuple[str, ...]
    dormant_step: str  # the next step of a dormant conflict
    event_venues: Mapping[str, tuple[str, ...]]  # by district; else "in <district>"
    event_titles: Mapping[str, tuple[str, ...]]  # by event kind; "sonstiges"
    event_notes: tuple[str, ...]


@functools.cache
def texts() -> Texts:
    """The shipped texts, read once per process."""
    raw = data.read(FILE)
    return Texts(
        contact_notes=data.table(raw.get("contact_notes"), "contact_notes"),
        note_additions=data.strings(raw.get("note_additions"), "note_additions"),
        referral_feedback=data.table(raw.get("referral_feedback"), "referral_feedback"),
        status_notes=data.table(raw.get("status_notes"), "status_notes"),
        conflict_notes=data.table(raw.get("conflict_notes"), "conflict_notes"),
        outcomes=data.table(raw.get("outcomes"), "outcomes"),
        intervention_results=data.table(raw.get("intervention_results"), "intervention_results"),
        next_steps=data.strings(raw.get("next_steps"), "next_steps"),
        dormant_step=data.text(raw.get("dormant_step"), "dormant_step"),
        event_venues=data.table(raw.get("event_venues"), "event_venues"),
        event_titles=data.table(raw.get("event_titles"), "event_titles"),
        event_notes=data.strings(raw.get("event_notes"), "event_notes"),
    )
