"""The school's figures over time (SIGNALS.md "Trends"): per period, per group and for the school.

Everything is computed from plain data the storage layer loads in bulk (the calendar, the pupils with
their enrolment, records and events, the cases): once per pupil its records are turned into absent
minutes against the schooldagen of the pupil's group, with running sums, so the figures of any period
are a few bisects. The light of a pupil at the end of each period comes from the engine, with one
`Evaluator` per pupil reused for every period end (it memoises what the periods share), and counts
only records and events dated on or before that end, so a past period gives the same light as it did
then.

- lestijd: the minutes of lesson time of the pupil's group on the schooldagen the pupil was enrolled
  (the denominator); absent minutes per category, a day's minutes capped at its lestijd; the
  percentage of the lestijd (one decimal); late arrivals counted as occurrences.
- pupils with absence: pupils with at least one day of absent minutes in the period.
- lights: pupils per colour at the period's end; grey (not enrolled then) is not counted.
- DUO reports made (events of kind `duo_report`), cases opened and closed in the period.
- a pupil counts in the group the pupil is in now (the dossier keeps no history of groups).

Periods are ISO weeks, calendar months, calendar quarters or school years (1 August – 31 July), cut
to the range asked for. The previous year of a period is the same stretch one school year earlier
(the same ISO week and weekday for weeks); it is given where the school had lestijd then.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from verzuimdesk.domain.calendar import SchoolCalendar, add_months
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.dutch import MONTHS_NL
from verzuimdesk.domain.engine import Light, light_of
from verzuimdesk.domain.measures import NOT_ABSENT
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import PupilData

PERIODS = ("week", "maand", "kwartaal", "schooljaar")
# The categories of absent minutes, in the order of every figure (PROTOCOLS.md §1).
CATEGORIES: tuple[Category, ...] = (Category.SICK, Category.AUTHORISED, Category.UNAUTHORISED,
                                    Category.UNEXPLAINED, Category.SUSPENDED)
LIGHTS: tuple[Light, ...] = (Light.GREEN, Light.ORANGE, Light.RED)
_CAT_INDEX = {c: i for i, c in enumerate(CATEGORIES)}
_ZERO5 = (0, 0, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of one group (or the school) over one period."""

    lestijd: int = 0
    absent: tuple[int, ...] = _ZERO5  # minutes per category, in CATEGORIES order
    late: int = 0
    pupils_absent: int = 0
    lights: tuple[int, int, int] = (0, 0, 0)  # pupils green, orange, red at the period's end
    duo_reports: int = 0
    cases_opened: int = 0
    cases_closed: int = 0

    def minutes(self, category: Category) -> int:
        return self.absent[_CAT_INDEX[category]]

    def percentage(self, category: Category | None = None) -> float:
        """Absent minutes of `category` (all categories when None) as a percentage of the lestijd."""
        part = sum(self.absent) if category is None else self.minutes(category)
        return round(100 * part / self.lestijd, 1) if self.lestijd else 0.0

    def light_count(self, light: Light) -> int:
        return self.lights[LIGHTS.index(light)]

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.lestijd + other.lestijd,
            tuple(a + b for a, b in zip(self.absent, other.absent, strict=True)),
            self.late + other.late,
            self.pupils_absent + other.pupils_absent,
            (self.lights[0] + other.lights[0], self.lights[1] + other.lights[1], self.lights[2] + other.lights[2]),
            self.duo_reports + other.duo_reports,
            self.cases_opened + other.cases_opened,
            self.cases_closed + other.cases_closed,
        )


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    start: date
    end: date
    label: str
    school: Figures
    groups: Mapping[str, Figures]


@dataclass(frozen=True, slots=True)
class TrendPeriod:
    """A period and the same period of the previous school year (None where the school had no lestijd)."""

    current: PeriodFigures
    previous: PeriodFigures | None


@dataclass(frozen=True, slots=True)
class Trends:
    start: date
    end: date
    per: str
    groups: tuple[str, ...]
    periods: tuple[TrendPeriod, ...]
    total: TrendPeriod  # the whole range as one period, and the same range a year before


@dataclass(frozen=True, slots=True)
class CaseSpan:
    """A case of zorgwekkend verzuim: its pupil, the day it opened and the day it closed, if so."""

    pupil_id: int
    opened: date
    closed: date | None = None


# -- periods ------------------------------------------------------------------------------------

def period_start(day: date, per: str) -> date:
    """The first day of the period of kind `per` that holds `day`."""
    if per == "week":
        return day - timedelta(days=day.weekday())
    if per == "maand":
        return day.replace(day=1)
    if per == "kwartaal":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if per == "schooljaar":
        return date(day.year if day.month >= 8 else day.year - 1, 8, 1)
    raise ValueError(per)


def _next_start(start: date, per: str) -> date:
    if per == "week":
        return start + timedelta(days=7)
    return add_months(start, {"maand": 1, "kwartaal": 3, "schooljaar": 12}[per])


def periods(start: date, end: date, per: str) -> list[tuple[date, date]]:
    """The periods of kind `per` from `start` to `end`, the first and last cut to that range."""
    out: list[tuple[date, date]] = []
    p = period_start(start, per)
    while p <= end:
        nxt = _next_start(p, per)
        out.append((max(p, start), min(nxt - timedelta(days=1), end)))
        p = nxt
    return out


def year_before(day: date, per: str) -> date | None:
    """The same day one school year earlier: the same ISO week and weekday for weeks."""
    if per == "week":
        iso = day.isocalendar()
        try:
            return date.fromisocalendar(iso.year - 1, iso.week, iso.weekday)
        except ValueError:  # week 53 of a year whose year before had 52
            return None
    return add_months(day, -12)


def label(start: date, per: str) -> str:
    """A short Dutch name of the period that starts on `start`: "wk 37 2025", "sep 2025", "K3 2025",
    "2025-2026"."""
    if per == "week":
        iso = start.isocalendar()
        return f"wk {iso.week} {iso.year}"
    if per == "maand":
        return f"{MONTHS_NL[start.month - 1]} {start.year}"
    if per == "kwartaal":
        return f"K{(start.month - 1) // 3 + 1} {start.year}"
    first = period_start(start, "schooljaar").year
    return f"{first}-{first + 1}"


def group_key(name: str) -> tuple[int, str]:
    """Groups in school order: "1-2A", "1-2B", "3", …, "8" (by the first number, then the name)."""
    found = re.match(r"\d+", name)
    return (int(found.group()) if found else 1_000, name)


# -- the figures --------------------------------------------------------------------------------

@dataclass(slots=True)
class _Pupil:
    """One pupil's records as running sums over the record days (cum[k][i]: the first i days)."""

    group: str
    enrolled_from: date
    enrolled_until: date | None
    days: list[date] = field(default_factory=list)  # days with absent minutes, in order
    cum: list[list[int]] = field(default_factory=list)  # per category
    late_days: list[date] = field(default_factory=list)
    duo_days: list[date] = field(default_factory=list)
    quiet: bool = False  # no rule of the protocol can hold on any of the pupil's records
    first_input: date = date.max  # the first record, event or case of the pupil
    quiet_before: bool = False  # no rule can hold on no records at all: green before `first_input`
    lights: dict[date, Light] = field(default_factory=dict)  # the light per period end, once each


def _prepare(ev: Evaluator) -> _Pupil:
    m = ev.m
    p = ev.pupil
    g = m.g
    out = _Pupil(p.group, p.enrolled_from, p.enrolled_until)
    per_day: dict[date, list[int]] = {}
    used: dict[date, int] = {}
    for r in m.records:
        if not p.enrolled_on(r.day) or r.day not in g.index:
            continue
        if r.category is Category.LATE:
            out.late_days.append(r.day)
            continue
        if r.category in NOT_ABSENT:
            continue
        room = g.minutes[g.index[r.day]] - used.get(r.day, 0)
        got = min(m.minutes[r.id], room)
        if got <= 0:
            continue
        used[r.day] = used.get(r.day, 0) + got
        per_day.setdefault(r.day, [0, 0, 0, 0, 0])[_CAT_INDEX[r.category]] += got
    out.days = sorted(per_day)
    out.cum = [[0, *accumulate(per_day[d][k] for d in out.days)] for k in range(len(CATEGORIES))]
    out.duo_days = [e.day for e in ev.events if e.kind is ActionKind.DUO_REPORT and e.source == "event"]
    out.quiet = _quiet(ev)
    firsts = [r.day for r in m.records[:1]] + [e.day for e in ev.events[:1]] + [d for d in [p.case_start] if d]
    out.first_input = min(firsts, default=date.max)
    return out


def _quiet(ev: Evaluator) -> bool:
    return not any(ev.possible(r.condition) for r in ev.protocol.rules)


def _light(ev: Evaluator, p: _Pupil, day: date) -> Light:
    """The engine's light of an enrolled pupil at `day`. Where no rule can hold on any of the pupil's
    records (the engine's own `possible`), no rule holds and nothing is asked: green, as `status_of`
    answers, without evaluating it; two thirds of a school are such pupils. So is a pupil before the
    first record, event or case, where no rule can hold on no records."""
    if p.quiet or (day < p.first_input and p.quiet_before):
        return Light.GREEN
    found = p.lights.get(day)
    if found is None:
        found = p.lights[day] = light_of(ev, day)
    return found


class _GroupLestijd:
    """Running sums of a group's lestijd over its schooldagen, for the lestijd of any enrolment."""

    def __init__(self, calendar: SchoolCalendar, group: str) -> None:
        g = calendar.group_days(group)
        self.days = g.days
        self.cum = [0, *accumulate(g.minutes)]

    def between(self, start: date, end: date) -> int:
        return self.cum[bisect_right(self.days, end)] - self.cum[bisect_left(self.days, start)]


def _count(days: Sequence[date], start: date, end: date) -> int:
    return bisect_right(days, end) - bisect_left(days, start)


def compute_trends(
    pupils: Iterable[PupilData],
    calendar: SchoolCalendar,
    protocol: Protocol,
    cases: Iterable[CaseSpan],
    *,
    start: date,
    end: date,
    per: str,
) -> Trends:
    """The figures of every period of kind `per` from `start` to `end`, with the previous year's."""
    if per not in PERIODS:
        raise ValueError(per)
    ranges = periods(start, end, per)
    before: list[tuple[date, date] | None] = []
    for a, b in ranges:
        pa, pb = year_before(a, per), year_before(b, per)
        before.append((pa, pb) if pa is not None and pb is not None and pa <= pb else None)
    whole = (start, end)
    whole_before = (add_months(start, -12), add_months(end, -12))
    # A year before is only of use where the calendar holds a school year then.
    years = calendar.school_years
    earlier = {r for r in [*before, whole_before] if r is not None and any(
        y.start <= r[1] and r[0] <= y.end for y in years)}
    wanted = sorted(set(ranges) | earlier | {whole})

    evaluators = [Evaluator(p, calendar, protocol) for p in pupils]
    prepared = [_prepare(ev) for ev in evaluators]
    groups = tuple(sorted({p.group for p in prepared}, key=group_key))
    # A pupil of the group with nothing recorded yet, asked of the engine once per group.
    empty = {g: _quiet(Evaluator(PupilData(0, "", "", g, date.min), calendar, protocol)) for g in groups}
    for p in prepared:
        p.quiet_before = empty[p.group]
    lestijd = {g: _GroupLestijd(calendar, g) for g in groups}
    group_of = {ev.pupil.id: p.group for ev, p in zip(evaluators, prepared, strict=True)}
    case_list = [c for c in cases if c.pupil_id in group_of]

    figures: dict[tuple[date, date], PeriodFigures] = {}
    for a, b in wanted:
        per_group: dict[str, list[int]] = {g: [0] * 12 for g in groups}
        for p in prepared:
            row = per_group[p.group]
            lo = max(a, p.enrolled_from)
            hi = b if p.enrolled_until is None else min(b, p.enrolled_until)
            if lo <= hi:
                row[0] += lestijd[p.group].between(lo, hi)
            if p.days:
                i, j = bisect_left(p.days, a), bisect_right(p.days, b)
                if j > i:
                    row[8] += 1
                    for k in range(5):
                        row[1 + k] += p.cum[k][j] - p.cum[k][i]
            if p.late_days:
                row[6] += _count(p.late_days, a, b)
            if p.duo_days:
                row[7] += _count(p.duo_days, a, b)
        if any(r[0] for r in per_group.values()):  # no lights where the school had no lestijd
            for ev, p in zip(evaluators, prepared, strict=True):
                if ev.pupil.enrolled_on(b):
                    light = _light(ev, p, b)
                    if light is not Light.GREY:
                        per_group[p.group][9 + LIGHTS.index(light)] += 1
        opened = {g: 0 for g in groups}
        closed = {g: 0 for g in groups}
        for c in case_list:
            g = group_of[c.pupil_id]
            opened[g] += a <= c.opened <= b
            closed[g] += c.closed is not None and a <= c.closed <= b
        by_group = {
            g: Figures(r[0], tuple(r[1:6]), r[6], r[8], (r[9], r[10], r[11]), r[7], opened[g], closed[g])
            for g, r in per_group.items()
        }
        school = sum(by_group.values(), Figures())
        figures[(a, b)] = PeriodFigures(a, b, label(a, per), school, by_group)

    def beside(rng: tuple[date, date], prev: tuple[date, date] | None) -> TrendPeriod:
        found = figures.get(prev) if prev is not None else None
        return TrendPeriod(figures[rng], found if found is not None and found.school.lestijd else None)

    out = tuple(beside(rng, prev) for rng, prev in zip(ranges, before, strict=True))
    return Trends(start, end, per, groups, out, beside(whole, whole_before))
