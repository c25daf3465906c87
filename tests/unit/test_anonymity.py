"""No table has a place for a client's name, address, birth date, phone, e-mail or file number.

Every column of every table must be on this approved list. A new column fails this test until
someone has looked at it and added it here, with a reason where it is not obvious.
"""

from sqlalchemy import inspect

from vielfalt_desktop.services.app import App
from vielfalt_desktop.store.models import Base

BOOKKEEPING = {"id", "origin", "created_hlc", "updated_hlc", "deleted", "stamps", "rev", "source"}

APPROVED: dict[str, set[str]] = {
    "alembic_version": {"version_num"},
    "meta": {"key", "value"},
    "tag": {"entity", "field", "code", "record_id"},
    # Sync bookkeeping: devices and bundles, never clients.
    "peer": {"node_id", "name", "role", "sign_key", "kem_key", "key_id", "fingerprint",
             "added_at", "acked_rev", "received_upto", "sent_seq"},
    "bundle_ledger": {"bundle_id", "direction", "peer_id", "seq", "created", "processed_at",
                      "since_rev", "upto_rev", "records", "changed", "file_name"},
    # Losing values of concurrent edits: the same fields as the records they come from.
    "conflict_log": {"id", "entity", "record_id", "field", "kept_value", "kept_stamp",
                     "lost_value", "lost_stamp", "bundle_id", "logged_at", "reviewed"},
    # Values of the selection lists, as the coordinator adapts them.
    "vocab_entry": BOOKKEEPING | {"vocabulary", "code", "de", "en", "active"},
    "contact": BOOKKEEPING
    | {
        "date", "duration_min", "setting", "district", "sub_area",
        "pseudonym",  # random code, never derived from the person
        "target_group", "citizenship", "age_band", "gender", "languages", "interpreter",
        "topics", "interests", "follow_up",
        "note",  # screened for personal data before saving
    },
    "partner": BOOKKEEPING
    | {
        # Partners are organisations, not clients: their name and address may be stored.
        "name", "partner_kind", "districts", "topics", "offers", "offer_text", "seeks",
        "seek_text", "languages", "address", "contact_channel", "opening_hours", "note",
    },
    "referral": BOOKKEEPING
    | {"contact_id", "partner_id", "topic", "date", "referral_kind", "status", "follow_up",
       "feedback"},
    "referral_status": BOOKKEEPING | {"referral_id", "status", "date", "note"},
    "conflict": BOOKKEEPING
    | {"opened", "district", "sub_area", "place_type", "categories", "households", "groups",
       "institutions", "escalation", "status", "outcome", "closed", "shared", "note"},
    "intervention": BOOKKEEPING
    | {"conflict_id", "date", "intervention_kind", "participants", "bridge_builder", "result",
       "next_step", "next_step_date"},
    "event": BOOKKEEPING
    | {"date", "title", "event_kind", "district", "participants_total",
       "participants_third_country", "participants_women", "participants_men",
       "participants_divers", "participants_children", "partner_ids", "interests", "note"},
    # Who did what to which record, by id; the detail is a device name, rule or file type.
    "audit": BOOKKEEPING
    | {"at", "action", "record_kind", "record_id", "count", "detail"},
    # Counts per retention rule, never content.
    "deletion_log": BOOKKEEPING | {"at", "rule", "record_kind", "count", "cutoff"},
    # Full-text index of the contact notes (migration 0006): contentless, it holds trigrams of
    # the folded note and pseudonym, no further fields; the shadow tables are SQLite's own.
    "contact_fts": {"note", "pseudonym"},
    "contact_fts_data": {"id", "block"},
    "contact_fts_idx": {"segid", "term", "pgno"},
    "contact_fts_docsize": {"id", "sz", "origin"},
    "contact_fts_config": {"k", "v"},
}  # fmt: skip

FORBIDDEN_WORDS = ("name", "vorname", "address", "adresse", "birth", "geburt", "phone",
                   "telefon", "mail", "aktenzeichen", "file_no", "steuer", "iban")  # fmt: skip


def test_every_column_of_the_real_store_is_approved(app: App) -> None:
    inspector = inspect(app.store.engine)
    tables = set(inspector.get_table_names())
    assert tables == set(APPROVED), "a table appeared or vanished: review it here"
    for table in tables:
        columns = {c["name"] for c in inspector.get_columns(table)}
        assert columns == APPROVED[table], f"{table}: review new or removed columns"


def test_models_declare_only_approved_columns() -> None:
    for table in Base.metadata.sorted_tables:
        assert {c.name for c in table.columns} <= APPROVED[table.name]


def test_only_the_partner_table_has_identifying_column_names() -> None:
    for table, columns in APPROVED.items():
        if table in ("partner", "peer", "bundle_ledger"):  # organisations and devices
            continue
        for column in columns:
            assert not any(word in column for word in FORBIDDEN_WORDS), f"{table}.{column}"
