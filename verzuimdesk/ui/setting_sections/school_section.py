"""School data: name, BRIN, the vacation region (which prefill the calendar offers), and the contact
details a leerplicht dossier prints (phone, e-mail, the directeur who signs)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.school_contact import (
    SchoolContact,
    check_school_contact,
    save_school_contact,
    school_contact,
)
from verzuimdesk.services.settings import SchoolView, save_school, school_view
from verzuimdesk.services.vocabulary import SchoolSettings
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.setting_sections.common import StatusLine, limit_fields, region_combo, settings_form


def current_year(view: SchoolView, today: date | None = None) -> SchoolSettings:
    """The school year holding today, else the latest: what the timetable and the school's data are saved with."""
    today = today or date.today()
    return next((y for y in view.years if today in y.school_year), view.years[-1])


class SchoolSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = QLineEdit()
        self.name.setObjectName("school_name")
        self.brin = QLineEdit()
        self.brin.setObjectName("brin")
        self.brin.setMaxLength(10)
        self.region = region_combo(self.tr("(none)"))
        self.phone = QLineEdit()
        self.phone.setObjectName("school_phone")
        self.email = QLineEdit()
        self.email.setObjectName("school_email")
        self.director = QLineEdit()
        self.director.setObjectName("school_director")
        self.director.setPlaceholderText(self.tr("Signs the dossier for leerplicht"))
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        self.status = StatusLine()
        form = settings_form(self)
        form.addRow(self.tr("Name of the school:"), self.name)
        form.addRow(self.tr("BRIN number:"), self.brin)
        form.addRow(self.tr("Vacation region:"), self.region)
        form.addRow(self.tr("Phone number of the school:"), self.phone)
        form.addRow(self.tr("E-mail address of the school:"), self.email)
        form.addRow(self.tr("Name of the head teacher (directeur):"), self.director)
        form.addRow("", save)
        limit_fields(form)
        form.addRow(self.status)
        self.load()

    def load(self) -> None:
        view = school_view(self.ctx.db)
        self.name.setText(view.name)
        self.brin.setText(view.brin)
        self.region.setCurrentIndex(max(0, self.region.findData(view.region)))
        contact = school_contact(self.ctx.db)
        self.phone.setText(contact.phone)
        self.email.setText(contact.email)
        self.director.setText(contact.director)

    def save(self) -> None:
        if run_write(self.ctx, self._write, refused=self.status.refused) is not None:
            self.status.ok(self.tr("Saved."))

    def _write(self) -> OpChanges:
        contact = check_school_contact(SchoolContact(self.phone.text(), self.email.text(), self.director.text()))
        view = school_view(self.ctx.db)
        settings = replace(current_year(view), name=self.name.text().strip(), brin=self.brin.text().strip())
        saved = save_school(self.ctx.db, settings=settings, region=self.region.currentData() or "",
                            by=self.ctx.account)
        return saved.changes | save_school_contact(self.ctx.db, contact, by=self.ctx.account)
