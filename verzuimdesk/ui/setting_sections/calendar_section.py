"""The calendar of one school year: its first and last day, vacations (prefilled for the region from
the published dates), studiedagen and feestdagen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.settings import (
    SchoolSaved,
    save_school,
    school_view,
    school_year_label,
    vacation_prefill,
    vacation_prefills,
)
from verzuimdesk.services.vocabulary import InputRefused, Period, Problem, parse_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.setting_sections.common import StatusLine, region_combo, settings_form
from verzuimdesk.ui.setting_sections.models import VacationModel
from verzuimdesk.ui.setting_sections.school_section import current_year


def parse_days(text: str, what: str) -> tuple[date, ...]:
    """'14-11-2025, 2026-05-15' to dates; InputRefused names every piece that is no date."""
    days, problems = [], []
    for piece in text.replace(";", ",").split(","):
        if piece.strip():
            try:
                days.append(parse_date(piece.strip()))
            except ValueError as exc:
                problems.append(Problem(None, "", f"{what}: {exc}"))
    if problems:
        raise InputRefused("instellingen", problems)
    return tuple(sorted(set(days)))


def days_text(days: tuple[date, ...]) -> str:
    return ", ".join(d.strftime("%d-%m-%Y") for d in days)


class CalendarSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = QComboBox()
        self.year.setObjectName("school_year")
        # No region chosen yet (the School tab's "(geen)"): none is shown as chosen, so neither the
        # published vacations of a region nor a region on saving is taken without the user picking it.
        self.region = region_combo(self.tr("(choose a region)"))
        prefill = QPushButton(self.tr("Fill in the published vacations"))
        prefill.setObjectName("prefill")
        prefill.clicked.connect(self.prefill)
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
            edit.setFixedWidth(170)
        self.model = VacationModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (VacationModel.COL_START, VacationModel.COL_END):
            self.table.horizontalHeader().resizeSection(col, 160)
        self.table.verticalHeader().setVisible(False)
        add, remove = QPushButton(self.tr("Add vacation")), QPushButton(self.tr("Remove vacation"))
        add.clicked.connect(self._add)
        remove.clicked.connect(lambda: self.model.remove(self.table.currentIndex().row()))
        self.studiedagen, self.feestdagen = QLineEdit(), QLineEdit()
        for line in (self.studiedagen, self.feestdagen):
            line.setPlaceholderText(self.tr("dd-mm-yyyy, separated by commas"))
        save = QPushButton(self.tr("Save this school year"))
        save.setObjectName("save_calendar")
        save.clicked.connect(self.save)
        self.status = StatusLine()

        top = QHBoxLayout()
        for w in (self.year, self.region, prefill):
            top.addWidget(w)
        top.addStretch(1)
        form = settings_form()
        form.addRow(self.tr("School year, region:"), top)
        form.addRow(self.tr("First schooldag:"), self.start)
        form.addRow(self.tr("Last schooldag:"), self.end)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        days = settings_form()
        days.addRow(self.tr("Study days:"), self.studiedagen)
        days.addRow(self.tr("Public holidays on weekdays:"), self.feestdagen)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(days)
        layout.addWidget(save, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self.year.currentIndexChanged.connect(lambda _i: self.show_year())
        self.load()

    def load(self) -> None:
        view = school_view(self.ctx.db)
        self.view = view
        found = self.region.findData(view.region or "")
        self.region.setCurrentIndex(max(found, 0))
        self.year.blockSignals(True)
        self.year.clear()
        labels = set()
        for y in view.years:
            label = school_year_label(y.school_year.start)
            labels.add(label)
            self.year.addItem(label, y.school_year.start)
        for label in sorted({p.school_year for p in vacation_prefills()} - labels):
            self.year.addItem(self.tr("%1 (new)").replace("%1", label), label)
        current = current_year(view)
        self.year.setCurrentIndex(max(0, self.year.findData(current.school_year.start)))
        self.year.blockSignals(False)
        self.show_year()

    def show_year(self) -> None:
        key = self.year.currentData()
        known = next((y for y in self.view.years if y.school_year.start == key), None)
        if known is None:  # a new school year: start from the region's published dates
            self.prefill()
            self.studiedagen.clear()
            self.feestdagen.clear()
            return
        self.start.setDate(QDate(known.school_year.start))
        self.end.setDate(QDate(known.school_year.end))
        self.model.set_rows(known.vacations)
        self.studiedagen.setText(days_text(known.studiedagen))
        self.feestdagen.setText(days_text(known.feestdagen))

    def _label(self) -> str:
        key = self.year.currentData()
        return key if isinstance(key, str) else school_year_label(key)

    def prefill(self) -> None:
        region = str(self.region.currentData() or "")
        if not region:
            self.status.refused(ValueError(self.tr("Choose the vacation region first (noord, midden or zuid).")))
            return
        try:
            p = vacation_prefill(region, self._label())
        except InputRefused as exc:
            self.status.refused(exc)
            return
        self.start.setDate(QDate(p.year.start))
        self.end.setDate(QDate(p.year.end))
        self.model.set_rows(p.vacations, p.unsure)
        note = self.tr("Filled in from the published dates of region %1. Check them before saving.").replace(
            "%1", p.region)
        if p.unsure:
            note += " " + self.tr("Marked (check): not certain.")
        self.status.ok(note)

    def _add(self) -> None:
        start = self.start.date().toPython()
        self.model.add(Period(self.tr("Vacation"), start, start))  # type: ignore[arg-type]
        self.table.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        self.table.edit(self.table.currentIndex())

    def save(self) -> None:
        saved = run_write(self.ctx, self._write, refused=self.status.refused)
        if saved is None:
            return
        self.status.saved(saved.notes)
        self.load()

    def _write(self) -> SchoolSaved:
        view = school_view(self.ctx.db)
        year = Period("", self.start.date().toPython(), self.end.date().toPython())  # type: ignore[arg-type]
        settings = replace(current_year(view), school_year=year, vacations=tuple(self.model.rows()),
                           studiedagen=parse_days(self.studiedagen.text(), self.tr("Study days")),
                           feestdagen=parse_days(self.feestdagen.text(), self.tr("Public holidays")))
        return save_school(self.ctx.db, settings=settings, region=str(self.region.currentData() or ""),
                           by=self.ctx.account)
