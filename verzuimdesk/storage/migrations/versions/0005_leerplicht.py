"""leerplicht (PROTOCOLS.md §1b): a pupil's vrijstellingen, and the luxe flag of an absence code

Revision ID: 0005
Revises: 0010
Create Date: 2026-12-02

`absence_code.luxe` is added with ALTER TABLE ADD COLUMN (no table copy), so the status-cache
triggers of 0004 on absence_code stay. The new table `exemption` is a pupil's input to the light:
it gets the same triggers (named as 0004 names them), and the cache is emptied.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0010"
branch_labels = None
depends_on = None

BUMP = "UPDATE status_generation SET n = n + 1;"
WHEN = (("INSERT", ["NEW"]), ("UPDATE", ["OLD", "NEW"]), ("DELETE", ["OLD"]))


def upgrade() -> None:
    op.add_column("absence_code", sa.Column("luxe", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(sa.text("UPDATE absence_code SET luxe = :yes WHERE code = 'X'").bindparams(yes=True))
    op.create_table(
        "exemption",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("article", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_exemption_pupil_id_pupil"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemption")),
    )
    with op.batch_alter_table("exemption", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exemption_pupil_id"), ["pupil_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for when, rows in WHEN:
            ids = ", ".join(f"{r}.pupil_id" for r in rows)
            op.execute(f"CREATE TRIGGER status_cache_exemption_{when.lower()} AFTER {when} ON exemption BEGIN "
                       f"DELETE FROM status_cache WHERE pupil_id IN ({ids}); {BUMP} END")
    op.execute("DELETE FROM status_cache")  # the engine now reads birth dates, vrijstellingen, luxe codes


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for when, _ in WHEN:
            op.execute(f"DROP TRIGGER IF EXISTS status_cache_exemption_{when.lower()}")
    with op.batch_alter_table("exemption", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exemption_pupil_id"))
    op.drop_table("exemption")
    op.drop_column("absence_code", "luxe")  # no batch copy: the triggers of 0004 stay
