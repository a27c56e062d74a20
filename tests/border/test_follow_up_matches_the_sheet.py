"""Te doen's "Vervolgmelding bij DUO" (RuleHit.follow_up) agrees with the DUO sheet the same open report
prints (domain/duo_sheet.py works it out its own way, from the restart history's previous report): on
every pupil of the demo school at a dozen peildata over the school year."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.conftest import DEMO_TODAY
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, duo_sheet
from verzuimdesk.domain.engine import status_of
from verzuimdesk.services.light_reason import hit_of
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school


def test_every_open_duo_report_is_a_vervolgmelding_exactly_when_its_sheet_says_so(demo: Any) -> None:
    with demo.read() as s:
        school = load_school(s)
        assert school is not None
        protocol = school_protocol(school.protocol, school.protocol_text)
        calendar = load_calendar(s)
        pupils = load_pupil_data(s)
    seen = {True: 0, False: 0}
    for weeks in range(0, 48, 4):
        on = DEMO_TODAY - timedelta(weeks=weeks)
        for p in pupils:
            ev = Evaluator(p, calendar, protocol)
            status = status_of(ev, on)
            for a in status.open_actions:
                if a.kind is not ActionKind.DUO_REPORT:
                    continue
                hit = hit_of(status, a)
                sheet = duo_sheet(Evaluator(p, calendar, protocol), on, a.rule_id)
                assert hit is not None and sheet is not None
                assert hit.follow_up == (sheet.kind == FOLLOW_UP), (p.number, on, a.rule_id)
                seen[hit.follow_up] += 1
    assert seen[True] and seen[False]  # the demo has both: the check compared something
