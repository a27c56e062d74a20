"""One way for a write (Anki's CollectionOp): run the service, show its refusal, announce its changes.

    run_write(ctx, lambda: save_code(ctx.db, ...), refused=self.status.refused)

The service returns what it changed (`OpChanges`, or a result with `.changes`); the runner tells
every page through `ctx.changed`, and each page follows at once when on screen or later when shown
(`ui.follow`). A refusal (`services.errors.REFUSALS`) is shown by `refused`, or else in a message box
over `parent`; nothing is announced then, nor when the write changed nothing. A service that answers
only the id it made says nothing of what it changed: its caller names the pupil (`changes=`). Undo
lives where the service supports it: the registration grid pushes the edit's reverse on its undo
stack (`ui.registration_undo`), through this runner as well.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from verzuimdesk.services.changes import OpChanges, changes_of
from verzuimdesk.services.errors import REFUSALS, refusal_text
from verzuimdesk.ui.context import AppContext

T = TypeVar("T")


def run_write(ctx: AppContext, op: Callable[[], T], *, refused: Callable[[Exception], object] | None = None,
              parent: QWidget | None = None, title: str = "VerzuimDesk",
              announce: Callable[[OpChanges], object] | None = None, changes: OpChanges | None = None) -> T | None:
    """Run `op` (one service write). Its answer, or None when it was refused (and the refusal shown).

    `announce` replaces `ctx.changed` (the grid gathers the changes of quick keys and tells them once)."""
    try:
        result = op()
    except REFUSALS as exc:
        if refused is not None:
            refused(exc)
        else:
            QMessageBox.warning(parent, title, refusal_text(exc))
        return None
    said = changes_of(result) or changes
    if said is not None and not said.empty:
        (announce or ctx.changed)(said)
    return result
