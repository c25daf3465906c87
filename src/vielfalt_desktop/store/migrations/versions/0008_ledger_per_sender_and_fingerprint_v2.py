"""ledger keyed per sender; peer fingerprints cover node id and role

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 09:00:00

A bundle id is known per sender, so one device cannot claim another's next bundle id in
advance. Fingerprints of trusted peers are recomputed the way identity cards version 2 show
them (node id, role and keys), so both sides read the same twenty characters.
"""

import base64
import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _fingerprint(node_id: str, role: str, sign_key: bytes, kem_key: bytes) -> str:
    # The same as sync.identity.fingerprint, written out: a migration must not change later.
    who = f"{node_id}\n{role}\n".encode("ascii")
    digest = hashlib.sha256(b"vielfalt-identity/2\n" + who + sign_key + kem_key).digest()
    text = base64.b32encode(digest).decode("ascii")[:20]
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


COLUMNS = (
    "bundle_id, direction, peer_id, seq, created, processed_at, since_rev, upto_rev, records,"
    " changed, file_name"
)


def _ledger(primary_key: str) -> None:
    # SQLite cannot change a primary key in place: a new table, the rows, the old name.
    op.create_table(
        "bundle_ledger_new",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("peer_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("created", sa.String(length=32), nullable=False),
        sa.Column("processed_at", sa.String(length=32), nullable=False),
        sa.Column("since_rev", sa.BigInteger(), nullable=False),
        sa.Column("upto_rev", sa.BigInteger(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(*primary_key.split(",")),
    )
    op.execute(f"INSERT INTO bundle_ledger_new ({COLUMNS}) SELECT {COLUMNS} FROM bundle_ledger")  # noqa: S608 (fixed names)
    op.drop_index("ix_bundle_ledger_peer_id", table_name="bundle_ledger")
    op.drop_table("bundle_ledger")
    op.rename_table("bundle_ledger_new", "bundle_ledger")
    op.create_index("ix_bundle_ledger_peer_id", "bundle_ledger", ["peer_id"], unique=False)


def upgrade() -> None:
    _ledger("peer_id,bundle_id")
    conn = op.get_bind()
    peers = conn.execute(sa.text("SELECT node_id, role, sign_key, kem_key FROM peer")).all()
    for node_id, role, sign_key, kem_key in peers:
        value = _fingerprint(node_id, role, base64.b64decode(sign_key), base64.b64decode(kem_key))
        conn.execute(
            sa.text("UPDATE peer SET fingerprint = :value WHERE node_id = :node_id"),
            {"value": value, "node_id": node_id},
        )


def downgrade() -> None:
    _ledger("bundle_id")
