"""Undo and redo of the grid's edits: a QUndoCommand holding a service edit and its reverse.

The edit is applied before the command is pushed (so a refusal never enters the stack); after each
apply the command keeps what that apply removed and the ids it made, which is the edit back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from verzuimdesk.services.permissions import Refused
from verzuimdesk.services.registration import AbsenceSpec, EditResult, apply_edit
from verzuimdesk.storage.database import Database


class EditCommand(QUndoCommand):
    def __init__(self, db: Database, user: str, text: str, result: EditResult, add: Sequence[AbsenceSpec],
                 on_done: Callable[[EditResult], None], on_refused: Callable[[str], None]) -> None:
        super().__init__(text)
        self.db, self.user = db, user
        self.on_done, self.on_refused = on_done, on_refused
        self._applied = True  # the first redo() that push() makes is already done
        self._back: tuple[list[int], list[AbsenceSpec]] = (list(result.added_ids), list(result.removed))
        self._forward: tuple[list[int], list[AbsenceSpec]] = ([], list(add))

    def _apply(self, remove: list[int], add: list[AbsenceSpec]) -> tuple[list[int], list[AbsenceSpec]] | None:
        try:
            result = apply_edit(self.db, remove=remove, add=add, user=self.user)
        except Refused as exc:
            self.setObsolete(True)  # the data moved on under us; this step cannot be replayed
            self.on_refused(str(exc))
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
