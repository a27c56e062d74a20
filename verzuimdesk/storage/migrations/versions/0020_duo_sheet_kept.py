"""duo_sheet_kept: each DUO sheet of a registered report as it was when the report was registered

The reprint of a registered report ("Afdruk voor het verzuimdossier: de gegevens zoals ze gemeld zijn") was
computed again from the records of the day it was printed: a record entered late, or a code corrected after
the report, changed the begindatum, einddatum and hours of a report DUO already had, or left the report with
no sheet at all. This table keeps each sheet a report answered (PROTOCOLS.md §1b's figures and the records
listed), so the reprint says what was reported and names what differs now (services/duo_kept.py).

Reports registered before this version keep no sheet: their reprint is computed from the records of now
and says so. The engine reads none of it: no status-cache triggers are needed. On a server the owner's
`secure` after this migration gives the group roles their rights and the table its row policy (pupil_id).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duo_sheet_kept",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=50), nullable=False),
        sa.Column("trigger", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("begin", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("legal", sa.Boolean(), nullable=False),
        sa.Column("previous_day", sa.Date(), nullable=True),
        sa.Column("previous_reference", sa.String(length=200), nullable=False),
        sa.Column("records", sa.Text(), nullable=False),
        sa.Column("kept_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f("fk_duo_sheet_kept_event_id_event"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_duo_sheet_kept_pupil_id_pupil"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duo_sheet_kept")),
        sa.UniqueConstraint("event_id", "position", name=op.f("uq_duo_sheet_kept_event_id")),
    )
    op.create_index(op.f("ix_duo_sheet_kept_pupil_id"), "duo_sheet_kept", ["pupil_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_duo_sheet_kept_pupil_id"), table_name="duo_sheet_kept")
    op.drop_table("duo_sheet_kept")
