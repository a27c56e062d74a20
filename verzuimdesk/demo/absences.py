"""The demo school's everyday background: occasional sickness, medical visits, verlof, lateness,
excursions, a rare unauthorised afternoon, and the conversations and plans an IB-er keeps anyway.

Every record lies on a schooldag of the pupil's group, inside the enrolment and on or before
`today`, because days are only ever drawn from `Ctx.days_of`. Background sick episodes lie in
different quarters of a school year, so the background alone never holds 4 episodes in 12 lesweken.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from verzuimdesk.demo.people import Pupil
from verzuimdesk.demo.types import DemoAgreement, DemoConversation, DemoPlan
from verzuimdesk.domain.calendar import Period, SchoolCalendar, minutes_of
from verzuimdesk.domain.codes import ConversationKind

Records = dict[dt.date, dict[str, str]]


@dataclass(frozen=True)
class Ctx:
    cal: SchoolCalendar
    today: dt.date
    years: tuple[Period, ...]  # oldest first
    days: dict[str, tuple[dt.date, ...]]  # group → all its schooldagen in the years, also after today

    def days_of(self, pupil: Pupil, lo: dt.date | None = None, hi: dt.date | None = None) -> tuple[dt.date, ...]:
        """The pupil's schooldagen while enrolled, within [lo, hi] and on or before today."""
        days = self.days[pupil.group]
        first = max(d for d in (lo, pupil.enrolled) if d is not None)
        last = min(d for d in (hi, pupil.left, self.today) if d is not None)
        return days[bisect_left(days, first) : bisect_right(days, last)]

    def year_days(self, group: str, year: Period) -> tuple[dt.date, ...]:
        days = self.days[group]
        return days[bisect_left(days, year.start) : bisect_right(days, year.end)]


def make_ctx(cal: SchoolCalendar, today: dt.date, groups: tuple[str, ...]) -> Ctx:
    all_days = tuple(cal.schooldagen(cal.school_years[0].start, cal.school_years[-1].end))
    days = {g: tuple(d for d in all_days if cal.lestijd_spans(g, d)) for g in groups}
    return Ctx(cal, today, cal.school_years, days)


def stamp(day: dt.date, minutes: int) -> str:
    """`gemeld_op` text: `day` at `minutes` after midnight."""
    return f"{day.isoformat()} {minutes // 60:02d}:{minutes % 60:02d}"


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def rec(
    nr: str, day: dt.date, code: str, *, van: str = "", tot: str = "", late: str = "", gemeld: str = "", note: str = ""
) -> dict[str, str]:
    return {
        "leerlingnummer": nr,
        "datum": day.isoformat(),
        "van": van,
        "tot": tot,
        "code": code,
        "minuten_te_laat": late,
        "gemeld_op": gemeld,
        "opmerking": note,
    }


def sick_report(rng: Random, day: dt.date, first_day: bool) -> str:
    """Most parents call in the morning; a few late, some follow-up days are not reported again."""
    r = rng.random()
    if not first_day and r < 0.5:
        return ""
    if r < 0.82:
        return stamp(day, rng.randrange(7 * 60 + 30, 8 * 60 + 46))
    if r < 0.9:
        return stamp(day, rng.randrange(9 * 60 + 5, 10 * 60 + 30))
    return ""


SICK_NOTES = (
    "",
    "",
    "",
    "Ziek gemeld door ouders",
    "Ziek gemeld via de ouderapp",
    "Ziek naar huis gestuurd na overleg",
)
MEDICAL_NOTES = ("Afspraak tandarts", "Afspraak huisarts", "Afspraak orthodontist", "Afspraak ziekenhuis", "")
VERLOF_NOTES = (
    "Verlof art. 11: huwelijk in de familie",
    "Verlof art. 11: begrafenis familielid",
    "Verlof art. 11: 25-jarig huwelijksfeest grootouders",
    "Verlof art. 11: verhuizing",
)
EXCURSION_NOTES = ("Schoolschaaktoernooi (andere locatie)", "Plusklas op locatie De Horizon", "Regionale sportdag")


def _pick(rng: Random, weights: tuple[int, ...]) -> int:
    return rng.choices(range(len(weights)), weights)[0]


def _part_span(rng: Random, ctx: Ctx, group: str, day: dt.date) -> tuple[str, str]:
    """A medical visit of 45–120 minutes inside one of the day's lesson spans."""
    span = rng.choice(ctx.cal.lestijd_spans(group, day))
    lo, hi = minutes_of(span.start), minutes_of(span.end)
    length = min(rng.choice((45, 60, 90, 120)), hi - lo)
    begin = lo + 15 * rng.randrange((hi - lo - length) // 15 + 1)
    return hhmm(begin), hhmm(begin + length)


def background(rng: Random, ctx: Ctx, pupil: Pupil, quiet_from: dt.date | None) -> Records:
    """The background records of one pupil, both school years.

    Rates are per whole school year; a draw that falls outside the enrolment, after `today` or on or
    after `quiet_from` (where a pattern takes over) is dropped, so a year under way has fewer records.
    """
    out: Records = {}
    nr, group = pupil.number, pupil.group
    last = min(d for d in (pupil.left, ctx.today, quiet_from - dt.timedelta(days=1) if quiet_from else None) if d)

    def ok(day: dt.date) -> bool:
        return pupil.enrolled <= day <= last and day not in out

    for year in ctx.years:
        days = ctx.year_days(group, year)
        quarter = len(days) // 4
        if quarter < 8:
            continue
        for q in rng.sample(range(4), _pick(rng, (25, 30, 25, 14, 6))):
            begin = q * quarter + rng.randrange(quarter - 3)
            for i in range(_pick(rng, (0, 50, 30, 20))):
                day = days[begin + i]
                if ok(day):
                    out[day] = rec(nr, day, "Z", gemeld=sick_report(rng, day, i == 0), note=rng.choice(SICK_NOTES))
        for _ in range(_pick(rng, (55, 30, 15))):
            day = rng.choice(days)
            if ok(day):
                van, tot = _part_span(rng, ctx, group, day)
                when = stamp(day - dt.timedelta(days=1), rng.randrange(16 * 60, 20 * 60)) if rng.random() < 0.6 else ""
                out[day] = rec(nr, day, "M", van=van, tot=tot, gemeld=when, note=rng.choice(MEDICAL_NOTES))
        for _ in range(_pick(rng, (55, 25, 13, 7))):
            day = rng.choice(days)
            if ok(day):
                note = "Verslapen" if rng.random() < 0.2 else ""
                out[day] = rec(nr, day, "T", late=str(rng.randrange(5, 21)), note=note)
        r = rng.random()
        day = rng.choice(days)
        if r < 0.03 and ok(day):
            asked = stamp(day - dt.timedelta(days=rng.randrange(21, 43)), rng.randrange(12 * 60, 16 * 60))
            out[day] = rec(nr, day, "V", gemeld=asked, note=rng.choice(VERLOF_NOTES))
        elif 0.03 <= r < 0.05 and ok(day):
            out[day] = rec(nr, day, "E", note=rng.choice(EXCURSION_NOTES))
        elif 0.05 <= r < 0.06 and year is not ctx.years[-1]:
            _unauthorised_once(rng, ctx, pupil, days, out, ok)
    return out


def _unauthorised_once(
    rng: Random, ctx: Ctx, pupil: Pupil, days: tuple[dt.date, ...], out: Records, ok: Callable[[dt.date], bool]
) -> None:
    """One old unauthorised record: a day off before a vacation (luxeverzuim) or a skipped afternoon."""
    before_vacation = [d for i, d in enumerate(days[:-1]) if (days[i + 1] - d).days > 7]
    if rng.random() < 0.5:
        day = rng.choice(before_vacation)
        if ok(day):
            out[day] = rec(pupil.number, day, "X", note="Luxeverzuim: een dag eerder op vakantie zonder verlof")
        return
    day = rng.choice(days)
    spans = ctx.cal.lestijd_spans(pupil.group, day)
    if len(spans) == 2 and ok(day):
        van, tot = str(spans[1].start)[:5], str(spans[1].end)[:5]
        out[day] = rec(pupil.number, day, "O", van=van, tot=tot, note="Na de lunch niet teruggekomen, ouders gebeld")


# -- background conversations and plans --------------------------------------------------------------

IB = "Marieke Aarts (IB-er)"

_CONVERSATIONS: tuple[tuple[ConversationKind, str, str, tuple[tuple[str, str, int], ...]], ...] = (
    (
        ConversationKind.PUPIL,
        "{first}, leerkracht",
        "Gesprek met {first} over hoe het gaat in de klas. {Hij} vertelt dat {hij} het naar {zijn} zin "
        "heeft, maar het in de pauze soms te druk vindt.",
        (("{first} mag in de pauze af en toe in de bibliotheek lezen", "leerkracht", 10),),
    ),
    (
        ConversationKind.PUPIL,
        "{first}, " + IB,
        "Kort gesprek met {first} na een paar keer te laat komen. {Hij} zegt dat {hij} 's ochtends op "
        "{zijn} broertje of zusje moet wachten.",
        (),
    ),
    (
        ConversationKind.PARENTS_PHONE,
        "moeder, leerkracht",
        "Moeder belde over de ziekmeldingen van de afgelopen weken. {first} is weer beter en gaat "
        "gewoon naar school; we houden het samen in de gaten.",
        (),
    ),
    (
        ConversationKind.PARENTS_PHONE,
        "vader, " + IB,
        "Vader gebeld over een verlofaanvraag buiten de schoolvakanties. Uitgelegd dat verlof alleen kan "
        "bij gewichtige omstandigheden (art. 11); vader ziet af van de aanvraag.",
        (),
    ),
    (
        ConversationKind.PARENTS_MEETING,
        "ouders, leerkracht, " + IB,
        "Oudergesprek over de voortgang van {first}. Ouders zijn tevreden; de aanwezigheid is goed.",
        (("Vervolggesprek na de volgende Cito-toetsen", "leerkracht", 70),),
    ),
    (
        ConversationKind.PARENTS_MEETING,
        "moeder, leerkracht",
        "Gesprek met moeder over {first}s vermoeidheid in de klas. Afgesproken op vaste tijden naar bed "
        "te gaan en over drie weken te kijken hoe het gaat.",
        (
            ("Moeder houdt bij hoe laat {first} gaat slapen", "ouders", 21),
            ("Terugkoppeling aan moeder", "leerkracht", 21),
        ),
    ),
    (
        ConversationKind.SOCIAL_WORK,
        "schoolmaatschappelijk werk, " + IB,
        "Overleg met schoolmaatschappelijk werk over de thuissituatie van {first}. Ouders staan open "
        "voor een kennismakingsgesprek.",
        (("Kennismakingsgesprek met ouders plannen", "schoolmaatschappelijk werk", 14),),
    ),
)


def pronouns(pupil: Pupil) -> dict[str, str]:
    hij, zijn, hem = ("zij", "haar", "haar") if pupil.girl else ("hij", "zijn", "hem")
    return {"first": pupil.first, "hij": hij, "Hij": hij.capitalize(), "zijn": zijn, "hem": hem}


def conversation_time(rng: Random, kind: ConversationKind) -> dt.time:
    if kind is ConversationKind.PUPIL:
        minutes = rng.randrange(10 * 60, 14 * 60 + 30, 15)
    elif kind is ConversationKind.PARENTS_PHONE:
        minutes = rng.choice((rng.randrange(8 * 60 + 10, 8 * 60 + 30, 5), rng.randrange(15 * 60 + 10, 16 * 60 + 30, 5)))
    else:
        minutes = rng.randrange(15 * 60 + 15, 16 * 60 + 31, 15)
    return dt.time(minutes // 60, minutes % 60)


def background_conversations(rng: Random, ctx: Ctx, pupils: list[Pupil]) -> list[DemoConversation]:
    """About one conversation per ten pupils, on schooldagen while the pupil is enrolled."""
    out: list[DemoConversation] = []
    for pupil in rng.sample(pupils, len(pupils) // 10):
        days = ctx.days_of(pupil)
        if not days:
            continue
        day = rng.choice(days)
        kind, who, text, agreements = rng.choice(_CONVERSATIONS)
        words = pronouns(pupil)
        deals = tuple(
            DemoAgreement(
                a.format(**words), owner, day + dt.timedelta(days=after), day + dt.timedelta(days=after) < ctx.today
            )
            for a, owner, after in agreements
        )
        out.append(
            DemoConversation(
                pupil.number, day, conversation_time(rng, kind), kind, who.format(**words), text.format(**words), deals
            )
        )
    return out


def background_plans(rng: Random, ctx: Ctx, pupils: list[Pupil]) -> list[DemoPlan]:
    """Learning-support plans of a few pupils, unrelated to verzuim but on the same dossier."""
    out: list[DemoPlan] = []
    for pupil in rng.sample(pupils, max(1, len(pupils) // 30)):
        days = ctx.days_of(pupil)
        if not days:
            continue
        start = rng.choice(days)
        kind = "OPP" if rng.random() < 0.3 else "IHP"
        if rng.random() < 0.5:
            location = rf"\\klimop-server\zorg\{pupil.number}\{kind}_{start.year}.docx"
        else:
            location = f"https://las.example.nl/leerling/{pupil.number}/{kind.lower()}-{start.isoformat()}"
        out.append(DemoPlan(pupil.number, kind, location, start, start + dt.timedelta(weeks=rng.randrange(10, 17))))
    return out
