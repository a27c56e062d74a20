"""A legal report to DUO stays asked until it is made (a review of the law at the border): an unreported
16 hours, luxe episode or LRV no longer vanished once its rule stopped holding, turning the light green and
the DUO sheet into "geen DUO-melding open". The duty does not end with the count (PROTOCOLS.md §1b), as it
does not end when the pupil leaves."""

from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL, ev, pupil, rec
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import LRV, LUXE, duo_sheet
from verzuimdesk.domain.engine import Light, evaluate
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import Exemption


def owed(status) -> list[tuple[str, date, bool]]:  # type: ignore[no-untyped-def]
    return [(a.rule_id, a.trigger_date, a.overdue) for a in status.actions
            if a.kind is ActionKind.DUO_REPORT and not a.done]


def test_an_unreported_luxe_episode_stays_owed_after_four_lesweken(hw: Protocol) -> None:
    recs = [rec(date(2025, 9, 5), "X"), rec(date(2025, 9, 8), "X")]
    p = pupil(recs)
    later = evaluate(p, CAL, hw, date(2025, 11, 3))
    assert owed(later) == [("LUXE", date(2025, 9, 5), True)] and later.light is Light.RED
    sheet = duo_sheet(Evaluator(p, CAL, hw), date(2025, 11, 3))
    assert sheet is not None and (sheet.kind, sheet.begin, sheet.end, sheet.minutes) == (
        LUXE, date(2025, 9, 5), date(2025, 9, 8), 660)
    reported = pupil(recs, [ev(date(2025, 11, 3), ActionKind.DUO_REPORT)])
    assert owed(evaluate(reported, CAL, hw, date(2025, 11, 3))) == []


def test_lrv_that_stopped_without_a_report_is_still_owed_with_its_sheet(hw: Protocol) -> None:
    # Absent every schooldag from 1 Sep to the herfstvakantie (LRV from Mon 29 Sep), back after it.
    days = list(CAL.schooldagen(date(2025, 9, 1), date(2025, 10, 10), "5"))
    recs = [rec(d, "O") for d in days]
    p = pupil(recs)
    status = evaluate(p, CAL, hw, date(2025, 11, 3))
    assert ("LRV", date(2025, 9, 29), True) in owed(status)
    sheet = duo_sheet(Evaluator(p, CAL, hw), date(2025, 11, 3), "LRV")
    assert sheet is not None and (sheet.kind, sheet.begin, sheet.end) == (LRV, date(2025, 9, 1), date(2025, 10, 10))
    # a report on or after its trigger answers it (the 16 hours, reached anew every few days of a continued
    # absence after each report, are vervolgmeldingen of their own)
    reported = pupil(recs, [ev(date(2025, 10, 1), ActionKind.DUO_REPORT)])
    assert [o for o in owed(evaluate(reported, CAL, hw, date(2025, 11, 3))) if o[0] == "LRV"] == []


def test_a_report_owed_is_not_asked_of_a_pupil_not_leerplichtig_at_the_peildatum(hw: Protocol) -> None:
    # §1b: DUO takes reports of leerplichtige pupils only; a vrijstelling from 8 Sep on.
    recs = [rec(d, "O") for d in CAL.schooldagen(date(2025, 9, 1), date(2025, 9, 4), "5")]
    free = pupil(recs, exemptions=(Exemption(date(2025, 9, 8), None, "5a", ""),))
    assert owed(evaluate(free, CAL, hw, date(2025, 11, 3))) == []
    assert owed(evaluate(pupil(recs), CAL, hw, date(2025, 11, 3))) == [("HW-16U", date(2025, 9, 4), True)]


def test_a_trigger_of_an_earlier_school_year_is_owed_no_more(hw: Protocol) -> None:
    # History imported from the LAS holds last year's luxe day, whose report went to DUO through the LAS and is
    # not in the database: it does not keep the pupil red in the new school year. This year's is owed.
    from dataclasses import replace

    from verzuimdesk.domain.calendar import Period

    two = replace(CAL, school_years=(Period("2024-2025", date(2024, 8, 26), date(2025, 7, 11)),
                                     *CAL.school_years))
    p = replace(pupil([rec(date(2025, 6, 6), "X"), rec(date(2025, 9, 5), "X")]), enrolled_from=date(2024, 8, 26))
    assert [o[:2] for o in owed(evaluate(p, two, hw, date(2025, 6, 30)))] == [("LUXE", date(2025, 6, 6))]
    assert [o[:2] for o in owed(evaluate(p, two, hw, date(2025, 11, 3)))] == [("LUXE", date(2025, 9, 5))]
