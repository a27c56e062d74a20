"""Staff: who may log in, with which role and groups. Passwords exist only on an encrypted database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Role, add_account
from verzuimdesk.services.settings import list_staff, school_view
from verzuimdesk.storage.database import DatabaseError
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
        if ctx.db.encrypted:
            layout.addLayout(form)
        else:
            note = QLabel(self.tr("Accounts with a password exist only on an encrypted database. This database is "
                                  "not encrypted (the demo school, or a server that guards access itself)."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.status)
        self.load()

    def load(self) -> None:
        self.model.set_rows(list_staff(self.ctx.db))

    def add(self) -> None:
        wanted = tuple(g.strip() for g in self.groups.text().replace(";", ",").split(",") if g.strip())
        unknown = sorted(set(wanted) - set(school_view(self.ctx.db).groups))
        if unknown:
            self.status.refused(DatabaseError(self.tr("Unknown group(s): %1").replace("%1", ", ".join(unknown))))
            return
        try:
            add_account(self.ctx.db, by=self.ctx.account, username=self.username.text(), name=self.name.text(),
                        role=Role(self.role.currentData()), password=self.password.text(), groups=wanted)
        except DatabaseError as exc:
            self.status.refused(exc)
            return
        self.status.ok(self.tr("%1 can now log in.").replace("%1", self.username.text().strip().lower()))
        for edit in (self.name, self.username, self.groups, self.password):
            edit.clear()
        self.load()
