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
from verzuimdesk.storage.database import Database, DatabaseError, open_database, server_url
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
        diag = getattr(exc.orig, "diag", None)
        why = getattr(diag, "message_primary", None) or str(exc.orig)
        raise DatabaseError(f"Het account '{username}' kon niet op de server gemaakt worden: {why}") from None
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
