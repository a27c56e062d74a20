"""The demo school's signal stories (SIGNALS.md): one pupil per signal, so every signal can be seen.

Each story is placed relative to `today` like the patterns of `demo.patterns`, on a pupil of its
own (enrolled all along, no pattern, no other story); a signal never changes the light, so most
of these pupils are green. `DemoSchool.signal_stories` maps each story to its pupil's number:

- signal_weekday: absent on three Mondays of the last 12 lesweken (ziek, dokter, ziek) and one
  Thursday: "na het weekend vaak niet op school" (WEEKDAY).
- signal_part_of_day: three times out from 10:00 to 11:00 for logopedie buiten school, always the
  same lesson hour (PART_OF_DAY).
- signal_vacation_edge: reported sick on the last schooldag before two different vacations
  (VACATION_EDGE).
- signal_late_sick_report: two sick reports that came in late, one at 10:35 and one only the next
  morning (LATE_SICK_REPORT).
- signal_frequent_sick: three short sick episodes in the last 12 lesweken, one short of HW-SICK4
  (FREQUENT_SICK).
- signal_siblings, signal_siblings_2: a brother and sister (one gezin) both at home on the same
  three days (SIBLINGS on each).
- signal_year_share: sick for more than a tenth of this school year's lestijd, in blocks of a week
  or so (YEAR_SHARE).
- signal_earlier_absence: absent more than a tenth of last school year (EARLIER_ABSENCE).
- signal_suspended: suspended for one day in the last 12 lesweken (SUSPENDED).
- signal_missing_data: no phone number or e-mail address for the parents (MISSING_DATA: verzorger).

A story needs enough schooldagen before `today`; when there are too few, it is left out.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable
from random import Random

from verzuimdesk.demo.absences import Ctx, rec, stamp
from verzuimdesk.demo.patterns import Found, window_start
from verzuimdesk.demo.people import Pupil
from verzuimdesk.domain.calendar import Period

STORY_GROUPS = {
    "signal_weekday": "6", "signal_part_of_day": "3", "signal_vacation_edge": "4",
    "signal_late_sick_report": "5", "signal_frequent_sick": "7", "signal_year_share": "8",
    "signal_earlier_absence": "6", "signal_suspended": "8", "signal_missing_data": "1-2B",
}


def _window_days(ctx: Ctx, p: Pupil) -> tuple[dt.date, tuple[dt.date, ...]]:
    lo = window_start(ctx.cal, ctx.today, 12)
    days = [d for d in ctx.days_of(p, lo) if d < ctx.today]
    return lo, tuple(days)


def _later(ctx: Ctx) -> dt.date:
    return ctx.today + dt.timedelta(days=1)  # the background may go on to today


def weekday(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    lo, days = _window_days(ctx, p)
    mondays = [d for d in days if d.weekday() == 0]
    thursdays = [d for d in days if d.weekday() == 3]
    if len(mondays) < 3 or not thursdays:
        return None
    chosen = sorted(rng.sample(mondays, 3))
    found = Found({}, lo)
    for day, code, note in zip(chosen, ("Z", "M", "Z"), ("ziek na het weekend", "naar de huisarts", "buikpijn"),
                               strict=True):
        found.records[day] = rec(p.number, day, code, gemeld=stamp(day, 470), note=note)
    day = rng.choice(thursdays)
    found.records[day] = rec(p.number, day, "M", gemeld=stamp(day, 480), note="tandarts")
    return found


def part_of_day(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    lo, days = _window_days(ctx, p)
    if len(days) < 10:
        return None
    found = Found({}, lo)
    for day in sorted(rng.sample(days, 3)):
        found.records[day] = rec(p.number, day, "M", van="10:00", tot="11:00", note="logopedie buiten school")
    return found


def vacation_edge(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    days = ctx.days_of(p, ctx.years[0].start)
    edges = []
    for vac in ctx.cal.vacations:
        i = bisect_left(days, vac.start) - 1
        if i >= 0 and vac.start <= ctx.today:
            edges.append(days[i])
    if len(edges) < 2:
        return None
    found = Found({}, _later(ctx))
    for day in edges[-2:]:
        found.records[day] = rec(p.number, day, "Z", gemeld=stamp(day, 455),
                                 note="ziek gemeld, laatste dag voor de vakantie")
    return found


def late_sick_report(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    lo, days = _window_days(ctx, p)
    if len(days) < 10:
        return None
    first, second = sorted(rng.sample(days[:-1], 2))
    found = Found({}, lo)
    found.records[first] = rec(p.number, first, "Z", gemeld=stamp(first, 10 * 60 + 35), note="moeder belde laat")
    found.records[second] = rec(p.number, second, "Z", gemeld=stamp(second + dt.timedelta(days=1), 8 * 60 + 15),
                                note="pas de volgende ochtend ziek gemeld")
    return found


def frequent_sick(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    lo, days = _window_days(ctx, p)
    chunk = len(days) // 3
    if chunk < 4:
        return None
    found = Found({}, lo)
    for j in range(3):
        begin = j * chunk + rng.randrange(chunk - 2)
        for day in days[begin : begin + rng.choice((1, 2))]:
            found.records[day] = rec(p.number, day, "Z", gemeld=stamp(day, rng.randrange(450, 510)))
    return found


def _sick_blocks(ctx: Ctx, p: Pupil, year: Period, share: float, until: dt.date, found: Found) -> bool:
    """Whole sick days in blocks of at most 8, a week apart, until `share` of the lestijd is reached."""
    days = ctx.days_of(p, year.start, min(year.end, until))
    total = sum(ctx.cal.lestijd_minutes(p.group, d) for d in days)
    absent, i = 0, 0
    while absent < share * total and i < len(days):
        for day in days[i : i + 8]:
            if absent >= share * total:
                break
            found.records[day] = rec(p.number, day, "Z", gemeld=stamp(day, 465), note="langdurig ziek")
            absent += ctx.cal.lestijd_minutes(p.group, day)
        i += 13
    return bool(days) and absent >= share * total


def year_share(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    years = [y for y in ctx.years if y.start <= ctx.today]
    found = Found({}, years[-1].start if years else ctx.today)
    if not years or not _sick_blocks(ctx, p, years[-1], 0.11, ctx.today - dt.timedelta(days=1), found):
        return None
    return found


def earlier_absence(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    years = [y for y in ctx.years if y.start <= ctx.today]
    if len(years) < 2 or p.enrolled > years[-2].start:
        return None
    found = Found({}, _later(ctx))
    return found if _sick_blocks(ctx, p, years[-2], 0.12, years[-2].end, found) else None


def suspended(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    _, days = _window_days(ctx, p)
    if not days:
        return None
    day = rng.choice(days)
    return Found({day: rec(p.number, day, "S", note="schorsing van één dag na een vechtpartij")}, _later(ctx))


STORIES: dict[str, Callable[[Random, Ctx, Pupil], Found | None]] = {
    "signal_weekday": weekday, "signal_part_of_day": part_of_day, "signal_vacation_edge": vacation_edge,
    "signal_late_sick_report": late_sick_report, "signal_frequent_sick": frequent_sick,
    "signal_year_share": year_share, "signal_earlier_absence": earlier_absence, "signal_suspended": suspended,
}


def signal_stories(rng: Random, ctx: Ctx, pupils: list[Pupil], guardians: list[dict[str, str]],
                   taken: set[str]) -> list[tuple[str, Pupil, Found]]:
    """(story name, pupil, its records) of every story that fits before `today`; the guardians of the
    MISSING_DATA pupil lose their phone numbers and e-mail addresses (in place)."""
    start = ctx.years[0].start
    regular = [p for p in pupils if p.left is None and p.enrolled <= start and p.number not in taken]
    sizes: dict[str, int] = {}
    for p in pupils:
        sizes[p.gezin] = sizes.get(p.gezin, 0) + 1
    used = {p.gezin for p in pupils if p.number in taken}
    out: list[tuple[str, Pupil, Found]] = []

    def pick(group: str, only_child: bool = False) -> Pupil | None:
        fits = [p for p in regular
                if p.group == group and p.gezin not in used and (sizes[p.gezin] == 1 or not only_child)]
        if not fits:
            return None
        chosen = rng.choice(fits)
        used.add(chosen.gezin)
        return chosen

    for name, story in STORIES.items():
        who = pick(STORY_GROUPS[name])
        seed = rng.random()
        got = story(Random(f"{seed}:{name}"), ctx, who) if who else None
        if who and got:
            out.append((name, who, got))
    out += _siblings(rng, ctx, [p for p in regular if p.gezin not in used], used)
    who = pick(STORY_GROUPS["signal_missing_data"], only_child=True)
    if who is not None:
        for g in guardians:
            if g["leerlingnummer"] == who.number:
                g["telefoon"] = g["email"] = ""
        out.append(("signal_missing_data", who, Found({}, _later(ctx))))
    return out


def _siblings(rng: Random, ctx: Ctx, regular: list[Pupil], used: set[str]) -> list[tuple[str, Pupil, Found]]:
    by_family: dict[str, list[Pupil]] = {}
    for p in regular:
        by_family.setdefault(p.gezin, []).append(p)
    families = sorted((f, ps) for f, ps in by_family.items() if len(ps) >= 2)
    if not families:
        return []
    family, (a, b, *_) = rng.choice(families)
    lo = window_start(ctx.cal, ctx.today, 12)
    both = sorted(set(_window_days(ctx, a)[1]) & set(_window_days(ctx, b)[1]))
    if len(both) < 6:
        return []
    used.add(family)
    k = rng.randrange(len(both) - 4)
    shared = (both[k], both[k + 1], both[k + 4])
    out = []
    for name, p in (("signal_siblings", a), ("signal_siblings_2", b)):
        found = Found({}, lo)
        for day in shared:
            found.records[day] = rec(p.number, day, "Z", gemeld=stamp(day, 475), note="het hele gezin ziek")
        out.append((name, p, found))
    return out
