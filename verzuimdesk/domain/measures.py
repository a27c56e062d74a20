"""What the rules measure, per pupil: absent minutes, sick episodes, absence runs, window sums.

`PupilMeasures` is built once per pupil from its records and the calendar's index of the pupil's
group; every question after that ("unauthorised minutes in the window at date t", "the current sick
episode at t") is a bisect, so the engine can ask it for many dates cheaply. A measure at date t
only counts records dated on or before t, which is what makes a past peildatum reproducible.

Whole lestijd: a schooldag counts toward an absence run when the union of the pupil's records of
that day in any category but `present_elsewhere` and `late` covers every lesson minute of the
group that day. A whole-day record does; so do part-day records that together cover all lessons
(08:30–15:00 on a day with lessons 08:30–12:00 and 13:00–15:00 covers it: the break is no lestijd).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from operator import attrgetter
from typing import Any, Generic, TypeVar

from verzuimdesk.domain.calendar import GroupDays, SchoolCalendar, minutes_of
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.records import AbsenceRecord, PupilData

# Categories that never make a day "absent": present elsewhere counts as present, and lateness is an
# occurrence, not absent minutes (PROTOCOLS.md §1).
NOT_ABSENT = frozenset({Category.PRESENT_ELSEWHERE, Category.LATE})

RESTORATION_DAYS = 10  # PROTOCOLS.md §3, "attendance restored"
UNAUTHORISED = frozenset({Category.UNAUTHORISED, Category.UNEXPLAINED})  # unexplained counts as unauthorised
_DAY_ID = attrgetter("day", "id")
T = TypeVar("T")


class lazy(Generic[T]):
    """functools.cached_property without the lock it takes in Python 3.11 at every first use (a lock per
    pupil and property showed in the engine's profile): the value is kept in the instance's __dict__."""

    def __init__(self, fn: Callable[[Any], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj: object, owner: object = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


_CATEGORY = attrgetter("category")
ABSENT = frozenset(c for c in Category if c not in NOT_ABSENT)  # the categories that make a day absent
SICK = frozenset({Category.SICK})


def absent_minutes(record: AbsenceRecord, g: GroupDays) -> int:
    """Minutes of the group's lestijd that `record` covers; 0 for lateness or a day without lessons."""
    if record.category is Category.LATE:
        return 0
    i = g.index.get(record.day)
    if i is None:
        return 0
    if record.start is None or record.end is None:
        return g.minutes[i]
    lo, hi = minutes_of(record.start), minutes_of(record.end)
    return sum(max(0, min(hi, e) - max(lo, b)) for b, e in g.spans[i])


def _covers_lestijd(records: Iterable[AbsenceRecord], spans: tuple[tuple[int, int], ...]) -> bool:
    parts: list[tuple[int, int]] = []
    for r in records:
        if r.start is None or r.end is None:
            return True
        parts.append((minutes_of(r.start), minutes_of(r.end)))
    parts.sort()
    for b, e in spans:
        reached = b
        for lo, hi in parts:
            if lo <= reached < hi:
                reached = hi
        if reached < e:
            return False
    return bool(spans)


def _runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Maximal runs of consecutive schooldag indices, as (first, last)."""
    ordered = sorted(indices)
    if not ordered:
        return []
    runs: list[tuple[int, int]] = []
    a = b = ordered[0]
    for i in ordered[1:]:
        if i == b + 1:
            b = i
        else:  # a gap, or the same index again (a run of its own, as ever)
            runs.append((a, b))
            a = b = i
    runs.append((a, b))
    return runs


@dataclass(frozen=True, slots=True)
class Series:
    """Records of some categories in date order with cumulative absent minutes (cum[0] == 0)."""

    days: tuple[date, ...]
    cum: tuple[int, ...]
    records: tuple[AbsenceRecord, ...]

    def bounds(self, start: date, end: date, after: date | None = None) -> tuple[int, int]:
        lo = bisect_left(self.days, start)
        if after is not None:
            lo = max(lo, bisect_right(self.days, after))
        return lo, max(lo, bisect_right(self.days, end))


_ZERO = dict.fromkeys(Category, 0)


def counts_of(records: Iterable[AbsenceRecord]) -> dict[Category, int]:
    """The number of records per category, every category a key (a loop: quicker than a Counter for the
    few records of most pupils)."""
    n = _ZERO.copy()
    for r in records:
        n[r.category] += 1
    return n


class PupilMeasures:
    """The pupil's records indexed against the schooldagen of the pupil's group.

    Built in one pass over the records: each record's absent minutes, and per category the number of
    records and their minutes (what `conditions.Evaluator.possible` asks of every pupil). The indexes
    of days (absence runs, sick episodes, days not restored) are made on first use: most pupils need
    none of them.
    """

    def __init__(self, pupil: PupilData, calendar: SchoolCalendar,
                 counts: Mapping[Category, int] | None = None) -> None:
        g = calendar.group_days(pupil.group)
        self.calendar = calendar
        self.group = pupil.group
        self.g = g
        self.enrolled_from = pupil.enrolled_from
        self.enrolled_until = pupil.enrolled_until
        # What other domain modules derive from these measures once per pupil (halfweeks.py).
        self.derived: dict[object, object] = {}
        recs = pupil.records
        self.records = tuple(sorted(recs, key=_DAY_ID)) if len(recs) > 1 else tuple(recs)
        # The number of records per category (`counts`, if the caller has counted them already).
        self._count = counts_of(recs) if counts is None else counts
        self.sick_records = self._count[Category.SICK]  # on any day: a bound of the sick schooldagen
        self.absent_records = self.count(ABSENT)  # the same of the schooldagen absent
        self._series: dict[frozenset[Category], Series] = {}

    @lazy
    def minutes(self) -> dict[int, int]:
        """The absent minutes of each record, by id (`absent_minutes`)."""
        return dict(zip((r.id for r in self.records), self._minutes_of(self.records), strict=True))

    def _minutes_of(self, records: Iterable[AbsenceRecord]) -> list[int]:
        g = self.g
        index, day_minutes, day_spans = g.index, g.minutes, g.spans
        late = Category.LATE
        out: list[int] = []
        for r in records:
            i = index.get(r.day)
            if i is None or r.category is late:
                out.append(0)
            elif r.start is None or r.end is None:
                out.append(day_minutes[i])
            else:
                lo, hi = minutes_of(r.start), minutes_of(r.end)
                out.append(sum(max(0, min(hi, e) - max(lo, b)) for b, e in day_spans[i]))
        return out

    @lazy
    def any_luxe(self) -> bool:
        """A luxe record on a schooldag."""
        index = self.g.index
        return any(r.luxe and r.day in index for r in self.records)

    def count(self, categories: frozenset[Category]) -> int:
        """The number of records of `categories` (on any day)."""
        return sum(map(self._count.__getitem__, categories))

    def total(self, categories: frozenset[Category]) -> int:
        """The absent minutes of the records of `categories`."""
        return self.series(categories).cum[-1]

    @lazy
    def _absent(self) -> tuple[tuple[int, ...], list[tuple[int, int]]]:
        """The schooldag indices with a record that makes them absent, and the absence runs (days whose
        lestijd the records cover)."""
        if not self.absent_records:
            return (), []
        index, spans = self.g.index, self.g.spans
        by_day: dict[int, list[AbsenceRecord]] = {}
        for r in self.records:
            i = index.get(r.day)
            if i is not None and r.category not in NOT_ABSENT:
                by_day.setdefault(i, []).append(r)
        whole = [i for i, recs in by_day.items() if _covers_lestijd(recs, spans[i])]
        return tuple(sorted(by_day)), _runs(whole)

    @property
    def dirty(self) -> tuple[int, ...]:
        return self._absent[0]

    @property
    def runs(self) -> list[tuple[int, int]]:
        return self._absent[1]

    @lazy
    def episodes(self) -> list[tuple[int, int]]:
        """The sick episodes: runs of schooldagen with a sick record."""
        if not self.sick_records:
            return []
        index, sick = self.g.index, Category.SICK
        return _runs({index[r.day] for r in self.records if r.category is sick and r.day in index})

    @lazy
    def run_starts(self) -> tuple[int, ...]:
        return tuple(a for a, _ in self.runs)

    @lazy
    def max_run(self) -> int:
        return max((b - a + 1 for a, b in self.runs), default=0)

    @lazy
    def episode_starts(self) -> tuple[int, ...]:
        return tuple(a for a, _ in self.episodes)

    @lazy
    def episode_start_days(self) -> tuple[date, ...]:
        days = self.g.days
        return tuple(days[a] for a in self.episode_starts)

    def series(self, categories: frozenset[Category]) -> Series:
        cached = self._series.get(categories)
        if cached is None:
            recs = tuple(r for r in self.records if r.category in categories)
            cached = Series(tuple(r.day for r in recs), (0, *accumulate(self._minutes_of(recs))), recs)
            self._series[categories] = cached
        return cached

    def window(self, t: date, lesweken: int) -> tuple[date, date] | None:
        return self.calendar.lesweek_window(t, lesweken, self.group)

    def _current(
        self, starts: tuple[int, ...], spans: list[tuple[int, int]], t: date
    ) -> tuple[int, int] | None:
        li = self.g.last_index(t)
        k = bisect_right(starts, li) - 1
        if li < 0 or k < 0 or spans[k][1] < li:
            return None
        return spans[k][0], li

    @lazy
    def record_days(self) -> tuple[date, ...]:
        """The day of each record, in the order of `records` (for a bisect by day)."""
        return tuple(r.day for r in self.records)

    def _last_day_has(self, t: date, categories: frozenset[Category]) -> bool:
        """A record of `categories` on the last schooldag on or before t. Without one that day is in no
        run of days with such a record (an absence run, a sick episode), so there is no current one: most
        pupils are answered here, before their runs are worked out."""
        li = self.g.last_index(t)
        if li < 0:
            return False
        day, days = self.g.days[li], self.record_days
        lo = bisect_left(days, day)
        return any(r.category in categories for r in self.records[lo:bisect_right(days, day, lo)])

    def current_run(self, t: date) -> tuple[int, int] | None:
        """(first, last) schooldag index of the current absence run at t, cut off at t."""
        if not self._last_day_has(t, ABSENT):
            return None
        return self._current(self.run_starts, self.runs, t)

    def current_episode(self, t: date) -> tuple[int, int] | None:
        """(first, last) schooldag index of the current sick episode at t, cut off at t."""
        if not self._last_day_has(t, SICK):
            return None
        return self._current(self.episode_starts, self.episodes, t)

    def episode_minutes(self, first: int, last: int) -> tuple[int, list[int]]:
        """Sick absent minutes on schooldagen first..last and the ids of those records."""
        s = self.series(frozenset({Category.SICK}))
        lo, hi = s.bounds(self.g.days[first], self.g.days[last])
        return s.cum[hi] - s.cum[lo], [r.id for r in s.records[lo:hi]]

    def episodes_starting(self, start: date, end: date) -> int:
        return bisect_right(self.episode_start_days, end) - bisect_left(self.episode_start_days, start)

    def restored(self, t: date) -> bool:
        """No record but present_elsewhere or late on each of the last 10 schooldagen up to t."""
        li = self.g.last_index(t)
        k = bisect_right(self.dirty, li)
        return k == 0 or self.dirty[k - 1] <= li - RESTORATION_DAYS

    def records_on(self, first: int, last: int) -> list[int]:
        lo = bisect_left(self.records, self.g.days[first], key=lambda r: r.day)
        hi = bisect_right(self.records, self.g.days[last], key=lambda r: r.day)
        return [r.id for r in self.records[lo:hi] if r.category not in NOT_ABSENT]


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


def desk_figures(m: PupilMeasures, t: date) -> tuple[float, int]:
    """The two figures the pupil list shows beside the light: unauthorised hours in the window of
    4 lesweken at `t`, and sick episodes that started in the window of 12 lesweken."""
    hours, episodes = 0.0, 0
    if m.count(UNAUTHORISED):  # most pupils have none, nor a sick record: nothing to look up
        window = m.window(t, 4)
        if window is not None:
            s = m.series(UNAUTHORISED)
            lo, hi = s.bounds(window[0], window[1])
            hours = (s.cum[hi] - s.cum[lo]) / 60
    if m.sick_records:
        window12 = m.window(t, 12)
        if window12 is not None:
            episodes = m.episodes_starting(window12[0], window12[1])
    return round(hours, 2), episodes
