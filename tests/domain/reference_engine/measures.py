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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.calendar import GroupDays, SchoolCalendar, minutes_of
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.records import AbsenceRecord, PupilData

# Categories that never make a day "absent": present elsewhere counts as present, and lateness is an
# occurrence, not absent minutes (PROTOCOLS.md §1).
NOT_ABSENT = frozenset({Category.PRESENT_ELSEWHERE, Category.LATE})

RESTORATION_DAYS = 10  # PROTOCOLS.md §3, "attendance restored"
UNAUTHORISED = frozenset({Category.UNAUTHORISED, Category.UNEXPLAINED})  # unexplained counts as unauthorised


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
    runs: list[tuple[int, int]] = []
    for i in sorted(indices):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
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


class PupilMeasures:
    """The pupil's records indexed against the schooldagen of the pupil's group."""

    def __init__(self, pupil: PupilData, calendar: SchoolCalendar) -> None:
        g = calendar.group_days(pupil.group)
        self.calendar = calendar
        self.group = pupil.group
        self.g = g
        self.enrolled_from = pupil.enrolled_from
        self.enrolled_until = pupil.enrolled_until
        # What other domain modules derive from these measures once per pupil (halfweeks.py).
        self.derived: dict[str, object] = {}
        self.records = tuple(sorted(pupil.records, key=lambda r: (r.day, r.id)))
        self.minutes = {r.id: absent_minutes(r, g) for r in self.records}
        self._series: dict[frozenset[Category], Series] = {}
        by_day: dict[int, list[AbsenceRecord]] = {}
        sick: set[int] = set()
        for r in self.records:
            i = g.index.get(r.day)
            if i is None:
                continue
            if r.category is Category.SICK:
                sick.add(i)
            if r.category not in NOT_ABSENT:
                by_day.setdefault(i, []).append(r)
        self.dirty = tuple(sorted(by_day))
        whole = [i for i, recs in by_day.items() if _covers_lestijd(recs, g.spans[i])]
        self.runs = _runs(whole)
        self.run_starts = tuple(a for a, _ in self.runs)
        self.episodes = _runs(sick)
        self.episode_starts = tuple(a for a, _ in self.episodes)
        self.episode_start_days = tuple(g.days[a] for a in self.episode_starts)
        self.max_run = max((b - a + 1 for a, b in self.runs), default=0)

    def series(self, categories: frozenset[Category]) -> Series:
        cached = self._series.get(categories)
        if cached is None:
            recs = tuple(r for r in self.records if r.category in categories)
            cum = [0]
            for r in recs:
                cum.append(cum[-1] + self.minutes[r.id])
            cached = Series(tuple(r.day for r in recs), tuple(cum), recs)
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

    def current_run(self, t: date) -> tuple[int, int] | None:
        """(first, last) schooldag index of the current absence run at t, cut off at t."""
        return self._current(self.run_starts, self.runs, t)

    def current_episode(self, t: date) -> tuple[int, int] | None:
        """(first, last) schooldag index of the current sick episode at t, cut off at t."""
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


def desk_figures(m: PupilMeasures, t: date) -> tuple[float, int]:
    """The two figures the pupil list shows beside the light: unauthorised hours in the window of
    4 lesweken at `t`, and sick episodes that started in the window of 12 lesweken."""
    hours, episodes = 0.0, 0
    window = m.window(t, 4)
    if window is not None:
        s = m.series(UNAUTHORISED)
        lo, hi = s.bounds(window[0], window[1])
        hours = (s.cum[hi] - s.cum[lo]) / 60
    window12 = m.window(t, 12)
    if window12 is not None:
        episodes = m.episodes_starting(window12[0], window12[1])
    return round(hours, 2), episodes
