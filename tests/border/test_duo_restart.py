"""The restart after a report on awkward data (PROTOCOLS.md §1b): a report registered after the
vervolgmelding's 16 hours were already reached answers the first trigger only, and its sheet printed
again for the file is the sheet of that first report."""

from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL, ev, pupil, rec, whole_days
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, SIXTEEN_HOURS, duo_sheet
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.domain.protocol import Protocol

# Mon 15 – Tue 23 Sep 2025 unauthorised every day: 16 h reached Thu 18 Sep, and counted again from
# Fri 19 Sep, 16 h once more on Tue 23 Sep. The school registers its (first) report only on Thu 25 Sep.
LATE_REPORT = date(2025, 9, 25)


def case() -> tuple[list, object]:  # type: ignore[type-arg]
    return whole_days(date(2025, 9, 15), 7, "O"), ev(LATE_REPORT, ActionKind.DUO_REPORT)


def test_one_late_report_does_not_also_answer_the_vervolgmelding(hw: Protocol) -> None:
    recs, report = case()
    s = evaluate(pupil(recs, [report]), CAL, hw, LATE_REPORT)  # type: ignore[list-item]
    duo = [(a.trigger_date, a.done) for a in s.actions if a.rule_id == "HW-16U"]
    assert duo == [(date(2025, 9, 23), False)]  # the vervolgmelding is still to be made


def test_the_late_reports_sheet_printed_again_is_the_first_report(hw: Protocol) -> None:
    recs, report = case()
    e = Evaluator(pupil(recs, [report]), CAL, hw)  # type: ignore[list-item]
    sheet = duo_sheet(e, LATE_REPORT)
    assert sheet is not None and sheet.kind == SIXTEEN_HOURS and sheet.report == report
    assert (sheet.begin, sheet.end, sheet.minutes) == (date(2025, 9, 15), date(2025, 9, 18), 1215)
    # The sheet of the open vervolgmelding: from the day after the first einddatum, not yet reported.
    nxt = duo_sheet(e, date(2025, 9, 26))
    assert nxt is not None and nxt.kind == FOLLOW_UP and nxt.report is None and nxt.previous == report
    assert (nxt.begin, nxt.end, nxt.minutes) == (date(2025, 9, 19), date(2025, 9, 23), 990)


def test_a_luxe_report_made_while_the_family_is_still_away_is_reprinted_as_it_was_reported(hw: Protocol) -> None:
    # Luxe on Thu 23, Fri 24 and Mon 27 Oct 2025; the school reports on Friday 24 October.
    report = ev(date(2025, 10, 24), ActionKind.DUO_REPORT)
    recs = [rec(date(2025, 10, 23), "X"), rec(date(2025, 10, 24), "X"), rec(date(2025, 10, 27), "X")]
    e = Evaluator(pupil(recs, [report]), CAL, hw)
    then = duo_sheet(e, date(2025, 10, 24), "LUXE")
    assert then is not None and then.report == report
    assert (then.begin, then.end, then.minutes) == (date(2025, 10, 23), date(2025, 10, 24), 660)
    later = duo_sheet(e, date(2025, 10, 30), "LUXE")  # printed again for the file: what was reported
    assert later is not None and later.report == report
    assert (later.begin, later.end, later.minutes, later.record_ids) == (
        then.begin, then.end, then.minutes, then.record_ids)


def test_amsterdams_lrv_sheet_counts_only_the_unauthorised_hours_of_the_run() -> None:
    # A run of 22 schooldagen from Mon 3 Nov 2025 (the studiedag of 14 Nov does not break it): 10 days ill,
    # then 12 days unauthorised. AM-THUIS asks for DUO's LRV report; its hours are unauthorised hours (§1b).
    from verzuimdesk.importers.protocol_files import load_protocol

    am = load_protocol("amsterdam-vo")
    recs = whole_days(date(2025, 11, 3), 10, "Z") + whole_days(date(2025, 11, 18), 12, "O")
    e = Evaluator(pupil(recs), CAL, am)
    sheet = duo_sheet(e, date(2025, 12, 3), "AM-THUIS")  # AM-16U asks for its own report too
    assert sheet is not None and sheet.rule_id == "AM-THUIS"
    unauthorised = [r for r in recs if r.code == "O" and r.day <= sheet.trigger]
    assert sheet.minutes == sum(e.m.minutes[r.id] for r in unauthorised)
    assert set(sheet.record_ids) == {r.id for r in unauthorised}
