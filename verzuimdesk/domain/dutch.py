"""The shared Dutch words of every list, report and export: names, numbers and dates as users read them.

One module so that a pupil is named and sorted the same everywhere, and a number is written the same in
the app, the PDFs and the command line.
"""

from __future__ import annotations

import unicodedata
from datetime import date

_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MONTHS_NL = _MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def number(value: float, *, decimals: int = 2, fixed: bool = False, grouped: bool = False) -> str:
    """THE Dutch number: a decimal comma, at most `decimals` decimals and no trailing zeros (16.25 →
    '16,25', 20.0 → '20', 1.5 → '1,5'); `fixed` keeps the zeros (2,0); `grouped` separates thousands
    with a dot (12.345)."""
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if not fixed and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0", "-0.00"):
        text = text[1:]
    return text.translate(_DUTCH_MARKS)


_DUTCH_MARKS = str.maketrans({",": ".", ".": ","})


def hours(minutes: float) -> str:
    """Minutes as Dutch hours: 90 → '1,5'."""
    return number(minutes / 60)


def one_decimal(value: float) -> str:
    """A percentage or so as Dutch writes it, always one decimal: 2,5 and 2,0."""
    return number(value, decimals=1, fixed=True)


def whole_hours(minutes: int) -> str:
    """Minutes as whole hours with a Dutch thousands separator: 12.345."""
    return number(minutes / 60, decimals=0, grouped=True)


def full_name(first: str, prefix: str, last: str) -> str:
    """`Jan de Vries`: roepnaam, tussenvoegsel, achternaam."""
    return " ".join(p for p in (first, prefix, last) if p)


def sort_name(first: str, prefix: str, last: str) -> str:
    """`Vries, Jan de`: how a Dutch school lists a pupil, on the achternaam without its tussenvoegsel.

    Only what the school keeps as tussenvoegsel (`prefix`) moves to the end: `El Amrani` kept as the
    achternaam sorts under E, as the school (and its LAS) spells it, in every list.
    """
    given = " ".join(p for p in (first, prefix) if p)
    return f"{last}, {given}" if last and given else last or given


def sort_key(first: str, prefix: str, last: str) -> str:
    """The key every list of pupils sorts on (services, the app's sortable columns, the PDFs): achternaam,
    then roepnaam, then tussenvoegsel, without regard to case. One string, so that a Qt sort proxy
    compares it as Python does; a tab sorts before every letter and space, so `Berg` comes before
    `Berg Ab` and `Bergen`. Accents do not count: `Özdemir` sorts with the O, `Çelik` with the C, as a
    reader looks for them (not after the Z)."""
    key = unicodedata.normalize("NFKD", "\t".join((last, first, prefix)).casefold())
    return "".join(c for c in key if not unicodedata.combining(c))


def format_date(d: date, *, weekday: bool = True) -> str:
    text = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_DAYS[d.weekday()]} {text}" if weekday else text


# The Dutch words of the headless outputs (command line, PDFs). The desktop app translates the same
# codes through Qt's translation system.
LIGHT_NL = {"green": "groen", "orange": "oranje", "red": "rood", "grey": "grijs"}

ACTION_NL = {
    "talk_pupil": "gesprek met de leerling",
    "contact_parents": "contact met de ouders",
    "duo_report": "melden bij DUO (via de leerlingadministratie, verzuimregister)",
    "school_doctor": "jeugdarts inschakelen",
    "care_team": "bespreken in het ZAT",
    "support_plan": "IHP/OPP opstellen of bijwerken",
    "swv_report": "melding bij het samenwerkingsverband",
    "suitable_offer": "passend aanbod registreren",
    "escalation": "escaleren",
}
# What a report made or a step taken is called in a document (the desk's Meldingen tab says the same):
# what was done, not the command ACTION_NL gives for what is still to do.
EVENT_NL = {
    "talk_pupil": "Gesprek met de leerling",
    "contact_parents": "Contact met de ouders",
    "duo_report": "Melding DUO (verzuimregister)",
    "school_doctor": "Jeugdarts (JGZ) ingeschakeld",
    "care_team": "Besproken in het ZAT",
    "support_plan": "IHP/OPP gestart of bijgewerkt",
    "swv_report": "Melding bij het samenwerkingsverband",
    "suitable_offer": "Passend aanbod",
    "escalation": "Escalatie",
}
# A DUO report that follows an earlier one of the same rule (the DUO sheet's kind, RuleHit.follow_up).
DUO_FOLLOW_UP_NL = "vervolgmelding bij DUO (via de leerlingadministratie, verzuimregister)"
