"""The app's own settings, declared once with their defaults; window state lives in QSettings.

QSettings is pointed at the data folder (INI format), so the data-folder override of tests and
development moves it too and nothing lands in the user's real configuration.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from verzuimdesk.paths import data_dir

IDLE_LOCK_MINUTES = 10  # the default auto-lock; the IB-er may change it in Instellingen


def configure_qsettings() -> None:
    QCoreApplication.setOrganizationName("VerzuimDesk")
    QCoreApplication.setApplicationName("VerzuimDesk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir()))


def idle_lock_minutes() -> int:
    value = QSettings().value("lock/idle_minutes", IDLE_LOCK_MINUTES)
    try:
        return max(1, int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return IDLE_LOCK_MINUTES
