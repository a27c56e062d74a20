"""The two long-running demo patterns: a thuiszitter (case A) and a pupil back after a long illness
(case B), each with the dossier an IB-er would keep: reports, ZAT, plan, case for the SWV list."""

from __future__ import annotations

import datetime as dt
from random import Random

from verzuimdesk.demo.absences import IB, Ctx, rec, stamp
from verzuimdesk.demo.patterns import (
    LEERPLICHT,
    Found,
    Story,
    duo_number,
    next_day,
    sixteen_hours_reached,
    werkdagen_after,
)
from verzuimdesk.demo.people import Pupil
from verzuimdesk.demo.types import DemoCase, DemoPlan
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.codes import ConversationKind as CK


def thuiszitter(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """HW-THUIS: absent every schooldag of the last 30, mostly unauthorised; case A, IHP, ZAT, DUO
    report made; the report to the SWV is still open (red)."""
    days = ctx.days_of(p)
    if len(days) < 40:
        return None
    run = days[-30:]
    found = Found({}, days[-35])
    for i, day in enumerate(run):
        if i < 2 or i % 7 == 3:
            found.records[day] = rec(p.number, day, "?", note="Niet op school, geen bericht van ouders")
        elif i < 5:
            found.records[day] = rec(
                p.number, day, "Z", gemeld=stamp(day, rng.randrange(450, 515)), note="Ziek gemeld door moeder"
            )
        else:
            found.records[day] = rec(p.number, day, "O", note=f"Ongeoorloofd: {p.first} weigert naar school te gaan")
    reached = sixteen_hours_reached(ctx.cal, p.group, found.records) or run[10]
    report = werkdagen_after(ctx.cal, reached, 2)
    found.event(
        p.number,
        report,
        ActionKind.DUO_REPORT,
        "Gemeld in het verzuimregister van DUO (via de leerlingadministratie): 16 uur ongeoorloofd verzuim, "
        + duo_number(rng, report),
    )
    found.event(p.number, run[16], ActionKind.CARE_TEAM, "Aangemeld voor bespreking in het ZAT")
    found.event(p.number, run[22], ActionKind.SUPPORT_PLAN, "IHP met opbouwschema opgesteld en met ouders besproken")
    found.plans.append(
        DemoPlan(
            p.number,
            "IHP",
            rf"\\klimop-server\zorg\{p.number}\IHP_opbouwschema.docx",
            run[22],
            run[22] + dt.timedelta(weeks=6),
        )
    )
    found.cases.append(
        DemoCase(
            p.number,
            "A",
            run[0],
            "Leerling wil niet naar school",
            "Inzet leerplicht",
            0,
            "wachtlijst jeugdhulp (aangemeld via de gemeente)",
            None,
            "",
        )
    )
    story = Story(rng, ctx, p, found)
    story.say(
        run[0],
        CK.PARENTS_PHONE,
        "moeder, leerkracht",
        "{first} is niet op school en er is geen bericht. Moeder gebeld: {first} wilde vanochtend niet mee "
        "naar school.",
    )
    meeting = next_day(days, report)
    story.say(
        meeting,
        CK.PARENTS_MEETING,
        "ouders, leerkracht, " + IB,
        "Gesprek met ouders: {first} komt al ruim een week niet naar school; ouders krijgen {hem} 's ochtends "
        "de deur niet uit. Het verzuim is gemeld bij DUO.",
        ("Ouders brengen {first} elke ochtend tot aan de klas", "ouders", None, False),
    )
    story.say(
        next_day(days, meeting, 2),
        CK.LEERPLICHT,
        LEERPLICHT + ", " + IB,
        "Overleg met de leerplichtambtenaar na de melding. Zij spreekt ouders en {first} volgende week op school.",
    )
    story.say(
        run[12],
        CK.PARENTS_HOME,
        "ouders, {first}, leerkracht, " + IB,
        "Huisbezoek. {first} wil wel contact met de leerkracht, maar durft niet naar de klas. Afgesproken dat "
        "{hij} eerst een uur per dag komt, samen met moeder.",
        ("{first} komt elke ochtend om 10:00 een uur naar school", "ouders", run[13], False),
        ("{first} aanmelden voor het ZAT", "IB-er", run[16], True),
    )
    story.say(
        run[19],
        CK.CARE_TEAM,
        LEERPLICHT + ", jeugdarts (JGZ), schoolmaatschappelijk werk, " + IB,
        "Bespreking in het ZAT. Afgesproken: een IHP met opbouwschema, aanmelding bij jeugdhulp via de gemeente, "
        "en een melding bij het samenwerkingsverband.",
        ("IHP met opbouwschema opstellen", "IB-er", run[22], True),
        ("Melding thuiszitter bij het samenwerkingsverband", "IB-er", run[24], False),
        ("Aanmelding jeugdhulp bij de gemeente", "ouders", run[19] + dt.timedelta(days=14), True),
    )
    return found


def case_b(rng: Random, ctx: Ctx, p: Pupil) -> Found | None:
    """Long authorised absence: 25 schooldagen ziek, then back on a reduced timetable under an OPP
    (mornings until 11:00, about half the lestijd); case B, jeugdarts and ZAT involved."""
    days = ctx.days_of(p)
    if len(days) < 60:
        return None
    long, partial = days[-46:-21], days[-21:]
    found = Found({}, days[-50])
    for i, day in enumerate(long):
        reported = stamp(day, rng.randrange(450, 515)) if i == 0 or day.weekday() == 0 else ""
        found.records[day] = rec(
            p.number, day, "Z", gemeld=reported, note="Langdurig ziek; ouders houden school op de hoogte"
        )
    for day in partial:
        tot = "12:15" if day.weekday() == 2 else "15:00"
        found.records[day] = rec(p.number, day, "Z", van="11:00", tot=tot, note="Opbouw na ziekte volgens het OPP")
    found.event(
        p.number,
        long[13],
        ActionKind.SCHOOL_DOCTOR,
        "Aangemeld bij de jeugdarts (JGZ) wegens langdurig ziekteverzuim, met medeweten van ouders",
    )
    found.event(p.number, long[15], ActionKind.CARE_TEAM, "Aangemeld voor bespreking in het ZAT")
    found.event(
        p.number,
        long[22],
        ActionKind.SWV_REPORT,
        "Gemeld bij het samenwerkingsverband: langdurig geoorloofd verzuim (categorie B)",
    )
    found.event(
        p.number, partial[0], ActionKind.SUPPORT_PLAN, "OPP met opbouwschema vastgesteld, ondertekend door ouders"
    )
    found.plans.append(
        DemoPlan(
            p.number,
            "OPP",
            f"https://las.example.nl/leerling/{p.number}/opp",
            partial[0],
            partial[0] + dt.timedelta(weeks=6),
        )
    )
    found.cases.append(
        DemoCase(
            p.number,
            "B",
            long[0],
            "Lichamelijke oorzaak",
            "Volgt op/via school aangepast onderwijsprogramma",
            50,
            "",
            None,
            "",
        )
    )
    story = Story(rng, ctx, p, found)
    story.say(
        long[0],
        CK.PARENTS_PHONE,
        "moeder, leerkracht",
        "Moeder meldt {first} ziek. {Hij} blijft voorlopig thuis; moeder houdt de leerkracht op de hoogte.",
    )
    story.say(
        long[12],
        CK.PARENTS_MEETING,
        "ouders, " + IB,
        "Gesprek met ouders over het lange ziekteverzuim van {first}. Ouders vinden het goed dat de school de "
        "jeugdarts vraagt mee te denken.",
        ("Aanmelding bij de jeugdarts", "IB-er", long[13], True),
        ("Leerkracht stuurt wekelijks werk en een groet van de klas", "leerkracht", None, True),
    )
    story.say(
        long[18],
        CK.SCHOOL_DOCTOR,
        "jeugdarts (JGZ), " + IB,
        "Overleg met de jeugdarts. Zij heeft {first} en ouders gesproken en adviseert geleidelijk op te bouwen "
        "naar hele schooldagen zodra {first} weer naar school kan.",
    )
    story.say(
        long[20],
        CK.CARE_TEAM,
        "jeugdarts (JGZ), schoolmaatschappelijk werk, " + IB,
        "Bespreking in het ZAT. Afgesproken: een OPP met opbouwschema, te beginnen met ochtenden tot 11:00.",
        ("OPP opstellen en met ouders bespreken", "IB-er", partial[0], True),
    )
    story.say(
        partial[5],
        CK.PUPIL,
        "{first}, leerkracht",
        "Gesprek met {first} over de eerste week terug op school. {Hij} is blij {zijn} klasgenoten weer te zien "
        "en vindt de korte ochtenden goed te doen.",
    )
    return found
