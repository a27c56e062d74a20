"""The desktop app on a real window (offscreen): it opens a database and shows its pupils."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE, cli, imported
from verzuimdesk.services.accounts import SCHOOL_WIDE, Role
from verzuimdesk.storage.database import open_database
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pupil_model import COL_GROUP, COL_NAME, ROW_ID_ROLE


def make_window(qtbot: QtBot, target: str, passphrase: str | None = PASSPHRASE) -> MainWindow:
    ctx = AppContext(open_database(target, passphrase=passphrase), SCHOOL_WIDE)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, school_file: Path) -> MainWindow:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    imported(path)
    return make_window(qtbot, str(path))


def visible_names(w: MainWindow) -> list[str]:
    m = w.pupils_page.table.model()
    return [m.index(r, COL_NAME).data() for r in range(m.rowCount())]


def test_window_lists_the_pupils_of_the_database(window: MainWindow) -> None:
    assert sorted(visible_names(window)) == ["Anaïs de Vries", "Daniël van der Berg", "Sem Jansen", "Zoë van der Berg"]
    assert "OBS De Klimop" in window.windowTitle()
    m = window.pupils_page.table.model()
    assert {m.index(r, COL_GROUP).data() for r in range(m.rowCount())} == {"5", "1-2"}
    assert all(isinstance(m.index(r, 0).data(ROW_ID_ROLE), int) for r in range(m.rowCount()))


def test_sorted_by_surname_not_first_name(window: MainWindow) -> None:
    # "van der Berg" files under B and "de Vries" under V, as in a school's own lists.
    assert visible_names(window) == ["Daniël van der Berg", "Zoë van der Berg", "Sem Jansen", "Anaïs de Vries"]


def test_ctrl_f_then_typing_filters_by_name_or_number(window: MainWindow, qtbot: QtBot) -> None:
    window.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.pupils_page
    assert window.pupils_page.search.hasFocus()
    qtbot.keyClicks(window.pupils_page.search, "berg")
    assert sorted(visible_names(window)) == ["Daniël van der Berg", "Zoë van der Berg"]
    window.pupils_page.search.clear()
    qtbot.keyClicks(window.pupils_page.search, "1003")
    assert visible_names(window) == ["Sem Jansen"]


def test_enter_on_a_single_search_hit_opens_that_pupil(window: MainWindow, qtbot: QtBot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr("verzuimdesk.ui.dossier.open_dossier", lambda ctx, pupil_id, parent: opened.append(pupil_id))
    qtbot.keyClicks(window.pupils_page.search, "Jansen")
    qtbot.keyClick(window.pupils_page.search, Qt.Key.Key_Return)
    assert len(opened) == 1


def test_demo_school_opens_and_shows_its_pupils(qtbot: QtBot, demo_db: Path) -> None:
    w = make_window(qtbot, str(demo_db), passphrase=None)
    assert w.pupils_page.table.model().rowCount() == 200
    assert "OBS De Klimop" in w.windowTitle()


def test_first_start_offers_the_demo_and_makes_it_when_accepted(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import app

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[0].click()  # "Open the demo school"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    from verzuimdesk.ui.login_dialog import LoginDialog

    hints: list[str] = []

    def as_teacher(dialog: LoginDialog) -> int:  # the first screen lists the demo accounts: try the teacher's
        hints.append(dialog.demo.text())
        line = next(x for x in dialog.demo.text().splitlines() if x.startswith("leerkracht"))
        user, password = line.split(": ", 1)[1].split(" / ")
        dialog.username.setText(user)
        dialog.password.setText(password)
        dialog.try_login()
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", as_teacher)
    opened = app.open_for_user(str(tmp_path / "nieuw.db"))
    assert shown and opened is not None
    db, account = opened
    assert db.encrypted and (tmp_path / "nieuw.db").exists()  # the demo is encrypted too
    assert account.role is Role.TEACHER and account.groups == ("7",)
    assert "IB-er: demo / " in hints[0] and "directie: directie / " in hints[0]
    db.close()


def test_first_start_declined_makes_nothing(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import app

    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[1].click() or 0)
    assert app.open_for_user(str(tmp_path / "nieuw.db")) is None
    assert not (tmp_path / "nieuw.db").exists()


def test_peildatum_selector_sets_the_context(window: MainWindow) -> None:
    seen: list[date] = []
    window.ctx.peildatum_changed.connect(seen.append)
    window.peildatum.setDate(date(2025, 11, 6))
    assert window.ctx.peildatum == date(2025, 11, 6) and seen == [date(2025, 11, 6)]
