"""What every page needs and nothing more: the database, who is logged in, the peildatum, and the
one app-wide signal that data changed (so every light and list follows a change: at once on screen,
when shown otherwise, see `ui.follow`). Writes go through `ui.operations.run_write`, which announces
the `OpChanges` the service returned.

At the app's login the window can show before the database is open (`Opening`, ui/app.py): its
Overzicht read from the status cache, SQLAlchemy still being imported. Until `set_database` the window
takes no input (it is held and given to it then); `when_open` runs what needs the database then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.roles import Account

if TYPE_CHECKING:  # imported with SQLAlchemy, which the login's first window does without
    from verzuimdesk.services.database import Database
    from verzuimdesk.services.desk import DeskOverview

Changed = OpChanges  # the name the pages used before the services said what they changed


class Opening:
    """An encrypted file whose password was checked and whose key is known, not opened yet: what the
    window may ask of its database until the app opens it (`AppContext.set_database`)."""

    encrypted = True

    def __init__(self, target: str, key: bytes, user: str, school: str, desk: DeskOverview | None = None) -> None:
        self.target, self.key, self.user, self.school = target, key, user, school
        self.desk = desk  # the Overzicht at today's peildatum, read from the status cache

    def close(self) -> None:
        """Nothing is open yet."""


class AppContext(QObject):
    data_changed = Signal(object)  # OpChanges
    peildatum_changed = Signal(object)  # date
    opened = Signal()  # the database behind an `Opening` is open (set_database)

    def __init__(self, db: Database | Opening, account: Account, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = cast("Database", db)  # the pages use it once it is open (`ready`)
        self.account = account
        self._peildatum = date.today()

    @property
    def ready(self) -> bool:
        """The database is open (not the `Opening` of a login whose window showed first)."""
        return not isinstance(self.db, Opening)

    def set_database(self, db: Database) -> None:
        self.db = db
        self.opened.emit()

    def when_open(self, do: Callable[[], object]) -> None:
        """`do` now, or once the database is open."""
        if self.ready:
            do()
            return

        def once() -> None:
            self.opened.disconnect(once)
            do()

        self.opened.connect(once)

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
