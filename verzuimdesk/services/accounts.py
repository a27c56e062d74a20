"""Staff accounts and what each role may do: IB-er (everything), leerkracht (own groups), directie (reads).

A password lives only as a key slot of the database's vault; the staff row holds the name, the role
and the groups. Logging in opens the database with that user's slot, so a wrong password opens
nothing at all.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.services.roles import SCHOOL_WIDE, Account, Permission, Role
from verzuimdesk.services.roles import has_logins as has_logins  # where the app finds it
from verzuimdesk.storage import audit, vault
from verzuimdesk.storage.database import Database, DatabaseError, open_database, sqlite_path
from verzuimdesk.storage.models import Group, Staff, StaffGroup


def account_of(db: Database, username: str) -> Account:
    """The account of `username`; an unknown name on a database with accounts is refused."""
    with db.read() as session:
        staff = session.scalar(select(Staff).where(Staff.username == username, Staff.active.is_(True)))
        if staff is None:
            if session.scalar(select(Staff.id).where(Staff.username.is_not(None)).limit(1)) is None:
                return SCHOOL_WIDE
            raise DatabaseError(f"Er is geen actieve gebruiker '{username}'.")
        groups = session.scalars(select(Group.name).join(StaffGroup).where(StaffGroup.staff_id == staff.id)).all()
        return Account(staff.username or "", staff.name, Role(staff.role), tuple(sorted(groups)))


def acting_account(db: Database) -> Account:
    """Who acts on an opened database: the account whose password opened it; on a server, the account of
    the login in the address (the owner who ran init has none and acts school-wide); on a plain file
    nobody logged in, and the school-wide role acts."""
    if db.engine.dialect.name == "postgresql":
        login_name = (db.engine.url.username or "").strip().lower()
        with db.read() as session:
            known = session.scalar(select(Staff.id).where(Staff.username == login_name)) is not None
        return account_of(db, login_name) if known else SCHOOL_WIDE
    if not db.encrypted:
        return SCHOOL_WIDE
    return account_of(db, db.user)


def login(target: str, *, username: str, password: str) -> tuple[Database, Account]:
    """Open the database with this user's password and return the account; logged in the audit log."""
    if sqlite_path(target) is None:  # a server: the person's own PostgreSQL role (services/server_accounts.py)
        from verzuimdesk.services.server_accounts import server_login

        return server_login(target, username=username, password=password)
    from verzuimdesk.services.backups import backup_before_migration

    db = open_database(target, passphrase=password, user=username, before_migrate=backup_before_migration)
    return _logged_in(db, username)


def login_with_key(target: str, *, key: bytes, user: str) -> tuple[Database, Account]:
    """As `login`, with the data key that the user's password unlocked already (the app's login unlocks
    it once, to show the Overzicht before the ORM is loaded: services/status_quick.quick_login)."""
    from verzuimdesk.services.backups import backup_before_migration

    return _logged_in(open_database(target, key=key, user=user, before_migrate=backup_before_migration), user)


def _logged_in(db: Database, username: str) -> tuple[Database, Account]:
    try:
        account = account_of(db, db.user or username)
        with db.begin() as session:
            audit.append(session, user=account.username, action="login")
    except BaseException:
        db.close()
        raise
    return db, account


def _vault_path(db: Database) -> Path:
    path = sqlite_path(db.target)
    if path is None or db.key is None:
        raise DatabaseError("Wachtwoorden horen bij een versleuteld databasebestand.")
    return vault.slots_path(path)


def add_account(db: Database, *, by: Account, username: str, name: str, role: Role, password: str,
                groups: tuple[str, ...] = ()) -> Account:
    """A new colleague: a staff row and a key slot for the password (no re-encryption)."""
    if not by.can(Permission.SETTINGS):
        raise DatabaseError("Alleen de IB-er beheert gebruikers.")
    username = username.strip().lower()
    if not username or not username.isidentifier():
        raise DatabaseError("Kies een gebruikersnaam van letters en cijfers, zonder spaties.")
    if sqlite_path(db.target) is None:
        from verzuimdesk.services.server_accounts import add_server_account

        return add_server_account(db, by=by, username=username, name=name, role=role, password=password,
                                  groups=groups)
    slots = _vault_path(db)
    v = vault.Vault.load(slots)
    if username in v.users or username == vault.RECOVERY:
        raise DatabaseError(f"Gebruikersnaam '{username}' bestaat al.")
    assert db.key is not None
    try:
        v.set_password(db.key, username, password)
    except vault.VaultError as exc:
        raise DatabaseError(str(exc)) from None
    with db.begin() as session:
        staff = Staff(name=name.strip() or username, username=username, role=role.value)
        session.add(staff)
        session.flush()
        group_ids = session.scalars(select(Group.id).where(Group.name.in_(groups))).all()
        session.add_all(StaffGroup(staff_id=staff.id, group_id=g) for g in group_ids)
        audit.append(session, user=by.username, action="create", entity="staff", entity_id=staff.id,
                     detail={"gebruiker": username, "rol": role.value, "groepen": list(groups)})
        # The slot is written last, inside the transaction: if it fails, the staff row rolls back.
        v.save(slots)
    return Account(username, name, role, tuple(sorted(groups)))


def change_password(db: Database, *, account: Account, old: str, new: str) -> None:
    if sqlite_path(db.target) is None:  # a server: the person's own role gets a new SCRAM verifier
        from verzuimdesk.services.server_accounts import change_own_password

        change_own_password(db, account=account, old=old, new=new)
        return
    slots = _vault_path(db)
    v = vault.Vault.load(slots)
    try:
        key, who = v.unlock(old, account.username)
        if who != account.username:
            raise vault.VaultError("Onjuist huidig wachtwoord.")
        v.set_password(key, account.username, new)
    except vault.VaultError as exc:
        raise DatabaseError(str(exc)) from None
    v.save(slots)
    with db.begin() as session:
        audit.append(session, user=account.username, action="update", entity="wachtwoord")


def save_recovery_sheet(path: Path, *, school: str, key: str) -> None:
    """The recovery key as an A4 PDF to print; a folder that cannot be written is said in Dutch."""
    from verzuimdesk.reports.recovery_sheet import write_recovery_sheet

    try:
        write_recovery_sheet(path, school, key)
    except OSError as exc:
        raise DatabaseError(f"Het bestand {path} kan niet worden geschreven: {file_reason(exc)}.") from None
