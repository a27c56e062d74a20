"""EDEXML as the standard has it: a pupil's own jaargroep, teachers' roles, samengestelde groepen

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-02

Columns are added with plain ALTER TABLE ... ADD COLUMN (no batch copy), so the status-cache
triggers of migration 0004 stay in place. The new tables are no input to the engine.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pupil", sa.Column("jaargroep", sa.String(length=10), nullable=False, server_default=""))
    op.add_column("staff", sa.Column("las_role", sa.String(length=200), nullable=False, server_default=""))
    op.add_column("staff_group", sa.Column("role", sa.String(length=200), nullable=False, server_default=""))
    op.create_table(
        "composite_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=256), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_composite_group")),
        sa.UniqueConstraint("key", name=op.f("uq_composite_group_key")),
    )
    op.create_table(
        "composite_member",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["composite_group.id"],
                                name=op.f("fk_composite_member_group_id_composite_group"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_composite_member_pupil_id_pupil"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "pupil_id", name=op.f("pk_composite_member")),
    )
    op.create_index(op.f("ix_composite_member_pupil_id"), "composite_member", ["pupil_id"], unique=False)
    op.create_table(
        "composite_staff",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["group_id"], ["composite_group.id"],
                                name=op.f("fk_composite_staff_group_id_composite_group"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_composite_staff_staff_id_staff"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "staff_id", name=op.f("pk_composite_staff")),
    )


def downgrade() -> None:
    op.drop_table("composite_staff")
    op.drop_index(op.f("ix_composite_member_pupil_id"), table_name="composite_member")
    op.drop_table("composite_member")
    op.drop_table("composite_group")
    # plain DROP COLUMN (SQLite 3.35+): a batch copy of pupil would drop the status-cache triggers
    op.drop_column("staff_group", "role")
    op.drop_column("staff", "las_role")
    op.drop_column("pupil", "jaargroep")
