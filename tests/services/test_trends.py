"""The trends service on the demo school: the lights at every period end are the engine's own answer for
that day (the shortcuts for pupils on whom no rule can hold change nothing), and the minutes add up to
the records."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from verzuimdesk.domain.engine import Light, evaluate
from verzuimdesk.services.demo import create_demo
from verzuimdesk.services.status import school_protocol
from verzuimdesk.services.trends import school_trends
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school


def test_the_lights_at_each_period_end_are_those_of_the_engine(tmp_path: Path) -> None:
    db = create_demo(str(tmp_path / "demo.db"), size=60, today=date(2026, 3, 20))
    try:
        st = school_trends(db, start=date(2025, 8, 1), end=date(2026, 3, 20), per="maand")
        with db.read() as s:
            school = load_school(s)
            assert school is not None
            protocol = school_protocol(school.protocol)
            calendar = load_calendar(s)
            pupils = load_pupil_data(s)
    finally:
        db.close()
    coloured = 0
    for period in st.trends.periods:
        end = period.current.end
        want: Counter[tuple[str, Light]] = Counter(
            (p.group, evaluate(p, calendar, protocol, end).light) for p in pupils)
        for group, f in period.current.groups.items():
            for light in (Light.GREEN, Light.ORANGE, Light.RED):
                assert f.light_count(light) == want[(group, light)], (end, group, light)
        coloured += period.current.school.light_count(Light.ORANGE) + period.current.school.light_count(Light.RED)
    assert coloured > 0  # the demo's patterns show, so the check is not about green pupils only
    # the previous year's lights come from the same engine, at the day a year before
    nov = st.trends.periods[3]
    assert nov.previous is not None and nov.previous.end == date(2024, 11, 30)
    before = Counter(evaluate(p, calendar, protocol, date(2024, 11, 30)).light for p in pupils)
    assert nov.previous.school.lights == (before[Light.GREEN], before[Light.ORANGE], before[Light.RED])
