"""Logging in to an encrypted database: user name and password; a wrong one is told plainly."""

from __future__ import annotations

import contextlib
import sys
import threading
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.demo_sidecar import demo_accounts
from verzuimdesk.services.errors import Refused
from verzuimdesk.ui import collector

if TYPE_CHECKING:  # the services that open the database load when the user logs in, not before the dialog
    from verzuimdesk.services.accounts import Account
    from verzuimdesk.services.database import Database


def demo_hint(target: str) -> str:
    """On the demo school: its accounts and their passwords (fictitious people, so shown openly)."""
    accounts = demo_accounts(target)
    if not accounts:
        return ""
    lines = [QCoreApplication.translate("LoginDialog", "Demo school: log in as one of these to try each role.")]
    lines += [f"{role}: {user} / {password}" for role, user, password in accounts]
    return "\n".join(lines)


# The first window's own modules, imported on the GUI thread (they make Qt's enums and widget
# classes) one per turn of the event loop once the thread has ended: each a few ms between two keys.
UI_MODULES = (
    "verzuimdesk.ui.context",
    "verzuimdesk.ui.tasks",
    "verzuimdesk.ui.desk_state",
    "verzuimdesk.ui.widgets.words",
    "verzuimdesk.ui.widgets.todo_model",
    "verzuimdesk.ui.widgets.attention_model",
    "verzuimdesk.ui.widgets.quarterly_line",
    "verzuimdesk.ui.pages.attention_panel",
    "verzuimdesk.ui.pages.overview_page",
    "verzuimdesk.ui.registration_model",
    "verzuimdesk.ui.registration_view",
    "verzuimdesk.ui.pages.registration_page",
    "verzuimdesk.ui.maintenance",
    "verzuimdesk.ui.server_follow",
    "verzuimdesk.ui.idle_lock",
    "verzuimdesk.ui.main_window",
)


class _WarmUp:
    """`services.warm_up` on a thread of its own, started once the login dialog is painted, then the
    first window's modules on the GUI thread: a user takes seconds to type a password, and these
    imports would otherwise follow the password. The login waits for the thread to end before it
    imports anything itself (two threads importing the same modules at once may see each other's
    half-made modules). It derives no key and opens nothing: the password is not known to it."""

    thread: threading.Thread | None = None
    gate = threading.Event()  # cleared: the thread waits at its next module (`hold`, `release`)
    gate.set()

    @classmethod
    def start(cls, dialog: QDialog) -> None:
        if cls.thread is not None or "verzuimdesk.services.warm_up" in sys.modules:
            return  # under way, done, or the app is loaded already (the lock screen)
        cls.thread = threading.Thread(target=cls._run, name="warm-up", daemon=True)
        cls.thread.start()
        pending = [m for m in UI_MODULES if m not in sys.modules]
        timer = QTimer(dialog)
        timer.setInterval(20)

        def step() -> None:
            if cls.thread is not None and cls.thread.is_alive():
                return
            timer.setInterval(0)
            while pending and pending[0] in sys.modules:
                pending.pop(0)
            if not pending:
                timer.stop()
                collector.resume()  # the first window's modules are in (ui/collector.py)
                return
            with contextlib.suppress(Exception):  # building the window reports it, if it happens again
                import_module(pending.pop(0))

        timer.timeout.connect(step)
        timer.start()

    @classmethod
    def _run(cls) -> None:
        with contextlib.suppress(Exception):  # the login imports again and reports what is wrong
            from verzuimdesk.services.warm_up import warm_up

            warm_up(between=cls.gate.wait)

    @classmethod
    def hold(cls) -> None:
        """The thread waits at its next module: the quick Overzicht and its window have the interpreter."""
        cls.gate.clear()

    @classmethod
    def release(cls) -> None:
        cls.gate.set()

    @classmethod
    def done(cls) -> bool:
        return cls.thread is None or not cls.thread.is_alive()

    @classmethod
    def wait(cls) -> None:
        cls.release()
        if cls.thread is not None:
            cls.thread.join()


class LoginDialog(QDialog):
    def __init__(self, target: str, parent: QWidget | None = None, *, username: str = "",
                 locked: bool = False, idle: bool = False) -> None:
        super().__init__(parent)
        self.target = target
        self.locked = locked
        self.result_value: tuple[Database, Account] | None = None
        self.setWindowTitle(self.tr("VerzuimDesk is locked") if locked else self.tr("Log in to VerzuimDesk"))
        self.username = QLineEdit(username)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if locked:
            said = (self.tr("The program locked itself after a while without use.") if idle
                    else self.tr("VerzuimDesk is locked."))
            self.message = QLabel(said + " " + self.tr("Your unsaved text is kept. Log in again to go on, or "
                                                       "log in as someone else to switch user."))
            self.message.setWordWrap(True)
            layout.addWidget(self.message)
        hint = demo_hint(target)
        if hint:
            self.demo = QLabel(hint)
            self.demo.setObjectName("demo_accounts")
            self.demo.setWordWrap(False)  # a password never broken at its hyphen ("demo-" / "juf-2026")
            self.demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.demo)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: _WarmUp.start(self))  # after the first paint: the dialog shows first

    def try_login(self) -> None:
        if not self.locked and self._quick_login():
            return
        _WarmUp.wait()
        from verzuimdesk.services.account_admin import must_change_password
        from verzuimdesk.services.accounts import login

        try:
            self.result_value = login(self.target, username=self.username.text().strip(),
                                      password=self.password.text())
        except Refused as exc:
            self.error.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        db, account = self.result_value
        if must_change_password(db, account.username):
            from verzuimdesk.ui.password_dialog import PasswordDialog

            if not PasswordDialog(db, account, self, one_time=self.password.text()).exec():
                db.close()  # a one-time password opens nothing until a new one is chosen
                self.result_value = None
                self.error.setText(self.tr("Choose your own password to go on."))
                return
        self.accept()

    def _quick_login(self) -> bool:
        """The Overzicht read from the status cache without the ORM (services/status_quick.quick_login), so
        the main window shows at once with its figures and opens the database behind them (ui/app.py);
        False where the full login must answer (a wrong password, a one-time one, a schema to migrate).
        With nothing cached for today the window shows at once all the same, and works out its figures
        once the database is open."""
        _WarmUp.hold()
        try:
            from verzuimdesk.services.status_quick import quick_login
            from verzuimdesk.ui.context import Opening

            quick = quick_login(self.target, date.today(), self.username.text().strip(), self.password.text())
        except Exception:  # whatever it is, the full login meets it again and says it in Dutch
            quick = None
        if quick is None:
            _WarmUp.release()
            return False
        self.result_value = (Opening(self.target, quick.key, quick.user, quick.school, quick.desk),  # type: ignore[assignment]
                             quick.account)
        self.accept()
        return True
