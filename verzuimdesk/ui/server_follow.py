"""On a server, others' changes reach this app's pages as its own do: what another app wrote (heard by
`services.server_changes`) is announced through `AppContext.changed` on the GUI thread, so a page on
screen follows at once and a hidden one marks itself stale (`ui.follow`). What is heard while the GUI
thread is still busy with the last change is merged into one (`Pending`): however many apps write, at
most one refresh waits. On SQLite it does nothing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.server_changes import Pending, listen
from verzuimdesk.ui.context import AppContext


class ServerFollower(QObject):
    heard = Signal()  # something is pending; emitted on the listener's thread

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.pending = Pending()
        self.heard.connect(self._follow, Qt.ConnectionType.QueuedConnection)  # to the GUI thread
        self.listener = listen(ctx.db, self._hear)

    def _hear(self, changes: OpChanges) -> None:  # on the listener's thread
        if self.pending.add(changes):
            self.heard.emit()

    @Slot()
    def _follow(self) -> None:
        what = self.pending.take()
        if what is not None:
            self.ctx.changed(what)

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
