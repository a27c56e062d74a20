"""Starting the desktop app: translations, the database (a demo school offered on first start, a login
for an encrypted one), the daily backup, the window, and the idle lock."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from verzuimdesk.paths import data_dir, default_db, resources_dir
from verzuimdesk.services.database import InstanceLock, is_encrypted, sqlite_path
from verzuimdesk.services.errors import DatabaseDamaged, Refused
from verzuimdesk.ui import collector
from verzuimdesk.ui.crash_guard import CrashGuard, after_shown, log
from verzuimdesk.ui.i18n import tr

if TYPE_CHECKING:  # SQLAlchemy and the services load after the first window (the login) is painted
    from verzuimdesk.services.accounts import Account
    from verzuimdesk.services.database import Database
    from verzuimdesk.ui.context import Opening
    from verzuimdesk.ui.idle_lock import IdleWatcher
    from verzuimdesk.ui.server_follow import ServerFollower


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Dutch unless asked otherwise; Qt's own dialogs follow."""
    locale = locale or QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    QLocale.setDefault(locale)
    installed = []
    ours = QTranslator(app)
    if ours.load(locale, "verzuimdesk", "_", str(resources_dir() / "translations")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def offer_demo(target: str) -> Database | tuple[Database, Account] | None:
    """First start: no database yet. Offer the demo school, or set up a new school in the wizard."""
    path = sqlite_path(target)
    folder = str(Path(path).parent) if path else target
    box = QMessageBox(QMessageBox.Icon.Question, tr("Welcome to VerzuimDesk"),
                      tr("There is no database yet in %1.\n\nDo you want to start with a fictitious demo "
                         "school to try the program?").replace("%1", folder))
    demo = box.addButton(tr("Open the demo school"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    new_school = box.addButton(tr("Set up a new school"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(demo)
    after_shown("eerste start: vraag om de demoschool getoond")
    box.exec()
    if box.clickedButton() is new_school:
        from verzuimdesk.ui.setup_wizard import run_setup_wizard

        return run_setup_wizard(target)
    if box.clickedButton() is not demo:
        return None
    from verzuimdesk.services.demo_accounts import create_demo_with_accounts
    from verzuimdesk.ui.login_dialog import LoginDialog

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        create_demo_with_accounts(target).close()  # encrypted, one account per role to try
    finally:
        QGuiApplication.restoreOverrideCursor()
    dialog = LoginDialog(target)  # shows the demo accounts and their passwords
    return dialog.result_value if dialog.exec() else None


def open_for_user(target: str, parent: QWidget | None = None) -> tuple[Database, Account] | None:
    """The user's database, after a login when it is encrypted or on a server; None when the user gives up."""
    path = sqlite_path(target)
    if path is not None and not path.exists():
        made = offer_demo(target)
        if isinstance(made, tuple):  # a new school from the wizard, opened for its IB-er
            return made
        from verzuimdesk.services.accounts import SCHOOL_WIDE

        return (made, SCHOOL_WIDE) if made else None
    if path is None or is_encrypted(path):  # a server: each person logs in with their own account
        from verzuimdesk.ui.login_dialog import LoginDialog

        dialog = LoginDialog(target, parent)
        return dialog.result_value if dialog.exec() else None
    from verzuimdesk.services.accounts import SCHOOL_WIDE
    from verzuimdesk.services.backups import backup_before_migration
    from verzuimdesk.services.database import open_database

    return open_database(target, before_migrate=backup_before_migration), SCHOOL_WIDE


class Session(QObject):
    """One logged-in use of the app: the context, the window and the idle lock. A colleague who logs in at
    the lock screen starts a new session (`Session.current`); the previous user's windows close."""

    current: Session | None = None

    def __init__(self, db: Database | Opening, account: Account) -> None:
        """`db` may be the `Opening` of a quick login (ui/login_dialog.py): then the window shows the
        Overzicht read from the status cache, holds its input, and the app opens the database behind
        it (ui/opening.py); what needs the database starts then (`ctx.when_open`)."""
        super().__init__()
        from verzuimdesk.services.roles import Permission
        from verzuimdesk.ui.context import AppContext, Opening
        from verzuimdesk.ui.desk_state import DeskState
        from verzuimdesk.ui.main_window import MainWindow

        self.ctx = AppContext(db, account, self)
        self.follower: ServerFollower | None = None
        self.watcher: IdleWatcher | None = None
        if account.can(Permission.VIEW_DOSSIER):  # the directie's window has no Overzicht
            if isinstance(db, Opening) and db.desk is not None and db.desk.peildatum == self.ctx.peildatum:
                DeskState.of(self.ctx).begin_with(db.desk)
            else:
                # The desk's figures are worked out on a worker once the window is painted: the window shows
                # at once, its Overzicht says it is working them out and fills in when they come (the first
                # start of the day evaluates every pupil): never a blank or frozen window.
                DeskState.of(self.ctx).compute_after_paint()
        self.window = MainWindow(self.ctx)
        self.window.lock_requested.connect(self.lock)
        Session.current = self
        self.ctx.when_open(self._opened)

    def _opened(self) -> None:
        from verzuimdesk.services.roles import has_logins
        from verzuimdesk.ui.server_follow import ServerFollower

        self.follower = ServerFollower(self.ctx)  # on a server: others' changes refresh the pages too
        if has_logins(self.ctx.db):  # an encrypted file, or a server: each person's own password unlocks it
            from verzuimdesk.ui.idle_lock import IdleWatcher
            from verzuimdesk.ui.settings import idle_lock_minutes

            self.watcher = IdleWatcher(idle_lock_minutes(), self)
            self.watcher.idle.connect(lambda: self.lock(idle=True))

    def stop_following(self) -> None:
        if self.follower is not None:
            self.follower.stop()

    def lock(self, idle: bool = False) -> None:
        """Hide every window of the app (widgets keep their text) until the same user logs in again, or
        another user logs in (then this user's windows close and a new session starts)."""
        from verzuimdesk.services.accounts import has_logins

        if not self.ctx.ready or not has_logins(self.ctx.db) or not self.window.isVisible():
            return
        from verzuimdesk.ui.login_dialog import LoginDialog

        if self.watcher:
            self.watcher.pause()
        hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]  # dossiers and dialogs too
        for w in hidden:
            w.hide()
        # On a server the connections close and the password is forgotten: nothing reads or writes until
        # the password is typed again (a laptop's file stays encrypted on disk; its window hides).
        self.stop_following()
        self.ctx.db.lock()
        dialog = LoginDialog(self.ctx.db.target, None, username=self.ctx.account.username, locked=True, idle=idle)
        if not dialog.exec() or dialog.result_value is None:
            for w in hidden:
                w.close()
            return
        db, account = dialog.result_value
        if account.username == self.ctx.account.username:
            self.ctx.db.resume_from(db)  # on a server: the password just typed opens the connections again
            db.close()  # the check opened its own connection; the app keeps its own
            if self.ctx.db.path is None:  # what others changed while it was locked was not heard: follow all
                from verzuimdesk.services.changes import OpChanges
                from verzuimdesk.ui.server_follow import ServerFollower

                self.follower = ServerFollower(self.ctx)
                self.ctx.changed(OpChanges.whole_school())
            for w in hidden:
                w.show()
            if self.watcher:
                self.watcher.resume()
            return
        self.switch_to(db, account, hidden)

    def switch_to(self, db: Database, account: Account, windows: list[QWidget]) -> Session:
        """Another user at the keyboard: close this user's windows and database, open theirs."""
        app = QApplication.instance()
        quits = app.quitOnLastWindowClosed() if isinstance(app, QApplication) else True
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # closing the old window must not end the program
        try:
            for w in windows:
                w.close()
            old = self.ctx.db
            self.stop_following()
            nxt = Session(db, account)
            nxt.window.show()
            old.close()
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quits)
        return nxt


def _after_open(db: Database) -> None:
    """What the app does once its database is open: warn of a log changed outside it, start the day's backup."""
    from verzuimdesk.services.audit_log import audit_problem

    warning = audit_problem(db)  # a log changed outside the app: say so at once (Dutch, from the service)
    if warning:
        QMessageBox.warning(None, "VerzuimDesk", warning)
    from verzuimdesk.services.backups import daily_backup
    from verzuimdesk.services.vocabulary import failure_reason
    from verzuimdesk.ui.tasks import run_task

    run_task(lambda: daily_backup(db), on_done=lambda _p: None,
             on_error=lambda exc: QMessageBox.warning(None, "VerzuimDesk", tr("The daily backup failed: %1").replace(
                 "%1", failure_reason(exc) or str(exc))))


def _front_window() -> QWidget | None:
    """What a second start brings forward: the main window, or the login or lock dialog on screen."""
    if Session.current is not None and Session.current.window.isVisible():
        return Session.current.window
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    return shown[0] if shown else None


def app_icon() -> QIcon:
    """The window icon in every size resources/icons holds."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("verzuimdesk-*.png")):
        icon.addFile(str(png))
    return icon


RESUME_AFTER_MS = 1500


def run_app(argv: list[str] | None = None) -> int:
    collector.pause()  # the start's imports without full collections (ui/collector.py); the login resumes it
    app = QApplication.instance() or QApplication(argv or sys.argv)
    assert isinstance(app, QApplication)
    guard = CrashGuard(data_dir())  # an unforeseen error: a Dutch message and a line in the log
    try:
        return _run(app)
    finally:
        collector.resume()  # also when the start ended before a window (a refusal, a second instance)
        guard.uninstall()


def _run(app: QApplication) -> int:
    from verzuimdesk import __version__

    log.info("start, versie %s", __version__)
    from verzuimdesk.ui.settings import configure_qsettings

    configure_qsettings()
    install_translations(app)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("nl.verzuimdesk.VerzuimDesk")  # matches the .desktop file (Wayland, taskbars)
    target = default_db()
    path = sqlite_path(target)
    lock = InstanceLock(path) if path is not None else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    from verzuimdesk.ui.single_instance import InstanceWatcher, ask_running_instance, bring_forward

    if lock is not None and not lock.acquire():
        if path is not None and ask_running_instance(path):
            return 0  # the running VerzuimDesk shows its window
        QMessageBox.warning(None, "VerzuimDesk", tr("VerzuimDesk is already open with this database. "
                                                    "Switch to that window."))
        return 1
    server = InstanceWatcher(path, lambda: bring_forward(_front_window()), app) if path is not None else None
    try:
        opened = open_for_user(target)
    except Refused as exc:
        from verzuimdesk.ui.maintenance import offer_restore_of_damaged

        if not isinstance(exc, DatabaseDamaged):
            QMessageBox.critical(None, "VerzuimDesk", str(exc))
            return 1
        if not offer_restore_of_damaged(target, str(exc)):
            return 1
        try:
            opened = open_for_user(target)
        except Refused as again:
            QMessageBox.critical(None, "VerzuimDesk", str(again))
            return 1
    if opened is None:
        return 0
    db, account = opened
    from verzuimdesk.ui.context import Opening

    if isinstance(db, Opening):  # a quick login: the window first, the database opened behind it
        session = Session(db, account)
        session.ctx.when_open(lambda: _after_open(session.ctx.db))
        session.window.show()
        after_shown("hoofdvenster getoond (database wordt geopend)")
        from verzuimdesk.ui.opening import open_behind

        open_behind(session, db)
    else:
        _after_open(db)
        Session(db, account).window.show()
        after_shown("hoofdvenster getoond")
    # at the latest shortly after the window is on screen (no login: no warm-up), once its first figures
    # are in: the one collection before the freeze (~0.1 s) is not in the way of the first look
    QTimer.singleShot(RESUME_AFTER_MS, collector.resume)
    code = app.exec()
    if server is not None:
        server.close()
    if Session.current is not None:
        Session.current.stop_following()
        Session.current.ctx.db.close()  # the database of whoever was logged in last
    if lock is not None:
        lock.release()
    return code
