"""The rules of one absence as values, without a file (issue 17): what the grid and the CSV import share."""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.domain.helpers import calendar_2025
from verzuimdesk.domain.absence_checks import AbsenceEntry, PupilKnown, absence_problems
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import Category

CODES = {"Z": Category.SICK, "T": Category.LATE}
PUPIL = PupilKnown("5", date(2025, 8, 1), None)


@pytest.fixture
def calendar() -> SchoolCalendar:
    return calendar_2025()


def problems(entry: AbsenceEntry, calendar: SchoolCalendar) -> list[tuple[str, str]]:
    return absence_problems(entry, number="1001", pupil=PUPIL, codes=CODES, calendar=calendar)


def test_a_sound_entry_has_no_problem(calendar: SchoolCalendar) -> None:
    assert problems(AbsenceEntry(date(2025, 11, 3), "Z"), calendar) == []
    assert problems(AbsenceEntry(date(2025, 11, 3), "t", minutes_late=5), calendar) == []


def test_each_rule_names_its_column(calendar: SchoolCalendar) -> None:
    assert problems(AbsenceEntry(date(2025, 11, 3), "Q"), calendar)[0][0] == "code"
    assert problems(AbsenceEntry(date(2025, 11, 3), "Z", time(9), None), calendar) == [
        ("tot", "vul van en tot allebei in, of geen van beide (hele dag)")]
    assert problems(AbsenceEntry(date(2025, 11, 3), "Z", time(10), time(9)), calendar) == [("tot", "ligt niet na van")]
    assert [c for c, _ in problems(AbsenceEntry(date(2025, 11, 3), "T", minutes_late=0), calendar)] == [
        "minuten_te_laat"]
    assert problems(AbsenceEntry(date(2025, 11, 8), "Z"), calendar) == [
        ("datum", "2025-11-08 is geen schooldag voor groep 5: valt in het weekend")]
    assert problems(AbsenceEntry(date(2025, 7, 1), "Z"), calendar)[0][0] == "datum"
