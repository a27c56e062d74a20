"""The new-school wizard: from nothing to an encrypted database with the school, its vacations and pupils."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import DATA
from verzuimdesk.services.accounts import Role, login
from verzuimdesk.storage.database import DatabaseError, is_encrypted
from verzuimdesk.storage.models import Pupil, School, SchoolYear, Staff, TimetableSpan, Vacation
from verzuimdesk.ui.setup_wizard import SetupWizard, write_recovery_pdf

PASSWORD = "school-wachtwoord-42"


def fill_until_account(qtbot: QtBot, wizard: SetupWizard) -> None:
    qtbot.keyClicks(wizard.school.name, "OBS De Regenboog")
    wizard.school.brin.setText("07XY")
    wizard.school.protocol.setCurrentIndex(wizard.school.protocol.findData("tilburg-po"))
    wizard.next()
    wizard.calendar.region.setCurrentText("zuid")
    wizard.calendar.year.setCurrentText("2025-2026")
    assert "Herfstvakantie" in wizard.calendar.list.text()
    wizard.next()
    wizard.times.days[4].setText("08:30-12:00")  # Friday afternoons free
    wizard.next()
    assert wizard.currentPage() is wizard.account_page


def test_the_wizard_makes_a_school_that_opens_with_the_password(qtbot: QtBot, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = str(tmp_path / "nieuw.db")
    wizard = SetupWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_until_account(qtbot, wizard)
    page = wizard.account_page
    page.full_name.setText("Marieke Jansen")
    page.password.setText(PASSWORD)
    page.repeat.setText("iets-anders-1234")
    wizard.next()
    assert wizard.currentPage() is page and page.problem.text() == "The two passwords differ."
    assert not Path(target).exists()
    page.repeat.setText(PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.recovery_page
    key = wizard.recovery_page.key.text()
    assert len(key) == 39 and key == wizard.recovery
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # not before it is written down
    wizard.recovery_page.done.setChecked(True)
    wizard.next()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(DATA / "pupils.csv"), ""))
    wizard.pupils.choose()
    assert wizard.pupils.result_text.text() == "Imported: 4 toegevoegd, 0 bijgewerkt, 0 ongewijzigd"
    assert wizard.account is not None and wizard.account.role is Role.IB
    wizard.accept()
    assert wizard.db is not None
    wizard.db.close()

    assert is_encrypted(Path(target))
    db, account = login(target, username="ib", password=PASSWORD)
    with db.read() as s:
        school = s.scalars(select(School)).one()
        assert (school.name, school.brin, school.protocol) == ("OBS De Regenboog", "07XY", "tilburg-po")
        assert s.scalars(select(SchoolYear.start)).all() == [date(2025, 8, 18)]
        assert s.scalars(select(Vacation.name).order_by(Vacation.start)).all() == [
            "Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie", "Meivakantie"]
        assert s.scalar(select(Vacation.start).where(Vacation.name == "Herfstvakantie")) == date(2025, 10, 11)
        assert len(s.scalars(select(TimetableSpan).where(TimetableSpan.weekday == 4)).all()) == 1
        assert len(s.scalars(select(Pupil)).all()) == 4
        assert s.scalar(select(Staff.name).where(Staff.username == "ib")) == "Marieke Jansen"
    assert account.name == "Marieke Jansen"
    db.close()
    with pytest.raises(DatabaseError, match="Onjuist wachtwoord"):
        login(target, username="ib", password="verkeerd-wachtwoord")


def test_a_short_password_and_a_bad_lesson_time_keep_the_user_on_the_page(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = SetupWizard(str(tmp_path / "nieuw.db"))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.school.name, "OBS Test")
    wizard.next()
    wizard.next()
    wizard.times.days[0].setText("08:30-12:00, 13:00")
    wizard.next()
    assert wizard.currentPage() is wizard.times
    assert wizard.times.problem.text() == "maandag: '13:00' is geen tijdvak (UU:MM-UU:MM)"
    wizard.times.days[0].setText("08:30-12:00")
    wizard.next()
    wizard.account_page.password.setText("kort")
    wizard.account_page.repeat.setText("kort")
    wizard.next()
    assert wizard.account_page.problem.text() == "Kies een wachtwoord van minstens 10 tekens."
    assert not (tmp_path / "nieuw.db").exists()


def test_the_school_name_is_required(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = SetupWizard(str(tmp_path / "nieuw.db"))
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(wizard.school.name, "OBS X")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_recovery_key_pdf_is_readable_with_the_key_in_groups(qtbot: QtBot, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "sleutel.pdf"
    write_recovery_pdf(out, "OBS De Regenboog", "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789")
    page = PdfReader(out).pages[0]
    sizes: dict[str, float] = {}

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[text.strip()] = size * abs(tm[3] or 1) * abs(cm[3] or 1)

    text = page.extract_text(visitor_text=seen)
    assert "OBS De Regenboog" in text and "Gemaakt op" in text
    key_lines = [t for t in sizes if "ABCD" in t or "STUV" in t]
    assert key_lines and all(sizes[t] >= 20 for t in key_lines)  # the key large, in groups of four
    assert any(t.split() == ["ABCD", "EFGH", "JKLM", "NPQR"] for t in key_lines)
    assert min(sizes.values()) >= 10  # no line printed small: was about 2 pt on A4


def test_first_start_offers_the_wizard(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import app

    ran: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(
        b for b in box.buttons() if b.text() == "Set up a new school").click() or 0)
    monkeypatch.setattr("verzuimdesk.ui.setup_wizard.run_setup_wizard", lambda target: ran.append(target))
    assert app.open_for_user(str(tmp_path / "nieuw.db")) is None
    assert ran == [str(tmp_path / "nieuw.db")]
