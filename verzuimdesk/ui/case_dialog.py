"""The Traject form: the IB-er confirms or corrects a case of zorgwekkend verzuim for the SWV's list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.quarterly import CLOSE_REASONS, INTERVENTIONS, MAIN_CAUSES, SHARES
from verzuimdesk.services.cases import CaseForm, load_case, save_case
from verzuimdesk.storage.database import DatabaseError
from verzuimdesk.ui.context import AppContext, Changed


class CaseDialog(QDialog):
    def __init__(self, ctx: AppContext, pupil_id: int, parent: QWidget | None = None, *,
                 proposed_category: str | None = None, proposed_start: date | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.pupil_id = ctx, pupil_id
        self.case = load_case(ctx.db, pupil_id=pupil_id)
        self.setWindowTitle(self.tr("Case of worrying absence"))
        self.category = QComboBox()
        self.category.addItems(["A", "B"])
        self.start = QDateEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy")
        self.cause = QComboBox()
        self.status = QComboBox()
        self.status.addItems(["", *INTERVENTIONS])
        self.share = QComboBox()
        self.share.addItems(["", *(f"{s} %" for s in SHARES)])
        self.waiting = QLineEdit(placeholderText=self.tr("On a waiting list for treatment or admission: with what"))
        self.is_closed = QCheckBox(self.tr("Closed"))
        self.closed = QDateEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy")
        self.reason = QComboBox()
        self.reason.addItems(["", *CLOSE_REASONS])
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        history = QLabel()
        history.setWordWrap(True)
        self.category.currentTextChanged.connect(self._causes)

        c = self.case
        self.category.setCurrentText(c.category if c else (proposed_category or "A"))
        self._causes(self.category.currentText())
        self.start.setDate(QDate(c.start if c else (proposed_start or ctx.peildatum)))
        self.closed.setDate(QDate(c.closed if c and c.closed else ctx.peildatum))
        if c:
            self.cause.setCurrentText(c.main_cause)
            self.status.setCurrentText(c.status)
            self.share.setCurrentText(f"{c.share} %" if c.share is not None else "")
            self.waiting.setText(c.waiting_list)
            self.is_closed.setChecked(c.closed is not None)
            self.reason.setCurrentText(c.close_reason)
            lines = [f"{format_date(d)}: {s}" for d, s in c.status_history]
            lines += [f"{format_date(d)}: {p} %" for d, p in c.share_history]
            history.setText(self.tr("History:") + "\n" + "\n".join(lines) if lines else "")
        proposal = QLabel(self.tr("The records suggest category %1.").replace("%1", proposed_category)
                          if proposed_category else "")

        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow("", proposal)
        form.addRow(self.tr("Start of the absence"), self.start)
        form.addRow(self.tr("Main cause"), self.cause)
        form.addRow(self.tr("Intervention"), self.status)
        form.addRow(self.tr("Education followed"), self.share)
        form.addRow(self.tr("Waiting list"), self.waiting)
        form.addRow(self.is_closed, self.closed)
        form.addRow(self.tr("Reason for closing"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(history)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _causes(self, category: str) -> None:
        current = self.cause.currentText()
        self.cause.clear()
        self.cause.addItems(["", *MAIN_CAUSES.get(category, ())])
        self.cause.setCurrentText(current)

    def form(self) -> CaseForm:
        share = self.share.currentText().removesuffix(" %")
        return CaseForm(
            id=self.case.id if self.case else None, pupil_id=self.pupil_id, category=self.category.currentText(),
            start=self.start.date().toPython(), main_cause=self.cause.currentText(), status=self.status.currentText(),
            share=int(share) if share else None, waiting_list=self.waiting.text().strip(),
            closed=self.closed.date().toPython() if self.is_closed.isChecked() else None,
            close_reason=self.reason.currentText())

    def save(self) -> None:
        try:
            save_case(self.ctx.db, self.form(), on=self.ctx.peildatum, user=self.ctx.account.username)
        except DatabaseError as exc:
            self.error.setText(str(exc))
            return
        self.ctx.changed(Changed.pupils(self.pupil_id))
        self.accept()
