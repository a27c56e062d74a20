"""Half-weeks of PROTOCOLS.md §1b: the last 5 lesweken, each more than (LRV) or at least (candidates) half absent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from tests.domain.helpers import CAL, pupil, rec, schooldays
from verzuimdesk.domain.calendar import Span
from verzuimdesk.domain.halfweeks import CANDIDATE_CATEGORIES, LRV_CATEGORIES, half_week_index
from verzuimdesk.domain.measures import PupilMeasures

# Five full lesweken before the herfstvakantie: 8 Sep .. 10 Oct 2025 (25 schooldagen).
START = date(2025, 9, 8)


def index(records: list, categories=LRV_CATEGORIES, **kw):  # type: ignore[no-untyped-def]
    p = pupil(records, **{k: v for k, v in kw.items() if k in {"group"}})
    if "enrolled_from" in kw:
        p = replace(p, enrolled_from=kw["enrolled_from"])
    return half_week_index(PupilMeasures(p, CAL), categories)


def test_every_day_absent_for_five_lesweken_holds_from_the_first_day() -> None:
    days = schooldays(START, 25)
    hw = index([rec(d, "O") for d in days]).at(days[-1], strict=True)
    assert hw is not None
    assert [w.monday for w in hw.weeks] == [date(2025, 9, 8), date(2025, 9, 15), date(2025, 9, 22),
                                            date(2025, 9, 29), date(2025, 10, 6)]
    assert hw.series_start == START
    assert len(hw.record_ids) == 25


def test_mornings_only_is_more_than_half_of_a_day_of_five_and_a_half_hours() -> None:
    # 08:30-12:00 is 3.5 of 5.5 hours on Mon/Tue/Thu/Fri, and all 3.75 hours on Wednesday.
    days = schooldays(START, 25)
    hw = index([rec(d, "O", "08:30", "12:00") for d in days]).at(days[-1], strict=True)
    assert hw is not None


def test_exactly_half_is_a_candidate_but_not_lrv() -> None:
    # Four hours every weekday: a lesweek of 20 h; Monday, Tuesday and Wednesday 08:30-10:30 are 10 h.
    four = (Span(time(8, 30), time(12, 30)),)
    cal = replace(CAL, timetable={wd: four for wd in range(5)}, group_timetables={})
    days = list(cal.schooldagen(START, date(2025, 10, 10)))
    half = [rec(d, "O") for d in days if d.weekday() in (0, 1)] + [
        rec(d, "O", "08:30", "10:30") for d in days if d.weekday() == 2]
    ix = half_week_index(PupilMeasures(pupil(half), cal), LRV_CATEGORIES)
    assert all(w.absent * 2 == w.lestijd for w in (ix.week(k, days[-1]) for k in range(2, 7)) if w)
    assert ix.at(days[-1], strict=False) is not None
    assert ix.at(days[-1], strict=True) is None
    one_more = half + [rec(d, "O", "10:30", "10:31") for d in days if d.weekday() == 2]
    assert half_week_index(PupilMeasures(pupil(one_more), cal), LRV_CATEGORIES).at(days[-1], strict=True)


def test_a_vacation_week_is_no_lesweek_and_the_window_reaches_past_it() -> None:
    # 29 Sep .. 10 Oct and 20 Oct .. 7 Nov: the herfstvakantie lies between, the five lesweken span it.
    days = schooldays(date(2025, 9, 29), 25)
    assert days[10] == date(2025, 10, 20)
    hw = index([rec(d, "?") for d in days]).at(days[-1], strict=True)
    assert hw is not None
    assert hw.weeks[0].monday == date(2025, 9, 29) and hw.weeks[2].monday == date(2025, 10, 20)


def test_the_current_lesweek_counts_only_up_to_the_peildatum() -> None:
    days = schooldays(START, 21)  # the fifth week holds only its Monday, absent
    hw = index([rec(d, "O") for d in days]).at(days[-1], strict=True)
    assert hw is not None
    assert hw.weeks[-1].first == hw.weeks[-1].last == date(2025, 10, 6)


def test_fewer_than_five_lesweken_of_enrolment_do_not_hold() -> None:
    days = schooldays(START, 25)
    ix = index([rec(d, "O") for d in days], enrolled_from=date(2025, 9, 15))
    assert ix.at(days[-1], strict=True) is None
    assert ix.at(schooldays(START, 30)[-1], strict=True) is None  # the sixth week is not absent


def test_a_week_below_half_breaks_the_series() -> None:
    days = schooldays(START, 25)
    records = [rec(d, "O") for d in days if not (date(2025, 9, 15) <= d <= date(2025, 9, 19))]
    assert index(records).at(days[-1], strict=True) is None


def test_candidates_count_sickness_and_lrv_does_not() -> None:
    days = schooldays(START, 25)
    records = [rec(d, "Z") for d in days]
    assert index(records).at(days[-1], strict=True) is None
    got = index(records, CANDIDATE_CATEGORIES).at(days[-1], strict=False)
    assert got is not None and got.series_start == START


def test_the_series_start_reaches_back_past_the_five_weeks() -> None:
    days = schooldays(date(2025, 9, 1), 35)  # seven lesweken absent
    hw = index([rec(d, "O") for d in days]).at(days[-1], strict=True)
    assert hw is not None
    assert hw.weeks[0].monday == date(2025, 9, 15)
    assert hw.series_start == date(2025, 9, 1)
