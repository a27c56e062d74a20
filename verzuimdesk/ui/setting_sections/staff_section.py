"""Staff: who may log in, with which role and groups. Passwords exist on an encrypted database and on a server
(each person's own role there); the IB-er adds, switches off, resets and removes colleagues."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.account_admin import remove_account, reset_password, set_active
from verzuimdesk.services.accounts import Role, add_account, has_logins
from verzuimdesk.services.database import DatabaseError
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.settings import StaffRow, list_staff, school_view
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.setting_sections.common import StatusLine, limit_fields, settings_form
from verzuimdesk.ui.setting_sections.models import StaffModel


class StaffSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        roles = {Role.IB.value: self.tr("IB-er"), Role.TEACHER.value: self.tr("teacher"),
                 Role.MANAGEMENT.value: self.tr("management")}
        self.model = StaffModel(roles)
        table = QTableView()
        self.table = table
        table.setAccessibleName(self.tr("Staff"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(StaffModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.name, self.username, self.groups, self.password = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.username.setObjectName("username")
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.groups.setPlaceholderText(self.tr("e.g. 5, 6 (a teacher sees only these groups)"))
        self.role = QComboBox()
        for value, word in roles.items():
            self.role.addItem(word, value)
        self.role.setCurrentIndex(self.role.findData(Role.TEACHER.value))
        add = QPushButton(self.tr("Add colleague"))
        add.setObjectName("add_colleague")
        add.clicked.connect(self.add)
        self.status = StatusLine()
        form = settings_form()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Groups:"), self.groups)
        form.addRow(self.tr("Initial password:"), self.password)
        form.addRow("", add)
        limit_fields(form)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        if has_logins(ctx.db):
            manage = QHBoxLayout()
            self.toggle_button = QPushButton(self.tr("Switch off"))
            self.toggle_button.setObjectName("toggle_active")
            self.toggle_button.clicked.connect(self.toggle_active)
            self.reset_button = QPushButton(self.tr("New one-time password…"))
            self.reset_button.setObjectName("reset_password")
            self.reset_button.clicked.connect(self.reset)
            self.remove_button = QPushButton(self.tr("Remove…"))
            self.remove_button.setObjectName("remove_colleague")
            self.remove_button.clicked.connect(self.remove)
            for button in (self.toggle_button, self.reset_button, self.remove_button):
                manage.addWidget(button)
            manage.addStretch(1)
            layout.addLayout(manage)
            table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._follow())
            layout.addLayout(form)
        else:
            note = QLabel(self.tr("Accounts with a password exist on an encrypted database or a server. This "
                                  "database is a file that is not encrypted (such as the demo school)."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.status)
        self.load()

    def load(self) -> None:
        self.model.set_rows(list_staff(self.ctx.db))
        self._follow()

    def selected(self) -> StaffRow | None:
        index = self.table.currentIndex()
        rows = self.model._rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def _follow(self) -> None:
        if not hasattr(self, "toggle_button"):
            return
        row = self.selected()
        usable = row is not None and bool(row.username) and row.username != self.ctx.account.username
        for button in (self.toggle_button, self.reset_button, self.remove_button):
            button.setEnabled(usable)
        self.toggle_button.setText(self.tr("Switch on…") if row is not None and not row.active
                                   else self.tr("Switch off"))

    def _show_one_time(self, username: str, secret: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("One-time password"),
                          self.tr("Give %1 this one-time password. At the first login with it, %1 chooses a "
                                  "password of their own; you will not see it again.\n\n%2")
                          .replace("%1", username).replace("%2", secret), parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            secret = set_active(self.ctx.db, by=self.ctx.account, username=row.username, active=not row.active)
        except Refused as exc:
            self.status.refused(exc)
            return
        self.load()
        if secret:
            self._show_one_time(row.username, secret)
            self.status.ok(self.tr("%1 can log in again.").replace("%1", row.username))
        else:
            self.status.ok(self.tr("%1 is switched off and can no longer log in.").replace("%1", row.username))

    def reset(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            secret = reset_password(self.ctx.db, by=self.ctx.account, username=row.username)
        except Refused as exc:
            self.status.refused(exc)
            return
        self.load()
        self._show_one_time(row.username, secret)
        self.status.ok(self.tr("%1 has a new one-time password.").replace("%1", row.username))

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        asked = QMessageBox.question(self, self.tr("Remove colleague"), self.tr(
            "Remove %1? The account and its password go; the audit log keeps what %1 did. To stop a login for "
            "a while, switch the account off instead.").replace("%1", row.name or row.username))
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            remove_account(self.ctx.db, by=self.ctx.account, username=row.username)
        except Refused as exc:
            self.status.refused(exc)
            return
        self.load()
        self.status.ok(self.tr("%1 is removed.").replace("%1", row.username))

    def add(self) -> None:
        wanted = tuple(g.strip() for g in self.groups.text().replace(";", ",").split(",") if g.strip())
        unknown = sorted(set(wanted) - set(school_view(self.ctx.db).groups))
        if unknown:
            self.status.refused(DatabaseError(self.tr("Unknown group(s): %1").replace("%1", ", ".join(unknown))))
            return
        try:
            add_account(self.ctx.db, by=self.ctx.account, username=self.username.text(), name=self.name.text(),
                        role=Role(self.role.currentData()), password=self.password.text(), groups=wanted)
        except Refused as exc:
            self.status.refused(exc)
            return
        self.status.ok(self.tr("%1 can now log in.").replace("%1", self.username.text().strip().lower()))
        for edit in (self.name, self.username, self.groups, self.password):
            edit.clear()
        self.load()
