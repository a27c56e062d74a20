from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL, pupil, rec
from verzuimdesk.domain.measures import PupilMeasures, absent_minutes

G = CAL.group_days("5")


def test_whole_day_record_counts_the_whole_lestijd() -> None:
    assert absent_minutes(rec(date(2025, 9, 1), "O"), G) == 330
    assert absent_minutes(rec(date(2025, 9, 3), "O"), G) == 225


def test_part_day_record_counts_only_lesson_minutes() -> None:
    # 11:00-14:00 overlaps 11:00-12:00 and 13:00-14:00; the lunch break is no lestijd.
    assert absent_minutes(rec(date(2025, 9, 1), "O", "11:00", "14:00"), G) == 120


def test_late_minutes_are_no_absent_minutes() -> None:
    assert absent_minutes(rec(date(2025, 9, 1), "T", late=20), G) == 0


def test_record_on_a_day_without_lessons_counts_nothing() -> None:
    assert absent_minutes(rec(date(2025, 10, 14), "O"), G) == 0


def test_part_day_records_covering_all_lessons_make_a_whole_absent_day() -> None:
    p = pupil([rec(date(2025, 9, 1), "O", "08:30", "12:00"), rec(date(2025, 9, 1), "Z", "13:00", "15:00")])
    m = PupilMeasures(p, CAL)
    assert [(G.days[a], G.days[b]) for a, b in m.runs] == [(date(2025, 9, 1), date(2025, 9, 1))]


def test_part_day_record_not_covering_all_lessons_is_no_whole_absent_day() -> None:
    m = PupilMeasures(pupil([rec(date(2025, 9, 1), "O", "08:30", "12:00")]), CAL)
    assert m.runs == []


def test_sick_episode_runs_over_a_weekend_and_a_studiedag() -> None:
    p = pupil([rec(date(2025, 11, 13), "Z"), rec(date(2025, 11, 17), "Z")])
    m = PupilMeasures(p, CAL)
    assert len(m.episodes) == 1
    first, last = m.current_episode(date(2025, 11, 17)) or (0, 0)
    assert (G.days[first], G.days[last]) == (date(2025, 11, 13), date(2025, 11, 17))


def test_present_elsewhere_breaks_no_attendance_restoration() -> None:
    p = pupil([rec(date(2025, 9, 1), "E"), rec(date(2025, 9, 2), "T", late=5)])
    assert PupilMeasures(p, CAL).restored(date(2025, 9, 3))
