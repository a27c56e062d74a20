"""The screens never rule out a condition that holds (issue 20; found by a review of domain/screen.py).

`possible` may answer True too often (the engine then measures for nothing), never False where the
condition holds: then a rule, a DUO report among them, would go missing. On the engine oracle's random
pupils (tests/domain/test_engine_oracle.py: records on weekends and in vacations, parts of days, runs,
enrolments that end, birth dates around leerplicht, vrijstellingen) and random conditions of the kinds
the screens bound by a window, an episode, a school year or lesweken in a row (every comparison, with
and without a maximum, windows of 1 to 14 lesweken), and a `rule_holds` of each protocol rule: wherever
the evaluator of all records or that of leerplicht says not possible, the reference engine's measurement
(with its own screen, the spec) and the fast one's `quick_holds` hold on no day of two years, from no
restart point.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.reference_engine import conditions as reference
from tests.domain.test_engine_oracle import FIRST, LAST, PROTOCOLS, pupils
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.measures import ABSENT, SICK, UNAUTHORISED
from verzuimdesk.domain.protocol import Condition
from verzuimdesk.domain.quick_conditions import quick_holds
from verzuimdesk.domain.records import PupilData
from verzuimdesk.domain.screen import possible

CATEGORIES = [UNAUTHORISED, SICK, ABSENT, frozenset({Category.LATE}), frozenset({Category.UNEXPLAINED})]
KINDS = ["minutes_in_window", "sick_episodes_in_window", "current_sick_episode_minutes",
         "occurrences_in_school_year", "half_weeks"]
DAYS = [FIRST + timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


@st.composite
def conditions(draw: st.DrawFn) -> Condition:
    kind = draw(st.sampled_from(KINDS))
    if kind in ("minutes_in_window", "current_sick_episode_minutes"):
        threshold = float(draw(st.sampled_from([30, 200, 330, 660, 960, 1000, 1650, 3000, 3300])))
    else:
        threshold = float(draw(st.integers(0, 6)))
    maximum = draw(st.sampled_from([None, None, threshold + 1, threshold * 2]))
    return Condition(kind, draw(st.sampled_from(CATEGORIES)), draw(st.integers(1, 14)), threshold, maximum,
                     draw(st.sampled_from([">=", ">"])))


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(pupils(), st.lists(conditions(), min_size=1, max_size=4), st.sampled_from(PROTOCOLS))
def test_a_condition_ruled_out_holds_on_no_day(case: tuple[SchoolCalendar, PupilData, list[date]],
                                               drawn: list[Condition], protocol: object) -> None:
    cal, p, _ = case
    fast = Evaluator(p, cal, protocol)  # type: ignore[arg-type]
    ref = reference.Evaluator(p, cal, protocol)  # type: ignore[arg-type]
    own = [r.condition for r in fast.protocol.rules if r.condition.kind in KINDS]
    on_rules = [Condition("rule_holds", rule=r.id) for r in fast.protocol.rules]
    for fev, rev in ((fast, ref), (fast.legal, ref.legal)):
        days = [r.day for r in fev.m.records]
        afters = [None, *days[:: max(1, len(days) // 3)][:3]]
        for c in drawn + own + on_rules:
            if possible(fev, c) or (c.kind != "rule_holds" and not rev.possible(c)):
                continue  # measured; or the reference's own screen rules it out too (a threshold of 0 needs a record)
            for after in afters if c.kind != "rule_holds" else [None]:
                for t in DAYS:
                    assert not rev.measure(c, t, after).holds, (c, t, after, fev is fast)
                    if c.kind != "rule_holds":
                        assert not quick_holds(fev.m, c, t, after), (c, t, after, fev is fast, "quick")
