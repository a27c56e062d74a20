"""The pupil dossier: a window per pupil with the light's explanation and the tabs of the dossier."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from verzuimdesk.ui.context import AppContext


def open_dossier(ctx: AppContext, pupil_id: int, parent: QWidget | None = None) -> None:
    """Open (or raise) the dossier of a pupil. Not built yet: says so."""
    QMessageBox.information(parent, "VerzuimDesk", QCoreApplication.translate(
        "Dossier", "The pupil dossier is not available in this version yet."))
