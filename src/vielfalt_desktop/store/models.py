"""The schema. Column names equal the field names of the domain records they hold.

Every record table carries the same bookkeeping: origin node, hybrid-logical-clock stamps,
a tombstone flag, per-field stamps of later edits (for last-writer-wins merges) and ``rev``,
the local change sequence that incremental export reads.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, Index, Integer, String, Table, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Small key/value facts about this store: node id, role, clock state, settings."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Tag(Base):
    """Index rows for multi-valued code fields, so filters such as "topic = wohnen" use an index.

    The record row holds the canonical list; these rows are derived from it on every write.
    """

    __tablename__ = "tag"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    __table_args__ = (Index("ix_tag_record", "record_id"),)


class RecordMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin: Mapped[str] = mapped_column(String(36))
    created_hlc: Mapped[int] = mapped_column(BigInteger)
    updated_hlc: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    # JSON {field: [hlc, node]} for fields edited after creation; others carry the create stamp.
    stamps: Mapped[str] = mapped_column(Text, default="{}", server_default=text("'{}'"))
    rev: Mapped[int] = mapped_column(BigInteger, index=True)
    # The peer whose bundle set this row to exactly its present state; export skips sending
    # it back there. Cleared by every local edit.
    source: Mapped[str | None] = mapped_column(String(36))


class Partner(RecordMixin, Base):
    __tablename__ = "partner"
    name: Mapped[str] = mapped_column(Text, index=True)
    partner_kind: Mapped[str] = mapped_column(String(64))
    districts: Mapped[str] = mapped_column(Text, default="[]")
    topics: Mapped[str] = mapped_column(Text, default="[]")
    offers: Mapped[str] = mapped_column(Text, default="[]")
    offer_text: Mapped[str] = mapped_column(Text, default="")
    seeks: Mapped[str] = mapped_column(Text, default="[]")
    seek_text: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[str] = mapped_column(Text, default="[]")
    address: Mapped[str] = mapped_column(Text, default="")  # the organisation's, never a client's
    contact_channel: Mapped[str] = mapped_column(Text, default="")
    opening_hours: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class VocabEntry(RecordMixin, Base):
    __tablename__ = "vocab_entry"
    vocabulary: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(64))
    de: Mapped[str] = mapped_column(Text)
    en: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Contact(RecordMixin, Base):
    __tablename__ = "contact"
    date: Mapped[dt.date] = mapped_column(Date)
    duration_min: Mapped[int] = mapped_column(Integer)
    setting: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64))
    sub_area: Mapped[str | None] = mapped_column(String(64))
    pseudonym: Mapped[str | None] = mapped_column(String(16), index=True)
    target_group: Mapped[str] = mapped_column(String(64))
    citizenship: Mapped[str | None] = mapped_column(String(8))
    age_band: Mapped[str] = mapped_column(String(16))
    gender: Mapped[str] = mapped_column(String(16))
    languages: Mapped[str] = mapped_column(Text, default="[]")
    interpreter: Mapped[str] = mapped_column(String(32))
    topics: Mapped[str] = mapped_column(Text, default="[]")
    interests: Mapped[str] = mapped_column(Text, default="[]")
    follow_up: Mapped[dt.date | None] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_contact_date", "date"),
        Index("ix_contact_district_date", "district", "date"),
        # Cover the list screen's default order and the live-record filter, so the first page
        # and the counts read the index instead of decrypting every row.
        Index("ix_contact_live_order", "deleted", "date", "created_hlc", "id"),
        Index("ix_contact_live_district", "district", "deleted", "date", "created_hlc", "id"),
        # Due follow-ups (Übersicht), in their order. Partial, so that only queries asking
        # for a follow-up use it: a scan of all live contacts (the reports) would otherwise
        # walk it and fetch the rows out of order.
        Index(
            "ix_contact_due_follow_up",
            "deleted",
            "follow_up",
            "id",
            sqlite_where=text("follow_up IS NOT NULL"),
        ),
        # Counting a district's live contacts (list totals, filters) reads a quarter of the
        # pages ix_contact_live_district would: every page read is decrypted and its HMAC
        # checked, so cold counts cost what they read.
        Index("ix_contact_district_live", "district", "deleted"),
    )


class Referral(RecordMixin, Base):
    __tablename__ = "referral"
    contact_id: Mapped[str | None] = mapped_column(String(36), index=True)
    partner_id: Mapped[str] = mapped_column(String(36), index=True)
    topic: Mapped[str] = mapped_column(String(64))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    referral_kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), index=True)
    follow_up: Mapped[dt.date | None] = mapped_column(Date, index=True)
    feedback: Mapped[str] = mapped_column(Text, default="")
    # Referrals awaiting feedback (Übersicht): filtered, ordered and counted from the index.
    __table_args__ = (
        Index("ix_referral_awaiting", "status", "deleted", "follow_up", "date", "id"),
    )


class ReferralStatus(RecordMixin, Base):
    __tablename__ = "referral_status"
    referral_id: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(32))
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class Conflict(RecordMixin, Base):
    __tablename__ = "conflict"
    opened: Mapped[dt.date] = mapped_column(Date, index=True)
    district: Mapped[str] = mapped_column(String(64), index=True)
    sub_area: Mapped[str | None] = mapped_column(String(64))
    place_type: Mapped[str] = mapped_column(String(64))
    categories: Mapped[str] = mapped_column(Text, default="[]")
    households: Mapped[int] = mapped_column(Integer, default=0)
    groups: Mapped[int] = mapped_column(Integer, default=0)
    institutions: Mapped[str] = mapped_column(Text, default="[]")
    escalation: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32), index=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[dt.date | None] = mapped_column(Date)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    # Open conflicts (Übersicht) from the index alone; partial like ix_contact_due_follow_up.
    __table_args__ = (
        Index(
            "ix_conflict_open",
            "deleted",
            "closed",
            "status",
            "id",
            sqlite_where=text("closed IS NULL"),
        ),
    )


class Intervention(RecordMixin, Base):
    __tablename__ = "intervention"
    conflict_id: Mapped[str] = mapped_column(String(36), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    intervention_kind: Mapped[str] = mapped_column(String(64))
    participants: Mapped[int] = mapped_column(Integer, default=0)
    bridge_builder: Mapped[bool] = mapped_column(Boolean, default=False)
    result: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_step_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    __table_args__ = (
        # The newest live intervention of a conflict and its next step's date (Übersicht),
        # read from the index alone.
        Index(
            "ix_intervention_live_conflict",
            "conflict_id",
            "deleted",
            "date",
            "created_hlc",
            "id",
            "next_step_date",
        ),
    )


class Event(RecordMixin, Base):
    __tablename__ = "event"
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(Text)
    event_kind: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64), index=True)
    participants_total: Mapped[int] = mapped_column(Integer, default=0)
    participants_third_country: Mapped[int] = mapped_column(Integer, default=0)
    participants_women: Mapped[int] = mapped_column(Integer, default=0)
    participants_men: Mapped[int] = mapped_column(Integer, default=0)
    participants_divers: Mapped[int] = mapped_column(Integer, default=0)
    participants_children: Mapped[int] = mapped_column(Integer, default=0)
    partner_ids: Mapped[str] = mapped_column(Text, default="[]")
    interests: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str] = mapped_column(Text, default="")


class Audit(RecordMixin, Base):
    """Append-only (triggers in migration 0007 refuse edits and deletions)."""

    __tablename__ = "audit"
    at: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    record_kind: Mapped[str] = mapped_column(String(32), default="")
    record_id: Mapped[str | None] = mapped_column(String(36))
    count: Mapped[int] = mapped_column(Integer, default=1)
    detail: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        Index("ix_audit_at", "at"),
        Index("ix_audit_origin_at", "origin", "at"),
        Index("ix_audit_record", "record_id"),
    )


class DeletionLog(RecordMixin, Base):
    """Append-only like the audit trail; holds counts, never content."""

    __tablename__ = "deletion_log"
    at: Mapped[str] = mapped_column(String(32), index=True)
    rule: Mapped[str] = mapped_column(String(32))
    record_kind: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer)
    cutoff: Mapped[dt.date | None] = mapped_column(Date)


class Peer(Base):
    """A trusted node whose identity card was loaded and whose fingerprint was confirmed."""

    __tablename__ = "peer"
    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)  # a device's name, e.g. "Laptop Nord"
    role: Mapped[str] = mapped_column(String(16))
    sign_key: Mapped[str] = mapped_column(Text)
    kem_key: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(32))
    fingerprint: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[str] = mapped_column(String(32))
    # Our rev up to which the peer has confirmed receipt: export starts after it.
    acked_rev: Mapped[int] = mapped_column(BigInteger, default=0)
    # The peer's rev up to which we hold everything it sent: we confirm this back.
    received_upto: Mapped[int] = mapped_column(BigInteger, default=0)
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)


class BundleLedger(Base):
    """Every bundle written or applied here, so a second import is recognised as a no-op."""

    __tablename__ = "bundle_ledger"
    # Known per sender (and per recipient for "out"): nobody can claim another's bundle id.
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # "in" or "out"
    peer_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    created: Mapped[str] = mapped_column(String(32))
    processed_at: Mapped[str] = mapped_column(String(32))
    since_rev: Mapped[int] = mapped_column(BigInteger)
    upto_rev: Mapped[int] = mapped_column(BigInteger)
    records: Mapped[int] = mapped_column(Integer)
    changed: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(Text, default="")


class ConflictLog(Base):
    """The losing value of a concurrent edit of one field, kept for the coordinator to review."""

    __tablename__ = "conflict_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(32))
    kept_value: Mapped[str] = mapped_column(Text)
    kept_stamp: Mapped[str] = mapped_column(String(64))
    lost_value: Mapped[str] = mapped_column(Text)
    lost_stamp: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[str] = mapped_column(String(36))
    logged_at: Mapped[str] = mapped_column(String(32))
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)


RECORD_KINDS = (
    "vocab_entry",
    "partner",
    "contact",
    "referral",
    "referral_status",
    "conflict",
    "intervention",
    "event",
    "audit",
    "deletion_log",
)
TABLE_BY_KIND: dict[str, Table] = {kind: Base.metadata.tables[kind] for kind in RECORD_KINDS}
META_TABLE: Table = Base.metadata.tables["meta"]
TAG_TABLE: Table = Base.metadata.tables["tag"]
PEER_TABLE: Table = Base.metadata.tables["peer"]
LEDGER_TABLE: Table = Base.metadata.tables["bundle_ledger"]
CONFLICT_LOG_TABLE: Table = Base.metadata.tables["conflict_log"]
