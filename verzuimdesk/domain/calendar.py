"""The school calendar: schooldagen, werkdagen, lesweken and lestijd per group (PROTOCOLS.md §1).

A `SchoolCalendar` is built once from the school's settings and answers every date question the
engine, the importers and the UI ask. It precomputes nothing it cannot cache cheaply: day answers are
memoised per date, because the engine asks the same few hundred dates thousands of times. The
per-group index (`group_days`) holds the sorted schooldagen of a group with their lestijd and
lesweek, so the engine can answer window and term questions with a bisect.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum
from functools import cached_property
from itertools import accumulate

WEEKDAYS_NL: tuple[str, ...] = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A part of a day, start inclusive, end exclusive, as minutes are counted."""

    start: time
    end: time

    @property
    def minutes(self) -> int:
        return minutes_of(self.end) - minutes_of(self.start)

    def overlap_minutes(self, start: time, end: time) -> int:
        lo = max(minutes_of(self.start), minutes_of(start))
        hi = min(minutes_of(self.end), minutes_of(end))
        return max(0, hi - lo)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def minutes_of(t: time) -> int:
    return t.hour * 60 + t.minute


# A weekly timetable: weekday (0 = Monday … 4 = Friday) to the lesson spans of that day.
Timetable = Mapping[int, tuple[Span, ...]]


@dataclass(frozen=True, slots=True)
class Period:
    """A named run of calendar days, both ends included (a vacation or a school year)."""

    name: str
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


class DayOff(StrEnum):
    """Why a weekday or date has no lessons; the UI turns these into Dutch."""

    WEEKEND = "weekend"
    OUTSIDE_YEAR = "outside_year"
    VACATION = "vacation"
    HOLIDAY = "holiday"  # feestdag
    STUDY_DAY = "study_day"  # studiedag
    NO_LESSONS = "no_lessons"  # the group's timetable has no lessons that weekday


@dataclass(frozen=True, slots=True)
class GroupDays:
    """The schooldagen of one group, in order, with what the engine needs per day.

    `week_of[i]` is the position of the lesweek of `days[i]` in `week_mondays`; `spans[i]` are the
    lesson spans of `days[i]` in minutes since midnight.
    """

    days: tuple[date, ...]
    index: Mapping[date, int]
    minutes: tuple[int, ...]
    spans: tuple[tuple[tuple[int, int], ...], ...]
    week_of: tuple[int, ...]
    week_mondays: tuple[date, ...]
    cum_minutes: tuple[int, ...] = (0,)  # cum_minutes[i]: the lestijd of days[:i] (for a range's sum at once)
    longest: int = 0  # the most lestijd of any one day

    def lestijd(self, lo: int, hi: int) -> int:
        """The lestijd minutes of days[lo:hi]."""
        return self.cum_minutes[hi] - self.cum_minutes[lo]

    def last_index(self, day: date) -> int:
        """Index of the last schooldag on or before `day`; -1 when there is none."""
        return bisect_right(self.days, day) - 1


@dataclass(frozen=True)
class SchoolCalendar:
    """All the school's dates. `school_years` are sorted and do not overlap."""

    school_years: tuple[Period, ...]
    timetable: Timetable
    group_timetables: Mapping[str, Timetable] = field(default_factory=dict)
    vacations: tuple[Period, ...] = ()
    studiedagen: frozenset[date] = frozenset()
    feestdagen: frozenset[date] = frozenset()

    # -- days -------------------------------------------------------------------------------

    def school_year_of(self, day: date) -> Period | None:
        for year in self.school_years:
            if day in year:
                return year
        return None

    def vacation_of(self, day: date) -> Period | None:
        for vac in self.vacations:
            if day in vac:
                return vac
        return None

    def day_off_reason(self, day: date, group: str | None = None) -> DayOff | None:
        """None when `day` is a schooldag (for `group`, if given); else why it is not."""
        if day.weekday() >= 5:
            return DayOff.WEEKEND
        if self.school_year_of(day) is None:
            return DayOff.OUTSIDE_YEAR
        if day in self.feestdagen:
            return DayOff.HOLIDAY
        if self.vacation_of(day) is not None:
            return DayOff.VACATION
        if day in self.studiedagen:
            return DayOff.STUDY_DAY
        if group is not None and not self.lestijd_spans(group, day):
            return DayOff.NO_LESSONS
        return None

    def is_schooldag(self, day: date, group: str | None = None) -> bool:
        """A schooldag of the school; with `group`, also one on which that group has lessons."""
        if group is None:
            return day in self._school_days
        return day in self._school_days and bool(self.lestijd_spans(group, day))

    def is_werkdag(self, day: date) -> bool:
        """Monday–Friday that is no public holiday (vacations and studiedagen included)."""
        return day.weekday() < 5 and day not in self.feestdagen

    def timetable_of(self, group: str | None) -> Timetable:
        if group is not None and group in self.group_timetables:
            return self.group_timetables[group]
        return self.timetable

    def lestijd_spans(self, group: str | None, day: date) -> tuple[Span, ...]:
        """The lesson spans of `group` on the weekday of `day` (no check that it is a schooldag)."""
        return tuple(self.timetable_of(group).get(day.weekday(), ()))

    def dagdelen(self, group: str | None, day: date) -> int:
        """The dagdelen a teacher marks as checked on `day` (registration_checks): one per lesson span, at
        least one."""
        return max(len(self.lestijd_spans(group, day)), 1)

    def lestijd_minutes(self, group: str | None, day: date) -> int:
        """Minutes of lesson time of `group` on `day`; 0 on a day that is no schooldag."""
        if not self.is_schooldag(day):
            return 0
        return sum(s.minutes for s in self.lestijd_spans(group, day))

    # -- ranges -----------------------------------------------------------------------------

    @cached_property
    def _school_days(self) -> frozenset[date]:
        days: set[date] = set()
        for year in self.school_years:
            d = year.start
            while d <= year.end:
                if self.day_off_reason(d) is None:
                    days.add(d)
                d += timedelta(days=1)
        return frozenset(days)

    @cached_property
    def _sorted_school_days(self) -> tuple[date, ...]:
        return tuple(sorted(self._school_days))

    def schooldagen(self, start: date, end: date, group: str | None = None) -> Iterator[date]:
        """Schooldagen from `start` to `end`, both included, in order."""
        for d in self._sorted_school_days:
            if d < start:
                continue
            if d > end:
                break
            if group is None or self.lestijd_spans(group, d):
                yield d

    def lesweek(self, day: date) -> tuple[int, int]:
        """The ISO (year, week) of `day`; a lesweek when it holds at least one schooldag."""
        iso = day.isocalendar()
        return (iso.year, iso.week)

    @cached_property
    def lesweken(self) -> tuple[tuple[int, int], ...]:
        """Every lesweek of the calendar, in order."""
        return tuple(sorted({self.lesweek(d) for d in self._school_days}))

    # -- the per-group index the engine works on ----------------------------------------------

    @cached_property
    def _group_cache(self) -> dict[str | None, GroupDays]:
        return {}

    @cached_property
    def memo(self) -> dict[object, object]:
        """What other domain modules derive from the calendar alone, kept with it (the calendar is
        frozen, so it never goes stale): keyed by a tuple that starts with the module's own name."""
        return {}

    def group_days(self, group: str | None = None) -> GroupDays:
        """The schooldagen of `group` (all schooldagen when None), built once and cached."""
        cached = self._group_cache.get(group)
        if cached is not None:
            return cached
        days = tuple(self.schooldagen(date.min, date.max, group))
        mondays: list[date] = []
        week_of: list[int] = []
        for d in days:
            monday = d - timedelta(days=d.weekday())
            if not mondays or mondays[-1] != monday:
                mondays.append(monday)
            week_of.append(len(mondays) - 1)
        spans = tuple(
            tuple((minutes_of(s.start), minutes_of(s.end)) for s in self.lestijd_spans(group, d))
            for d in days
        )
        minutes = tuple(sum(e - b for b, e in sp) for sp in spans)
        built = GroupDays(
            days=days,
            index={d: i for i, d in enumerate(days)},
            minutes=minutes,
            spans=spans,
            week_of=tuple(week_of),
            week_mondays=tuple(mondays),
            cum_minutes=(0, *accumulate(minutes)),
            longest=max(minutes, default=0),
        )
        self._group_cache[group] = built
        return built

    def last_schooldag_on_or_before(self, day: date, group: str | None = None) -> date | None:
        g = self.group_days(group)
        i = g.last_index(day)
        return g.days[i] if i >= 0 else None

    def add_schooldagen(self, day: date, n: int, group: str | None = None) -> date:
        """The n-th schooldag after `day` (day 0 is `day` itself, a term of 0 is the same day).

        Past the last school year of the calendar, Monday–Friday that are no feestdag stand in for
        schooldagen, so a term near the end of the year still gets a date.
        """
        if n <= 0:
            return day
        g = self.group_days(group)
        target = g.last_index(day) + n
        if target < len(g.days):
            return g.days[target]
        d = max(g.days[-1], day) if g.days else day
        left = target - len(g.days) + 1
        while left > 0:
            d += timedelta(days=1)
            if self.is_werkdag(d):
                left -= 1
        return d

    def add_werkdagen(self, day: date, n: int) -> date:
        """The n-th werkdag after `day` (Monday–Friday that is no feestdag; vacations count)."""
        d = day
        while n > 0:
            d += timedelta(days=1)
            if self.is_werkdag(d):
                n -= 1
        return d

    def lesweek_window(self, day: date, n: int, group: str | None = None) -> tuple[date, date] | None:
        """The first and last date of the window "n lesweken" at peildatum `day` (PROTOCOLS.md §1).

        The last n lesweken up to and including the week of `day`; a vacation week is no lesweek, so
        the window reaches back past it. The window ends at `day`. None before the first lesweek.
        """
        mondays = self.group_days(group).week_mondays
        k = bisect_right(mondays, day)
        if k == 0:
            return None
        return mondays[max(0, k - n)], day


def monday_of(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


def add_months(day: date, months: int) -> date:
    """`day` plus calendar months; the 31st becomes the last day of a shorter month."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
