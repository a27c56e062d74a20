"""Lestijden: the school's default week and, per group, a week of its own (groups 1-4 often have free
afternoons). Each weekday is typed as spans: `08:30-12:00, 13:00-15:00`."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QWidget

from verzuimdesk.services.settings import SchoolSaved, parse_lesson_times, save_school, school_view
from verzuimdesk.services.vocabulary import WEEKDAYS_NL, DayTable
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.setting_sections.common import StatusLine, limit_fields, settings_form
from verzuimdesk.ui.setting_sections.school_section import current_year


def week_text(table: DayTable, weekday: int) -> str:
    return ", ".join(str(s) for s in table.get(weekday, ()))


class TimetableSection(QWidget):
    DEFAULT = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group = QComboBox()
        self.group.setObjectName("timetable_group")
        self.own = QCheckBox(self.tr("This group has its own lesson times"))
        self.days = [QLineEdit() for _ in WEEKDAYS_NL]
        for edit in self.days:
            edit.setPlaceholderText("08:30-12:00, 13:00-15:00")
        save = QPushButton(self.tr("Save lesson times"))
        save.clicked.connect(self.save)
        self.status = StatusLine()
        form = settings_form(self)
        form.addRow(self.tr("Timetable of:"), self.group)
        form.addRow("", self.own)
        names = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"), self.tr("Friday"))
        for name, edit in zip(names, self.days, strict=True):
            form.addRow(name + ":", edit)
        form.addRow("", save)
        limit_fields(form)
        form.addRow(self.status)
        self.group.currentIndexChanged.connect(lambda _i: self.show_group())
        self.own.toggled.connect(self._enable)
        self.load()

    def load(self) -> None:
        self.view = school_view(self.ctx.db)
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("Default (every group)"), self.DEFAULT)
        for g in self.view.groups:
            self.group.addItem(self.tr("Group %1").replace("%1", g), g)
        self.group.blockSignals(False)
        self.show_group()

    def show_group(self) -> None:
        year = current_year(self.view)
        group = self.group.currentData()
        own = group in year.group_timetables
        table = year.group_timetables[group] if own else year.timetable
        self.own.setVisible(group != self.DEFAULT)
        self.own.setChecked(own)
        for weekday, edit in enumerate(self.days):
            edit.setText(week_text(table, weekday))
        self._enable()

    def _enable(self) -> None:
        editable = self.group.currentData() == self.DEFAULT or self.own.isChecked()
        for edit in self.days:
            edit.setEnabled(editable)

    def save(self) -> None:
        saved = run_write(self.ctx, self._write, refused=self.status.refused)
        if saved is None:
            return
        self.status.saved(saved.notes)
        self.view = school_view(self.ctx.db)

    def _write(self) -> SchoolSaved:
        view = school_view(self.ctx.db)
        year = current_year(view)
        group = self.group.currentData()
        table = parse_lesson_times([e.text() for e in self.days])
        groups = dict(year.group_timetables)
        if group == self.DEFAULT:
            settings = replace(year, timetable=table)
        else:
            if self.own.isChecked():
                groups[group] = table
            else:
                groups.pop(group, None)
            settings = replace(year, group_timetables=groups)
        return save_school(self.ctx.db, settings=settings, by=self.ctx.account)
