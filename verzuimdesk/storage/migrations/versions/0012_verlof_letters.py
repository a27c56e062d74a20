"""verlof_request, verlof_pupil, verlof_absence and letter: leave requests and the letters sent

Revision ID: 0012
Revises: 0005
Create Date: 2026-12-02

The engine reads none of these tables, so they need none of the status-cache triggers of 0004: granted
leave reaches the engine as `V` records in `absence` (whose triggers stay as they are; no table is
altered here), and `verlof_absence` only remembers which records a decision put there.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "verlof_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("article", sa.String(length=5), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("documents", sa.Text(), nullable=False),
        sa.Column("employer_statement", sa.Boolean(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verlof_request")),
    )
    op.create_table(
        "verlof_pupil",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["verlof_request.id"],
                                name=op.f("fk_verlof_pupil_request_id_verlof_request"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_verlof_pupil_pupil_id_pupil"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("request_id", "pupil_id", name=op.f("pk_verlof_pupil")),
    )
    op.create_index(op.f("ix_verlof_pupil_pupil_id"), "verlof_pupil", ["pupil_id"], unique=False)
    op.create_table(
        "verlof_absence",
        sa.Column("absence_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["absence_id"], ["absence.id"], name=op.f("fk_verlof_absence_absence_id_absence"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["request_id"], ["verlof_request.id"],
                                name=op.f("fk_verlof_absence_request_id_verlof_request"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("absence_id", name=op.f("pk_verlof_absence")),
    )
    op.create_index(op.f("ix_verlof_absence_request_id"), "verlof_absence", ["request_id"], unique=False)
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("recipient", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("file", sa.String(length=500), nullable=False),
        sa.Column("verlof_id", sa.Integer(), nullable=True),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_letter_pupil_id_pupil"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["verlof_id"], ["verlof_request.id"], name=op.f("fk_letter_verlof_id_verlof_request"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter")),
    )
    op.create_index(op.f("ix_letter_pupil_id"), "letter", ["pupil_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_letter_pupil_id"), table_name="letter")
    op.drop_table("letter")
    op.drop_index(op.f("ix_verlof_absence_request_id"), table_name="verlof_absence")
    op.drop_table("verlof_absence")
    op.drop_index(op.f("ix_verlof_pupil_pupil_id"), table_name="verlof_pupil")
    op.drop_table("verlof_pupil")
    op.drop_table("verlof_request")
