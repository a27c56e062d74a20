"""The IB-er manages colleagues on a server as on a laptop (issue #24): a new one-time password is a new
SCRAM verifier for the colleague's PostgreSQL role, switching off stops the login, removing drops the role
and its access at once; a leerkracht may do none of it; the audit log keeps what the person did."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from tests.storage.test_server_roles import ADMIN, raw, school, secure_server  # noqa: F401  (fixtures)
from verzuimdesk.services.account_admin import (
    choose_new_password,
    must_change_password,
    remove_account,
    reset_password,
    set_active,
)
from verzuimdesk.services.accounts import Role, add_account, login
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.permissions import NotAllowed
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import AuditEntry, Staff

pytestmark = pytest.mark.slow

JUF, MEESTER = "juf-wachtwoord-7", "meester-wachtwoord-8"


def roles(school: str) -> set[str]:  # noqa: F811
    with raw(school, "ib", PASSPHRASE) as conn:
        return {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname IN ('juf', 'meester')")}


def test_the_ib_er_resets_switches_off_and_removes_a_colleague_on_the_server(school: str) -> None:  # noqa: F811
    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        add_account(db, by=ib, username="juf", name="Juf Anna", role=Role.TEACHER, password=JUF, groups=("1-2",))
        add_account(db, by=ib, username="meester", name="Meester Bas", role=Role.TEACHER, password=MEESTER,
                    groups=("5",))
    finally:
        db.close()

    # A leerkracht manages nobody, not even through the services.
    db, meester = login(school, username="meester", password=MEESTER)
    try:
        for attempt in (lambda: reset_password(db, by=meester, username="juf"),
                        lambda: remove_account(db, by=meester, username="juf"),
                        lambda: set_active(db, by=meester, username="juf", active=False)):
            with pytest.raises(NotAllowed, match="Alleen de IB-er"):
                attempt()
    finally:
        db.close()

    # A new one-time password: the old one stops working on the server, the new one logs in once.
    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        secret = reset_password(db, by=ib, username="juf")
    finally:
        db.close()
    with pytest.raises(Refused, match="Onjuiste gebruikersnaam of wachtwoord"):
        login(school, username="juf", password=JUF)
    db, juf = login(school, username="juf", password=secret)
    try:
        assert must_change_password(db, "juf")
        with pytest.raises(Refused, match="Onjuist huidig wachtwoord"):
            choose_new_password(db, account=juf, old="geraden", new="anna-haar-eigen-1", again="anna-haar-eigen-1")
        choose_new_password(db, account=juf, old=secret, new="anna-haar-eigen-1", again="anna-haar-eigen-1")
        assert not must_change_password(db, "juf")
        with db.read() as s:  # the app's next connections log in with the new password
            db.engine.dispose()
            assert s.scalar(select(Staff.name).where(Staff.username == "juf")) == "Juf Anna"
    finally:
        db.close()
    with pytest.raises(Refused):
        login(school, username="juf", password=secret)
    login(school, username="juf", password="anna-haar-eigen-1")[0].close()

    # Switched off: the server refuses the login itself, not only the app; on again with a one-time password.
    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        set_active(db, by=ib, username="juf", active=False)
    finally:
        db.close()
    with pytest.raises(psycopg.OperationalError):
        raw(school, "juf", "anna-haar-eigen-1")
    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        again = set_active(db, by=ib, username="juf", active=True)
    finally:
        db.close()
    assert again is not None
    login(school, username="juf", password=again)[0].close()

    # Removed: an open connection of hers reads nothing more, the role is gone, her log rows stay.
    open_one = raw(school, "juf", again)
    try:
        db, ib = login(school, username="ib", password=PASSPHRASE)
        try:
            with pytest.raises(Refused, match="uzelf"):
                remove_account(db, by=ib, username="ib")
            remove_account(db, by=ib, username="juf")
            with db.read() as s:
                assert s.scalar(select(Staff.id).where(Staff.username == "juf")) is None
                assert s.scalars(select(AuditEntry.action).where(AuditEntry.user == "juf")).all()
                assert audit.verify(s) is None
        finally:
            db.close()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # out of the school's roles: no table at all
            open_one.execute("SELECT count(*) FROM school")
    finally:
        open_one.close()
    assert roles(school) == {"meester"}
    with pytest.raises(Refused):
        login(school, username="juf", password=again)


def test_an_ib_er_cannot_take_over_the_owner_or_another_role_through_the_account_functions(
        school: str) -> None:  # noqa: F811
    from verzuimdesk.storage.server_roles import scram_verifier

    with raw(school, "ib", PASSPHRASE) as conn:
        for sql, args in (("SELECT vd_create_login(%s, %s, 'ib')", ("verzuimdesk", scram_verifier("overname-1"))),
                          ("SELECT vd_end_login(%s, true)", ("verzuimdesk",)),
                          ("SELECT vd_end_login(%s, false)", ("ib",))):
            with pytest.raises(psycopg.Error):
                conn.execute(sql, args)
    with pytest.raises(psycopg.OperationalError):
        raw(school, "verzuimdesk", "overname-1")


def test_an_owner_opening_a_server_set_up_by_an_older_version_brings_its_rights_up_to_date(school: str) -> None:  # noqa: F811
    owner = school.replace(":///", f"://verzuimdesk:{ADMIN}@/")
    with raw(school, "verzuimdesk", ADMIN) as conn:
        conn.execute("DROP FUNCTION vd_end_login(text, boolean)")
        role = conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'vd_school_ib'").fetchone()[0]
        conn.execute(f'COMMENT ON ROLE "{role}" IS \'verzuimdesk-rechten 1\'')
    login(school, username="ib", password=PASSPHRASE)[0].close()  # an IB-er's open changes no rights ...
    with raw(school, "ib", PASSPHRASE) as conn:
        assert conn.execute("SELECT count(*) FROM pg_proc WHERE proname = 'vd_end_login'").fetchone() == (0,)
    open_database(owner).close()  # ... the owner's does
    with raw(school, "ib", PASSPHRASE) as conn:
        assert conn.execute("SELECT count(*) FROM pg_proc WHERE proname = 'vd_end_login'").fetchone() == (1,)
