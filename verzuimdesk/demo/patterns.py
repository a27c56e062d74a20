"""The verzuim patterns of the demo school, each placed relative to `today` on one pupil; the two
long-running ones (thuiszitter, case B) are in `demo.cases`.

Each function returns the pupil's records with the events, conversations, plans and case that tell
its story, or None when the calendar before `today` is too short to hold the pattern. `quiet_from`
is the first day on which the background generator leaves the pupil alone, so background records
cannot blur the pattern (merge sick episodes, add late arrivals, lengthen a run).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from random import Random

from verzuimdesk.demo.absences import IB, Ctx, Records, conversation_time, pronouns, rec, stamp
from verzuimdesk.demo.people import Pupil
from verzuimdesk.demo.types import DemoAgreement, DemoCase, DemoConversation, DemoPlan
from verzuimdesk.domain.calendar import SchoolCalendar, monday_of
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.codes import ConversationKind as CK

UNAUTHORISED_CODES = frozenset({"O", "X", "?"})  # `unexplained` counts as unauthorised (PROTOCOLS.md §1)
SIXTEEN_HOURS = 16 * 60
LEERPLICHT = "leerplichtambtenaar (mevr. A. Koster)"

# The group each pattern's pupil is drawn from.
PATTERN_GROUPS: dict[str, str] = {
    "repeated_sick": "3",
    "unexplained": "4",
    "unauthorised_reported": "5",
    "case_b": "6",
    "thuiszitter": "7",
    "unauthorised_open": "8",
    "latecomer": "8",
}


@dataclass
class Found:
    records: Records
    quiet_from: dt.date
    events: list[dict[str, str]] = field(default_factory=list)
    conversations: list[DemoConversation] = field(default_factory=list)
    plans: list[DemoPlan] = field(default_factory=list)
    cases: list[DemoCase] = field(default_factory=list)

    def event(self, nr: str, day: dt.date, kind: ActionKind, text: str) -> None:
        self.events.append({"leerlingnummer": nr, "datum": day.isoformat(), "soort": kind.value, "omschrijving": text})


class Story:
    """Writes one pupil's conversations with the pupil's pronouns filled in."""

    def __init__(self, rng: Random, ctx: Ctx, pupil: Pupil, found: Found) -> None:
        self.rng, self.ctx, self.pupil, self.found = rng, ctx, pupil, found
        self.words = pronouns(pupil)

    def say(self, day: dt.date, kind: CK, who: str, text: str, *deals: tuple[str, str, dt.date | None, bool]) -> None:
        agreements = tuple(DemoAgreement(t.format(**self.words), o, due, done) for t, o, due, done in deals)
        self.found.conversations.append(
            DemoConversation(
                self.pupil.number,
                day,
                conversation_time(self.rng, kind),
                kind,
                who.format(**self.words),
                text.format(**self.words),
                agreements,
            )
        )


# -- calendar helpers --------------------------------------------------------------------------------


def window_start(cal: SchoolCalendar, day: dt.date, n: int) -> dt.date:
    """Monday of the first of the last `n` lesweken up to the lesweek of `day` (PROTOCOLS.md §1)."""
    weeks = cal.lesweken
    i = bisect_right(weeks, cal.lesweek(day)) - 1
    return monday_of(*weeks[max(0, i - n + 1)])


def werkdagen_after(cal: SchoolCalendar, day: dt.date, n: int) -> dt.date:
    while n:
        day += dt.timedelta(days=1)
        n -= cal.is_werkdag(day)
    return day


def werkdagen_before(cal: SchoolCalendar, day: dt.date, n: int) -> dt.date:
    while n:
        day -= dt.timedelta(days=1)
        n -= cal.is_werkdag(day)
    return day


def record_minutes(cal: SchoolCalendar, group: str, r: dict[str, str]) -> int:
    """Absent minutes of a record: its overlap with the group's lestijd that day."""
    day = dt.date.fromisoformat(r["datum"])
    if not r["van"]:
        return cal.lestijd_minutes(group, day)
    lo, hi = dt.time.fromisoformat(r["van"]), dt.time.fromisoformat(r["tot"])
    return sum(s.overlap_minutes(lo, hi) for s in cal.lestijd_spans(group, day))


def sixteen_hours_reached(cal: SchoolCalendar, group: str, records: Records) -> dt.date | None:
    """The first record day on which unauthorised minutes in its window of 4 lesweken reach 16 hours."""
    items = sorted((d, record_minutes(cal, group, r)) for d, r in records.items() if r["code"] in UNAUTHORISED_CODES)
    for day, _ in items:
        lo = window_start(cal, day, 4)
        if sum(m for d, m in items if lo <= d <= day) >= SIXTEEN_HOURS:
            return day
    return None


def next_day(days: tuple[dt.date, ...], day: dt.date, k: int = 1) -> dt.date:
    """The k-th schooldag after `day`, or the last one known."""
    return days[min(len(days) - 1, bisect_right(days, day) + k - 1)]


def _afternoon(nr: str, day: dt.date, note: str) -> dict[str, str]:
    return rec(nr, day, "O", van="13:00", tot="15:00", note=note)


def duo_number(rng: Random, day: dt.date) -> str:
    return f"meldingsnummer {day.year}-{rng.randrange(100, 100_000):05d}"


# -- the patterns --------------------------------------------------------------------------------------


def repeated_sick(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """HW-SICK4: four short sick episodes starting in the last 12 lesweken; after the third the parents
    were called, the jeugdarts is not yet asked (orange)."""
    days = ctx.days_of(p)
    lo = bisect_left(days, window_start(ctx.cal, ctx.today, 12))
    span = days[lo:]
    chunk = len(span) // 4
    if chunk < 5 or lo < 3:
        return None
    found = Found({}, days[lo - 3])
    ends = []
    for j in range(4):
        begin = j * chunk + rng.randrange(chunk - 4)
        for i in range(rng.choice((1, 1, 2, 2, 3))):
            day = span[begin + i]
            found.records[day] = rec(p.number, day, "Z", gemeld=stamp(day, rng.randrange(450, 525)))
        ends.append(span[begin + i])
    story = Story(rng, ctx, p, found)
    story.say(
        next_day(days, ends[2]),
        CK.PARENTS_PHONE,
        "moeder, " + IB,
        "Moeder gebeld na de derde ziekmelding in korte tijd. {first} is weer beter. Moeder herkent dat {hij} "
        "vaak ziek is; afgesproken dat we het samen volgen.",
        ("Bij een volgende ziekmelding de jeugdarts (JGZ) vragen mee te kijken, met ouders", "IB-er", None, False),
    )
    return found


def unexplained(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """UNEXPLAINED: a `?` record on the last schooldag before today; nobody has called yet."""
    days = [d for d in ctx.days_of(p) if d < ctx.today]
    if not days:
        return None
    day = days[-1]
    return Found({day: rec(p.number, day, "?", note="Niet op school, geen bericht van ouders")}, day)


def _unauthorised_days(
    rng: Random, ctx: Ctx, days: tuple[dt.date, ...], reach: int, window_lo: dt.date
) -> tuple[dt.date, ...] | None:
    """Three days before `days[reach]` inside the window: with `reach` itself 1110 minutes, 780 before."""
    candidates = [d for d in days[max(0, reach - 12) : reach] if d >= window_lo and d.weekday() != 2]
    if len(candidates) < 3 or days[reach] < window_lo:
        return None
    return tuple(sorted(rng.sample(candidates, 3)))


def _unauthorised_records(rng: Random, p: Pupil, chosen: tuple[dt.date, ...], reach: dt.date) -> Records:
    notes = ("Niet op school, ouders niet bereikbaar", "Ongeoorloofd: moest van ouders thuis oppassen")
    part = rng.randrange(3)
    out = {
        d: _afternoon(p.number, d, "Na de lunch niet teruggekomen")
        if k == part
        else rec(p.number, d, "O", note=rng.choice(notes))
        for k, d in enumerate(chosen)
    }
    out[reach] = rec(p.number, reach, "O", note="Niet op school, geen bericht; ouders gebeld")
    return out


def _reach_index(days: tuple[dt.date, ...], last: dt.date) -> int:
    """The index of the last schooldag on or before `last` that is no Wednesday (a full 330 minutes)."""
    i = bisect_right(days, last) - 1
    while i > 0 and days[i].weekday() == 2:
        i -= 1
    return i


def unauthorised_reported(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """HW-16U reached about three weeks ago and reported to DUO two werkdagen later (green/orange)."""
    days = ctx.days_of(p)
    if len(days) < 40:
        return None
    i = _reach_index(days, days[-16])
    reach = days[i]
    chosen = _unauthorised_days(rng, ctx, days, i, window_start(ctx.cal, reach, 4))
    if chosen is None:
        return None
    found = Found(_unauthorised_records(rng, p, chosen, reach), chosen[0] - dt.timedelta(days=14))
    report = werkdagen_after(ctx.cal, reach, 2)
    found.event(
        p.number,
        report,
        ActionKind.DUO_REPORT,
        "Gemeld in het verzuimregister van DUO (via de leerlingadministratie): 16 uur ongeoorloofd verzuim "
        f"in 4 lesweken, {duo_number(rng, report)}",
    )
    story = Story(rng, ctx, p, found)
    story.say(
        chosen[0],
        CK.PARENTS_PHONE,
        "moeder, leerkracht",
        "{first} was om 08:45 niet op school en er was geen bericht. Moeder gebeld; uitgelegd dat "
        "wegblijven zonder geldige reden ongeoorloofd verzuim is.",
    )
    story.say(
        next_day(days, chosen[0]),
        CK.PUPIL,
        "{first}, leerkracht",
        "Gesprek met {first} over de dag dat {hij} niet op school was. {Hij} vertelt dat {hij} geen zin "
        "had in de gymles en thuis is gebleven.",
        ("{first} meldt het bij de leerkracht als {hij} ergens tegen opziet", "leerling", None, False),
    )
    meeting = next_day(days, report)
    story.say(
        meeting,
        CK.PARENTS_MEETING,
        "ouders, {first}, leerkracht, " + IB,
        "Gesprek met ouders en {first}: het ongeoorloofd verzuim is opgelopen tot meer dan 16 uur in vier "
        "weken en is gemeld bij DUO. Ouders begrijpen de melding en zorgen dat {first} elke dag komt.",
        ("Ouders bellen vóór 08:30 als {first} niet kan komen", "ouders", None, False),
        (
            "Vier weken lang wekelijks kort contact met ouders over de aanwezigheid",
            "leerkracht",
            meeting + dt.timedelta(days=28),
            meeting + dt.timedelta(days=28) < ctx.today,
        ),
    )
    story.say(
        next_day(days, report, 3),
        CK.LEERPLICHT,
        LEERPLICHT + ", " + IB,
        "De leerplichtambtenaar belde na de melding bij DUO. Zij nodigt ouders en {first} uit voor een "
        "gesprek op het gemeentehuis.",
    )
    return found


def unauthorised_open(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """HW-16U reached 7–8 werkdagen ago inside the current window; no DUO report yet (red)."""
    days = ctx.days_of(p)
    if len(days) < 20:
        return None
    i = _reach_index(days, werkdagen_before(ctx.cal, ctx.today, 7))
    reach = days[i]
    chosen = _unauthorised_days(rng, ctx, days, i, window_start(ctx.cal, ctx.today, 4))
    if chosen is None:
        return None
    found = Found(_unauthorised_records(rng, p, chosen, reach), chosen[0] - dt.timedelta(days=14))
    story = Story(rng, ctx, p, found)
    story.say(
        next_day(days, chosen[0]),
        CK.PUPIL,
        "{first}, leerkracht",
        "Gesprek met {first} over de dag dat {hij} er niet was. {Hij} zegt dat {hij} thuis moest blijven "
        "om op {zijn} broertje te passen.",
    )
    story.say(
        next_day(days, reach),
        CK.PARENTS_PHONE,
        "vader, " + IB,
        "Vader gebeld na de vierde keer ongeoorloofd afwezig in korte tijd. Uitgelegd dat de school bij "
        "16 uur in vier weken verplicht een melding doet bij DUO.",
        ("Melden bij DUO via de leerlingadministratie (verzuimregister)", "IB-er",
         werkdagen_after(ctx.cal, reach, 5), False),
    )
    return found


def latecomer(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """HW-LATE: the 9th late arrival of this school year a few schooldagen ago, a 10th since (orange)."""
    year = ctx.years[-1]
    days = ctx.days_of(p, year.start)
    if len(days) < 14:
        return None
    lates = [*sorted(rng.sample(days[:-6], 8)), days[-4], days[-2]]
    notes = ("", "", "", "Verslapen", "Eerst broertje naar de opvang gebracht")
    found = Found(
        {d: rec(p.number, d, "T", late=str(rng.randrange(5, 21)), note=rng.choice(notes)) for d in lates}, year.start
    )
    story = Story(rng, ctx, p, found)
    story.say(
        lates[4],
        CK.PUPIL,
        "{first}, leerkracht",
        "Gesprek met {first} over het te laat komen. {Hij} vertelt dat {hij} 's ochtends eerst {zijn} "
        "broertje naar de opvang brengt.",
        ("{first} zet 's avonds {zijn} tas klaar", "leerling", None, False),
    )
    story.say(
        lates[6],
        CK.PARENTS_PHONE,
        "moeder, " + IB,
        "Moeder gebeld: {first} is dit schooljaar al zeven keer te laat gekomen. Uitgelegd dat de school "
        "bij negen keer te laat een melding bij DUO doet.",
        ("{first} vertrekt om 08:10 van huis", "ouders", lates[6] + dt.timedelta(days=14), False),
    )
    return found
