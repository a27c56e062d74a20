"""The window's "Sick report…" (Ctrl+M), which works on every page before the Registratie is built."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from verzuimdesk.services.roles import Permission
from verzuimdesk.ui.context import AppContext


def sick_report_action(ctx: AppContext, parent: QWidget, slot: Callable[[], object]) -> QAction:
    """"Sick report…" (Ctrl+M): the Registratie page's button, and the window's toolbar action."""
    a = QAction(QCoreApplication.translate("RegistrationPage", "Sick report…"), parent)
    keys = QKeySequence("Ctrl+M")
    tip = QCoreApplication.translate("RegistrationPage", "Register a sick report for a pupil")
    a.setToolTip(f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
    a.setShortcut(keys)
    a.triggered.connect(slot)
    a.setObjectName("sick_report")
    a.setEnabled(ctx.account.can(Permission.EDIT_ABSENCE))
    return a


def report_sick(ctx: AppContext, window: QWidget) -> None:
    from verzuimdesk.ui.sick_report_dialog import SickReportDialog

    SickReportDialog(ctx, window).exec()  # it writes through run_write, which announces it
