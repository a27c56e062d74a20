"""Colleagues managed by the IB-er: off, on, removed, a one-time password; everyone's own password."""

from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE
from verzuimdesk.services.account_admin import (
    choose_new_password,
    must_change_password,
    remove_account,
    reset_password,
    set_active,
)
from verzuimdesk.services.accounts import Role, account_of, add_account, login
from verzuimdesk.storage.database import Database, DatabaseError


@pytest.fixture
def juf(db: Database) -> Database:
    add_account(db, by=account_of(db, "ib"), username="juf", name="Juf Ans", role=Role.TEACHER,
                password="juf-wachtwoord-1", groups=("5",))
    return db


def test_a_deactivated_colleague_cannot_log_in_and_comes_back_with_a_one_time_password(juf: Database) -> None:
    ib = account_of(juf, "ib")
    set_active(juf, by=ib, username="juf", active=False)
    with pytest.raises(DatabaseError):
        login(juf.target, username="juf", password="juf-wachtwoord-1")
    secret = set_active(juf, by=ib, username="juf", active=True)
    assert secret and len(secret) == 14
    db, account = login(juf.target, username="juf", password=secret)
    assert account.username == "juf" and must_change_password(db, "juf")
    choose_new_password(db, account=account, old=secret, new="mijn-eigen-wachtwoord", again="mijn-eigen-wachtwoord")
    assert not must_change_password(db, "juf")
    db.close()
    login(juf.target, username="juf", password="mijn-eigen-wachtwoord")[0].close()
    with pytest.raises(DatabaseError):
        login(juf.target, username="juf", password=secret)


def test_reset_gives_a_password_the_ib_er_never_chose(juf: Database) -> None:
    ib = account_of(juf, "ib")
    first, second = reset_password(juf, by=ib, username="juf"), reset_password(juf, by=ib, username="juf")
    assert first != second
    with pytest.raises(DatabaseError):
        login(juf.target, username="juf", password="juf-wachtwoord-1")
    login(juf.target, username="juf", password=second)[0].close()


def test_a_removed_colleague_is_gone_and_the_last_ib_er_stays(juf: Database) -> None:
    ib = account_of(juf, "ib")
    remove_account(juf, by=ib, username="juf")
    with pytest.raises(DatabaseError):
        login(juf.target, username="juf", password="juf-wachtwoord-1")
    with pytest.raises(DatabaseError, match="uzelf"):
        remove_account(juf, by=ib, username="ib")
    teacher = add_account(juf, by=ib, username="meester", name="Meester Bas", role=Role.TEACHER,
                          password="meester-wachtwoord", groups=())
    with pytest.raises(DatabaseError, match="IB-er"):
        set_active(juf, by=teacher, username="ib", active=False)


def test_own_password_change_checks_the_old_one_and_the_repeat(db: Database) -> None:
    ib = account_of(db, "ib")
    with pytest.raises(DatabaseError, match="verschillen"):
        choose_new_password(db, account=ib, old=PASSPHRASE, new="nieuw-wachtwoord-1", again="nieuw-wachtwoord-2")
    with pytest.raises(DatabaseError):
        choose_new_password(db, account=ib, old="fout", new="nieuw-wachtwoord-1", again="nieuw-wachtwoord-1")
    choose_new_password(db, account=ib, old=PASSPHRASE, new="nieuw-wachtwoord-1", again="nieuw-wachtwoord-1")
    login(db.target, username="ib", password="nieuw-wachtwoord-1")[0].close()
