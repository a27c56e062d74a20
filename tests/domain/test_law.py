"""PROTOCOLS.md §1b at its edges: leerplicht, LUXE, LRV, the restart, one thuiszitter, the DUO sheet."""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays, whole_days
from verzuimdesk.domain.calendar import Period, SchoolCalendar, Span
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, LATE, LRV, LUXE, SIXTEEN_HOURS, duo_sheet
from verzuimdesk.domain.engine import Light, PupilStatus, evaluate
from verzuimdesk.domain.leerplicht import fifth_birthday, leerplicht_of
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import Exemption
from verzuimdesk.importers.protocol_files import load_protocol


def ids(status: PupilStatus) -> set[str]:
    return {h.rule_id for h in status.rules}


def kinds(status: PupilStatus, rule_id: str) -> list[ActionKind]:
    return [a.kind for a in status.actions if a.rule_id == rule_id]


def duo_actions(status: PupilStatus) -> list[str]:
    return [a.rule_id for a in status.actions if a.kind is ActionKind.DUO_REPORT]


# -- leerplicht ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("born", "start"), [
    (date(2020, 11, 1), date(2025, 12, 1)),  # 5 on the 1st of November: leerplichtig from December on
    (date(2020, 10, 31), date(2025, 11, 3)),  # 5 on 31 October: the first schooldag of November (a Monday)
    (date(2020, 9, 30), date(2025, 10, 1)),
    (date(2020, 12, 15), date(2026, 1, 5)),  # January's first schooldag, after the kerstvakantie
])
def test_leerplicht_starts_on_the_first_schooldag_of_the_month_after_the_fifth_birthday(born: date,
                                                                                     start: date) -> None:
    lp = leerplicht_of(pupil(birth_date=born), CAL)
    assert lp.start == start and lp.on(start) and not lp.on(date.fromordinal(start.toordinal() - 1))


def test_born_on_29_february_turns_five_on_1_march() -> None:
    assert fifth_birthday(date(2020, 2, 29)) == date(2025, 3, 1)


def test_no_birth_date_is_leerplichtig() -> None:
    lp = leerplicht_of(pupil(), CAL)
    assert lp.start is None and lp.on(date(2025, 9, 1))


def sixteen_hours_in_november() -> list:  # type: ignore[type-arg]
    return whole_days(date(2025, 11, 3), 4, "O")  # Mon–Thu 3–6 Nov: 20¼ h


def test_a_four_year_old_gets_no_duo_report_but_the_school_still_talks(hw: Protocol) -> None:
    kid = pupil(sixteen_hours_in_november(), birth_date=date(2020, 11, 1))  # leerplichtig from 1 Dec
    s = evaluate(kid, CAL, hw, date(2025, 11, 6))
    assert "HW-16U" not in ids(s) and not duo_actions(s)
    assert "HW-ONG" in ids(s) and "HW-ZAT" in ids(s)  # HW-ZAT uses HW-16U's plain condition
    assert s.light is Light.ORANGE


def test_absence_across_the_start_of_leerplicht_counts_from_that_start(hw: Protocol) -> None:
    # Born 31 Oct 2020: leerplichtig from Mon 3 Nov 2025. Mon–Fri 27–31 Oct (20¼ h + 5½) do not count.
    kid = pupil(whole_days(date(2025, 10, 27), 10, "O"), birth_date=date(2020, 10, 31))
    assert "HW-16U" not in ids(evaluate(kid, CAL, hw, date(2025, 10, 31)))
    s = evaluate(kid, CAL, hw, date(2025, 11, 5))  # 3–5 Nov: 14¾ h counted
    assert "HW-16U" not in ids(s) and "HW-ZAT" in ids(s)
    s = evaluate(kid, CAL, hw, date(2025, 11, 6))
    h = next(h for h in s.rules if h.rule_id == "HW-16U")
    assert (h.trigger_date, h.value) == (date(2025, 11, 6), 20.25)
    assert duo_actions(s) == ["HW-16U"]


def test_a_vrijstelling_makes_the_pupil_not_leerplichtig_for_its_period(hw: Protocol) -> None:
    vr = Exemption(date(2025, 11, 1), date(2025, 11, 30), "5a", "verklaring jeugdarts")
    p = pupil(sixteen_hours_in_november(), exemptions=(vr,))
    assert not duo_actions(evaluate(p, CAL, hw, date(2025, 11, 6)))
    after = pupil([*sixteen_hours_in_november(), *whole_days(date(2025, 12, 1), 4, "O")], exemptions=(vr,))
    s = evaluate(after, CAL, hw, date(2025, 12, 4))  # only December counts: 20¼ h on Thu 4 Dec
    assert next(h for h in s.rules if h.rule_id == "HW-16U").trigger_date == date(2025, 12, 4)


# -- LUXE ------------------------------------------------------------------------------------------


def test_a_luxe_episode_across_a_weekend_is_one_report(hw: Protocol) -> None:
    p = pupil([rec(date(2025, 9, 26), "X"), rec(date(2025, 9, 29), "X")])  # Fri and Mon
    s = evaluate(p, CAL, hw, date(2025, 9, 29))
    (h,) = [h for h in s.rules if h.rule_id == "LUXE"]
    assert (h.trigger_date, h.window_start, h.window_end, h.value) == (
        date(2025, 9, 26), date(2025, 9, 26), date(2025, 9, 29), 11.0)
    (a,) = [a for a in s.actions if a.rule_id == "LUXE"]
    assert a.legal and a.due_date == date(2025, 10, 3)  # 5 werkdagen
    sheet = duo_sheet(Evaluator(p, CAL, hw), date(2025, 9, 29))
    assert sheet is not None and sheet.rule_id == "LUXE" and sheet.kind == LUXE
    assert (sheet.begin, sheet.end, sheet.minutes, len(sheet.record_ids)) == (
        date(2025, 9, 26), date(2025, 9, 29), 660, 2)


def test_two_luxe_episodes_ask_for_two_reports(hw: Protocol) -> None:
    first = ev(date(2025, 9, 3), ActionKind.DUO_REPORT)
    p = pupil([rec(date(2025, 9, 1), "X"), rec(date(2025, 9, 10), "X")], [first])
    s = evaluate(p, CAL, hw, date(2025, 9, 10))
    luxe = [a for a in s.actions if a.rule_id == "LUXE"]
    assert [(a.trigger_date, a.done) for a in luxe] == [(date(2025, 9, 1), True), (date(2025, 9, 10), False)]
    assert s.light is Light.ORANGE
    late = evaluate(p, CAL, hw, date(2025, 9, 18))  # the second report's term of 5 werkdagen passed
    assert late.light is Light.RED


def test_luxe_is_legal_whatever_the_hours_and_only_for_a_leerplichtige(hw: Protocol) -> None:
    one_hour = [rec(date(2025, 9, 1), "X", "08:30", "09:30")]
    assert "LUXE" in ids(evaluate(pupil(one_hour), CAL, hw, date(2025, 9, 1)))
    kid = pupil(one_hour, birth_date=date(2021, 1, 10))
    assert "LUXE" not in ids(evaluate(kid, CAL, hw, date(2025, 9, 1)))


# -- LRV -------------------------------------------------------------------------------------------

HOURS4 = (Span(time(8, 30), time(12, 30)),)  # 4 h a day, 20 h a week: half is 10 h
SIMPLE = SchoolCalendar(school_years=(Period("2025-2026", date(2025, 8, 25), date(2026, 7, 10)),),
                        timetable={d: HOURS4 for d in range(5)})


def lrv_weeks(wed_end: str) -> list:  # type: ignore[type-arg]
    """Five lesweken from 1 Sep, each Mon and Tue whole and Wed 08:30 to `wed_end` unauthorised."""
    out = []
    for monday in schooldays(date(2025, 9, 1), 25)[::5]:
        out += [rec(monday, "O"), rec(date.fromordinal(monday.toordinal() + 1), "O"),
                rec(date.fromordinal(monday.toordinal() + 2), "O", "08:30", wed_end)]
    return out


def test_lrv_at_exactly_half_the_lestijd_does_not_hold(hw: Protocol) -> None:
    s = evaluate(pupil(lrv_weeks("10:30")), SIMPLE, hw, date(2025, 10, 3))
    assert "LRV" not in ids(s)


def test_lrv_at_more_than_half_holds_and_its_sheet_starts_with_the_series(hw: Protocol) -> None:
    p = pupil(lrv_weeks("10:31"))
    # The fifth lesweek counts up to the peildatum: on its Monday it is wholly absent, so LRV holds.
    s = evaluate(p, SIMPLE, hw, date(2025, 9, 29))
    h = next(h for h in s.rules if h.rule_id == "LRV")
    assert h.trigger_date == date(2025, 9, 29)
    assert "LRV" not in ids(evaluate(p, SIMPLE, hw, date(2025, 9, 26)))  # four lesweken only
    sheet = duo_sheet(Evaluator(p, SIMPLE, hw), date(2025, 10, 2), "LRV")
    assert sheet is not None and sheet.rule_id == "LRV" and sheet.kind == LRV
    assert sheet.begin == date(2025, 9, 1) and sheet.end is None  # still holds: "nog afwezig"
    assert sheet.minutes == 4 * (8 * 60 + 121) + 240 and len(sheet.record_ids) == 13  # up to the trigger
    report = ev(date(2025, 10, 2), ActionKind.DUO_REPORT)
    e = Evaluator(pupil(lrv_weeks("10:31"), [report]), SIMPLE, hw)
    again = duo_sheet(e, date(2025, 10, 2), "LRV")
    assert again is not None and again.report == report and again.end is None
    later = duo_sheet(e, date(2025, 10, 8), "LRV")  # the 6th lesweek has no absence: it stopped
    assert later is not None and later.report == report and later.end == date(2025, 10, 3)


def test_lrv_is_not_in_amsterdam_vo() -> None:
    am = load_protocol("amsterdam-vo")
    s = evaluate(pupil(lrv_weeks("10:31")), SIMPLE, am, date(2025, 10, 1))
    assert "LRV" not in ids(s)


# -- the restart after a report --------------------------------------------------------------------


def restart_case() -> tuple[list, object, object]:  # type: ignore[type-arg]
    # Mon 15 – Thu 18 Sep: 20¼ h, 16 h reached on Thu 18 Sep. Then Fri 19, Mon 22, Tue 23: 16½ h.
    first = ev(date(2025, 9, 22), ActionKind.DUO_REPORT)
    second = ev(date(2025, 9, 25), ActionKind.DUO_REPORT)
    return whole_days(date(2025, 9, 15), 7, "O"), first, second


def test_the_restart_counts_from_the_day_after_the_trigger_date_not_after_the_report(hw: Protocol) -> None:
    recs, first, _ = restart_case()
    p = pupil(recs, [first])  # type: ignore[list-item]
    s = evaluate(p, CAL, hw, date(2025, 9, 23))
    a = [a for a in s.actions if a.rule_id == "HW-16U"]
    # The absence of 19 and 22 Sep, between the trigger and the report, counts toward the next 16 hours.
    assert [(x.trigger_date, x.done) for x in a] == [(date(2025, 9, 23), False)]
    assert next(h for h in s.rules if h.rule_id == "HW-16U").value == 16.5


def test_a_sheet_from_the_trigger_printed_again_and_a_vervolgmelding(hw: Protocol) -> None:
    recs, first, second = restart_case()
    p = pupil(recs, [first, second])  # type: ignore[list-item]
    e = Evaluator(p, CAL, hw)
    one = duo_sheet(e, date(2025, 9, 22))  # printed again on the day it was registered
    assert one is not None and one.kind == SIXTEEN_HOURS and one.report == first
    assert (one.begin, one.end, one.minutes, len(one.record_ids)) == (date(2025, 9, 15), date(2025, 9, 18),
                                                                    1215, 4)
    two = duo_sheet(e, date(2025, 9, 25))
    assert two is not None and two.kind == FOLLOW_UP and two.previous == first and two.report == second
    assert (two.begin, two.end, two.minutes, len(two.record_ids)) == (date(2025, 9, 19), date(2025, 9, 23),
                                                                    990, 3)
    assert duo_sheet(e, date(2025, 10, 20)) == two  # later: the last report made


def test_the_open_sheet_lists_nothing_after_its_einddatum(hw: Protocol) -> None:
    recs, _, _ = restart_case()
    sheet = duo_sheet(Evaluator(pupil(recs), CAL, hw), date(2025, 9, 24))
    assert sheet is not None and sheet.report is None and sheet.end == date(2025, 9, 18)
    assert sheet.begin <= sheet.end and len(sheet.record_ids) == 4


def test_late_arrivals_are_overig_verzuim_not_legal_and_listed_each(hw: Protocol) -> None:
    lates = [rec(d, "T", late=10) for d in schooldays(date(2025, 9, 1), 10)]
    p = pupil(lates)
    s = evaluate(p, CAL, hw, date(2025, 9, 30))
    (a,) = [a for a in s.actions if a.rule_id == "HW-LATE"]
    assert not a.legal and a.overdue and s.light is Light.ORANGE
    sheet = duo_sheet(Evaluator(p, CAL, hw), date(2025, 9, 30))
    assert sheet is not None and sheet.kind == LATE and sheet.count == 9 and sheet.end == date(2025, 9, 11)
    assert sheet.begin == date(2025, 9, 1) and sheet.minutes == 90


def test_no_sheet_without_a_report_due_or_made(hw: Protocol) -> None:
    assert duo_sheet(Evaluator(pupil([rec(date(2025, 9, 1), "O")]), CAL, hw), date(2025, 9, 2)) is None


# -- a pupil who leaves --------------------------------------------------------------------------


def test_a_pupil_who_leaves_still_owes_the_legal_report_that_was_open(hw: Protocol) -> None:
    # 16 hours on Thu 6 Nov, no report, and the pupil leaves on Mon 10 Nov (a review found the duty gone:
    # grey, nothing to do, and no DUO sheet to print).
    left = pupil(sixteen_hours_in_november(), enrolled_until=date(2025, 11, 10))
    s = evaluate(left, CAL, hw, date(2025, 11, 25))
    assert s.light is Light.GREY and not s.enrolled
    assert [(a.rule_id, a.kind, a.done, a.overdue) for a in s.actions] == [
        ("HW-16U", ActionKind.DUO_REPORT, False, True)]  # only the legal report; the school's own steps end
    assert ids(s) == {"HW-16U"}  # the rule behind it, to explain it
    sheet = duo_sheet(Evaluator(left, CAL, hw), date(2025, 11, 25))
    assert sheet is not None and sheet.kind == SIXTEEN_HOURS and sheet.trigger == date(2025, 11, 6)
    assert sheet.minutes == 20.25 * 60
    reported = pupil(sixteen_hours_in_november(), [ev(date(2025, 11, 20), ActionKind.DUO_REPORT)],
                     enrolled_until=date(2025, 11, 10))  # reported after leaving: nothing owed any more
    s = evaluate(reported, CAL, hw, date(2025, 11, 25))
    assert s.light is Light.GREY and s.actions == () and s.rules == ()
    assert evaluate(left, CAL, hw, date(2025, 8, 1)).actions == ()  # before enrolment: nothing
