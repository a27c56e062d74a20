"""The ziekmelding: found by name or number, registered as Z for the whole day with the time of the call."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.actors import IB
from tests.ui.test_registration import MONDAY, make_page
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, Role
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow
from verzuimdesk.ui.context import AppContext, Changed
from verzuimdesk.ui.sick_report_dialog import DEFAULT_REPORTER, SickReportDialog


@pytest.fixture
def db(plain_school: Database) -> Database:
    """The test school with its four pupils, no absences (tests/conftest.py)."""
    return plain_school


def fill(dialog: SickReportDialog, qtbot: QtBot, pupil: str, at: datetime) -> None:
    qtbot.keyClicks(dialog.pupil, pupil)
    dialog.reported_at.setDateTime(QDateTime(QDate(at.date()), QTime(at.hour, at.minute)))
    dialog.day.setDate(QDate(at.date()))


def test_sick_report_keeps_the_time_of_the_call_and_the_expected_return(qtbot: QtBot, db: Database) -> None:
    dialog = SickReportDialog(AppContext(db, SCHOOL_WIDE))
    qtbot.addWidget(dialog)
    assert dialog.reported_by.currentText() == DEFAULT_REPORTER
    fill(dialog, qtbot, "1003", datetime(2025, 11, 3, 9, 47))  # by number; after the start of school
    dialog.has_return.setChecked(True)
    dialog.expected.setDate(QDate(2025, 11, 5))
    dialog.accept()
    assert dialog.result() == 1
    with db.read() as s:
        a, code = s.execute(select(Absence, AbsenceCodeRow.code).join(AbsenceCodeRow)).one()
    assert (code, a.day, a.start, a.reported_at, a.reported_by) == (
        "Z", MONDAY, None, datetime(2025, 11, 3, 9, 47), "ouder/verzorger")
    assert a.note == "Verwacht terug: wo 5 nov 2025"


def test_sick_report_on_a_vacation_day_is_refused_in_the_dialog(qtbot: QtBot, db: Database) -> None:
    dialog = SickReportDialog(AppContext(db, SCHOOL_WIDE))
    qtbot.addWidget(dialog)
    fill(dialog, qtbot, "Jansen", datetime(2025, 10, 14, 8, 0))
    dialog.accept()
    assert dialog.result() == 0 and "valt in een vakantie" in dialog.problem.text()
    with db.read() as s:
        assert s.scalars(select(Absence)).all() == []


def test_a_teacher_finds_only_pupils_of_own_groups(qtbot: QtBot, db: Database) -> None:
    dialog = SickReportDialog(AppContext(db, Account("juf", "Juf", Role.TEACHER, ("1-2",))))
    qtbot.addWidget(dialog)
    assert [label.split(" (")[0] for label in dialog.choices] == ["Daniël van der Berg"]
    qtbot.keyClicks(dialog.pupil, "Jansen")
    dialog.accept()
    assert dialog.result() == 0 and "Choose one pupil" in dialog.problem.text()


def test_ctrl_m_opens_the_sick_report_from_another_page(qtbot: QtBot, db: Database,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui.main_window import MainWindow

    opened: list[str] = []
    monkeypatch.setattr(SickReportDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    window = MainWindow(AppContext(db, SCHOOL_WIDE))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setCurrentRow(MainWindow.PAGE_PUPILS)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["Sick report"]


def test_a_sick_report_shows_in_the_grid_at_once(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    from verzuimdesk.services.registration import report_sick

    pid = page.model.grid.rows[1].pupil_id  # type: ignore[union-attr]
    result = report_sick(db, pupil_id=pid, day=date(2025, 11, 4), reported_at=datetime(2025, 11, 4, 7, 50),
                         reported_by="moeder", by=IB)
    page.ctx.changed(Changed.pupils(*result.pupil_ids))
    assert page.model.index(1, 3).data() == "Z" and page.model.index(1, 4).data() == "Z"
    assert "Reported di 4 nov 2025 at 07:50 by moeder" in page.model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_the_page_is_tidy_without_groups(qtbot: QtBot, tmp_path: Path, school_file: Path) -> None:
    from verzuimdesk.services.school import new_school_database, read_school_file
    from verzuimdesk.ui.pages.registration_page import RegistrationPage

    empty, _ = new_school_database(str(tmp_path / "e.db"), read_school_file(school_file), user="ib", password=None)
    page = RegistrationPage(AppContext(empty, SCHOOL_WIDE))
    qtbot.addWidget(page)
    assert page.message.text() == "No groups to show." and page.model.rowCount() == 0
    empty.close()


def test_the_note_shows_its_whole_hint_before_anything_is_typed(qtbot: QtBot, db: Database) -> None:
    dialog = SickReportDialog(AppContext(db, SCHOOL_WIDE))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.note.placeholderText()
    assert "diagnose" in hint.lower() or "diagnosis" in hint.lower()
    assert dialog.note.width() > dialog.note.fontMetrics().horizontalAdvance(hint)
