"""registration_check: a group's dagdeel marked "registratie gecontroleerd" by the teacher

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-02

The engine does not read this table (a blank cell counts as present either way), so it needs none of the
status-cache triggers of 0004: it tells the IB-er which groups have not checked their registration.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registration_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("checked_by", sa.String(length=100), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["school_group.id"], name=op.f("fk_registration_check_group_id_school_group"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_check")),
        sa.UniqueConstraint("group_id", "day", "part", name=op.f("uq_registration_check_group_id")),
    )
    with op.batch_alter_table("registration_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_registration_check_day"), ["day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("registration_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_check_day"))
    op.drop_table("registration_check")
