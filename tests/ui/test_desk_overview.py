"""The IB-er's desk on the demo school: the Overzicht's counts and Te-doen list, the Leerlingen list with its
filters, search and keyboard, and the peildatum that looks back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import DEMO_TODAY, PATIENCE_MS
from tests.ui.conftest import desk
from verzuimdesk.domain.engine import Light
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, Role
from verzuimdesk.storage.database import open_database
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pupil_model import COL_ACTION, COL_DUE, COL_GROUP, COL_LIGHT, COL_NAME, COL_NUMBER, ROW_ID_ROLE
from verzuimdesk.ui.widgets.todo_model import COL_ACTION as TODO_ACTION
from verzuimdesk.ui.widgets.todo_model import COL_DUE as TODO_DUE
from verzuimdesk.ui.widgets.todo_model import COL_PUPIL

TODAY = DEMO_TODAY


def rows(w: MainWindow, col: int) -> list[str]:
    m = w.pupils_page.table.model()
    return [m.index(r, col).data() for r in range(m.rowCount())]


def row_of(w: MainWindow, number: str) -> int:
    return rows(w, COL_NUMBER).index(number)


def cell(w: MainWindow, number: str, col: int) -> str:
    m = w.pupils_page.table.model()
    return m.index(row_of(w, number), col).data()


def test_overview_counts_the_lights_of_the_demo_school(window: MainWindow) -> None:
    counts = window.overview_page.counts
    assert counts[Light.RED].text() == "2\nRed"
    # orange: three patterns, and demo.law's kleuter (not leerplichtig: no DUO report, but the ZAT talk)
    assert counts[Light.ORANGE].text() == "4\nOrange"
    assert counts[Light.GREEN].text() == "193\nGreen"
    assert counts[Light.GREY].text() == "1\nNot enrolled"
    assert window.pages.currentWidget() is window.overview_page


def test_todo_lists_every_open_action_overdue_first(window: MainWindow) -> None:
    m = window.overview_page.table.model()
    dues = [m.index(r, TODO_DUE).data() for r in range(m.rowCount())]
    assert m.rowCount() == 13  # Guus's two calls to the parents are one row (below); the kleuter's ZAT talk
    overdue = [d.endswith("overdue") for d in dues]
    assert overdue == sorted(overdue, reverse=True) and overdue.count(True) == 8
    first_duo = next(r for r in range(m.rowCount()) if "Vince Huisman" in m.index(r, COL_PUPIL).data())
    assert m.index(first_duo, TODO_ACTION).data() == "Report to DUO (via the pupil administration, verzuimregister) (legal)"
    assert m.index(first_duo, TODO_DUE).data() == "do 19 nov 2026 — overdue"
    assert m.index(first_duo, 3).data() == "16 uur ongeoorloofd verzuim in 4 lesweken (18,5 uur)"  # its Dutch name
    assert m.index(first_duo, 5).data() == "IB-er / directie"


def test_todo_gives_one_row_per_action_kind_of_a_pupil_with_every_reason(window: MainWindow) -> None:
    m = window.overview_page.table.model()
    guus = [r for r in range(m.rowCount()) if "Guus ten Brink" in m.index(r, COL_PUPIL).data()]
    actions = [m.index(r, TODO_ACTION).data() for r in guus]
    assert actions.count("Contact the parents") == 1  # two `?` days, one call to the parents
    row = guus[actions.index("Contact the parents")]
    assert m.index(row, 3).data() == "Afwezig, reden onbekend (4 nov 2026, 16 nov 2026)"  # both days named
    wessel = next(r for r in range(m.rowCount()) if "Wessel Peters" in m.index(r, COL_PUPIL).data()
                  and m.index(r, TODO_ACTION).data() == "Contact the parents")
    assert m.item(wessel).reasons == ("Afwezig, reden onbekend (20 nov 2026)", "Ongeoorloofd verzuim (1 keer)")
    assert m.index(wessel, 3).data() == "Afwezig, reden onbekend (20 nov 2026); Ongeoorloofd verzuim (1 keer)"


def test_main_reason_is_the_rule_that_makes_the_light_red(window: MainWindow) -> None:
    # Guus is a thuiszitter: the thuiszitter rule and its open report to the SWV decide red, not the
    # first rule found (his talk with the pupil, also overdue but not legal).
    assert cell(window, "1027", COL_LIGHT) == "Red"
    assert cell(window, "1027", 4).startswith("Thuiszitter (")
    assert cell(window, "1027", COL_ACTION) == "Report to the SWV"
    # Vince is red for the overdue legal DUO report.
    assert cell(window, "1015", 4).startswith("16 uur ongeoorloofd verzuim in 4 lesweken")


def test_clicking_a_count_shows_those_pupils(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.overview_page.counts[Light.RED], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.pupils_page
    assert sorted(rows(window, COL_NUMBER)) == ["1015", "1027"]
    assert set(rows(window, COL_LIGHT)) == {"Red"}  # the word, not colour alone
    window.pupils_page.show_light(None)
    assert len(rows(window, COL_NUMBER)) == 200


def test_pupil_list_shows_reason_next_action_and_figures(window: MainWindow) -> None:
    assert cell(window, "1015", COL_ACTION) == "Report to DUO (via the pupil administration, verzuimregister)"
    assert cell(window, "1015", COL_DUE) == "do 19 nov 2026"
    assert cell(window, "1015", 7) == "18,5"
    assert cell(window, "1128", 8) == "4"
    assert cell(window, "1022", COL_LIGHT) == "Orange"


def test_filter_by_group_and_search_narrow_each_other(window: MainWindow, qtbot: QtBot) -> None:
    page = window.pupils_page
    page.group.setCurrentIndex(page.group.findData("8"))
    assert set(rows(window, COL_GROUP)) == {"8"}
    qtbot.keyClicks(page.search, "1015")
    assert rows(window, COL_NAME) == ["Vince Huisman"]
    page.search.clear()
    qtbot.keyClicks(page.search, "huis")
    assert rows(window, COL_NAME) == ["Vince Huisman"]
    assert page.count.text() == "1 pupil"


def test_keyboard_only_from_search_to_dossier(window: MainWindow, qtbot: QtBot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr("verzuimdesk.ui.dossier.open_dossier", lambda ctx, pupil_id, parent: opened.append(pupil_id))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.pupils_page.search, "Vince Huis")
    qtbot.keyClick(window.pupils_page.search, Qt.Key.Key_Down)
    assert window.pupils_page.table.hasFocus()
    qtbot.keyClick(window.pupils_page.table, Qt.Key.Key_Return)
    assert opened == [15]


def test_sorting_by_light_puts_red_first(window: MainWindow) -> None:
    window.pupils_page.table.sortByColumn(COL_LIGHT, Qt.SortOrder.AscendingOrder)
    assert rows(window, COL_LIGHT)[:5] == ["Red", "Red", "Orange", "Orange", "Orange"]


def test_peildatum_looks_back(window: MainWindow, qtbot: QtBot) -> None:
    window.peildatum.setDate(date(2026, 10, 1))
    qtbot.waitUntil(lambda: cell(window, "1015", COL_LIGHT) == "Green", timeout=PATIENCE_MS)
    assert window.overview_page.counts[Light.RED].text().startswith("0\n")
    assert cell(window, "1015", COL_LIGHT) == "Green"
    assert "do 1 okt 2026" in window.overview_page.title.text()
    window.peildatum.setDate(TODAY)
    qtbot.waitUntil(lambda: cell(window, "1015", COL_LIGHT) == "Red", timeout=PATIENCE_MS)


def test_a_teacher_sees_only_own_groups(qtbot: QtBot, demo_db: Path) -> None:
    w = desk(qtbot, demo_db, Account("juf", "Juf Ans", Role.TEACHER, ("8",)))
    assert set(rows(w, COL_GROUP)) == {"8"}
    assert w.overview_page.counts[Light.RED].text().startswith("1\n")
    m = w.overview_page.table.model()
    assert all("Guus ten Brink" not in m.index(r, COL_PUPIL).data() for r in range(m.rowCount()))


def test_row_ids_are_pupil_ids(window: MainWindow) -> None:
    m = window.pupils_page.table.model()
    assert m.index(row_of(window, "1015"), 0).data(ROW_ID_ROLE) == 15


def test_a_large_school_is_recomputed_off_the_gui_thread(window: MainWindow, qtbot: QtBot) -> None:
    from verzuimdesk.ui.context import Changed

    state = window.overview_page.state
    state.large_school = True  # as if the school had ten thousand pupils
    before = state.overview
    window.ctx.changed(Changed.pupils(15))  # a small change, but reading the whole school back is not
    assert state.overview is before  # the GUI thread did not wait for it
    qtbot.waitUntil(lambda: state.overview is not before, timeout=PATIENCE_MS)


def test_the_lights_follow_on_the_gui_thread_unless_a_worker_is_already_computing(qtbot: QtBot, demo_db: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to a few pupils is answered at once; while a worker computes the whole school (a new
    peildatum), the next answer waits for a worker too instead of computing the cold school again on
    the GUI thread, and only the newest answer is shown."""
    import threading

    from verzuimdesk.ui.context import Changed
    from verzuimdesk.ui.desk_state import DeskState

    ctx = AppContext(open_database(str(demo_db)), SCHOOL_WIDE)
    ctx.set_peildatum(TODAY)
    state = DeskState.of(ctx)
    state.current()
    on_gui: list[bool] = []
    release = threading.Event()
    compute = state._compute

    def watched() -> object:
        gui = threading.current_thread() is threading.main_thread()
        on_gui.append(gui)
        if not gui:
            release.wait(10)
        return compute()

    state._compute = watched  # type: ignore[method-assign]
    import verzuimdesk.ui.desk_state as desk_state

    update = desk_state.desk_update  # a few pupils: only they are evaluated, the other lines kept
    monkeypatch.setattr(desk_state, "desk_update", lambda *a, **k: (
        on_gui.append(threading.current_thread() is threading.main_thread()), update(*a, **k))[1])
    shown: list[date] = []
    state.updated.connect(lambda o: shown.append(o.peildatum))

    ctx.changed(Changed.pupils(15))  # a few pupils, nothing running: at once, on the GUI thread
    assert on_gui == [True] and shown == [TODAY]
    ctx.set_peildatum(date(2026, 10, 1))  # a new peildatum: on a worker
    ctx.changed(Changed.pupils(15))  # while that worker runs
    release.set()
    qtbot.waitUntil(lambda: state._running == 0, timeout=PATIENCE_MS)
    assert on_gui == [True, False, False]
    assert shown == [TODAY, date(2026, 10, 1)]  # the older worker's answer was dropped
    ctx.db.close()


def test_new_lines_above_the_chosen_action_keep_it_in_sight(window: MainWindow, qtbot: QtBot) -> None:
    """A key in the grid that gives other pupils new open actions puts lines in above the one the IB-er
    chose: the selection stays on it (no reset) and it stays in sight (a new user saw it pushed below)."""
    page = window.overview_page
    table, model = page.table, page.model
    qtbot.waitUntil(lambda: page.state.overview is not None and table.isVisible() and model.rowCount() > 6)
    viewport = table.viewport().rect()
    shown = [r for r in range(model.rowCount()) if viewport.contains(table.visualRect(model.index(r, 0)))]
    last = shown[-1]
    table.setCurrentIndex(model.index(last, COL_PUPIL))
    chosen = model.item(last)
    before = page.state.overview
    assert before is not None
    new = tuple(replace(t, pupil_id=9000 + i, number=str(9000 + i)) for i, t in enumerate(before.todo[:2]))
    page.show_overview(replace(before, todo=new + before.todo))
    current = table.currentIndex()
    assert model.item(current.row()) == chosen  # the same action, two lines further down
    assert viewport.intersects(table.visualRect(current))
