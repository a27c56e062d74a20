"""The Instellingen page: only the IB-er edits; what is saved is in the database, what is refused is said."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.actors import IB
from verzuimdesk.domain.calendar import Period
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, Role
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AbsenceCodeRow, School, SchoolYear, TimetableSpan, Vacation
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.pages.settings_page import SettingsPage


@pytest.fixture
def db(plain_school: Database) -> Database:
    """The test school with its four pupils, no absences (tests/conftest.py)."""
    return plain_school


def make_page(qtbot: QtBot, db: Database, account: Account = SCHOOL_WIDE) -> SettingsPage:
    page = SettingsPage(AppContext(db, account))
    qtbot.addWidget(page)
    page.resize(1000, 650)
    page.show()
    return page


def test_a_teacher_reads_a_note_and_gets_no_sections(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db, Account("juf", "Juf", Role.TEACHER, ("5",)))
    assert page.tabs is None
    assert "managed by the IB-er" in page.findChild(QLabel, "read_only_note").text()


def test_school_name_and_brin_are_saved(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    page.school.name.setText("OBS Het Anker")
    page.school.brin.setText("99ZZ")
    page.school.region.setCurrentText("midden")
    page.school.save()
    with db.read() as s:
        school = s.scalars(select(School)).one()
    assert (school.name, school.brin, school.vacation_region) == ("OBS Het Anker", "99ZZ", "midden")
    assert page.school.status.text() == "Saved."


def test_the_schools_phone_email_and_directeur_for_the_leerplicht_dossier(qtbot: QtBot, db: Database) -> None:
    from verzuimdesk.services.school_contact import school_contact

    page = make_page(qtbot, db)
    page.school.phone.setText("078 - 123 45 67")
    page.school.email.setText("geen-adres")
    page.school.save()
    assert "geen geldig e-mailadres" in page.school.status.text()
    assert school_contact(db).phone == ""  # a refusal changes nothing
    page.school.email.setText("info@klimop.nl")
    page.school.director.setText("Mw. J. de Vries")
    page.school.save()
    assert page.school.status.text() == "Saved."
    c = school_contact(db)
    assert (c.phone, c.email, c.director) == ("078 - 123 45 67", "info@klimop.nl", "Mw. J. de Vries")


def test_a_new_school_year_prefilled_for_region_noord_is_saved(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    cal = page.calendar
    cal.region.setCurrentText("noord")
    cal.year.setCurrentIndex(cal.year.findData("2026-2027"))  # "(new)": filled from the published dates
    assert cal.model.rowCount() == 4
    assert "(check)" in cal.model.index(0, 0).data()  # herfst 2026 is marked uncertain
    cal.feestdagen.setText("29-03-2027")
    cal.save()
    assert cal.status.text() == "Saved.", cal.status.text()
    with db.read() as s:
        assert s.scalars(select(SchoolYear.start).order_by(SchoolYear.start)).all() == [date(2025, 8, 25),
                                                                                         date(2026, 8, 17)]
        assert len(s.scalars(select(Vacation)).all()) == 5


def test_a_vacation_outside_the_year_is_refused_with_the_reason(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    cal = page.calendar
    cal.model.add(Period("Zomer", date(2026, 7, 11), date(2026, 8, 23)))
    cal.studiedagen.setText("14-11-2025, 31-02-2026")
    cal.save()
    assert cal.status.text() == "Study days: '31-02-2026' is geen bestaande datum"
    cal.studiedagen.setText("14-11-2025")
    cal.save()
    assert cal.status.text() == "'vakantie 'Zomer'': ligt buiten het schooljaar"
    with db.read() as s:
        assert s.scalars(select(Vacation.name)).all() == ["Herfstvakantie"]


def test_group_lesson_times_are_saved_and_bad_spans_named(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    tt = page.timetable
    tt.group.setCurrentIndex(tt.group.findData("5"))
    assert not tt.days[0].isEnabled()  # group 5 follows the default until it gets its own
    tt.own.setChecked(True)
    tt.days[2].setText("08:30-12:00, 12:30-11:00")
    tt.save()
    assert tt.status.text() == "woensdag: tijdvak '12:30-11:00' eindigt niet na het begin"
    tt.days[2].setText("08:30-12:30")
    tt.save()
    with db.read() as s:
        assert s.execute(select(TimetableSpan.start, TimetableSpan.end).where(
            TimetableSpan.group_name == "5", TimetableSpan.weekday == 2)).all() == [(time(8, 30), time(12, 30))]


def test_an_own_code_is_added_and_a_default_keeps_its_category(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    codes = page.codes
    codes.code.setText("K")
    codes.label.setText("Kort verlof")
    codes.category.setCurrentIndex(codes.category.findData("authorised"))
    codes.save()
    codes.table.selectRow(0)  # Z: its category cannot be chosen
    assert codes.code.text() == "Z" and not codes.category.isEnabled()
    with db.read() as s:
        assert s.execute(select(AbsenceCodeRow.label, AbsenceCodeRow.category)
                         .where(AbsenceCodeRow.code == "K")).one() == ("Kort verlof", "authorised")


def test_a_school_marks_its_own_code_as_luxe(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    codes = page.codes
    x = next(r for r in range(codes.model.rowCount()) if codes.model.row(r).code == "X")
    codes.table.selectRow(x)
    assert codes.luxe.isChecked()  # X is luxe by default
    assert codes.model.index(x, codes.model.COL_KIND).data() == "default, luxe"
    codes.code.setText("LW")
    codes.label.setText("Lang weekend zonder verlof")
    codes.category.setCurrentIndex(codes.category.findData("unauthorised"))
    codes.luxe.setChecked(True)
    codes.save()
    with db.read() as s:
        assert s.scalar(select(AbsenceCodeRow.luxe).where(AbsenceCodeRow.code == "LW")) is True


def test_a_broken_protocol_file_is_refused_with_the_engine_message(
        qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "eigen.toml"
    broken.write_text('[protocol]\nid = "x"\n', encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    page = make_page(qtbot, db)
    assert "HW-16U" in page.protocol.text.toPlainText()
    page.protocol.load_file()
    assert page.protocol.status.text().startswith("Protocolbestand eigen.toml")
    page.protocol.choice.setCurrentIndex(page.protocol.choice.findData("tilburg-po"))
    page.protocol.use()
    with db.read() as s:
        assert s.scalar(select(School.protocol)) == "tilburg-po"


def test_staff_cannot_get_passwords_on_a_plain_database_and_the_lock_is_kept(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    assert page.staff.model.rowCount() == 1  # the IB-er who made the school
    page.lock.minutes.setValue(25)
    page.lock.save()
    assert int(QSettings().value("lock/idle_minutes")) == 25  # type: ignore[call-overload]


def test_the_ib_er_adds_a_teacher_who_then_logs_in_with_own_groups(qtbot: QtBot, tmp_path: Path,
                                                                   school_file: Path) -> None:
    from tests.conftest import DATA, PASSPHRASE
    from verzuimdesk.services.accounts import account_of, login
    from verzuimdesk.services.imports import import_pupils
    from verzuimdesk.services.school import new_school_database, read_school_file

    target = str(tmp_path / "versleuteld.db")
    db, _ = new_school_database(target, read_school_file(school_file), user="ib", password=PASSPHRASE)
    import_pupils(db, (DATA / "pupils.csv").read_bytes(), by=IB)
    page = make_page(qtbot, db, account_of(db, "ib"))
    staff = page.staff
    staff.name.setText("Juf Fatima")
    staff.username.setText("fatima")
    staff.groups.setText("5, 9")
    staff.password.setText("een-lang-wachtwoord-7")
    staff.add()
    assert staff.status.text() == "Unknown group(s): 9" and staff.model.rowCount() == 1
    staff.groups.setText("5")
    staff.add()
    assert staff.status.text() == "fatima can now log in." and staff.model.rowCount() == 2
    db.close()
    again, account = login(target, username="fatima", password="een-lang-wachtwoord-7")
    assert account.role is Role.TEACHER and account.groups == ("5",)
    again.close()


def test_the_ib_er_switches_a_colleague_off_and_on_with_a_one_time_password_the_colleague_replaces(
        qtbot: QtBot, tmp_path: Path, school_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import PASSPHRASE
    from verzuimdesk.services.accounts import account_of, add_account, login
    from verzuimdesk.services.school import new_school_database, read_school_file
    from verzuimdesk.storage.database import DatabaseError
    from verzuimdesk.ui.login_dialog import LoginDialog
    from verzuimdesk.ui.password_dialog import PasswordDialog

    target = str(tmp_path / "versleuteld.db")
    db, _ = new_school_database(target, read_school_file(school_file), user="ib", password=PASSPHRASE)
    add_account(db, by=account_of(db, "ib"), username="fatima", name="Juf Fatima", role=Role.TEACHER,
                password="een-lang-wachtwoord-7")
    page = make_page(qtbot, db, account_of(db, "ib"))
    staff = page.staff
    row = next(r for r in range(staff.model.rowCount()) if staff.model.index(r, 1).data() == "fatima")
    staff.table.setCurrentIndex(staff.model.index(row, 0))
    assert staff.toggle_button.isEnabled() and staff.toggle_button.text() == "Switch off"
    staff.toggle_active()
    assert "switched off" in staff.model.index(row, 0).data()
    with pytest.raises(DatabaseError):
        login(target, username="fatima", password="een-lang-wachtwoord-7")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    staff.table.setCurrentIndex(staff.model.index(row, 0))
    staff.toggle_active()  # on again: with a one-time password, shown once
    secret = shown[-1].rsplit("\n", 1)[-1]
    assert len(secret) == 14 and "fatima" in shown[-1]

    def choose(dialog: PasswordDialog) -> int:
        dialog.new.setText("fatima-kiest-zelf-1")
        dialog.again.setText("fatima-kiest-zelf-1")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(PasswordDialog, "exec", choose)
    login_dialog = LoginDialog(target)
    qtbot.addWidget(login_dialog)
    login_dialog.username.setText("fatima")
    login_dialog.password.setText(secret)
    login_dialog.try_login()  # the one-time password asks for a new one first
    assert login_dialog.result_value is not None
    login_dialog.result_value[0].close()
    login(target, username="fatima", password="fatima-kiest-zelf-1")[0].close()
    db.close()


def test_without_a_region_the_calendar_takes_none_by_itself(qtbot: QtBot, db: Database) -> None:
    """A school without a vacation region: the Kalender tab shows none chosen (it showed 'noord'), fills in
    no region's vacations until one is picked, and saving the calendar leaves the region unset."""
    with db.begin() as s:
        s.scalars(select(School)).one().vacation_region = ""
    page = make_page(qtbot, db)
    cal = page.calendar
    assert cal.region.currentData() == "" and cal.region.currentText() not in ("noord", "midden", "zuid")
    rows = cal.model.rowCount()
    cal.prefill()
    assert "region" in cal.status.text().lower() and cal.model.rowCount() == rows  # refused, nothing changed
    cal.save()
    with db.read() as s:
        assert s.scalars(select(School)).one().vacation_region == ""
    cal.region.setCurrentIndex(cal.region.findData("zuid"))
    cal.save()
    with db.read() as s:
        assert s.scalars(select(School)).one().vacation_region == "zuid"
    assert make_page(qtbot, db).calendar.region.currentData() == "zuid"


def test_a_calendar_or_timetable_that_strands_registrations_says_so(qtbot: QtBot, db: Database) -> None:
    # As `verzuimdesk school` does: a studiedag or a weekday without lessons put over registered absence keeps
    # the registrations but no longer counts them; the page said only "Opgeslagen."
    from verzuimdesk.services.imports import import_absences

    import_absences(db, b"leerlingnummer;datum;van;tot;code\n1001;2025-11-12;;;O\n", by=IB)  # a Wednesday
    page = make_page(qtbot, db)
    cal = page.calendar
    cal.studiedagen.setText("12-11-2025")
    cal.save()
    assert cal.status.text().startswith("Saved. Let op: 1 registratie staat nu op een dag die volgens de nieuwe "
                                        "kalender geen schooldag van de groep is (1001 op wo 12 nov 2025)")
    cal.studiedagen.setText("")
    cal.save()
    assert cal.status.text() == "Saved."
    tt = page.timetable
    tt.days[2].setText("")  # no lessons on Wednesday for the groups of the default timetable
    tt.save()
    assert "Let op: 1 registratie staat" in tt.status.text() and "(1001 op wo 12 nov 2025)" in tt.status.text()
    tt.days[2].setText("08:30-12:15")
    tt.save()
    assert tt.status.text() == "Saved."
