"""The pupil dossier: a window per pupil with the light's explanation and the tabs of the dossier.

`open_dossier` opens it, or raises the one already open for that pupil; opening is logged as a view.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from verzuimdesk.services.errors import Refused
from verzuimdesk.ui.context import AppContext


def open_windows(ctx: AppContext) -> list[QWidget]:
    """The dossier windows open on this context (one per pupil)."""
    from verzuimdesk.ui.dossier.window import DossierWindow

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, DossierWindow) and w.ctx is ctx and not w.closing]


def open_dossier(ctx: AppContext, pupil_id: int, parent: QWidget | None = None, *,
                 action: str | None = None) -> QWidget | None:
    """Open (or raise) the dossier of a pupil; with `action`, go where that action is done."""
    from verzuimdesk.services.dossier_view import view_dossier
    from verzuimdesk.ui.dossier.window import DossierWindow

    window = next((w for w in open_windows(ctx) if getattr(w, "pupil_id", None) == pupil_id), None)
    if window is None:
        try:  # the service refuses a role or group that may not see it (said in Dutch), and logs only a view
            data = view_dossier(ctx.db, pupil_id=pupil_id, peildatum=ctx.peildatum, by=ctx.account)
        except Refused as exc:
            QMessageBox.warning(parent, "VerzuimDesk", str(exc))
            return None
        window = DossierWindow(ctx, pupil_id, data, parent)
    window.show()
    window.raise_()
    window.activateWindow()
    if action is not None:
        window.go_to_action(action)  # type: ignore[attr-defined]
    return window
