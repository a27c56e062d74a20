"""Saving the ZAT-voorbereiding (internal, with signals) of the pupils chosen in the pupil list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from verzuimdesk.services.errors import Refused
from verzuimdesk.services.zat import export_zat
from verzuimdesk.ui.context import AppContext


def save_zat(parent: QWidget, ctx: AppContext, numbers: list[str], *, path: Path | None = None) -> Path | None:
    """Ask where to save (unless `path`), write the PDF, say so; None when nothing was written."""
    if not numbers:
        QMessageBox.information(parent, "VerzuimDesk",
                                QCoreApplication.translate("ZatExport", "Select one or more pupils in the list first."))
        return None
    if path is None:
        default = str(Path.home() / f"zat-voorbereiding-{ctx.peildatum:%Y-%m-%d}.pdf")
        title = QCoreApplication.translate("ZatExport", "Save ZAT preparation as")
        chosen, _ = QFileDialog.getSaveFileName(parent, title, default, "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
    try:
        done = export_zat(ctx.db, pupil_numbers=numbers, out=path, by=ctx.account, on=ctx.peildatum,
                          printed=date.today())
    except Refused as exc:
        QMessageBox.warning(parent, "VerzuimDesk", str(exc))
        return None
    return done.path
