"""The Logboek in words: Dutch lines per kind of entry, the user named, filters by pupil, user, kind, period."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import PASSPHRASE
from verzuimdesk.domain.codes import Category
from verzuimdesk.services.accounts import SCHOOL_WIDE, Role, account_of, add_account
from verzuimdesk.services.audit_log import UNKNOWN_USER, read_audit_log
from verzuimdesk.services.audit_words import describe
from verzuimdesk.services.registration import apply_edit, record_absence
from verzuimdesk.services.registration_grid import plan_code, week_grid
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Pupil


@pytest.fixture
def school(school_path: Path) -> Database:
    db = open_database(str(school_path), passphrase=PASSPHRASE)
    yield db
    db.close()


def _pupil_id(db: Database, number: str) -> int:
    with db.read() as s:
        return s.scalar(select(Pupil.id).where(Pupil.number == number))


def test_an_absence_reads_as_a_dutch_sentence_with_the_group(school: Database) -> None:
    ib = account_of(school, "ib")
    add_account(school, by=ib, username="juf", name="Juf Ans", role=Role.TEACHER, password="lang-genoeg-123",
                groups=("5",))
    record_absence(school, pupil_id=_pupil_id(school, "1003"), day=date(2025, 11, 3), code="Z",
                   by=account_of(school, "juf"))
    row = read_audit_log(school, pupil="1003", by=IB).rows[0]
    assert row.detail == "verzuim toegevoegd: 3 nov, Z, groep 5"
    assert row.user == "Juf Ans (juf)"
    assert row.pupil == "1003 Sem Jansen"
    assert all("{" not in r.detail and "'" not in r.detail for r in read_audit_log(school, by=IB).rows)


def test_the_words_of_changes_exports_and_settings() -> None:
    assert describe("update", "absence", {"voor": [{"datum": "2025-11-03", "code": "Z"}],
                                          "na": [{"datum": "2025-11-03", "code": "O"}]}, "5") \
        == "verzuim gewijzigd: 3 nov, Z → 3 nov, O, groep 5"
    assert describe("update", "school", {"voor": {"naam": "De Klimop"}, "na": {"naam": "De Regenboog"}}) \
        == "schoolgegevens gewijzigd: naam: De Klimop → De Regenboog"
    assert describe("create", "staff", {"gebruiker": "juf", "rol": "leerkracht", "groepen": ["5"]}) \
        == "gebruiker toegevoegd: gebruiker juf; groepen 5; rol leerkracht"
    assert describe("login", "", {}) == "aangemeld"
    assert describe("view", "dossier", {"peildatum": "2026-11-23"}, "7") == "dossier ingezien: op peildatum 23 nov, groep 7"


def test_filters_by_pupil_name_user_kind_and_period(school: Database) -> None:
    record_absence(school, pupil_id=_pupil_id(school, "1001"), day=date(2025, 11, 10), code="O", by=IB)
    log = read_audit_log(school, by=IB)
    assert {"ib"} <= set(log.users)
    assert [r.pupil for r in read_audit_log(school, pupil="zoë", by=IB).rows] == ["1001 Zoë van der Berg"]
    assert all(r.kind == "verzuim" for r in read_audit_log(school, kind="verzuim", by=IB).rows)
    assert [r.detail for r in read_audit_log(school, kind="aanmelden", by=IB).rows] == []  # made by the CLI, no login
    everything = len(log.rows)
    assert len(read_audit_log(school, user="ib", by=IB).rows) <= everything
    today = date.today()
    assert len(read_audit_log(school, start=today, end=today, by=IB).rows) == everything
    assert read_audit_log(school, start=today + timedelta(days=1), by=IB).rows == ()
    assert read_audit_log(school, end=today - timedelta(days=1), by=IB).rows == ()


def test_an_old_entry_without_a_user_names_that(school: Database) -> None:
    with school.begin() as s:  # written before every use case named its actor
        audit.append(s, user="", action="view", entity="dossier", pupil_id=_pupil_id(school, "1001"))
    assert read_audit_log(school, pupil="1001", by=IB).rows[0].user == UNKNOWN_USER


def test_a_grid_entry_names_the_teacher_who_typed_it(school: Database) -> None:
    add_account(school, by=account_of(school, "ib"), username="juf", name="Juf Ans", role=Role.TEACHER,
                password="lang-genoeg-123", groups=("5",))
    grid = week_grid(school, group="5", monday=date(2025, 11, 3), by=account_of(school, "juf"))
    remove, add = plan_code(grid, [(0, 0)], "Z", Category.SICK)
    apply_edit(school, remove=remove, add=add, by=account_of(school, "juf"))
    row = read_audit_log(school, kind="verzuim", by=IB).rows[0]
    assert row.user == "Juf Ans (juf)" and row.detail.startswith("verzuim gewijzigd: 3 nov")


def test_on_a_database_without_accounts_the_computer_user_is_named(school: Database) -> None:
    record_absence(school, pupil_id=_pupil_id(school, "1001"), day=date(2025, 11, 10), code="O", by=SCHOOL_WIDE)
    assert read_audit_log(school, pupil="1001", by=IB).rows[0].user not in ("", UNKNOWN_USER)
