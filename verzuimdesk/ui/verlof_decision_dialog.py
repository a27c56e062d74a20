"""The directeur's decision on a leave request, and the IB-er's check of absence on refused days."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.errors import REFUSALS, refusal_text
from verzuimdesk.services.verlof import VerlofRow, decide
from verzuimdesk.services.verlof_luxe import confirm_luxe, luxe_proposals
from verzuimdesk.services.vocabulary import DECISION_NL, Decision, format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel


class DecisionDialog(QDialog):
    def __init__(self, ctx: AppContext, request: VerlofRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.request = ctx, request
        self.setWindowTitle(self.tr("Decide on leave request %1").replace("%1", str(request.id)))
        names = ", ".join(p.name for p in request.pupils)
        facts = QLabel(f"{names}\n{format_date(request.start)} – {format_date(request.end)}, {request.days} "
                       f"schooldagen, {request.article_nl}\n{request.reason}")
        facts.setWordWrap(True)
        findings = list(dict.fromkeys(f for p in request.pupils for f in p.findings))
        law = QLabel("\n".join(f"• {f}" for f in findings) or self.tr("The request is within the law."))
        law.setWordWrap(True)
        self.decision = QComboBox()
        for d in (Decision.GRANTED, Decision.REFUSED, Decision.LEERPLICHT, Decision.PENDING):
            self.decision.addItem(DECISION_NL[d], d.value)
        if request.decision is not Decision.PENDING:
            self.decision.setCurrentIndex(self.decision.findData(request.decision.value))
        elif findings:
            passed = any(p.needs_leerplicht for p in request.pupils)
            self.decision.setCurrentIndex(self.decision.findData((Decision.LEERPLICHT if passed else
                                                                  Decision.REFUSED).value))
        self.note = QPlainTextEdit(request.decision_note)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("The reason, for the letter to the parents (required when refused)"))
        self.note.setMaximumHeight(100)
        self.by_leerplicht = QCheckBox(self.tr("This is the decision of the leerplichtambtenaar"))
        self.by_leerplicht.setVisible(any(p.needs_leerplicht for p in request.pupils))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Request"), facts)
        form.addRow(self.tr("The law"), law)
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Explanation"), self.note)
        form.addRow("", self.by_leerplicht)
        hint = QLabel(self.tr("Granting fills the registration with V on these schooldagen; changing the decision "
                              "later takes them away again."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel(self, self.tr("Record decision"), self.tr("Cancel"), self.save))
        self.resize(620, 420)

    def save(self) -> None:
        done = run_write(self.ctx, lambda: decide(self.ctx.db, by=self.ctx.account, request_id=self.request.id,
                                                  decision=str(self.decision.currentData()),
                                                  note=self.note.toPlainText(),
                                                  by_leerplicht=self.by_leerplicht.isChecked()),
                         refused=self._refused)
        if done is None:
            return
        if done.skipped:
            QMessageBox.information(self, self.windowTitle(), self.tr("Not filled in, these days hold another "
                                                                      "record:") + "\n" + "\n".join(done.skipped))
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(refusal_text(exc))
        self.message.show()


class LuxeDialog(QDialog):
    """Absence on the days of refused leave, each proposed as luxeverzuim; the IB-er ticks and confirms."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Absence on days of refused leave"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Proposals"))
        self.message = error_label()
        try:
            proposals = luxe_proposals(ctx.db, by=ctx.account)
        except REFUSALS as exc:
            proposals = []
            self.message.setText(refusal_text(exc))
            self.message.show()
        for p in proposals:
            item = QListWidgetItem(self.tr("%1 — %2: registered as %3 (request %4)").replace("%1", p.name)
                                   .replace("%2", format_date(p.day)).replace("%3", p.code)
                                   .replace("%4", str(p.request_id)))
            item.setData(Qt.ItemDataRole.UserRole, p.record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        text = QLabel(self.tr("The leave for these days was refused. Confirm the records that are luxeverzuim: they "
                              "become X, and the LUXE rule asks for the DUO report within 5 werkdagen."))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel(self, self.tr("Confirm as luxeverzuim"), self.tr("Close"), self.save))
        self.resize(560, 400)

    def save(self) -> None:
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked]
        done = run_write(self.ctx, lambda: confirm_luxe(self.ctx.db, by=self.ctx.account, record_ids=ids),
                         refused=self._refused)
        if done is None:
            return
        QMessageBox.information(self, self.windowTitle(), done.message)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(refusal_text(exc))
        self.message.show()
