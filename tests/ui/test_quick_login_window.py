"""A login whose Overzicht is in the status cache shows the main window with its figures at once, before
SQLAlchemy is imported (ui/login_dialog.py, services/status_quick.quick_login), and opens the database
behind it (ui/app.open_behind): what the user types or clicks meanwhile waits and is then done, once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.conftest import PATIENCE_MS
from verzuimdesk.services.accounts import login
from verzuimdesk.services.demo_accounts import DEMO_ACCOUNTS, create_demo_with_accounts
from verzuimdesk.services.overview import desk_overview
from verzuimdesk.ui import app
from verzuimdesk.ui import opening as behind
from verzuimdesk.ui.context import Opening
from verzuimdesk.ui.desk_state import DeskState
from verzuimdesk.ui.login_dialog import LoginDialog
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pages.pupils_page import PupilsPage

USER, PASSWORD = DEMO_ACCOUNTS[0][1], DEMO_ACCOUNTS[0][4]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quick-window")
    create_demo_with_accounts(str(folder / "demo.db"), size=60, today=date.today()).close()
    return folder


@pytest.fixture
def school(demo_folder: Path, tmp_path: Path) -> str:
    for f in demo_folder.iterdir():
        shutil.copy(f, tmp_path / f.name)
    return str(tmp_path / "demo.db")


def cached_desk(school: str):  # type: ignore[no-untyped-def]
    """The Overzicht of today as the app computes it (and keeps in the cache): what a second login shows."""
    db, account = login(school, username=USER, password=PASSWORD)
    try:
        return desk_overview(db, peildatum=date.today(), account=account)
    finally:
        db.close()


def logins(school: str) -> int:
    db, _ = login(school, username=USER, password=PASSWORD)
    try:
        with db.read() as s:
            return int(s.execute(text("SELECT count(*) FROM audit_log WHERE action = 'login'")).scalar_one())
    finally:
        db.close()


def submitted(qtbot: QtBot, school: str) -> tuple[object, object]:
    dialog = LoginDialog(school)
    qtbot.addWidget(dialog)
    dialog.username.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    assert dialog.result_value is not None
    return dialog.result_value


def test_the_window_shows_the_cached_overzicht_then_does_what_was_typed_meanwhile(qtbot: QtBot, school: str) -> None:
    desk = cached_desk(school)
    before = logins(school)
    opening, account = submitted(qtbot, school)
    assert isinstance(opening, Opening) and opening.desk == desk
    session = app.Session(opening, account)  # type: ignore[arg-type]
    window = session.window
    qtbot.addWidget(window)
    window.show()
    page = window.overview_page
    assert DeskState.of(session.ctx).overview == desk  # the figures at once, nothing left to compute
    assert [page.counts[li].number.text() for li in page.counts] == [str(desk.counts[li]) for li in page.counts]
    assert page.model.rowCount() == len(desk.todo) > 0
    assert not session.ctx.ready and session.follower is None

    window.activateWindow()  # shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=PATIENCE_MS)

    hold = behind.InputHold(window)  # as open_behind does while the database opens
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Leerling zoeken
    qtbot.keyClicks(QApplication.focusWidget(), "Jans")  # typed on at once
    assert window.pages.currentIndex() == MainWindow.PAGE_OVERVIEW  # it waits for the database
    assert not isinstance(window.pages.widget(MainWindow.PAGE_PUPILS), PupilsPage)
    opened = behind.finish_opening(session, opening, hold)  # (the test process has imported everything)
    assert opened and session.ctx.ready and session.follower is not None
    # Then done, in order: the search opened, and what was typed after Ctrl+F went into it, once.
    qtbot.waitUntil(lambda: window.pupils_page.search.text() == "Jans", timeout=PATIENCE_MS)
    assert window.pages.currentIndex() == MainWindow.PAGE_PUPILS
    assert QApplication.overrideCursor() is None  # the busy cursor is gone
    assert logins(school) == before + 2  # this login logged once (and the check's own one)
    session.ctx.db.close()


def test_a_file_that_no_longer_opens_is_said_and_the_window_closes(qtbot: QtBot, school: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cached_desk(school)
    opening, account = submitted(qtbot, school)
    assert isinstance(opening, Opening)
    session = app.Session(opening, account)  # type: ignore[arg-type]
    qtbot.addWidget(session.window)
    session.window.show()
    said: list[str] = []
    monkeypatch.setattr(behind.QMessageBox, "critical", lambda _parent, _title, message: said.append(message))
    Path(opening.target).write_bytes(b"")  # emptied meanwhile (another program, a restore gone wrong)
    assert not behind.finish_opening(session, opening, behind.InputHold(session.window))
    assert said and "leeg bestand" in said[0] and not session.window.isVisible() and not session.ctx.ready


def test_with_nothing_cached_today_the_window_shows_and_works_out_its_figures_once_open(qtbot: QtBot,
                                                                                        school: str) -> None:
    opening, account = submitted(qtbot, school)  # a new day: the Overzicht must be worked out first
    assert isinstance(opening, Opening) and opening.desk is None
    session = app.Session(opening, account)  # type: ignore[arg-type]
    qtbot.addWidget(session.window)
    session.window.show()
    state = DeskState.of(session.ctx)
    page = session.window.overview_page
    qtbot.wait(50)  # the event loop turns: nothing is computed on a database that is not open
    assert state.overview is None and state.computing and page.counts[next(iter(page.counts))].number.text() == "…"
    assert behind.finish_opening(session, opening, behind.InputHold(session.window))
    qtbot.waitUntil(lambda: state.overview is not None, timeout=PATIENCE_MS)  # on a worker
    assert state.overview == desk_overview(session.ctx.db, peildatum=date.today(), account=account)  # type: ignore[arg-type]
    session.ctx.db.close()


def test_the_quick_window_is_built_before_sqlalchemy_is_imported(school: str, tmp_path: Path) -> None:
    """What makes it quick: the window with its figures needs no ORM (a fresh process, as the app starts)."""
    cached_desk(school)
    script = f"""
import json, sys
from PySide6.QtWidgets import QApplication
qapp = QApplication([])
from verzuimdesk.ui.login_dialog import LoginDialog
from verzuimdesk.ui import app
dialog = LoginDialog({school!r})
dialog.username.setText({USER!r}); dialog.password.setText({PASSWORD!r})
dialog.try_login()
opening, account = dialog.result_value
session = app.Session(opening, account)
session.window.show(); qapp.processEvents()
print(json.dumps({{"quick": type(opening).__name__, "counts": session.window.overview_page.counts[
    next(iter(session.window.overview_page.counts))].number.text(), "sqlalchemy": "sqlalchemy" in sys.modules}}))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VERZUIMDESK_DATA_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                         check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["quick"] == "Opening" and seen["counts"].isdigit() and seen["sqlalchemy"] is False


def test_the_app_started_and_logged_in_at_once_opens_the_school_behind_its_window(school: str,
                                                                                  tmp_path: Path) -> None:
    """The real start in a process of its own, the password submitted the moment the login shows: the
    window shows today's Overzicht while the database is not open yet, then the database opens (the
    day's backup is made, the idle lock watches) and the window is the normal one."""
    desk = cached_desk(school)
    script = f"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
qapp = QApplication([])
seen = {{}}
def poll():
    from verzuimdesk.ui import app
    from verzuimdesk.ui.desk_state import DeskState
    from verzuimdesk.ui.login_dialog import LoginDialog
    for w in QApplication.topLevelWidgets():
        if isinstance(w, LoginDialog) and w.isVisible() and "login" not in seen:
            seen["login"] = True
            w.username.setText({USER!r}); w.password.setText({PASSWORD!r}); w.try_login()
    s = app.Session.current
    if s is not None and s.window.isVisible():
        if "first" not in seen:
            seen["first"] = {{"ready": s.ctx.ready, "red": DeskState.of(s.ctx).overview.counts[
                next(iter(DeskState.of(s.ctx).overview.counts))]}}
        elif s.ctx.ready and s.watcher is not None:
            from verzuimdesk.services.backups import list_backups
            if list_backups(s.ctx.db.path):  # the day's backup, on a worker
                seen["then"] = {{"db": type(s.ctx.db).__name__, "backups": len(list_backups(s.ctx.db.path))}}
                print(json.dumps(seen), flush=True); qapp.quit()
t = QTimer(); t.timeout.connect(poll); t.start(5)
QTimer.singleShot(100_000, qapp.quit)
from verzuimdesk.ui.app import run_app
sys.exit(run_app([]))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VERZUIMDESK_DATA_DIR": str(tmp_path / "data"),
           "VERZUIMDESK_DB": school}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=150)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["first"] == {"ready": False, "red": desk.counts[next(iter(desk.counts))]}
    assert seen["then"]["db"] == "Database" and seen["then"]["backups"] >= 1


def test_a_window_closed_at_once_closes_once_the_login_is_logged(qtbot: QtBot, school: str) -> None:
    cached_desk(school)
    before = logins(school)
    opening, account = submitted(qtbot, school)
    session = app.Session(opening, account)  # type: ignore[arg-type]
    qtbot.addWidget(session.window)
    session.window.show()
    hold = behind.InputHold(session.window)
    session.window.close()  # the user closes the window the moment it shows
    assert session.window.isVisible()  # it waits for the database
    assert behind.finish_opening(session, opening, hold)
    assert not session.window.isVisible()
    session.ctx.db.close()
    assert logins(school) == before + 2  # this login, then the check's own


def shown_quick(qtbot: QtBot, school: str) -> app.Session:
    cached_desk(school)
    opening, account = submitted(qtbot, school)
    session = app.Session(opening, account)  # type: ignore[arg-type]
    qtbot.addWidget(session.window)
    session.window.show()
    session.window.activateWindow()
    qtbot.waitUntil(session.window.isActiveWindow, timeout=PATIENCE_MS)
    return session


def test_keys_typed_after_a_shortcut_that_opens_a_dialog_go_into_that_dialog(qtbot: QtBot, school: str) -> None:
    session = shown_quick(qtbot, school)
    opening = session.ctx.db
    hold = behind.InputHold(session.window)
    qtbot.keyClick(session.window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Ziekmelding…
    qtbot.keyClicks(QApplication.focusWidget(), "Rik")  # the pupil's name, typed on at once
    seen: list[str] = []
    tries: list[object] = []

    def look() -> None:
        from verzuimdesk.ui.sick_report_dialog import SickReportDialog

        modal = QApplication.activeModalWidget()
        if isinstance(modal, SickReportDialog) and modal.pupil.text() == "Rik":
            seen.append(modal.pupil.text())
            modal.reject()
        elif len(tries) < PATIENCE_MS // 10:
            tries.append(modal)
            QTimer.singleShot(10, look)
        elif modal is not None:
            seen.append(getattr(modal, "pupil", modal).text() if hasattr(modal, "pupil") else "?")
            modal.reject()

    QTimer.singleShot(0, look)
    assert behind.finish_opening(session, opening, hold)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(seen), timeout=2 * PATIENCE_MS)
    assert seen == ["Rik"]
    assert session.window.pages.currentIndex() == MainWindow.PAGE_OVERVIEW  # no letter went to the navigation
    session.ctx.db.close()


def test_a_dialog_shown_once_the_database_is_open_answers(qtbot: QtBot, school: str) -> None:
    """What the app does at the open may show a message (a log changed outside it): it must close."""
    session = shown_quick(qtbot, school)
    opening = session.ctx.db
    hold = behind.InputHold(session.window)
    closed: list[int] = []
    session.ctx.when_open(lambda: closed.append(QMessageBox.warning(session.window, "VerzuimDesk", "Let op")))

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            modal.done(0)  # as its button does
        else:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    unstuck = QTimer.singleShot(PATIENCE_MS, hold.release)  # (a hold that ate the close: end the test)
    assert unstuck is None
    assert behind.finish_opening(session, opening, hold)  # type: ignore[arg-type]
    assert closed == [0] and QApplication.activeModalWidget() is None
    session.ctx.db.close()


def test_an_open_that_fails_for_any_reason_says_so_drops_what_waited_and_closes(
        qtbot: QtBot, school: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    session = shown_quick(qtbot, school)
    opening = session.ctx.db
    hold = behind.InputHold(session.window)
    qtbot.keyClick(session.window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Ziekmelding…, held

    def locked(*_a: object, **_k: object) -> object:  # an import in a terminal holds the file
        raise OperationalError("INSERT INTO audit_log", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr("verzuimdesk.services.accounts.login_with_key", locked)
    said: list[str] = []
    monkeypatch.setattr(behind.QMessageBox, "critical", lambda _parent, _title, message: said.append(message))
    assert not behind.finish_opening(session, opening, hold)  # type: ignore[arg-type]
    qtbot.wait(50)  # the event loop turns: nothing held is done on the window without a database
    assert said and "de database is bezig" in said[0]  # the reason in Dutch (the app's translation says the rest)
    assert QApplication.activeModalWidget() is None and not session.window.isVisible()
    assert QApplication.overrideCursor() is None
