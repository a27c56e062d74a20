"""Luxeverzuim (PROTOCOLS.md §1b, rule LUXE): episodes of consecutive schooldagen with a luxe record.

A luxe record is one of a luxe code (`X` by default, or a code the school marks as luxe). Weekends,
vacations and studiedagen do not break an episode, as they do not break a sick episode: a family
that leaves on Friday and comes back on Tuesday has one episode from Friday to Monday. Every episode
asks for its own DUO report, whatever its number of hours.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.measures import PupilMeasures, _runs


@dataclass(frozen=True, slots=True)
class LuxeEpisode:
    """One episode cut off at a date: its first and last schooldag, minutes and records."""

    first: date
    last: date
    minutes: int
    record_ids: tuple[int, ...]


def _index(m: PupilMeasures) -> list[tuple[int, int]]:
    found = m.derived.get("luxe_runs")
    if found is None:
        found = _runs(m.g.index[r.day] for r in m.records if r.luxe and r.day in m.g.index)
        m.derived["luxe_runs"] = found
    assert isinstance(found, list)
    return found


def has_luxe(m: PupilMeasures) -> bool:
    return m.any_luxe  # a luxe record on a schooldag: `_index` is not empty


def episodes(m: PupilMeasures, since: date, t: date) -> list[LuxeEpisode]:
    """The luxe episodes with a schooldag from `since` to `t`, each cut off at `t`, oldest first."""
    g = m.g
    li = g.last_index(t)
    lo = bisect_left(g.days, since)
    out: list[LuxeEpisode] = []
    for a, b in _index(m):
        b = min(b, li)
        if a > li or b < lo:
            continue
        first, last = g.days[a], g.days[b]
        i = bisect_left(m.records, first, key=lambda r: r.day)
        j = bisect_right(m.records, last, key=lambda r: r.day)
        recs = [r for r in m.records[i:j] if r.luxe]
        out.append(LuxeEpisode(first, last, sum(m.minutes[r.id] for r in recs), tuple(r.id for r in recs)))
    return out
