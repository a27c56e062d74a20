"""Leerplicht and the 16-hour sheet at awkward dates (PROTOCOLS.md §1b), read as the law reads them
(Leerplichtwet art. 3: "de eerste schooldag van de maand volgende op die waarin het de leeftijd van vijf
jaren heeft bereikt")."""

from __future__ import annotations

from datetime import date

import pytest

from tests.domain.helpers import CAL, pupil, rec
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import SIXTEEN_HOURS, duo_sheet
from verzuimdesk.domain.leerplicht import leerplicht_of
from verzuimdesk.domain.protocol import Protocol


@pytest.mark.parametrize(("born", "start"), [
    # 29 Feb 2020: 5 on 1 March 2025 (no 29 Feb that year; the Dutch reading), so leerplichtig in April
    (date(2020, 2, 29), date(2025, 4, 1)),
    (date(2021, 2, 28), date(2026, 3, 2)),  # March's first schooldag is a Monday
    (date(2020, 7, 10), date(2025, 8, 25)),  # 5 on the last schooldag before summer: from the first after it
    (date(2020, 8, 1), date(2025, 9, 1)),  # 5 in the summer vacation, on the 1st: September, not August
    (date(2021, 1, 1), date(2026, 2, 2)),  # 5 on New Year's Day, in the kerstvakantie
    (date(2021, 1, 31), date(2026, 2, 2)),
])
def test_leerplicht_starts_as_the_law_says(born: date, start: date) -> None:
    assert leerplicht_of(pupil(birth_date=born), CAL).start == start


def test_a_sixteen_hour_window_across_the_herfstvakantie(hw: Protocol) -> None:
    # Thu 9 and Fri 10 Oct, the herfstvakantie, then Mon 20 and Tue 21 Oct: 16 hours reached on Monday.
    recs = [rec(date(2025, 10, 9), "O"), rec(date(2025, 10, 10), "O"), rec(date(2025, 10, 20), "O"),
            rec(date(2025, 10, 21), "O")]
    sheet = duo_sheet(Evaluator(pupil(recs), CAL, hw), date(2025, 10, 22), "HW-16U")
    assert sheet is not None and sheet.kind == SIXTEEN_HOURS
    assert (sheet.begin, sheet.end, sheet.minutes, len(sheet.record_ids)) == (
        date(2025, 10, 9), date(2025, 10, 20), 990, 3)  # Tuesday's record came after the einddatum
    assert sheet.due == date(2025, 10, 27)  # 5 werkdagen


def test_part_day_absence_is_summed_in_minutes_not_rounded_per_day(hw: Protocol) -> None:
    # 1 h 40 min late start every schooldag from 1 Sep: 16 h are reached on the 10th day (16 h 40 min).
    from tests.domain.helpers import schooldays

    recs = [rec(d, "O", "08:30", "10:10") for d in schooldays(date(2025, 9, 1), 12)]
    sheet = duo_sheet(Evaluator(pupil(recs), CAL, hw), date(2025, 9, 16), "HW-16U")
    assert sheet is not None and (sheet.end, sheet.minutes, len(sheet.record_ids)) == (date(2025, 9, 12), 1000, 10)
