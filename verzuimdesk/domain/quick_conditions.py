"""Two shortcuts of `conditions.Evaluator` on a pupil's measures: whether a condition of a kind counted on
the records alone holds at a date, without working out its figures (`quick_holds`), and where the run of
days an any-record condition holds on begins (`record_run_start`). Each answers exactly as the full
measurement in conditions.py; the engine's oracle (tests/domain/test_engine_oracle.py) holds them to it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from verzuimdesk.domain.measures import SICK, PupilMeasures
from verzuimdesk.domain.protocol import Condition


def quick_holds(m: PupilMeasures, c: Condition, t: date, after: date | None) -> bool | None:
    """Whether condition `c` of a kind counted on the records alone holds at `t` (counting after `after`),
    as `conditions.Evaluator` measures it but without its figures; None for the other kinds. The caller
    has checked that `c` is possible for the pupil."""
    k = c.kind
    if k == "minutes_in_window" or k == "any_record_in_window" or k == "sick_episodes_in_window":
        mondays = m.g.week_mondays  # `window`: the last `c.window` lesweken up to t
        w = bisect_right(mondays, t)
        if w == 0:
            return False
        start = mondays[max(0, w - c.window)]
        if k == "sick_episodes_in_window":
            days = m.episode_start_days
            return c.compare(bisect_right(days, t) - bisect_left(days, start))
        s = m.series(c.categories)
        lo, hi = s.bounds(start, t, after)
        return hi > lo if k == "any_record_in_window" else c.compare(s.cum[hi] - s.cum[lo])
    if k == "occurrences_in_school_year":
        year = m.calendar.school_year_of(t)
        if year is None:
            return False
        lo, hi = m.series(c.categories).bounds(year.start, t, after)
        return c.compare(hi - lo)
    if k == "current_sick_episode_minutes" or k == "current_sick_episode_days":
        ep = m.current_episode(t)
        if ep is None:
            return False
        if k == "current_sick_episode_days":
            return c.compare(ep[1] - ep[0] + 1)
        s = m.series(SICK)
        lo, hi = s.bounds(m.g.days[ep[0]], m.g.days[ep[1]])
        return c.compare(s.cum[hi] - s.cum[lo])
    if k == "half_weeks" and (m.enrolled_until is None or m.enrolled_until >= t):
        li = m.g.last_index(t)  # no record in the lesweek up to t: it is not half absent (halfweeks.py)
        if li >= 0:
            lo, hi = m.series(c.categories).bounds(m.g.week_mondays[m.g.week_of[li]], t)
            if hi == lo:
                return False
        return None
    if k == "absence_run_longer_than_weeks":
        run = m.current_run(t)
        return run is not None and run[1] - run[0] + 1 > 5 * c.weeks
    return None


def record_run_start(m: PupilMeasures, c: Condition, i: int, after: date | None) -> int:
    """Where the run of schooldagen up to index i (on which `c`, an any_record_in_window, holds) begins:
    the `trigger` walk back day by day, a record at a time. A day holds while the latest record up to it
    (after `after`) lies in its window; then so does every schooldag from that record's day on."""
    g = m.g
    days, mondays = g.days, g.week_mondays
    s = m.series(c.categories)
    floor = bisect_right(s.days, after) if after is not None else 0
    while i > 0:
        d = days[i - 1]
        if after is not None and d <= after:
            break
        k = bisect_right(s.days, d) - 1
        if k < floor or s.days[k] < mondays[max(0, bisect_right(mondays, d) - c.window)]:
            break
        i = bisect_left(days, s.days[k])
    return i
