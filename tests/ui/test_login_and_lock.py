"""Logging in and the idle lock, on real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE, PATIENCE_MS
from verzuimdesk.services.accounts import Role, login
from verzuimdesk.ui.login_dialog import LoginDialog


@pytest.fixture
def school(school_path: Path) -> str:
    return str(school_path)


def test_wrong_password_keeps_the_dialog_open_with_a_dutch_reason(qtbot: QtBot, school: str) -> None:
    dialog = LoginDialog(school)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "ib")
    qtbot.keyClicks(dialog.password, "fout-wachtwoord")
    dialog.try_login()
    assert dialog.isVisible() and "Onjuist wachtwoord" in dialog.error.text()
    assert dialog.result_value is None


def test_right_password_opens_the_database_as_that_user(qtbot: QtBot, school: str) -> None:
    dialog = LoginDialog(school)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "ib")
    qtbot.keyClicks(dialog.password, PASSPHRASE)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.result_value is not None
    db, account = dialog.result_value
    assert account.username == "ib" and account.role is Role.IB
    db.close()


def test_idle_lock_hides_the_window_and_keeps_typed_text(qtbot: QtBot, school: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import app

    db, account = login(school, username="ib", password=PASSPHRASE)
    session = app.Session(db, account)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.keyClicks(session.window.pupils_page.search, "Jans")
    from PySide6.QtWidgets import QWidget

    other = QWidget()  # another window of the app, such as an open dossier
    qtbot.addWidget(other)
    other.show()
    seen: dict[str, object] = {}

    def unlock(dialog: LoginDialog) -> int:
        seen["visible_while_locked"] = session.window.isVisible() or other.isVisible()
        seen["user"] = dialog.username.text()
        dialog.password.setText(PASSPHRASE)
        dialog.try_login()
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", unlock)
    assert session.watcher is not None
    session.watcher.idle.emit()  # what the timer does after the idle minutes
    assert seen == {"visible_while_locked": False, "user": "ib"}
    assert session.window.isVisible() and other.isVisible()
    assert session.window.pupils_page.search.text() == "Jans"
    db.close()


def test_giving_up_at_the_lock_closes_the_window(qtbot: QtBot, school: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import app

    db, account = login(school, username="ib", password=PASSPHRASE)
    session = app.Session(db, account)
    qtbot.addWidget(session.window)
    session.window.show()
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: 0)
    session.lock()
    assert not session.window.isVisible()
    db.close()


def test_idle_timer_fires_after_the_configured_time(qtbot: QtBot) -> None:
    from verzuimdesk.ui.idle_lock import IdleWatcher

    watcher = IdleWatcher(minutes=0.002)  # 120 ms
    with qtbot.waitSignal(watcher.idle, timeout=PATIENCE_MS):
        pass


def test_ctrl_l_says_locked_not_idle_and_another_user_can_take_over(qtbot: QtBot, school: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.services.accounts import add_account
    from verzuimdesk.ui import app

    db, account = login(school, username="ib", password=PASSPHRASE)
    add_account(db, by=account, username="juf", name="Juf Ans", role=Role.TEACHER, password="juf-wachtwoord-1",
                groups=("5",))
    session = app.Session(db, account)
    qtbot.addWidget(session.window)
    session.window.show()
    seen: dict[str, str] = {}

    def other_user(dialog: LoginDialog) -> int:
        seen["message"] = dialog.message.text()
        dialog.username.setText("juf")  # the lock screen lets another user log in
        dialog.password.setText("juf-wachtwoord-1")
        dialog.try_login()
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", other_user)
    lock = next(a for a in session.window.file_menu.actions() if a.shortcut() == QKeySequence("Ctrl+L"))
    lock.trigger()  # File › Lock (Ctrl+L)
    assert seen["message"].startswith("VerzuimDesk is locked.") and "without use" not in seen["message"]
    new = app.Session.current
    assert new is not None and new is not session
    qtbot.addWidget(new.window)
    assert new.ctx.account.username == "juf" and new.window.isVisible()
    assert not session.window.isVisible()
    assert "Juf Ans" in " ".join(w.text() for w in new.window.statusBar().findChildren(QLabel))
    new.ctx.db.close()


def test_the_demo_passwords_are_never_broken_over_two_lines(qtbot: QtBot, school: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import login_dialog

    accounts = [("IB-er", "demo", "demo-ib-2026"), ("Leerkracht groep 5", "juf", "demo-juf-2026")]
    monkeypatch.setattr(login_dialog, "demo_accounts", lambda _target: accounts)
    dialog = LoginDialog(school)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = dialog.demo.fontMetrics()
    for role, user, password in accounts:  # each account's line fits whole: nobody types "demo-" alone
        assert dialog.demo.width() >= metrics.horizontalAdvance(f"{role}: {user} / {password}")
