"""Evaluates a protocol's conditions for one pupil at any date, with trigger dates and case start.

An `Evaluator` holds one pupil's measures and memoises every condition answer by (condition, date,
restart point), so `evaluate` on one day and `timeline` over a year share the work. A condition at
date t sees only records and events dated on or before t.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date, timedelta
from operator import attrgetter

from verzuimdesk.domain import luxe, restarts
from verzuimdesk.domain.calendar import SchoolCalendar, add_months
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.halfweeks import half_week_index
from verzuimdesk.domain.leerplicht import Leerplicht, leerplicht_of
from verzuimdesk.domain.measures import (
    NO,
    Measure,
    PupilMeasures,
    counts_of,
    lazy,
)
from verzuimdesk.domain.protocol import Condition, Protocol, Rule
from verzuimdesk.domain.quick_conditions import quick_holds, record_run_start
from verzuimdesk.domain.records import Event, PupilData
from verzuimdesk.domain.screen import (
    RUN_KIND,
    THUISZITTER_DAYS,
    Plan,
    full_months,
    may_hold,
    may_sit_at_home,
    plan_of,
    possible,
    quiet,
    reports_to_duo,
    rules_of,
)

# The kinds that count nothing but the records of their categories (and the calendar, events, enrolment).
OWN_RECORDS = frozenset({"minutes_in_window", "any_record_in_window", "each_record", "occurrences_in_school_year",
                         "half_weeks"})
_DAY_ID = attrgetter("day", "id")


class Evaluator:
    """`plain` counts every record; `legal` (for rules with a `duo_report`) only those dated in
    leerplicht. For most pupils the two are one and the same evaluator."""

    def __init__(self, pupil: PupilData, calendar: SchoolCalendar, protocol: Protocol,
                 plain: Evaluator | None = None) -> None:
        self.pupil = pupil
        self.protocol = protocol
        self.calendar = calendar
        # No reference to itself: an evaluator is freed when its last use ends, without waiting for the
        # garbage collector to find a cycle (only one of leerplicht and its `plain` make one).
        self._plain = plain
        self._leerplicht: Leerplicht | None = plain.leerplicht if plain else None
        self._legal: Evaluator | None = None
        self._legal_is_self = plain is not None
        self.g = calendar.group_days(pupil.group)
        self.rules, self.case_rules, self._rule_at = rules_of(protocol)
        self._by_kind: dict[ActionKind, tuple[Event, ...]] | None = None
        self._memo: dict[tuple[int, date, date | None], Measure] = {}
        self._holds: dict[tuple[int, date, date | None], bool] = {}
        self._case_memo: dict[date, date | None] = {}
        self._possible: dict[int, bool] = {}
        self.live: tuple[tuple[Rule, bool, bool], ...] | None = None  # the engine's, see status_of

    @lazy
    def counts(self) -> dict[Category, int]:
        """The number of the pupil's records per category."""
        return counts_of(self.pupil.records)

    @lazy
    def m(self) -> PupilMeasures:
        """The pupil's measures, made on first use: a pupil `quiet` needs none."""
        return PupilMeasures(self.pupil, self.calendar, self.counts)

    @lazy
    def plan(self) -> Plan:
        return plan_of(self.protocol, self.g)

    @lazy
    def may_hold(self) -> list[bool]:
        """Per rule of the protocol, False where it cannot hold at any date: too few records (screen.py)."""
        return may_hold(self.plan, self.pupil, self.counts)

    def quiet(self) -> bool:
        """No rule can hold for the pupil at any date, nor can the pupil be a thuiszitter (screen.py)."""
        return quiet(self.plan, self.pupil, self.counts)

    @property
    def leerplicht(self) -> Leerplicht:
        if self._leerplicht is None:
            self._leerplicht = leerplicht_of(self.pupil, self.calendar)
        return self._leerplicht

    @lazy
    def events(self) -> tuple[Event, ...]:
        evs = self.pupil.events
        return tuple(sorted(evs, key=_DAY_ID)) if len(evs) > 1 else tuple(evs)

    @property
    def plain(self) -> Evaluator:
        """The evaluator of all records: this one, or the one this evaluator of leerplicht was made of."""
        return self if self._plain is None else self._plain

    @property
    def legal(self) -> Evaluator:
        """The evaluator of the rules with a `duo_report`: records outside leerplicht left out."""
        if self._legal_is_self:
            return self
        if self._legal is None:
            lp, recs = self.leerplicht, self.m.records
            if not lp.exemptions and (lp.start is None or not recs or recs[0].day >= lp.start):
                self._legal_is_self = True  # every record is dated in leerplicht (they are in date order)
                return self
            start = lp.start
            kept = (tuple(r for r in self.pupil.records if r.day >= start)
                    if not lp.exemptions and start is not None else
                    tuple(r for r in self.pupil.records if lp.counts(r)))
            if len(kept) == len(self.pupil.records):
                self._legal_is_self = True
                return self
            self._legal = Evaluator(replace(self.pupil, records=kept), self.calendar, self.protocol, self)
        return self._legal

    def counts_in_leerplicht(self, c: Condition) -> bool:
        """`c` counts only records of its categories, and every one of them is dated in leerplicht: it
        answers the same on all records as on those in leerplicht (no vrijstelling recorded)."""
        lp = self.leerplicht
        if c.kind not in OWN_RECORDS or lp.exemptions:
            return False
        days = self.m.series(c.categories).days
        return lp.start is None or not days or days[0] >= lp.start

    def leerplichtig(self, t: date) -> bool:
        return self.leerplicht.on(t)

    def for_rule(self, rule: Rule) -> Evaluator:
        return self.legal if reports_to_duo(rule) else self.plain

    # -- events -------------------------------------------------------------------------------

    def events_of(self, kind: ActionKind, start: date, end: date) -> tuple[Event, ...]:
        by_kind = self._by_kind
        if by_kind is None:
            by_kind = self._by_kind = {}
            for e in self.events:
                by_kind[e.kind] = (*by_kind.get(e.kind, ()), e)
        evs = by_kind.get(kind, ())
        if not evs:
            return ()
        lo = bisect_left(evs, start, key=lambda e: e.day)
        return evs[lo : bisect_right(evs, end, key=lambda e: e.day)]

    # -- conditions ---------------------------------------------------------------------------

    def possible(self, cond: Condition) -> bool:
        """A cheap test that `cond` can hold at some date; most pupils fail it for most rules."""
        got = self._possible.get(id(cond))
        if got is None:
            k = self._rule_at.get(id(cond))  # a rule's condition: too few records rule it out (in leerplicht too)
            got = self._possible[id(cond)] = (k is None or self.plain.may_hold[k]) and possible(self, cond)
        return got

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
        """`measure(c, t, after).holds`, without the figures and records where it can: the walks through
        the schooldagen (trigger dates, restarts, the case start) ask only this."""
        key = (id(c), t, after)
        got = self._holds.get(key)
        if got is None:
            can = self._possible.get(key[0])
            if not (self.possible(c) if can is None else can):
                got = False
            elif c.kind == "rule_holds":  # the plain condition, as `_measure` counts it
                got = self.plain.holds(self.rules[c.rule].condition, t)
            elif c.kind == "any_of":
                got = False
                for p in c.parts:  # a rule_holds part of an evaluator of all records: the rule's condition itself
                    if (self.holds(self.rules[p.rule].condition, t) if p.kind == "rule_holds" and self._plain is None
                            else self.holds(p, t, after)):
                        got = True
                        break
            else:
                got = quick_holds(self.m, c, t, after)
                if got is None:
                    got = self.measure(c, t, after).holds
            self._holds[key] = got
        return got

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
                ok, full_months(latest.day, t), c.months, "maanden", latest.day, t, (), (latest.id,)
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
                ok, full_months(start, t), c.months, "maanden", start, t, tuple(m.records_on(*run))
            )
        raise ValueError(k)  # each_record is answered per record by the engine

    # -- trigger dates ------------------------------------------------------------------------

    def trigger(self, c: Condition, peil: date, after: date | None = None) -> date:
        """The first schooldag of the current episode in which `c` holds (held on `peil`)."""
        days = self.g.days
        i = self.g.last_index(peil)
        if i < 0 or not self.holds(c, days[i], after):
            return peil
        if c.kind == "any_record_in_window":
            return days[record_run_start(self.m, c, i, after)]
        while i > 0 and (after is None or days[i - 1] > after) and self.holds(c, days[i - 1], after):
            i -= 1
        return days[i]

    def restart_history(self, rule: Rule, peil: date) -> list[tuple[date, date | None, Event | None]]:
        """Every trigger of a restart rule up to `peil`, with the report that answered it (restarts.py)."""
        return restarts.history(self, rule, peil)

    def restart_trigger(self, rule: Rule, peil: date) -> tuple[date, date | None, Event | None] | None:
        """The trigger of a restart rule at `peil`, with its restart point and report (restarts.py)."""
        return restarts.trigger(self, rule, peil)

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
        if not may_sit_at_home(self.counts):
            return False  # too few records for such a run
        run = self.m.current_run(t)
        return run is not None and run[1] - run[0] + 1 > THUISZITTER_DAYS
