"""Half-weeks (PROTOCOLS.md §1b): "langer dan 4 weken méér dan 50%", counted per lesweek.

One definition serves two readers: the LRV rule (more than half of the lestijd absent in each of the
last 5 lesweken, unauthorised and unexplained minutes) and the SWV list's candidates (§5: at least
half, every category but `present_elsewhere` and `late`). What differs is passed in: the categories
and whether the share must be more than half (`strict`) or at least half.

The lesweken are those of the pupil's enrolment: a lesweek counts when the pupil is enrolled on at
least one of its schooldagen up to the peildatum, and both its absent minutes and its lestijd count
only those schooldagen (so the current lesweek counts up to and including the peildatum, and a pupil
who enrolled on a Wednesday has a lesweek of three days). The weeks run across school years where
the calendar holds both. With fewer such lesweken than asked for, half-weeks do not hold.

A day's absent minutes are capped at its lestijd, so two records that overlap cannot make a day more
than wholly absent.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from verzuimdesk.domain.calendar import GroupDays
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.measures import NOT_ABSENT, UNAUTHORISED, PupilMeasures
from verzuimdesk.domain.records import AbsenceRecord

HALF_WEEKS = 5  # "langer dan 4 weken": the last 5 lesweken
LRV_CATEGORIES = UNAUTHORISED  # unauthorised, and unexplained which counts as unauthorised
CANDIDATE_CATEGORIES = frozenset(c for c in Category if c not in NOT_ABSENT)


@dataclass(frozen=True, slots=True)
class WeekShare:
    """One lesweek: its first and last counted schooldag, and the minutes absent of the lestijd."""

    monday: date
    first: date
    last: date
    absent: int
    lestijd: int

    @property
    def share(self) -> float:
        return self.absent / self.lestijd if self.lestijd else 0.0


@dataclass(frozen=True, slots=True)
class HalfWeeks:
    """Half-weeks that hold at a date: the last `HALF_WEEKS` lesweken, oldest first, and where the
    unbroken series of such lesweken began (its first counted schooldag)."""

    weeks: tuple[WeekShare, ...]
    series_start: date
    record_ids: tuple[int, ...]

    @property
    def absent(self) -> int:
        return sum(w.absent for w in self.weeks)

    @property
    def lestijd(self) -> int:
        return sum(w.lestijd for w in self.weeks)


_GROUPS: dict[int, tuple[GroupDays, list[int], list[int], list[int]]] = {}


def _group_index(g: GroupDays) -> tuple[list[int], list[int], list[int]]:
    """Of a group, shared by its pupils: running sums of lestijd over its schooldagen, and the first and
    last schooldag index of each lesweek."""
    got = _GROUPS.get(id(g))
    if got is None or got[0] is not g:
        if len(_GROUPS) > 64:
            _GROUPS.clear()
        lestijd = [0, *accumulate(g.minutes)]
        week_first: list[int] = []
        week_last: list[int] = []
        for i, w in enumerate(g.week_of):
            if w == len(week_first):
                week_first.append(i)
                week_last.append(i)
            else:
                week_last[w] = i
        got = _GROUPS[id(g)] = (g, lestijd, week_first, week_last)
    return got[1], got[2], got[3]


class _Absent:
    """Absent minutes per schooldag (capped at its lestijd) on the days that have any, with running sums."""

    __slots__ = ("cum", "days")

    def __init__(self, source: tuple[GroupDays, tuple[AbsenceRecord, ...], dict[int, int]],
                 keep: frozenset[Category], also: frozenset[Category]) -> None:
        g, records, minutes = source
        per_day: dict[int, int] = {}
        for r in records:
            i = g.index.get(r.day)
            if i is not None and r.category in keep and r.category in also:
                per_day[i] = per_day.get(i, 0) + minutes[r.id]
        self.days = sorted(per_day)
        self.cum = [0, *accumulate(min(per_day[i], g.minutes[i]) for i in self.days)]

    def between(self, lo: int, hi: int) -> int:
        """Minutes on the schooldag indices lo..hi, both included."""
        return self.cum[bisect_right(self.days, hi)] - self.cum[bisect_left(self.days, lo)]


class HalfWeekIndex:
    """Per-day absent minutes of some categories for one pupil, with running sums, so that the share of
    any lesweek up to any date is two bisects and two subtractions."""

    def __init__(self, m: PupilMeasures, categories: frozenset[Category]) -> None:
        g = self.g = m.g
        # What `part` counts later, not the measures themselves: they keep this index (no cycle to collect).
        self._source = (g, m.records, m.minutes)
        self.categories = categories
        self._records = [(r.day, r.id) for r in m.records if r.category in categories and r.day in g.index]
        self._day_absent = _Absent(self._source, categories, categories)
        self._lestijd, self._week_first, self._week_last = _group_index(g)
        lo = bisect_left(g.days, m.enrolled_from)
        hi = bisect_right(g.days, m.enrolled_until) if m.enrolled_until is not None else len(g.days)
        self._enrolled = (lo, hi - 1)  # schooldag indices of the enrolment, both included
        self._parts: dict[frozenset[Category], _Absent] = {}

    def part(self, categories: frozenset[Category], first: date, last: date) -> int:
        """Absent minutes of `categories` (a subset of the index's) on the schooldagen first..last, each
        day capped at its lestijd: the share of one kind in the minutes that `at` counts."""
        got = self._parts.get(categories)
        if got is None:
            got = self._parts[categories] = _Absent(self._source, categories, self.categories)
        lo, hi = self._span(first, last)
        return got.between(lo, hi) if hi >= lo else 0

    def span(self, first: date, last: date) -> tuple[int, int]:
        """(absent minutes, lestijd) of the schooldagen first..last within the enrolment."""
        lo, hi = self._span(first, last)
        if hi < lo:
            return 0, 0
        return self._day_absent.between(lo, hi), self._lestijd[hi + 1] - self._lestijd[lo]

    def _span(self, first: date, last: date) -> tuple[int, int]:
        g = self.g
        return max(bisect_left(g.days, first), self._enrolled[0]), min(g.last_index(last), self._enrolled[1])

    def week(self, w: int, t: date) -> WeekShare | None:
        """Lesweek `w` counted up to `t` within the enrolment; None when no schooldag of it counts."""
        g = self.g
        lo = max(self._week_first[w], self._enrolled[0])
        hi = min(self._week_last[w], self._enrolled[1], g.last_index(t))
        if hi < lo:
            return None
        return WeekShare(g.week_mondays[w], g.days[lo], g.days[hi], self._day_absent.between(lo, hi),
                         self._lestijd[hi + 1] - self._lestijd[lo])

    def at(self, t: date, *, strict: bool, weeks: int = HALF_WEEKS) -> HalfWeeks | None:
        """Half-weeks at `t`: each of the last `weeks` lesweken of the enrolment up to `t` more than
        half absent (`strict`) or at least half; None when they do not hold."""
        g = self.g
        li = min(g.last_index(t), self._enrolled[1])
        if li < self._enrolled[0] or li < 0:
            return None

        def qualifies(ws: WeekShare) -> bool:
            # A lesweek without lestijd (a group without a timetable) is never half absent.
            return 2 * ws.absent > ws.lestijd if strict else 0 < ws.lestijd <= 2 * ws.absent

        found: list[WeekShare] = []
        w = g.week_of[li]
        series_start: date | None = None
        while w >= 0:
            ws = self.week(w, t)
            if ws is None or not qualifies(ws):
                break
            if len(found) < weeks:
                found.append(ws)
            series_start = ws.first
            w -= 1
        if len(found) < weeks or series_start is None:
            return None
        found.reverse()
        first, last = found[0].first, found[-1].last
        lo = bisect_left(self._records, (first, -1))
        hi = bisect_right(self._records, (last, 1 << 62))
        return HalfWeeks(tuple(found), series_start, tuple(rid for _, rid in self._records[lo:hi]))


def half_week_index(m: PupilMeasures, categories: frozenset[Category]) -> HalfWeekIndex:
    """The index of `m` for `categories`, built once per pupil and kept on the measures."""
    cache = m.derived.setdefault("half_weeks", {})
    assert isinstance(cache, dict)
    found = cache.get(categories)
    if found is None:
        found = cache[categories] = HalfWeekIndex(m, categories)
    return found
