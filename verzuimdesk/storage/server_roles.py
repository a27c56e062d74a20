"""Accounts on a PostgreSQL server: one login role per person, three group roles per database, and
row-level security so that a leerkracht's connection reads only the pupils of the own groups, whatever
SQL it sends (docs/server.md explains the choice).

The owner of the tables (the role the ICT coordinator gave to `verzuimdesk init --db`) runs `secure`
after every migration: it (re)creates the group roles `vd_<database>_ib`, `_leerkracht`, `_directie`,
grants each what its role may do, and puts a policy on every table that holds a pupil's rows. Which
pupils a login sees is decided on the server by `vd_my_pupils()`, from the staff table (username =
the login role, role, groups), which only an IB-er may change. The owner itself is not subject to the
policies (it owns the tables), so the app never runs as the owner for daily work.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata

from sqlalchemy import Connection, text

from verzuimdesk.storage.school_rows import MUST_CHANGE  # a Setting per user with a one-time password

ROLES = ("ib", "leerkracht", "directie")
# What each role may write (besides reading every table it may see); the IB-er writes everything.
# The status cache is written by the IB-er's and the directie's apps only: a cached status is trusted by
# every app, so a leerkracht (whose raw SQL could write any payload) only reads it.
WRITES = {
    "leerkracht": ("absence", "conversation", "agreement", "draft", "registration_check"),
    # The directeur records and decides verlof (Leerplichtwet art. 11, 13a, 14): the request with its pupils,
    # the decision, the grid it fills with `V` or gives back (services/verlof), and the decision's letter.
    "directie": ("draft", "status_cache", "status_stamp", "status_generation", "verlof_request", "verlof_pupil",
                 "verlof_absence", "verlof_replaced", "absence", "letter"),
}
# Tables whose rows belong to a pupil through another table.
CHILD_POLICIES = {
    "agreement": "conversation_id IN (SELECT id FROM conversation)",
    "case_status": "case_id IN (SELECT id FROM care_case)",
    "case_share": "case_id IN (SELECT id FROM care_case)",
}
POLICY = "vd_own_groups"
_NAME = re.compile(r"[^a-z0-9_]")


def group_role(database: str, role: str) -> str:
    """The group role of `role` ("ib", ...) in `database`: roles are shared by the whole cluster (a school
    board keeps several schools on one), so each database has its own three."""
    return f"vd_{_NAME.sub('_', database.lower())}"[:50] + f"_{role}"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


FUNCTIONS = [
    # The pupils the connected person may see: every pupil for an active IB-er or directie account, the
    # own groups' pupils for a leerkracht, none for a login that has no active account here.
    """CREATE OR REPLACE FUNCTION vd_my_pupils() RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER
       SET search_path = pg_catalog, public, pg_temp AS $$
       SELECT p.id FROM pupil p JOIN staff s ON s.username = session_user AND s.active
       WHERE s.role <> 'leerkracht'
          OR p.group_id IN (SELECT sg.group_id FROM staff_group sg WHERE sg.staff_id = s.id) $$""",
    # A colleague who logged in with a one-time password chose one of their own: only their own mark goes
    # (a leerkracht may not change the settings table itself).
    f"""CREATE OR REPLACE FUNCTION vd_password_chosen() RETURNS void LANGUAGE sql SECURITY DEFINER
       SET search_path = pg_catalog, public, pg_temp AS $$
       DELETE FROM setting WHERE key = '{MUST_CHANGE}' || session_user $$""",
]


SECURE_LOCK = 8819  # the advisory lock `secure` runs under when an open starts it (storage/database.py)
SECURITY_VERSION = "verzuimdesk-rechten 5"  # set by `secure`; an owner's open runs it again when older
# Rights on a server are given by `secure`; without a migration a new version's functions would not reach a
# database, so `secure` marks the IB-er group role with this, and the owner's next open compares it.


def _is_account(groups: dict[str, str], name: str) -> str:
    """SQL: `name` is a login of this database: a direct, plain member of one of its group roles (not the
    owner, who holds them with admin option as their creator), and neither a superuser nor a role maker."""
    listed = ", ".join(f"'{g}'" for g in groups.values())
    return (f"(EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            f"JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = {name} AND g.rolname IN ({listed}) "
            f"AND NOT m.admin_option AND NOT r.rolsuper AND NOT r.rolcreaterole) "
            # and a member of nothing else: not another school's colleague, whom this IB-er may not manage
            f"AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            f"JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = {name} AND g.rolname NOT IN ({listed})))")


def _create_login_function(groups: dict[str, str]) -> str:
    """An IB-er's way to add a colleague, or give one a new password: the owner's right to create roles,
    lent for this database's three group roles only. It never touches a role that is no account of this
    database (the owner, another school's staff), takes a SCRAM verifier (no password in a statement), and
    grants one group role."""
    return f"""CREATE OR REPLACE FUNCTION vd_create_login(username text, verifier text, app_role text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    BEGIN
      IF NOT pg_has_role(session_user, '{groups["ib"]}', 'MEMBER') THEN
        RAISE EXCEPTION 'alleen een IB-er maakt accounts';
      END IF;
      IF app_role NOT IN ('ib', 'leerkracht', 'directie') THEN RAISE EXCEPTION 'onbekende rol %', app_role; END IF;
      IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN RAISE EXCEPTION 'geen SCRAM-verifier'; END IF;
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = username) THEN
        IF NOT {_is_account(groups, "username")} THEN
          RAISE EXCEPTION 'de rol % bestaat al op de server en is geen account van deze school', username;
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', username, verifier);
      ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', username, verifier);
      END IF;
      EXECUTE format('GRANT %I TO %I', '{groups["ib"][:-2]}' || app_role, username);
    END $$"""


def _end_login_function(groups: dict[str, str]) -> str:
    """An IB-er switches a colleague's login off (NOLOGIN), or removes it: out of this database's group
    roles, then DROP ROLE (NOLOGIN if something elsewhere still depends on the role). Only an account of
    this database, never the caller's own."""
    revoke = "\n".join(f"      EXECUTE format('REVOKE %I FROM %I', '{g}', username);" for g in groups.values())
    return f"""CREATE OR REPLACE FUNCTION vd_end_login(username text, remove boolean)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    BEGIN
      IF NOT pg_has_role(session_user, '{groups["ib"]}', 'MEMBER') THEN
        RAISE EXCEPTION 'alleen een IB-er beheert accounts';
      END IF;
      IF username = session_user THEN RAISE EXCEPTION 'u kunt uw eigen account niet intrekken'; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = username) THEN RETURN; END IF;
      IF NOT {_is_account(groups, "username")} THEN
        RAISE EXCEPTION 'de rol % is geen account van deze school', username;
      END IF;
      EXECUTE format('ALTER ROLE %I NOLOGIN', username);
      IF NOT remove THEN RETURN; END IF;
{revoke}
      BEGIN
        EXECUTE format('DROP ROLE %I', username);
      EXCEPTION WHEN dependent_objects_still_exist THEN
        NULL;  -- granted something in another database: it stays, without login and without this school
      END;
    END $$"""


def is_secured(conn: Connection) -> bool:
    """Whether `secure` ran on this database (its IB-er group role exists)."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                             {"n": group_role(database, "ib")}).scalar())


def is_owner(conn: Connection) -> bool:
    return bool(conn.execute(text("SELECT tableowner = current_user FROM pg_tables "
                                  "WHERE schemaname = 'public' AND tablename = 'pupil'")).scalar())


def secure(conn: Connection) -> None:
    """Roles, grants and policies, as the owner; safe to run again (after a migration added a table)."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    groups = {r: group_role(database, r) for r in ROLES}
    existing = set(conn.execute(text("SELECT rolname FROM pg_roles")).scalars())
    for name in groups.values():
        if name not in existing:
            conn.execute(text(f"CREATE ROLE {_q(name)} NOLOGIN"))
    every = ", ".join(_q(g) for g in groups.values())
    conn.execute(text(f"REVOKE ALL ON DATABASE {_q(database)} FROM PUBLIC"))
    # No temporary tables: in a function that runs with the owner's rights a temporary table would stand in
    # for a table it names (row-level security's `staff`, `pg_roles`); the app makes none.
    conn.execute(text(f"REVOKE TEMPORARY ON DATABASE {_q(database)} FROM {every}"))
    conn.execute(text(f"GRANT CONNECT ON DATABASE {_q(database)} TO {every}"))
    conn.execute(text("REVOKE CREATE ON SCHEMA public FROM PUBLIC"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {every}"))
    tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
    for table in sorted(tables):
        conn.execute(text(f"REVOKE ALL ON {_q(table)} FROM {every}"))
        conn.execute(text(f"GRANT SELECT ON {_q(table)} TO {every}"))
    mutable = sorted(tables - {"alembic_version", "audit_log"})
    conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_q(t) for t in mutable)} TO {_q(groups['ib'])}"))
    for role, writes in WRITES.items():
        conn.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_q(t) for t in writes if t in tables)} "
                          f"TO {_q(groups[role])}"))
    # The log: everyone adds rows; only retention's purge (the IB-er) changes them, through the guard of 0008.
    conn.execute(text(f"GRANT INSERT ON audit_log TO {every}"))
    conn.execute(text(f"GRANT UPDATE, DELETE ON audit_log TO {_q(groups['ib'])}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}"))
    for ddl in FUNCTIONS:
        conn.execute(text(ddl))
    conn.execute(text(_create_login_function(groups)))  # text(): its % signs are no placeholders
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION vd_create_login(text, text, text) FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION vd_create_login(text, text, text) TO {_q(groups['ib'])}")
    conn.execute(text(_end_login_function(groups)))
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION vd_end_login(text, boolean) FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION vd_end_login(text, boolean) TO {_q(groups['ib'])}")
    # The triggers of 0013 drop cached statuses and bump the generation whoever writes.
    for fn in conn.execute(text("SELECT proname FROM pg_proc WHERE proname LIKE 'vd_changed_%'")).scalars():
        conn.execute(text(f"ALTER FUNCTION {_q(fn)}() SECURITY DEFINER"))  # its search_path: below
    # Every function that runs with the owner's rights looks names up in the catalog first and in the
    # session's temporary schema last (PostgreSQL's advice for SECURITY DEFINER), whoever made it.
    for fn in conn.execute(text("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                                "ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prosecdef")).scalars():
        conn.execute(text(f"ALTER FUNCTION {fn} SET search_path = pg_catalog, public, pg_temp"))
    pupil_tables = set(conn.execute(text(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND column_name = 'pupil_id'")).scalars())
    policies = {t: "pupil_id IS NULL OR pupil_id IN (SELECT vd_my_pupils())" for t in pupil_tables}
    policies["pupil"] = "id IN (SELECT vd_my_pupils())"
    policies.update({t: p for t, p in CHILD_POLICIES.items() if t in tables})
    for table, using in sorted(policies.items()):
        conn.execute(text(f"ALTER TABLE {_q(table)} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"DROP POLICY IF EXISTS {POLICY} ON {_q(table)}"))
        conn.execute(text(f"CREATE POLICY {POLICY} ON {_q(table)} USING ({using})"))
    conn.execute(text(f"COMMENT ON ROLE {_q(groups['ib'])} IS '{SECURITY_VERSION}'"))


def needs_securing(conn: Connection) -> bool:
    """Whether the owner should run `secure` again: set up before, by an older version of the rights."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    said = conn.execute(text("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :n"),
                        {"n": group_role(database, "ib")}).first()
    return said is not None and said[0] != SECURITY_VERSION and is_owner(conn)


def account_state(conn: Connection, username: str) -> str:
    """"ours" (a login of this database), "missing" (no role of that name), or "foreign" (a role that is no
    account of this database: the owner, a superuser, another school's login)."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    groups = {r: group_role(database, r) for r in ROLES}
    if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": username}).scalar():
        return "missing"
    return "ours" if conn.execute(text(f"SELECT {_is_account(groups, ':n')}"), {"n": username}).scalar() else "foreign"


def set_account(conn: Connection, *, username: str, role: str, login: bool) -> None:
    """An existing login of this database (as the owner): member of the group role of `role` only, and
    allowed to log in or not. Its password stays."""
    if role not in ROLES:
        raise ValueError(role)
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    for other in ROLES:
        verb = "GRANT" if other == role else "REVOKE"
        conn.exec_driver_sql(f"{verb} {_q(group_role(database, other))} {'TO' if other == role else 'FROM'} "
                             f"{_q(username)}")
    conn.exec_driver_sql(f"ALTER ROLE {_q(username)} {'LOGIN' if login else 'NOLOGIN'}")


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL keeps for a password (RFC 5802/7677): computed here, so the
    password itself never reaches the server's statement log."""
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", unicodedata.normalize("NFKC", password).encode(), salt, iterations)
    client = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    server = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(hashlib.sha256(client).digest())}:{b64(server)}"


def create_login(conn: Connection, *, username: str, password: str, role: str) -> None:
    """A login role for one person, member of the database's group role of `role` (run as the owner, which
    needs CREATEROLE). The server keeps only the SCRAM-SHA-256 verifier; the app stores nothing."""
    if role not in ROLES:
        raise ValueError(role)
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": username}).scalar()
    verifier = scram_verifier(password)
    verb = "ALTER" if exists else "CREATE"
    conn.exec_driver_sql(f"{verb} ROLE {_q(username)} LOGIN PASSWORD '{verifier}'")
    conn.exec_driver_sql(f"GRANT {_q(group_role(database, role))} TO {_q(username)}")
