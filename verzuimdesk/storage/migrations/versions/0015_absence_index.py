"""Drop ix_absence_pupil_day: the unique index uq_absence_span (0008) begins with the same two columns

Every query on absence by pupil, or by pupil and day, is answered by uq_absence_span's first columns
(SQLite's query plans chose it over ix_absence_pupil_day already; PostgreSQL's btree serves a prefix
the same way), and the cascade on deleting a pupil finds its rows by it too. The second index only
made every write to absence maintain one index more: a school year's import of 3,750 lines spent a
tenth of its INSERT on it.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""
from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_absence_pupil_day", table_name="absence")


def downgrade() -> None:
    op.create_index("ix_absence_pupil_day", "absence", ["pupil_id", "day"], unique=False)
