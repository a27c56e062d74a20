"""On a server, others' changes reach this app's pages as its own do: what another app wrote (heard by
`services.server_changes`) is announced through `AppContext.changed` on the GUI thread, so a page on
screen follows at once and a hidden one marks itself stale (`ui.follow`). On SQLite it does nothing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.server_changes import listen
from verzuimdesk.ui.context import AppContext


class ServerFollower(QObject):
    heard = Signal(object)  # OpChanges, emitted on the listener's thread

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.heard.connect(self._follow, Qt.ConnectionType.QueuedConnection)  # to the GUI thread
        self.listener = listen(ctx.db, self.heard.emit)

    @Slot(object)
    def _follow(self, changes: OpChanges) -> None:
        self.ctx.changed(changes)

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
