"""Candidates for the SWV list (PROTOCOLS.md §5) at the edges, and the engine's proposal to close a case."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from tests.domain.helpers import CAL, pupil, rec, schooldays
from verzuimdesk.domain.calendar import Span
from verzuimdesk.domain.candidates import candidate_at, close_proposal, period_candidate
from verzuimdesk.domain.leerplicht import Leerplicht
from verzuimdesk.domain.measures import PupilMeasures
from verzuimdesk.domain.records import Exemption

START = date(2025, 9, 8)  # five full lesweken before the herfstvakantie: 8 Sep .. 10 Oct 2025
FOUR_HOURS = replace(CAL, timetable={wd: (Span(time(8, 30), time(12, 30)),) for wd in range(5)},
                     group_timetables={})


def measures(records: list, cal=CAL, **kw):  # type: ignore[no-untyped-def]
    return PupilMeasures(replace(pupil(records), **kw), cal)


def test_every_day_sick_for_five_lesweken_is_a_b_candidate_with_the_numbers_behind_it() -> None:
    days = schooldays(START, 25)
    m = measures([rec(d, "Z") for d in days])
    assert candidate_at(m, days[19]) is None  # Friday 3 Oct: four lesweken
    found = candidate_at(m, days[20])  # Monday 6 Oct: the fifth lesweek holds that one day, all absent
    assert found is not None and found.day == date(2025, 10, 6)
    assert found.category == "B" and found.start == START
    assert found.weeks[0].monday == START and len(found.weeks) == 5
    assert found.absent == found.lestijd and found.unauthorised == 0


def test_exactly_half_of_the_absence_unauthorised_is_b_one_minute_more_is_a() -> None:
    days = list(FOUR_HOURS.schooldagen(START, date(2025, 10, 10)))

    def week(split: str) -> list:  # type: ignore[type-arg]
        out = []
        for d in days:
            if d.weekday() in (0, 1):
                out.append(rec(d, "O"))
            elif d.weekday() == 2:
                out += [rec(d, "O", "08:30", split), rec(d, "Z", split, "12:30")]
            else:
                out.append(rec(d, "Z"))
        return out

    half = candidate_at(measures(week("10:30"), FOUR_HOURS), days[-1])
    assert half is not None and 2 * half.unauthorised == half.absent and half.category == "B"
    more = candidate_at(measures(week("10:31"), FOUR_HOURS), days[-1])
    assert more is not None and more.category == "A"


def test_exactly_half_of_the_lestijd_absent_is_a_candidate() -> None:
    days = list(FOUR_HOURS.schooldagen(START, date(2025, 10, 10)))
    half = [rec(d, "?") for d in days if d.weekday() in (0, 1)] + [
        rec(d, "?", "08:30", "10:30") for d in days if d.weekday() == 2]
    found = candidate_at(measures(half, FOUR_HOURS), days[-1])
    assert found is not None and all(2 * w.absent == w.lestijd for w in found.weeks)
    assert found.category == "A"  # unexplained counts as unauthorised
    less = [*half[:-1], rec(days[-3], "?", "08:30", "10:29")]
    assert candidate_at(measures(less, FOUR_HOURS), days[-1]) is None


def test_morning_only_attendance_is_no_candidate_but_absence_every_morning_is() -> None:
    days = schooldays(START, 25)
    # At school 08:30-12:00, away 13:00-15:00: 8 of 25.75 hours a week absent.
    afternoons = [rec(d, "O", "13:00", "15:00") for d in days if d.weekday() != 2]
    assert candidate_at(measures(afternoons), days[-1]) is None
    # Away every morning, at school in the afternoon: 17.75 of 25.75 hours absent, part-day records count.
    mornings = [rec(d, "Z", "08:30", "12:15") for d in days]
    found = candidate_at(measures(mornings), days[-1])
    assert found is not None and found.category == "B"


def test_present_elsewhere_and_late_are_no_absence() -> None:
    days = schooldays(START, 25)
    assert candidate_at(measures([rec(d, "E") for d in days]), days[-1]) is None
    assert candidate_at(measures([rec(d, "T", late=200) for d in days]), days[-1]) is None


def test_a_vacation_inside_the_five_lesweken_does_not_break_the_series() -> None:
    days = schooldays(date(2025, 9, 29), 25)  # 29 Sep .. 7 Nov, the herfstvakantie in between
    found = candidate_at(measures([rec(d, "O") for d in days]), days[-1])
    assert found is not None and found.category == "A" and found.start == date(2025, 9, 29)
    assert date(2025, 10, 13) not in [w.monday for w in found.weeks]


def test_a_pupil_enrolled_for_fewer_than_five_lesweken_is_no_candidate() -> None:
    days = schooldays(date(2025, 9, 15), 20)  # 15 Sep .. 10 Oct: four lesweken, all absent
    m = measures([rec(d, "O") for d in days], enrolled_from=date(2025, 9, 15))
    assert candidate_at(m, days[-1]) is None
    assert period_candidate(m, date(2025, 9, 16), date(2025, 12, 15)) is None


def test_a_candidate_in_october_back_by_december_is_on_the_list_with_its_october_proposal() -> None:
    days = schooldays(date(2025, 9, 1), 30)  # 1 Sep .. 10 Oct ill, back after the herfstvakantie
    m = measures([rec(d, "Z") for d in days])
    assert candidate_at(m, date(2025, 12, 15)) is None
    found = period_candidate(m, date(2025, 9, 16), date(2025, 12, 15))
    assert found is not None
    assert found.day == date(2025, 10, 10) and found.start == date(2025, 9, 1) and found.category == "B"


def test_closing_is_proposed_once_the_pupil_attended_more_than_half_of_the_last_ten_schooldagen() -> None:
    days = schooldays(date(2025, 9, 1), 30)
    m = measures([rec(d, "Z") for d in days])
    # 6..10 Oct absent, 20..24 Oct at school: exactly half, not more.
    assert close_proposal(m, date(2025, 9, 1), date(2025, 10, 24)) is None
    found = close_proposal(m, date(2025, 9, 1), date(2025, 10, 27))
    assert found is not None
    assert found.end == date(2025, 10, 10)  # the last day still absent: the einddatum verzuim
    assert 2 * found.attended > found.lestijd
    assert close_proposal(m, date(2025, 10, 20), date(2025, 10, 27)) is None  # the case is younger than 10 days


def test_a_pupil_who_left_is_no_candidate_on_the_days_after_leaving() -> None:
    """Deregistered on Friday 10 Oct after five lesweken absent: a candidate on its last day, on the list of
    15 Dec; the quarter of 15 Mar holds no day of the enrolment, so not on that list (PROTOCOLS.md §5: a
    candidate "on a schooldag of its quarter")."""
    days = schooldays(START, 25)
    m = measures([rec(d, "O") for d in days], enrolled_until=date(2025, 10, 10))
    on_last_day = candidate_at(m, date(2025, 10, 10))
    assert on_last_day is not None and on_last_day.category == "A"
    assert candidate_at(m, date(2025, 10, 20)) is None  # after leaving
    found = period_candidate(m, date(2025, 9, 16), date(2025, 12, 15))
    assert found is not None and found.day == date(2025, 10, 10)
    assert period_candidate(m, date(2025, 12, 16), date(2026, 3, 15)) is None


def _leerplicht(start: date | None, *exemptions: tuple[date, date | None]) -> Leerplicht:
    return Leerplicht(start, None, tuple(Exemption(a, b, "5a") for a, b in exemptions))


def test_a_pupil_not_leerplichtig_is_never_proposed_as_category_a() -> None:
    """Cat. A is "een leer- of kwalificatieplichtige leerling ... zonder dat er vrijstelling is" (sources/004):
    five lesweken of unauthorised absence of a 4-year-old, or in a vrijstelling, is proposed as B."""
    days = schooldays(START, 25)
    m = measures([rec(d, "O") for d in days])
    assert candidate_at(m, days[-1]) is not None and candidate_at(m, days[-1]).category == "A"  # type: ignore[union-attr]
    for lp in (_leerplicht(date(2026, 1, 5)),  # a 4-year-old, leerplichtig from January
               _leerplicht(date(2020, 9, 1), (date(2025, 8, 25), date(2026, 7, 10)))):  # vrijstelling all year
        found = period_candidate(m, date(2025, 9, 16), date(2025, 12, 15), lp)
        assert found is not None and found.category == "B" and found.start == START
        assert found.outside == found.unauthorised == found.absent


def test_unauthorised_absence_before_leerplicht_does_not_make_an_a() -> None:
    """Leerplichtig from Monday 6 Oct, the fifth of five lesweken absent without leave: one lesweek of the
    absence is in leerplicht, so not more than half of it: B, not A with minutes from before leerplicht."""
    days = schooldays(START, 25)
    m = measures([rec(d, "O") for d in days])
    found = candidate_at(m, days[-1], _leerplicht(date(2025, 10, 6)))
    assert found is not None and found.category == "B" and 0 < found.outside < found.unauthorised


def test_the_start_of_an_a_is_no_day_before_leerplicht() -> None:
    """Absent without leave 1 Sep .. 28 Nov, leerplichtig from Wednesday 1 Oct: on 28 Nov the last five
    lesweken are all in leerplicht, an A whose start is 1 Oct, not 1 Sep."""
    days = list(CAL.schooldagen(date(2025, 9, 1), date(2025, 11, 28)))
    m = measures([rec(d, "O") for d in days])
    found = candidate_at(m, date(2025, 11, 28), _leerplicht(date(2025, 10, 1)))
    assert found is not None and found.category == "A" and found.start == date(2025, 10, 1)
    assert candidate_at(m, date(2025, 11, 28)).start == date(2025, 9, 1)  # type: ignore[union-attr]
