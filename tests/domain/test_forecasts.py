"""Forecasts of SIGNALS.md: the first day of the 16-hour rule under whole-day unauthorised absence,
the 21st day of a run, the next reference date."""

from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import status_of
from verzuimdesk.domain.forecasts import Forecast, forecast, next_reference
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import AbsenceRecord, Event

D = date


def fc(hw: Protocol, records: list[AbsenceRecord], peil: date, events: list[Event] | None = None) -> Forecast:
    e = Evaluator(pupil(records, events or []), CAL, hw)
    return forecast(e, status_of(e, peil))


def test_across_a_wednesday_of_375_hours(hw: Protocol) -> None:
    # From Mon 1 Dec: 5.5 + 5.5 + 3.75 = 14.75 hours on Wednesday, 20.25 on Thursday.
    assert fc(hw, [], D(2025, 11, 28)).hours_16_on == D(2025, 12, 4)
    # 1.25 hours already in the window: the Wednesday reaches exactly 16.
    assert fc(hw, [rec(D(2025, 11, 25), "O", "08:30", "09:45")], D(2025, 11, 28)).hours_16_on == D(2025, 12, 3)
    assert fc(hw, [rec(D(2025, 11, 25), "O", "08:30", "09:44")], D(2025, 11, 28)).hours_16_on == D(2025, 12, 4)


def test_without_records_the_day_follows_the_group_and_the_enrolment(hw: Protocol) -> None:
    """Pupils without an unauthorised record share one computation per group, peildatum and last day:
    asked in turns, each still gets its own group's day."""
    def day(**kw: object) -> date | None:
        e = Evaluator(pupil([rec(D(2025, 11, 20), "Z")], **kw), CAL, hw)  # type: ignore[arg-type]
        return forecast(e, status_of(e, D(2025, 11, 28))).hours_16_on

    for _ in range(2):
        assert day() == D(2025, 12, 4)
        # groep 1-2 has mornings only and no Friday: 3.5 + 3.5 + 3.75 + 3.5 hours, then Monday 8 Dec
        assert day(group="1-2") == D(2025, 12, 8)
        # leaving on Wednesday 3 Dec: 14.75 hours at the most, never 16
        assert day(enrolled_until=D(2025, 12, 3)) is None


def test_across_a_vacation(hw: Protocol) -> None:
    # The kerstvakantie (20 Dec - 4 Jan) holds no lesweek: the window reaches back past it.
    assert fc(hw, [], D(2025, 12, 19)).hours_16_on == D(2026, 1, 8)
    before = [rec(D(2025, 12, 18), "O"), rec(D(2025, 12, 19), "O")]  # 11 hours
    assert fc(hw, before, D(2025, 12, 19)).hours_16_on == D(2026, 1, 5)
    # a peildatum inside the vacation counts from the first schooldag after it
    assert fc(hw, before, D(2025, 12, 27)).hours_16_on == D(2026, 1, 5)


def test_the_window_drops_old_records(hw: Protocol) -> None:
    # 11 hours on Mon 3 and Tue 4 Nov; from week 49 on the window of 4 lesweken starts on 10 Nov.
    old = [rec(D(2025, 11, 3), "O"), rec(D(2025, 11, 4), "O")]
    assert fc(hw, old, D(2025, 11, 28)).hours_16_on == D(2025, 12, 4)
    # the same records a week later still count on the Monday
    recent = [rec(D(2025, 11, 10), "O"), rec(D(2025, 11, 11), "O")]
    assert fc(hw, recent, D(2025, 11, 28)).hours_16_on == D(2025, 12, 1)


def test_none_when_it_holds_already_or_never_in_the_school_year(hw: Protocol) -> None:
    three = [rec(d, "O") for d in schooldays(D(2025, 11, 24), 3)]  # 14.75 h ... 5.5 more
    assert fc(hw, [*three, rec(D(2025, 11, 27), "O")], D(2025, 11, 28)).hours_16_on is None
    assert fc(hw, [], D(2026, 7, 10)).hours_16_on is None  # the last schooldag of the year
    assert fc(hw, [], D(2026, 7, 20)).hours_16_on is None  # in the summer break
    assert fc(hw, [], D(2026, 7, 7)).hours_16_on is None  # four schooldagen left: 20.25 h needs the fourth


def test_a_report_restarts_the_count(hw: Protocol) -> None:
    # Fri 31 Oct - Wed 5 Nov: 20.25 hours, the 16 hours reached on Tuesday 4 Nov (the trigger)
    recs = [rec(d, "O") for d in schooldays(D(2025, 10, 31), 4)]
    assert fc(hw, recs, D(2025, 11, 7)).hours_16_on is None  # the rule holds
    # On Mon 24 Nov the window (from 3 Nov) holds 14.75 of those hours: unreported, Tuesday reaches 16
    assert fc(hw, recs, D(2025, 11, 24)).hours_16_on == D(2025, 11, 25)
    # reported on 6 Nov: counting starts again after the trigger date, so of those only Wednesday's
    # 3.75 hours count: 3.75 + 5.5 + 3.75 + 5.5 reaches 16 on Thursday 27 Nov
    reported = [ev(D(2025, 11, 6), ActionKind.DUO_REPORT)]
    assert fc(hw, recs, D(2025, 11, 24), reported).hours_16_on == D(2025, 11, 27)


def test_none_for_a_pupil_not_yet_leerplichtig(hw: Protocol) -> None:
    from dataclasses import replace

    e = Evaluator(replace(pupil([]), birth_date=D(2021, 3, 1)), CAL, hw)  # five on 1 Mar 2026: from 1 Apr
    assert forecast(e, status_of(e, D(2025, 11, 28))).hours_16_on is None
    e = Evaluator(replace(pupil([]), birth_date=D(2020, 3, 1)), CAL, hw)
    assert forecast(e, status_of(e, D(2025, 11, 28))).hours_16_on == D(2025, 12, 4)


def test_thuiszitter_on_is_the_21st_day_of_the_current_run(hw: Protocol) -> None:
    run = schooldays(D(2025, 11, 17), 5)
    got = fc(hw, [rec(d, "Z") for d in run], D(2025, 11, 21))
    assert got.thuiszitter_on == schooldays(D(2025, 11, 17), 21)[-1]
    # back on Friday: no current run
    assert fc(hw, [rec(d, "Z") for d in run[:4]], D(2025, 11, 21)).thuiszitter_on is None
    long = schooldays(D(2025, 9, 1), 21)
    assert fc(hw, [rec(d, "Z") for d in long], long[-1]).thuiszitter_on is None  # already 21


def test_next_reference_date() -> None:
    assert next_reference(D(2025, 11, 13)) == (D(2025, 12, 15), 32)
    assert next_reference(D(2025, 12, 15)) == (D(2025, 12, 15), 0)
    assert next_reference(D(2026, 6, 16)) == (D(2026, 9, 15), 91)
