"""First start: set up a new school in a few pages, from nothing to an encrypted database with pupils.

School (name, BRIN, protocol) → calendar (the region's published vacations for a school year) →
lesson times → the IB-er's account (the database is made here, encrypted with that password) → the
recovery key, shown once, to write down or save as PDF → optionally the pupils from a CSV file.
Every check is the services' own; a refusal keeps the user on the page with the reason.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, account_of, save_recovery_sheet
from verzuimdesk.services.database import Database, DatabaseError, check_password_strength
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.imports import import_pupils, read_file
from verzuimdesk.services.school import new_school_database
from verzuimdesk.services.settings import (
    REGIONS,
    checked,
    parse_lesson_times,
    rename_staff,
    school_holidays,
    vacation_prefill,
    vacation_prefills,
)
from verzuimdesk.services.vocabulary import InputRefused, Period, SchoolSettings, format_date, list_protocols

DEFAULT_WEEK = ("08:30-12:00, 13:00-15:00", "08:30-12:00, 13:00-15:00", "08:30-12:15",
                "08:30-12:00, 13:00-15:00", "08:30-12:00, 13:00-15:00")


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b71c1c;")
    return label


class SchoolPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your school"))
        self.name, self.brin = QLineEdit(), QLineEdit()
        self.brin.setMaxLength(10)
        self.protocol = QComboBox()
        for pid, name in list_protocols():
            self.protocol.addItem(name, pid)
        self.registerField("name*", self.name)
        form = QFormLayout(self)
        form.addRow(self.tr("Name of the school:"), self.name)
        form.addRow(self.tr("BRIN number (optional):"), self.brin)
        form.addRow(self.tr("Protocol (stappenplan) of your region:"), self.protocol)


class CalendarPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("School year and vacations"))
        self.setSubTitle(self.tr("The vacations published for your region; you can change them later under "
                                 "Settings, and add study days there."))
        self.region, self.year = QComboBox(), QComboBox()
        self.region.addItems(list(REGIONS))
        years = sorted({p.school_year for p in vacation_prefills()})
        self.year.addItems(years)
        today = date.today()
        current = next((p.school_year for p in vacation_prefills() if p.year.start <= today <= p.year.end
                        or today < p.year.start), years[-1])
        self.year.setCurrentText(current)
        self.list = QLabel()
        self.list.setObjectName("vacations")
        self.list.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout(self)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow(self.tr("School year:"), self.year)
        form.addRow(self.list)
        self.region.currentIndexChanged.connect(lambda _i: self.show_prefill())
        self.year.currentIndexChanged.connect(lambda _i: self.show_prefill())
        self.show_prefill()

    def prefill(self) -> tuple[Period, tuple[Period, ...], frozenset[str]]:
        p = vacation_prefill(self.region.currentText(), self.year.currentText())
        return p.year, p.vacations, p.unsure

    def show_prefill(self) -> None:
        year, vacations, unsure = self.prefill()
        check = " <i>(" + self.tr("check") + ")</i>"
        rows = [f"<tr><td>{v.name}{check if v.name in unsure else ''}</td><td>{format_date(v.start)}</td>"
                f"<td>– {format_date(v.end)}</td></tr>" for v in vacations]
        head = self.tr("Schooldagen from %1 to %2").replace("%1", format_date(year.start)).replace(
            "%2", format_date(year.end)) + (check if "schooljaar" in unsure else "")
        note = self.tr("Marked (check): not certain; compare with rijksoverheid.nl.") if unsure else ""
        self.list.setText(f"<p>{head}</p><table cellspacing=6>{''.join(rows)}</table><p>{note}</p>")


class TimesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Lesson times"))
        self.setSubTitle(self.tr("The school's usual week. A group with other times (often groups 1-2) gets its "
                                 "own under Settings › Lesson times."))
        self.days = [QLineEdit(text) for text in DEFAULT_WEEK]
        self.problem = _problem_label()
        form = QFormLayout(self)
        names = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"), self.tr("Friday"))
        for name, edit in zip(names, self.days, strict=True):
            form.addRow(name + ":", edit)
        form.addRow(self.problem)

    def validatePage(self) -> bool:
        try:
            parse_lesson_times([e.text() for e in self.days])
        except InputRefused as exc:
            self.problem.setText("\n".join(p.reason for p in exc.problems))
            return False
        return True


class AccountPage(QWizardPage):
    """The IB-er's account; leaving this page makes the encrypted database."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Your account (IB-er)"))
        self.setSubTitle(self.tr("The database is encrypted with this password. Colleagues get their own "
                                 "password later under Settings › Staff."))
        self.full_name, self.username = QLineEdit(), QLineEdit("ib")
        self.password, self.repeat = QLineEdit(), QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = _problem_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Your name:"), self.full_name)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password (at least 10 characters):"), self.password)
        form.addRow(self.tr("Password again:"), self.repeat)
        form.addRow(self.problem)

    def validatePage(self) -> bool:
        if self.w.db is not None:
            return True  # made already; going back and forth makes no second database
        if self.password.text() != self.repeat.text():
            self.problem.setText(self.tr("The two passwords differ."))
            return False
        username = self.username.text().strip().lower()
        try:
            check_password_strength(self.password.text())
            if not username.isidentifier():
                raise DatabaseError("Kies een gebruikersnaam van letters en cijfers, zonder spaties.")
            self.w.make_school(username, self.full_name.text().strip(), self.password.text())
        except Refused as exc:
            self.problem.setText(str(exc))
            return False
        except InputRefused as exc:
            self.problem.setText("\n".join(p.reason for p in exc.problems))
            return False
        return True


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Write down the recovery key"))
        self.setSubTitle(self.tr("If every password is forgotten, only this key opens the database. It is shown "
                                 "this once. Write it down and keep it in a safe place, away from the laptop."))
        self.key = QLabel()
        self.key.setObjectName("recovery_key")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.key.setFont(font)
        save = QPushButton(self.tr("Save as PDF to print…"))
        save.clicked.connect(self.save_pdf)
        self.done = QCheckBox(self.tr("I have written down the recovery key"))
        self.done.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(save, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        layout.addWidget(self.done)

    def initializePage(self) -> None:
        self.key.setText(self.w.recovery or "")

    def isComplete(self) -> bool:
        return self.done.isChecked()

    def save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery key"), "herstelsleutel.pdf",
                                              "PDF (*.pdf)")
        if not path:
            return
        try:
            write_recovery_pdf(Path(path), self.w.school_name, self.w.recovery or "")
        except Refused as exc:
            QMessageBox.warning(self, self.tr("Save the recovery key"), str(exc))


def write_recovery_pdf(path: Path, school: str, key: str) -> None:
    """One A4 page with the key, to print and keep in the school's safe."""
    save_recovery_sheet(path, school=school, key=key)


class PupilsPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Pupils (optional)"))
        self.setSubTitle(self.tr("A CSV export of your pupil administration: leerlingnummer, voornaam, "
                                 "tussenvoegsel, achternaam, geboortedatum, groep, inschrijfdatum. You can also "
                                 "do this later through the import."))
        choose = QPushButton(self.tr("Import pupils from a CSV file…"))
        choose.setObjectName("import_pupils")
        choose.clicked.connect(self.choose)
        self.result_text = QLabel()
        self.result_text.setObjectName("import_result")
        self.result_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(choose, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result_text, 1)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the pupils file"), "",
                                              self.tr("CSV files (*.csv *.txt)"))
        if not path or self.w.db is None:
            return
        try:
            change = import_pupils(self.w.db, read_file(Path(path)), source=Path(path).name,
                                   by=self.w.account or SCHOOL_WIDE)
        except InputRefused as exc:
            self.result_text.setStyleSheet("color: #b71c1c;")
            self.result_text.setText(exc.message())
            return
        self.result_text.setStyleSheet("")
        self.result_text.setText(self.tr("Imported: %1").replace("%1", change.summary()))


class SetupWizard(QWizard):
    def __init__(self, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up a new school"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.target = target
        self.db: Database | None = None
        self.account: Account | None = None
        self.recovery: str | None = None
        self.school_name = ""
        self.school, self.calendar, self.times = SchoolPage(), CalendarPage(), TimesPage()
        self.account_page, self.recovery_page = AccountPage(self), RecoveryPage(self)
        self.pupils = PupilsPage(self)
        for page in (self.school, self.calendar, self.times, self.account_page, self.recovery_page, self.pupils):
            self.addPage(page)
        self.resize(640, 520)

    def settings(self) -> SchoolSettings:
        year, vacations, _ = self.calendar.prefill()
        timetable = parse_lesson_times([e.text() for e in self.times.days])
        return checked(SchoolSettings(
            name=self.school.name.text().strip(), brin=self.school.brin.text().strip(),
            protocol=self.school.protocol.currentData(), school_year=year, timetable=timetable,
            feestdagen=school_holidays(year, vacations), vacations=vacations))

    def make_school(self, username: str, full_name: str, password: str) -> None:
        settings = self.settings()
        db, recovery = new_school_database(self.target, settings, user=username, password=password)
        self.account = account_of(db, username)
        if full_name:
            rename_staff(db, username=username, name=full_name, by=self.account)
            self.account = account_of(db, username)
        self.db, self.recovery, self.school_name = db, recovery, settings.name



def run_setup_wizard(target: str, parent: QWidget | None = None) -> tuple[Database, Account] | None:
    """The new school, opened for its IB-er; None when cancelled before the database was made (once
    made, it is the school: cancelling the pupils page leaves a school without pupils, not nothing)."""
    wizard = SetupWizard(target, parent)
    wizard.exec()
    if wizard.db is not None and wizard.account is not None:
        return wizard.db, wizard.account
    return None
