"""Logging in to an encrypted database: user name and password; a wrong one is told plainly."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Account, login
from verzuimdesk.storage.database import Database, DatabaseError


class LoginDialog(QDialog):
    def __init__(self, target: str, parent: QWidget | None = None, *, username: str = "",
                 locked: bool = False, idle: bool = False) -> None:
        super().__init__(parent)
        self.target = target
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
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        try:
            self.result_value = login(self.target, username=self.username.text().strip(),
                                      password=self.password.text())
        except DatabaseError as exc:
            self.error.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
