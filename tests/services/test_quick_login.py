"""The app's login shows the Overzicht before the ORM is imported (services/status_quick.quick_login): the
same desk as `desk_overview` for the same account, read from the status cache through a bare connection;
wherever the login or the cache would need more than a read, it stands aside and the full path answers."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import DEMO_TODAY
from verzuimdesk.services.account_admin import reset_password
from verzuimdesk.services.accounts import login
from verzuimdesk.services.demo_accounts import DEMO_ACCOUNTS, create_demo_with_accounts
from verzuimdesk.services.overview import desk_overview
from verzuimdesk.services.pupils import school_name
from verzuimdesk.services.registration_checks import set_checked
from verzuimdesk.services.status_quick import quick_login

IB_USER, IB_PASSWORD = DEMO_ACCOUNTS[0][1], DEMO_ACCOUNTS[0][4]
JUF_USER, JUF_PASSWORD = DEMO_ACCOUNTS[1][1], DEMO_ACCOUNTS[1][4]
DIRECTIE_USER, DIRECTIE_PASSWORD = DEMO_ACCOUNTS[2][1], DEMO_ACCOUNTS[2][4]


@pytest.fixture(scope="module")
def demo_with_accounts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quick")
    create_demo_with_accounts(str(folder / "demo.db"), size=80, today=DEMO_TODAY).close()
    return folder


@pytest.fixture
def school(demo_with_accounts: Path, tmp_path: Path) -> str:
    for f in demo_with_accounts.iterdir():  # the database, its key slots and its demo accounts
        shutil.copy(f, tmp_path / f.name)
    return str(tmp_path / "demo.db")


def full_desk(school: str, user: str, password: str, day: date):  # type: ignore[no-untyped-def]
    """What the app showed before it had a quick login: `login`, then `desk_overview` (which fills the cache)."""
    db, account = login(school, username=user, password=password)
    try:
        return desk_overview(db, peildatum=day, account=account), account, db.key, school_name(db)
    finally:
        db.close()


@pytest.mark.parametrize(("user", "password"), [(IB_USER, IB_PASSWORD), (JUF_USER, JUF_PASSWORD)])
def test_the_quick_desk_is_the_one_the_full_path_gives(school: str, user: str, password: str) -> None:
    day = DEMO_TODAY
    first = quick_login(school, day, user, password)  # nothing cached at this date yet
    assert first is not None and first.desk is None  # the window works it out once the file is open
    desk, account, key, name = full_desk(school, user, password, day)
    quick = quick_login(school, day, user, password)
    assert quick is not None
    assert quick.desk == desk and quick.account == account and quick.key == key and quick.school == name
    assert desk.todo and desk.attention  # the demo has each part of the Overzicht
    if user == JUF_USER:  # her own group only
        assert set(desk.groups) == {"7"} and len(quick.desk.rows) < 80
    else:
        assert desk.unchecked  # group 4's registration of the last schooldag


def test_what_no_cached_status_holds_is_read_each_time(school: str) -> None:
    """A birth date gone and a dagdeel checked: the quick desk says so as the full one does."""
    day = DEMO_TODAY
    db, account = login(school, username=IB_USER, password=IB_PASSWORD)
    try:
        before = desk_overview(db, peildatum=day, account=account)
        group = before.unchecked[0].group
        first_day, part = before.unchecked[0].parts[0]
        set_checked(db, group=group, day=first_day, part=part, checked=True, by=account, today=day)
        with db.begin() as s:
            s.execute(text("UPDATE pupil SET birth_date = NULL WHERE id = :p"), {"p": before.rows[0].pupil_id})
        after = desk_overview(db, peildatum=day, account=account)
    finally:
        db.close()
    assert after.unchecked != before.unchecked and after.rows[0].birth_date_missing
    quick = quick_login(school, day, IB_USER, IB_PASSWORD)
    assert quick is not None and quick.desk == after


def test_the_quick_login_stands_aside_where_the_full_one_does_more(school: str) -> None:
    day = DEMO_TODAY
    full_desk(school, IB_USER, IB_PASSWORD, day)  # the cache is filled
    assert quick_login(school, day, IB_USER, IB_PASSWORD) is not None
    assert quick_login(school, day, IB_USER, "een-fout-wachtwoord") is None  # the full path says it is wrong
    assert quick_login(school, day, JUF_USER, IB_PASSWORD) is None  # another's password for this name
    assert quick_login(school, day, DIRECTIE_USER, DIRECTIE_PASSWORD) is None  # the directie has no Overzicht
    uncached = quick_login(school, date(2026, 10, 5), IB_USER, IB_PASSWORD)  # a date not cached
    assert uncached is not None and uncached.desk is None
    db, ib = login(school, username=IB_USER, password=IB_PASSWORD)
    try:
        one_time = reset_password(db, by=ib, username=JUF_USER)
    finally:
        db.close()
    assert quick_login(school, day, JUF_USER, one_time) is None  # she must choose her own password first


def test_a_plain_file_takes_the_full_path(demo_db: Path) -> None:
    assert quick_login(str(demo_db), DEMO_TODAY, "", "") is None
