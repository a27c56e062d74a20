"""The walk of a rule whose count restarts after each DUO report (`herstart_na_melding`, PROTOCOLS.md §1b):
which trigger each report answered, and the trigger that holds at a peildatum."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.measures import Series
from verzuimdesk.domain.protocol import Condition, Rule
from verzuimdesk.domain.records import Event

if TYPE_CHECKING:
    from verzuimdesk.domain.conditions import Evaluator

RESTARTABLE = frozenset({"minutes_in_window", "occurrences_in_school_year"})


def history(ev: Evaluator, rule: Rule, peil: date) -> list[tuple[date, date | None, Event | None]]:
    """Every trigger of a rule that restarts counting after each duo_report, up to `peil`, oldest
    first: (trigger, restart point it counted after, the report that answered it or None).

    Walks the schooldagen forward: when the condition becomes true a report is due; the first
    report on or after that trigger not used by an earlier one answers it, and the count restarts
    on the schooldag after the trigger date, the report's einddatum (PROTOCOLS.md §1b: "de dag na
    de einddatum van de 1e melding begint u opnieuw te tellen"), not after the report's date.
    """
    c = rule.condition
    days, g = ev.g.days, ev.g
    reports = ev.events_of(ActionKind.DUO_REPORT, date.min, peil)
    series = ev.m.series(c.categories)
    i = max(0, bisect_left(days, series.days[0])) if series.days else 0
    last = g.last_index(peil)
    if not reports:  # nothing restarts the count: at most the run of days it holds on up to `peil`
        return _unanswered(ev, c, i, last)
    after: date | None = None
    trig: date | None = None
    used = 0
    out: list[tuple[date, date | None, Event | None]] = []
    bounded = c.kind in RESTARTABLE
    checked: tuple[date | None] | None = None  # the restart point `_short_of` was last asked about
    while i <= last:
        if bounded and trig is None and checked != (after,):
            checked = (after,)
            if _short_of(c, series, peil, after):
                break  # from here to `peil` it holds on no day: nothing more to find
        t = days[i]
        held = ev.holds(c, t, after)
        if held and trig is None:
            trig = t
        elif not held:
            trig = None
        if trig is not None:
            k = max(used, bisect_left(reports, trig, key=lambda e: e.day))
            if k < len(reports):
                out.append((trig, after, reports[k]))
                used, after, trig = k + 1, trig, None
                i = bisect_right(days, after)
                continue
        i += 1
    if trig is not None:
        out.append((trig, after, None))
    return out


def first_unanswered(ev: Evaluator, rule: Rule, peil: date, since: date = date.min) -> tuple[date, date | None] | None:
    """The earliest trigger from `since` up to `peil` of a restart rule that no report answers, with the
    restart point it counted after: what the forward walk of `history` meets first without a report, also
    when the count has stopped holding since (a report is owed to DUO all the same, PROTOCOLS.md §1b). None
    when every trigger has its report. Past the first trigger without a report the count restarts no more,
    so a later one (from `since` on) is the first day it holds after a day it does not.

    The count of a rule without a maximum turns true only on a schooldag with a record of its categories
    (no other day adds minutes or occurrences), so the walk looks only at those days; a rule with a maximum
    is walked day by day."""
    c = rule.condition
    g = ev.g
    reports = ev.events_of(ActionKind.DUO_REPORT, date.min, peil)
    series = ev.m.series(c.categories)
    if c.maximum is not None:
        candidates: Sequence[date] = g.days[:g.last_index(peil) + 1]
    else:  # the schooldagen with a record, kept with the measures for every peildatum
        key = ("record_schooldagen", c.categories)
        kept = ev.m.derived.get(key)
        if kept is None:
            kept = ev.m.derived[key] = sorted({d for d in series.days if d in g.index})
        assert isinstance(kept, list)
        candidates = kept[:bisect_right(kept, peil)]
    after: date | None = None
    used = 0
    while not _short_of(c, series, peil, after):
        start = bisect_right(candidates, after) if after is not None else 0
        trig = next((d for d in candidates[start:] if ev.holds(c, d, after)), None)
        if trig is None:
            return None
        k = max(used, bisect_left(reports, trig, key=lambda e: e.day))
        if k >= len(reports):
            return _from(ev, c, candidates, trig, after, since)
        used, after = k + 1, trig
    return None


def _from(ev: Evaluator, c: Condition, candidates: Sequence[date], trig: date, after: date | None,
          since: date) -> tuple[date, date | None] | None:
    """The trigger `trig` without a report when it lies on or after `since`, else the first later one that
    does: a run of days it holds on that starts from `since` on (one that started before goes with it).
    The walk restarts no more, so `after` stays."""
    if trig >= since:
        return trig, after
    g = ev.g
    for d in candidates[bisect_left(candidates, since):]:
        i = g.index[d]
        if ev.holds(c, d, after) and not (i > 0 and ev.holds(c, g.days[i - 1], after)):
            return d, after
    return None


def _unanswered(ev: Evaluator, c: Condition, first: int, last: int) -> list[tuple[date, date | None, Event | None]]:
    """What the forward walk from schooldag `first` finds when no report answers any trigger: the
    trigger of the run of days on which `c` holds that reaches schooldag `last`, or nothing (a run
    that ended before `last` is forgotten by the walk, as no report answered it). Walked backward from
    `last`: the same days the forward walk would test last."""
    days = ev.g.days
    if last < first or not ev.holds(c, days[last]):
        return []
    i = last
    while i > first and ev.holds(c, days[i - 1]):
        i -= 1
    return [(days[i], None, None)]


def _short_of(c: Condition, series: Series, peil: date, after: date | None) -> bool:
    """Everything recorded after `after` up to `peil` falls short of the threshold of `c` (a count of
    minutes or records): every window counts a part of it, so `c` holds on no day up to `peil`. Most
    pupils' walk through the schooldagen in `restart_history` ends here at once."""
    lo, hi = series.bounds(date.min, peil, after)
    total = series.cum[hi] - series.cum[lo] if c.kind == "minutes_in_window" else hi - lo
    return total <= c.threshold if c.op == ">" else total < c.threshold


def trigger(ev: Evaluator, rule: Rule, peil: date) -> tuple[date, date | None, Event | None] | None:
    """The trigger of a restart rule at `peil`: the open one, else the last answered one while its
    count still holds; (trigger, restart point, report), or None when the rule does not hold."""
    c = rule.condition
    if not ev.holds(c, peil):
        return None
    found = history(ev, rule, peil)
    if found and found[-1][2] is None:
        return found[-1]
    if found and ev.holds(c, peil, found[-1][1]):
        return found[-1]
    if ev.g.last_index(peil) < 0:
        return peil, None, None
    return None
