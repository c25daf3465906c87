"""Who may write what. One table decides a local write and a row arriving in a bundle.

A field laptop writes only records it created, of the kinds recorded in the field (and may
tombstone what hangs on its own records when it deletes them). An office device (the
coordinator) writes the shared parts: the partner directory, the vocabularies, shared conflict
cases with their interventions, and the partner's feedback on a laptop's referrals. Log rows
(audit trail, deletion log) are written once by the device they describe and never edited.

docs/bundle-format.md ("Who may write what") states the same table for other implementations.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from vielfalt_desktop.domain.records import LOG_KINDS

FIELD = "field"
OFFICE = "office"

#: Record kinds a field laptop creates.
FIELD_KINDS = frozenset(
    {
        "contact",
        "referral",
        "referral_status",
        "conflict",
        "intervention",
        "event",
        *LOG_KINDS,
    }
)
#: What the coordinator may change in a referral a laptop made: the partner's answer.
FEEDBACK_FIELDS = frozenset({"status", "feedback", "follow_up"})
#: Kinds whose rows hang on a parent record: the parent's owner may tombstone them.
CHILD_KINDS = frozenset({"referral_status", "intervention"})
#: What an office device sends to a field laptop (sync.changes selects the same).
TO_FIELD_KINDS = frozenset(
    {"vocab_entry", "partner", "conflict", "intervention", "referral", "referral_status"}
)
DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Writer:
    """A device that writes: its node id and its role (``field`` or ``office``)."""

    node_id: str
    role: str

    @property
    def is_office(self) -> bool:
        return self.role == OFFICE


def may_create(writer: Writer, kind: str, parent_origin: str | None = None) -> bool:
    """May ``writer`` create a record of ``kind``? ``parent_origin`` is the origin of the
    referral a status step belongs to (a laptop adds steps to its own referrals only)."""
    if writer.is_office:
        return True
    if kind not in FIELD_KINDS:
        return False
    return kind != "referral_status" or parent_origin in (None, writer.node_id)


def may_edit(
    writer: Writer,
    kind: str,
    origin: str,
    fields: Collection[str],
    parent_origin: str | None = None,
) -> bool:
    """May ``writer`` change ``fields`` (``deleted`` for a tombstone) of a record of ``kind``
    that ``origin`` created? ``parent_origin`` is the origin of its parent record (the
    referral of a status step, the conflict of an intervention)."""
    if kind in LOG_KINDS:
        return False
    if writer.is_office:
        if kind == "referral" and origin != writer.node_id:
            return set(fields) <= FEEDBACK_FIELDS
        return True
    if kind not in FIELD_KINDS:
        return False
    if origin == writer.node_id:
        return True
    # Deleting one's own referral or conflict tombstones the steps others added to it.
    return kind in CHILD_KINDS and parent_origin == writer.node_id and set(fields) == {DELETED}
