"""Choosing your own new password: from File › Change password, and at the first login with a one-time
password the IB-er gave (then the current password is already known and not asked again)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from verzuimdesk.services.account_admin import choose_new_password
from verzuimdesk.services.accounts import Account
from verzuimdesk.services.database import Database
from verzuimdesk.services.errors import Refused
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel


class PasswordDialog(QDialog):
    def __init__(self, db: Database, account: Account, parent: QWidget | None = None, *,
                 one_time: str | None = None) -> None:
        super().__init__(parent)
        self.db, self.account, self.one_time = db, account, one_time
        self.setWindowTitle(self.tr("Change your password"))
        self.old = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = error_label()
        form = QFormLayout()
        if one_time is None:
            form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password (at least 10 characters):"), self.new)
        form.addRow(self.tr("New password again:"), self.again)
        layout = QVBoxLayout(self)
        if one_time is not None:
            note = QLabel(self.tr("You logged in with a one-time password. Choose your own password now; only "
                                  "you will know it."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, self.tr("Save"), self.tr("Cancel"), self.save))
        (self.new if one_time is not None else self.old).setFocus()

    def save(self) -> None:
        old = self.one_time if self.one_time is not None else self.old.text()
        try:
            choose_new_password(self.db, account=self.account, old=old, new=self.new.text(),
                                again=self.again.text())
        except Refused as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
