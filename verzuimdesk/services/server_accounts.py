"""Accounts on a PostgreSQL server: each person logs in as their own PostgreSQL role (docs/server.md).

The server checks the password (SCRAM-SHA-256) and, through row-level security, what rows the role may
read (storage/server_roles.py); the staff table names the person's role and groups, as on a laptop,
and the services check them the same way (`Account`). `init_server` makes the schema and the first
IB-er as the table owner; afterwards an IB-er adds colleagues through `vd_create_login`, a function
the owner lends its right to create roles to, for this database's roles only.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from verzuimdesk.services.accounts import Account, Role, account_of
from verzuimdesk.storage import audit, server_roles
from verzuimdesk.storage.database import Database, DatabaseError, open_database, server_dsn, server_url
from verzuimdesk.storage.models import Group, Staff, StaffGroup


def with_login(target: str, username: str, password: str) -> str:
    """The server address with this person's login instead of the one typed (or none)."""
    url = make_url(server_url(target)).set(username=username, password=password)
    return url.render_as_string(hide_password=False)


def _password_refused(exc: BaseException) -> bool:
    """The server asked for a password and closed the connection. Read from libpq's flags, not from its
    words (which the server translates: a Dutch server says "wachtwoord"); a server that does not answer
    asked for nothing. A database missing on the server looks the same to libpq."""
    pgconn = getattr(getattr(exc.__cause__, "orig", None), "pgconn", None)
    return bool(pgconn is not None and (pgconn.needs_password or pgconn.used_password))


def server_login(target: str, *, username: str, password: str) -> tuple[Database, Account]:
    """Connect as the person's own role; the account as the staff table says. Logged in the audit log."""
    username = username.strip().lower()
    try:
        db = open_database(with_login(target, username, password))
    except DatabaseError as exc:
        if _password_refused(exc):
            raise DatabaseError("Onjuiste gebruikersnaam of wachtwoord (of deze database staat niet op de "
                                "server).") from None
        raise
    db.target = target  # what the user typed, without the password
    db.user = username
    try:
        account = account_of(db, username)
        with db.begin() as session:
            audit.append(session, user=account.username, action="login")
    except BaseException:
        db.close()
        raise
    return db, account


def _add(session: object, *, username: str, name: str, role: Role, groups: tuple[str, ...], by: str) -> int:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    if session.scalar(select(Staff.id).where(Staff.username == username)) is not None:
        raise DatabaseError(f"Gebruikersnaam '{username}' bestaat al.")
    staff = Staff(name=name.strip() or username, username=username, role=role.value)
    session.add(staff)
    session.flush()
    group_ids = session.scalars(select(Group.id).where(Group.name.in_(groups))).all()
    session.add_all(StaffGroup(staff_id=staff.id, group_id=g) for g in group_ids)
    audit.append(session, user=by, action="create", entity="staff", entity_id=staff.id,
                 detail={"gebruiker": username, "rol": role.value, "groepen": list(groups)})
    return staff.id


def _server_refused(exc: DBAPIError, what: str) -> DatabaseError:
    diag = getattr(exc.orig, "diag", None)
    why = getattr(diag, "message_primary", None) or str(exc.orig)
    return DatabaseError(f"{what}: {why}")


def _call(session: object, sql: str, params: dict[str, object], what: str) -> None:
    """A function of server_roles in the caller's transaction; the server's refusal said in Dutch."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    try:
        session.execute(text(sql), params)
    except DBAPIError as exc:
        raise _server_refused(exc, what) from None


def set_login_password(session: object, *, username: str, role: str, password: str) -> None:
    """A colleague's new password (a one-time one) on the server: a new SCRAM verifier for the role, which
    may log in again (an IB-er, through vd_create_login)."""
    _call(session, "SELECT vd_create_login(:u, :v, :r)",
          {"u": username, "v": server_roles.scram_verifier(password), "r": role},
          f"Het wachtwoord van '{username}' kon op de server niet gewijzigd worden")


def end_login(session: object, *, username: str, remove: bool) -> None:
    """Switch a colleague's login off (NOLOGIN), or remove it (out of the school's roles, DROP ROLE)."""
    _call(session, "SELECT vd_end_login(:u, :r)", {"u": username, "r": remove},
          f"Het account '{username}' kon op de server niet {'verwijderd' if remove else 'uitgezet'} worden")


def password_chosen(session: object) -> None:
    """The connected person chose their own password: their one-time mark goes."""
    _call(session, "SELECT vd_password_chosen()", {}, "Het nieuwe wachtwoord is niet vastgelegd")


def _password_works(db: Database, username: str, password: str) -> bool:
    import psycopg

    dsn = server_dsn(db)
    assert dsn is not None
    try:
        with psycopg.connect(make_url(dsn).set(username=username, password=password)
                             .render_as_string(hide_password=False), connect_timeout=15):
            return True
    except psycopg.OperationalError as exc:
        pgconn = getattr(exc, "pgconn", None)
        if pgconn is not None and (pgconn.needs_password or pgconn.used_password):
            return False
        raise DatabaseError(f"De server antwoordt niet: {exc}") from None


def change_own_password(db: Database, *, account: Account, old: str, new: str) -> None:
    """The connected person's own new password: checked against the server with the old one, then a new
    SCRAM verifier for their own role (any role may change its own password). This app's next
    connections use the new one."""
    if not _password_works(db, account.username or db.user, old):
        raise DatabaseError("Onjuist huidig wachtwoord.")
    verifier = server_roles.scram_verifier(new)
    with db.begin() as session:
        session.connection().exec_driver_sql(f"ALTER ROLE CURRENT_USER PASSWORD '{verifier}'")
        audit.append(session, user=account.username, action="update", entity="wachtwoord")
    db.resume(new)


def add_server_account(db: Database, *, by: Account, username: str, name: str, role: Role, password: str,
                       groups: tuple[str, ...] = ()) -> Account:
    """A colleague's login role and staff row, in one transaction (the caller checked `by` may)."""
    verifier = server_roles.scram_verifier(password)
    try:
        with db.begin() as session:
            _add(session, username=username, name=name, role=role, groups=groups, by=by.username)
            session.execute(text("SELECT vd_create_login(:u, :v, :r)"),
                            {"u": username, "v": verifier, "r": role.value})
    except DBAPIError as exc:
        raise _server_refused(exc, f"Het account '{username}' kon niet op de server gemaakt worden") from None
    return Account(username, name, role, tuple(sorted(groups)))


def init_server(db: Database, *, username: str, name: str, password: str) -> None:
    """As the owner of a new server database: roles, grants, row-level security, and the first IB-er."""
    username = username.strip().lower()
    if not username.isidentifier():
        raise DatabaseError("Kies een gebruikersnaam van letters en cijfers, zonder spaties.")
    with db.engine.begin() as conn:
        if not server_roles.is_owner(conn):
            raise DatabaseError("Maak de database aan met de beheerdersrol die eigenaar van de tabellen wordt "
                                "(zie docs/server.md), niet met het account van een gebruiker.")
        server_roles.secure(conn)
        server_roles.create_login(conn, username=username, password=password, role=Role.IB.value)
    with db.begin() as session:
        # create_school may have written the first IB-er's staff row already
        if session.scalar(select(Staff.id).where(Staff.username == username, Staff.role == Role.IB.value)) is None:
            _add(session, username=username, name=name, role=Role.IB, groups=(), by=username)
