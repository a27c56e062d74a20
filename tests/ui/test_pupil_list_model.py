"""The Leerlingen list updates in place when the same pupils come back with new figures: the rows
that changed repaint, the sort order stays right, and the IB-er's selection stays where it was."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from verzuimdesk.domain.engine import Light
from verzuimdesk.services.overview import PupilDeskRow
from verzuimdesk.ui.pupil_model import COL_HOURS, ROW_ID_ROLE, SORT_ROLE, PupilFilter, PupilModel


def row(pupil_id: int, hours: float, light: Light = Light.GREEN) -> PupilDeskRow:
    return PupilDeskRow(pupil_id, str(1000 + pupil_id), f"Kind {pupil_id}", f"{pupil_id}, kind", "5a", light, "",
                        None, None, False, hours, 0)


def listed(view: QTableView, role: int) -> list[object]:
    proxy = view.model()
    return [proxy.index(r, COL_HOURS).data(role) for r in range(proxy.rowCount())]


def test_new_figures_keep_the_sort_order_and_the_selection(qtbot: QtBot) -> None:
    model, proxy, view = PupilModel(), PupilFilter(), QTableView()
    qtbot.addWidget(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(COL_HOURS, Qt.SortOrder.DescendingOrder)
    model.set_rows([row(0, 1.0), row(1, 3.0), row(2, 2.0)])
    view.setCurrentIndex(proxy.index(1, 0))  # the pupil with 2 hours
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    model.set_rows([row(0, 4.0), row(1, 3.0), row(2, 7.0)])  # two pupils changed at once

    assert listed(view, SORT_ROLE) == [7.0, 4.0, 3.0]
    assert view.currentIndex().data(ROW_ID_ROLE) == 2  # still the same pupil, now at the top
    assert resets == []  # updated in place, not rebuilt
    rng = random.Random(7)
    for _ in range(50):
        hours = [rng.choice([0.0, 1.5, 2.0, 5.5, 8.0, 16.0]) for _ in range(12)]
        model.set_rows([row(i, h) for i, h in enumerate(hours)])
        assert listed(view, SORT_ROLE) == sorted(hours, reverse=True)


def test_a_few_pupils_in_or_out_move_those_rows_and_other_pupils_rebuild_the_list(qtbot: QtBot) -> None:
    model = PupilModel()
    resets: list[int] = []
    came: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, _last: came.append(first))
    model.set_rows([row(0, 1.0), row(1, 2.0), row(3, 1.0)])
    assert model.set_rows([row(0, 1.0), row(2, 2.0), row(3, 4.0)]) == [1, 2]  # 1 out, 2 in, 3 changed
    assert (len(resets), came) == (1, [1])
    assert [model.index(r, 0).data(ROW_ID_ROLE) for r in range(3)] == [0, 2, 3]
    assert model.index(2, COL_HOURS).data(SORT_ROLE) == 4.0
    model.set_rows([row(3, 1.0), row(0, 1.0)])  # the order of those who stay changed: rebuilt
    model.set_rows([row(i, 1.0) for i in range(10, 40)])  # all others: rebuilt
    assert len(resets) == 3
    assert [model.index(r, 0).data(ROW_ID_ROLE) for r in range(30)] == list(range(10, 40))


def test_a_pupil_coming_in_keeps_the_selection_on_its_pupil(qtbot: QtBot) -> None:
    model, proxy, view = PupilModel(), PupilFilter(), QTableView()
    qtbot.addWidget(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    model.set_rows([row(i, 1.0) for i in (1, 3, 5, 7)])
    view.selectRow(2)  # pupil 5
    model.set_rows([row(i, 1.0) for i in (0, 1, 3, 4, 5, 7)])
    assert view.currentIndex().data(ROW_ID_ROLE) == 5
    assert [proxy.index(r, 0).data(ROW_ID_ROLE) for r in range(6)] == [0, 1, 3, 4, 5, 7]
