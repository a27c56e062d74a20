"""The Registratie grid driven by the keyboard: what a user types ends up in the database, and back."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.actors import IB
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, Role
from verzuimdesk.services.registration import record_absence
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Pupil
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.pages.registration_page import RegistrationPage
from verzuimdesk.ui.registration_model import COL_FIRST_PART

MONDAY = date(2025, 11, 3)
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def db(plain_school: Database) -> Database:
    """The test school with its four pupils, no absences (tests/conftest.py)."""
    return plain_school


def make_page(qtbot: QtBot, db: Database, account: Account = SCHOOL_WIDE, group: str = "5") -> RegistrationPage:
    page = RegistrationPage(AppContext(db, account))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts (Ctrl+Z, Alt+arrows) go to the active window
    page.group.setCurrentText(group)
    page.show_week(MONDAY)
    return page


def go(page: RegistrationPage, row: int, part: int) -> None:
    page.view.setCurrentIndex(page.model.index(row, COL_FIRST_PART + part))
    page.view.setFocus()


def stored(db: Database) -> list[tuple[str, date, str, time | None]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Pupil.number, Absence.day, AbsenceCodeRow.code, Absence.start)
            .join(Pupil).join(AbsenceCodeRow).order_by(Pupil.number, Absence.day, Absence.start))]


def shown(page: RegistrationPage, row: int) -> list[str]:
    return [page.model.index(row, c).data() for c in range(COL_FIRST_PART, page.model.columnCount())]


def test_typing_codes_saves_them_at_once_and_the_light_changes(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    changed: list[object] = []
    page.ctx.data_changed.connect(changed.append)
    go(page, 0, 0)
    qtbot.keyClicks(page.view, "o")  # Zoë, Monday morning: ongeoorloofd; the cursor moves to Sem
    qtbot.keyClicks(page.view, "z")  # Sem, Monday morning: ziek
    assert stored(db) == [("1001", MONDAY, "O", time(8, 30)), ("1003", MONDAY, "Z", time(8, 30))]
    assert shown(page, 0)[:2] == ["O", ""] and shown(page, 1)[:2] == ["Z", ""]
    assert page.message.text() == "Saved."
    zoe = next(p for p in school_status(db, MONDAY).pupils if p.number == "1001")
    assert zoe.light.value == "orange"  # HW-ONG: an unauthorised record asks for a talk
    # The rest of the app hears each key at once (no timer to wait for), of the pupil it was for.
    rows = page.model.grid.rows  # type: ignore[union-attr]
    assert [c.pupil_ids for c in changed] == [{rows[0].pupil_id}, {rows[1].pupil_id}]  # type: ignore[attr-defined]


def test_shift_letter_sets_the_whole_day(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    go(page, 0, 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, SHIFT)
    assert stored(db) == [("1001", MONDAY, "Z", None)]
    assert shown(page, 0)[:3] == ["Z", "Z", ""]


def test_a_selection_of_cells_gets_the_code(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    go(page, 0, 2)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, SHIFT)  # three pupils, Tuesday morning
    qtbot.keyClicks(page.view, "e")
    assert [(n, d, c) for n, d, c, _ in stored(db)] == [("1001", date(2025, 11, 4), "E"),
                                                         ("1003", date(2025, 11, 4), "E"),
                                                         ("1004", date(2025, 11, 4), "E")]


def test_a_studiedag_refuses_entry_with_the_reason(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    page.show_week(date(2025, 11, 10))
    assert page.model.index(0, COL_FIRST_PART + 7).data() == "study day"
    go(page, 0, 7)
    qtbot.keyClicks(page.view, "z")
    assert stored(db) == []
    assert page.message.text() == "Not saved: vr 14 nov 2025 is no schooldag: study day"


def test_a_vacation_week_is_grey_with_the_word(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    page.show_week(date(2025, 10, 15))
    assert set(shown(page, 0)) == {"vacation"}
    assert page.model.index(0, COL_FIRST_PART).data(Qt.ItemDataRole.ToolTipRole) == \
        "ma 13 okt 2025 is no schooldag: vacation"


def test_ctrl_z_undoes_and_ctrl_shift_z_redoes(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    go(page, 0, 0)
    qtbot.keyClicks(page.view, "o")
    go(page, 0, 0)
    qtbot.keyClicks(page.view, "z")  # reclassifies the O
    assert [c for _, _, c, _ in stored(db)] == ["Z"]
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c for _, _, c, _ in stored(db)] == ["O"]
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db) == [] and shown(page, 0)[0] == ""
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert [c for _, _, c, _ in stored(db)] == ["O"]


def test_delete_clears_the_cell(qtbot: QtBot, db: Database) -> None:
    zoe = page_pupil = make_page(qtbot, db)
    record_absence(db, pupil_id=zoe.model.grid.rows[0].pupil_id, day=MONDAY, code="Z", by=IB)  # type: ignore[union-attr]
    page_pupil.reload()
    go(page_pupil, 0, 1)
    qtbot.keyClick(page_pupil.view, Qt.Key.Key_Delete)
    assert stored(db) == []


def test_late_asks_the_minutes(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (12, True))
    page = make_page(qtbot, db)
    go(page, 1, 0)
    qtbot.keyClicks(page.view, "t")
    with db.read() as s:
        assert s.scalar(select(Absence.minutes_late)) == 12
    assert shown(page, 1)[0] == "T 12′"


def test_reclassifying_a_question_mark_asks_to_log_the_conversation(
        qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    opened: list[int] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(title)
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("verzuimdesk.ui.dossier.open_dossier", lambda ctx, pid, parent, **k: opened.append(pid))
    monkeypatch.setattr("verzuimdesk.ui.conversation_dialog.log_conversation",
                        lambda ctx, pid, parent, kind=None: opened.append(pid), raising=False)
    page = make_page(qtbot, db)
    go(page, 0, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_Question, SHIFT)
    assert shown(page, 0)[0] == "?" and asked == []
    go(page, 0, 0)
    qtbot.keyClicks(page.view, "z")
    assert asked == ["Log a conversation?"]
    assert opened == [page.model.grid.rows[0].pupil_id]  # type: ignore[union-attr]
    assert [c for _, _, c, _ in stored(db)] == ["Z"]


def test_alt_arrows_change_the_week(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.monday == date(2025, 11, 10) and page.week.text().startswith("week 46")
    qtbot.keyClick(page.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.monday == MONDAY


def test_a_teacher_sees_only_own_groups_and_the_directie_cannot_type(qtbot: QtBot, db: Database) -> None:
    teacher = make_page(qtbot, db, Account("juf", "Juf", Role.TEACHER, ("1-2",)), group="1-2")
    assert [teacher.group.itemText(i) for i in range(teacher.group.count())] == ["1-2"]
    # group 1-2 has only a morning on Wednesday and Friday: 8 parts in the week
    assert teacher.model.columnCount() == COL_FIRST_PART + 8
    boss = make_page(qtbot, db, Account("dir", "Directeur", Role.MANAGEMENT))  # the service refuses the grid
    assert boss.model.rowCount() == 0 and "niet de dossiers van leerlingen" in boss.message.text()
    qtbot.keyClicks(boss.view, "z")
    assert stored(db) == []


def test_the_legend_names_every_key_of_the_grid(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    text = page.legend.text()
    for key in ("Shift+letter", "Ctrl+Z", "Ctrl+M", "Ctrl+K"):
        assert key in text


def test_saved_goes_away_on_another_week_and_says_undone_after_an_undo(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    go(page, 0, 0)
    qtbot.keyClicks(page.view, "o")
    assert page.message.text() == "Saved."
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(db) == [] and page.message.text() == "Undone: Code O."  # not "Saved.": nothing is saved now
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert len(stored(db)) == 1 and page.message.text() == "Redone: Code O."
    qtbot.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # the next week: nothing said of it
    assert page.message.text() == ""
    qtbot.keyClick(page.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.message.text() == ""  # back: the grid shows what is saved, the notice is gone
    go(page, 1, 0)
    qtbot.keyClicks(page.view, "z")
    assert page.message.text() == "Saved."
    other = next(i for i in range(page.group.count()) if i != page.group.currentIndex())
    page.group.setCurrentIndex(other)
    assert page.message.text() == ""  # another group


def test_enter_twice_on_an_empty_cell_registers_nothing(qtbot: QtBot, db: Database) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from verzuimdesk.ui.absence_detail_dialog import AbsenceDetailDialog

    seen: list[tuple[str, bool, bool]] = []

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AbsenceDetailDialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)  # the second Enter, by habit
        seen.append((dialog.code.currentText(), dialog.ok.isEnabled(), dialog.isVisible()))
        dialog.code.setCurrentIndex(dialog.code.findData("E"))  # a code the user chose: that one is saved
        seen.append((dialog.code.currentText()[:1], dialog.ok.isEnabled(), dialog.isVisible()))
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    go(page := make_page(qtbot, db), 0, 0)
    QTimer.singleShot(0, in_the_dialog)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == [("", False, True), ("E", True, True)]  # no code chosen for the user; still open
    assert [c for _, _, c, _ in stored(db)] == ["E"]
