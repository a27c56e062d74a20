"""Brief maken: choose a letter (a template of resources/letters, or the school's own), fill in what it
asks, see the text, save it as a PDF. Saving logs it in the dossier, the audit log and inzage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.errors import REFUSALS, refusal_text
from verzuimdesk.services.letters import letter_gaps, make_letter, preview_letter, templates
from verzuimdesk.services.vocabulary import Template
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel


def field_label(name: str) -> str:
    """`gesprek_op` → 'Gesprek op': a template's own field as the writer reads it."""
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


class LetterDialog(QDialog):
    def __init__(self, ctx: AppContext, *, pupil_id: int, pupil_number: str, pupil_name: str,
                 verlof_id: int | None = None, suggest: str = "", steps: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        """`suggest`: the template chosen first; else the first whose step is among `steps` (the open actions)."""
        super().__init__(parent)
        self.ctx, self.pupil_id, self.number, self.verlof_id = ctx, pupil_id, pupil_number, verlof_id
        self.setWindowTitle(self.tr("Make a letter — %1").replace("%1", pupil_name))
        self.message = error_label()
        try:
            found = templates(ctx.db)
        except REFUSALS as exc:
            found = {}
            self.message.setText(refusal_text(exc))
            self.message.show()
        self.choices: list[Template] = [t for t in found.values() if t.verlof == (verlof_id is not None)]
        self.template = QComboBox()
        for t in self.choices:
            to = self.tr("to the parents") if t.recipient.value == "ouders" else self.tr("to leerplicht")
            self.template.addItem(f"{t.title} ({to})", t.key)
        if not suggest:
            suggest = next((t.key for kind in steps for t in self.choices if kind in t.steps), "")
        if suggest:
            self.template.setCurrentIndex(max(0, self.template.findData(suggest)))
        self.day = QDateEdit(QDate(date.today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.form = QFormLayout()
        self.form.addRow(self.tr("Letter"), self.template)
        self.form.addRow(self.tr("Date"), self.day)
        self.fields: dict[str, QLineEdit] = {}
        self.fields_form = QFormLayout()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The letter's text"))
        hint = QLabel(self.tr("The texts are templates the school may edit (File → Letters and letterhead). A "
                              "letter to leerplicht never holds health data."))
        hint.setWordWrap(True)
        gaps = letter_gaps(ctx.db)
        if gaps:
            hint.setText(hint.text() + " " + self.tr("Not set yet (Settings → School, File → Letters and "
                                                     "letterhead): %1.").replace("%1", ", ".join(gaps)))
        buttons = save_cancel(self, self.tr("Save as PDF…"), self.tr("Close"), self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.fields_form)
        layout.addWidget(QLabel(self.tr("Text")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self.refresh)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.day.dateChanged.connect(lambda _d: self.timer.start())
        self._template_changed()
        self.resize(720, 640)

    def current(self) -> Template | None:
        key = self.template.currentData()
        return next((t for t in self.choices if t.key == key), None)

    def _template_changed(self) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.fields = {}
        t = self.current()
        for name in t.fields if t else ():
            edit = QLineEdit()
            edit.setAccessibleName(field_label(name))
            edit.textChanged.connect(lambda _t: self.timer.start())
            self.fields_form.addRow(field_label(name), edit)
            self.fields[name] = edit
        self.refresh()

    def values(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.fields.items() if e.text().strip()}

    def refresh(self) -> None:
        t = self.current()
        if t is None:
            self.preview.setPlainText("")
            return
        try:
            text = preview_letter(self.ctx.db, by=self.ctx.account, pupil_number=self.number, template=t.key,
                                  on=self.day.date().toPython(), verlof_id=self.verlof_id, values=self.values())
        except REFUSALS as exc:
            self.message.setText(refusal_text(exc))
            self.message.show()
            return
        self.message.hide()
        self.preview.setPlainText(text)

    def save(self) -> None:
        t = self.current()
        if t is None:
            return
        on = self.day.date().toPython()
        name = f"brief-{t.key}-{self.number}-{on.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the letter"), str(Path.home() / name),
                                              self.tr("PDF (*.pdf)"))
        if not path:
            return
        done = run_write(self.ctx, lambda: make_letter(self.ctx.db, by=self.ctx.account, pupil_number=self.number,
                                                       template=t.key, out=Path(path), on=on,
                                                       verlof_id=self.verlof_id, values=self.values()),
                         refused=self._refused, changes=OpChanges.pupils(self.pupil_id))
        if done is not None:
            self.accept()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(refusal_text(exc))
        self.message.show()
