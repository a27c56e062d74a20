"""Whether a condition can hold for a pupil at some date at all: exactly (`possible`), and as a bound
from the number of records per category alone (`quiet`).

Many pupils of a school have too few records of the categories the protocol counts for any of its rules
(4 in 10 of the demo school), so their status is known without measuring anything: `quiet` counts
their records by category and holds them against each rule's least number of records: a rule that
counts minutes needs at least its threshold over the group's longest lestijd of a day in records, one of
sick episodes or an absence run at least as many records as days, and so on. The bound holds as well for
the records in leerplicht only (they are some of them), which the rules with a `duo_report` count.
For the other pupils `may_hold` tells per rule whether to ask `possible` at all.

Also here: what the engine works out once per protocol (`rules_of`, the duo flags of a rule).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from verzuimdesk.domain import luxe
from verzuimdesk.domain.calendar import GroupDays, add_months
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.halfweeks import HALF_WEEKS
from verzuimdesk.domain.measures import ABSENT, SICK, PupilMeasures
from verzuimdesk.domain.protocol import Condition, Protocol, Rule, once_per_protocol
from verzuimdesk.domain.records import PupilData

if TYPE_CHECKING:
    from verzuimdesk.domain.conditions import Evaluator

RUN_KIND = "absence_run_longer_than_weeks"
THUISZITTER_DAYS = 20  # PROTOCOLS.md §1b: a current absence run of more than 4 weeks, in every protocol
# The kinds whose `possible` cannot turn true when records are left out (sums, counts, the longest run or
# episode: fewer records make none of them larger); the number of sick episodes can (a gap splits one).
MONOTONE = frozenset({"minutes_in_window", "current_sick_episode_minutes", "any_record_in_window", "each_record",
                      "occurrences_in_school_year", "current_sick_episode_days", RUN_KIND, "luxe_in_window",
                      "half_weeks"})


RulesOf = tuple[dict[str, Rule], tuple[Rule, ...], dict[int, int]]
_RULES: dict[int, tuple[Protocol, RulesOf]] = {}


def rules_of(protocol: Protocol) -> RulesOf:
    """The protocol's rules by id, those that start a case, and the position of each rule by its condition
    (by id), once per protocol rather than per pupil."""
    return once_per_protocol(_RULES, protocol, lambda p: (
        {r.id: r for r in p.rules}, tuple(r for r in p.rules if r.starts_case),
        {id(r.condition): k for k, r in enumerate(p.rules)}))


def reports_to_duo(rule: Rule) -> bool:
    """A rule with a `duo_report`: it counts only what lies in leerplicht (PROTOCOLS.md §1b)."""
    return any(a.kind is ActionKind.DUO_REPORT for a in rule.actions)


def only_duo(rule: Rule) -> bool:
    """A rule whose every action is a `duo_report`: it does not hold for a pupil not leerplichtig."""
    return all(a.kind is ActionKind.DUO_REPORT for a in rule.actions)


def full_months(since: date, t: date) -> int:
    """Whole calendar months from `since` to `t`."""
    n = 0
    while add_months(since, n + 1) <= t:
        n += 1
    return n


def possible(ev: Evaluator, c: Condition) -> bool:
    """`c` can hold at some date for the records of `ev` (uncached; `Evaluator.possible` keeps it).

    The counts of records come first where they bound the number and the length of episodes and runs."""
    k, m = c.kind, ev.m
    if k in {"minutes_in_window", "current_sick_episode_minutes"}:
        if c.threshold <= 0:
            return True
        cats = SICK if k == "current_sick_episode_minutes" else c.categories
        if m.count(cats) * ev.plan.longest < c.threshold or not reaches(c, m.total(cats)):
            return False  # too few records for the minutes, whatever they are
        return reaches(c, most_in_window(m, cats, c.window) if k == "minutes_in_window" else longest_episode(m))
    if k in {"any_record_in_window", "each_record"}:
        return m.count(c.categories) >= max(1, int(c.threshold))
    if k == "occurrences_in_school_year":  # a threshold that no record meets (0) holds on none in a year too
        need = max(1, int(c.threshold))
        return m.count(c.categories) >= need and (reaches(c, 0) or most_in_a_year(m, c) >= need)
    if k == "sick_episodes_in_window":
        if c.threshold <= 0:
            return True
        return (m.sick_records >= c.threshold and len(m.episodes) >= c.threshold
                and reaches(c, most_episodes_in_window(m, c.window)))
    if k == "current_sick_episode_days":
        return (m.sick_records >= c.threshold and max((b - a + 1 for a, b in m.episodes), default=0)
                >= c.threshold) or c.threshold <= 0
    if k == RUN_KIND:
        return m.absent_records > 5 * c.weeks and m.max_run > 5 * c.weeks
    if k == "rule_holds":  # measured on all records (conditions.py), so screened on them too
        return ev.plain.possible(ev.rules[c.rule].condition)
    if k == "thuiszitter_months_without_event":
        return ev.possible(ev.rules[c.rule].condition)
    if k == "any_of":
        return any(ev.possible(p) for p in c.parts)
    if k == "luxe_in_window":
        return luxe.has_luxe(m)
    if k == "half_weeks":
        return m.count(c.categories) >= HALF_WEEKS and bool(run_starts(m, c))
    return ev.pupil.case_start is not None or any(ev.possible(r.condition) for r in ev.case_rules)


def reaches(c: Condition, most: float) -> bool:
    """A value of at most `most` can meet `c`'s threshold (its `maximum` aside: `possible` is a bound)."""
    return most > c.threshold if c.op == ">" else most >= c.threshold


# The bounds below look at every date at once: what a condition counts at any date t lies within some
# `window` consecutive lesweken (`calendar.lesweek_window`: from the Monday of the lesweek `window - 1`
# lesweken before the one of t, to t), within one sick episode, within one school year. Each is kept
# with the pupil's measures, for every peildatum.


def _week_positions(m: PupilMeasures, days: tuple[date, ...]) -> list[int]:
    """The position in the group's lesweken of the lesweek each of `days` falls in (-1 before the first)."""
    mondays = m.g.week_mondays
    return [bisect_right(mondays, d) - 1 for d in days]


def _most_within(weeks: list[int], cum: tuple[int, ...] | None, window: int) -> int:
    """The most that items whose week positions (`weeks`, in order) lie within `window` consecutive weeks
    add up to: their running sums `cum` (cum[0] == 0), or 1 each when None."""
    if window <= 0:
        return 0  # an empty window counts nothing
    best = lo = 0
    for hi, w in enumerate(weeks):
        while weeks[lo] <= w - window:
            lo += 1
        best = max(best, hi + 1 - lo if cum is None else cum[hi + 1] - cum[lo])
    return best


def most_in_window(m: PupilMeasures, categories: frozenset[Category], window: int) -> int:
    """The most absent minutes of `categories` that lie in the window of `window` lesweken at any date:
    a `minutes_in_window` that does not reach its threshold with them holds at no date."""
    key = ("most_minutes", categories, window)
    got = m.derived.get(key)
    if got is None:
        s = m.series(categories)
        got = m.derived[key] = _most_within(_week_positions(m, s.days), s.cum, window)
    assert isinstance(got, int)
    return got


def most_episodes_in_window(m: PupilMeasures, window: int) -> int:
    """The most sick episodes that start in the window of `window` lesweken at any date."""
    key = ("most_episodes", window)
    got = m.derived.get(key)
    if got is None:
        week_of = m.g.week_of
        got = m.derived[key] = _most_within([week_of[a] for a in m.episode_starts], None, window)
    assert isinstance(got, int)
    return got


def longest_episode(m: PupilMeasures) -> int:
    """The most sick minutes of one sick episode: the current episode at any date is (the start of) one."""
    got = m.derived.get("longest_episode")
    if got is None:
        got = m.derived["longest_episode"] = max((m.episode_minutes(a, b)[0] for a, b in m.episodes), default=0)
    assert isinstance(got, int)
    return got


def most_in_a_year(m: PupilMeasures, c: Condition) -> int:
    """The most records of `c`'s categories in one school year (`occurrences_in_school_year`)."""
    key = ("most_in_a_year", c.categories)
    got = m.derived.get(key)
    if got is None:
        days = m.series(c.categories).days
        got = m.derived[key] = max((bisect_right(days, y.end) - bisect_left(days, y.start)
                                    for y in m.calendar.school_years), default=0)
    assert isinstance(got, int)
    return got


def run_starts(m: PupilMeasures, c: Condition) -> list[date]:
    """The days on which half-weeks or a run of absence (`c`) can start to hold, in order, kept with the
    pupil's measures for every peildatum: they turn true only on a schooldag with a record of their
    categories, and half-weeks only in the 5th of 5 lesweken in a row that each have one (halfweeks.py:
    each of them has some absent minutes). Without such a day, half-weeks hold at no date."""
    key = ("run_starts", c.kind, c.categories)
    got = m.derived.get(key)
    if got is None:
        g = m.g
        days = sorted({d for d in m.series(c.categories if c.kind == "half_weeks" else ABSENT).days
                       if d in g.index})
        if c.kind == "half_weeks":
            weeks = {g.week_of[g.index[d]] for d in days}
            days = [d for d in days if all(g.week_of[g.index[d]] - k in weeks for k in range(1, HALF_WEEKS))]
        got = m.derived[key] = days
    assert isinstance(got, list)
    return got


# What a rule needs at the least to hold at some date: (always, a case opened by hand, a luxe record, at
# least n records of some categories, n minutes' worth of records of some categories at the group's longest
# lestijd of a day each); any one of them is enough.
Need = tuple[bool, bool, bool, tuple[tuple[tuple[Category, ...], float], ...],
             tuple[tuple[tuple[Category, ...], float], ...]]


def _need(protocol: Protocol, cond: Condition) -> Need:
    rules = {r.id: r for r in protocol.rules}
    case_rules = [r for r in protocol.rules if r.starts_case]
    counts: dict[frozenset[Category], float] = {}
    minutes: dict[frozenset[Category], float] = {}
    flags = {"luxe": False, "case": False, "always": False}
    seen: set[int] = set()

    def need(table: dict[frozenset[Category], float], cats: frozenset[Category], n: float) -> None:
        table[cats] = min(n, table.get(cats, n))

    def walk(c: Condition) -> None:  # every way `possible` can answer True, as a least need
        if id(c) in seen:
            return
        seen.add(id(c))
        k = c.kind
        if k in {"minutes_in_window", "current_sick_episode_minutes"}:
            if c.threshold <= 0:
                flags["always"] = True
            else:
                need(minutes, SICK if k == "current_sick_episode_minutes" else c.categories, c.threshold)
        elif k in {"any_record_in_window", "each_record", "occurrences_in_school_year"}:
            need(counts, c.categories, max(1, int(c.threshold)))
        elif k in {"sick_episodes_in_window", "current_sick_episode_days"}:
            if c.threshold <= 0:
                flags["always"] = True
            else:
                need(counts, SICK, c.threshold)
        elif k == RUN_KIND:
            need(counts, ABSENT, 5 * c.weeks + 1)
        elif k in {"rule_holds", "thuiszitter_months_without_event"}:
            walk(rules[c.rule].condition)
        elif k == "any_of":
            for p in c.parts:
                walk(p)
        elif k == "luxe_in_window":
            flags["luxe"] = True
        elif k == "half_weeks":
            need(counts, c.categories, 5)
        else:
            flags["case"] = True
            for r in case_rules:
                walk(r.condition)

    walk(cond)
    return (flags["always"], flags["case"], flags["luxe"], tuple((tuple(c), n) for c, n in counts.items()),
            tuple((tuple(c), n) for c, n in minutes.items()))


@dataclass(frozen=True, slots=True)
class Plan:
    """A protocol's needs for the schooldagen of one group, minutes turned into records at the group's
    longest lestijd of a day (`longest`). `cats` are the distinct category sets counted; for each, `lowest`
    is the least number of its records any rule needs (the thuiszitter's run included), and `needs` the
    (least, rule index) of the rules that need some, fewest first. `always`, `on_case` and `on_luxe` are the
    rules that may hold on no record, on a case opened by hand, on a luxe record."""

    rules: int
    longest: int
    cats: tuple[tuple[Category, ...], ...]
    lowest: tuple[float, ...]
    needs: tuple[tuple[tuple[float, int], ...], ...]
    always: tuple[int, ...]
    on_case: tuple[int, ...]
    on_luxe: tuple[int, ...]
    single: tuple[tuple[Category, float], ...]  # (category, lowest) of the sets of one category
    multiple: tuple[tuple[tuple[Category, ...], float], ...]  # (categories, lowest) of the other sets


def _plan(protocol: Protocol, g: GroupDays) -> Plan:
    longest = max(g.minutes, default=0)
    cats: dict[tuple[Category, ...], list[tuple[float, int]]] = {_THUISZITTER: []}
    flags: list[tuple[bool, bool, bool]] = []
    for k, r in enumerate(protocol.rules):
        always, case, lx, counts, minutes = _need(protocol, r.condition)
        for c, least in counts:
            cats.setdefault(c, []).append((least, k))
        for c, least in minutes:
            if longest:  # no lestijd: no minutes, whatever the records
                cats.setdefault(c, []).append((math.ceil(least / longest), k))
        flags.append((always, case, lx))
    lowest = [min((least for least, _ in needs), default=math.inf) for needs in cats.values()]
    lowest[0] = min(lowest[0], THUISZITTER_DAYS + 1)
    pairs = list(zip(cats, lowest, strict=True))
    return Plan(len(protocol.rules), longest, tuple(cats), tuple(lowest),
                tuple(tuple(sorted(n)) for n in cats.values()),
                tuple(k for k, f in enumerate(flags) if f[0]), tuple(k for k, f in enumerate(flags) if f[1]),
                tuple(k for k, f in enumerate(flags) if f[2]),
                tuple((c[0], low) for c, low in pairs if len(c) == 1),
                tuple((c, low) for c, low in pairs if len(c) > 1))


_PLANS: dict[tuple[int, int], tuple[Protocol, GroupDays, Plan]] = {}
_THUISZITTER = tuple(ABSENT)


def plan_of(protocol: Protocol, g: GroupDays) -> Plan:
    got = _PLANS.get((id(protocol), id(g)))
    if got is None or got[0] is not protocol or got[1] is not g:
        if len(_PLANS) > 64:
            _PLANS.clear()
        got = _PLANS[id(protocol), id(g)] = (protocol, g, _plan(protocol, g))
    return got[2]


def quiet(plan: Plan, pupil: PupilData, n: dict[Category, int]) -> bool:
    """No rule of the protocol of `plan` (`plan_of`: for the pupil's group) can hold for `pupil` at any
    date, nor can the pupil be a thuiszitter: too few records (`n`: its records per category)."""
    if plan.always or (plan.on_case and pupil.case_start is not None):
        return False
    for cat, lowest in plan.single:
        if n[cat] >= lowest:
            return False
    count = n.__getitem__
    for cats, lowest in plan.multiple:
        if sum(map(count, cats)) >= lowest:
            return False
    return not (plan.on_luxe and any(r.luxe for r in pupil.records))


def may_hold(plan: Plan, pupil: PupilData, n: dict[Category, int]) -> list[bool]:
    """For each rule of the protocol of `plan`, False where it cannot hold for `pupil` at any date: too few
    records."""
    ok = [False] * plan.rules
    for k in plan.always:
        ok[k] = True
    if pupil.case_start is not None:
        for k in plan.on_case:
            ok[k] = True
    count = n.__getitem__
    for cats, lowest, needs in zip(plan.cats, plan.lowest, plan.needs, strict=True):
        total = sum(map(count, cats))
        if total >= lowest:
            for least, k in needs:
                if total < least:
                    break
                ok[k] = True
    if plan.on_luxe and any(r.luxe for r in pupil.records):
        for k in plan.on_luxe:
            ok[k] = True
    return ok


def may_sit_at_home(n: dict[Category, int]) -> bool:
    """Enough records that make a schooldag absent for a run of more than THUISZITTER_DAYS."""
    return sum(map(n.__getitem__, _THUISZITTER)) > THUISZITTER_DAYS
