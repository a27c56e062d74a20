"""Pages follow a change when they are on screen and catch up when shown (Anki's `refresh_if_needed`).

    self.follow = Follower(self, ctx, self._changed)

Every write is announced app-wide (`ctx.changed`). A page on screen applies it at once; a page that
is hidden (another page of the window is shown) only remembers what it missed, merged into one
change, and applies that in its next show event. So a key typed in the grid costs the visible page
and nothing else; the Kwartaallijst computes again only when one looks at it. A new peildatum counts
as a change to the whole school for the pages that show figures as on the peildatum.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from verzuimdesk.services.changes import WHOLE_SCHOOL, OpChanges
from verzuimdesk.ui.context import AppContext


def on_screen(widget: QWidget) -> bool:
    """Shown, or would be shown with its window: not on a hidden page of a stack or tab. A window that
    was never shown counts as on screen (a page made on its own, as in a test or a benchmark)."""
    if widget.isWindow():
        return widget.isVisible() or not widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    window = widget.window()
    if not widget.isVisibleTo(window):
        return False
    return window.isVisible() or not window.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)


class Follower(QObject):
    """Calls `refresh(changes)` for every change while `page` is on screen; otherwise once when shown.

    `wants(changes)`: whether the change matters to the page at all (its own write, a pupil elsewhere);
    `peildatum`: a new peildatum is a change to the whole school for this page."""

    def __init__(self, page: QWidget, ctx: AppContext, refresh: Callable[[OpChanges], object], *,
                 wants: Callable[[OpChanges], bool] | None = None, peildatum: bool = False) -> None:
        super().__init__(page)
        self.page, self._refresh, self._wants = page, refresh, wants
        self.missed: OpChanges | None = None
        ctx.data_changed.connect(self.changed)
        if peildatum:
            ctx.peildatum_changed.connect(self._peildatum)
        page.installEventFilter(self)

    @property
    def stale(self) -> bool:
        return self.missed is not None

    def changed(self, what: OpChanges) -> None:
        if self._wants is not None and not self._wants(what):
            return
        if on_screen(self.page):
            self.missed = None
            self._refresh(what)
        else:
            self.missed = what if self.missed is None else self.missed | what

    def _peildatum(self, _day: object) -> None:
        self.changed(WHOLE_SCHOOL)

    def mark_stale(self, what: OpChanges = WHOLE_SCHOOL) -> None:
        """Behind without a change announced (say, built before the data it shows is there)."""
        self.missed = what if self.missed is None else self.missed | what

    def refresh_if_needed(self) -> None:
        if self.missed is not None:
            what, self.missed = self.missed, None
            self._refresh(what)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show:
            self.refresh_if_needed()
        return False
