"""A fictitious demo school as plain data: school files, pupils, absences, events, conversations,
plans, cases and guardians, in the formats of INTERFACES.md, for `verzuimdesk demo` and benchmarks.

`generate_demo(size=..., today=..., seed=...)` is deterministic: the same arguments give the same
school (every random draw comes from `random.Random` instances seeded from `seed`; the clock is never
read). It holds two school years of region zuid, the one containing `today` (in the summer vacation:
the next one) and the one before, with 8 groups ("1-2A", "1-2B", "3" … "8").

On top of an everyday background the demo shows the patterns the stappenplan reacts to, placed
relative to `today`; `DemoSchool.patterns` maps each pattern to its pupil's leerlingnummer. Which
pupil shows a pattern depends on `size` and `seed` only, not on `today`; with the defaults
(size=200, seed=20250825):

- repeated_sick (1128): 4 sick episodes starting in the last 12 lesweken (HW-SICK4); the parents
  were called after the third, the jeugdarts is not yet asked: orange.
- unauthorised_reported (1093): ≥ 16 hours unauthorised in 4 lesweken, reached about three weeks
  before `today`, with a `duo_report` event 2 werkdagen later; the talks are logged.
- unauthorised_open (1015): ≥ 16 hours unauthorised in the last 4 lesweken, reached 7–8 werkdagen
  before `today`, no report: the legal term has passed, red.
- latecomer (1022): 10 late arrivals this school year, the 9th a few schooldagen ago (HW-LATE): orange.
- thuiszitter (1027): absent every one of the last 30 schooldagen up to `today`, mostly `O`, some `?`
  and `Z` (HW-THUIS, HW-16U); DUO report, ZAT and IHP done, case A; the SWV report is open: red.
- case_b (1059): 25 schooldagen ill (`Z`), then back on mornings until 11:00 (part-day `Z` every
  schooldag since, one sick episode); jeugdarts, ZAT, SWV report and OPP done, case B.
- unexplained (1112): a `?` record on the last schooldag before `today` (UNEXPLAINED).

A pattern needs enough schooldagen before `today`; when there are too few (a `today` in the first
weeks of the previous school year), it is left out of `patterns`. The signal stories (one pupil per
signal of SIGNALS.md, in `signal_stories`) are told in `demo.signals`, the law stories (luxeverzuim, a
kleuter not yet leerplichtig, a vrijstelling, a missing birth date, in `law_stories`) in `demo.law`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from random import Random

from verzuimdesk.demo.absences import (
    Ctx,
    Records,
    background,
    background_conversations,
    background_plans,
    make_ctx,
)
from verzuimdesk.demo.calendar import (
    GROUPS,
    calendar_from_school_files,
    current_school_year,
    render_school_file,
    school_year,
)
from verzuimdesk.demo.cases import case_b, thuiszitter
from verzuimdesk.demo.law import law_stories
from verzuimdesk.demo.patterns import (
    PATTERN_GROUPS,
    Found,
    latecomer,
    repeated_sick,
    unauthorised_open,
    unauthorised_reported,
    unexplained,
)
from verzuimdesk.demo.people import NEWCOMER_GROUPS, Pupil, make_guardians, make_pupils
from verzuimdesk.demo.signals import signal_stories
from verzuimdesk.demo.types import DemoAgreement, DemoCase, DemoConversation, DemoPlan, DemoSchool

__all__ = [
    "DemoAgreement",
    "DemoCase",
    "DemoConversation",
    "DemoPlan",
    "DemoSchool",
    "generate_demo",
]

PATTERNS: dict[str, Callable[[Random, Ctx, Pupil], Found | None]] = {
    "repeated_sick": repeated_sick,
    "unauthorised_reported": unauthorised_reported,
    "unauthorised_open": unauthorised_open,
    "latecomer": latecomer,
    "thuiszitter": thuiszitter,
    "case_b": case_b,
    "unexplained": unexplained,
}
MIN_SIZE = 16  # two pupils per group: the patterns and the pupils who come and go need them


def _mid_year(ctx: Ctx) -> tuple[dt.date, dt.date]:
    """Enrolment date of the newcomers and deregistration date of the leaver: in the current school
    year before `today` when it has run long enough, else in the previous one."""
    days = ctx.days[GROUPS[-1]]
    for year in reversed(ctx.years):
        run = [d for d in days if year.start <= d <= min(year.end, ctx.today)]
        if len(run) >= 20:
            return run[len(run) // 2], run[2 * len(run) // 3]
    return ctx.years[0].start, ctx.years[0].end


def _choose(rng: Random, pupils: list[Pupil]) -> dict[str, Pupil]:
    """A pupil per pattern from its group: enrolled all along, one pattern each, one per family."""
    # The newcomers come last in `pupils`.
    regular = [p for p in pupils[: -len(NEWCOMER_GROUPS)] if p.left is None]
    chosen: dict[str, Pupil] = {}
    families: set[str] = set()
    for name, group in PATTERN_GROUPS.items():
        candidates = [p for p in regular if p.group == group and p.gezin not in families] or [
            p for p in regular if p.group == group and p not in chosen.values()
        ]
        pupil = rng.choice(candidates)
        chosen[name] = pupil
        families.add(pupil.gezin)
        regular.remove(pupil)
    return chosen


def generate_demo(*, size: int = 200, today: dt.date, seed: int = 20250825) -> DemoSchool:
    """The demo school for `today` (see the module docstring)."""
    if size < MIN_SIZE:
        raise ValueError(f"size must be at least {MIN_SIZE}, not {size}")
    current = current_school_year(today)
    files = tuple(render_school_file(school_year(y)) for y in (current - 1, current))
    cal = calendar_from_school_files(files)
    ctx = make_ctx(cal, today, GROUPS)
    mid_in, mid_out = _mid_year(ctx)
    pupils = make_pupils(Random(f"{seed}:pupils"), size, current, mid_in, mid_out)
    guardians = make_guardians(Random(f"{seed}:guardians"), pupils)

    found: dict[str, Found] = {}
    pattern_of: dict[str, str] = {}
    for name, pupil in _choose(Random(f"{seed}:choose"), pupils).items():
        result = PATTERNS[name](Random(f"{seed}:{name}"), ctx, pupil)
        if result is not None:
            found[pupil.number] = result
            pattern_of[name] = pupil.number
    stories: dict[str, str] = {}
    for name, pupil, result in signal_stories(Random(f"{seed}:signals"), ctx, pupils, guardians, set(found)):
        found[pupil.number] = result
        stories[name] = pupil.number
    law: dict[str, str] = {}
    told_law, exemptions, no_birth = law_stories(Random(f"{seed}:law"), ctx, pupils, set(found))
    for name, pupil, result in told_law:
        found[pupil.number] = result
        law[name] = pupil.number
    pupils = [replace(p, birth_known=False) if p.number == no_birth else p for p in pupils]
    ot = Random(f"{seed}:ot")
    for i, p in enumerate(pupils):
        if p.number in found and found[p.number].cases:
            case = found[p.number].cases[0]
            pupils[i] = replace(p, ot=f"OT-{case.start.year}-{ot.randrange(1, 1000):04d}")

    rng = Random(f"{seed}:records")
    absences: list[dict[str, str]] = []
    # drawn as if untold, so every other pupil's records stay the same
    told = set(stories.values()) | set(law.values())
    for p in pupils:
        f = found.get(p.number)
        records: Records = background(rng, ctx, p, f.quiet_from if f and p.number not in told else None)
        if f:
            if p.number in told:
                records = {d: r for d, r in records.items() if d < f.quiet_from}
            records.update(f.records)
        absences += (records[d] for d in sorted(records))

    quiet = [p for p in pupils if p.number not in found or p.number in told]
    dossier = Random(f"{seed}:dossier")
    conversations = background_conversations(dossier, ctx, quiet)
    plans = background_plans(dossier, ctx, quiet)
    events: list[dict[str, str]] = []
    cases: list[DemoCase] = []
    for f in found.values():
        conversations += f.conversations
        plans += f.plans
        events += f.events
        cases += f.cases
    return DemoSchool(
        school_files=files,
        pupils=tuple(p.row() for p in pupils),
        absences=tuple(absences),
        events=tuple(sorted(events, key=lambda e: (int(e["leerlingnummer"]), e["datum"]))),
        conversations=tuple(sorted(conversations, key=lambda c: (c.day, c.time, int(c.leerlingnummer)))),
        plans=tuple(sorted(plans, key=lambda p: (int(p.leerlingnummer), p.start))),
        cases=tuple(sorted(cases, key=lambda c: int(c.leerlingnummer))),
        guardians=tuple(guardians),
        patterns=dict(sorted(pattern_of.items())),
        signal_stories=dict(sorted(stories.items())),
        law_stories=dict(sorted(law.items())),
        exemptions=tuple(exemptions),
    )
