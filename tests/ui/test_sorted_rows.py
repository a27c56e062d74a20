""""Let op" sorts its own rows (issue 20): the same order a sort proxy gave (stable, ties in the order the
rows came, descending too), and new figures for the same pupils keep the selection on its pupil."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from verzuimdesk.domain.engine import Light
from verzuimdesk.services.overview import AttentionItem
from verzuimdesk.ui.widgets.attention_model import (
    COL_GROUP,
    COL_LATEST,
    COL_PUPIL,
    COL_SIGNALS,
    ROW_ID_ROLE,
    SORT_ROLE,
    AttentionModel,
)


def item(pid: int, signals: int, group: str = "5") -> AttentionItem:
    return AttentionItem(pid, str(1000 + pid), f"Kind {pid % 7}", group, Light.GREEN,
                         tuple(f"signaal {i}" for i in range(signals)), "tekst", date(2026, 1, 1 + pid % 20))


def shown(view: QTableView) -> list[int]:
    m = view.model()
    return [m.index(r, 0).data(ROW_ID_ROLE) for r in range(m.rowCount())]


def test_the_order_is_the_one_a_sort_proxy_gives(qtbot: QtBot) -> None:
    rng = random.Random(20)
    rows = [item(pid, rng.randrange(4), rng.choice("345")) for pid in range(1, 120)]
    ours, view = AttentionModel(), QTableView()
    qtbot.addWidget(view)
    view.setModel(ours)
    view.setSortingEnabled(True)
    source, proxy, other = AttentionModel(), QSortFilterProxyModel(), QTableView()
    qtbot.addWidget(other)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    other.setModel(proxy)
    other.setSortingEnabled(True)
    ours.set_rows(rows)
    source.set_rows(rows)
    for col in (COL_SIGNALS, COL_PUPIL, COL_GROUP, COL_LATEST):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            view.sortByColumn(col, order)
            other.sortByColumn(col, order)
            assert shown(view) == shown(other), (col, order)


def test_new_figures_for_the_same_pupils_keep_the_selection(qtbot: QtBot) -> None:
    model, view = AttentionModel(), QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(COL_SIGNALS, Qt.SortOrder.DescendingOrder)
    rows = [item(pid, pid % 3) for pid in range(1, 30)]
    model.set_rows(rows)
    view.selectRow(shown(view).index(7))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    moved = [item(7, 5) if r.pupil_id == 7 else r for r in rows]  # pupil 7 gets more signals: to the top
    assert model.set_rows(moved) == [0]
    assert shown(view)[0] == 7 and resets == []
    assert view.currentIndex().data(ROW_ID_ROLE) == 7
    assert [i.data(ROW_ID_ROLE) for i in view.selectionModel().selectedRows()] == [7]
