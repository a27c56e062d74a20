"""The app's start (issue 20): the window is painted at once and the Overzicht fills in from a worker;
the Leerlingen, Kwartaallijst, Analyse and Instellingen pages are built when first shown, not at start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from verzuimdesk.services.accounts import SCHOOL_WIDE
from verzuimdesk.storage.database import open_database
from verzuimdesk.ui import app
from verzuimdesk.ui.desk_state import DeskState
from verzuimdesk.ui.main_window import MainWindow, NotBuilt
from verzuimdesk.ui.pages.pupils_page import PupilsPage


@pytest.fixture
def start(qtbot: QtBot, demo_db: Path) -> Iterator[Callable[[], app.Session]]:
    """Starts a session when the test calls it (pytest-qt handles pending events between a fixture and
    the test, which would deliver the worker's figures before the test looks)."""
    made: list[app.Session] = []

    def begin() -> app.Session:
        s = app.Session(open_database(str(demo_db)), SCHOOL_WIDE)
        qtbot.addWidget(s.window)
        s.window.show()
        made.append(s)
        return s

    yield begin
    for s in made:
        qtbot.waitUntil(lambda s=s: not DeskState.of(s.ctx).computing, timeout=30_000)
        s.ctx.db.close()
    app.Session.current = None


def test_the_window_shows_at_once_and_the_overview_fills_in(start: Callable[[], app.Session], qtbot: QtBot) -> None:
    w = start().window
    page = w.overview_page
    assert page.title.text() == page.tr("Computing the lights of the school…")  # not blank, not frozen
    assert not page.table.isVisible() and page.empty.isVisible()
    assert {b.number.text() for b in page.counts.values()} == {"…"}
    for row in (MainWindow.PAGE_PUPILS, MainWindow.PAGE_QUARTERLY, MainWindow.PAGE_ANALYSIS,
                MainWindow.PAGE_SETTINGS):
        assert isinstance(w.pages.widget(row), NotBuilt)  # not built while not shown

    qtbot.waitUntil(lambda: page.title.text() != page.tr("Computing the lights of the school…"), timeout=30_000)
    assert sum(int(b.number.text()) for b in page.counts.values()) == 200  # every pupil of the demo
    assert page.empty.text() != page.tr("One moment: every pupil's light is being worked out.")
    w.nav.setCurrentRow(MainWindow.PAGE_PUPILS)
    assert isinstance(w.pages.currentWidget(), PupilsPage) and w.pages.currentWidget() is w.pupils_page
    assert w.pupils_page.table.model().rowCount() == 200
    assert w.pupils_page.table.accessibleName() == "Pupils"


def test_the_pupil_list_opened_before_the_figures_came_fills_in_too(start: Callable[[], app.Session],
                                                                     qtbot: QtBot) -> None:
    w = start().window
    w.nav.setCurrentRow(MainWindow.PAGE_PUPILS)
    page = w.pupils_page
    assert page.count.text() == page.tr("Computing the lights…")
    assert page.table.model().rowCount() == 0
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 200, timeout=30_000)
    assert page.count.text() != page.tr("Computing the lights…")


def test_the_quarterly_list_is_built_when_first_shown_and_shows_its_list(start: Callable[[], app.Session],
                                                                          qtbot: QtBot) -> None:
    from verzuimdesk.ui.pages.quarterly_page import QuarterlyPage

    w = start().window
    assert isinstance(w.pages.widget(MainWindow.PAGE_QUARTERLY), NotBuilt)
    w.nav.setCurrentRow(MainWindow.PAGE_QUARTERLY)
    page = w.pages.currentWidget()
    assert isinstance(page, QuarterlyPage) and page is w.page_widgets[MainWindow.PAGE_QUARTERLY]
    assert page.title.text() and page.table.accessibleName()  # its list, named for a screen reader
    w.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)
    w.nav.setCurrentRow(MainWindow.PAGE_QUARTERLY)
    assert w.pages.currentWidget() is page  # built once
