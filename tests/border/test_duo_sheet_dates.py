"""The DUO sheet's dates on awkward data (a review of the law at the border): the LRV begindatum of a pupil who
became leerplichtig in the middle of a lesweek, the LRV einddatum once it stopped, and the order of two
reports registered on one day."""

from __future__ import annotations

from datetime import date, timedelta

from tests.domain.helpers import CAL, ev, pupil, rec
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, LRV, SIXTEEN_HOURS, duo_sheet, duo_sheets
from verzuimdesk.domain.protocol import Protocol


def schooldays(first: date, last: date, group: str = "5") -> list[date]:
    return list(CAL.schooldagen(first, last, group))


def test_the_lrv_begindatum_is_not_before_the_start_of_leerplicht(hw: Protocol) -> None:
    # Born 10 Sep 2020: leerplichtig from Wed 1 Oct 2025 (art. 3). Absent every day from 1 Sep. The series'
    # first counted lesweek is that of 29 Sep, but only days from 1 Oct count toward a duo_report (§1b).
    recs = [rec(d, "O") for d in schooldays(date(2025, 9, 1), date(2025, 11, 7))]
    e = Evaluator(pupil(recs, birth_date=date(2020, 9, 10)), CAL, hw)
    sheet = duo_sheet(e, date(2025, 11, 3), "LRV")
    assert sheet is not None and sheet.kind == LRV
    assert sheet.begin == date(2025, 10, 1)
    first = min(r.day for r in recs if r.id in sheet.record_ids)
    assert first == sheet.begin


def test_the_lrv_einddatum_is_the_last_day_of_the_series_of_half_absent_lesweken(hw: Protocol) -> None:
    # Absent every morning (whole Wednesdays) up to Wed 5 Nov, present from Thu 6 Nov. LRV still holds on Thu 6
    # Nov (that lesweek counted up to the day is more than half absent), but the lesweek of 3 Nov as a whole is
    # 42 % absent: the series of such lesweken ended on Fri 31 Oct, and that is its einddatum (§1b).
    days = schooldays(date(2025, 9, 1), date(2025, 11, 5))
    recs = [rec(d, "O") if d.weekday() == 2 else rec(d, "O", "08:30", "12:00") for d in days]
    report = ev(date(2025, 10, 1), ActionKind.DUO_REPORT)
    e = Evaluator(pupil(recs, [report]), CAL, hw)
    sheet = duo_sheet(e, date(2025, 11, 10), "LRV")
    assert sheet is not None and sheet.kind == LRV
    assert sheet.end == date(2025, 10, 31)
    assert sheet.begin <= sheet.end
    assert all(r.day <= sheet.end for r in recs if r.id in sheet.record_ids)


def test_an_lrv_einddatum_is_never_before_its_trigger(hw: Protocol) -> None:
    # LRV reached on a Monday whose lesweek as a whole falls below half: the einddatum is the trigger itself,
    # so no record listed lies after the einddatum.
    days = [*schooldays(date(2025, 9, 1), date(2025, 10, 10)), date(2025, 10, 20)]
    recs = [rec(d, "O") for d in days]
    e = Evaluator(pupil(recs), CAL, hw)
    open_ = duo_sheet(e, date(2025, 10, 20), "LRV")
    assert open_ is not None and open_.end is None
    report = ev(open_.trigger, ActionKind.DUO_REPORT)
    later = duo_sheet(Evaluator(pupil(recs, [report]), CAL, hw), date(2025, 11, 3), "LRV")
    assert later is not None and later.end is not None
    assert later.end >= later.trigger
    assert all(r.day <= later.end for r in recs if r.id in later.record_ids)


def test_two_reports_on_one_day_print_the_first_melding_before_its_vervolgmelding(hw: Protocol) -> None:
    # Unauthorised every day from Mon 1 to Fri 12 Sep (55 h): 16 hours on Thu 4 Sep, and again on Tue 9 Sep
    # after the restart. Both reports registered on Mon 15 Sep.
    recs = [rec(d, "O") for d in schooldays(date(2025, 9, 1), date(2025, 9, 12))]
    reports = [ev(date(2025, 9, 15), ActionKind.DUO_REPORT), ev(date(2025, 9, 15), ActionKind.DUO_REPORT)]
    e = Evaluator(pupil(recs, reports), CAL, hw)
    sheets = duo_sheets(e, date(2025, 9, 15), "HW-16U")
    assert [(s.kind, s.begin, s.end) for s in sheets] == [
        (SIXTEEN_HOURS, date(2025, 9, 1), date(2025, 9, 4)), (FOLLOW_UP, date(2025, 9, 5), date(2025, 9, 9))]
    assert sheets[0].report == reports[0] and sheets[1].report == reports[1]
    assert sheets[1].previous == reports[0]
    assert sheets[0].trigger + timedelta(days=1) == sheets[1].begin
