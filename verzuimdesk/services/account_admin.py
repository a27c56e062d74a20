"""The IB-er manages colleagues: deactivate or activate, remove, and reset a password to a one-time password
that the program makes and shows once (the IB-er never chooses or needs to know a colleague's password;
the colleague picks a new one at the first login with it). Everyone changes their own password.

A deactivated or removed colleague's key slot is removed from the vault, so their password opens nothing.
On a server (services/server_accounts.py) the same is the person's PostgreSQL role: a new one-time password
is a new SCRAM verifier (ALTER ROLE), switching off is NOLOGIN, removing takes the role out of the school's
group roles and drops it. In both, the audit log keeps the rows of what the person did, under their name.
Only the IB-er manages colleagues (services/permissions.py).
"""

from __future__ import annotations

import secrets

from sqlalchemy import delete, func, select

from verzuimdesk.services import server_accounts
from verzuimdesk.services.accounts import Account, Permission, Role, _vault_path
from verzuimdesk.services.permissions import require
from verzuimdesk.storage import audit, school_rows, vault
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import session_run
from verzuimdesk.storage.models import CompositeStaff, Setting, Staff, StaffGroup
from verzuimdesk.storage.server_roles import MUST_CHANGE as _MUST_CHANGE  # a Setting per user with a one-time one

_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no l/1, o/0: read aloud or typed from a note


def one_time_password() -> str:
    """Three groups of four, e.g. `kp7d-3xqa-m9tw`: strong enough for a first login, easy to pass on."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(3))


def _staff(session: object, username: str) -> Staff:
    staff = session.scalar(select(Staff).where(Staff.username == username))  # type: ignore[attr-defined]
    if staff is None:
        raise DatabaseError(f"Er is geen gebruiker '{username}'.")
    return staff


def _check_may(by: Account, username: str, what: str) -> None:
    require(by, Permission.SETTINGS)
    if username == by.username:
        raise DatabaseError(f"U kunt uzelf niet {what}. Vraag een andere IB-er, of wijzig uw eigen wachtwoord "
                            "via Bestand › Wachtwoord wijzigen.")


def _keep_an_ib(session: object, staff: Staff) -> None:
    if staff.role != Role.IB.value or not staff.active:
        return
    others = session.scalar(select(func.count()).select_from(Staff).where(  # type: ignore[attr-defined]
        Staff.role == Role.IB.value, Staff.active.is_(True), Staff.id != staff.id))
    if not others:
        raise DatabaseError("Dit is de enige actieve IB-er: dan kan niemand meer gebruikers beheren.")


def _flag(session: object, username: str, on: bool) -> None:
    key = _MUST_CHANGE + username
    session.execute(delete(Setting).where(Setting.key == key))  # type: ignore[attr-defined]
    if on:
        session.add(Setting(key=key, value="1"))  # type: ignore[attr-defined]


def must_change_password(db: Database, username: str) -> bool:
    """Whether `username` logged in with a one-time password and must choose a new one first."""
    with db.read() as session:
        return school_rows.must_change_password(session_run(session), username)


def reset_password(db: Database, *, by: Account, username: str) -> str:
    """A new one-time password for a colleague (activating the account if it was off); shown once."""
    _check_may(by, username, "een nieuw wachtwoord geven")
    secret = one_time_password()
    if db.path is None:
        with db.begin() as session:
            staff = _staff(session, username)
            staff.active = True
            _flag(session, username, True)
            audit.append(session, user=by.username, action="update", entity="wachtwoord", entity_id=staff.id,
                         detail={"gebruiker": username, "eenmalig": True})
            server_accounts.set_login_password(session, username=username, role=staff.role, password=secret)
        return secret
    slots = _vault_path(db)
    v = vault.Vault.load(slots)
    with db.begin() as session:
        staff = _staff(session, username)
        staff.active = True
        _flag(session, username, True)
        assert db.key is not None
        try:
            v.set_password(db.key, username, secret)
        except vault.VaultError as exc:
            raise DatabaseError(str(exc)) from None
        audit.append(session, user=by.username, action="update", entity="wachtwoord", entity_id=staff.id,
                     detail={"gebruiker": username, "eenmalig": True})
        v.save(slots)  # last, inside the transaction: if it fails, nothing changed
    return secret


def set_active(db: Database, *, by: Account, username: str, active: bool) -> str | None:
    """Switch a colleague off (their password stops working at once) or on again (with a one-time
    password, returned to show once)."""
    if active:
        return reset_password(db, by=by, username=username)
    _check_may(by, username, "uitschakelen")
    v = None if db.path is None else vault.Vault.load(slots := _vault_path(db))  # a server: no key slots
    with db.begin() as session:
        staff = _staff(session, username)
        _keep_an_ib(session, staff)
        staff.active = False
        _flag(session, username, False)
        audit.append(session, user=by.username, action="update", entity="staff", entity_id=staff.id,
                     detail={"gebruiker": username, "actief": False})
        if v is not None and username in v.users:
            v.remove_user(username)
            v.save(slots)
        if v is None:  # a server: the login is refused, and vd_my_pupils() shows an inactive one nothing
            server_accounts.end_login(session, username=username, remove=False)
    return None


def remove_account(db: Database, *, by: Account, username: str) -> None:
    """Remove a colleague: the account, the groups and the key slot. The log keeps what they did."""
    _check_may(by, username, "verwijderen")
    v = None if db.path is None else vault.Vault.load(slots := _vault_path(db))
    with db.begin() as session:
        staff = _staff(session, username)
        _keep_an_ib(session, staff)
        sid = staff.id
        session.execute(delete(StaffGroup).where(StaffGroup.staff_id == sid))
        session.execute(delete(CompositeStaff).where(CompositeStaff.staff_id == sid))
        session.delete(staff)
        _flag(session, username, False)
        audit.append(session, user=by.username, action="delete", entity="staff", entity_id=sid,
                     detail={"gebruiker": username})
        if v is None:  # a server: out of the school's group roles, and the role dropped
            server_accounts.end_login(session, username=username, remove=True)
        elif username in v.users:
            v.remove_user(username)
            v.save(slots)


def choose_new_password(db: Database, *, account: Account, old: str, new: str, again: str) -> None:
    """The user's own new password (also after a one-time password); `again` must be the same."""
    from verzuimdesk.services.accounts import change_password

    if new != again:
        raise DatabaseError("De twee nieuwe wachtwoorden verschillen.")
    if new == old:
        raise DatabaseError("Kies een ander wachtwoord dan het huidige.")
    try:
        vault.check_password_strength(new)
    except vault.VaultError as exc:
        raise DatabaseError(str(exc)) from None
    change_password(db, account=account, old=old, new=new)
    with db.begin() as session:
        if db.path is None:  # a leerkracht may not write the settings table: the server removes her mark
            server_accounts.password_chosen(session)
        else:
            _flag(session, account.username, False)
