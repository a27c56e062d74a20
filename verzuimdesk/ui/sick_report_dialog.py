"""The ziekmelding (Ctrl+M from any page): who, reported by whom, at what time, expected back when.

The time of the call is kept as it is entered (now by default): a sick report after the start of
school is a risk sign the IB-er looks at. A refusal (no schooldag, already registered) is shown in
the dialog, which stays open so nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from verzuimdesk.services.errors import refusal_text
from verzuimdesk.services.pupils import list_pupils
from verzuimdesk.services.registration import EditResult, report_sick
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write

DEFAULT_REPORTER = "ouder/verzorger"


class SickReportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sick report"))
        self.setMinimumWidth(460)
        self.ctx = ctx
        self.result_value: EditResult | None = None
        today = date.today()
        # Pupils enrolled today, in the groups this user sees; "name (number, group)" finds both.
        label = self.tr("%1 (%2, group %3)")  # one string to translate (an f-string escapes lupdate)
        self.choices = {
            label.replace("%1", p.name).replace("%2", p.number).replace("%3", p.group): p.id
            for p in list_pupils(ctx.db)
            if ctx.account.sees_group(p.group) and p.enrolled_from <= today
            and (p.enrolled_until is None or p.enrolled_until >= today)}
        self.pupil = QLineEdit()
        self.pupil.setObjectName("pupil")
        self.pupil.setPlaceholderText(self.tr("Name or pupil number"))
        completer = QCompleter(sorted(self.choices), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.pupil.setCompleter(completer)
        self.reported_by = QComboBox()
        self.reported_by.setEditable(True)
        self.reported_by.addItems([DEFAULT_REPORTER, "moeder", "vader", "pleegouder", "leerling zelf"])
        self.reported_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.reported_at.setObjectName("reported_at")
        self.reported_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.reported_at.setCalendarPopup(True)
        self.day = QDateEdit(QDate(today))
        self.day.setDisplayFormat("ddd dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        self.has_return = QCheckBox(self.tr("Expected back on"))
        self.expected = QDateEdit(QDate(today).addDays(1))
        self.expected.setDisplayFormat("ddd dd-MM-yyyy")
        self.expected.setCalendarPopup(True)
        self.expected.setEnabled(False)
        self.has_return.toggled.connect(self.expected.setEnabled)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("No diagnosis: the school records that a pupil is ill, not what."))
        # the whole hint readable before anything is typed (it was cut after "legt vast dát een leerling zie…")
        self.note.setMinimumWidth(self.note.fontMetrics().horizontalAdvance(self.note.placeholderText()) + 24)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")

        back = QHBoxLayout()
        back.addWidget(self.has_return)
        back.addWidget(self.expected, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Pupil:"), self.pupil)
        form.addRow(self.tr("Reported by:"), self.reported_by)
        form.addRow(self.tr("Reported at:"), self.reported_at)
        form.addRow(self.tr("Sick on:"), self.day)
        form.addRow("", back)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Register sick"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def pupil_id(self) -> int | None:
        text = self.pupil.text().strip()
        if text in self.choices:
            return self.choices[text]
        hits = [pid for label, pid in self.choices.items() if text and text.lower() in label.lower()]
        return hits[0] if len(hits) == 1 else None

    def accept(self) -> None:
        pid = self.pupil_id()
        if pid is None:
            self.problem.setText(self.tr("Choose one pupil from the list (type part of the name or the number)."))
            return
        self.result_value = run_write(self.ctx, lambda: report_sick(
            self.ctx.db, pupil_id=pid, day=self.day.date().toPython(),  # type: ignore[arg-type]
            reported_at=self.reported_at.dateTime().toPython().replace(second=0, microsecond=0),  # type: ignore[attr-defined]
            reported_by=self.reported_by.currentText(),
            expected_return=self.expected.date().toPython() if self.has_return.isChecked() else None,  # type: ignore[arg-type]
            note=self.note.text(), by=self.ctx.account),
            refused=lambda exc: self.problem.setText(refusal_text(exc)))
        if self.result_value is not None:
            super().accept()
