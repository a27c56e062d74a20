"""safety: one absence per pupil, day and time span; a keyed audit chain guarded by triggers

- Duplicate absences (the same pupil, day and span, from two imports or two writers at once) are
  merged into the oldest row, then a unique index keeps it so. No table is copied (no batch alter),
  so the status-cache triggers of 0004 stay; the cache is emptied all the same, as the merge changed
  pupils' input.
- `audit_permit`: the table whose row, inside retention's purge only, lets the audit triggers pass.
- Triggers refuse UPDATE and DELETE on audit_log (SQLite and PostgreSQL).
- The audit chain is recomputed with the HMAC key derived from the data key (storage/audit.py),
  which storage/database.py hands over as `audit_key`.

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.orm import Session

revision = "0008"
down_revision = "0004"
branch_labels = None
depends_on = None

REFUSAL = "Het logboek kan niet gewijzigd of gewist worden."
SPAN: list[str | sa.TextClause] = ["pupil_id", "day", sa.text("coalesce(start, '00:00')"), sa.text("coalesce(\"end\", '00:00')")]

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_log_no_{when.lower()} BEFORE {when} ON audit_log "
    f"WHEN NOT EXISTS (SELECT 1 FROM audit_permit) BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
    for when in ("UPDATE", "DELETE")
]
PG_TRIGGERS = [
    "CREATE FUNCTION audit_log_guard() RETURNS trigger AS $$ BEGIN "
    f"IF NOT EXISTS (SELECT 1 FROM audit_permit) THEN RAISE EXCEPTION '{REFUSAL}'; END IF; "
    "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
    "EXECUTE FUNCTION audit_log_guard()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT "
    "EXECUTE FUNCTION audit_log_guard()",
]


def upgrade() -> None:
    from verzuimdesk.storage import audit

    op.execute("DELETE FROM absence WHERE id NOT IN (SELECT min(id) FROM absence GROUP BY pupil_id, day, "
               "coalesce(start, '00:00'), coalesce(\"end\", '00:00'))")
    op.create_index("uq_absence_span", "absence", SPAN, unique=True)
    op.execute("DELETE FROM status_cache")
    op.create_table("audit_permit", sa.Column("id", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_permit")))
    key = context.config.attributes.get("audit_key") or audit.PUBLIC_KEY
    session = Session(bind=op.get_bind())
    audit.rechain(session, key)
    session.flush()
    for ddl in SQLITE_TRIGGERS if op.get_bind().dialect.name == "sqlite" else PG_TRIGGERS:
        op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_guard ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_guard()")
    op.drop_table("audit_permit")
    op.drop_index("uq_absence_span", table_name="absence")
