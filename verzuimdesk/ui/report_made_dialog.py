"""Registering a report made (Meldingen): DUO with its meldingsnummer, the youth doctor, the SWV, the ZAT, a
suitable offer, an escalation. Registering it fulfils the open actions of that kind (PROTOCOLS.md §4)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.dossier_edit import REPORT_KINDS, register_event, update_event
from verzuimdesk.services.vocabulary import ActionKind
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel
from verzuimdesk.ui.widgets.topic_box import TopicBox
from verzuimdesk.ui.widgets.words import report_word


class ReportMadeDialog(QDialog):
    saved = Signal(int)  # the event's id (0 after an update)

    def __init__(self, ctx: AppContext, *, pupil_id: int, kind: ActionKind = ActionKind.DUO_REPORT,
                 event: tuple[int, str, date, str, str] | None = None, parent: QWidget | None = None) -> None:
        """`event` (id, kind, day, reference, note) edits an existing report."""
        super().__init__(parent)
        self.ctx, self.pupil_id = ctx, pupil_id
        self.event_id = event[0] if event else None
        self.setWindowTitle(self.tr("Register a report made") if event is None else self.tr("Change a report"))
        self.kind = QComboBox()
        for k in REPORT_KINDS:
            self.kind.addItem(report_word(k), k.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData((ActionKind(event[1]) if event else kind).value)))
        today = min(date.today(), ctx.peildatum)
        self.day = QDateEdit(QDate(event[2] if event else today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.reference = QLineEdit(event[3] if event else "")
        self.reference_label = QLabel()
        self.note = QPlainTextEdit(event[4] if event else "")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.topic = TopicBox(editing=event is not None)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.message = error_label()
        buttons = save_cancel(self, self.tr("Register"), self.tr("Cancel"), self.save)
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.reference_label, self.reference)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("About"), self.topic)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._sync)
        self._sync()
        self.resize(520, 340)

    def _sync(self) -> None:
        kind = ActionKind(self.kind.currentData())
        if kind is ActionKind.DUO_REPORT:
            self.reference_label.setText(self.tr("Meldingsnummer"))
            self.reference.setPlaceholderText(self.tr("From DUO's confirmation (required)"))
            self.hint.setText(self.tr("Registering the report fulfils the open DUO actions; counting restarts "
                                      "after the report."))
        else:
            self.reference_label.setText(self.tr("Reference"))
            self.reference.setPlaceholderText(self.tr("Optional"))
            self.hint.setText("")
        if kind is ActionKind.SCHOOL_DOCTOR:
            self.note.setPlaceholderText(self.tr("No diagnosis: record that the pupil is ill and what was agreed, "
                                                 "never what the illness is."))
        else:
            self.note.setPlaceholderText(self.tr("Optional"))

    def save(self) -> None:
        args = dict(kind=str(self.kind.currentData()), day=self.day.date().toPython(),
                    reference=self.reference.text(), note=self.note.toPlainText(), by=self.ctx.account,
                    topic=self.topic.value())
        event_id = self.event_id

        def write() -> Saved | OpChanges:
            if event_id is None:
                return register_event(self.ctx.db, pupil_id=self.pupil_id, **args)  # type: ignore[arg-type]
            return update_event(self.ctx.db, event_id=event_id, **args)  # type: ignore[arg-type]

        done = run_write(self.ctx, write, refused=self._refused)
        if done is None:
            return
        self.saved.emit(done.id if isinstance(done, Saved) else 0)  # 0: an existing report changed
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.message.show()
