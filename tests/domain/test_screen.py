"""The screens that rule a rule out for a pupil at every date at once (domain/screen.py, issue 20): each
must let through a rule that holds at its edge (the most its records can reach in one window, one
episode, one row of lesweken), and rule out one whose records only reach it spread wider.

Each case is held against the engine too: where the screen lets a rule through, it holds on the day
the test names; where the screen rules it out, it holds on no schooldag."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from tests.domain.helpers import CAL, pupil, rec, whole_days
from tests.domain.reference_engine import engine as reference
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.domain.protocol import ActionSpec, Condition, Protocol, Rule
from verzuimdesk.domain.records import AbsenceRecord

D = date


def _possible(hw: Protocol, rule_id: str, records: list[AbsenceRecord]) -> bool:
    rule = next(r for r in hw.rules if r.id == rule_id)
    return Evaluator(pupil(records), CAL, hw).possible(rule.condition)


def _holds_on(hw: Protocol, rule_id: str, records: list[AbsenceRecord], day: date) -> bool:
    return rule_id in {h.rule_id for h in evaluate(pupil(records), CAL, hw, day).rules}


def _holds_ever(hw: Protocol, rule_id: str, records: list[AbsenceRecord]) -> bool:
    p = pupil(records)
    days = CAL.schooldagen(D(2025, 8, 25), D(2026, 7, 10))
    return any(rule_id in {h.rule_id for h in evaluate(p, CAL, hw, d).rules} for d in days)


def test_sixteen_hours_that_fill_exactly_four_lesweken(hw: Protocol) -> None:
    # 11 hours on Mon 3 and Tue 4 Nov, 5.5 on Fri 28 Nov: the window of 4 lesweken at 28 Nov (from
    # 3 Nov) holds 16.5 hours; no window of 3 lesweken holds more than 11.
    records = [rec(D(2025, 11, 3), "O"), rec(D(2025, 11, 4), "O"), rec(D(2025, 11, 28), "O")]
    assert _possible(hw, "HW-16U", records)
    assert _holds_on(hw, "HW-16U", records, D(2025, 11, 28))
    # the Friday a week later: the same 16.5 hours, spread over 5 lesweken, reach 16 in no window
    later = [*records[:2], rec(D(2025, 12, 5), "O")]
    assert not _possible(hw, "HW-16U", later)
    assert not _holds_ever(hw, "HW-16U", later)


def test_the_window_of_four_lesweken_reaches_past_a_vacation(hw: Protocol) -> None:
    # Thu 18 and Fri 19 Dec before the kerstvakantie, Mon 5 Jan after it: one window of 4 lesweken
    records = [rec(D(2025, 12, 18), "O"), rec(D(2025, 12, 19), "O"), rec(D(2026, 1, 5), "O")]
    assert _possible(hw, "HW-16U", records)
    assert _holds_on(hw, "HW-16U", records, D(2026, 1, 5))


def test_four_sick_reports_in_exactly_twelve_lesweken(hw: Protocol) -> None:
    # The lesweken from Mon 1 Sep to Mon 24 Nov are 12 (the herfstvakantie is none of them).
    days = [D(2025, 9, 1), D(2025, 9, 15), D(2025, 9, 29), D(2025, 11, 28)]
    records = [rec(d, "Z") for d in days]
    assert _possible(hw, "HW-SICK4", records)
    assert _holds_on(hw, "HW-SICK4", records, D(2025, 11, 28))
    # the first one a lesweek earlier (Fri 29 Aug): 13 lesweken, never 4 in 12
    earlier = [rec(D(2025, 8, 29), "Z"), *records[1:]]
    assert not _possible(hw, "HW-SICK4", earlier)
    assert not _holds_ever(hw, "HW-SICK4", earlier)


def test_more_than_fifty_hours_in_one_sick_episode(hw: Protocol) -> None:
    # Ten schooldagen in a row from Mon 3 Nov (the studiedag of Fri 14 Nov is none): 4 x 5.5 + 3.75 a week
    ten = whole_days(D(2025, 11, 3), 10, "Z")
    assert _possible(hw, "HW-SICK50", ten)
    assert _holds_on(hw, "HW-SICK50", ten, ten[-1].day)
    # two episodes of 7 schooldagen (36.75 hours each, 73.5 together) with a day at school between
    two = whole_days(D(2025, 11, 3), 7, "Z") + whole_days(D(2025, 11, 13), 7, "Z")
    assert len({r.day for r in two}) == 14 and D(2025, 11, 12) not in {r.day for r in two}
    assert not _possible(hw, "HW-SICK50", two)
    assert not _holds_ever(hw, "HW-SICK50", two)


def test_half_weeks_need_five_lesweken_in_a_row(hw: Protocol) -> None:
    # Monday to Wednesday absent (14.75 of 25.75 hours) in each of 5 lesweken from Mon 3 Nov
    mondays = [D(2025, 11, 3) + timedelta(weeks=k) for k in range(5)]
    five = [rec(m + timedelta(days=k), "O") for m in mondays for k in range(3)]
    assert _possible(hw, "LRV", five)
    assert _holds_on(hw, "LRV", five, mondays[-1] + timedelta(days=2))
    # 4 such lesweken, one at school, 4 more (the kerstvakantie between them is no lesweek, so they are
    # in a row): more days, never 5 lesweken in a row
    weeks = [D(2025, 11, 3) + timedelta(weeks=k) for k in (0, 1, 2, 3, 5, 6)] + [D(2026, 1, 5), D(2026, 1, 12)]
    apart = [rec(m + timedelta(days=k), "O") for m in weeks for k in range(3)]
    assert not _possible(hw, "LRV", apart)
    assert not _holds_ever(hw, "LRV", apart)


def test_a_rule_on_another_rule_is_screened_on_all_records(hw: Protocol) -> None:
    """A school's own rule that reports to DUO counts only records in leerplicht, but a `rule_holds` in it
    asks the other rule on all records (conditions.py): its screen must look at all of them too. Found by
    a review: the 50 sick hours of one episode that began before leerplicht were ruled out on the
    leerplicht records alone (25.75 hours of them)."""
    escalation = Rule("ESC", "escalatie", "6", "IB-er",
                      Condition("any_of", parts=(Condition("rule_holds", rule="HW-SICK50"),)),
                      (ActionSpec(ActionKind.DUO_REPORT, "IB-er", 5, "werkdagen", True),))
    protocol = replace(hw, rules=(*hw.rules, escalation))
    # born 10 Oct 2020: leerplichtig from Mon 3 Nov 2025; sick Mon 27 Oct to Fri 7 Nov (51.25 hours)
    p = pupil(whole_days(D(2025, 10, 27), 10, "Z") + whole_days(D(2026, 1, 12), 5, "Z"), birth_date=D(2020, 10, 10))
    peil = D(2025, 11, 7)
    want = {h.rule_id for h in reference.evaluate(p, CAL, protocol, peil).rules}
    assert {"HW-SICK50", "ESC"} <= want
    assert {h.rule_id for h in evaluate(p, CAL, protocol, peil).rules} == want
