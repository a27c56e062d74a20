"""A DUO report that follows an earlier one (PROTOCOLS.md §1b) is a vervolgmelding: the Te doen row says
so, as the DUO sheet it prints does (a new user saw only "Melden bij DUO" beside a PDF that said
vervolgmelding). A first report, and a te-laat report after an earlier one, stay "Melden bij DUO"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays, whole_days
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, SIXTEEN_HOURS, duo_sheet
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.importers.protocol_files import load_protocol
from verzuimdesk.services.overview import TodoItem, _pupil_parts, _todo_items
from verzuimdesk.services.status_codec import Decoder, encode
from verzuimdesk.services.status_read import PupilLight
from verzuimdesk.ui.app import install_translations
from verzuimdesk.ui.pupil_model import COL_ACTION as PUPIL_ACTION
from verzuimdesk.ui.pupil_model import PupilModel
from verzuimdesk.ui.widgets.table_base import PlainRowsModel
from verzuimdesk.ui.widgets.todo_model import COL_ACTION, TodoModel

# Unauthorised every schooldag from Mon 15 to Tue 23 Sep 2025: 16 h on Thu 18 Sep, reported Fri 19 Sep;
# counted again from Fri 19 Sep (the day after the first einddatum), 16 h once more on Tue 23 Sep.
FIRST, REPORTED, AGAIN = date(2025, 9, 18), date(2025, 9, 19), date(2025, 9, 23)


@pytest.fixture(scope="module")
def hw() -> Protocol:
    return load_protocol("hoeksche-waard-po")


def duo_items(hw: Protocol, on: date, reports: list[date]) -> list[TodoItem]:
    data = pupil(whole_days(date(2025, 9, 15), 7, "O"), [ev(d, ActionKind.DUO_REPORT) for d in reports])
    status = evaluate(data, CAL, hw, on)
    items = _todo_items(PupilLight(1, "1001", "Sem de Vries", "5a", status), status, hw)
    return [i for i in items if i.kind is ActionKind.DUO_REPORT]


def shown(model: PlainRowsModel, row: object, col: int) -> str:
    """The Dutch text the list shows in column `col` for `row` alone."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app)
    try:
        model.set_rows([row])
        return str(model.index(0, col).data())
    finally:
        for t in translators:
            app.removeTranslator(t)


def action_text(qtbot: QtBot, item: TodoItem) -> str:
    return shown(TodoModel(), item, COL_ACTION)


def test_the_first_report_is_melden_bij_duo(hw: Protocol, qtbot: QtBot) -> None:
    (item,) = duo_items(hw, FIRST, [])
    assert not item.follow_up
    assert action_text(qtbot, item).startswith("Melden bij DUO (via de leerlingadministratie")


def test_the_report_after_an_earlier_one_is_a_vervolgmelding_as_its_sheet_says(hw: Protocol, qtbot: QtBot) -> None:
    (item,) = duo_items(hw, AGAIN, [REPORTED])
    assert item.follow_up and item.trigger_date == AGAIN
    assert action_text(qtbot, item).startswith("Vervolgmelding bij DUO (via de leerlingadministratie")
    data = pupil(whole_days(date(2025, 9, 15), 7, "O"), [ev(REPORTED, ActionKind.DUO_REPORT)])
    sheet = duo_sheet(Evaluator(data, CAL, hw), AGAIN)
    assert sheet is not None and sheet.kind == FOLLOW_UP
    first = duo_sheet(Evaluator(data, CAL, hw), REPORTED)
    assert first is not None and first.kind == SIXTEEN_HOURS


def test_the_status_cache_keeps_that_it_is_a_vervolgmelding(hw: Protocol) -> None:
    data = pupil(whole_days(date(2025, 9, 15), 7, "O"), [ev(REPORTED, ActionKind.DUO_REPORT)])
    status = evaluate(data, CAL, hw, AGAIN)
    assert any(h.follow_up for h in status.rules)
    back, _hours, _episodes, _part = Decoder(hw, AGAIN)(encode(status, 0.0, 0))
    assert back == status


def test_a_te_laat_report_after_an_earlier_one_stays_melden_bij_duo(hw: Protocol, qtbot: QtBot) -> None:
    """HW-LATE restarts after a report too, but its sheet is "overig verzuim: te laat komen", never a
    vervolgmelding: late 9 times from 1 Sep 2025, reported, then late 9 times more."""
    days = schooldays(date(2025, 9, 1), 18)
    report = days[9]  # the day after the ninth late arrival
    data = pupil([rec(d, "T", late=10) for d in days], [ev(report, ActionKind.DUO_REPORT)])
    on = days[-1]
    status = evaluate(data, CAL, hw, on)
    late = [h for h in status.rules if h.rule_id == "HW-LATE"]
    assert late and not any(h.follow_up for h in late)
    items = [i for i in _todo_items(PupilLight(1, "1001", "Sem de Vries", "5a", status), status, hw)
             if i.kind is ActionKind.DUO_REPORT]
    assert items and not any(i.follow_up for i in items)
    assert action_text(qtbot, items[0]).startswith("Melden bij DUO (via de leerlingadministratie")


def test_the_pupil_list_says_vervolgmelding_for_a_next_action_that_is_one(hw: Protocol, qtbot: QtBot) -> None:
    """On 1 Oct 2025 the vervolgmelding is overdue and decides the light (red): the list's next action."""
    data = pupil(whole_days(date(2025, 9, 15), 7, "O"), [ev(REPORTED, ActionKind.DUO_REPORT)])
    status = evaluate(data, CAL, hw, date(2025, 10, 1))
    row, _attention, _todo = _pupil_parts(PupilLight(1, "1001", "Sem de Vries", "5a", status), hw, str, False)
    assert row.next_follow_up
    assert shown(PupilModel(), row, PUPIL_ACTION).startswith("Vervolgmelding bij DUO")
