"""The Instellingen page: a section per subject, for the IB-er only; others read why they cannot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.follow import Follower
from verzuimdesk.ui.widgets.access import name_lists


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.toolbar_actions: list[QAction] = []  # actions the main window puts in its toolbar
        layout = QVBoxLayout(self)
        if not ctx.account.can(Permission.SETTINGS):
            note = QLabel(self.tr("The settings of the school (calendar, lesson times, codes, protocol and staff) "
                                  "are managed by the IB-er. Ask the IB-er when something is not right."))
            note.setObjectName("read_only_note")
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(note)
            self.tabs = None
            return
        from verzuimdesk.ui.setting_sections.calendar_section import CalendarSection
        from verzuimdesk.ui.setting_sections.codes_section import CodesSection
        from verzuimdesk.ui.setting_sections.lock_section import LockSection
        from verzuimdesk.ui.setting_sections.protocol_section import ProtocolSection
        from verzuimdesk.ui.setting_sections.school_section import SchoolSection
        from verzuimdesk.ui.setting_sections.staff_section import StaffSection
        from verzuimdesk.ui.setting_sections.timetable_section import TimetableSection

        self.school = SchoolSection(ctx)
        self.calendar = CalendarSection(ctx)
        self.timetable = TimetableSection(ctx)
        self.codes = CodesSection(ctx)
        self.protocol = ProtocolSection(ctx)
        self.staff = StaffSection(ctx)
        self.lock = LockSection()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        for widget, title in ((self.school, self.tr("School")), (self.calendar, self.tr("Calendar")),
                              (self.timetable, self.tr("Lesson times")), (self.codes, self.tr("Absence codes")),
                              (self.protocol, self.tr("Protocol")), (self.staff, self.tr("Staff")),
                              (self.lock, self.tr("Lock"))):
            self.tabs.addTab(widget, title)
            name_lists(widget, title)
        layout.addWidget(self.tabs)
        # another section (or the import) changed the groups
        self.follow = Follower(self, ctx, lambda _what: self.timetable.load(), wants=lambda what: what.school)
