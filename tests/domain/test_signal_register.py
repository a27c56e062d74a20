"""MISSING_DATA's `registratie` days read back from the peildatum are the group's last schooldagen before it,
as the group's index of every schooldag has them: on every day of the year, for a group with its own
timetable and one without, across vacations and before the first school year."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.domain.helpers import CAL
from verzuimdesk.domain.signal_register import recent_schooldagen


def from_the_index(group: str, peil: date, n: int) -> tuple[date, ...]:
    days = CAL.group_days(group)
    end = days.last_index(peil)
    if end >= 0 and days.days[end] == peil:
        end -= 1
    return days.days[max(end + 1 - n, 0):end + 1]


@pytest.mark.parametrize("group", ["1-2", "8"])
def test_the_days_before_the_peildatum_are_the_index_s(group: str) -> None:
    first = min(y.start for y in CAL.school_years)
    last = max(y.end for y in CAL.school_years)
    peil = first - timedelta(days=20)
    while peil <= last + timedelta(days=20):
        for n in (0, 1, 10, 40):
            assert recent_schooldagen(CAL, group, peil, n) == from_the_index(group, peil, n), (group, peil, n)
        peil += timedelta(days=1)
