"""The main window: navigation between the pages, the peildatum, menus, and the status bar.

It lays out and wires; every rule lives in the services. Pages get the AppContext and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from verzuimdesk.services.roles import Permission, has_logins
from verzuimdesk.ui.context import AppContext, Opening
from verzuimdesk.ui.widgets.access import name_lists

if TYPE_CHECKING:
    from verzuimdesk.ui.pages.pupils_page import PupilsPage


class NotBuilt(QWidget):
    """The place of a page not built yet: the window builds it when it is first shown or asked for, so
    a start pays only for the page on screen (the Leerlingen list of 1,000 pupils, the Kwartaallijst
    working out the SWV list, the Analyse page with its charts and PDF export)."""

    def __init__(self, build: Callable[[], QWidget], title: str) -> None:
        super().__init__()
        self.build, self.title = build, title


class MainWindow(QMainWindow):
    lock_requested = Signal()

    PAGE_OVERVIEW, PAGE_PUPILS, PAGE_REGISTRATION, PAGE_QUARTERLY, PAGE_ANALYSIS, PAGE_SETTINGS = range(6)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(170)
        for title, widget in self._make_pages():
            self.nav.addItem(QListWidgetItem(title))
            self.pages.addWidget(widget)
            if not isinstance(widget, NotBuilt):
                name_lists(widget, title)
        self.nav.currentRowChanged.connect(self._show_page)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._make_toolbar()
        self._make_menus()
        self.statusBar().addPermanentWidget(QLabel(self.tr("Database: %1").replace("%1", ctx.db.target)))
        who = ctx.account.name or ctx.account.username
        if who:
            self.statusBar().addPermanentWidget(QLabel(self.tr("User: %1").replace("%1", who)))
        self.nav.setCurrentRow(self.PAGE_OVERVIEW)
        if isinstance(ctx.db, Opening):  # the login's window, before the database is open: read with the desk
            name = ctx.db.school
        else:
            from verzuimdesk.services.pupils import school_name

            name = school_name(ctx.db)
        self.setWindowTitle(f"VerzuimDesk — {name}" if name else "VerzuimDesk")
        self.resize(1280, 740)
        self._restore_geometry()

    # -- building ---------------------------------------------------------------------------

    def _make_pages(self) -> list[tuple[str, QWidget]]:
        from verzuimdesk.ui.pages.overview_page import OverviewPage
        from verzuimdesk.ui.sick_action import report_sick, sick_report_action

        if not self.ctx.account.can(Permission.VIEW_DOSSIER):  # the directie: the school's figures, no pupil
            self.page_widgets: list[QWidget] = [self._make_analyse_page()]
            return [(self.tr("Analysis"), self.page_widgets[0])]
        self.overview_page = OverviewPage(self.ctx)
        self.overview_page.light_clicked.connect(self.show_light)
        self.overview_page.action_activated.connect(self.open_action)
        self.overview_page.pupil_activated.connect(lambda pid: self.open_action(pid, "signals"))
        self.overview_page.group_activated.connect(self.open_registration)
        # The Registratie's "Sick report…" (Ctrl+M) works on every page, before that page is built.
        self.toolbar_actions = [sick_report_action(self.ctx, self, lambda: report_sick(self.ctx, self))]
        titles = [self.tr("Overview"), self.tr("Pupils"), self.tr("Registration"), self.tr("Quarterly list"),
                  self.tr("Analysis"), self.tr("Settings")]
        # Only the Overzicht is on screen at the start; the other pages are built when first shown.
        self.page_widgets = [self.overview_page, NotBuilt(self._make_pupils_page, titles[self.PAGE_PUPILS]),
                             NotBuilt(self._make_registration_page, titles[self.PAGE_REGISTRATION]),
                             NotBuilt(self._make_quarterly_page, titles[self.PAGE_QUARTERLY]),
                             NotBuilt(self._make_analyse_page, titles[self.PAGE_ANALYSIS]),
                             NotBuilt(self._make_settings_page, titles[self.PAGE_SETTINGS])]
        return list(zip(titles, self.page_widgets, strict=True))

    def _make_registration_page(self) -> QWidget:
        from verzuimdesk.ui.pages.registration_page import RegistrationPage

        return RegistrationPage(self.ctx)

    def _make_quarterly_page(self) -> QWidget:
        from verzuimdesk.ui.pages.quarterly_page import QuarterlyPage

        return QuarterlyPage(self.ctx)

    def _make_analyse_page(self) -> QWidget:
        from verzuimdesk.ui.pages.analyse_page import AnalysePage

        return AnalysePage(self.ctx)

    def _make_settings_page(self) -> QWidget:
        from verzuimdesk.ui.pages.settings_page import SettingsPage

        return SettingsPage(self.ctx)

    @property
    def analyse_page(self) -> QWidget:
        """The Analyse page (built now if it was not yet)."""
        return self.page(self.PAGE_ANALYSIS if self.has_pupils else 0)

    def _make_pupils_page(self) -> PupilsPage:
        from verzuimdesk.ui.pages.pupils_page import PupilsPage

        page = PupilsPage(self.ctx)
        page.pupil_activated.connect(self.open_pupil)
        return page

    def _show_page(self, row: int) -> None:
        self.page(row)
        self.pages.setCurrentIndex(row)

    def page(self, row: int) -> QWidget:
        """The page at `row`, built now if it was not yet."""
        widget = self.pages.widget(row)
        if not isinstance(widget, NotBuilt):
            return widget
        shown = self.pages.currentWidget() is widget
        real = widget.build()
        name_lists(real, widget.title)
        self.pages.insertWidget(row, real)
        self.pages.removeWidget(widget)
        widget.deleteLater()
        self.page_widgets[row] = real
        if shown:
            self.pages.setCurrentWidget(real)
        return real

    @property
    def pupils_page(self) -> PupilsPage:
        if not self.has_pupils:
            raise AttributeError("pupils_page")  # the directie's window has no pupils
        from verzuimdesk.ui.pages.pupils_page import PupilsPage

        page = self.page(self.PAGE_PUPILS)
        assert isinstance(page, PupilsPage)
        return page

    @property
    def has_pupils(self) -> bool:
        return len(self.page_widgets) > 1

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Peildatum"))
        bar.setObjectName("peildatum")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("Peildatum:") + " "))
        self.peildatum = QDateEdit(QDate(self.ctx.peildatum))
        self.peildatum.setCalendarPopup(True)
        self.peildatum.setAccessibleName(self.tr("Peildatum"))
        self.peildatum.setDisplayFormat("ddd d MMM yyyy")
        self.peildatum.setToolTip(self.tr("Look back: the lights as they were on this date"))
        self.peildatum.dateChanged.connect(lambda d: self.ctx.set_peildatum(d.toPython()))
        bar.addWidget(self.peildatum)
        today = QAction(self.tr("Today"), self)
        today.setShortcut(QKeySequence("Ctrl+T"))
        today.triggered.connect(lambda: self.peildatum.setDate(QDate(date.today())))
        bar.addAction(today)
        for page in (self, *self.page_widgets):  # e.g. Ziekmelding from the registration page
            for action in getattr(page, "toolbar_actions", []):
                bar.addAction(action)
                self.addAction(action)  # its shortcut works on every page
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def check_topics(self) -> None:
        from verzuimdesk.ui.topic_review_dialog import TopicReviewDialog

        TopicReviewDialog(self.ctx.db, by=self.ctx.account, parent=self).exec()

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        lock = QAction(self.tr("&Lock"), self, shortcut=QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_requested.emit)
        file_menu.addAction(lock)
        if has_logins(self.ctx.db) and self.ctx.account.username:
            password = QAction(self.tr("Change &password…"), self)
            password.triggered.connect(self.change_password)
            file_menu.addAction(password)
        file_menu.addSeparator()
        if self.ctx.account.can(Permission.SETTINGS):

            imp = QAction(self.tr("&Import…"), self, shortcut=QKeySequence("Ctrl+I"))
            imp.triggered.connect(self.import_file)
            file_menu.addAction(imp)
            for text, slot in ((self.tr("Make a &backup now"), lambda: self._maintenance().backup_now(self.ctx, self)),
                               (self.tr("&Restore a backup…"), self._restore),
                               (self.tr("Audit &log…"), lambda: self._maintenance().open_audit_log(self.ctx, self)),
                               (self.tr("&Topics to check…"), self.check_topics),
                               (self.tr("Letters and letter&head…"), self.letter_settings),
                               (self.tr("Re&tention terms…"),
                                lambda: self._maintenance().show_retention(self.ctx, self))):
                action = QAction(text, self)
                action.triggered.connect(slot)
                file_menu.addAction(action)
            file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go = self.menuBar().addMenu(self.tr("&Go"))
        for row in range(self.nav.count()):
            action = QAction(self.nav.item(row).text(), self, shortcut=QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            go.addAction(action)
        if self.ctx.account.can(Permission.EDIT_DOSSIER) or self.ctx.account.can(Permission.DECIDE_LEAVE):
            leave = QAction(self.tr("&Leave requests…"), self, shortcut=QKeySequence("Ctrl+Shift+V"))
            leave.triggered.connect(self.show_verlof)
            go.addAction(leave)
            self.addAction(leave)
        if self.has_pupils:
            find = QAction(self.tr("Find pupil"), self, shortcut=QKeySequence.StandardKey.Find)
            find.triggered.connect(self.find_pupil)
            go.addAction(find)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        manual = QAction(self.tr("&Manual"), self, shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents))
        manual.triggered.connect(self.show_help)
        help_menu.addAction(manual)
        self.addAction(manual)  # F1 works wherever the focus is
        about = QAction(self.tr("About VerzuimDesk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.file_menu, self.go_menu, self.help_menu = file_menu, go, help_menu

    # -- behaviour --------------------------------------------------------------------------

    @staticmethod
    def _maintenance() -> ModuleType:
        """ui.maintenance, imported when one of its menu items is first used (it loads SQLAlchemy)."""
        from verzuimdesk.ui import maintenance

        return maintenance

    def letter_settings(self) -> None:
        from verzuimdesk.ui.letter_settings_dialog import LetterSettingsDialog

        LetterSettingsDialog(self.ctx, self).exec()

    def show_verlof(self) -> None:
        from verzuimdesk.ui.verlof_dialog import VerlofDialog

        VerlofDialog(self.ctx, self).exec()

    def find_pupil(self) -> None:
        self.nav.setCurrentRow(self.PAGE_PUPILS)
        self.pupils_page.focus_search()

    def open_pupil(self, pupil_id: int) -> None:
        from verzuimdesk.ui.dossier import open_dossier

        open_dossier(self.ctx, pupil_id, self)

    def open_action(self, pupil_id: int, kind: str) -> None:
        """From the Te-doen list: the pupil's dossier where that action is done."""
        from verzuimdesk.ui.dossier import open_dossier

        open_dossier(self.ctx, pupil_id, self, action=kind)

    def open_registration(self, group: str, day: date) -> None:
        """From the Overzicht's unchecked groups: that group's registration, in the week of `day`."""
        self.nav.setCurrentRow(self.PAGE_REGISTRATION)
        self.page_widgets[self.PAGE_REGISTRATION].show_group(group, day)  # type: ignore[attr-defined]

    def show_light(self, light: object) -> None:
        """From the Overzicht's counts: the Leerlingen list narrowed to that light."""
        self.nav.setCurrentRow(self.PAGE_PUPILS)
        self.pupils_page.show_light(light)  # type: ignore[arg-type]
        self.pupils_page.table.setFocus()

    def import_file(self) -> None:
        from verzuimdesk.services.changes import WHOLE_SCHOOL
        from verzuimdesk.ui.import_wizard import run_import_wizard

        # The wizard shows its own refusals page by page; an import that went through changes the school.
        if run_import_wizard(self, self.ctx.db, by=self.ctx.account):
            self.ctx.changed(WHOLE_SCHOOL)

    def _restore(self) -> None:
        from verzuimdesk.ui import maintenance

        if maintenance.restore_backup(self.ctx, self):
            self.close()

    def change_password(self) -> None:
        from verzuimdesk.ui.password_dialog import PasswordDialog

        if PasswordDialog(self.ctx.db, self.ctx.account, self).exec():
            self.statusBar().showMessage(self.tr("Your password is changed."), 8000)

    def show_help(self) -> None:
        from verzuimdesk.ui.help_dialog import show_help

        show_help(self)

    def show_about(self) -> None:
        from verzuimdesk.ui.about_dialog import show_about

        show_about(self, self.ctx.db.target)

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
