"""Undo and redo of the grid's edits: a QUndoCommand holding a service edit and its reverse.

The edit is applied before the command is pushed (so a refusal never enters the stack); after each
apply the command keeps what that apply removed and the ids it made, which is the edit back. Undo and
redo are writes like any other: through `run_write`, which shows a refusal and announces the change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.errors import refusal_text
from verzuimdesk.services.registration import AbsenceSpec, EditResult, apply_edit
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write


class EditCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str, result: EditResult, add: Sequence[AbsenceSpec],
                 on_done: Callable[[EditResult], None], on_refused: Callable[[str], None],
                 announce: Callable[[OpChanges], object]) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.on_done, self.on_refused, self.announce = on_done, on_refused, announce
        self._applied = True  # the first redo() that push() makes is already done
        self._back: tuple[list[int], list[AbsenceSpec]] = (list(result.added_ids), list(result.removed))
        self._forward: tuple[list[int], list[AbsenceSpec]] = ([], list(add))

    def _apply(self, remove: list[int], add: list[AbsenceSpec]) -> tuple[list[int], list[AbsenceSpec]] | None:
        ctx = self.ctx
        result = run_write(ctx, lambda: apply_edit(ctx.db, remove=remove, add=add, by=ctx.account),
                           refused=lambda exc: self.on_refused(refusal_text(exc)), announce=self.announce)
        if result is None:
            self.setObsolete(True)  # the data moved on under us; this step cannot be replayed
            return None
        self.on_done(result)
        return list(result.added_ids), list(result.removed)

    def undo(self) -> None:
        reverse = self._apply(*self._back)
        if reverse is not None:
            self._forward = reverse

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        reverse = self._apply(*self._forward)
        if reverse is not None:
            self._back = reverse
