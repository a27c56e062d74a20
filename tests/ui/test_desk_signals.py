
"""Signals in the desk: the overview's Let op list (sortable, opens the dossier at its Signalen), the
dossier's Signalen tab with evidence dates that open the registration grid, the pupil list's column."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from tests.ui.test_desk_overview import TODAY
from verzuimdesk.demo import generate_demo
from verzuimdesk.ui.dossier import open_dossier
from verzuimdesk.ui.dossier.signals_tab import DATE_ROLE
from verzuimdesk.ui.dossier.window import TAB_SIGNALS, DossierWindow
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pupil_model import COL_NUMBER, COL_SIGNALS
from verzuimdesk.ui.widgets.attention_model import COL_PUPIL, ROW_ID_ROLE
from verzuimdesk.ui.widgets.attention_model import COL_SIGNALS as ATT_SIGNALS

STORIES = generate_demo(size=200, today=TODAY).signal_stories
SHOTS = os.environ.get("VERZUIMDESK_SHOTS")  # a folder: save the screens there to look at them


def _pupil_id(window: MainWindow, number: str) -> int:
    m = window.pupils_page.table.model()
    for r in range(m.rowCount()):
        if m.index(r, COL_NUMBER).data() == number:
            return int(m.index(r, 0).data(Qt.ItemDataRole.UserRole + 1))
    raise AssertionError(number)


def test_let_op_lists_pupils_with_a_signal_and_no_open_action(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.overview_page.attention
    table = panel.table
    m = table.model()
    assert m.rowCount() >= 5 and panel.title.text().startswith("Look out")
    items = {it.number: it for it in window.overview_page.state.current().attention}
    weekday = items[STORIES["signal_weekday"]]
    assert "Patroon op een weekdag" in weekday.signals
    assert STORIES["signal_suspended"] in items  # suspended, yet nothing is asked: green
    # a pupil with an open action is in Te doen, not in Let op
    todo = {t.number for t in window.overview_page.state.current().todo}
    assert not todo & set(items)
    table.sortByColumn(ATT_SIGNALS, Qt.SortOrder.DescendingOrder)
    counts = [len(str(m.index(r, ATT_SIGNALS).data()).split(", ")) for r in range(m.rowCount())]
    assert counts == sorted(counts, reverse=True)
    table.sortByColumn(COL_PUPIL, Qt.SortOrder.AscendingOrder)
    names = [str(m.index(r, COL_PUPIL).data()).lower() for r in range(m.rowCount())]
    assert names == sorted(names)
    if SHOTS:
        window.resize(1366, 768)
        window.grab().save(os.path.join(SHOTS, "overview_let_op.png"))
    # Enter on a line opens that pupil's dossier at its Signalen
    table.setCurrentIndex(m.index(0, 0))
    pid = m.index(0, 0).data(ROW_ID_ROLE)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    win = next(w for w in window.findChildren(DossierWindow) if w.pupil_id == pid)
    assert win.tabs.currentIndex() == TAB_SIGNALS


def test_the_dossier_shows_each_signal_with_its_evidence_and_the_grid_follows(window: MainWindow) -> None:
    pid = _pupil_id(window, STORIES["signal_weekday"])
    win = open_dossier(window.ctx, pid, window, action="signals")
    assert isinstance(win, DossierWindow)
    assert win.tabs.tabText(TAB_SIGNALS).replace("&", "") == "Signals (1)"
    tree = win.signals.tree
    top = tree.topLevelItem(0)
    assert top.text(0).startswith("Patroon op een weekdag: Vaak afwezig op maandag")
    dates = [top.child(i).data(0, DATE_ROLE) for i in range(top.childCount()) if top.child(i).data(0, DATE_ROLE)]
    assert len(dates) == 3 and all(d.weekday() == 0 for d in dates)
    assert "16 uur op" in win.signals.forecast.text()
    if SHOTS:
        win.resize(1100, 720)
        win.grab().save(os.path.join(SHOTS, "dossier_signalen.png"))
    child = next(top.child(i) for i in range(top.childCount()) if top.child(i).data(0, DATE_ROLE) == dates[1])
    win.signals.tree.itemActivated.emit(child, 0)
    grid = window.page_widgets[window.PAGE_REGISTRATION]
    assert window.nav.currentRow() == window.PAGE_REGISTRATION
    assert grid.monday == dates[1] and grid.group.currentText() == win.data.dossier.pupil.group


def test_the_pupil_list_has_a_signals_column(window: MainWindow) -> None:
    m = window.pupils_page.table.model()
    by_number = {m.index(r, COL_NUMBER).data(): m.index(r, COL_SIGNALS).data() for r in range(m.rowCount())}
    assert by_number[STORIES["signal_part_of_day"]] == "Steeds hetzelfde lesuur"
    assert sum(1 for v in by_number.values() if v) <= len(by_number) / 5


def test_a_zat_preparation_of_the_selected_pupils(window: MainWindow, tmp_path: Path) -> None:
    from tests.reports.conftest import flat, pdf_text

    page = window.pupils_page
    table = page.table
    m = table.model()
    wanted = {STORIES["signal_weekday"], STORIES["signal_suspended"]}
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in range(m.rowCount()):
        if m.index(r, COL_NUMBER).data() in wanted:
            table.selectionModel().select(m.index(r, 0), flags)
    assert set(page.selected_numbers()) == wanted
    out = page.save_zat(tmp_path / "zat.pdf")
    assert out == tmp_path / "zat.pdf"
    text = flat(pdf_text(out))
    assert "ZAT-voorbereiding (intern)" in text and "Patroon op een weekdag" in text and "Schorsing" in text
