"""Forecasts: "wanneer wordt het een melding?" answered exactly under a stated assumption (SIGNALS.md).

- `hours_16_on`: if the pupil were absent unauthorised for the whole lestijd on every schooldag from
  the day after the peildatum on, the first schooldag on which the protocol's 16-hour rule would
  hold. None when it holds already, when the pupil is not enrolled, or when no schooldag of the
  school year reaches it. The window drops old records as it moves, and a DUO report made before
  the peildatum restarts the count exactly as the engine does.
- `thuiszitter_on`: while the current absence run is ongoing on the last schooldag on or before the
  peildatum and shorter than 21 schooldagen, the schooldag that would be its 21st.
- `next_reference_date`/`days_left`: the next 15 Sep/Dec/Mar/Jun and the calendar days until it.

A pupil who is not leerplichtig on the peildatum gets no `hours_16_on`, and only what the 16-hour rule
counts (records from the start of leerplicht on) counts toward it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import PupilStatus
from verzuimdesk.domain.measures import UNAUTHORISED, PupilMeasures, Series
from verzuimdesk.domain.protocol import Condition, Protocol, Rule, once_per_protocol
from verzuimdesk.domain.quarterly import reference_date

THUISZITTER_DAYS = 21  # "more than 4 weeks": the 21st schooldag of a run (PROTOCOLS.md §1b)


@dataclass(frozen=True, slots=True)
class Forecast:
    hours_16_on: date | None = None
    thuiszitter_on: date | None = None


NO_FORECAST = Forecast()


def next_reference(peil: date) -> tuple[date, int]:
    """The next reference date of the quarterly list and the calendar days until it."""
    ref = reference_date(peil)
    return ref, (ref - peil).days


_SIXTEEN: dict[int, tuple[Protocol, Rule | None]] = {}


def sixteen_hour_rule(protocol: Protocol) -> Rule | None:
    """The protocol's 16-hour rule: unauthorised minutes in a window, without a maximum, reported to DUO.
    Found once per protocol: every pupil's forecast asks it."""
    return once_per_protocol(_SIXTEEN, protocol, _sixteen_hour_rule)


def _sixteen_hour_rule(protocol: Protocol) -> Rule | None:
    for rule in protocol.rules:
        c = rule.condition
        if (c.kind == "minutes_in_window" and c.maximum is None and c.categories & UNAUTHORISED
                and any(a.kind is ActionKind.DUO_REPORT for a in rule.actions)):
            return rule
    return None


def forecast(ev: Evaluator, status: PupilStatus) -> Forecast:
    if not status.enrolled:
        return NO_FORECAST
    return Forecast(hours_16_on(ev, status), thuiszitter_on(ev.m, status.peildatum))


def restart_point(ev: Evaluator, rule: Rule, peil: date) -> date | None:
    """The day after which the rule counts again at `peil`: the trigger date of the last trigger a DUO
    report answered (the engine's `restart_history`), None without one."""
    if not rule.restart_after_report or not ev.events_of(ActionKind.DUO_REPORT, date.min, peil):
        return None  # no report: no trigger was answered
    answered = [trig for trig, _, report in ev.restart_history(rule, peil) if report is not None]
    return answered[-1] if answered else None


def hours_16_on(ev: Evaluator, status: PupilStatus) -> date | None:
    rule = sixteen_hour_rule(ev.protocol)
    peil = status.peildatum
    # the rule holding at `peil` (its window ends there); a report still owed for an earlier trigger (its
    # window ended on that trigger, engine._owed) leaves the forecast of the next 16 hours standing
    if rule is None or any(h.rule_id == rule.id and h.window_end == peil for h in status.rules) or \
            not ev.leerplichtig(peil):
        return None
    c = rule.condition
    # Without a record the rule counts, no window holds a real minute and no trigger was answered: the
    # day depends on the group's schooldagen alone, shared by such pupils (most of a school).
    counted = ev.m.count(c.categories) > 0
    if counted:
        ev = ev.for_rule(rule)  # only what leerplicht counts (records from the start of leerplicht on)
    m = ev.m
    starts = [y.start for y in m.calendar.school_years]
    k = bisect_right(starts, peil) - 1
    if k < 0:
        return None
    year = m.calendar.school_years[k]
    end = min(year.end, m.enrolled_until or year.end)
    after = None
    if counted:
        after = restart_point(ev, rule, peil)
        series = m.series(c.categories)
        # Every counted minute up to the peildatum: no window holds more real minutes than these, so a day
        # on which even they and the hypothetical ones fall short is passed without working out its window
        # (the rule has no maximum: more minutes never stop it holding).
        lo, hi = series.bounds(date.min, peil, after)
        ceiling = series.cum[hi] - series.cum[lo]
        if ceiling:
            return _first_day(m, series, c, peil, end, after, ceiling)
    memo = m.calendar.memo  # kept with the calendar, whose schooldagen it depends on
    key = ("forecasts.hours_16_on", m.group, id(c), peil, end, after)
    got = memo.get(key)
    if not isinstance(got, tuple) or got[0] is not c:
        got = memo[key] = (c, _first_day(m, None, c, peil, end, after, 0))
    return got[1]


def _first_day(m: PupilMeasures, series: Series | None, c: Condition, peil: date, end: date, after: date | None,
               ceiling: int) -> date | None:
    """The first schooldag after `peil`, up to `end`, on which the hypothetical days and the real minutes
    of `series` (`ceiling` of them up to the peildatum, after `after`; None: no real minutes) make `c` hold."""
    g = m.g
    first = g.last_index(peil) + 1  # the first hypothetical day
    hypo = 0  # whole-day minutes of the hypothetical days from `first` through j
    cum: list[int] = []
    for j in range(first, bisect_right(g.days, end)):
        day = g.days[j]
        hypo += g.minutes[j]
        cum.append(hypo)
        if not c.compare(ceiling + hypo):
            continue
        window = m.window(day, c.window)
        if window is None:
            continue
        real = 0
        if series is not None:
            lo, hi = series.bounds(window[0], peil, after)
            real = series.cum[hi] - series.cum[lo]
        # hypothetical days inside the window (and after a restart point) are those from index `h` on
        h = max(first, bisect_left(g.days, window[0]), bisect_right(g.days, after) if after else 0)
        dropped = cum[h - first - 1] if h > first else 0
        if c.compare(real + hypo - dropped):
            return day
    return None


def thuiszitter_on(m: PupilMeasures, peil: date) -> date | None:
    run = m.current_run(peil)
    if run is None:
        return None
    n = run[1] - run[0] + 1
    if n >= THUISZITTER_DAYS:
        return None
    return m.calendar.add_schooldagen(m.g.days[run[1]], THUISZITTER_DAYS - n, m.group)


def forecast_lines(f: Forecast) -> tuple[str, ...]:
    """The forecasts in Dutch, each under its assumption: "bij aanhoudend ongeoorloofd verzuim: 16 uur op
    do 13 nov"."""
    from verzuimdesk.domain.signal_base import short_date

    out = []
    if f.hours_16_on is not None:
        out.append(f"bij aanhoudend ongeoorloofd verzuim: 16 uur op {short_date(f.hours_16_on)}")
    if f.thuiszitter_on is not None:
        out.append(f"bij aanhoudend verzuim: thuiszitter (21 schooldagen) op {short_date(f.thuiszitter_on)}")
    return tuple(out)
