"""A code typed in the grid changes the pupil's light in the Leerlingen list and the Overzicht at once
(issue 20): no timer to wait for, only that pupil evaluated again, the lists updated in place (the
selection stays on its pupil), and the figures the same as a fresh look at the school gives."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import PATIENCE_MS
from tests.ui.conftest import desk
from tests.ui.test_desk_overview import TODAY
from verzuimdesk.domain.engine import Light
from verzuimdesk.services.overview import desk_overview
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pages.pupils_page import PupilsPage
from verzuimdesk.ui.pages.registration_page import RegistrationPage
from verzuimdesk.ui.pupil_model import COL_LIGHT, ROW_ID_ROLE
from verzuimdesk.ui.registration_model import COL_FIRST_PART
from verzuimdesk.ui.widgets.words import light_word


def green_pupil_cell(page: RegistrationPage) -> tuple[int, int, int]:
    """(row, column, pupil id) of an empty cell of a pupil whose light is green, in last week."""
    page.show_week(TODAY - timedelta(weeks=1))
    overview = desk_overview(page.ctx.db, peildatum=TODAY, account=page.ctx.account)
    green = {r.pupil_id for r in overview.rows if r.light is Light.GREEN}
    grid = page.model.grid
    assert grid is not None
    return next((r, c, row.pupil_id) for r, row in enumerate(grid.rows) if row.pupil_id in green
                for c in range(COL_FIRST_PART, page.model.columnCount())
                if not page.model.lock_reason(r, c) and not page.model.records_at(r, c))


def light_in_list(page: PupilsPage, pupil_id: int) -> str | None:
    m = page.table.model()
    for r in range(m.rowCount()):
        if m.index(r, 0).data(ROW_ID_ROLE) == pupil_id:
            return str(m.index(r, COL_LIGHT).data())
    return None


def test_a_typed_code_changes_the_light_in_the_list_and_the_overview_on_screen(qtbot: QtBot, demo_db: Path) -> None:
    window = desk(qtbot, demo_db)  # the Overzicht on screen
    ctx = window.ctx
    pupils = PupilsPage(ctx)  # the Leerlingen list on screen too, in a window of its own
    qtbot.addWidget(pupils)
    pupils.show()
    grid = RegistrationPage(ctx)  # and the grid
    qtbot.addWidget(grid)
    grid.show()
    r, c, pid = green_pupil_cell(grid)
    assert light_in_list(pupils, pid) == light_word(Light.GREEN)
    pupils.select_pupil(pid)
    resets: list[str] = []
    pupils.model.modelReset.connect(lambda: resets.append("list"))
    counts = window.overview_page.counts
    green_before = int(counts[Light.GREEN].number.text())

    grid.view.setCurrentIndex(grid.model.index(r, c))
    QTest.keyClick(grid.view, "o")  # ongeoorloofd: a talk is asked for, the light is no longer green
    qtbot.waitUntil(lambda: light_in_list(pupils, pid) != light_word(Light.GREEN), timeout=PATIENCE_MS)
    fresh = desk_overview(ctx.db, peildatum=TODAY, account=ctx.account)
    now = next(row for row in fresh.rows if row.pupil_id == pid)
    assert now.light is not Light.GREEN
    assert light_in_list(pupils, pid) == light_word(now.light)
    qtbot.waitUntil(lambda: int(counts[Light.GREEN].number.text()) == green_before - 1, timeout=PATIENCE_MS)
    assert {li: int(b.number.text()) for li, b in counts.items()} == {li: fresh.counts[li] for li in counts}
    assert window.overview_page.state.overview == fresh  # the same figures as a fresh look at the school
    assert resets == []  # the list updated its changed row in place
    assert pupils.table.currentIndex().data(ROW_ID_ROLE) == pid  # and the selection stayed on the pupil


def test_a_typed_code_shows_in_the_hidden_pages_as_soon_as_they_are_shown(qtbot: QtBot, demo_db: Path) -> None:
    window = desk(qtbot, demo_db)
    window.nav.setCurrentRow(MainWindow.PAGE_PUPILS)  # the list built, then the grid in front
    window.nav.setCurrentRow(MainWindow.PAGE_REGISTRATION)
    grid = window.pages.currentWidget()
    assert isinstance(grid, RegistrationPage)
    r, c, pid = green_pupil_cell(grid)
    grid.view.setCurrentIndex(grid.model.index(r, c))
    QTest.keyClick(grid.view, "o")
    window.nav.setCurrentRow(MainWindow.PAGE_PUPILS)  # at once: nothing waited for
    fresh = desk_overview(window.ctx.db, peildatum=TODAY, account=window.ctx.account)
    now = next(row for row in fresh.rows if row.pupil_id == pid)
    qtbot.waitUntil(lambda: light_in_list(window.pupils_page, pid) == light_word(now.light), timeout=PATIENCE_MS)
    assert now.light is not Light.GREEN
    window.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)
    counts = window.overview_page.counts
    qtbot.waitUntil(lambda: {li: b.number.text() for li, b in counts.items()}
                    == {li: str(fresh.counts[li]) for li in counts}, timeout=PATIENCE_MS)
