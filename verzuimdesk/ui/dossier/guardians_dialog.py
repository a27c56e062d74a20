"""A pupil's parents and carers: the list, and a form to add, change or remove one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.guardians import GuardianView, delete_guardian, guardians_of, save_guardian
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label


class GuardiansDialog(QDialog):
    def __init__(self, ctx: AppContext, *, pupil_id: int, pupil_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.pupil_id = ctx, pupil_id
        self.current: GuardianView | None = None
        self.setWindowTitle(self.tr("Parents and carers of %1").replace("%1", pupil_name))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Parents and carers"))
        self.list.currentItemChanged.connect(self._pick)
        self.name = QLineEdit()
        self.relation = QLineEdit(placeholderText=self.tr("mother, father, carer, guardian…"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Relation"), self.relation)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        self.message = error_label()
        new = QPushButton(self.tr("New"))
        new.clicked.connect(self._new)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        for b in (new, self.save_button, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(520, 420)
        self._load()

    def _load(self, select: int | None = None) -> None:
        self.list.clear()
        for g in guardians_of(self.ctx.db, self.pupil_id):
            item = QListWidgetItem(g.line())
            item.setData(256, g)
            self.list.addItem(item)
            if g.id == select:
                self.list.setCurrentItem(item)
        if select is None:
            self._new()

    def _pick(self, item: QListWidgetItem | None) -> None:
        self.current = item.data(256) if item is not None else None
        g = self.current
        for edit, value in ((self.name, g.name if g else ""), (self.relation, g.relation if g else ""),
                            (self.phone, g.phone if g else ""), (self.email, g.email if g else "")):
            edit.setText(value)
        self.remove.setEnabled(g is not None)
        self.message.hide()

    def _new(self) -> None:
        self.list.setCurrentItem(None)
        self._pick(None)
        self.name.setFocus()

    def save(self) -> None:
        gid = run_write(self.ctx, lambda: save_guardian(
            self.ctx.db, pupil_id=self.pupil_id, guardian_id=self.current.id if self.current else None,
            name=self.name.text(), relation=self.relation.text(), phone=self.phone.text(), email=self.email.text(),
            by=self.ctx.account), refused=self._refused)
        if gid is not None:
            self._load(select=gid.id)

    def _refused(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.message.show()

    def _remove(self) -> None:
        if self.current is None:
            return
        guardian_id = self.current.id
        run_write(self.ctx, lambda: delete_guardian(self.ctx.db, guardian_id=guardian_id, by=self.ctx.account),
                  refused=self._refused)
        self._load()
