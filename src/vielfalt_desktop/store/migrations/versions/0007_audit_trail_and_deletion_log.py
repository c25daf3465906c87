"""audit trail and deletion log

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# What an entry says is fixed once written; only the sync bookkeeping (rev, source, stamps)
# may change, and no entry may be removed.
APPEND_ONLY = {
    "audit": ("at", "action", "record_kind", "record_id", "count", "detail"),
    "deletion_log": ("at", "rule", "record_kind", "count", "cutoff"),
}
BOOKKEEPING = ("id", "origin", "created_hlc", "updated_hlc", "deleted")


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("created_hlc", sa.BigInteger(), nullable=False),
        sa.Column("updated_hlc", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("stamps", sa.Text(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    ]


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("record_kind", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        *_record_columns(),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index("ix_audit_at", ["at"], unique=False)
        batch_op.create_index("ix_audit_origin_at", ["origin", "at"], unique=False)
        batch_op.create_index("ix_audit_record", ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_rev"), ["rev"], unique=False)

    op.create_table(
        "deletion_log",
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("rule", sa.String(length=32), nullable=False),
        sa.Column("record_kind", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("cutoff", sa.Date(), nullable=True),
        *_record_columns(),
    )
    with op.batch_alter_table("deletion_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deletion_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_deletion_log_rev"), ["rev"], unique=False)

    for table, fields in APPEND_ONLY.items():
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in (*fields, *BOOKKEEPING))
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"WHEN {changed} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def downgrade() -> None:
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    with op.batch_alter_table("deletion_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deletion_log_rev"))
        batch_op.drop_index(batch_op.f("ix_deletion_log_at"))
    op.drop_table("deletion_log")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_rev"))
        batch_op.drop_index("ix_audit_record")
        batch_op.drop_index("ix_audit_origin_at")
        batch_op.drop_index("ix_audit_at")
    op.drop_table("audit")
