"""Starting the desktop app: translations, the database (a demo school offered on first start), the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from verzuimdesk.paths import default_db, resources_dir
from verzuimdesk.storage.database import Database, DatabaseError, open_database, sqlite_path


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Dutch unless the system asks for English; Qt's own dialogs follow."""
    locale = locale or QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
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


def open_or_offer_demo(target: str, parent: object = None) -> Database | None:
    """Open the user's database; when there is none yet, offer to make the demo school."""
    path = sqlite_path(target)
    if path is not None and not path.exists():
        answer = QMessageBox.question(
            None,
            QCoreApplication.translate("App", "Welcome to VerzuimDesk"),
            QCoreApplication.translate(
                "App", "There is no database yet in %1.\n\nDo you want to start with a fictitious demo "
                "school to try the program?").replace("%1", str(Path(path).parent)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return open_database(target, create=True)
        from verzuimdesk.services.demo import create_demo

        return create_demo(target)
    return open_database(target)


def run_app(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("VerzuimDesk")
    app.setOrganizationName("VerzuimDesk")
    install_translations(app)
    from verzuimdesk.ui.main_window import MainWindow

    try:
        db = open_or_offer_demo(default_db())
    except DatabaseError as exc:
        QMessageBox.critical(None, "VerzuimDesk", str(exc))
        return 1
    if db is None:
        return 0
    window = MainWindow(db)
    window.show()
    code = app.exec()
    db.close()
    return code
