"""versions and the server: a version on every editable row; on PostgreSQL the status cache's triggers and
NOTIFY of what changed

- `version` on conversation, care_case and absence: a save names the version it started from and is
  refused when the row moved on meanwhile (no lost update, services/versions.py). SQLAlchemy bumps it
  on every UPDATE (models.py, `version_id_col`), and the UPDATE itself checks it.
- PostgreSQL only: statement-level triggers do what the SQLite triggers of 0004 do (drop the stale rows
  of status_cache; bump the pupil's stamp in status_stamp, or status_generation for a school-wide
  change), so the cache works on a server with many writers too, and each tells every
  listening app what changed (NOTIFY verzuimdesk: the pupils, or the whole school, or the checks; and
  the application_name of the writer, so an app skips its own). Every trigger first takes the writers'
  advisory lock (storage.database.WRITE_LOCK), the same the audit chain and the cache's store take: one
  order of locks, no deadlock. NOTIFY is sent at commit, never for a rolled-back write.

ADD COLUMN copies no table on SQLite: the triggers of 0004 stay.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

VERSIONED = ("conversation", "care_case", "absence")
WRITE_LOCK = 8818  # storage.database.WRITE_LOCK
PUPIL_TABLES = (("absence", "pupil_id"), ("event", "pupil_id"), ("conversation", "pupil_id"),
                ("plan_link", "pupil_id"), ("care_case", "pupil_id"), ("pupil", "id"), ("exemption", "pupil_id"))
SCHOOL_TABLES = ("school", "school_year", "vacation", "calendar_day", "timetable_span", "absence_code",
                 "school_group")
MAX_IDS = 400  # more pupils than this in one statement: the whole school (NOTIFY's payload is < 8000 bytes)
EVENTS = {"INSERT": ("new_rows",), "UPDATE": ("old_rows", "new_rows"), "DELETE": ("old_rows",)}


def _notify(body: str) -> str:
    return (f"PERFORM pg_notify('verzuimdesk', json_build_object({body}, "
            "'a', current_setting('application_name'))::text);")


SCHOOL_NOTIFY = _notify("'s', true")
PUPILS_NOTIFY = _notify("'p', ids")
CHECKS_NOTIFY = _notify("'c', true")


def _pupil_function(table: str, col: str, event: str) -> str:
    rows = EVENTS[event]
    union = " UNION ".join(f"SELECT {col} FROM {r}" for r in rows)
    return (f"CREATE FUNCTION vd_changed_{table}_{event.lower()}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE ids integer[]; BEGIN "
            f"PERFORM pg_advisory_xact_lock({WRITE_LOCK}); "
            f"SELECT array_agg(DISTINCT x.{col}) INTO ids FROM ({union}) x; "
            "IF ids IS NULL THEN RETURN NULL; END IF; "
            # the stamp first: it waits for a store of these pupils under way, whose rows the DELETE then sees
            "INSERT INTO status_stamp (pupil_id, n) SELECT unnest(ids), 1 "
            "ON CONFLICT (pupil_id) DO UPDATE SET n = status_stamp.n + 1; "
            "DELETE FROM status_cache WHERE pupil_id = ANY(ids); "
            f"IF array_length(ids, 1) > {MAX_IDS} THEN {SCHOOL_NOTIFY} "
            f"ELSE {PUPILS_NOTIFY} END IF; "
            "RETURN NULL; END $$")


SCHOOL_FUNCTION = ("CREATE FUNCTION vd_changed_school() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   f"PERFORM pg_advisory_xact_lock({WRITE_LOCK}); "
                   "UPDATE status_generation SET n = n + 1 WHERE id = 1; DELETE FROM status_cache; "
                   f"{SCHOOL_NOTIFY} RETURN NULL; END $$")
CHECKS_FUNCTION = ("CREATE FUNCTION vd_changed_checks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   f"{CHECKS_NOTIFY} RETURN NULL; END $$")


# The audit chain is one chain over every row, also those row-level security hides from a leerkracht
# (storage/server_roles.py): the last hash and the count are read through the owner's rights.
AUDIT_FUNCTIONS = [
    "CREATE FUNCTION vd_audit_last_hash() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER "
    "SET search_path = public AS $$ SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1 $$",
    "CREATE FUNCTION vd_audit_count() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER "
    "SET search_path = public AS $$ SELECT count(*) FROM audit_log $$",
]


# Per pupil, how often its inputs changed: a status computed from data read at stamp N is stored only if
# the stamp is still N (storage/status_cache.py). With twenty writers at once, one school-wide generation
# (as on SQLite, one writer) would refuse nearly every store; it stays for the school-wide changes.
STAMPS = "CREATE TABLE status_stamp (pupil_id integer PRIMARY KEY, n bigint NOT NULL)"


def _pg_ddl() -> list[str]:
    out = [STAMPS, SCHOOL_FUNCTION, CHECKS_FUNCTION, *AUDIT_FUNCTIONS]
    for table, col in PUPIL_TABLES:
        for event, rows in EVENTS.items():
            out.append(_pupil_function(table, col, event))
            refs = " ".join(f"{'OLD' if r == 'old_rows' else 'NEW'} TABLE AS {r}" for r in rows)
            out.append(f"CREATE TRIGGER vd_changed_{table}_{event.lower()} AFTER {event} ON {table} "
                       f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION vd_changed_{table}_{event.lower()}()")
    for table in SCHOOL_TABLES:
        out.append(f"CREATE TRIGGER vd_changed_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION vd_changed_school()")
    out.append("CREATE TRIGGER vd_changed_checks AFTER INSERT OR UPDATE OR DELETE ON registration_check "
               "FOR EACH STATEMENT EXECUTE FUNCTION vd_changed_checks()")
    return out


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "postgresql":
        for ddl in _pg_ddl():
            op.execute(ddl)
        op.execute("DELETE FROM status_cache")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, _ in PUPIL_TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS vd_changed_{table}_{event.lower()} ON {table}")
                op.execute(f"DROP FUNCTION IF EXISTS vd_changed_{table}_{event.lower()}()")
        for table in SCHOOL_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS vd_changed_{table} ON {table}")
        op.execute("DROP TRIGGER IF EXISTS vd_changed_checks ON registration_check")
        op.execute("DROP FUNCTION IF EXISTS vd_changed_school()")
        op.execute("DROP FUNCTION IF EXISTS vd_changed_checks()")
        op.execute("DROP FUNCTION IF EXISTS vd_audit_last_hash()")
        op.execute("DROP FUNCTION IF EXISTS vd_audit_count()")
        op.execute("DROP TABLE IF EXISTS status_stamp")
    for table in VERSIONED:
        op.drop_column(table, "version")
