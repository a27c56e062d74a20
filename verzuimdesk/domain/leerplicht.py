"""Leerplicht (PROTOCOLS.md §1b): from when a pupil is leerplichtig, and on which days not.

Leerplichtwet 1969 art. 3: a child is leerplichtig "met ingang van de eerste schooldag van de maand
volgende op die waarin het de leeftijd van vijf jaren heeft bereikt". A pupil born on 1 March turns
5 in March and is leerplichtig from the first schooldag of April, like one born on 31 March. A
pupil born on 29 February turns 5 on 1 March in a year without that day (the usual Dutch reading),
so in March. A pupil without a birth date is taken as leerplichtig, and a recorded vrijstelling
(`Exemption`) makes the pupil not leerplichtig for its period.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.records import AbsenceRecord, Exemption, PupilData

LEERPLICHT_AGE = 5

# Leerplichtwet articles a vrijstelling can rest on (docs/formats.md), by the code a file gives. Art. 11a
# (a 5-year-old's hours at home) and verlof (art. 11, 13a, 14) are no vrijstelling of the whole day:
# they are absence records of an authorised code. "5a" is art. 5 onder a, as leerplicht writes it.
ARTICLES: dict[str, str] = {
    "3a": "art. 3a: vervangende leerplicht (aangepast programma)",
    "3b": "art. 3b: vervangende leerplicht (beroepsopleiding)",
    "5a": "art. 5 onder a: lichamelijk of psychisch niet geschikt",
    "5b": "art. 5 onder b: bedenkingen tegen de richting van de scholen",
    "5c": "art. 5 onder c: ingeschreven op een school buiten Nederland",
    "15": "art. 15: vrijstelling wegens het volgen van ander onderwijs",
}


def article_code(text: str) -> str | None:
    """The code of ARTICLES that `text` names ("5 onder a", "art. 5 sub a", "5a", "15"), or None."""
    t = " ".join(text.lower().replace("artikel", " ").replace("art.", " ").replace(",", " ").split())
    t = t.replace(" onder ", "").replace(" sub ", "").replace(" lid ", "").replace(" ", "")
    return t if t in ARTICLES else None


def fifth_birthday(born: date) -> date:
    """The day the pupil turns 5; 1 March for one born on 29 February when the year has no such day."""
    try:
        return born.replace(year=born.year + LEERPLICHT_AGE)
    except ValueError:
        return date(born.year + LEERPLICHT_AGE, 3, 1)


def start_month(born: date) -> date:
    """The first calendar day of the month after the month of the 5th birthday."""
    b = fifth_birthday(born)
    return date(b.year + 1, 1, 1) if b.month == 12 else date(b.year, b.month + 1, 1)


@dataclass(frozen=True, slots=True)
class Leerplicht:
    """When one pupil is leerplichtig. `start` is None for a pupil without a birth date (always)."""

    start: date | None  # the first schooldag of leerplicht (or the month's first day if none is known)
    birth_date: date | None
    exemptions: tuple[Exemption, ...]

    def on(self, day: date) -> bool:
        """Leerplichtig on `day`: past the start, and no vrijstelling covers it."""
        if self.start is not None and day < self.start:
            return False
        return not any(e.covers(day) for e in self.exemptions)

    def counts(self, record: AbsenceRecord) -> bool:
        """Whether a record counts toward a rule with a `duo_report` (dated in leerplicht)."""
        return self.on(record.day)

    def exemption_on(self, day: date) -> Exemption | None:
        return next((e for e in self.exemptions if e.covers(day)), None)

    def periods(self, first: date, last: date) -> list[tuple[date, date]]:
        """The runs of calendar days in first..last (both included) on which the pupil is leerplichtig,
        in date order; empty when there is none."""
        out: list[tuple[date, date]] = []
        day = first if self.start is None else max(first, self.start)
        while day <= last:
            covering = [e for e in self.exemptions if e.covers(day)]
            if covering:
                ends = [e.end for e in covering]
                if any(end is None for end in ends):
                    break
                day = max(e for e in ends if e is not None) + timedelta(days=1)
                continue
            later = [e.start for e in self.exemptions if day < e.start <= last]
            end = min(later) - timedelta(days=1) if later else last
            out.append((day, end))
            day = end + timedelta(days=1)
        return out


def leerplicht_of(pupil: PupilData, calendar: SchoolCalendar) -> Leerplicht:
    """The pupil's leerplicht: its first schooldag from the birth date, and the vrijstellingen."""
    return leerplicht_for(pupil.birth_date, pupil.group, pupil.exemptions, calendar)


def leerplicht_for(born: date | None, group: str, exemptions: tuple[Exemption, ...],
                   calendar: SchoolCalendar) -> Leerplicht:
    """`leerplicht_of` from the birth date, the group and the vrijstellingen themselves (a leave request's
    pupil is no PupilData)."""
    if born is None:
        return Leerplicht(None, None, exemptions)
    first = start_month(born)
    days = calendar.group_days(group).days
    i = bisect_left(days, first)
    start = days[i] if i < len(days) and (days[i].year, days[i].month) == (first.year, first.month) else first
    return Leerplicht(start, born, exemptions)
