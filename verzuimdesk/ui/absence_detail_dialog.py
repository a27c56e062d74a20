"""The details of one absence (Enter in the grid): code, part of the day, minutes late, who reported
it and when, a note. The dialog only collects; the page writes through the service, which checks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from verzuimdesk.services.registration import AbsenceSpec, RecordRow
from verzuimdesk.services.registration_grid import CodeRow, GridColumn
from verzuimdesk.services.vocabulary import Category, format_date


class AbsenceDetailDialog(QDialog):
    def __init__(self, codes: list[CodeRow], *, pupil_id: int, pupil_name: str, column: GridColumn,
                 record: RecordRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Absence details"))
        self.codes, self.pupil_id, self.column = codes, pupil_id, column
        self.spec: AbsenceSpec | None = None
        old = record.spec if record else None

        self.code = QComboBox()
        for c in codes:
            self.code.addItem(f"{c.code} — {c.label}", c.code)
        if old is not None:
            self.code.setCurrentIndex(max(0, self.code.findData(old.code)))
        else:  # an empty cell: no code until the user picks one (two Enters must not register the first code)
            self.code.setPlaceholderText(self.tr("Choose a code…"))
            self.code.setCurrentIndex(-1)
        self.whole_day = QCheckBox(self.tr("Whole day"))
        self.start, self.end = QTimeEdit(), QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        span_start = old.start if old and old.start else (column.span.start if column.span else None)
        span_end = old.end if old and old.end else (column.span.end if column.span else None)
        if span_start and span_end:
            self.start.setTime(QTime(span_start.hour, span_start.minute))
            self.end.setTime(QTime(span_end.hour, span_end.minute))
        self.whole_day.setChecked(old.whole_day if old else column.parts == 1)
        self.whole_day.toggled.connect(self._enable)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 1440)
        self.minutes.setSpecialValueText(self.tr("—"))
        self.minutes.setValue(old.minutes_late or 0 if old else 0)
        self.reported = QCheckBox(self.tr("Reported"))
        self.reported_at = QDateTimeEdit()
        self.reported_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.reported_at.setCalendarPopup(True)
        self.reported.setChecked(bool(old and old.reported_at))
        self.reported_at.setDateTime(QDateTime(old.reported_at) if old and old.reported_at
                                     else QDateTime.currentDateTime())
        self.reported.toggled.connect(self._enable)
        self.reported_by = QLineEdit(old.reported_by if old else "")
        self.reported_by.setPlaceholderText(self.tr("parent/guardian"))
        self.note = QPlainTextEdit(old.note if old else "")
        self.note.setPlaceholderText(self.tr("No diagnosis: the school records that a pupil is ill, not what."))
        self.note.setFixedHeight(70)
        self.code.currentIndexChanged.connect(self._enable)

        times = QHBoxLayout()
        times.addWidget(self.whole_day)
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        reported = QHBoxLayout()
        reported.addWidget(self.reported)
        reported.addWidget(self.reported_at)
        form = QFormLayout(self)
        form.addRow(self.tr("Pupil:"), QLabel(f"{pupil_name}, {format_date(column.day)}"))
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Time:"), times)
        form.addRow(self.tr("Minutes late:"), self.minutes)
        form.addRow(self.tr("Reported at:"), reported)
        form.addRow(self.tr("Reported by:"), self.reported_by)
        form.addRow(self.tr("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._enable()

    def _category(self) -> Category | None:
        code = self.code.currentData()
        return next((c.category for c in self.codes if c.code == code), None)

    def _enable(self) -> None:
        self.start.setEnabled(not self.whole_day.isChecked())
        self.end.setEnabled(not self.whole_day.isChecked())
        self.minutes.setEnabled(self._category() is Category.LATE)
        self.reported_at.setEnabled(self.reported.isChecked())
        self.ok.setEnabled(self.code.currentIndex() >= 0)

    def accept(self) -> None:
        if self.code.currentIndex() < 0:  # Enter with no code chosen: nothing to register
            self.code.setFocus()
            return
        whole = self.whole_day.isChecked()
        late = self.minutes.value() if self._category() is Category.LATE and self.minutes.value() else None
        reported_at: datetime | None = None
        if self.reported.isChecked():
            reported_at = self.reported_at.dateTime().toPython().replace(second=0, microsecond=0)  # type: ignore[attr-defined]
        self.spec = AbsenceSpec(
            self.pupil_id, self.column.day, str(self.code.currentData()),
            None if whole else self.start.time().toPython(),  # type: ignore[arg-type]
            None if whole else self.end.time().toPython(),  # type: ignore[arg-type]
            late, reported_at, self.reported_by.text(), self.note.toPlainText())
        super().accept()
