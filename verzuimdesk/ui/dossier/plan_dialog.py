"""A plan link: IHP, OPP or plan van aanpak — a file or a URL, with start and evaluation date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.dossier_edit import PLAN_KINDS, add_plan, update_plan
from verzuimdesk.services.dossier_view import PlanItem
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel
from verzuimdesk.ui.widgets.topic_box import TopicBox


class PlanDialog(QDialog):
    def __init__(self, ctx: AppContext, *, pupil_id: int, plan: PlanItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.pupil_id, self.plan_id = ctx, pupil_id, plan.id if plan else None
        self.setWindowTitle(self.tr("Link a plan") if plan is None else self.tr("Change a plan"))
        self.kind = QComboBox()
        for k in PLAN_KINDS:
            self.kind.addItem(k, k)
        self.location = QLineEdit(plan.location if plan else "",
                                  placeholderText=self.tr("A file, or an address starting with https://"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(browse)
        today = min(date.today(), ctx.peildatum)
        self.start = QDateEdit(QDate(plan.start if plan else today))
        self.has_evaluation = QCheckBox(self.tr("Evaluation on"))
        self.evaluation = QDateEdit(QDate(plan.evaluation if plan and plan.evaluation else today))
        for edit in (self.start, self.evaluation):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
        self.has_evaluation.setChecked(bool(plan and plan.evaluation))
        self.evaluation.setEnabled(self.has_evaluation.isChecked())
        self.has_evaluation.toggled.connect(self.evaluation.setEnabled)
        evaluation = QHBoxLayout()
        evaluation.addWidget(self.has_evaluation)
        evaluation.addWidget(self.evaluation, 1)
        self.note = QLineEdit(plan.note if plan else "")
        self.topic = TopicBox(editing=plan is not None)
        if plan:
            self.kind.setCurrentIndex(max(0, self.kind.findData(plan.kind)))
        self.message = error_label()
        buttons = save_cancel(self, self.tr("Save"), self.tr("Cancel"), self.save)
        form = QFormLayout()
        form.addRow(self.tr("Plan"), self.kind)
        form.addRow(self.tr("File or URL"), where)
        form.addRow(self.tr("Start"), self.start)
        form.addRow("", evaluation)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("About"), self.topic)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 260)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the plan's file"), self.location.text())
        if chosen:
            self.location.setText(chosen)

    def save(self) -> None:
        evaluation = self.evaluation.date().toPython() if self.has_evaluation.isChecked() else None
        kind, location, start = str(self.kind.currentData()), self.location.text(), self.start.date().toPython()
        by = self.ctx.account
        plan_id = self.plan_id

        def write() -> Saved | OpChanges:
            if plan_id is None:
                return add_plan(self.ctx.db, pupil_id=self.pupil_id, kind=kind, location=location, start=start,
                         evaluation=evaluation, note=self.note.text(), by=by, topic=self.topic.value())
            return update_plan(self.ctx.db, plan_id=plan_id, kind=kind, location=location, start=start,
                               evaluation=evaluation, note=self.note.text(), by=by, topic=self.topic.value())

        if run_write(self.ctx, write, refused=self._refused):
            self.accept()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.message.show()
