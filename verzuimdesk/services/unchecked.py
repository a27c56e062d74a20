"""Which groups' registration of the last schooldagen nobody marked as checked: the Overzicht's reminder.
Plain Python over what storage/school_rows.unchecked_reads read (through a session in
services/registration_checks.py, through the login's bare connection in services/status_quick.py)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.dutch import format_date

LOOK_BACK = 3  # the overview asks about the last three schooldagen before the peildatum
CHECKS_BACK = 60  # days: the furthest back the last schooldagen are looked for


@dataclass(frozen=True, slots=True)
class UncheckedGroup:
    group: str
    parts: tuple[tuple[date, int], ...]  # the unchecked dagdelen: (day, part index), oldest first
    labels: tuple[str, ...]  # "ma 30 nov ochtend", for the overview


def part_label(calendar: SchoolCalendar, group: str, day: date, part: int) -> str:
    spans = calendar.lestijd_spans(group, day)
    name = format_date(day).rsplit(" ", 1)[0]
    if len(spans) == 2:
        return f"{name} {'ochtend' if part == 0 else 'middag'}"
    if len(spans) > 2 and part < len(spans):
        return f"{name} {spans[part].start:%H:%M}"
    return name


def last_schooldagen(calendar: SchoolCalendar, group: str, before: date, n: int) -> list[date]:
    days: list[date] = []
    day = before - timedelta(days=1)
    floor = before - timedelta(days=CHECKS_BACK)
    while len(days) < n and day >= floor:
        if calendar.is_schooldag(day, group):
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def unchecked_of(calendar: SchoolCalendar, names: Iterable[str], checks: Mapping[str, Collection[tuple[date, int]]],
                 has_pupils: Collection[str], peildatum: date, groups: list[str] | None = None,
                 days: int = LOOK_BACK) -> tuple[UncheckedGroup, ...]:
    """`names`: every group in name order; `checks`: per group the (day, part) marked as checked in the
    CHECKS_BACK days before `peildatum` (storage/school_rows.unchecked_reads); `has_pupils`: the groups
    with a pupil."""
    out = []
    for group in names:
        if (groups is not None and group not in groups) or group not in has_pupils:
            continue
        done = checks.get(group, ())
        missing = [(d, p) for d in last_schooldagen(calendar, group, peildatum, days)
                   for p in range(calendar.dagdelen(group, d)) if (d, p) not in done]
        if missing:
            out.append(UncheckedGroup(group, tuple(missing),
                                      tuple(part_label(calendar, group, d, p) for d, p in missing)))
    return tuple(out)
