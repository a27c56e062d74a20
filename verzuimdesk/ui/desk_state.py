"""The desk's figures, computed once per change and shared by the Overzicht and Leerlingen pages.

Every write ends in `run_write` announcing its `OpChanges`, a new peildatum in `ctx.peildatum_changed`;
both make this object recompute and emit `updated`. A change to a few pupils is answered on the GUI thread (the
status cache evaluates only those pupils again: a few ms, and the lights follow before the next
key); a new peildatum, a school-wide change or a large school is recomputed off the GUI thread, so
evaluating the whole school never freezes the window. A stale answer that arrives after a newer
request is dropped.

It computes only for a page on screen: the pages that show it say so with `watch(page)`, and while
none of them is on screen a change is only remembered and answered when one of them is shown
(`refresh_if_needed`, as each page does for itself with `ui.follow.Follower`). Typing in the grid
thus costs the grid alone; the lights follow the moment one looks at them. With no page watching
(a dossier window alone, a test) every change is answered at once, as before.

Which thread answers is decided by what the answer costs (how many pupils, whether the peildatum's
statuses are already kept), never by how long the last answer took: a clock would send the same
change to another thread on a busy machine than on an idle one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from verzuimdesk.services.changes import WHOLE_SCHOOL, OpChanges
from verzuimdesk.services.desk import DeskOverview
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.follow import on_screen
from verzuimdesk.ui.tasks import run_task

if TYPE_CHECKING:
    from verzuimdesk.services.database import Database
    from verzuimdesk.services.roles import Account


def desk_overview(db: Database, *, peildatum: date, account: Account) -> DeskOverview:
    """services.overview.desk_overview, imported when first asked (it loads SQLAlchemy, which the login's
    quick window does without: ui/app.py)."""
    from verzuimdesk.services import overview

    return overview.desk_overview(db, peildatum=peildatum, account=account)


def desk_update(db: Database, previous: DeskOverview, *, pupil_ids: Iterable[int],
                account: Account) -> DeskOverview | None:
    from verzuimdesk.services import overview

    return overview.desk_update(db, previous, pupil_ids=pupil_ids, account=account)


FEW_PUPILS = 40  # a change to at most this many pupils (a group's column in the grid) is answered at once
# A school with more pupils than this reads its statuses back off the GUI thread even for a small change
# (reading 10,000 cached statuses takes about as long as a frame may).
LARGE_SCHOOL = 3000


class DeskState(QObject):
    updated = Signal(object)  # DeskOverview
    failed = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.overview: DeskOverview | None = None
        self.large_school = False  # set from the last answer's size
        self._generation = 0
        self._running = 0  # computations on worker threads not yet finished
        self._after_paint = False  # a computation starts once the window is painted (compute_after_paint)
        self._watchers: list[QWidget] = []
        self.missed: OpChanges | None = None  # what changed while no watching page was on screen
        ctx.data_changed.connect(self._on_changed)
        ctx.peildatum_changed.connect(self._on_peildatum)

    @classmethod
    def of(cls, ctx: AppContext) -> DeskState:
        """The one DeskState of this context (made on first use)."""
        found = ctx.findChild(DeskState)
        return cast(DeskState, found) if found is not None else cls(ctx)

    def watch(self, page: QWidget) -> None:
        """`page` shows these figures: compute while it (or another watcher) is on screen, catch up when shown."""
        self._watchers.append(page)
        page.installEventFilter(self)
        page.destroyed.connect(lambda: self._watchers.remove(page) if page in self._watchers else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched in self._watchers:
            self.refresh_if_needed()
        return False

    def _seen(self) -> bool:
        return not self._watchers or any(on_screen(page) for page in self._watchers)

    def _on_changed(self, what: OpChanges) -> None:
        if not self._seen():
            self.missed = what if self.missed is None else self.missed | what
            return
        self.missed = None
        self._refresh_for(what)

    def _refresh_for(self, what: OpChanges) -> None:
        few = not what.school and len(what.pupil_ids) <= FEW_PUPILS
        self.refresh(few=few, pupils=what.pupil_ids if few and not what.checks else None)

    def _on_peildatum(self, _day: object) -> None:
        self._on_changed(WHOLE_SCHOOL)

    @property
    def computing(self) -> bool:
        """A worker computes the figures, or will as soon as the window is painted (`compute_after_paint`)."""
        return self._running > 0 or self._after_paint

    def compute_after_paint(self) -> None:
        """The app's start: the pages built now show that the figures are coming, and a worker computes
        them once the window is painted (on the GUI thread's first turn of the event loop), so that
        building the window does not share the interpreter with that computation."""
        self._after_paint = True

        def start() -> None:
            if not self.ctx.ready:  # a quick login's window: computed once the database is open
                self.ctx.when_open(start)
                return
            self._after_paint = False
            if self.overview is None and not self._running:
                self.refresh()

        QTimer.singleShot(0, start)

    def begin_with(self, overview: DeskOverview) -> None:
        """The figures the app's quick login read from the status cache (services/status_quick.quick_login),
        the same as a computation would give: the window shows them at once."""
        self._generation += 1
        self.overview = overview
        self.large_school = len(overview.rows) > LARGE_SCHOOL

    def first(self) -> DeskOverview | None:
        """What a page just built shows: the figures, computed now if none are under way; None while a
        worker computes them (the page shows that it waits, and `updated` brings them)."""
        if self.overview is None and self.computing:
            return None
        return self.current()

    @property
    def stale(self) -> bool:
        return self.missed is not None

    def refresh_if_needed(self) -> None:
        """Answer what changed while no watching page was on screen (a watcher is being shown)."""
        if self.missed is not None:
            what, self.missed = self.missed, None
            self._refresh_for(what)

    def _compute(self) -> DeskOverview:
        return desk_overview(self.ctx.db, peildatum=self.ctx.peildatum, account=self.ctx.account)

    def current(self) -> DeskOverview:
        """The figures now; computed here and now the first time (or when behind on a change)."""
        if self.overview is None or self.missed is not None:
            self.missed = None
            self._generation += 1
            self._finish(self._generation, self._compute())
        assert self.overview is not None
        return self.overview

    def _warm(self, peildatum: date) -> bool:
        """The last answer was for this peildatum: its statuses are kept, only the changed pupils are new."""
        return self.overview is not None and self.overview.peildatum == peildatum

    def refresh(self, few: bool = False, pupils: frozenset[int] | None = None) -> None:
        """Recompute; `few`: only a few pupils changed since the last answer (`pupils`: only their lines
        can have changed, so only they are evaluated again and the other lines are kept)."""
        self._generation += 1
        generation = self._generation
        if few and not self.large_school and not self._running and self._warm(self.ctx.peildatum):
            previous = self.overview
            try:
                result = None
                if pupils and previous is not None:
                    result = desk_update(self.ctx.db, previous, pupil_ids=pupils, account=self.ctx.account)
                if result is None:
                    result = self._compute()
            except Exception as exc:  # a broken protocol file: said on the pages, not a crash
                self.failed.emit(str(exc))
                return
            self._finish(generation, result)
            return
        # While a worker computes (say the whole school for a new peildatum), the next request goes to
        # a worker as well: on the GUI thread it would compute the same cold school again.
        self._running += 1
        run_task(self._compute, on_done=lambda r: self._finish(generation, r, worker=True),
                 on_error=lambda exc: self._failed(generation, exc))

    def _failed(self, generation: int, exc: BaseException) -> None:
        self._running -= 1
        if generation == self._generation:  # an older request's error says nothing about the newer figures
            self.failed.emit(str(exc))

    def _finish(self, generation: int, result: DeskOverview, worker: bool = False) -> None:
        if worker:
            self._running -= 1
        if generation != self._generation:
            return  # a newer request is on its way
        self.overview = result
        self.large_school = len(result.rows) > LARGE_SCHOOL
        self.updated.emit(result)
