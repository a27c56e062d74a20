"""`verzuimdesk status` (the table) names a DUO report that follows an earlier one a vervolgmelding, as the
DUO sheet and the desk do; a first report stays "melden bij DUO"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.domain.helpers import CAL, ev, pupil, whole_days
from verzuimdesk.cli.status import render_table
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.importers.protocol_files import load_protocol
from verzuimdesk.services.status_read import PupilLight, SchoolStatus


def _line(reports: list[date], on: date) -> str:
    hw = load_protocol("hoeksche-waard-po")
    status = evaluate(pupil(whole_days(date(2025, 9, 15), 7, "O"), [ev(d, ActionKind.DUO_REPORT) for d in reports]),
                      CAL, hw, on)
    # only the DUO report open, so that it is the line's next action (the talk with the pupil is due first)
    status = replace(status, actions=tuple(a for a in status.actions if a.kind is ActionKind.DUO_REPORT))
    table = render_table(SchoolStatus(on, hw, (PupilLight(1, "2004", "Her Start", "5", status),)))
    return next(line for line in table.splitlines() if line.startswith("2004"))


def test_the_table_says_vervolgmelding_for_the_second_16_hours() -> None:
    assert "vervolgmelding bij DUO (via de leerlingadministratie, verzuimregister) vóór" in _line(
        [date(2025, 9, 19)], date(2025, 9, 23))


def test_the_first_report_stays_melden_bij_duo() -> None:
    line = _line([], date(2025, 9, 18))
    assert "melden bij DUO (via de leerlingadministratie, verzuimregister) vóór" in line
    assert "vervolgmelding" not in line
