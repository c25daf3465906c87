"""contact text search (FTS5 trigram); indexes for what the Übersicht lists as due

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 09:00:00

``contact_fts`` holds the Unicode-folded (``fold()``, see store/engine.py) note and pseudonym
of every contact row, keyed by the contact's rowid, in a trigram index: a phrase query of three
or more characters there is the same substring test as ``fold(note) LIKE '%…%'``, without
reading (and decrypting) every row. It is contentless (the text lives only in ``contact``)
and kept in step by triggers, so every write path is covered: the services, sync import's
plain ``exec_driver_sql`` inserts, merges, demo data.

The virtual table is not a model (SQLAlchemy cannot declare it); store.migrate.include_name
hides it and its shadow tables from the model comparison and from autogenerate.

A later migration that recreates ``contact`` (batch_alter_table copies the table) drops these
triggers and may renumber rowids: it must call ``create_contact_search()`` afterwards, which
recreates the triggers and rebuilds the index from the table (or repeat its statements).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The same values on both sides: fold() and the trigram tokenizer without its own folding,
# so a match is exactly a substring of fold(column).
CREATE_CONTACT_SEARCH = (
    "CREATE VIRTUAL TABLE contact_fts USING fts5("
    "note, pseudonym, tokenize = 'trigram case_sensitive 1', content = '', "
    "contentless_delete = 1)",
    # A contact without note and pseudonym (a quarter of them) can match nothing: no entry.
    "CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact "
    "WHEN new.note != '' OR new.pseudonym IS NOT NULL BEGIN "
    "INSERT INTO contact_fts (rowid, note, pseudonym) "
    "VALUES (new.rowid, fold(new.note), fold(new.pseudonym)); END",
    "CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN "
    "DELETE FROM contact_fts WHERE rowid = old.rowid; END",
    "CREATE TRIGGER contact_fts_update AFTER UPDATE OF note, pseudonym ON contact BEGIN "
    "DELETE FROM contact_fts WHERE rowid = old.rowid; "
    "INSERT INTO contact_fts (rowid, note, pseudonym) "
    "SELECT new.rowid, fold(new.note), fold(new.pseudonym) "
    "WHERE new.note != '' OR new.pseudonym IS NOT NULL; END",
    "INSERT INTO contact_fts (rowid, note, pseudonym) "
    "SELECT rowid, fold(note), fold(pseudonym) FROM contact "
    "WHERE note != '' OR pseudonym IS NOT NULL",
)
DROP_CONTACT_SEARCH = (
    "DROP TRIGGER IF EXISTS contact_fts_update",
    "DROP TRIGGER IF EXISTS contact_fts_delete",
    "DROP TRIGGER IF EXISTS contact_fts_insert",
    "DROP TABLE IF EXISTS contact_fts",
)


def create_contact_search() -> None:
    """(Re)create the search table and its triggers and fill it from ``contact``."""
    for statement in (*DROP_CONTACT_SEARCH, *CREATE_CONTACT_SEARCH):
        op.execute(statement)


def upgrade() -> None:
    with op.batch_alter_table("intervention", schema=None) as batch_op:
        batch_op.create_index(
            "ix_intervention_live_conflict",
            ["conflict_id", "deleted", "date", "created_hlc", "id", "next_step_date"],
            unique=False,
        )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(
            "ix_conflict_open",
            ["deleted", "closed", "status", "id"],
            unique=False,
            sqlite_where=sa.text("closed IS NULL"),
        )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_awaiting",
            ["status", "deleted", "follow_up", "date", "id"],
            unique=False,
        )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_due_follow_up",
            ["deleted", "follow_up", "id"],
            unique=False,
            sqlite_where=sa.text("follow_up IS NOT NULL"),
        )
        batch_op.create_index("ix_contact_district_live", ["district", "deleted"], unique=False)
    create_contact_search()


def downgrade() -> None:
    for statement in DROP_CONTACT_SEARCH:
        op.execute(statement)
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_district_live")
        batch_op.drop_index("ix_contact_due_follow_up")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_awaiting")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index("ix_conflict_open")
    with op.batch_alter_table("intervention", schema=None) as batch_op:
        batch_op.drop_index("ix_intervention_live_conflict")
