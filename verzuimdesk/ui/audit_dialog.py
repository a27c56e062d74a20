"""The audit log for the IB-er: every view, change, export and login, filterable by pupil and user."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.audit_log import ACTION_NL, read_audit_log
from verzuimdesk.storage.database import Database
from verzuimdesk.ui.widgets.table_base import PlainRowsModel

COL_AT, COL_USER, COL_ACTION, COL_PUPIL, COL_DETAIL = range(5)


class AuditModel(PlainRowsModel):
    CONTEXT = "AuditModel"
    HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "When"), QT_TRANSLATE_NOOP("AuditModel", "User"),
               QT_TRANSLATE_NOOP("AuditModel", "What"), QT_TRANSLATE_NOOP("AuditModel", "Pupil"),
               QT_TRANSLATE_NOOP("AuditModel", "Details"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        return (r.at.strftime("%d-%m-%Y %H:%M"), r.user, f"{ACTION_NL.get(r.action, r.action)} {r.entity}".strip(),
                r.pupil, r.detail)[index.column()]


class AuditDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Audit log"))
        self.model = AuditModel(self)
        self.pupil = QLineEdit(placeholderText=self.tr("Pupil number"))
        self.user = QComboBox()
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b00020; font-weight: bold")
        self.warning.setWordWrap(True)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)
        self.table = table
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Pupil:")))
        filters.addWidget(self.pupil)
        filters.addWidget(QLabel(self.tr("User:")))
        filters.addWidget(self.user)
        filters.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.warning)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        self.refresh(first=True)
        self.pupil.textChanged.connect(lambda _t: self.refresh())
        self.user.currentIndexChanged.connect(lambda _i: self.refresh())

    def refresh(self, first: bool = False) -> None:
        log = read_audit_log(self.db, pupil_number=self.pupil.text().strip(),
                             user="" if self.user.currentIndex() <= 0 else self.user.currentText())
        if first:
            self.user.addItem(self.tr("everyone"))
            self.user.addItems(list(log.users))
        self.model.set_rows(list(log.rows))
        self.table.resizeColumnsToContents()
        self.warning.setVisible(log.broken_at is not None)
        if log.broken_at is not None:
            self.warning.setText(self.tr("Warning: the log has been changed outside the program from entry %1 "
                                         "on. Tell your privacy officer.").replace("%1", str(log.broken_at)))
