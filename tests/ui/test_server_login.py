"""Logging in to a server from the app (issue #24), on real widgets and a throwaway PostgreSQL cluster that
checks passwords: a wrong password is told in Dutch and opens nothing; the right one opens the main window
on the school. The idle lock works there too: while locked the app holds no connection and no password,
until the same person types it again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from tests.storage.test_server_roles import ADMIN, raw, school, secure_server  # noqa: F401  (fixtures)
from verzuimdesk.services.accounts import Role
from verzuimdesk.services.errors import Refused
from verzuimdesk.storage.database import APP_NAME, server_dsn
from verzuimdesk.storage.models import Pupil
from verzuimdesk.ui.login_dialog import LoginDialog

pytestmark = pytest.mark.slow


def own_connections(school: str) -> int:  # noqa: F811
    """How many connections this process (the app, its listener) has open on the server, seen by the owner."""
    with raw(school, "verzuimdesk", ADMIN) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE %s",
                           (APP_NAME + "%",)).fetchone()
    return int(row[0]) if row else 0


def finish(session: Any, db: Any) -> None:
    """Close the app's window and database after its workers are done: none reconnects in a later test."""
    from PySide6.QtCore import QThreadPool

    session.follower.stop()
    session.window.close()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    db.close()


def test_logging_in_to_a_server_wrong_then_right_opens_the_school(qtbot: QtBot, school: str) -> None:  # noqa: F811
    from verzuimdesk.ui import app

    assert school.startswith("postgresql://")
    dialog = LoginDialog(school)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "ib")
    qtbot.keyClicks(dialog.password, "fout-wachtwoord")
    dialog.try_login()
    assert dialog.isVisible() and dialog.result_value is None
    assert "Onjuiste gebruikersnaam of wachtwoord" in dialog.error.text()

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSPHRASE)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.result_value is not None
    db, account = dialog.result_value
    assert (account.username, account.role) == ("ib", Role.IB)
    session = app.Session(db, account)
    qtbot.addWidget(session.window)
    session.window.show()
    try:
        assert session.window.windowTitle() == "VerzuimDesk — OBS De Klimop"
        qtbot.waitUntil(lambda: session.window.pupils_page.model.rowCount() == 4, timeout=30_000)
    finally:
        finish(session, db)


def test_the_idle_lock_on_a_server_drops_the_connections_until_the_password_is_typed_again(
        qtbot: QtBot, school: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from verzuimdesk.services.accounts import login
    from verzuimdesk.ui import app

    db, account = login(school, username="ib", password=PASSPHRASE)
    session = app.Session(db, account)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.keyClicks(session.window.pupils_page.search, "Jans")
    assert session.watcher is not None  # a server has an idle lock, as an encrypted file has
    assert session.follower.listener is not None and session.follower.listener.listening.wait(30)
    seen: dict[str, object] = {}

    def unlock(dialog: LoginDialog) -> int:
        seen["visible_while_locked"] = session.window.isVisible()
        # The server ends a closed connection's process a moment after the client let go: wait for it.
        qtbot.waitUntil(lambda: own_connections(school) == 0, timeout=15_000)
        with pytest.raises(Refused, match="vergrendeld"), db.read() as s:  # the app cannot reach the server
            s.scalar(select(Pupil.id).limit(1))
        with pytest.raises(Refused, match="vergrendeld"):
            server_dsn(db)
        dialog.password.setText("fout-wachtwoord")
        dialog.try_login()
        seen["wrong"] = dialog.error.text()
        dialog.password.setText(PASSPHRASE)
        dialog.try_login()
        return int(dialog.result())

    monkeypatch.setattr(LoginDialog, "exec", unlock)
    try:
        session.watcher.idle.emit()  # what the timer does after the idle minutes
        assert seen["visible_while_locked"] is False
        assert "Onjuiste gebruikersnaam of wachtwoord" in str(seen["wrong"])
        assert session.window.isVisible() and session.window.pupils_page.search.text() == "Jans"
        with db.read() as s:  # the same database object works again, and hears others again
            assert s.scalar(select(Pupil.number).where(Pupil.number == "1001")) == "1001"
        assert session.follower.listener is not None and session.follower.listener.listening.wait(30)
    finally:
        finish(session, db)


def test_the_ib_er_resets_and_removes_a_colleague_on_the_server_from_personeel(
        qtbot: QtBot, school: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from verzuimdesk.services.accounts import add_account, login
    from verzuimdesk.ui.context import AppContext
    from verzuimdesk.ui.pages.settings_page import SettingsPage
    from verzuimdesk.ui.password_dialog import PasswordDialog

    db, ib = login(school, username="ib", password=PASSPHRASE)
    add_account(db, by=ib, username="juf", name="Juf Anna", role=Role.TEACHER, password="juf-wachtwoord-7",
                groups=("1-2",))
    page = SettingsPage(AppContext(db, ib))
    qtbot.addWidget(page)
    page.show()
    staff = page.staff
    row = next(r for r in range(staff.model.rowCount()) if staff.model.index(r, 1).data() == "juf")
    staff.table.setCurrentIndex(staff.model.index(row, 0))
    assert staff.reset_button.isEnabled() and staff.remove_button.isEnabled()  # on a server as on a laptop

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    staff.reset()
    secret = shown[-1].rsplit("\n", 1)[-1]
    assert len(secret) == 14 and "juf" in shown[-1]

    def choose(dialog: PasswordDialog) -> int:
        dialog.new.setText("anna-kiest-zelf-1")
        dialog.again.setText("anna-kiest-zelf-1")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(PasswordDialog, "exec", choose)
    dialog = LoginDialog(school)
    qtbot.addWidget(dialog)
    dialog.username.setText("juf")
    dialog.password.setText(secret)
    dialog.try_login()  # the one-time password asks for her own first, then she is in
    assert dialog.result_value is not None
    dialog.result_value[0].close()
    login(school, username="juf", password="anna-kiest-zelf-1")[0].close()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    staff.table.setCurrentIndex(staff.model.index(row, 0))
    staff.remove()
    assert "juf is removed" in staff.status.text()
    assert all(staff.model.index(r, 1).data() != "juf" for r in range(staff.model.rowCount()))
    with pytest.raises(Refused):
        login(school, username="juf", password="anna-kiest-zelf-1")
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(60_000)
    db.close()
