"""Pages follow a write when on screen and catch up when shown (issue 17, Anki's refresh_if_needed): a
key in the grid costs the grid, not the hidden Overzicht, Leerlingen and Kwartaallijst pages."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.actors import IB
from tests.conftest import PATIENCE_MS
from tests.ui.conftest import desk
from tests.ui.test_desk_overview import TODAY
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pages.registration_page import RegistrationPage
from verzuimdesk.ui.registration_model import COL_FIRST_PART


def type_a_code(w: MainWindow) -> None:
    w.nav.setCurrentRow(MainWindow.PAGE_REGISTRATION)
    page = w.pages.currentWidget()
    assert isinstance(page, RegistrationPage)
    page.show_week(TODAY - timedelta(weeks=1))
    cell = next((r, c) for c in range(COL_FIRST_PART, page.model.columnCount()) for r in range(page.model.rowCount())
                if not page.model.lock_reason(r, c) and not page.model.records_at(r, c))
    page.view.setCurrentIndex(page.model.index(*cell))
    QTest.keyClick(page.view, "o")
    assert page.message.text() == page.tr("Saved.")  # and told to the app at once: no timer to wait for


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path) -> MainWindow:
    return desk(qtbot, demo_db)


def test_a_key_in_the_grid_recomputes_no_hidden_page(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    import verzuimdesk.ui.desk_state as desk_state
    import verzuimdesk.ui.pages.quarterly_page as quarterly_page

    state = window.overview_page.state
    computed: list[str] = []
    compute = state._compute
    monkeypatch.setattr(state, "_compute", lambda: (computed.append("overview"), compute())[1])
    update = desk_state.desk_update  # the few pupils typed for, the rest of the figures kept
    monkeypatch.setattr(desk_state, "desk_update", lambda *a, **k: (computed.append("overview"), update(*a, **k))[1])
    listed = quarterly_page.quarterly_list
    monkeypatch.setattr(quarterly_page, "quarterly_list", lambda *a, **k: (computed.append("quarterly"),
                                                                           listed(*a, **k))[1])
    type_a_code(window)
    assert computed == []
    assert state.stale

    window.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)  # shown: caught up at once, on the GUI thread (a few pupils)
    assert computed == ["overview"] and not state.stale
    window.nav.setCurrentRow(MainWindow.PAGE_PUPILS)  # shares the Overzicht's figures: nothing more to compute
    window.nav.setCurrentRow(MainWindow.PAGE_QUARTERLY)
    assert computed == ["overview", "quarterly"]
    window.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)  # nothing happened in between: nothing to compute
    assert computed == ["overview", "quarterly"]


def test_a_hidden_page_shows_the_new_peildatum_when_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.nav.setCurrentRow(MainWindow.PAGE_REGISTRATION)
    before = window.overview_page.title.text()
    window.nav.setCurrentRow(MainWindow.PAGE_QUARTERLY)  # built, then hidden again
    window.nav.setCurrentRow(MainWindow.PAGE_REGISTRATION)
    quarterly = window.page_widgets[MainWindow.PAGE_QUARTERLY]
    window.peildatum.setDate(date(2026, 8, 20))  # the Kwartaallijst's reference date moves to 15 sep
    assert window.overview_page.title.text() == before  # hidden: not computed
    assert "15 sep 2026" not in quarterly.title.text()  # type: ignore[attr-defined]
    window.nav.setCurrentRow(MainWindow.PAGE_QUARTERLY)
    assert "15 sep 2026" in quarterly.title.text()  # type: ignore[attr-defined]
    window.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)
    qtbot.waitUntil(lambda: "do 20 aug 2026" in window.overview_page.title.text(), timeout=PATIENCE_MS)


def test_the_pupil_list_follows_a_key_once_shown(window: MainWindow, qtbot: QtBot) -> None:
    state = window.overview_page.state
    before = state.overview
    type_a_code(window)
    assert state.overview is before
    window.nav.setCurrentRow(MainWindow.PAGE_PUPILS)
    assert state.overview is not before  # caught up before the page is painted


def test_a_refused_write_is_said_and_announces_nothing(window: MainWindow, qtbot: QtBot) -> None:
    from verzuimdesk.services.registration_checks import set_checked
    from verzuimdesk.ui.operations import run_write

    heard: list[object] = []
    window.ctx.data_changed.connect(heard.append)
    said: list[str] = []
    future = TODAY + timedelta(days=30)
    answer = run_write(window.ctx, lambda: set_checked(window.ctx.db, group="8", day=future, part=0, checked=True,
                                                       by=IB), refused=lambda exc: said.append(str(exc)))
    assert answer is None and heard == []
    assert "is nog niet geweest" in said[0]
    day = TODAY - timedelta(days=7)
    set_checked(window.ctx.db, group="8", day=day, part=0, checked=False, by=IB)  # as the demo may have it
    answer = run_write(window.ctx, lambda: set_checked(window.ctx.db, group="8", day=day, part=0, checked=True,
                                                       by=IB))
    assert answer is not None and answer.checks and heard == [answer]  # what the service changed, told every page
    answer = run_write(window.ctx, lambda: set_checked(window.ctx.db, group="8", day=day, part=0, checked=True,
                                                       by=IB))
    assert answer is not None and answer.empty and len(heard) == 1  # already checked: nothing to tell
