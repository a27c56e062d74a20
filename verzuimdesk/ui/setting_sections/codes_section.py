"""Absence codes: the defaults of the stappenplan (their category fixed) and the school's own."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.registration_grid import list_codes
from verzuimdesk.services.settings import save_code
from verzuimdesk.services.vocabulary import Category
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.setting_sections.common import StatusLine, limit_fields, settings_form
from verzuimdesk.ui.setting_sections.models import CodeModel


class CodesSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        words = {
            Category.PRESENT_ELSEWHERE.value: self.tr("present elsewhere"),
            Category.SICK.value: self.tr("sick"),
            Category.AUTHORISED.value: self.tr("authorised"),
            Category.UNAUTHORISED.value: self.tr("unauthorised"),
            Category.LATE.value: self.tr("late"),
            Category.SUSPENDED.value: self.tr("suspended"),
            Category.UNEXPLAINED.value: self.tr("reason unknown"),
        }
        self.model = CodeModel(words)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(CodeModel.COL_LABEL, QHeaderView.ResizeMode.Stretch)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setMaxLength(5)
        self.label = QLineEdit()
        self.label.setObjectName("label")
        self.category = QComboBox()
        for value, word in words.items():
            self.category.addItem(word, value)
        self.luxe = QCheckBox(self.tr("Luxeverzuim: every period with this code is reported to DUO"))
        self.luxe.setObjectName("luxe")
        self.luxe.setToolTip(self.tr("Days off taken without leave (holidays, a long weekend). The LUXE rule "
                                     "asks for a DUO report of each such period, whatever the hours."))
        save = QPushButton(self.tr("Save code"))
        save.setObjectName("save_code")
        save.clicked.connect(self.save)
        self.status = StatusLine()
        form = settings_form()
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Label:"), self.label)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow("", self.luxe)
        form.addRow("", save)
        limit_fields(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._pick(cur.row()))
        self.load()

    def load(self) -> None:
        self.model.set_rows(list_codes(self.ctx.db))

    def _pick(self, row: int) -> None:
        if row < 0:
            return
        c = self.model.row(row)
        self.code.setText(c.code)
        self.label.setText(c.label)
        self.category.setCurrentIndex(self.category.findData(c.category.value))
        self.category.setEnabled(not c.builtin)
        self.luxe.setChecked(c.luxe)

    def save(self) -> None:
        if run_write(self.ctx, lambda: save_code(self.ctx.db, code=self.code.text(), label=self.label.text(),
                                                 category=Category(self.category.currentData()),
                                                 by=self.ctx.account, luxe=self.luxe.isChecked()),
                     refused=self.status.refused) is None:
            return
        self.status.ok(self.tr("Saved."))
        self.load()
