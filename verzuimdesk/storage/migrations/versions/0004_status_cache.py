"""status_cache: every pupil's computed status at a peildatum, dropped by triggers when its inputs change

The engine's answer for a pupil depends only on the pupil's own rows (absences, events, conversations,
plans, cases, the pupil row) and on the school's calendar, codes and protocol. Triggers delete a
pupil's cached rows when one of its own rows changes, and every cached row when a school-wide row
changes; each also bumps `status_generation`, so a status computed while a write happened is not
stored (storage/status_cache.py). SQLite only: on another server the cache is not used.

A later migration that alters one of these tables in batch mode (SQLite copies the table) drops its
triggers: such a migration must create them again and empty status_cache.
tests/services/test_status_cache.py checks that every trigger exists at head.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (table, column naming the pupil) whose rows are one pupil's input
PUPIL_TABLES = [("absence", "pupil_id"), ("event", "pupil_id"), ("conversation", "pupil_id"),
                ("plan_link", "pupil_id"), ("care_case", "pupil_id"), ("pupil", "id")]
# tables whose rows are every pupil's input
SCHOOL_TABLES = ["school", "school_year", "vacation", "calendar_day", "timetable_span", "absence_code",
                 "school_group"]
BUMP = "UPDATE status_generation SET n = n + 1;"


def _triggers() -> list[str]:
    out = []
    for table, col in PUPIL_TABLES:
        for when, rows in (("INSERT", ["NEW"]), ("UPDATE", ["OLD", "NEW"]), ("DELETE", ["OLD"])):
            ids = ", ".join(f"{r}.{col}" for r in rows)
            out.append(f"CREATE TRIGGER status_cache_{table}_{when.lower()} AFTER {when} ON {table} BEGIN "
                       f"DELETE FROM status_cache WHERE pupil_id IN ({ids}); {BUMP} END")
    for table in SCHOOL_TABLES:
        for when in ("INSERT", "UPDATE", "DELETE"):
            out.append(f"CREATE TRIGGER status_cache_{table}_{when.lower()} AFTER {when} ON {table} BEGIN "
                       f"DELETE FROM status_cache; {BUMP} END")
    return out


def _trigger_names() -> list[str]:
    tables = [t for t, _ in PUPIL_TABLES] + SCHOOL_TABLES
    return [f"status_cache_{t}_{w}" for t in tables for w in ("insert", "update", "delete")]


def upgrade() -> None:
    op.create_table(
        "status_cache",
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"], name=op.f("fk_status_cache_pupil_id_pupil"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("peildatum", "pupil_id", name=op.f("pk_status_cache")),
    )
    with op.batch_alter_table("status_cache", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_status_cache_pupil_id"), ["pupil_id"], unique=False)
    op.create_table(
        "status_generation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_generation")),
    )
    op.execute("INSERT INTO status_generation (id, n) VALUES (1, 0)")
    if op.get_bind().dialect.name == "sqlite":
        for ddl in _triggers():
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _trigger_names():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("status_generation")
    with op.batch_alter_table("status_cache", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_cache_pupil_id"))
    op.drop_table("status_cache")
