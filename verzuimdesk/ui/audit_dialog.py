"""The audit log for the IB-er: every view, change, export and login in Dutch words, filterable by pupil,
user, kind and period."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Account
from verzuimdesk.services.audit_log import read_audit_log
from verzuimdesk.services.audit_words import KINDS, when
from verzuimdesk.services.database import Database
from verzuimdesk.ui.widgets.columns import fit_columns
from verzuimdesk.ui.widgets.table_base import PlainRowsModel

COL_AT, COL_USER, COL_PUPIL, COL_DETAIL = range(4)
EARLIEST = QDate(2000, 1, 1)  # the "from" field's "from the start"


class AuditModel(PlainRowsModel):
    CONTEXT = "AuditModel"
    HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "When"), QT_TRANSLATE_NOOP("AuditModel", "User"),
               QT_TRANSLATE_NOOP("AuditModel", "Pupil"), QT_TRANSLATE_NOOP("AuditModel", "What happened"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._rows[index.row()]
        return (when(r.at), r.user, r.pupil, r.detail)[index.column()]


class AuditDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, by: Account) -> None:
        super().__init__(parent)
        self.db, self.by = db, by
        self.setWindowTitle(self.tr("Audit log"))
        self.model = AuditModel(self)
        self.pupil = QLineEdit(placeholderText=self.tr("Name or number"))
        self.user = QComboBox()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("everything"), "")
        for k in KINDS:
            self.kind.addItem(k, k)
        self.start = QDateEdit(EARLIEST)
        self.start.setMinimumDate(EARLIEST)
        self.start.setSpecialValueText(self.tr("the start"))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMM yyyy")
        self.end = QDateEdit(QDate(date.today()))
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("d MMM yyyy")
        self.count = QLabel()
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b00020; font-weight: bold")
        self.warning.setWordWrap(True)
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Audit log"))
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table = table
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Pupil:"), self.pupil), (self.tr("User:"), self.user),
                              (self.tr("Kind:"), self.kind), (self.tr("From:"), self.start),
                              (self.tr("until:"), self.end)):
            text = QLabel(label)
            text.setBuddy(widget)
            filters.addWidget(text)
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.warning)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(1200, 600)
        self.refresh(first=True)
        self.pupil.textChanged.connect(lambda _t: self.refresh())
        for combo in (self.user, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.refresh())

    def refresh(self, first: bool = False) -> None:
        start = None if self.start.date() == EARLIEST else self.start.date().toPython()
        log = read_audit_log(self.db, by=self.by, pupil=self.pupil.text(), user=self.user.currentData() or "",
                             kind=self.kind.currentData() or "", start=start, end=self.end.date().toPython())
        if first:
            self.user.addItem(self.tr("everyone"), "")
            for u in log.users:
                self.user.addItem(u, u)
        self.model.set_rows(list(log.rows))
        fit_columns(self.table, COL_DETAIL)
        n = len(log.rows)
        self.count.setText(self.tr("1 entry") if n == 1 else self.tr("%1 entries").replace("%1", str(n)))
        self.warning.setVisible(log.broken_at is not None)
        if log.broken_at is not None:
            self.warning.setText(self.tr("Warning: the log has been changed outside the program from entry %1 "
                                         "on. Tell your privacy officer.").replace("%1", str(log.broken_at)))
