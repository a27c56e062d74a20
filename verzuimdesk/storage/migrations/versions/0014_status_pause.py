"""status_generation.paused: an import of many absences drops the status cache once, not once per row

The SQLite trigger of 0004 on INSERT into absence drops the pupil's cached statuses and bumps the
generation for every row: a school year of 3,750 lines ran it 3,750 times, a third of the insert. It now
waits while `status_generation.paused` is set; storage/status_cache.py `invalidated_once` sets it
inside the writing transaction only, around one multi-row INSERT, and in the same transaction (also
when the insert fails) drops the cached statuses of the pupils the rows belong to and bumps the
generation once, then clears the flag. A committed file always has paused = 0, so every other write,
and every other connection, still runs the trigger as before; the UPDATE and DELETE triggers are as
they were. PostgreSQL's statement-level triggers (0013) need no pause; the column is there unused.

ADD COLUMN copies no table on SQLite: the other triggers of 0004 stay.

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0011"
branch_labels = None
depends_on = None

BODY = "BEGIN DELETE FROM status_cache WHERE pupil_id IN (NEW.pupil_id); UPDATE status_generation SET n = n + 1; END"
OLD = f"CREATE TRIGGER status_cache_absence_insert AFTER INSERT ON absence {BODY}"
NEW = ("CREATE TRIGGER status_cache_absence_insert AFTER INSERT ON absence "
       f"WHEN (SELECT paused FROM status_generation WHERE id = 1) = 0 {BODY}")


def upgrade() -> None:
    op.add_column("status_generation", sa.Column("paused", sa.Integer(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS status_cache_absence_insert")
        op.execute(NEW)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS status_cache_absence_insert")
        op.execute(OLD)
        # DROP COLUMN (SQLite 3.35+) copies no table either; status_generation has no triggers of its own
        op.execute("ALTER TABLE status_generation DROP COLUMN paused")
    else:
        op.drop_column("status_generation", "paused")
