from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from verzuimdesk.services.accounts import Permission, Role, add_account, change_password, login
from verzuimdesk.storage.database import DatabaseError
from verzuimdesk.storage.models import AuditEntry


@pytest.fixture
def school(school_path: Path) -> str:
    return str(school_path)


def test_the_ib_er_made_at_init_logs_in_with_the_password(school: str) -> None:
    db, account = login(school, username="ib", password=PASSPHRASE)
    assert account.role is Role.IB and account.can(Permission.SETTINGS)
    with db.read() as s:
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.user == "ib")).all()[-1] == "login"
    db.close()


def test_wrong_password_opens_nothing(school: str) -> None:
    with pytest.raises(DatabaseError, match="Onjuist wachtwoord"):
        login(school, username="ib", password="niet-het-wachtwoord")


def test_new_colleague_logs_in_with_own_password_and_sees_own_groups_only(school: str) -> None:
    db, ib = login(school, username="ib", password=PASSPHRASE)
    add_account(db, by=ib, username="jvdberg", name="Juf Van den Berg", role=Role.TEACHER,
                password="juf-wachtwoord-1", groups=("5",))
    db.close()
    db2, teacher = login(school, username="jvdberg", password="juf-wachtwoord-1")
    assert teacher.role is Role.TEACHER and teacher.groups == ("5",)
    assert teacher.sees_group("5") and not teacher.sees_group("1-2")
    assert teacher.can(Permission.EDIT_ABSENCE) and not teacher.can(Permission.SETTINGS)
    db2.close()
    # The IB-er's password still opens the same data: no re-encryption happened.
    login(school, username="ib", password=PASSPHRASE)[0].close()


def test_teacher_cannot_add_accounts(school: str) -> None:
    db, ib = login(school, username="ib", password=PASSPHRASE)
    add_account(db, by=ib, username="meester", name="Meester Jan", role=Role.TEACHER, password="meester-jan-1")
    db.close()
    db, teacher = login(school, username="meester", password="meester-jan-1")
    with pytest.raises(DatabaseError, match="Alleen de IB-er"):
        add_account(db, by=teacher, username="x", name="x", role=Role.IB, password="xxxxxxxxxxxx")
    db.close()


def test_short_password_is_refused_and_adds_no_account(school: str) -> None:
    db, ib = login(school, username="ib", password=PASSPHRASE)
    with pytest.raises(DatabaseError, match="minstens 10 tekens"):
        add_account(db, by=ib, username="kort", name="Kort", role=Role.TEACHER, password="kort")
    db.close()
    with pytest.raises(DatabaseError):
        login(school, username="kort", password="kort")


def test_password_change_keeps_the_data_and_retires_the_old_password(school: str) -> None:
    db, ib = login(school, username="ib", password=PASSPHRASE)
    change_password(db, account=ib, old=PASSPHRASE, new="een-nieuw-wachtwoord")
    db.close()
    with pytest.raises(DatabaseError):
        login(school, username="ib", password=PASSPHRASE)
    db, _ = login(school, username="ib", password="een-nieuw-wachtwoord")
    with db.read() as s:
        assert s.scalars(select(AuditEntry)).first() is not None
    db.close()
