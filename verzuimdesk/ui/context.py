"""What every page needs and nothing more: the database, who is logged in, the peildatum, and the
one app-wide signal that data changed (so every light and list follows a change at once)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Signal

from verzuimdesk.services.accounts import Account
from verzuimdesk.storage.database import Database


@dataclass(frozen=True, slots=True)
class Changed:
    """What a write touched: the pupils whose lights may change, or the whole school (settings)."""

    pupil_ids: frozenset[int] = field(default_factory=frozenset)
    school: bool = False

    @classmethod
    def pupils(cls, *ids: int) -> Changed:
        return cls(frozenset(ids))


class AppContext(QObject):
    data_changed = Signal(object)  # Changed
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

    def changed(self, what: Changed) -> None:
        """Called by whoever wrote through a service; every page refreshes what depends on it."""
        self.data_changed.emit(what)
