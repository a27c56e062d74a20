"""Every report DUO gets has a sheet of its own (PROTOCOLS.md §1b). A pupil who owes two reports on one
date, or whose one registered report answered two actions, gets a sheet for each: two luxe episodes split
by a sick day are two reports of luxeverzuim, and a luxe episode that starts on the day 16 hours are
reached is a luxe report beside the 16-hour one."""

from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL, ev, pupil, rec
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import LUXE, SIXTEEN_HOURS, duo_sheet, duo_sheets
from verzuimdesk.domain.protocol import Protocol

# Luxe on Mon 15 and Tue 16 June 2026, ill on Wed 17, luxe again on Thu 18 June's morning (3.5 h).
SPLIT = [rec(date(2026, 6, 15), "X"), rec(date(2026, 6, 16), "X"), rec(date(2026, 6, 17), "Z"),
         rec(date(2026, 6, 18), "X", "08:30", "12:00")]


def figures(sheets: tuple) -> list[tuple[str, date, date | None, int]]:  # type: ignore[type-arg]
    return [(s.kind, s.begin, s.end, s.minutes) for s in sheets]


def test_two_luxe_episodes_owed_on_one_day_are_two_sheets(hw: Protocol) -> None:
    e = Evaluator(pupil(SPLIT), CAL, hw)
    assert figures(duo_sheets(e, date(2026, 6, 19))) == [
        (LUXE, date(2026, 6, 15), date(2026, 6, 16), 660), (LUXE, date(2026, 6, 18), date(2026, 6, 18), 210)]


def test_one_report_that_answered_both_episodes_reprints_both(hw: Protocol) -> None:
    report = ev(date(2026, 6, 19), ActionKind.DUO_REPORT)
    e = Evaluator(pupil(SPLIT, [report]), CAL, hw)
    for on in (date(2026, 6, 19), date(2026, 6, 22)):  # on the day of the report, and later for the file
        sheets = duo_sheets(e, on)
        assert figures(sheets) == [(LUXE, date(2026, 6, 15), date(2026, 6, 16), 660),
                                   (LUXE, date(2026, 6, 18), date(2026, 6, 18), 210)]
        assert all(s.report == report for s in sheets)


def test_the_trigger_date_chooses_one_episode(hw: Protocol) -> None:
    report = ev(date(2026, 6, 19), ActionKind.DUO_REPORT)
    e = Evaluator(pupil(SPLIT, [report]), CAL, hw)
    (second,) = duo_sheets(e, date(2026, 6, 22), "LUXE", date(2026, 6, 18))
    assert (second.begin, second.end, second.minutes, second.report) == (
        date(2026, 6, 18), date(2026, 6, 18), 210, report)
    assert duo_sheets(e, date(2026, 6, 22), "LUXE", date(2026, 6, 17)) == ()  # the sick day starts nothing


def test_a_luxe_episode_starting_the_day_16_hours_are_reached_is_a_sheet_beside_the_16_hour_one(
        hw: Protocol) -> None:
    # Unauthorised Thu 5 and Fri 6 March 2026 (11 h), luxe on Tue 10 March: 16.5 h, and a luxe episode.
    recs = [rec(date(2026, 3, 5), "O"), rec(date(2026, 3, 6), "O"), rec(date(2026, 3, 10), "X")]
    e = Evaluator(pupil(recs), CAL, hw)
    day = date(2026, 3, 10)
    assert figures(duo_sheets(e, day)) == [(SIXTEEN_HOURS, date(2026, 3, 5), day, 990), (LUXE, day, day, 330)]
    report = ev(date(2026, 3, 11), ActionKind.DUO_REPORT)
    later = Evaluator(pupil(recs, [report]), CAL, hw)
    assert figures(duo_sheets(later, date(2026, 3, 16))) == figures(duo_sheets(e, day))
    luxe = duo_sheet(later, date(2026, 3, 16), "LUXE")
    assert luxe is not None and (luxe.kind, luxe.report) == (LUXE, report)
