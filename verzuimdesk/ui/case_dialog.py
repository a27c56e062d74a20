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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.cases import CaseForm, load_case, save_case
from verzuimdesk.services.vocabulary import (
    CLOSE_BACK,
    CLOSE_LEFT,
    CLOSE_REASONS,
    INTERVENTIONS,
    MAIN_CAUSES,
    SHARE_TEXTS,
    SHARES,
    WAITING_LIST,
    format_date,
)
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write


class CaseDialog(QDialog):
    def __init__(self, ctx: AppContext, pupil_id: int, parent: QWidget | None = None, *,
                 proposed_category: str | None = None, proposed_start: date | None = None, new: bool = False,
                 proposed_end: date | None = None, proposed_reason: str = "") -> None:
        """`new`: a new case (confirming a proposal), not the pupil's open or latest case. `proposed_end` and
        `proposed_reason`: the engine's proposal to close (back at school, or deregistered)."""
        super().__init__(parent)
        self.ctx, self.pupil_id = ctx, pupil_id
        self.case = None if new else load_case(ctx.db, pupil_id=pupil_id)
        self.setWindowTitle(self.tr("Case of worrying absence"))
        self.category = QComboBox()
        self.category.addItems(["A", "B"])
        self.start = QDateEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy")
        self.cause = QComboBox()
        self.status = QComboBox()
        self.status.addItems(["", *INTERVENTIONS])
        self.share = QComboBox()
        self.share.addItems(["", *(SHARE_TEXTS[s] for s in SHARES)])
        self.share.setToolTip(self.tr("A change starts today; the earlier share gets its end date"))
        self.waiting = QLineEdit(placeholderText=WAITING_LIST)
        self.regiehouder = QLineEdit(placeholderText=self.tr("Who directs the process (name, organisation)"))
        self.regiehouder.setMaxLength(200)
        self.duo_made = QCheckBox(self.tr("Reported to DUO on"))
        self.duo_date = QDateEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy")
        self.duo_number = QLineEdit(placeholderText=self.tr("number of the DUO report"))
        self.duo_number.setMaxLength(50)
        self.period_ends: list[tuple[tuple[date, date | None, int], QCheckBox, QDateEdit]] = []
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
        self.closed.setDate(QDate(c.closed if c and c.closed else (proposed_end or ctx.peildatum)))
        self.duo_date.setDate(QDate(c.duo_report_date if c and c.duo_report_date else ctx.peildatum))
        if c:
            self.cause.setCurrentText(c.main_cause)
            self.status.setCurrentText(c.status)
            self.share.setCurrentText(SHARE_TEXTS.get(c.share, "") if c.share is not None else "")
            self.waiting.setText(c.waiting_list)
            self.regiehouder.setText(c.regiehouder)
            self.duo_made.setChecked(c.duo_report_date is not None)
            self.duo_number.setText(c.duo_report_number)
            self.is_closed.setChecked(c.closed is not None)
            self.reason.setCurrentText(c.close_reason)
            lines = [f"{format_date(d)}: {s}" for d, s in c.status_history]
            history.setText(self.tr("Intervention history:") + "\n" + "\n".join(lines) if lines else "")
        hints = []
        if proposed_category:
            hints.append(self.tr("The records suggest category %1.").replace("%1", proposed_category))
        reason = proposed_reason or CLOSE_BACK
        if proposed_end and c and c.closed is None:
            hint = (self.tr("The pupil was deregistered: close the case per %1 with \u201c%2\u201d?")
                    if reason == CLOSE_LEFT else
                    self.tr("The pupil attended more than half of the last 10 school days: close the case "
                            "per %1 with \u201c%2\u201d?"))
            hints.append(hint.replace("%1", format_date(proposed_end)).replace("%2", reason))
        if proposed_end and c and c.closed is None:
            # Closing as proposed: the reason is the engine's too, unless the IB-er chose one.
            self.is_closed.toggled.connect(
                lambda on: on and not self.reason.currentText() and self.reason.setCurrentText(reason))
        proposal = QLabel("\n".join(hints))
        proposal.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow("", proposal)
        form.addRow(self.tr("Start of the absence"), self.start)
        form.addRow(self.tr("Main cause"), self.cause)
        form.addRow(self.tr("Intervention"), self.status)
        form.addRow(self.tr("Education followed"), self.share)
        for period in (c.share_history if c else ()):
            since, until, share = period
            ends = QCheckBox(self.tr("until"))
            end = QDateEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy")
            end.setDate(QDate(until or ctx.peildatum))
            ends.setChecked(until is not None)
            end.setEnabled(until is not None)
            ends.toggled.connect(end.setEnabled)
            row = QHBoxLayout()
            row.addWidget(ends)
            row.addWidget(end, 1)
            label = self.tr("%1 from %2").replace("%1", SHARE_TEXTS.get(share, f"{share}%"))
            form.addRow("  " + label.replace("%2", format_date(since, weekday=False)), row)
            self.period_ends.append((period, ends, end))
        form.addRow(self.tr("Waiting list"), self.waiting)
        form.addRow(self.tr("Regiehouder"), self.regiehouder)
        duo = QHBoxLayout()
        duo.addWidget(self.duo_date)
        duo.addWidget(self.duo_number, 1)
        form.addRow(self.duo_made, duo)
        self.duo_rows = (self.duo_made, self.duo_date, self.duo_number)
        self._causes(self.category.currentText())
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
        for w in getattr(self, "duo_rows", ()):
            w.setVisible(category == "A")  # the DUO report of langdurig relatief verzuim
        current = self.cause.currentText()
        self.cause.clear()
        self.cause.addItems(["", *MAIN_CAUSES.get(category, ())])
        self.cause.setCurrentText(current)

    def form(self) -> CaseForm:
        share = next((k for k, v in SHARE_TEXTS.items() if v == self.share.currentText()), None)
        periods = tuple((since, end.date().toPython() if ends.isChecked() else None, pct)
                        for (since, _, pct), ends, end in self.period_ends)
        duo = self.category.currentText() == "A" and self.duo_made.isChecked()
        return CaseForm(
            id=self.case.id if self.case else None, pupil_id=self.pupil_id, category=self.category.currentText(),
            start=self.start.date().toPython(), main_cause=self.cause.currentText(), status=self.status.currentText(),
            share=share, waiting_list=self.waiting.text().strip(),
            closed=self.closed.date().toPython() if self.is_closed.isChecked() else None,
            close_reason=self.reason.currentText(), share_history=periods, regiehouder=self.regiehouder.text(),
            duo_report_date=self.duo_date.date().toPython() if duo else None,
            duo_report_number=self.duo_number.text() if self.category.currentText() == "A" else "",
            edit_periods=bool(periods), version=self.case.version if self.case is not None else None)

    def health_words(self) -> list[tuple[str, list[str]]]:
        """The free texts that go to the SWV and name a health word: (the field's label, the words)."""
        from verzuimdesk.services.topics import health_words_in_text

        found = [(label, health_words_in_text(edit.text())) for label, edit in
                 ((self.tr("Waiting list"), self.waiting), (self.tr("Regiehouder"), self.regiehouder))]
        return [(label, words) for label, words in found if words]

    def ask_health(self, found: list[tuple[str, list[str]]]) -> bool:
        """Warn that a text names health and stays off the SWV's list; True: save it all the same."""
        named = "; ".join(f"{label}: " + ", ".join(f"'{w}'" for w in words[:4]) for label, words in found)
        answer = QMessageBox.question(
            self, self.tr("About health?"),
            self.tr("The text names health (%1). Health data does not go to the SWV: the quarterly list leaves "
                    "this field out.\n\nSave it like this? No: change the text first, for example the "
                    "organisation without the treatment.").replace("%1", named),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        found = self.health_words()
        if found and not self.ask_health(found):
            self.error.setText(self.tr("Not saved: change the text that names health, or save it knowing the "
                                       "SWV will not get it."))
            return
        if run_write(self.ctx, lambda: save_case(self.ctx.db, self.form(), on=self.ctx.peildatum,
                                                 by=self.ctx.account),
                     refused=lambda exc: self.error.setText(str(exc))) is not None:
            self.accept()
