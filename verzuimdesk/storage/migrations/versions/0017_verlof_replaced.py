"""verlof_replaced: the records a leave decision put aside, so that changing the decision puts them back

Granting leave deleted a `?` (unexplained) record on a day of the leave to write the `V`, and reversing
the decision removed the `V` without the `?`: the day lay empty, and the refused days could not be
proposed as luxeverzuim. Confirming luxe changed a record to `X` in place without remembering what it
was, so leave granted afterwards (on bezwaar) kept the `X` and the DUO report of luxe verzuim. This
table keeps each such record as it was (`absence_id` set when the record lives on, changed).

The engine reads none of it: no status-cache triggers are needed (the `absence` table's stay).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "verlof_replaced",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("absence_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start", sa.Time(), nullable=True),
        sa.Column("end", sa.Time(), nullable=True),
        sa.Column("code", sa.String(length=5), nullable=False),
        sa.Column("minutes_late", sa.Integer(), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("reported_by", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("topic", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["verlof_request.id"],
                                name=op.f("fk_verlof_replaced_request_id_verlof_request"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_verlof_replaced_pupil_id_pupil"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["absence_id"], ["absence.id"], name=op.f("fk_verlof_replaced_absence_id_absence"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verlof_replaced")),
    )
    op.create_index(op.f("ix_verlof_replaced_request_id"), "verlof_replaced", ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_verlof_replaced_request_id"), table_name="verlof_replaced")
    op.drop_table("verlof_replaced")
