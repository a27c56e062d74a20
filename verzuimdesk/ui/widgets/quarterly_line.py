"""The overview's reminder of the SWV list: "Kwartaalopgave 15 dec: 3 leerlingen, 2 nog te bevestigen,
4 velden leeg", shown from four weeks before each reference date (PROTOCOLS.md §5)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from verzuimdesk.services.errors import Refused
from verzuimdesk.services.roles import Permission
from verzuimdesk.services.vocabulary import MONTHS_NL
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.follow import Follower
from verzuimdesk.ui.tasks import run_task

if TYPE_CHECKING:  # the services' SWV list loads with SQLAlchemy, after the login's first window
    from verzuimdesk.services.quarterly import QuarterlyReminder


class QuarterlyLine(QLabel):
    def __init__(self, ctx: AppContext, page: QWidget | None = None, parent: QWidget | None = None) -> None:
        """`page`: the page the line is on; it follows changes while that page is on screen (the line
        itself hides when there is nothing to remind of). Without a page it follows every change."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWordWrap(True)
        self.setStyleSheet("font-weight: bold")
        self._asked = 0  # refreshes asked for: a worker's answer to an older one is dropped
        if page is not None:
            self.follow = Follower(page, ctx, lambda _what: self.refresh(), peildatum=True)
            # On the Overzicht at the app's start: worked out on a worker, so the window paints first.
            self.hide()
            ctx.when_open(self._first)  # at the login, once the database is open
        else:
            ctx.data_changed.connect(self.refresh)
            ctx.peildatum_changed.connect(self.refresh)
            self.refresh()

    def _first(self) -> None:
        self._asked += 1
        asked, day = self._asked, self.ctx.peildatum
        run_task(lambda: self._find(day), on_done=lambda found: self._answer(asked, found),
                 on_error=lambda _exc: None)

    def _find(self, day: date) -> QuarterlyReminder | None:
        from verzuimdesk.services.quarterly import quarterly_reminder

        account = self.ctx.account
        try:
            return (quarterly_reminder(self.ctx.db, on=day, sees_group=account.sees_group)
                    if account.can(Permission.EDIT_DOSSIER) else None)
        except Refused:
            return None

    def _answer(self, asked: int, found: QuarterlyReminder | None) -> None:
        if asked == self._asked and isValid(self):  # not closed meanwhile
            self._show(found)

    def refresh(self, *_why: object) -> None:
        self._asked += 1
        self._show(self._find(self.ctx.peildatum))

    def _show(self, found: QuarterlyReminder | None) -> None:
        self.setVisible(found is not None)
        if found is None:
            self.clear()
            return
        ref = found.reference
        text = self.tr("Quarterly list %1: %2 pupils, %3 to confirm, %4 fields empty")
        self.setText(text.replace("%1", f"{ref.day} {MONTHS_NL[ref.month - 1]}").replace("%2", str(found.pupils))
                     .replace("%3", str(found.unconfirmed)).replace("%4", str(found.missing)))
        self.setToolTip(self.tr("Confirm the proposals and fill in the empty fields on the page Quarterly list"))
