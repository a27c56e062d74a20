"""Evaluates a protocol's conditions for one pupil at any date, with trigger dates and case start.

An `Evaluator` holds one pupil's measures and memoises every condition answer by (condition, date,
restart point), so `evaluate` on one day and `timeline` over a year share the work. A condition at
date t sees only records and events dated on or before t.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tests.domain.reference_engine import luxe
from tests.domain.reference_engine.halfweeks import half_week_index
from tests.domain.reference_engine.measures import PupilMeasures, Series
from verzuimdesk.domain.calendar import SchoolCalendar, add_months
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.leerplicht import Leerplicht, leerplicht_of
from verzuimdesk.domain.protocol import Condition, Protocol, Rule
from verzuimdesk.domain.records import Event, PupilData

RUN_KIND = "absence_run_longer_than_weeks"
RESTARTABLE = frozenset({"minutes_in_window", "occurrences_in_school_year"})
THUISZITTER_DAYS = 20  # PROTOCOLS.md §1b: a current absence run of more than 4 weeks, in every protocol


def reports_to_duo(rule: Rule) -> bool:
    """A rule with a `duo_report`: it counts only what lies in leerplicht (PROTOCOLS.md §1b)."""
    return any(a.kind is ActionKind.DUO_REPORT for a in rule.actions)


def only_duo(rule: Rule) -> bool:
    """A rule whose every action is a `duo_report`: it does not hold for a pupil not leerplichtig."""
    return all(a.kind is ActionKind.DUO_REPORT for a in rule.actions)


@dataclass(frozen=True, slots=True)
class Measure:
    """A condition's value at a date; minutes are converted to hours for `value`/`threshold`."""

    holds: bool
    value: float
    threshold: float
    unit: str
    start: date | None
    end: date | None
    record_ids: tuple[int, ...] = ()
    event_ids: tuple[int, ...] = ()


NO = Measure(False, 0, 0, "", None, None)


def _full_months(since: date, t: date) -> int:
    n = 0
    while add_months(since, n + 1) <= t:
        n += 1
    return n


class Evaluator:
    """`plain` counts every record; `legal` (for rules with a `duo_report`) only those dated in
    leerplicht. For most pupils the two are one and the same evaluator."""

    def __init__(self, pupil: PupilData, calendar: SchoolCalendar, protocol: Protocol,
                 plain: Evaluator | None = None) -> None:
        self.pupil = pupil
        self.protocol = protocol
        self.calendar = calendar
        self.plain = plain or self
        self.leerplicht: Leerplicht = plain.leerplicht if plain else leerplicht_of(pupil, calendar)
        self._legal: Evaluator | None = self if plain is not None else None
        self.m = PupilMeasures(pupil, calendar)
        self.g = self.m.g
        self.rules = {r.id: r for r in protocol.rules}
        self.events = tuple(sorted(pupil.events, key=lambda e: (e.day, e.id)))
        self._by_kind: dict[ActionKind, tuple[Event, ...]] = {}
        for e in self.events:
            self._by_kind[e.kind] = (*self._by_kind.get(e.kind, ()), e)
        self._memo: dict[tuple[int, date, date | None], Measure] = {}
        self._case_memo: dict[date, date | None] = {}
        self._possible: dict[int, bool] = {}
        self.live: tuple[tuple[Rule, bool, Evaluator], ...] | None = None  # the engine's, see status_of
        self.case_rules = tuple(r for r in protocol.rules if r.starts_case)

    @property
    def legal(self) -> Evaluator:
        """The evaluator of the rules with a `duo_report`: records outside leerplicht left out."""
        if self._legal is None:
            kept = tuple(r for r in self.pupil.records if self.leerplicht.counts(r))
            self._legal = (self if len(kept) == len(self.pupil.records)
                           else Evaluator(replace(self.pupil, records=kept), self.calendar, self.protocol, self))
        return self._legal

    def leerplichtig(self, t: date) -> bool:
        return self.leerplicht.on(t)

    def for_rule(self, rule: Rule) -> Evaluator:
        return self.legal if reports_to_duo(rule) else self.plain

    # -- events -------------------------------------------------------------------------------

    def events_of(self, kind: ActionKind, start: date, end: date) -> tuple[Event, ...]:
        evs = self._by_kind.get(kind, ())
        lo = bisect_left(evs, start, key=lambda e: e.day)
        return evs[lo : bisect_right(evs, end, key=lambda e: e.day)]

    # -- conditions ---------------------------------------------------------------------------

    def possible(self, cond: Condition) -> bool:
        """A cheap test that `cond` can hold at some date; most pupils fail it for most rules."""
        key = id(cond)
        if key not in self._possible:
            self._possible[key] = self._possible_uncached(cond)
        return self._possible[key]

    def _possible_uncached(self, c: Condition) -> bool:
        k = c.kind
        if k in {"minutes_in_window", "current_sick_episode_minutes"}:
            cats = frozenset({Category.SICK}) if k == "current_sick_episode_minutes" else c.categories
            return self.m.series(cats).cum[-1] * 1.0 >= c.threshold or c.threshold == 0
        if k in {"any_record_in_window", "each_record", "occurrences_in_school_year"}:
            return len(self.m.series(c.categories).days) >= max(1, int(c.threshold))
        if k == "sick_episodes_in_window":
            return len(self.m.episodes) >= c.threshold
        if k == "current_sick_episode_days":
            return max((b - a + 1 for a, b in self.m.episodes), default=0) >= c.threshold
        if k == RUN_KIND:
            return self.m.max_run > 5 * c.weeks
        if k == "rule_holds":
            return self.possible(self.rules[c.rule].condition)
        if k == "any_of":
            return any(self.possible(p) for p in c.parts)
        if k == "thuiszitter_months_without_event":
            return self.possible(self.rules[c.rule].condition)
        if k == "luxe_in_window":
            return luxe.has_luxe(self.m)
        if k == "half_weeks":
            return len(set(self.m.series(c.categories).days)) >= 5
        return self.pupil.case_start is not None or any(self.possible(r.condition) for r in self.case_rules)

    def measure(self, c: Condition, t: date, after: date | None = None) -> Measure:
        if not self.possible(c):
            return NO
        key = (id(c), t, after)
        got = self._memo.get(key)
        if got is None:
            got = self._measure(c, t, after)
            self._memo[key] = got
        return got

    def holds(self, c: Condition, t: date, after: date | None = None) -> bool:
        return self.measure(c, t, after).holds

    def _measure(self, c: Condition, t: date, after: date | None) -> Measure:
        m, g, k = self.m, self.g, c.kind
        if k in {"minutes_in_window", "any_record_in_window"}:
            win = m.window(t, c.window)
            if win is None:
                return NO
            s = m.series(c.categories)
            lo, hi = s.bounds(win[0], t, after)
            ids = tuple(r.id for r in s.records[lo:hi])
            if k == "any_record_in_window":
                return Measure(hi > lo, hi - lo, 1, "keer", win[0], t, ids)
            minutes = s.cum[hi] - s.cum[lo]
            return Measure(c.compare(minutes), minutes / 60, c.threshold / 60, "uur", win[0], t, ids)
        if k == "occurrences_in_school_year":
            year = m.calendar.school_year_of(t)
            if year is None:
                return NO
            s = m.series(c.categories)
            lo, hi = s.bounds(year.start, t, after)
            ids = tuple(r.id for r in s.records[lo:hi])
            return Measure(c.compare(hi - lo), hi - lo, c.threshold, "keer", year.start, t, ids)
        if k == "sick_episodes_in_window":
            win = m.window(t, c.window)
            if win is None:
                return NO
            n = m.episodes_starting(win[0], t)
            ids = tuple(r.id for r in m.series(frozenset({Category.SICK})).records if win[0] <= r.day <= t)
            return Measure(c.compare(n), n, c.threshold, "ziekmeldingen", win[0], t, ids)
        if k in {"current_sick_episode_minutes", "current_sick_episode_days"}:
            ep = m.current_episode(t)
            if ep is None:
                return NO
            minutes, ep_ids = m.episode_minutes(*ep)
            first, last = g.days[ep[0]], g.days[ep[1]]
            if k == "current_sick_episode_days":
                n = ep[1] - ep[0] + 1
                return Measure(c.compare(n), n, c.threshold, "schooldagen", first, last, tuple(ep_ids))
            return Measure(
                c.compare(minutes), minutes / 60, c.threshold / 60, "uur", first, last, tuple(ep_ids)
            )
        if k == RUN_KIND:
            run = m.current_run(t)
            if run is None:
                return NO
            n = run[1] - run[0] + 1
            ids = tuple(m.records_on(*run))
            return Measure(
                n > 5 * c.weeks, n, 5 * c.weeks, "schooldagen", g.days[run[0]], g.days[run[1]], ids
            )
        if k == "rule_holds":  # the plain condition, so a school's own follow-up holds outside leerplicht too
            return self.plain.measure(self.rules[c.rule].condition, t)
        if k == "luxe_in_window":
            win = m.window(t, c.window)
            eps = luxe.episodes(m, win[0], t) if win is not None else []
            if not eps:
                return NO
            lx = eps[-1]
            return Measure(True, lx.minutes / 60, 0, "uur", lx.first, lx.last, lx.record_ids)
        if k == "half_weeks":
            hw = half_week_index(m, c.categories).at(t, strict=True)
            if hw is None:
                return NO
            return Measure(True, hw.absent / 60, hw.lestijd / 120, "uur", hw.weeks[0].first, t, hw.record_ids)
        if k == "any_of":
            parts = [self.measure(p, t, after) for p in c.parts]
            held = [p for p in parts if p.holds]
            if not held:
                return NO
            lead = held[0]
            starts = [p.start for p in held if p.start is not None]
            rec_ids = tuple(sorted({i for p in held for i in p.record_ids}))
            ev_ids = tuple(sorted({i for p in held for i in p.event_ids}))
            return Measure(
                True, lead.value, lead.threshold, lead.unit, min(starts, default=None), t, rec_ids, ev_ids
            )
        if k == "case_age_without_restoration":
            cs = self.case_start(t)
            if cs is None:
                return NO
            if c.duration_unit == "weken":
                due, value = cs + timedelta(weeks=c.duration), (t - cs).days // 7
            else:
                due = m.calendar.add_schooldagen(cs, c.duration, m.group)
                value = max(0, g.last_index(t) - g.last_index(cs))
            ok = t >= due and not m.restored(t)
            return Measure(ok, value, c.duration, c.duration_unit, cs, t)
        if k == "months_after_event_without_restoration":
            cs = self.case_start(t)
            assert c.event is not None
            found = self.events_of(c.event, cs, t) if cs is not None else ()
            if not found:
                return NO
            latest = found[-1]
            ok = t >= add_months(latest.day, c.months) and not m.restored(t)
            return Measure(
                ok, _full_months(latest.day, t), c.months, "maanden", latest.day, t, (), (latest.id,)
            )
        if k == "thuiszitter_months_without_event":
            run = m.current_run(t)
            if run is None or not self.holds(self.rules[c.rule].condition, t):
                return NO
            start = g.days[run[0]]
            assert c.event is not None
            offers = self.events_of(c.event, start, t)
            ok = t > add_months(start, c.months) and not offers
            return Measure(
                ok, _full_months(start, t), c.months, "maanden", start, t, tuple(m.records_on(*run))
            )
        raise ValueError(k)  # each_record is answered per record by the engine

    # -- trigger dates ------------------------------------------------------------------------

    def trigger(self, c: Condition, peil: date, after: date | None = None) -> date:
        """The first schooldag of the current episode in which `c` holds (held on `peil`)."""
        days = self.g.days
        i = self.g.last_index(peil)
        if i < 0 or not self.holds(c, days[i], after):
            return peil
        while i > 0 and (after is None or days[i - 1] > after) and self.holds(c, days[i - 1], after):
            i -= 1
        return days[i]

    def restart_history(self, rule: Rule, peil: date) -> list[tuple[date, date | None, Event | None]]:
        """Every trigger of a rule that restarts counting after each duo_report, up to `peil`, oldest
        first: (trigger, restart point it counted after, the report that answered it or None).

        Walks the schooldagen forward: when the condition becomes true a report is due; the first
        report on or after that trigger not used by an earlier one answers it, and the count restarts
        on the schooldag after the trigger date, the report's einddatum (PROTOCOLS.md §1b: "de dag na
        de einddatum van de 1e melding begint u opnieuw te tellen"), not after the report's date.
        """
        c = rule.condition
        days, g = self.g.days, self.g
        reports = self.events_of(ActionKind.DUO_REPORT, date.min, peil)
        series = self.m.series(c.categories)
        i = max(0, bisect_left(days, series.days[0])) if series.days else 0
        last = g.last_index(peil)
        after: date | None = None
        trig: date | None = None
        used = 0
        out: list[tuple[date, date | None, Event | None]] = []
        bounded = c.kind in RESTARTABLE
        checked: tuple[date | None] | None = None  # the restart point `_short_of` was last asked about
        while i <= last:
            if bounded and trig is None and checked != (after,):
                checked = (after,)
                if self._short_of(c, series, peil, after):
                    break  # from here to `peil` it holds on no day: nothing more to find
            t = days[i]
            held = self.holds(c, t, after)
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

    @staticmethod
    def _short_of(c: Condition, series: Series, peil: date, after: date | None) -> bool:
        """Everything recorded after `after` up to `peil` falls short of the threshold of `c` (a count of
        minutes or records): every window counts a part of it, so `c` holds on no day up to `peil`. Most
        pupils' walk through the schooldagen in `restart_history` ends here at once."""
        lo, hi = series.bounds(date.min, peil, after)
        total = series.cum[hi] - series.cum[lo] if c.kind == "minutes_in_window" else hi - lo
        return total <= c.threshold if c.op == ">" else total < c.threshold

    def restart_trigger(self, rule: Rule, peil: date) -> tuple[date, date | None, Event | None] | None:
        """The trigger of a restart rule at `peil`: the open one, else the last answered one while its
        count still holds; (trigger, restart point, report), or None when the rule does not hold."""
        c = rule.condition
        if not self.holds(c, peil):
            return None
        history = self.restart_history(rule, peil)
        if history and history[-1][2] is None:
            return history[-1]
        if history and self.holds(c, peil, history[-1][1]):
            return history[-1]
        if self.g.last_index(peil) < 0:
            return peil, None, None
        return None

    # -- the case of zorgwekkend verzuim --------------------------------------------------------

    def case_start(self, t: date) -> date | None:
        """Start of the open case at t: set by hand, or from a rule that starts the case.

        A case opened by a rule stays open after the rule stops holding until attendance is
        restored (PROTOCOLS.md §3), so a pupil back for a few days still has an open case.
        """
        if t in self._case_memo:
            return self._case_memo[t]
        found = [self.pupil.case_start] if self.pupil.case_start and self.pupil.case_start <= t else []
        for rule in self.case_rules:
            if not self.possible(rule.condition):
                continue
            days = self.g.days
            i = self.g.last_index(t)
            while i >= 0:
                d = days[i]
                if self.holds(rule.condition, d):
                    found.append(self.anchor(rule, d))
                    break
                if self.m.restored(d):
                    break
                i -= 1
        result = min(found) if found else None
        self._case_memo[t] = result
        return result

    def anchor(self, rule: Rule, t: date) -> date:
        """Where a case starts for a rule holding at t: the run's first day for a run rule."""
        trig = self.trigger(rule.condition, t)
        c = rule.condition
        runs = [c] if c.kind == RUN_KIND else [p for p in c.parts if p.kind == RUN_KIND]
        for run_cond in runs:
            got = self.measure(run_cond, trig)
            if got.holds and got.start is not None:
                return got.start
        return trig

    def thuiszitter(self, t: date) -> bool:
        """The current absence run at t holds more than 20 schooldagen (PROTOCOLS.md §1b), in every
        protocol; HW-THUIS and its kin name it, and a protocol without such a rule uses it too."""
        run = self.m.current_run(t)
        return run is not None and run[1] - run[0] + 1 > THUISZITTER_DAYS
