"""The school's figures over time, derived by hand for a small school (November 2025 of CAL).

November 2025: Mondays 3, 10, 17, 24; Tuesdays 4, 11, 18, 25; Wednesdays 5, 12, 19, 26; Thursdays 6,
13, 20, 27; Fridays 7, 14 (studiedag), 21, 28. Group 5 has 330 minutes a day, 225 on Wednesday; group
1-2 has mornings only (210), 225 on Wednesday and no lessons on Friday.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from tests.domain.helpers import CAL, FULL_DAY, ev, pupil, rec
from verzuimdesk.domain.calendar import Period
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.engine import Light, evaluate
from verzuimdesk.domain.trends import CaseSpan, Figures, compute_trends, periods, year_before

NOV = (date(2025, 11, 1), date(2025, 11, 30))


def _school():
    a = pupil([rec(date(2025, 11, 3), "Z"), rec(date(2025, 11, 4), "O", "08:30", "10:30"),
               rec(date(2025, 11, 5), "?"), rec(date(2025, 11, 6), "T", late=10),
               rec(date(2025, 11, 14), "Z")],  # the studiedag: no schooldag, no minutes
              [ev(date(2025, 11, 20), ActionKind.DUO_REPORT)])
    b = dataclasses.replace(pupil([rec(date(2025, 11, 10), "O"), rec(date(2025, 11, 18), "V")]),
                            enrolled_from=date(2025, 11, 17))  # enrols on Monday 17 November
    c = pupil([rec(date(2025, 11, 7), "S"), rec(date(2025, 11, 20), "Z")],
              enrolled_until=date(2025, 11, 12))  # leaves on Wednesday 12 November
    d = pupil([rec(date(2025, 11, 3), "O", "08:30", "15:00"), rec(date(2025, 11, 7), "Z")], group="1-2")
    cases = [CaseSpan(a.id, date(2025, 11, 10)), CaseSpan(d.id, date(2025, 9, 1), date(2025, 11, 25))]
    return [a, b, c, d], cases


def test_the_figures_of_a_small_school_in_a_month_derived_by_hand(hw):
    pupils, cases = _school()
    trends = compute_trends(pupils, CAL, hw, cases, start=NOV[0], end=NOV[1], per="maand")
    assert trends.groups == ("1-2", "5")
    (period,) = trends.periods
    assert (period.current.start, period.current.end, period.current.label) == (*NOV, "nov 2025")
    five, small = period.current.groups["5"], period.current.groups["1-2"]
    # a: 12 × 330 (Mon/Tue/Thu) + 3 × 330 (Fridays but the studiedag) + 4 × 225 = 5850
    # b from 17 Nov: 6 × 330 + 2 × 330 + 2 × 225 = 3090; c until 12 Nov: 6 × 330 + 2 × 225 = 2430
    assert five.lestijd == 5850 + 3090 + 2430
    assert small.lestijd == 12 * 210 + 4 * 225  # no Fridays
    # a's sick day, b's verlof (not the O before enrolling), a's two hours O, a's ?, c's schorsing
    # (not the Z after leaving); the studiedag's Z counts nowhere
    assert five.absent == (330, 330, 120, 225, 330)
    assert small.absent == (0, 0, 210, 0, 0)  # the afternoon is no lestijd, Friday has no lessons
    assert five.percentage(Category.SICK) == 2.9 and five.percentage(Category.UNAUTHORISED) == 1.1
    assert five.percentage(Category.UNEXPLAINED) == 2.0
    assert five.percentage() == round(100 * 1335 / 11370, 1)
    assert (five.late, small.late) == (1, 0)
    assert (five.pupils_absent, small.pupils_absent) == (3, 1)
    assert (five.duo_reports, five.cases_opened, five.cases_closed) == (1, 1, 0)
    assert (small.duo_reports, small.cases_opened, small.cases_closed) == (0, 0, 1)
    assert period.current.school == five + small
    assert period.previous is None  # the calendar holds no school year before


def test_the_lights_at_each_period_end_are_the_engines_of_that_day(hw):
    pupils, cases = _school()
    trends = compute_trends(pupils, CAL, hw, cases, start=date(2025, 10, 1), end=NOV[1], per="maand")
    october, november = (p.current for p in trends.periods)
    # 31 October: no records yet, b not yet enrolled: three green pupils
    assert october.school.lights == (3, 0, 0)
    # 30 November: c has left (grey, not counted); the others as the engine sees them that day
    expected = [evaluate(p, CAL, hw, NOV[1]).light for p in pupils]
    assert expected[2] is Light.GREY
    assert sum(november.school.lights) == 3
    for light in (Light.GREEN, Light.ORANGE, Light.RED):
        assert november.school.light_count(light) == expected.count(light)
    assert october.school.absent == (0, 0, 0, 0, 0) and october.school.lestijd > 0
    # the whole range as one period: sums of the minutes, the lights of its last day
    total = trends.total.current.school
    assert (total.lestijd, total.absent) == (october.school.lestijd + november.school.lestijd, november.school.absent)
    assert total.lights == november.school.lights and total.pupils_absent == 4


def test_the_previous_school_year_stands_beside_each_period_where_there_was_lestijd(hw):
    cal = dataclasses.replace(CAL, school_years=(Period("2024-2025", date(2024, 8, 26), date(2025, 7, 11)),
                                                 *CAL.school_years))
    p = dataclasses.replace(pupil([rec(date(2024, 11, 4), "Z"), rec(date(2025, 11, 3), "O")]),
                            enrolled_from=date(2024, 8, 26))
    trends = compute_trends([p], cal, hw, [], start=date(2025, 11, 1), end=date(2025, 11, 30), per="maand")
    (period,) = trends.periods
    assert period.previous is not None
    assert (period.previous.start, period.previous.end) == (date(2024, 11, 1), date(2024, 11, 30))
    assert period.previous.school.absent == (330, 0, 0, 0, 0)
    assert period.current.school.absent == (0, 0, 330, 0, 0)
    # November 2024: Mon 4 … 25 (4), Tue 5 … 26 (4), Thu 7 … 28 (4), Fri 1 … 29 (5), Wed 6 … 27 (4)
    assert period.previous.school.lestijd == 17 * 330 + 4 * 225


def test_periods_are_cut_to_the_range_and_weeks_step_back_to_the_same_iso_week():
    assert periods(date(2025, 9, 15), date(2026, 1, 10), "kwartaal") == [
        (date(2025, 9, 15), date(2025, 9, 30)), (date(2025, 10, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 1, 10))]
    assert periods(date(2025, 9, 15), date(2026, 8, 3), "schooljaar") == [
        (date(2025, 9, 15), date(2026, 7, 31)), (date(2026, 8, 1), date(2026, 8, 3))]
    assert periods(date(2025, 11, 12), date(2025, 11, 20), "week")[0] == (date(2025, 11, 12), date(2025, 11, 16))
    assert year_before(date(2025, 11, 10), "week") == date(2024, 11, 11)  # Monday of week 46 both years
    assert year_before(date(2026, 12, 28), "week") is None  # week 53 of 2026; 2025 had 52


def test_a_day_counts_no_more_than_its_lestijd(hw):
    p = pupil([rec(date(2025, 11, 3), "Z"), rec(date(2025, 11, 3), "O", "08:30", "10:00")])
    trends = compute_trends([p], CAL, hw, [], start=NOV[0], end=NOV[1], per="maand")
    assert sum(trends.periods[0].current.school.absent) == sum(s.minutes for s in FULL_DAY)
    assert Figures().percentage() == 0.0  # no lestijd: no percentage, no division by zero
