"""What every page needs and nothing more: the database, who is logged in, the peildatum, and the
one app-wide signal that data changed (so every light and list follows a change: at once on screen,
when shown otherwise, see `ui.follow`). Writes go through `ui.operations.run_write`, which announces
the `OpChanges` the service returned."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from verzuimdesk.services.accounts import Account
from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.database import Database

Changed = OpChanges  # the name the pages used before the services said what they changed


class AppContext(QObject):
    data_changed = Signal(object)  # OpChanges
    peildatum_changed = Signal(object)  # date

    def __init__(self, db: Database, account: Account, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.account = account
        self._peildatum = date.today()

    @property
    def peildatum(self) -> date:
        return self._peildatum

    def set_peildatum(self, day: date) -> None:
        if day != self._peildatum:
            self._peildatum = day
            self.peildatum_changed.emit(day)

    def changed(self, what: OpChanges) -> None:
        """Announce what a write changed (`run_write` does); every page follows what depends on it."""
        self.data_changed.emit(what)
