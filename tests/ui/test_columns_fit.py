"""The desk's lists at 1366 px: every column on screen without scrolling sideways, the long texts (the
reason, the action, the signals) sharing what the short columns leave, a name or a date never cut."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.actors import IB
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import desk
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.registration import record_absence
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pupil_model import COL_ACTION, COL_DUE, COL_NAME, COL_REASON, COL_SIGNALS
from verzuimdesk.ui.widgets.columns import SHARE_MIN, level
from verzuimdesk.ui.widgets.table_base import FEW_MOVES
from verzuimdesk.ui.widgets.todo_model import COL_ACTION as TODO_ACTION
from verzuimdesk.ui.widgets.todo_model import COL_REASON as TODO_REASON


def _shown(qtbot: QtBot, w: MainWindow, width: int) -> None:
    w.resize(width, 768)
    qtbot.waitUntil(lambda: w.overview_page.state.overview is not None)
    w.nav.setCurrentRow(MainWindow.PAGE_PUPILS)
    qtbot.waitUntil(lambda: w.pupils_page.table.model().rowCount() > 0)


def _widest_text(table: object, col: int) -> int:
    """The width the column's widest cell asks for."""
    model = table.model()  # type: ignore[attr-defined]
    return max(table.sizeHintForIndex(model.index(r, col)).width()  # type: ignore[attr-defined]
               for r in range(model.rowCount()))


def test_the_pupil_list_fits_1366_px_without_scrolling_sideways(qtbot: QtBot, demo_db: Path) -> None:
    w = desk(qtbot, demo_db)
    _shown(qtbot, w, 1366)
    table = w.pupils_page.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    for col in (COL_NAME, COL_DUE):  # a name and a date are never cut
        assert header.sectionSize(col) >= _widest_text(table, col)
    for col in (COL_REASON, COL_ACTION, COL_SIGNALS):
        assert header.sectionSize(col) >= SHARE_MIN


def test_a_wider_window_gives_the_long_texts_their_width_back(qtbot: QtBot, demo_db: Path) -> None:
    w = desk(qtbot, demo_db)
    _shown(qtbot, w, 1366)
    header = w.pupils_page.table.horizontalHeader()
    narrow = header.sectionSize(COL_ACTION)
    w.resize(2400, 900)
    qtbot.waitUntil(lambda: header.sectionSize(COL_ACTION) > narrow)
    assert header.sectionSize(COL_ACTION) >= _widest_text(w.pupils_page.table, COL_ACTION)
    table = w.pupils_page.table
    row = next(r for r in range(table.model().rowCount()) if table.model().index(r, COL_ACTION).data())
    index = table.model().index(row, COL_ACTION)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()  # the full text, when it is cut


def test_the_overview_reason_is_not_squeezed_by_a_long_action(qtbot: QtBot, demo_db: Path) -> None:
    w = desk(qtbot, demo_db)
    _shown(qtbot, w, 1366)
    w.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)
    table = w.overview_page.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.isVisible() and header.length() <= table.viewport().width())
    action, reason = header.sectionSize(TODO_ACTION), header.sectionSize(TODO_REASON)
    # the two share the room: neither is much more than the other unless it needs less
    assert reason >= min(action, _widest_text(table, TODO_REASON)) - 2
    index = table.model().index(0, TODO_ACTION)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_level_is_an_equal_share_of_the_room() -> None:
    assert level([100, 500, 500], 700) == 300  # the short one keeps its 100, the others 300 each
    assert level([100, 200], 1000) == 200  # room for all: each as wide as it wants
    assert level([400, 400], 300) == 150


def test_the_dossier_conversations_give_the_summary_its_share(qtbot: QtBot, demo_db: Path) -> None:
    """The participants of a ZAT meeting took 640 px and cut the summary after 40 characters."""
    from verzuimdesk.ui.dossier import open_dossier

    w = desk(qtbot, demo_db)
    _shown(qtbot, w, 1366)
    pid = next(r.pupil_id for r in w.overview_page.state.current().rows if r.number == "1027")
    d = open_dossier(w.ctx, pid, w)
    assert d is not None
    qtbot.addWidget(d)
    d.resize(1366, 768)
    tab = d.conversations
    d.tabs.setCurrentWidget(tab)
    table, header = tab.table, tab.table.horizontalHeader()
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() > 0)
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    participants, summary = header.sectionSize(2), header.sectionSize(3)
    assert summary >= participants - 2


def test_a_width_the_user_dragged_stays_when_the_list_changes(qtbot: QtBot, demo_db: Path) -> None:
    w = desk(qtbot, demo_db)
    _shown(qtbot, w, 1366)
    table = w.pupils_page.table
    header = table.horizontalHeader()
    header.resizeSection(COL_SIGNALS, 400)  # as a drag of the column's edge does
    w.pupils_page.search.setText("1027")  # fewer rows: the scroll bar goes, the viewport widens
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    w.resize(1500, 800)
    qtbot.waitUntil(lambda: table.viewport().width() > 1200)
    assert header.sectionSize(COL_SIGNALS) == 400


def test_a_pupil_typed_for_does_not_widen_a_long_action_past_its_share(qtbot: QtBot, demo_db: Path) -> None:
    """After a key the changed rows of Te doen are measured again, not the whole list: a long action among
    them ("Vervolgmelding bij DUO (...)") still only gets its share, and the reason keeps its room."""
    w = desk(qtbot, demo_db)
    _shown(qtbot, w, 1366)
    w.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)
    table, model = w.overview_page.table, w.overview_page.model
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.isVisible() and header.length() <= table.viewport().width())
    widest = max(range(model.rowCount()), key=lambda r: len(model.index(r, TODO_ACTION).data()))
    pid = model.item(widest).pupil_id
    before = w.overview_page.state.overview
    day = DEMO_TODAY - timedelta(days=1)
    while True:  # a schooldag before the peildatum that the pupil has no record on yet
        try:
            record_absence(w.ctx.db, pupil_id=pid, day=day, code="O", by=IB)
            break
        except Refused:
            day -= timedelta(days=1)
    w.ctx.changed(OpChanges(frozenset({pid})))
    qtbot.waitUntil(lambda: w.overview_page.state.overview is not before)
    assert model.item(widest) != before.todo[widest]  # its line changed (more hours): measured again
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    action, reason = header.sectionSize(TODO_ACTION), header.sectionSize(TODO_REASON)
    assert action < _widest_text(table, TODO_ACTION)  # cut, with its full text as the tooltip
    assert reason >= min(action, _widest_text(table, TODO_REASON)) - 2


def test_when_the_long_action_is_done_its_line_goes_and_the_reason_gets_its_room_back(
        qtbot: QtBot, demo_db: Path) -> None:
    """The DUO reports made take the long lines ("(Vervolg)melding bij DUO (...)") out of Te doen and the
    other lines stay as they were: the lines are removed, not the list reset, and the columns are fitted
    again to the lines that stay (the action's column narrows, the reason gets the room)."""
    w = desk(qtbot, demo_db)
    _shown(qtbot, w, 1366)
    w.nav.setCurrentRow(MainWindow.PAGE_OVERVIEW)
    page = w.overview_page
    table, model = page.table, page.model
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.isVisible() and header.length() <= table.viewport().width())
    before = page.state.overview
    assert before is not None
    long = {len(model.index(r, TODO_ACTION).data()) for r in range(model.rowCount())}
    stays = tuple(t for t in before.todo if t.kind is not ActionKind.DUO_REPORT)  # the long actions done
    assert 0 < len(before.todo) - len(stays) <= FEW_MOVES
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    page.show_overview(replace(before, todo=stays))
    assert not resets and model.rowCount() == len(stays)
    assert max(len(model.index(r, TODO_ACTION).data()) for r in range(model.rowCount())) < max(long)
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    action, reason = header.sectionSize(TODO_ACTION), header.sectionSize(TODO_REASON)
    assert action <= _widest_text(table, TODO_ACTION) + 2  # no wider than the actions left need
    assert reason >= min(action, _widest_text(table, TODO_REASON)) - 2
