"""The signals and forecasts the app computes are exactly those of the straightforward detectors (issue 20).

`tests/domain/reference_signals.py` holds the record detectors and the forecasts as they were before
they were made fast, run on the reference engine. On the random pupils of the engine's oracle
(tests/domain/test_engine_oracle.py), at random peildata, under every protocol, with the school's
thresholds and with thresholds so low that every signal fires, both give the same signals and the same
forecast, compared by `repr`.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain import reference_signals as ref
from tests.domain.reference_engine import conditions as ref_conditions
from tests.domain.reference_engine import engine as ref_engine
from tests.domain.test_engine_oracle import PROTOCOLS, pupils
from verzuimdesk.domain import engine
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.forecasts import forecast
from verzuimdesk.domain.records import PupilData
from verzuimdesk.domain.signals import SignalConfig, parse_signal_config, record_signals
from verzuimdesk.importers.signal_files import signals_file

SCHOOL = parse_signal_config(signals_file().read_bytes())
LOW = SignalConfig(6, {
    "WEEKDAY": {"min_dagen": 2, "min_op_weekdag": 1, "min_aandeel": 0.2},
    "PART_OF_DAY": {"min_keer": 1, "min_aandeel": 0.1},
    "VACATION_EDGE": {"min_vakanties": 1},
    "LATE_SICK_REPORT": {"na": 9 * 60, "min_keer": 1},
    "FREQUENT_SICK": {"min_ziekmeldingen": 1},
    "YEAR_SHARE": {"min_procent": 0.5},
    "EARLIER_ABSENCE": {"min_procent": 0.5},
    "SUSPENDED": {"min_keer": 1},
}, {})
CONFIGS = (SCHOOL, LOW)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pupils(), st.lists(st.tuples(st.integers(-400, 200), st.one_of(st.none(), st.integers(0, 300))), max_size=2))
def test_the_signals_and_forecasts_are_the_reference_ones(
        case: tuple[SchoolCalendar, PupilData, list[date]], spans: list[tuple[int, int | None]]) -> None:
    cal, p, peildata = case
    for peil in peildata:
        cases = tuple((peil + timedelta(days=a), None if b is None else peil + timedelta(days=a + b)) for a, b in spans)
        for protocol in PROTOCOLS:
            fast = Evaluator(p, cal, protocol)
            slow = ref_conditions.Evaluator(p, cal, protocol)
            status = engine.status_of(fast, peil)
            assert repr(forecast(fast, status)) == repr(ref.forecast(slow, ref_engine.status_of(slow, peil))), (
                protocol.id, peil)
        for config in CONFIGS:
            got = record_signals(fast.m, peil, config, cases)
            want = ref.record_signals(slow.m, peil, config, cases)
            assert repr(got) == repr(want), (peil, config is LOW)


def test_the_low_thresholds_make_the_signals_fire() -> None:
    """The comparison is no formality: a pupil with sick days, late reports and absences around a
    vacation has signals under the low thresholds, and both sides find the same ones."""
    from datetime import datetime, time

    from tests.domain.test_engine_oracle import CATEGORY, TWO_YEARS
    from verzuimdesk.domain.records import AbsenceRecord

    days = list(TWO_YEARS.schooldagen(date(2025, 9, 1), date(2026, 1, 20), "5"))
    recs = [AbsenceRecord(i, d, "Z", CATEGORY["Z"], reported_at=datetime.combine(d, time(11)))
            for i, d in enumerate(days[::4])]
    recs += [AbsenceRecord(100 + i, d, "O", CATEGORY["O"], time(9), time(10)) for i, d in enumerate(days[1::9])]
    p = PupilData(1, "1", "L", "5", date(2024, 8, 1), records=tuple(recs))
    peil = date(2026, 1, 20)
    got = record_signals(Evaluator(p, TWO_YEARS, PROTOCOLS[0]).m, peil, LOW)
    assert len(got) >= 5
    assert repr(got) == repr(ref.record_signals(ref_conditions.Evaluator(p, TWO_YEARS, PROTOCOLS[0]).m, peil, LOW))
