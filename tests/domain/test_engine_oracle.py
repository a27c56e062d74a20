"""The fast engine gives exactly the answer of the straightforward one (issue 20).

`tests/domain/reference_engine` is the engine as it was before it was made fast: the spec. On random
pupils (records of every category, whole days and parts of days, runs and scattered days, days off,
events of every kind, a case opened by hand, birth dates around the start of leerplicht, vrijstellingen,
enrolments that start and end) and random peildata, under every protocol in resources/, both engines
must give the same status, field for field (compared by `repr`, so 1 and 1.0 differ too), the same
light and the same timeline; and an evaluator asked at several dates (it memoises) the same as a fresh
one at each.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.helpers import CAL, FULL_DAY, MORNINGS, WEDNESDAY
from tests.domain.reference_engine import conditions as ref_conditions
from tests.domain.reference_engine import engine as ref_engine
from verzuimdesk.domain import engine
from verzuimdesk.domain.calendar import Period, SchoolCalendar
from verzuimdesk.domain.codes import DEFAULT_CODES, ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import AbsenceRecord, Event, Exemption, PupilData
from verzuimdesk.importers.protocol_files import load_protocol

PROTOCOLS = [load_protocol(p) for p in ("hoeksche-waard-po", "haaglanden-po", "tilburg-po", "amsterdam-vo")]

TWO_YEARS = SchoolCalendar(
    school_years=(Period("2024-2025", date(2024, 8, 26), date(2025, 7, 11)),
                  Period("2025-2026", date(2025, 8, 25), date(2026, 7, 10))),
    timetable={0: FULL_DAY, 1: FULL_DAY, 2: WEDNESDAY, 3: FULL_DAY, 4: FULL_DAY},
    group_timetables={"1-2": {0: MORNINGS, 1: MORNINGS, 2: WEDNESDAY, 3: MORNINGS}, "0": {}},
    vacations=(
        Period("kerstvakantie", date(2024, 12, 21), date(2025, 1, 5)),
        Period("meivakantie", date(2025, 4, 26), date(2025, 5, 4)),
        Period("herfstvakantie", date(2025, 10, 11), date(2025, 10, 19)),
        Period("kerstvakantie", date(2025, 12, 20), date(2026, 1, 4)),
    ),
    studiedagen=frozenset({date(2025, 11, 14), date(2025, 3, 3)}),
    feestdagen=frozenset({date(2025, 4, 21), date(2026, 4, 6), date(2026, 5, 14)}),
)
CALENDARS = (CAL, TWO_YEARS)
CODES = [c.code for c in DEFAULT_CODES]
SCATTERED = [*CODES, "Z", "Z", "O", "O", "T", "T", "T"]
CATEGORY = {c.code: c.category for c in DEFAULT_CODES}
HEAVY = ["O", "O", "?", "Z", "Z", "X", "T", "S", "V", "E", "M"]  # the codes of runs: most make rules hold
TIMES = [time(8, 0), time(8, 30), time(9, 0), time(10, 15), time(12, 0), time(12, 30), time(13, 0), time(15, 0),
         time(16, 0)]
FIRST, LAST = date(2024, 8, 1), date(2026, 8, 1)


@st.composite
def pupils(draw: st.DrawFn) -> tuple[SchoolCalendar, PupilData, list[date]]:
    cal = draw(st.sampled_from(CALENDARS))
    group = draw(st.sampled_from(["5", "5", "1-2", "0"]))
    days = list(cal.schooldagen(date.min, date.max, group)) or list(cal.schooldagen(date.min, date.max))
    ids = count(draw(st.integers(1, 1000)))
    n = len(days)

    def any_day() -> date:
        if draw(st.integers(0, 9)) == 0:  # a weekend, a vacation, a day outside the school years
            return FIRST + timedelta(days=draw(st.integers(0, (LAST - FIRST).days)))
        return days[draw(st.integers(0, n - 1))]

    def record(day: date, code: str) -> AbsenceRecord:
        start = end = None
        if draw(st.integers(0, 3)) == 0:
            a, b = sorted(draw(st.lists(st.sampled_from(TIMES), min_size=2, max_size=2, unique=True)))
            start, end = a, b
            if draw(st.integers(0, 15)) == 0:
                start = None  # half a time: a whole day
        late = draw(st.integers(1, 60)) if code == "T" and draw(st.booleans()) else None
        luxe = code == "X" or (CATEGORY[code] == "unauthorised" and draw(st.integers(0, 7)) == 0)
        return AbsenceRecord(next(ids), day, code, CATEGORY[code], start, end, late, luxe=luxe)

    records: list[AbsenceRecord] = []
    for _ in range(draw(st.integers(0, 4))):  # runs of consecutive schooldagen
        first = draw(st.integers(0, n - 1))
        length = draw(st.sampled_from([2, 3, 5, 8, 12, 21, 26, 40]))
        code = draw(st.sampled_from(HEAVY))
        step = draw(st.sampled_from([1, 1, 1, 2, 3]))
        records += [record(d, code) for d in days[first : first + length : step]]
    peil: list[date] = []
    if draw(st.integers(0, 3)) == 0:  # a long run of whole days, a thuiszitter, with a case, events in it
        first = draw(st.integers(0, n - 1))
        run = days[first : first + draw(st.integers(20, 90))]
        code = draw(st.sampled_from(["O", "Z", "S", "?", "V"]))
        records += [AbsenceRecord(next(ids), d, code, CATEGORY[code]) for d in run]
        peil.append(run[-1] if draw(st.booleans()) else run[draw(st.integers(0, len(run) - 1))])
    for _ in range(draw(st.integers(0, 25))):  # scattered days
        records.append(record(any_day(), draw(st.sampled_from(SCATTERED))))
    for _ in range(draw(st.integers(0, 3))):  # a second record on a day taken (parts of one day)
        if records:
            other = records[draw(st.integers(0, len(records) - 1))]
            records.append(record(other.day, draw(st.sampled_from(CODES))))
    kinds = list(ActionKind)
    near = [r.day + timedelta(days=draw(st.integers(-5, 40))) for r in records[:: max(1, len(records) // 3)]]
    events = [Event(next(ids), draw(st.sampled_from(near)) if near and draw(st.booleans()) else any_day(),
                    draw(st.sampled_from(kinds)),
                    source=draw(st.sampled_from(["event", "event", "conversation", "plan"])))
              for _ in range(draw(st.integers(0, 8)))]
    enrolled_from = draw(st.sampled_from([FIRST, FIRST, FIRST, days[0], any_day()]))
    until = draw(st.sampled_from([None, None, None, None, any_day()]))
    enrolled_until = until if until is None or until >= enrolled_from else None
    born = draw(st.sampled_from([None, date(2015, 3, 1), date(2015, 3, 1),
                                 any_day().replace(day=1) - timedelta(days=5 * 365 + draw(st.integers(-40, 40)))]))
    exemptions: tuple[Exemption, ...] = ()
    if draw(st.integers(0, 5)) == 0:
        a = any_day()
        exemptions = (Exemption(a, draw(st.sampled_from([None, a + timedelta(days=draw(st.integers(0, 90)))])), "5a"),)
    case_start = any_day() if draw(st.integers(0, 6)) == 0 else None
    p = PupilData(next(ids), "1", "L", group, enrolled_from, enrolled_until, tuple(draw(st.permutations(records))),
                  tuple(events), case_start, birth_date=born, exemptions=exemptions)
    peil += [any_day() for _ in range(draw(st.integers(0, 2)))]
    for _ in range(draw(st.integers(1, 3)) if records else 0):  # in or after a run: where rules hold
        peil.append(records[draw(st.integers(0, len(records) - 1))].day + timedelta(days=draw(st.integers(0, 60))))
    peil = peil or [any_day()]
    return cal, p, peil


def same(fast: object, ref: object, where: object) -> None:
    """The two statuses are one, field by field (the message names the first field that differs)."""
    for name in getattr(ref, "__slots__", ()):
        assert repr(getattr(fast, name)) == repr(getattr(ref, name)), (where, name)
    assert repr(fast) == repr(ref), where


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(pupils())
def test_the_fast_engine_gives_the_reference_status(case: tuple[SchoolCalendar, PupilData, list[date]]) -> None:
    cal, p, peildata = case
    for protocol in PROTOCOLS:
        fast = Evaluator(p, cal, protocol)
        ref = ref_conditions.Evaluator(p, cal, protocol)
        for peil in peildata:
            want = ref_engine.status_of(ref_conditions.Evaluator(p, cal, protocol), peil)
            same(engine.status_of(Evaluator(p, cal, protocol), peil), want, (protocol.id, peil))
            same(engine.status_of(fast, peil), ref_engine.status_of(ref, peil), (protocol.id, peil, "memoised"))
            fresh = Evaluator(p, cal, protocol)
            assert engine.light_of(fresh, peil) == ref_engine.light_of(ref_conditions.Evaluator(p, cal, protocol), peil)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pupils(), st.integers(0, 60))
def test_the_fast_timeline_is_the_reference_timeline(case: tuple[SchoolCalendar, PupilData, list[date]],
                                                     days: int) -> None:
    cal, p, peildata = case
    start = peildata[0] - timedelta(days=days)
    for protocol in PROTOCOLS:
        want = [(d, light.value) for d, light in ref_engine.timeline(p, cal, protocol, start, peildata[0])]
        assert [(d, light.value) for d, light in engine.timeline(p, cal, protocol, start, peildata[0])] == want


@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda p: p.id)
def test_the_oracle_sees_a_difference(protocol: Protocol) -> None:
    """The comparison by repr is no formality: a pupil absent for a month holds rules in every protocol,
    both engines say so, and the same status with one record less is told apart."""
    days = CAL.schooldagen(date(2025, 9, 1), date(2025, 9, 30))
    p = PupilData(1, "1", "L", "5", FIRST, records=tuple(AbsenceRecord(i, d, "O", CATEGORY["O"])
                                                          for i, d in enumerate(days)))
    got = engine.evaluate(p, CAL, protocol, date(2025, 9, 30))
    assert got.rules and repr(got) == repr(ref_engine.evaluate(p, CAL, protocol, date(2025, 9, 30)))
    changed = replace(got, rules=(replace(got.rules[0], record_ids=got.rules[0].record_ids[:-1]), *got.rules[1:]))
    assert repr(changed) != repr(got)
