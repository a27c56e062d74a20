"""The demo school's law stories (PROTOCOLS.md §1b): one pupil per case of the law, so each can be seen.

Told like the signal stories (`demo.signals`), after them, on pupils of their own (enrolled all
along, no pattern, no other story, one per gezin), so every other pupil stays as it was.
`DemoSchool.law_stories` maps each story to its pupil's number:

- law_luxe: a family weekend stretched over Friday and Monday (code `X`, one luxe episode across the
  weekend) in the last 4 lesweken, reported to DUO as luxeverzuim two werkdagen later; the talks
  with the parents and the pupil are logged (LUXE, done).
- law_not_leerplichtig: the youngest kleuter, not yet 5 (not leerplichtig until after this school
  year), kept at home without a valid reason on four days: 16 hours and more, but no DUO report is
  asked; the school's own talks are (HW-ONG) and the ZAT talk (HW-ZAT on the plain 16 hours).
- law_vrijstelling: a vrijstelling van de leerplicht (art. 5 onder a) from some schooldagen ago to
  after `today`, with the leerplichtambtenaar's note; the pupil is not at school meanwhile.
- law_no_birth_date: a zij-instromer whose birth date the previous school did not pass on: taken as
  leerplichtig, and the app says it is missing.

Which pupil tells a story depends on `size` and `seed` only; a story that does not fit before `today`
(too few schooldagen, the kleuter already leerplichtig) is left out.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from itertools import pairwise
from random import Random

from verzuimdesk.demo.absences import IB, Ctx, rec
from verzuimdesk.demo.calendar import KLEUTER_GROUPS
from verzuimdesk.demo.patterns import (
    LEERPLICHT,
    Found,
    Story,
    duo_number,
    next_day,
    werkdagen_after,
    werkdagen_before,
    window_start,
)
from verzuimdesk.demo.people import Pupil
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.codes import ConversationKind as CK
from verzuimdesk.domain.leerplicht import start_month

LAW_GROUPS = {"law_luxe": "5", "law_vrijstelling": "4", "law_no_birth_date": "7"}
VRIJSTELLING_ARTICLE = "5a"
VRIJSTELLING_NOTE = ("Revalidatietraject na een ongeval; verklaring van de jeugdarts. Vrijstelling verleend "
                     "door de leerplichtambtenaar, evaluatie voor het einde.")


def _later(ctx: Ctx) -> dt.date:
    return ctx.today + dt.timedelta(days=1)


def luxe(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """A luxe episode Friday–Monday in the last 4 lesweken, at least 7 werkdagen ago; reported."""
    days = ctx.days_of(p)
    lo, hi = window_start(ctx.cal, ctx.today, 4), werkdagen_before(ctx.cal, ctx.today, 7)
    pairs = [(a, b) for a, b in pairwise(days)
             if lo <= a and b <= hi and a.weekday() == 4 and (b - a).days == 3]
    if not pairs or bisect_left(days, lo) < 10:
        return None
    friday, monday = pairs[-1]
    found = Found({}, days[bisect_left(days, lo) - 10])
    for day in (friday, monday):
        found.records[day] = rec(p.number, day, "X", note="Lang weekend weg met het gezin, verlof was niet gevraagd")
    report = werkdagen_after(ctx.cal, monday, 2)
    found.event(p.number, report, ActionKind.DUO_REPORT,
                "Gemeld in het verzuimregister van DUO (via de leerlingadministratie): luxeverzuim op "
                f"vrijdag en maandag, {duo_number(rng, report)}")
    story = Story(rng, ctx, p, found)
    story.say(friday, CK.PARENTS_PHONE, "vader, leerkracht",
              "{first} is niet op school. Vader vertelt dat het gezin een lang weekend weg is, tot en met "
              "maandag. Uitgelegd dat dit zonder verlof luxeverzuim is en dat de school het meldt bij DUO.")
    story.say(next_day(days, monday), CK.PUPIL, "{first}, leerkracht",
              "Kort gesprek met {first} na het lange weekend. {Hij} weet dat {hij} gemist is in de klas.")
    story.say(next_day(days, report), CK.PARENTS_MEETING, "ouders, " + IB,
              "Gesprek met ouders over het luxeverzuim en de melding bij DUO. Voortaan vragen ouders verlof "
              "aan bij de directeur, minstens acht weken van tevoren.")
    return found


def not_leerplichtig(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """Four days at home without a valid reason in the last 4 lesweken, before the 5th birthday's month."""
    starts = start_month(p.birth)
    days = [d for d in ctx.days_of(p, window_start(ctx.cal, ctx.today, 4)) if d < ctx.today]
    full = [d for d in days if d.weekday() not in (2, 4)]  # whole days: Wednesday and Friday are mornings
    if len(full) < 6 or starts <= ctx.today:
        return None
    chosen = sorted(rng.sample(full[:-1], 4))
    found = Found({}, days[0] - dt.timedelta(days=14))
    for day in chosen:
        found.records[day] = rec(p.number, day, "O", note="Thuisgehouden, geen geldige reden gegeven")
    story = Story(rng, ctx, p, found)
    story.say(next_day(tuple(days), chosen[1]), CK.PARENTS_PHONE, "moeder, leerkracht",
              "Moeder gebeld: {first} bleef thuis omdat {hij} moe was. {first} is nog geen vijf en nog niet "
              "leerplichtig, dus er gaat geen melding naar DUO; we verwachten {hem} wel elke schooldag.")
    story.say(next_day(tuple(days), chosen[2]), CK.PUPIL, "{first}, leerkracht",
              "In de kring met {first} gepraat over wat {hij} leuk vindt op school.")
    return found


def vrijstelling(rng: Random, ctx: Ctx, p: Pupil) -> tuple[Found, dict[str, str]] | None:
    """A vrijstelling from 8 schooldagen ago to 6 weeks after today; the pupil is away meanwhile."""
    days = ctx.days_of(p)
    if len(days) < 12:
        return None
    start = days[-8]
    end = ctx.today + dt.timedelta(weeks=6)
    found = Found({}, start)
    story = Story(rng, ctx, p, found)
    story.say(days[-10], CK.LEERPLICHT, LEERPLICHT + ", ouders, " + IB,
              "Overleg over het revalidatietraject van {first}. De leerplichtambtenaar verleent vrijstelling "
              "(art. 5 onder a) tot " + end.strftime("%d-%m-%Y") + "; daarna kijken we samen hoe {first} "
              "weer naar school komt.",
              ("Leerkracht stuurt elke week een groet van de klas", "leerkracht", None, False))
    exemption = {"leerlingnummer": p.number, "van": start.isoformat(), "tot": end.isoformat(),
                 "artikel": VRIJSTELLING_ARTICLE, "notitie": VRIJSTELLING_NOTE}
    return found, exemption


def law_stories(rng: Random, ctx: Ctx, pupils: list[Pupil], taken: set[str]
                ) -> tuple[list[tuple[str, Pupil, Found]], list[dict[str, str]], str | None]:
    """(story, pupil, records) of every story that fits, the vrijstellingen, and the number of the pupil
    whose birth date is to be left out (the caller removes it from the row)."""
    start = ctx.years[0].start
    regular = [p for p in pupils if p.left is None and p.enrolled <= start and p.number not in taken]
    used = {p.gezin for p in pupils if p.number in taken}
    out: list[tuple[str, Pupil, Found]] = []

    def pick(group: str) -> Pupil | None:
        fits = [p for p in regular if p.group == group and p.gezin not in used]
        if not fits:
            return None
        chosen = rng.choice(fits)
        used.add(chosen.gezin)
        return chosen

    who = pick(LAW_GROUPS["law_luxe"])
    got = luxe(Random(f"{rng.random()}:luxe"), ctx, who) if who else None
    if who and got:
        out.append(("law_luxe", who, got))
    kleuters = sorted((p for p in pupils if p.group in KLEUTER_GROUPS and p.left is None
                       and p.enrolled <= ctx.years[-1].start and p.number not in taken and p.gezin not in used),
                      key=lambda p: (p.birth, p.number))  # the newcomer, enrolled mid-year, is left out
    seed = rng.random()
    if kleuters:
        youngest = kleuters[-1]
        used.add(youngest.gezin)
        got = not_leerplichtig(Random(f"{seed}:kleuter"), ctx, youngest)
        if got:
            out.append(("law_not_leerplichtig", youngest, got))
    exemptions: list[dict[str, str]] = []
    who = pick(LAW_GROUPS["law_vrijstelling"])
    seed = rng.random()
    made = vrijstelling(Random(f"{seed}:vrijstelling"), ctx, who) if who else None
    if who and made:
        out.append(("law_vrijstelling", who, made[0]))
        exemptions.append(made[1])
    zij = [p for p in regular if p.group == LAW_GROUPS["law_no_birth_date"] and p.gezin not in used]
    who = rng.choice(zij) if zij else None
    if who is not None:
        out.append(("law_no_birth_date", who, Found({}, _later(ctx))))
    return out, exemptions, who.number if who else None

